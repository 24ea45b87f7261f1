//! The widget's first screen (a fresh start: the first question) as markup.
//!
//! The build writes `first_screen` as HTML into the pages (`src/bin/prerender.rs`), so the
//! first question shows, and can be answered, before the wasm has arrived. Its frame is
//! `present::frame`, the wasm's own, and each part holds what the same `present` function
//! returns there; the end-to-end test "the pre-rendered first step is what the wasm renders"
//! compares the two in a browser.

use crate::engine::{Dataset, Progress, Session, Step};
use crate::present::frame::{frame, Part, Shape};
use crate::present::markup::{el, Markup};
use crate::present::path_view::path_markup;
use crate::present::question_view::question_markup;
use crate::present::shell::{filter_markup, header_markup};
use crate::present::tabs::{tabs_markup, Tab};
use crate::present::text;

/// The element id prefix of the first widget on a page (`ui::state::Ctx::id_prefix`).
pub const FIRST_IDS: &str = "bc1";

/// The marker attribute on the pre-rendered widget's root (`index.html`'s script replaces
/// that element with the wasm's widget).
pub const PRERENDERED: &str = "data-prerendered";

/// What a page shows where the widget cannot run (no JavaScript, no WebAssembly, a
/// Content-Security-Policy that blocks it, or its files could not be loaded): what each side
/// means, in the dataset's words.
/// The build writes it, hidden, after the first screen (`fallback_html`); the standalone
/// page and `embed.js` show it when they need it.
pub fn summary(ds: &Dataset) -> String {
    let mut text = format!(
        "{} The interactive comparison cannot run here: it needs JavaScript and WebAssembly, \
         which this browser or page does not allow, or which could not be loaded (reloading \
         the page may help). In short:",
        ds.title
    );
    for side in &ds.sides {
        text = format!("{text} {}: {}", side.label, side.summary);
    }
    text
}

/// The summary as the hidden paragraph the pages carry after the first screen.
pub fn fallback_html(ds: &Dataset) -> String {
    crate::present::markup::to_html(&[el("p")
        .attr("data-fallback", "")
        .attr("hidden", "")
        .text(summary(ds))
        .into()])
}

/// The step part's content for a question: the question's form, or a message when the
/// dataset has no such question (the wasm's step part uses it too).
pub fn question_step(
    ds: &Dataset,
    question_id: &str,
    selected: Option<&str>,
    progress: &Progress,
    ids: &str,
    choose_first: bool,
) -> Vec<Markup> {
    let body = match ds.question(question_id) {
        Some(question) => question_markup(question, selected, progress, ids, choose_first),
        None => vec![el("p")
            .attr("role", "alert")
            .text("This question is missing from the data.")
            .into()],
    };
    vec![el("div").class("bc-question-step").children(body).into()]
}

/// The widget as it first renders for a fresh session (`frame` with each part's content),
/// without the standalone page's "Embed this" panel (it needs the page's address; the wasm
/// adds it below). The wasm takes these nodes over (`ui::markup_dom::mount_frame`), knowing
/// them by this same markup.
pub fn first_screen(ds: &Dataset, theme: &'static str, standalone: bool, compact: bool) -> Markup {
    let ids = FIRST_IDS;
    let step = Session::new().current(ds);
    let shape = Shape {
        ids,
        theme,
        compact,
        embed_panel: false,
    };
    frame(&shape, &mut |part| match part {
        Part::Live => vec![text::announcement(ds, &step, None).into()],
        Part::Head => header_markup(&ds.title, &ds.intro, standalone),
        Part::TabList => tabs_markup(Tab::Decide, ids),
        Part::Step => match &step {
            Step::Question {
                question_id,
                selected,
                progress,
            } => question_step(ds, question_id, selected.as_deref(), progress, ids, false),
            Step::Result => Vec::new(),
        },
        Part::Path => path_markup(ds, &crate::engine::Answers::new(), compact),
        Part::Filter => filter_markup(&format!("{ids}-filter")),
        _ => Vec::new(),
    })
    .attr(PRERENDERED, "")
    .into()
}
