//! The widget's frame: its root, the live region, the tab panels and the parts, each part
//! an element whose content one `present` function makes (`ui` renders a part again when
//! the state it shows changes). The build pre-renders the frame with the first screen in it
//! (`first_screen`); the wasm makes the same frame and takes over the pre-rendered nodes
//! (`ui::markup_dom::mount_frame`), so the two cannot drift.

use crate::present::markup::{el, Element, Markup};
use crate::present::tabs::Tab;

/// The attribute that marks a part, with the part's name.
pub const PART: &str = "data-part";

/// A part of the frame whose content is rendered as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The live region (`role="status"`): what changed, for screen readers.
    Live,
    Head,
    Notice,
    TabList,
    Step,
    /// What the last copy in the step did.
    Copy,
    Path,
    Filter,
    Compare,
    Map,
    /// The standalone page's "Embed this" snippets, and what their last copy did.
    EmbedBody,
    EmbedCopy,
}

impl Part {
    pub const ALL: [Part; 12] = [
        Part::Live,
        Part::Head,
        Part::Notice,
        Part::TabList,
        Part::Step,
        Part::Copy,
        Part::Path,
        Part::Filter,
        Part::Compare,
        Part::Map,
        Part::EmbedBody,
        Part::EmbedCopy,
    ];

    /// Its name in the `data-part` attribute.
    pub fn name(self) -> &'static str {
        match self {
            Part::Live => "live",
            Part::Head => "head",
            Part::Notice => "notice",
            Part::TabList => "tab-list",
            Part::Step => "step",
            Part::Copy => "copy",
            Part::Path => "path",
            Part::Filter => "filter",
            Part::Compare => "compare",
            Part::Map => "map",
            Part::EmbedBody => "embed-body",
            Part::EmbedCopy => "embed-copy",
        }
    }

    pub fn from_name(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.name() == name)
    }

    /// The element a part is (a `div` with its class, but the live region).
    fn element(self) -> Element {
        let class = match self {
            Part::Live => {
                return el("p")
                    .class("bc-sr")
                    .attr("role", "status")
                    .attr("data-testid", "live")
                    .attr(PART, self.name())
            }
            Part::Head => "bc-head",
            Part::Notice => "bc-notice-area",
            Part::TabList => "bc-tab-list",
            Part::Step => "bc-step-area",
            Part::Copy | Part::EmbedCopy => "bc-copy-area",
            Part::Path => "bc-path",
            Part::Filter => "bc-filter-area",
            Part::Compare => "bc-compare-body",
            Part::Map => "bc-map-body",
            Part::EmbedBody => "bc-embed-body",
        };
        el("div").class(class).attr(PART, self.name())
    }
}

/// What a widget's frame looks like.
pub struct Shape<'a> {
    /// What starts the widget's element ids (`bc1`, …).
    pub ids: &'a str,
    /// `auto`, `light` or `dark`.
    pub theme: &'static str,
    /// Only the questions and the result: no tab list, comparison table or tree map.
    pub compact: bool,
    /// The standalone page's "Embed this" panel.
    pub embed_panel: bool,
}

/// The frame with each part holding what `fill` returns for it (called once per part the
/// shape has, in document order), the Decide panel shown.
pub fn frame(shape: &Shape, fill: &mut dyn FnMut(Part) -> Vec<Markup>) -> Element {
    let mut part = |part: Part| -> Markup { part.element().children(fill(part)).into() };
    let ids = shape.ids;
    let panel = |tab: Tab, content: Vec<Markup>| -> Markup {
        let mut panel = el("div");
        if !shape.compact {
            panel = panel.attr("role", "tabpanel");
        }
        panel = panel.attr("id", tab.panel_id(ids));
        if !shape.compact {
            panel = panel.attr("aria-labelledby", tab.id(ids));
        }
        if tab != Tab::Decide {
            panel = panel.attr("hidden", "");
        }
        panel.children(content).into()
    };
    let mut root = el("div")
        .class("bc")
        .attr("data-theme", shape.theme)
        .attr("data-testid", "widget")
        .child(part(Part::Live))
        .child(part(Part::Head))
        .child(part(Part::Notice));
    if !shape.compact {
        root = root.child(part(Part::TabList));
    }
    let decide = vec![part(Part::Step), part(Part::Copy), part(Part::Path)];
    root = root.child(panel(Tab::Decide, decide));
    if !shape.compact {
        let compare = el("div")
            .class("bc-compare")
            .attr("data-testid", "compare")
            .child(part(Part::Filter))
            .child(part(Part::Compare));
        root = root
            .child(panel(Tab::Compare, vec![compare.into()]))
            .child(panel(Tab::Map, vec![part(Part::Map)]));
    }
    if shape.embed_panel {
        root = root.child(
            el("details")
                .class("bc-embed")
                .attr("data-testid", "embed")
                .child(el("summary").text("Embed this on your site"))
                .child(part(Part::EmbedBody))
                .child(part(Part::EmbedCopy)),
        );
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts_in(markup: &Markup, out: &mut Vec<Part>) {
        if let Markup::Element(element) = markup {
            if let Some(name) = element.attribute(PART) {
                out.push(Part::from_name(name).expect("a known part"));
            }
            for child in &element.children {
                parts_in(child, out);
            }
        }
    }

    #[test]
    fn each_part_once_in_the_order_fill_is_called() {
        for (compact, embed_panel) in [(false, false), (false, true), (true, false)] {
            let shape = Shape {
                ids: "bc1",
                theme: "auto",
                compact,
                embed_panel,
            };
            let mut filled = Vec::new();
            let root = frame(&shape, &mut |part| {
                filled.push(part);
                Vec::new()
            });
            let mut found = Vec::new();
            parts_in(&root.into(), &mut found);
            assert_eq!(found, filled);
            let expected: Vec<Part> = Part::ALL
                .into_iter()
                .filter(|part| {
                    let tabbed = matches!(
                        part,
                        Part::TabList | Part::Filter | Part::Compare | Part::Map
                    );
                    let embed = matches!(part, Part::EmbedBody | Part::EmbedCopy);
                    (!tabbed || !compact) && (!embed || embed_panel)
                })
                .collect();
            assert_eq!(found, expected);
        }
        for part in Part::ALL {
            assert_eq!(Part::from_name(part.name()), Some(part));
        }
    }
}
