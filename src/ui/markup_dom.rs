//! Turns `present::markup::Markup` into DOM nodes, and keeps them showing new markup by
//! changing only what differs: small, non-generic functions, so large static views cost no
//! per-shape code. Text becomes text nodes, never HTML.
//!
//! `mount_frame` puts the widget's frame (`present::frame`) into its parent: it takes over
//! the pre-rendered first screen when the parent holds it (the same nodes stay on screen,
//! with what the reader did on them: a chosen answer, focus), else builds it. `Frame::part`
//! then keeps each part showing its markup.

use crate::present::action::{self, Action, ActionError};
use crate::present::first_screen::PRERENDERED;
use crate::present::frame::{Part, PART};
use crate::present::markup::{Element, Markup};
use crate::present::tabs::TabKey;
use crate::ui::slot::Slot;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// What a part shows: the markup last rendered into it and, in parallel, the nodes built
/// for it. Rendering new markup changes only what differs (`Shown::patch`): an answer step
/// rewrites a few texts and attributes instead of building the question's seventy nodes
/// again, and the focused button stays in the document.
#[derive(Default)]
pub struct Shown {
    markup: Vec<Markup>,
    nodes: Vec<Built>,
}

/// The node built for one `Markup`, and those of its children.
struct Built {
    node: web_sys::Node,
    children: Vec<Built>,
}

/// What a part shows, kept in the part's effect, whose closure Leptos requires to be `Send`
/// though DOM nodes are not: the wasm runs one thread (an invariant: see `src/heap.rs`), so
/// nothing here ever crosses one.
struct OneThread(Shown);

// SAFETY: the wasm is single-threaded (no `atomics` target feature), so a value is only
// ever used on the thread that made it.
unsafe impl Send for OneThread {}
// SAFETY: as above.
unsafe impl Sync for OneThread {}

impl OneThread {
    fn shown(&mut self) -> &mut Shown {
        &mut self.0
    }
}

impl Shown {
    /// Makes `container`'s children (which show what this last showed) show `markup`.
    pub fn patch(&mut self, container: &web_sys::Element, markup: Vec<Markup>) {
        if let Some(document) = container.owner_document() {
            patch_list(&document, container, &self.markup, &mut self.nodes, &markup);
            self.markup = markup;
        }
    }
}

/// Renders `markup` into a part, which shows `shown`. When the reader acted inside it (focus
/// is in it), the element the new content marks with `data-autofocus` takes focus, or the
/// step heading if the focused element was removed; otherwise focus is left alone (a move's
/// focus comes after the frame: `Ctx::focus_after_move`).
fn render(container: &web_sys::Element, shown: &mut Shown, markup: Vec<Markup>) {
    let had_focus = container.matches(":focus-within").unwrap_or(false);
    shown.patch(container, markup);
    if !had_focus {
        return;
    }
    let mut selectors = vec!["[data-autofocus]"];
    if !container.matches(":focus-within").unwrap_or(false) {
        selectors.push("[data-step-heading]");
    }
    if let Some(target) = selectors
        .into_iter()
        .find_map(|selector| container.query_selector(selector).ok().flatten())
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = target.focus();
    }
}

/// Makes `parent`'s children, built as `nodes` for `old`, show `new`: a node whose markup
/// has the same kind (text, or an element of the same tag) is kept and updated; the others
/// are replaced, added or removed. A text node that is no longer `parent`'s (a page
/// translator puts its own nodes in their place) cannot show new text: then the whole list
/// is built again.
fn patch_list(
    document: &web_sys::Document,
    parent: &web_sys::Node,
    old: &[Markup],
    nodes: &mut Vec<Built>,
    new: &[Markup],
) {
    for gone in nodes.drain(new.len().min(nodes.len())..) {
        let _ = parent.remove_child(&gone.node);
    }
    for (index, markup) in new.iter().enumerate() {
        match (old.get(index), nodes.get_mut(index)) {
            (Some(Markup::Text(was)), Some(built)) if matches!(markup, Markup::Text(_)) => {
                if let Markup::Text(text) = markup {
                    if was != text {
                        if built.node.parent_node().as_ref() != Some(parent) {
                            parent.set_text_content(None);
                            nodes.clear();
                            return patch_list(document, parent, &[], nodes, new);
                        }
                        built.node.set_node_value(Some(text));
                    }
                }
            }
            (Some(Markup::Element(was)), Some(built))
                if matches!(markup, Markup::Element(element)
                    if element.tag == was.tag && element.svg == was.svg) =>
            {
                if let Markup::Element(element) = markup {
                    patch_element(document, built, was, element);
                }
            }
            (_, Some(built)) => {
                let fresh = build(document, markup);
                let _ = parent.replace_child(&fresh.node, &built.node);
                *built = fresh;
            }
            (_, None) => {
                let fresh = build(document, markup);
                let _ = parent.append_child(&fresh.node);
                nodes.push(fresh);
            }
        }
    }
}

