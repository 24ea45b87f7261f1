//! Where focus goes after the reader moved, decided from state (the open tab), never by
//! looking at the DOM.

use crate::present::tabs::Tab;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The heading of the step shown (`data-step-heading`: the question or the result).
    StepHeading,
    /// The selected tab.
    SelectedTab,
}

impl Focus {
    /// After the reader moved (answered, went back, changed an answer, dismissed the
    /// notice): the step's heading; while another tab is open the Decide panel is hidden
    /// and focus there would fall to the page's body, so that tab instead.
    pub fn after_move(open: Tab) -> Focus {
        match open {
            Tab::Decide => Focus::StepHeading,
            Tab::Compare | Tab::Map => Focus::SelectedTab,
        }
    }

    /// A selector for the target inside one widget (each widget has one step heading
    /// and one selected tab).
    pub fn selector(self) -> &'static str {
        match self {
            Focus::StepHeading => "[data-step-heading]",
            Focus::SelectedTab => "[role=tab][aria-selected=true]",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focus_follows_the_open_tab() {
        assert_eq!(Focus::after_move(Tab::Decide), Focus::StepHeading);
        assert_eq!(Focus::after_move(Tab::Map), Focus::SelectedTab);
        assert_eq!(Focus::after_move(Tab::Compare), Focus::SelectedTab);
    }
}
