//! The widget's reactive state: one session signal, and the few signals the view needs
//! around it. Every change to the answers goes through `Ctx`, which asks the engine.

use crate::engine::{Answers, Dataset, Session, Step};
use crate::present::focus::Focus;
use crate::present::outcome::{outcome_of, Outcome};
use crate::present::tabs::Tab;
use crate::ui::actions::CopyState;
use crate::ui::{dom, Theme};
use leptos::prelude::*;

/// Where the widget lives: the standalone page owns its URL; an embedded widget never
/// touches its host's URL and links to the standalone page instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    Standalone,
    Embedded { standalone_url: String },
}

/// The state one widget shares with its components. Copy, so closures take it by value.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub ds: &'static Dataset,
    pub session: RwSignal<Session>,
    /// What the reader sees now: a question or the result.
    pub step: Memo<Step>,
    /// The answered questions before the cursor: what a share link holds.
    pub answered: Memo<Answers>,
    /// Present once the path is complete.
    pub outcome: Memo<Option<Outcome>>,
    /// A short message about a link that could not be used in full.
    pub notice: RwSignal<Option<String>>,
    /// Bumped by every reader action that changes the step, so focus follows it;
    /// never bumped on load, so the widget does not steal focus from its host page.
    pub moved: RwSignal<u32>,
    /// A message for the live region that is not about the step (e.g. "Link copied.");
    /// cleared by every step change.
    pub status: RwSignal<String>,
    pub host: StoredValue<Host>,
    /// Unique per widget on the page, for element ids and radio group names.
    pub instance: u32,
    pub theme: Theme,
    /// The open tab (always Decide in compact mode).
    pub tab: RwSignal<Tab>,
    /// The question on which the reader pressed Next without choosing an answer (its
    /// form then says to choose one); cleared by every step change. (The question's id
    /// rather than a flag: a signal of a type the widget already has costs no new code.)
    pub choose_first: RwSignal<Option<String>>,
    /// What the last copy from the result said; cleared by every step change.
    pub copy: RwSignal<CopyState>,
    /// What the last copy from the "Embed this" panel said.
    pub snippet_copy: RwSignal<CopyState>,
    /// The widget's root element, where focus moves are resolved.
    pub root: crate::ui::slot::Slot,
}

impl Ctx {
    pub fn new(
        ds: &'static Dataset,
        host: Host,
        session: Session,
        notice: Option<String>,
        instance: u32,
        theme: Theme,
    ) -> Ctx {
        let session = RwSignal::new(session);
        let step = Memo::new(move |_| session.with(|session| session.current(ds)));
        let answered = Memo::new(move |_| session.with(|session| session.answered(ds)));
        // An outcome is a function of its answers: comparing those (not the whole outcome,
        // whose derived equality costs 1.4 KB of wasm) says whether it changed.
        let outcome = Memo::new_with_compare(
            move |_| match step.get() {
                Step::Result => answered.with(|answered| outcome_of(ds, answered)),
                Step::Question { .. } => None,
            },
            |old, new| answers_of(old) != answers_of(new),
        );
        Ctx {
            ds,
            session,
            step,
            answered,
            outcome,
            notice: RwSignal::new(notice),
            moved: RwSignal::new(0),
            status: RwSignal::new(String::new()),
            host: StoredValue::new(host),
            instance,
            theme,
            tab: RwSignal::new(Tab::Decide),
            choose_first: RwSignal::new(None),
            copy: RwSignal::new(CopyState::default()),
            snippet_copy: RwSignal::new(CopyState::default()),
            root: crate::ui::slot::Slot::new(),
        }
    }

    pub fn answer(&self, question_id: &str, answer_id: &str) {
        let ds = self.ds;
        self.session.update(|session| {
            // The view only offers answers of the current question, so this cannot fail;
            // if it somehow did, the session stays as it was.
            let _ = session.answer(ds, question_id, answer_id);
        });
        self.moved_by_reader();
    }

    pub fn back(&self) {
        self.session.update(|session| {
            session.back();
        });
        self.moved_by_reader();
    }

    /// "Change" (in the reader's answers or on the map): back to that question, to change
    /// its answer; answering it moves on past every later answer that still applies.
    pub fn go_to(&self, question_id: &str) {
        let ds = self.ds;
        self.session.update(|session| {
            let _ = session.change(ds, question_id);
        });
        self.moved_by_reader();
    }

    pub fn restart(&self) {
        self.session.update(Session::restart);
        self.moved_by_reader();
    }

    /// Applies a "what would change this" item: the changed answer, then on to whatever
    /// comes next (the result, or the first new question).
    pub fn apply_change(&self, question_id: &str, answer_id: &str) {
        let ds = self.ds;
        self.session.update(|session| {
            // The view only offers changes the engine computed for this path.
            let _ = session.change_answer(ds, question_id, answer_id);
        });
        self.moved_by_reader();
    }

    fn moved_by_reader(&self) {
        self.status.set(String::new());
        // A notice about the link the page was opened with has served once the reader acts
        // (set only when there is one: a set re-renders its container).
        if self.notice.with_untracked(Option::is_some) {
            self.notice.set(None);
        }
        self.after_move();
    }

    /// Says the step may have changed: focus will follow it (see `Widget`), and the
    /// "choose first" message goes (only when shown: setting it re-renders the step).
    pub fn after_move(&self) {
        if self.choose_first.with_untracked(Option::is_some) {
            self.choose_first.set(None);
        }
        self.moved.update(|count| *count += 1);
    }

    /// Moves focus to where a reader's move leads (`Focus::after_move`).
    pub fn focus_after_move(&self) {
        let Some(root) = self.root.get() else {
            return;
        };
        let open = self.tab.try_get_untracked().unwrap_or(Tab::Decide);
        dom::focus(&root, Focus::after_move(open).selector());
    }

    /// A link that reproduces `fragment`'s answers: this page's own address on the
    /// standalone page, the standalone page's from an embedded widget.
    pub fn share_link(&self, fragment: &str) -> String {
        let base = self.host.with_value(|host| match host {
            Host::Standalone => crate::ui::dom::page_url_without_fragment(),
            Host::Embedded { standalone_url } => standalone_url.clone(),
        });
        format!("{base}#{fragment}")
    }

    /// What starts every element id and radio group name of this widget (`bc1`, `bc2`, …).
    pub fn id_prefix(&self) -> String {
        format!("bc{}", self.instance)
    }

    pub fn element_id(&self, name: &str) -> String {
        format!("{}-{name}", self.id_prefix())
    }
}

/// The answers an outcome memo's value was computed from (`None` for no value yet).
fn answers_of(outcome: Option<&Option<Outcome>>) -> Option<Option<&Answers>> {
    outcome.map(|outcome| outcome.as_ref().map(|outcome| &outcome.answered))
}