/// Updates an element built for `old` to show `new` (the same tag).
fn patch_element(document: &web_sys::Document, built: &mut Built, old: &Element, new: &Element) {
    let element = built.node.unchecked_ref::<web_sys::Element>();
    if old.attributes != new.attributes {
        for (name, value) in &new.attributes {
            if old.attribute(name) != Some(value) {
                let _ = element.set_attribute(name, value);
            }
        }
        for (name, _) in &old.attributes {
            if new.attribute(name).is_none() {
                let _ = element.remove_attribute(name);
            }
        }
        // A kept radio that now stands for another answer (or whose `checked` changed)
        // shows what the markup says, not what the reader last clicked; one that stands
        // for the same answer keeps the reader's choice.
        if new.tag == "input" {
            let checked = JsValue::from_bool(new.attribute("checked").is_some());
            let _ = js_sys::Reflect::set(element, &JsValue::from_str("checked"), &checked);
        }
    }
    patch_list(
        document,
        element,
        &old.children,
        &mut built.children,
        &new.children,
    );
}

fn build(document: &web_sys::Document, markup: &Markup) -> Built {
    let element = match markup {
        Markup::Text(_) => None,
        Markup::Element(element) => match element.svg {
            true => document.create_element_ns(Some(SVG_NAMESPACE), element.tag),
            false => document.create_element(element.tag),
        }
        .ok()
        .map(|node| (node, element)),
    };
    let Some((node, element)) = element else {
        // Text, or (never for the views' fixed tags) an element the document refused.
        let text = match markup {
            Markup::Text(text) => text.as_str(),
            Markup::Element(_) => "",
        };
        return Built {
            node: document.create_text_node(text).unchecked_into(),
            children: Vec::new(),
        };
    };
    for (name, value) in &element.attributes {
        let _ = node.set_attribute(name, value);
    }
    let children = element
        .children
        .iter()
        .map(|child| {
            let built = build(document, child);
            let _ = node.append_child(&built.node);
            built
        })
        .collect();
    Built {
        node: node.unchecked_into(),
        children,
    }
}

/// The widget's frame in the document: its root, and each part's element with what it
/// shows (taken over from the pre-rendered screen, or nothing yet).
pub struct Frame {
    pub root: web_sys::Element,
    parts: Vec<(Part, web_sys::Element, Shown)>,
}

/// Puts `frame` (its parts empty) into `parent`. When `parent` holds a pre-rendered screen
/// (`data-prerendered`) whose nodes are what `prerendered` describes, those nodes become the
/// widget's (its parts keep their content until they first render, changing only what
/// differs); otherwise that screen goes and the frame is built.
pub fn mount_frame(
    parent: &web_sys::Element,
    mut frame: Element,
    prerendered: impl FnOnce() -> Markup,
) -> Option<Frame> {
    let document = parent.owner_document()?;
    let early = parent
        .query_selector(&format!(":scope > [{PRERENDERED}]"))
        .ok()
        .flatten();
    let mut taken = Vec::new();
    let adopted = early.as_ref().and_then(|early| {
        let old = prerendered();
        let mut built = adopt(early.clone().unchecked_into(), &old)?;
        let Markup::Element(mut old) = old else {
            return None;
        };
        take_parts(&mut old, &mut built, &mut taken);
        patch_element(&document, &mut built, &old, &frame);
        Some(built)
    });
    let mut built = match adopted {
        Some(built) => built,
        None => {
            if let Some(early) = early {
                early.remove();
            }
            let built = build(&document, &Markup::Element(frame.clone()));
            parent.append_child(&built.node).ok()?;
            built
        }
    };
    let mut found = Vec::new();
    take_parts(&mut frame, &mut built, &mut found);
    let parts = found
        .into_iter()
        .map(|(part, element, _)| {
            let shown = taken
                .iter_mut()
                .find(|(was, node, _)| *was == part && *node == element)
                .map(|(_, _, shown)| std::mem::take(shown))
                .unwrap_or_default();
            (part, element, shown)
        })
        .collect();
    Some(Frame {
        root: built.node.dyn_into().ok()?,
        parts,
    })
}

