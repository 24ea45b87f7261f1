//! The widget's three views as ARIA tabs, as markup: the selected tab is the one tab stop;
//! arrow keys, Home and End move between tabs (`TabKey`, `Tab::after_key`).

use crate::present::action::Action;
use crate::present::markup::{el, Markup};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Decide,
    Compare,
    Map,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Decide, Tab::Compare, Tab::Map];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Decide => "Decide",
            Tab::Compare => "Compare",
            Tab::Map => "Tree map",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Tab::Decide => "decide",
            Tab::Compare => "compare",
            Tab::Map => "map",
        }
    }

    /// The tab's element id in the widget whose ids start with `ids`.
    pub fn id(self, ids: &str) -> String {
        format!("{ids}-tab-{}", self.key())
    }

    /// The id of the panel the tab controls.
    pub fn panel_id(self, ids: &str) -> String {
        format!("{ids}-panel-{}", self.key())
    }

    pub fn from_key(key: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|tab| tab.key() == key)
    }

    /// The tab `key` moves to from this one, as the ARIA tabs pattern says (wrapping
    /// around).
    pub fn after_key(self, key: TabKey) -> Tab {
        let count = Tab::ALL.len();
        let index = Tab::ALL.iter().position(|tab| *tab == self).unwrap_or(0);
        let target = match key {
            TabKey::Next => (index + 1) % count,
            TabKey::Previous => (index + count - 1) % count,
            TabKey::First => 0,
            TabKey::Last => count - 1,
        };
        Tab::ALL[target]
    }
}

/// A key that moves between tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TabKey {
    Next,
    Previous,
    First,
    Last,
}

impl TabKey {
    /// From a `KeyboardEvent.key`; `None` for any key that does not move between tabs.
    pub fn from_key(key: &str) -> Option<TabKey> {
        match key {
            "ArrowRight" => Some(TabKey::Next),
            "ArrowLeft" => Some(TabKey::Previous),
            "Home" => Some(TabKey::First),
            "End" => Some(TabKey::Last),
            _ => None,
        }
    }
}

/// The tab list; `ids` prefixes element ids (unique per widget).
pub fn tabs_markup(selected: Tab, ids: &str) -> Vec<Markup> {
    let buttons = Tab::ALL.into_iter().map(|tab| {
        let chosen = tab == selected;
        let button = el("button")
            .attr("type", "button")
            .attr("role", "tab")
            .attr("id", tab.id(ids))
            .action(Action::Tab(tab))
            .attr("data-testid", format!("tab-{}", tab.key()))
            .attr("aria-controls", tab.panel_id(ids))
            .attr("aria-selected", chosen.to_string())
            .attr("tabindex", if chosen { "0" } else { "-1" })
            .text(tab.label());
        match chosen {
            // After a re-render caused from inside the list, focus stays on the selection.
            true => button.attr("data-autofocus", "").into(),
            false => button.into(),
        }
    });
    vec![el("div")
        .class("bc-tabs")
        .attr("role", "tablist")
        .attr("aria-label", "Views")
        .children(buttons)
        .into()]
}

#[cfg(test)]
mod tests {
    use super::{tabs_markup, Tab, TabKey};
    use crate::present::markup::Markup;

    #[test]
    fn keys_move_between_tabs_and_wrap() {
        let after = |tab: Tab, key: &str| TabKey::from_key(key).map(|key| tab.after_key(key));
        assert_eq!(after(Tab::Decide, "ArrowRight"), Some(Tab::Compare));
        assert_eq!(after(Tab::Map, "ArrowRight"), Some(Tab::Decide));
        assert_eq!(after(Tab::Decide, "ArrowLeft"), Some(Tab::Map));
        assert_eq!(after(Tab::Compare, "Home"), Some(Tab::Decide));
        assert_eq!(after(Tab::Compare, "End"), Some(Tab::Map));
        assert_eq!(after(Tab::Compare, "Enter"), None);
        assert_eq!(Tab::from_key("map"), Some(Tab::Map));
        assert_eq!(Tab::from_key("nope"), None);
    }

    #[test]
    fn only_the_selected_tab_is_a_tab_stop() {
        let list = Markup::Element(
            crate::present::markup::el("div").children(tabs_markup(Tab::Compare, "bc1")),
        );
        let stops = list.find_all(&|element| element.attribute("tabindex") == Some("0"));
        assert_eq!(stops.len(), 1);
        assert_eq!(stops[0].attribute("data-tab"), Some("compare"));
        assert_eq!(stops[0].attribute("aria-selected"), Some("true"));
        assert_eq!(stops[0].attribute("id"), Some("bc1-tab-compare"));
    }
}
