//! Turns `present::markup::Markup` into DOM nodes: one small, non-generic function, so
//! large static views cost no per-shape code. Text becomes text nodes, never HTML.

use crate::present::markup::Markup;
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

/// A `<div>` (with `class`) whose content is `markup`, re-rendered whenever it changes.
/// Clicks on elements with a `data-action` attribute (and Enter or Space on a focused
/// `role="button"` element) are passed to `on_action` with that element.
#[component]
pub fn StaticMarkup(
    #[prop(into)] markup: Signal<Vec<Markup>>,
    class: &'static str,
    #[prop(optional, into)] on_action: Option<Callback<web_sys::Element>>,
    /// Called with the focused `role="tab"` element and the key for arrow keys, Home and End.
    #[prop(optional, into)]
    on_tab_key: Option<Callback<(web_sys::Element, String)>>,
    /// Called with the form when a form inside is submitted (the page never navigates).
    #[prop(optional, into)]
    on_submit: Option<Callback<web_sys::Element>>,
    /// Called with an input's new value as the reader types in it.
    #[prop(optional, into)]
    on_input: Option<Callback<String>>,
) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        // `try_`: an update queued just before the widget was unmounted must do nothing.
        let Some(markup) = markup.try_get() else {
            return;
        };
        if let Some(container) = container.try_get().flatten() {
            replace_children(&container, &markup);
        }
    });
    let action_target = |event: &web_sys::Event| {
        event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("[data-action]").ok().flatten())
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        if let (Some(callback), Some(target)) = (on_action, action_target(&event)) {
            event.prevent_default();
            callback.run(target);
        }
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let key = event.key();
        if let Some(callback) = on_tab_key {
            let tab = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .filter(|target| target.get_attribute("role").as_deref() == Some("tab"));
            if let (Some(tab), true) = (
                tab,
                matches!(key.as_str(), "ArrowRight" | "ArrowLeft" | "Home" | "End"),
            ) {
                event.prevent_default();
                callback.run((tab, key));
                return;
            }
        }
        if key != "Enter" && key != " " {
            return;
        }
        let target = action_target(&event)
            .filter(|target| target.get_attribute("role").as_deref() == Some("button"));
        if let (Some(callback), Some(target)) = (on_action, target) {
            event.prevent_default();
            callback.run(target);
        }
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let form = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok());
        if let (Some(callback), Some(form)) = (on_submit, form) {
            callback.run(form);
        }
    };
    let on_input = move |event: leptos::ev::Event| {
        if let Some(callback) = on_input {
            callback.run(event_target_value(&event));
        }
    };
    view! {
        <div class=class node_ref=container on:click=on_click on:keydown=on_keydown on:submit=on_submit on:input=on_input></div>
    }
}
