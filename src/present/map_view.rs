//! The tree map as SVG markup: every question, the reader's path highlighted, and the
//! answered questions on it as buttons that go back to them.

use crate::engine::{Dataset, PathStep};
use crate::present::action::Action;
use crate::present::markup::{el, svg, Markup};
use crate::present::tree_layout::{TreeLayout, NODE_HEIGHT, NODE_WIDTH};

/// `path` is the session's path (answered questions, then the current one, if any);
/// `at_result` says whether the reader is at the result.
pub fn map_markup(
    ds: &Dataset,
    layout: &TreeLayout,
    path: &[PathStep],
    at_result: bool,
) -> Vec<Markup> {
    let on_path = |question_id: &str| path.iter().any(|step| step.question_id == question_id);
    let answered = |question_id: &str| {
        path.iter()
            .any(|step| step.question_id == question_id && step.answer_id.is_some())
    };
    // The edges the reader took: from each answered question to the next step.
    let taken = |from: &str, to: Option<&str>| {
        let Some(index) = path.iter().position(|step| step.question_id == from) else {
            return false;
        };
        if path[index].answer_id.is_none() {
            return false;
        }
        match (path.get(index + 1), to) {
            (Some(next), Some(to)) => next.question_id == to,
            (None, None) => at_result,
            _ => false,
        }
    };

    let edges = layout.edges.iter().map(|edge| {
        svg("path")
            .class("bc-edge")
            .attr("d", edge.path.as_str())
            .attr(
                "data-on-path",
                taken(&edge.from, edge.to.as_deref()).to_string(),
            )
            .into()
    });

    let nodes = layout.nodes.iter().map(|node| {
        let (id, title, highlighted, current) = match node.question_id.as_deref() {
            Some(id) => {
                let current = !at_result && path.last().is_some_and(|step| step.question_id == id);
                let prompt = ds
                    .question(id)
                    .map_or(id, |question| question.prompt.as_str());
                (id, prompt, on_path(id), current)
            }
            None => ("result", "Your recommendation", at_result, at_result),
        };
        let lines = node.lines.iter().enumerate().map(|(index, line)| {
            svg("tspan")
                .attr("x", (node.x + 8).to_string())
                .attr("y", (node.y + 18 + index as u32 * 15).to_string())
                // A space between lines, so the text reads as the words it shows.
                .text(if index + 1 < node.lines.len() {
                    format!("{line} ")
                } else {
                    line.clone()
                })
                .into()
        });
        let group = svg("g")
            .class("bc-node")
            .attr("data-testid", "map-node")
            .attr("data-on-path", highlighted.to_string())
            .attr("data-current", current.to_string());
        let clickable = node.question_id.is_some() && answered(id);
        let group = match clickable {
            // `Action::GoTo` carries the node's `data-question`.
            true => group
                .action(Action::GoTo {
                    question: id.to_owned(),
                })
                .attr("role", "button")
                .attr("tabindex", "0")
                // The visible (possibly shortened) text starts the name, as WCAG 2.5.3 asks.
                .attr(
                    "aria-label",
                    format!("{} (go back to this question)", node.lines.join(" ")),
                ),
            false => group.attr("data-question", id),
        };
        // A tooltip with the whole question; on a button (whose name is its visible text)
        // only where that text is shortened, else a screen reader would read it twice.
        // (`wrap` ends a shortened text with "…".)
        let shortened = node.lines.last().is_some_and(|line| line.ends_with('…'));
        let group = match clickable && !shortened {
            true => group,
            false => group.child(svg("title").text(title)),
        };
        group
            .child(
                svg("rect")
                    .attr("x", node.x.to_string())
                    .attr("y", node.y.to_string())
                    .attr("width", NODE_WIDTH.to_string())
                    .attr("height", NODE_HEIGHT.to_string())
                    .attr("rx", "6"),
            )
            .child(svg("text").children(lines))
            .into()
    });

    let picture = svg("svg")
        .class("bc-map")
        .attr("width", layout.width.to_string())
        .attr("height", layout.height.to_string())
        .attr("viewBox", format!("0 0 {} {}", layout.width, layout.height))
        .attr("role", "group")
        .attr(
            "aria-label",
            "The decision tree. Your path is highlighted; questions you answered can be activated to go back to them.",
        )
        .children(edges)
        .children(nodes);
    let hint = el("p").class("bc-muted").text(
        "Your path is highlighted. Select a question you answered to go back to it; \
         scroll inside the map to see the whole tree.",
    );
    vec![
        hint.into(),
        el("div")
            .class("bc-map-wrap")
            .attr("data-testid", "tree-map")
            .attr("tabindex", "0")
            .attr("role", "region")
            .attr("aria-label", "Decision tree map")
            .child(picture)
            .into(),
    ]
}
