//! The view layer (wasm32 only): Leptos components that wire signals to the engine and
//! render. Nothing here decides anything; it asks `engine` and `present`.

mod actions;
mod dom;
pub mod embed;
pub mod markup_dom;
mod state;
mod url_state;

pub use state::Host;

use crate::engine::{Dataset, Step};
use crate::present::compare::{compare_markup, drove, matches};
use crate::present::map_view::map_markup;
use crate::present::path_view::path_markup;
use crate::present::question_view::question_markup;
use crate::present::restore::{restore, Restored};
use crate::present::result_view::result_markup;
use crate::present::tabs::{tabs_markup, Tab};
use crate::present::text;
use crate::present::tree_layout::layout;
use actions::CopyState;
use leptos::prelude::*;
use markup_dom::StaticMarkup;
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
}

/// Mounts the standalone page's widget into `#backend-chooser[data-standalone]`, its
/// state in the URL. On any other page (a host page that loaded the wasm through
/// `embed.js`) it does nothing, even if that page has an element with this id.
pub fn mount_standalone() {
    let Some(parent) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("backend-chooser"))
        .filter(|element| element.has_attribute("data-standalone"))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let options = Options {
        host: Host::Standalone,
        fragment: url_state::current_fragment(),
        theme: Theme::Auto,
        compact: false,
    };
    leptos::mount::mount_to(parent, move || view! { <App options=options.clone() /> }).forget();
}

/// The widget, or a readable error when its dataset cannot be loaded.
#[component]
pub fn App(options: Options) -> impl IntoView {
    match crate::default_dataset() {
        Ok(ds) => view! { <Widget ds options /> }.into_any(),
        Err(error) => view! {
            <div class="bc" data-theme=options.theme.attribute() data-testid="widget">
                <div class="bc-notice bc-error" role="alert" data-testid="dataset-error">
                    <p>"The comparison data could not be loaded, so the questions cannot be shown."</p>
                    <pre>{error.to_string()}</pre>
                </div>
            </div>
        }
        .into_any(),
    }
}

static INSTANCES: AtomicU32 = AtomicU32::new(0);

