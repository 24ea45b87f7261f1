//! Turns `present::markup::Markup` into DOM nodes: one small, non-generic function, so
//! large static views cost no per-shape code. Text becomes text nodes, never HTML.

use crate::present::action::{self, Action, ActionError};
use crate::present::markup::Markup;
use crate::present::tabs::TabKey;
use leptos::html::div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// Replaces the children of `container` with `markup`.
pub fn replace_children(container: &web_sys::Element, markup: &[Markup]) {
    let Some(document) = container.owner_document() else {
        return;
    };
    let fragment = document.create_document_fragment();
    for node in markup {
        if let Some(built) = build(&document, node) {
            let _ = fragment.append_child(&built);
        }
    }
    // When the reader acted inside this container (focus is in it), the element the new
    // content marks with `data-autofocus` (else its step heading) takes focus; otherwise
    // focus is left alone.
    let had_focus = container.matches(":focus-within").unwrap_or(false);
    container.set_text_content(None);
    let _ = container.append_child(&fragment);
    if had_focus {
        let heading = ["[data-autofocus]", "[data-step-heading]"]
            .into_iter()
            .find_map(|selector| container.query_selector(selector).ok().flatten());
        if let Some(heading) =
            heading.and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    }
}

fn build(document: &web_sys::Document, markup: &Markup) -> Option<web_sys::Node> {
    match markup {
        Markup::Text(text) => Some(document.create_text_node(text).unchecked_into()),
        Markup::Element(element) => {
            let node = match element.svg {
                true => document
                    .create_element_ns(Some(SVG_NAMESPACE), element.tag)
                    .ok()?,
                false => document.create_element(element.tag).ok()?,
            };
            for (name, value) in &element.attributes {
                let _ = node.set_attribute(name, value);
            }
            for child in &element.children {
                if let Some(child) = build(document, child) {
                    let _ = node.append_child(&child);
                }
            }
            Some(node.unchecked_into())
        }
    }
}

/// What the reader did inside a markup container.
pub enum Event {
    /// A click on an element that carries an action (or Enter or Space on a focused
    /// `role="button"` one), or a form with an action submitted.
    Action(Action),
    /// A key that moves between tabs, on a focused `role="tab"` element.
    TabKey(TabKey),
    /// The reader typed in an input: its new value.
    Input(String),
}

/// Reads the action an element carries: the view's one decoder (see `present::action`).
/// A form's answer is its checked radio.
pub fn read_action(element: &web_sys::Element) -> Result<Action, ActionError> {
    Action::decode(|name| {
        element.get_attribute(name).or_else(|| match name {
            action::ANSWER => element
                .query_selector("input[type=radio]:checked")
                .ok()
                .flatten()
                .and_then(|radio| radio.get_attribute("value")),
            _ => None,
        })
    })
}

/// A `<div>` (with `class`) whose content is what `markup` returns, re-rendered (all of
/// it) whenever a signal `markup` read changes: see "The re-render rule" in
/// ARCHITECTURE.md. What the reader does inside it is passed to `on_event`; an element
/// whose action cannot be read is reported on the console, never ignored silently.
/// (A plain function, not a `#[component]`: each component use in `view!` expands its own
/// props builder; eleven containers as calls of one function cost less wasm.)
pub fn markup_container(
    markup: Box<dyn Fn() -> Vec<Markup> + Send + Sync>,
    class: &'static str,
    on_event: Option<Callback<Event>>,
) -> impl IntoView {
    let container = crate::ui::slot::Slot::new();
    let target = |event: &web_sys::Event| {
        event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    };
    // Only buttons carry actions that a click or a key activates; the question's form
    // carries its action for its submission.
    let action_target = move |event: &web_sys::Event| {
        target(event).and_then(|element| {
            element
                .closest("button[data-action], [role=button][data-action]")
                .ok()
                .flatten()
        })
    };
    let has_role = |element: &web_sys::Element, role: &str| {
        element.get_attribute("role").as_deref() == Some(role)
    };
    // The event an element's action makes; an action that cannot be read is reported.
    let action_event = |element: web_sys::Element| match read_action(&element) {
        Ok(action) => Some(Event::Action(action)),
        Err(error) => {
            leptos::logging::error!("backend-chooser: {error}");
            None
        }
    };
    // One listener for all four events (`Slot::listen`).
    let handle = move |event: web_sys::Event| {
        let what = match event.type_().as_str() {
            "click" => action_target(&event).and_then(action_event),
            "keydown" => {
                let key = event.unchecked_ref::<web_sys::KeyboardEvent>().key();
                match TabKey::from_key(&key) {
                    Some(tab_key) if target(&event).is_some_and(|tab| has_role(&tab, "tab")) => {
                        Some(Event::TabKey(tab_key))
                    }
                    _ => (key == "Enter" || key == " ")
                        .then(|| action_target(&event))
                        .flatten()
                        .filter(|button| has_role(button, "button"))
                        .and_then(action_event),
                }
            }
            "submit" => {
                // A form never navigates.
                event.prevent_default();
                target(&event).and_then(action_event)
            }
            _ => Some(Event::Input(event_target_value(&event))),
        };
        if let (Some(callback), Some(what)) = (on_event, what) {
            // What the widget handles does nothing else (no link followed, no
            // scrolling on Space).
            event.prevent_default();
            callback.run(what);
        }
    };
    // An effect first runs after the widget is built (so the container is there); an
    // update queued just before the widget was unmounted finds no container and does
    // nothing (nor reads its disposed signals).
    Effect::new_sync(move |listening: Option<bool>| {
        let Some(element) = container.get() else {
            return false;
        };
        if listening != Some(true) {
            container.listen(&element, &["click", "keydown", "submit", "input"], handle);
        }
        replace_children(&element, &markup());
        true
    });
    div().class(class).node_ref(container)
}
