//! The view layer (wasm32 only): Leptos components that wire signals to the engine and
//! render. Nothing here decides anything; it asks `engine` and `present`.

mod actions;
mod dom;
pub mod embed;
pub mod markup_dom;
mod slot;
mod state;
mod url_state;

pub use state::Host;

use crate::engine::{Dataset, Step};
use crate::present::compare::{compare_markup, drove, matches};
use crate::present::map_view::map_markup;
use crate::present::markup::el;
use crate::present::path_view::path_markup;
use crate::present::question_view::question_markup;
use crate::present::restore::{restore, Restored};
use crate::present::result_view::result_markup;
use crate::present::shell::{copy_status_markup, filter_markup, header_markup, notice_markup};
use crate::present::tabs::{tabs_markup, Tab};
use crate::present::text;
use crate::present::tree_layout::layout;
use actions::CopyState;
use leptos::prelude::*;
use markup_dom::{markup_container, Event};
use state::Ctx;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsCast;

/// The colour scheme: follow the reader's system, or force one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn attribute(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// How one widget is set up by its page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub host: Host,
    /// A share fragment to start from (empty: a fresh start).
    pub fragment: String,
    pub theme: Theme,
    /// Only the questions and the result: no comparison table or tree map tabs.
    pub compact: bool,
    /// An outside dataset's text, checked by `dataset-loader.js`; `None`: the default.
    pub dataset: Option<String>,
}

/// Mounts the standalone page's widget into `#backend-chooser[data-standalone]`, its
/// state in the URL. On any other page (a host page that loaded the wasm through
/// `embed.js`) it does nothing, even if that page has an element with this id; nor on a
/// page for an outside dataset (`?src=`), whose script calls `mount_standalone_with` once
/// `dataset-loader.js` has fetched and checked it.
pub fn mount_standalone() {
    let outside = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .is_some_and(|query| query.split(['?', '&']).any(|pair| pair.starts_with("src=")));
    if !outside {
        let _ = mount_standalone_with(None);
    }
}

/// Mounts the standalone page's widget on `dataset` (checked text from
/// `dataset-loader.js`), or on the default dataset for `None`; or says why it cannot.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_standalone_with(dataset: Option<String>) -> Result<(), String> {
    let Some(parent) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("backend-chooser"))
        .filter(|element| element.has_attribute("data-standalone"))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return Ok(());
    };
    let options = Options {
        host: Host::Standalone,
        fragment: url_state::current_fragment(),
        theme: Theme::Auto,
        compact: false,
        dataset,
    };
    let ds = options.dataset()?;
    leptos::mount::mount_to(parent, move || view! { <Widget ds options /> }).forget();
    Ok(())
}

impl Options {
    /// The dataset these options name: an outside one (`crate::outside_dataset`) or the
    /// default; or why it cannot be read, in words (never reached for text that
    /// `dataset-loader.js` has checked, nor for the default, which the build checked).
    pub fn dataset(&self) -> Result<&'static Dataset, String> {
        match &self.dataset {
            Some(text) => crate::outside_dataset(text),
            None => crate::default_dataset(),
        }
        .map_err(ToString::to_string)
    }
}

static INSTANCES: AtomicU32 = AtomicU32::new(0);

