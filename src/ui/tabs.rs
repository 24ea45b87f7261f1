//! The widget's three views as ARIA tabs: arrow keys, Home and End move between them.

use crate::ui::state::Ctx;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Decide,
    Compare,
    Map,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Decide, Tab::Compare, Tab::Map];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Decide => "Decide",
            Tab::Compare => "Compare",
            Tab::Map => "Tree map",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Tab::Decide => "decide",
            Tab::Compare => "compare",
            Tab::Map => "map",
        }
    }
}

#[component]
pub fn TabList(ctx: Ctx, selected: RwSignal<Tab>) -> impl IntoView {
    let list = NodeRef::<leptos::html::Div>::new();
    let focus_tab = move |tab: Tab| {
        if let Some(list) = list.try_get_untracked().flatten() {
            let selector = format!("[data-tab=\"{}\"]", tab.key());
            if let Ok(Some(element)) = list.query_selector(&selector) {
                use wasm_bindgen::JsCast;
                if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        }
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let index = Tab::ALL
            .iter()
            .position(|tab| *tab == selected.try_get_untracked().unwrap_or(Tab::Decide))
            .unwrap_or(0);
        let count = Tab::ALL.len();
        let target = match event.key().as_str() {
            "ArrowRight" => (index + 1) % count,
            "ArrowLeft" => (index + count - 1) % count,
            "Home" => 0,
            "End" => count - 1,
            _ => return,
        };
        event.prevent_default();
        selected.set(Tab::ALL[target]);
        focus_tab(Tab::ALL[target]);
    };
    let buttons = Tab::ALL
        .into_iter()
        .map(|tab| {
            view! {
                <button
                    type="button"
                    role="tab"
                    id=ctx.element_id(&format!("tab-{}", tab.key()))
                    data-tab=tab.key()
                    data-testid=format!("tab-{}", tab.key())
                    aria-controls=ctx.element_id(&format!("panel-{}", tab.key()))
                    aria-selected=move || (selected.get() == tab).to_string()
                    tabindex=move || if selected.get() == tab { "0" } else { "-1" }
                    on:click=move |_| selected.set(tab)
                >
                    {tab.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="bc-tabs" role="tablist" aria-label="Views" node_ref=list on:keydown=on_keydown>
            {buttons}
        </div>
    }
}
