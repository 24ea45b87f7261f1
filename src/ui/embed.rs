//! Embedding: the API `embed.js` calls to mount a widget into an element's shadow root,
//! the events an embedded widget sends its host, and the standalone page's "Embed this"
//! panel. The loader logic itself (attributes, shadow DOM, fallback) lives in `embed.js`.

use crate::engine::encode;
use crate::present::action::Snippet;
use crate::present::frame::Part;
use crate::present::shell::{copy_status_markup, embed_panel_markup};
use crate::present::text;
use crate::ui::markup_dom::{Event, Frame};
use crate::ui::state::{Ctx, Host};
use crate::ui::{Options, Theme};
use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// A mounted embedded widget; `unmount` removes it and disposes of its state.
#[wasm_bindgen]
pub struct Handle {
    _mounted: crate::ui::Mounted,
}

#[wasm_bindgen]
impl Handle {
    /// Removes the widget from its container and frees everything it held.
    pub fn unmount(self) {}
}

/// Mounts an embedded widget into `parent` (a container inside the element's shadow
/// root). `theme` is `light`, `dark` or anything else for `auto` (`embed.js` validates
/// it); `standalone_url` is where "copy link" points; `dataset` is an outside dataset's
/// text, checked by `dataset-loader.js` (`None`: the default dataset). An error says why
/// the dataset cannot be read (`embed.js` shows it).
#[wasm_bindgen]
pub fn mount_embedded(
    parent: web_sys::HtmlElement,
    fragment: String,
    theme: &str,
    compact: bool,
    standalone_url: String,
    dataset: Option<String>,
) -> Result<Handle, String> {
    let theme = match theme {
        "light" => Theme::Light,
        "dark" => Theme::Dark,
        _ => Theme::Auto,
    };
    let options = Options {
        host: Host::Embedded { standalone_url },
        fragment,
        theme,
        compact,
        dataset,
    };
    let ds = options.dataset()?;
    Ok(Handle {
        _mounted: crate::ui::mount(&parent, ds, options),
    })
}

fn set(object: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), &value);
}

/// After each change of the answers made by the reader (not on load), dispatches
/// `backend-chooser:answer` from `root`, then `backend-chooser:result` when the path is
/// complete. Both bubble out of the shadow root (composed), so the host element sends them.
pub fn send_events(ctx: Ctx, root: crate::ui::slot::Slot) {
    let ds = ctx.ds;
    Effect::new_sync(move |previous: Option<()>| {
        let answered = ctx.answered.get();
        let Some(root) = root.get().filter(|_| previous.is_some()) else {
            return;
        };
        let detail = Object::new();
        set(&detail, "fragment", encode(ds, &answered).into());
        let answers = Array::new();
        for (question, answer) in &answered {
            let item = Object::new();
            set(&item, "question", question.into());
            set(&item, "answer", answer.into());
            set(
                &item,
                "questionText",
                text::question_prompt(ds, question).into(),
            );
            set(
                &item,
                "answerText",
                text::answer_label(ds, question, answer).into(),
            );
            answers.push(&item);
        }
        set(&detail, "answers", answers.into());
        let dispatch = |kind: &str| {
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&detail);
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(
                &format!("backend-chooser:{kind}"),
                &init,
            ) {
                let _ = root.dispatch_event(&event);
            }
        };
        dispatch("answer");
        ctx.outcome.try_with_untracked(|outcome| {
            if let Some(outcome) = outcome {
                let card = &outcome.scorecard;
                let recommendation = Object::new();
                set(&recommendation, "winner", card.winner.as_str().into());
                set(
                    &recommendation,
                    "label",
                    text::side_label(ds, &card.winner).into(),
                );
                set(&recommendation, "lead", (card.verdict.lead as f64).into());
                set(
                    &recommendation,
                    "level",
                    crate::present::verdict::level_key(card.verdict.level).into(),
                );
                set(
                    &recommendation,
                    "words",
                    crate::present::verdict::verdict_line(ds, card).into(),
                );
                set(&detail, "recommendation", recommendation.into());
                dispatch("result");
            }
        });
    });
}

fn attribute_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// One embed snippet for the standalone page's "Embed this" panel, with the widget's
/// theme and the current answers filled in. Snippets are text, never HTML.
pub fn snippet(ctx: Ctx, which: Snippet) -> String {
    let url = crate::ui::dom::page_url_without_fragment();
    let (page, query) = url.split_once('?').unwrap_or((&url, ""));
    // An outside dataset (`?src=`, still percent-encoded) goes into both snippets.
    let src = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("src="))
        .unwrap_or_default();
    // `get`, not indexing: see `engine::decode_lenient` on slicing a `str`.
    let base = page
        .get(..page.rfind('/').map_or(0, |slash| slash + 1))
        .unwrap_or_default();
    let theme = ctx.theme.attribute();
    let fragment = ctx.answered.with(|answered| match answered.is_empty() {
        true => String::new(),
        false => encode(ctx.ds, answered),
    });
    let empty = fragment.is_empty();
    match which {
        Snippet::Script => {
            let mut attributes = match empty {
                true => String::new(),
                false => format!(" answers=\"{fragment}\""),
            };
            if !src.is_empty() {
                let src =
                    js_sys::decode_uri_component(src).map_or_else(|_| src.into(), String::from);
                attributes = format!(" src=\"{}\"{attributes}", attribute_text(&src));
            }
            format!(
                "<script type=\"module\" src=\"{base}embed.js\"></script>\n\
                 <backend-chooser theme=\"{theme}\"{attributes}></backend-chooser>"
            )
        }
        Snippet::Frame => {
            let mut query = match empty {
                true => String::new(),
                false => format!("&amp;answers={}", js_sys::encode_uri_component(&fragment)),
            };
            if !src.is_empty() {
                query = format!("&amp;src={}{query}", attribute_text(src));
            }
            let title = attribute_text(&ctx.ds.title);
            format!(
                "<iframe src=\"{base}embed.html?theme={theme}{query}\" title=\"{title}\" \
                 data-backend-chooser allow=\"clipboard-write\" width=\"100%\" height=\"640\" style=\"border:0\"></iframe>\n\
                 <script src=\"{base}embed-host.js\" defer></script>"
            )
        }
    }
}

/// The standalone page's "Embed this" panel: both snippets, each with a copy button
/// (`Action::CopySnippet`, handled by the widget's `on_event`), and what the last copy did.
pub fn embed_panel(ctx: Ctx, frame: &mut Frame, on_event: Callback<Event>) {
    let markup = Box::new(move || {
        embed_panel_markup(
            &snippet(ctx, Snippet::Script),
            &snippet(ctx, Snippet::Frame),
        )
    });
    let status = Box::new(move || {
        ctx.snippet_copy.with(|state| {
            copy_status_markup(&state.message, state.manual.as_deref(), "embed-copy-status")
        })
    });
    frame.part(Part::EmbedBody, markup, Some(on_event));
    frame.part(Part::EmbedCopy, status, None);
}