/// One widget: a few stable containers, each filled with markup from `present` whenever
/// the state it shows changes.
#[component]
pub fn Widget(ds: &'static Dataset, options: Options) -> impl IntoView {
    let Options {
        host,
        fragment,
        theme,
        compact,
        ..
    } = options;
    let standalone = host == Host::Standalone;
    let Restored { session, notice } = restore(ds, &fragment);
    let instance = INSTANCES.fetch_add(1, Ordering::Relaxed) + 1;
    let ctx = Ctx::new(ds, host, session, notice, instance, theme);
    let Ctx { tab, root, .. } = ctx;

    match standalone {
        true => url_state::sync_with_url(ctx),
        false => embed::send_events(ctx, root),
    }

    // Focus follows the reader's own moves only, never the first render; each move also
    // clears what the last copy said.
    Effect::new_sync(move |previous: Option<u32>| {
        let moved = ctx.moved.get();
        if previous.is_some_and(|previous| previous != moved) {
            ctx.copy.set(CopyState::default());
            dom::after_paint(move || ctx.focus_after_move());
        }
        moved
    });

    let live = move || {
        let status = ctx.status.get();
        if !status.is_empty() {
            return status;
        }
        ctx.step.with(|step| {
            ctx.outcome
                .with(|outcome| text::announcement(ds, step, outcome.as_ref()))
        })
    };

    let on_event = Callback::new(move |event: Event| match event {
        Event::Action(action) => actions::run(ctx, action),
        Event::TabKey(key) => {
            if let Some(open) = tab.try_get_untracked() {
                tab.set(open.after_key(key));
            }
        }
        // Typing is read only in the filter's container (its callback below); radios
        // send input events too.
        Event::Input(_) => {}
    });

    let header = Box::new(move || header_markup(&ds.title, &ds.intro, standalone));
    let notice = Box::new(move || ctx.notice.with(|notice| notice_markup(notice.as_deref())));
    let tab_list = Box::new(move || tabs_markup(tab.get(), &ctx.id_prefix()));
    let step = Box::new(move || {
        ctx.step.with(|step| match step {
            Step::Question {
                question_id,
                selected,
                progress,
            } => {
                let body = match ds.question(question_id) {
                    Some(question) => question_markup(
                        question,
                        selected.as_deref(),
                        progress,
                        &ctx.id_prefix(),
                        ctx.choose_first
                            .with(|asked| asked.as_ref() == Some(question_id)),
                    ),
                    None => vec![el("p")
                        .attr("role", "alert")
                        .text("This question is missing from the data.")
                        .into()],
                };
                vec![el("div").class("bc-question-step").children(body).into()]
            }
            Step::Result => {
                let link = ctx.share_link(
                    &ctx.answered
                        .with(|answered| crate::engine::encode(ds, answered)),
                );
                let body = ctx.outcome.with(|outcome| {
                    outcome
                        .as_ref()
                        .map(|outcome| result_markup(ds, outcome, &link, compact))
                        .unwrap_or_default()
                });
                vec![el("section")
                    .class("bc-step bc-result")
                    .attr("data-testid", "result")
                    .child(el("div").class("bc-result-body").children(body))
                    .into()]
            }
        })
    });
    // Beside the result, not inside it: re-rendering the result would move focus.
    let copy_status = Box::new(move || match ctx.step.with(|step| *step == Step::Result) {
        true => ctx.copy.with(|state| {
            copy_status_markup(&state.message, state.manual.as_deref(), "copy-status")
        }),
        false => Vec::new(),
    });
    let path_summary = Box::new(move || {
        ctx.answered
            .with(|answered| path_markup(ds, answered, compact))
    });

    let query = RwSignal::new(String::new());
    let filter_id = ctx.element_id("filter");
    let filter = Box::new(move || filter_markup(&filter_id));
    let on_filter = Callback::new(move |event: Event| {
        // The one live region says how many rows the filter left.
        if let Event::Input(text) = event {
            let shown = ds
                .criteria
                .iter()
                .filter(|criterion| matches(criterion, &text))
                .count();
            ctx.status
                .set(text::criteria_shown(shown, ds.criteria.len()));
            query.set(text);
        }
    });
    // The table and the map are drawn only while their tab is open.
    let compare = Box::new(move || {
        if tab.get() != Tab::Compare {
            return Vec::new();
        }
        let drove: Vec<String> = ctx.outcome.with(|outcome| {
            outcome
                .as_ref()
                .map_or_else(Vec::new, |outcome| drove(&outcome.scorecard))
        });
        query.with(|query| compare_markup(ds, query, &drove))
    });
    let tree = layout(ds);
    let map = Box::new(move || {
        if tab.get() != Tab::Map {
            return Vec::new();
        }
        let at_result = ctx.step.with(|step| *step == Step::Result);
        // Only the map shows the path: it is computed here, not kept in a memo (a memo of
        // another type costs 0.4 KB of brotli wasm).
        let path = ctx.session.with(|session| session.path(ds));
        map_markup(ds, &tree, &path, at_result)
    });

    let panel_id = move |which: Tab| which.panel_id(&ctx.id_prefix());
    let tab_id = move |which: Tab| (!compact).then(|| which.id(&ctx.id_prefix()));
    let role = (!compact).then_some("tabpanel");
    let hidden = move |which: Tab| move || tab.get() != which;
    view! {
        <div class="bc" data-theme=theme.attribute() data-testid="widget" node_ref=root>
            <p class="bc-sr" role="status" data-testid="live">{live}</p>
            {markup_container(header, "bc-head", None)}
            {markup_container(notice, "bc-notice-area", Some(on_event))}
            {(!compact).then(|| markup_container(tab_list, "bc-tab-list", Some(on_event)))}
            <div role=role id=panel_id(Tab::Decide) aria-labelledby=tab_id(Tab::Decide) hidden=hidden(Tab::Decide)>
                {markup_container(step, "bc-step-area", Some(on_event))}
                {markup_container(copy_status, "bc-copy-area", None)}
                {markup_container(path_summary, "bc-path", Some(on_event))}
            </div>
            {(!compact).then(|| view! {
                <div role=role id=panel_id(Tab::Compare) aria-labelledby=tab_id(Tab::Compare) hidden=hidden(Tab::Compare)>
                    <div class="bc-compare" data-testid="compare">
                        {markup_container(filter, "bc-filter-area", Some(on_filter))}
                        {markup_container(compare, "bc-compare-body", None)}
                    </div>
                </div>
                <div role=role id=panel_id(Tab::Map) aria-labelledby=tab_id(Tab::Map) hidden=hidden(Tab::Map)>
                    {markup_container(map, "bc-map-body", Some(on_event))}
                </div>
            })}
            {standalone.then(|| view! { <embed::EmbedPanel ctx on_event /> })}
        </div>
    }
}