#[component]
pub fn Widget(ds: &'static Dataset, options: Options) -> impl IntoView {
    let Options {
        host,
        fragment,
        theme,
        compact,
    } = options;
    let standalone = host == Host::Standalone;
    let Restored { session, notice } = restore(ds, &fragment);
    let instance = INSTANCES.fetch_add(1, Ordering::Relaxed) + 1;
    let ctx = Ctx::new(ds, host, session, notice, instance);
    let tab = RwSignal::new(Tab::Decide);
    let root = NodeRef::<leptos::html::Div>::new();

    match standalone {
        true => url_state::sync_with_url(ctx),
        false => embed::send_events(ctx, root),
    }

    // Focus follows the reader's own moves only, never the first render.
    Effect::new(move |previous: Option<u32>| {
        let moved = ctx.moved.get();
        if previous.is_some_and(|previous| previous != moved) {
            request_animation_frame(move || {
                if let Some(root) = root.try_get_untracked().flatten() {
                    dom::focus_step_heading(&root);
                }
            });
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

    let copy_state = RwSignal::new(CopyState::default());
    let on_action = Callback::new(move |element: web_sys::Element| {
        match element.get_attribute("data-action").as_deref() {
            Some("tab") => {
                if let Some(chosen) = element
                    .get_attribute("data-tab")
                    .as_deref()
                    .and_then(Tab::from_key)
                {
                    tab.set(chosen);
                }
                return;
            }
            Some("go-to") => tab.set(Tab::Decide),
            _ => {}
        }
        actions::run(ctx, copy_state, &element);
    });

    let question = Signal::derive(move || {
        ctx.step.with(|step| match step {
            Step::Question {
                question_id,
                selected,
                progress,
            } => match ds.question(question_id) {
                Some(question) => question_markup(
                    question,
                    selected.as_deref(),
                    progress,
                    &format!("bc{}", ctx.instance),
                ),
                None => vec![crate::present::markup::el("p")
                    .attr("role", "alert")
                    .text("This question is missing from the data.")
                    .into()],
            },
            Step::Result => Vec::new(),
        })
    });
    // Next submits the form: answer with the checked radio, or say to choose one.
    let on_submit = Callback::new(move |form: web_sys::Element| {
        let question_id = form.get_attribute("data-question").unwrap_or_default();
        let checked = form
            .query_selector("input[type=radio]:checked")
            .ok()
            .flatten();
        match checked.and_then(|radio| radio.get_attribute("value")) {
            Some(answer_id) => ctx.answer(&question_id, &answer_id),
            None => {
                if let Ok(Some(message)) = form.query_selector("[data-testid=choose-first]") {
                    let _ = message.remove_attribute("hidden");
                }
            }
        }
    });
    let at_result = Memo::new(move |_| ctx.step.with(|step| *step == Step::Result));

    let step_view = move || match at_result.get() {
        false => {
            view! { <StaticMarkup markup=question class="bc-question-step" on_action on_submit /> }
                .into_any()
        }
        true => {
            copy_state.set(CopyState::default());
            let markup = Signal::derive(move || {
                let link = ctx.share_link(
                    &ctx.answered
                        .with(|answered| crate::engine::encode(ds, answered)),
                );
                ctx.outcome.with(|outcome| {
                    outcome
                        .as_ref()
                        .map(|outcome| result_markup(ds, outcome, &link))
                        .unwrap_or_default()
                })
            });
            view! {
                <section class="bc-step bc-result" data-testid="result">
                    <StaticMarkup markup class="bc-result-body" on_action />
                    <p class="bc-status-copy" data-testid="copy-status">{move || copy_state.with(|state| state.message.clone())}</p>
                    {move || copy_state.with(|state| state.manual.clone()).map(|text| view! {
                        <textarea class="bc-manual-copy" readonly rows="4" aria-label="Text to copy">{text}</textarea>
                    })}
                </section>
            }
            .into_any()
        }
    };

    let path_summary =
        Signal::derive(move || ctx.answered.with(|answered| path_markup(ds, answered)));
    let query = RwSignal::new(String::new());
    let compare = Signal::derive(move || {
        let drove: Vec<String> = ctx.outcome.with(|outcome| {
            outcome
                .as_ref()
                .map_or_else(Vec::new, |outcome| drove(&outcome.scorecard))
        });
        query.with(|query| compare_markup(ds, query, &drove))
    });
    let tree = StoredValue::new(layout(ds));
    let tab_list = Signal::derive(move || tabs_markup(tab.get(), &format!("bc{}", ctx.instance)));
    let on_tab_key = Callback::new(move |(_, key): (web_sys::Element, String)| {
        if let Some(next) = tab.try_get_untracked().and_then(|tab| tab.after_key(&key)) {
            tab.set(next);
        }
    });
    let map = Signal::derive(move || {
        let at_result = ctx.step.with(|step| *step == Step::Result);
        ctx.path
            .with(|path| tree.with_value(|tree| map_markup(ds, tree, path, at_result)))
    });

    let notice = move || {
        ctx.notice.get().map(|message| {
            view! {
                <div class="bc-notice" role="alert" data-testid="notice">
                    <p>{message}</p>
                    <button type="button" on:click=move |_| {
                        ctx.notice.set(None);
                        // The button goes away with the notice: focus moves to the step.
                        if let Some(root) = root.try_get_untracked().flatten() {
                            dom::focus_step_heading(&root);
                        }
                    }>"Dismiss"</button>
                </div>
            }
        })
    };

    let panel = move |which: Tab| {
        view! {
            <div
                role=(!compact).then_some("tabpanel")
                id=ctx.element_id(&format!("panel-{}", which.key()))
                aria-labelledby=(!compact).then(|| ctx.element_id(&format!("tab-{}", which.key())))
                hidden=move || tab.get() != which
            >
                {move || (tab.get() == which).then(|| match which {
                    Tab::Decide => view! {
                        {step_view}
                        <StaticMarkup markup=path_summary class="bc-path" on_action />
                    }.into_any(),
                    Tab::Compare => view! {
                        <div class="bc-compare" data-testid="compare">
                            <div class="bc-filter">
                                <label for=ctx.element_id("filter")>"Filter the criteria"</label>
                                <input
                                    id=ctx.element_id("filter")
                                    type="search"
                                    data-testid="filter"
                                    autocomplete="off"
                                    prop:value=move || query.get()
                                    on:input=move |event| {
                                        let text = event_target_value(&event);
                                        // The one live region says how many rows the filter left.
                                        let shown = ds.criteria.iter().filter(|criterion| matches(criterion, &text)).count();
                                        ctx.status.set(format!("{shown} of {} criteria shown.", ds.criteria.len()));
                                        query.set(text);
                                    }
                                />
                            </div>
                            <StaticMarkup markup=compare class="bc-compare-body" />
                        </div>
                    }.into_any(),
                    Tab::Map => view! { <StaticMarkup markup=map class="bc-map-body" on_action /> }.into_any(),
                })}
            </div>
        }
    };

    let title = ds.title.clone();
    view! {
        <div class="bc" data-theme=theme.attribute() data-testid="widget" node_ref=root>
            <p class="bc-sr" role="status" data-testid="live">{live}</p>
            <header class="bc-header">
                {match standalone {
                    true => view! { <h1 class="bc-title">{title}</h1> }.into_any(),
                    false => view! { <p class="bc-title">{title}</p> }.into_any(),
                }}
                <p class="bc-muted">{ds.intro.as_str()}</p>
            </header>
            {notice}
            {(!compact).then(|| view! { <StaticMarkup markup=tab_list class="bc-tab-list" on_action on_tab_key /> })}
            {panel(Tab::Decide)}
            {(!compact).then(|| view! { {panel(Tab::Compare)} {panel(Tab::Map)} })}
            {standalone.then(|| view! { <embed::EmbedPanel ctx theme /> })}
        </div>
    }
}
