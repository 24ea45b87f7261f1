//! `Slot`: where the view keeps an element it needs after building it (a container it
//! re-renders, the widget's root). Leptos's `NodeRef` does this job, but keeps the element
//! in a `SendWrapper`, which asks std for the current thread on every load: that brings
//! std's thread registry into the wasm (about 6 KB of raw wasm). The wasm is
//! single-threaded (an invariant: see `src/heap.rs`), so a slot is a plain key into a
//! table of this thread's elements, `Copy` like a signal.

use leptos::prelude::Owner;
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

type Listener = Closure<dyn FnMut(web_sys::Event)>;

thread_local! {
    static ELEMENTS: RefCell<Vec<(u32, web_sys::Element)>> = const { RefCell::new(Vec::new()) };
    /// The listeners `listen` attached, dropped with their slot.
    static LISTENERS: RefCell<Vec<(u32, Listener)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// A key to one element, filled by `fill` and emptied when the reactive owner that made
/// the slot is disposed (the widget unmounts).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Slot(u32);

impl Slot {
    pub fn new() -> Slot {
        let key = NEXT.with(|next| {
            next.set(next.get() + 1);
            next.get()
        });
        leptos::prelude::on_cleanup(move || {
            ELEMENTS.with_borrow_mut(|elements| elements.retain(|(held, _)| *held != key));
            LISTENERS.with_borrow_mut(|listeners| listeners.retain(|(held, _)| *held != key));
        });
        Slot(key)
    }

    /// Holds `element` (until the reactive owner that made the slot is disposed).
    pub fn fill(self, element: &web_sys::Element) {
        ELEMENTS.with_borrow_mut(|elements| {
            elements.retain(|(held, _)| *held != self.0);
            elements.push((self.0, element.clone()));
        });
    }

    /// The element, once filled and until its widget is gone.
    pub fn get(self) -> Option<web_sys::Element> {
        ELEMENTS.with_borrow(|elements| {
            elements
                .iter()
                .find(|(held, _)| *held == self.0)
                .map(|(_, element)| element.clone())
        })
    }
}

impl Slot {
    /// Calls `listener` for each of the `events` on `element` (this slot's), within the
    /// reactive owner that was current when the listener was attached, until the slot is
    /// gone. (Leptos's own listeners keep their handler in a `SendWrapper` too.)
    pub fn listen(
        self,
        element: &web_sys::Element,
        events: &[&str],
        mut listener: impl FnMut(web_sys::Event) + 'static,
    ) {
        let owner = Owner::current();
        let listener = Listener::new(move |event| match &owner {
            Some(owner) => owner.with(|| listener(event)),
            None => listener(event),
        });
        for name in events {
            let _ =
                element.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        LISTENERS.with_borrow_mut(|listeners| listeners.push((self.0, listener)));
    }
}
