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
use crate::present::first_screen::{first_screen, question_step};
use crate::present::frame::{frame, Part, Shape};
use crate::present::map_view::map_markup;
use crate::present::markup::{el, Markup};
use crate::present::path_view::path_markup;
use crate::present::restore::{restore, Restored};
use crate::present::result_view::result_markup;
use crate::present::shell::{copy_status_markup, filter_markup, header_markup, notice_markup};
use crate::present::tabs::{tabs_markup, Tab};
use crate::present::text;
use crate::present::tree_layout::layout;
use actions::CopyState;
use leptos::prelude::*;
use markup_dom::{mount_frame, Event};
use slot::Slot;
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
///
/// It reads the default dataset at once (on every page: an embedded widget then finds it
/// read) and mounts in a task of its own: two shorter tasks instead of one long one, which
/// would keep the page from answering the reader meanwhile.
pub fn mount_standalone() {
    let _ = crate::default_dataset();
    let outside = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .is_some_and(|query| query.split(['?', '&']).any(|pair| pair.starts_with("src=")));
    if !outside {
        set_timeout(
            || {
                let _ = mount_standalone_with(None);
            },
            std::time::Duration::ZERO,
        );
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
    // The standalone page's widget stays as long as the page.
    std::mem::forget(mount(&parent, ds, options));
    Ok(())
}

/// A mounted widget: its reactive owner and its root element. Dropped, it removes the
/// widget and frees its state.
pub struct Mounted {
    owner: Owner,
    root: Option<web_sys::Element>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(root) = &self.root {
            root.remove();
        }
        self.owner.cleanup();
    }
}

/// Mounts a widget on `ds` into `parent`, taking over the pre-rendered first screen there
/// if there is one (`markup_dom::mount_frame`).
pub fn mount(parent: &web_sys::Element, ds: &'static Dataset, options: Options) -> Mounted {
    // Effects run as tasks on this executor (a second start does nothing).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let root = owner.with(|| widget(parent, ds, options));
    Mounted { owner, root }
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

/// One widget: the frame (`present::frame`) in `parent`, each part filled with markup from
/// `present` whenever the state it shows changes. Its root element, if it could be made.
fn widget(
    parent: &web_sys::Element,
    ds: &'static Dataset,
    options: Options,
) -> Option<web_sys::Element> {
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
            } => question_step(
                ds,
                question_id,
                selected.as_deref(),
                progress,
                &ctx.id_prefix(),
                ctx.choose_first
                    .with(|asked| asked.as_ref() == Some(question_id)),
            ),
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

    let ids = ctx.id_prefix();
    let shape = Shape {
        ids: &ids,
        theme: theme.attribute(),
        compact,
        embed_panel: standalone,
    };
    let mut frame = mount_frame(parent, frame(&shape, &mut |_| Vec::new()), || {
        // What the build wrote (`src/bin/prerender.rs`): the default dataset's first screen.
        crate::default_dataset().map_or(Markup::Text(String::new()), |default| {
            first_screen(default, "auto", standalone, compact)
        })
    })?;
    root.fill(&frame.root);
    frame.part(Part::Live, Box::new(move || vec![live().into()]), None);
    frame.part(Part::Head, header, None);
    frame.part(Part::Notice, notice, Some(on_event));
    frame.part(Part::TabList, tab_list, Some(on_event));
    frame.part(Part::Step, step, Some(on_event));
    frame.part(Part::Copy, copy_status, None);
    frame.part(Part::Path, path_summary, Some(on_event));
    frame.part(Part::Filter, filter, Some(on_filter));
    frame.part(Part::Compare, compare, None);
    frame.part(Part::Map, map, Some(on_event));
    if standalone {
        embed::embed_panel(ctx, &mut frame, on_event);
    }
    // Only the open tab's panel shows.
    if !compact {
        for which in Tab::ALL {
            let panel = Slot::new();
            let id = which.panel_id(&ids);
            if let Ok(Some(element)) = frame.root.query_selector(&format!("#{id}")) {
                panel.fill(&element);
            }
            Effect::new_sync(move |_| {
                let hidden = tab.get() != which;
                if let Some(panel) = panel.get() {
                    let _ = match hidden {
                        true => panel.set_attribute("hidden", ""),
                        false => panel.remove_attribute("hidden"),
                    };
                }
            });
        }
    }
    Some(frame.root)
}
