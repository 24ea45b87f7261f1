//! Where focus goes after the reader moved, decided from state (the open tab), never by
//! looking at the DOM.

use crate::present::tabs::Tab;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The heading of the step shown (`data-step-heading`: the question or the result).
    StepHeading,
    /// A tab of the tab list.
    Tab(Tab),
}

impl Focus {
    /// After the reader moved (answered, went back, changed an answer, dismissed the
    /// notice): the step's heading; while another tab is open the Decide panel is hidden
    /// and focus there would fall to the page's body, so that tab instead.
    pub fn after_move(open: Tab) -> Focus {
        match open {
            Tab::Decide => Focus::StepHeading,
            other => Focus::Tab(other),
        }
    }

    /// A selector for the target inside one widget; `ids` is its id prefix.
    pub fn selector(self, ids: &str) -> String {
        match self {
            Focus::StepHeading => "[data-step-heading]".to_owned(),
            Focus::Tab(tab) => format!("#{}", tab.id(ids)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focus_follows_the_open_tab() {
        assert_eq!(Focus::after_move(Tab::Decide), Focus::StepHeading);
        assert_eq!(Focus::after_move(Tab::Map), Focus::Tab(Tab::Map));
        assert_eq!(
            Focus::after_move(Tab::Compare).selector("bc2"),
            "#bc2-tab-compare"
        );
        assert_eq!(Focus::StepHeading.selector("bc2"), "[data-step-heading]");
    }
}