impl Frame {
    /// Makes part `which` (if this frame has it) show what `markup` returns, again whenever
    /// a signal `markup` read changes: see "The re-render rule" in ARCHITECTURE.md. What
    /// the reader does inside it is passed to `on_event`; an element whose action cannot
    /// be read is reported on the console, never ignored silently.
    pub fn part(
        &mut self,
        which: Part,
        markup: Box<dyn Fn() -> Vec<Markup> + Send + Sync>,
        on_event: Option<Callback<Event>>,
    ) {
        let Some(index) = self.parts.iter().position(|(part, _, _)| *part == which) else {
            return;
        };
        let (_, element, shown) = self.parts.swap_remove(index);
        let slot = Slot::new();
        slot.fill(&element);
        let mut shown = OneThread(shown);
        if let Some(on_event) = on_event {
            slot.listen(
                &element,
                &["click", "keydown", "submit", "input"],
                move |event| {
                    if let Some(what) = read_event(&event) {
                        // What the widget handles does nothing else (no link followed, no
                        // scrolling on Space).
                        event.prevent_default();
                        on_event.run(what);
                    }
                },
            );
        }
        // An update queued just before the widget was unmounted finds no element and
        // does nothing (nor reads its disposed signals).
        Effect::new_sync(move |_| {
            if let Some(element) = slot.get() {
                render(&element, shown.shown(), markup());
            }
        });
    }
}

/// The nodes of `node` as `Built` for `markup`, when they are what it describes (the same
/// elements and text nodes, in the same places); `None` otherwise.
fn adopt(node: web_sys::Node, markup: &Markup) -> Option<Built> {
    let children = match markup {
        Markup::Text(_) => {
            (node.node_type() == web_sys::Node::TEXT_NODE).then_some(())?;
            Vec::new()
        }
        Markup::Element(element) => {
            let same = node.node_type() == web_sys::Node::ELEMENT_NODE
                && node.unchecked_ref::<web_sys::Element>().local_name() == element.tag;
            same.then_some(())?;
            let mut next = node.first_child();
            let mut children = Vec::with_capacity(element.children.len());
            for child in &element.children {
                let here = next?;
                next = here.next_sibling();
                children.push(adopt(here, child)?);
            }
            next.is_none().then_some(())?;
            children
        }
    };
    Some(Built { node, children })
}

/// Takes each part out of `markup` (built as `built`): its element, and its content as
/// what it shows, which leaves the part empty in both.
fn take_parts(
    markup: &mut Element,
    built: &mut Built,
    out: &mut Vec<(Part, web_sys::Element, Shown)>,
) {
    for (child, built) in markup.children.iter_mut().zip(built.children.iter_mut()) {
        let Markup::Element(child) = child else {
            continue;
        };
        match child.attribute(PART).and_then(Part::from_name) {
            Some(part) => out.push((
                part,
                built.node.clone().unchecked_into(),
                Shown {
                    markup: std::mem::take(&mut child.children),
                    nodes: std::mem::take(&mut built.children),
                },
            )),
            None => take_parts(child, built, out),
        }
    }
}

/// What the reader did, from an event on a part: a click or key on an element that carries
/// an action, a tab key, a form's submission, or typing (`Event`).
fn read_event(event: &web_sys::Event) -> Option<Event> {
    let target = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok());
    // Only buttons carry actions that a click or a key activates; the question's form
    // carries its action for its submission.
    let action_target = || {
        target.as_ref().and_then(|element| {
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
    match event.type_().as_str() {
        "click" => action_target().and_then(action_event),
        "keydown" => {
            let key = event.unchecked_ref::<web_sys::KeyboardEvent>().key();
            match TabKey::from_key(&key) {
                Some(tab_key) if target.as_ref().is_some_and(|tab| has_role(tab, "tab")) => {
                    Some(Event::TabKey(tab_key))
                }
                _ => (key == "Enter" || key == " ")
                    .then(action_target)
                    .flatten()
                    .filter(|button| has_role(button, "button"))
                    .and_then(action_event),
            }
        }
        "submit" => {
            // A form never navigates.
            event.prevent_default();
            target.and_then(action_event)
        }
        _ => Some(Event::Input(event_target_value(event))),
    }
}

/// What the reader did inside a part.
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
