//! Turns `present::markup::Markup` into DOM nodes: one small, non-generic function, so
//! large static views cost no per-shape code. Text becomes text nodes, never HTML.

use crate::present::markup::Markup;
use leptos::ev::Custom;
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
    // When the reader acted inside this container (focus is in it), the new content's step
    // heading takes focus; otherwise focus is left alone.
    let had_focus = container.matches(":focus-within").unwrap_or(false);
    container.set_text_content(None);
    let _ = container.append_child(&fragment);
    if had_focus {
        let heading = container
            .query_selector("[data-autofocus], [data-step-heading]")
            .ok()
            .flatten();
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
    /// A click on an element with a `data-action` attribute (or Enter or Space on a
    /// focused `role="button"` one): that element.
    Action(web_sys::Element),
    /// An arrow key, Home or End on a focused `role="tab"` element: the key.
    TabKey(String),
    /// A form inside was submitted (the page never navigates): the form.
    Submit(web_sys::Element),
    /// The reader typed in an input: its new value.
    Input(String),
}

/// A `<div>` (with `class`) whose content is what `markup` returns, re-rendered whenever a
/// signal it reads changes.
/// What the reader does inside it is passed to `on_event`.
#[component]
pub fn StaticMarkup(
    markup: Box<dyn Fn() -> Vec<Markup>>,
    class: &'static str,
    #[prop(optional, into)] on_event: Option<Callback<Event>>,
) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        // `try_`: an update queued just before the widget was unmounted must do nothing
        // (nor read its disposed signals).
        if let Some(container) = container.try_get().flatten() {
            replace_children(&container, &markup());
        }
    });
    let target = |event: &web_sys::Event| {
        event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    };
    let action_target = move |event: &web_sys::Event| {
        target(event).and_then(|element| element.closest("[data-action]").ok().flatten())
    };
    let has_role = |element: &web_sys::Element, role: &str| {
        element.get_attribute("role").as_deref() == Some(role)
    };
    // One handler for all four events, so the generic listener code exists once.
    let handle = move |event: web_sys::Event| {
        let what = match event.type_().as_str() {
            "click" => action_target(&event).map(Event::Action),
            "keydown" => {
                let key = event.unchecked_ref::<web_sys::KeyboardEvent>().key();
                match key.as_str() {
                    "ArrowRight" | "ArrowLeft" | "Home" | "End" => target(&event)
                        .filter(|tab| has_role(tab, "tab"))
                        .map(|_| Event::TabKey(key)),
                    "Enter" | " " => action_target(&event)
                        .filter(|button| has_role(button, "button"))
                        .map(Event::Action),
                    _ => None,
                }
            }
            // A form never navigates.
            "submit" => {
                event.prevent_default();
                target(&event).map(Event::Submit)
            }
            _ => Some(Event::Input(event_target_value(&event))),
        };
        if let (Some(callback), Some(what)) = (on_event, what) {
            // What the widget handles does nothing else (no link followed, no scrolling
            // on Space).
            event.prevent_default();
            callback.run(what);
        }
    };
    div()
        .class(class)
        .node_ref(container)
        .on(Custom::new("click"), handle)
        .on(Custom::new("keydown"), handle)
        .on(Custom::new("submit"), handle)
        .on(Custom::new("input"), handle)
}
