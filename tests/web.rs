//! Browser tests: the widget mounted into a fresh element in headless Chromium.
#![cfg(target_arch = "wasm32")]

use backend_chooser::present::markup::{el, Markup};
use backend_chooser::ui::markup_dom::Shown;
use backend_chooser::ui::{Host, Options, Theme};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("a document")
}

/// Mounts the widget into a new element of its own and returns that element.
fn mount(fragment: &str, compact: bool) -> web_sys::HtmlElement {
    let parent: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&parent).unwrap();
    let options = Options {
        host: Host::Embedded {
            standalone_url: "https://example.org/chooser/".to_owned(),
        },
        fragment: fragment.to_owned(),
        theme: Theme::Dark,
        compact,
        dataset: None,
    };
    let ds = options.dataset().expect("the default dataset");
    std::mem::forget(backend_chooser::ui::mount(&parent, ds, options));
    parent
}

fn find(root: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .unwrap()
        .map(JsCast::unchecked_into)
}

fn question_id(root: &web_sys::HtmlElement) -> String {
    find(root, "[data-testid=question]")
        .and_then(|fieldset| fieldset.get_attribute("data-question"))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_first_question_shows_and_an_answer_moves_on() {
    let root = mount("", false);
    leptos::task::tick().await;
    let first = question_id(&root);
    assert!(!first.is_empty(), "a question is shown");
    let progress = find(&root, "[data-testid=progress]")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(progress.starts_with("Question 1 of "), "{progress}");
    find(&root, "[data-testid=question] input[type=radio]")
        .unwrap()
        .click();
    find(&root, "[data-testid=next]").unwrap().click();
    leptos::task::tick().await;
    let second = question_id(&root);
    assert!(!second.is_empty() && second != first, "{first} → {second}");
    let theme = find(&root, "[data-testid=widget]")
        .unwrap()
        .get_attribute("data-theme");
    assert_eq!(theme.as_deref(), Some("dark"));
}

#[wasm_bindgen_test]
async fn next_without_a_choice_shows_a_message_and_stays() {
    let root = mount("", false);
    leptos::task::tick().await;
    let first = question_id(&root);
    find(&root, "[data-testid=next]").unwrap().click();
    leptos::task::tick().await;
    assert_eq!(question_id(&root), first);
    assert!(!find(&root, "[data-testid=choose-first]").unwrap().hidden());
}

#[wasm_bindgen_test]
async fn a_bad_link_shows_a_notice_and_a_fresh_start() {
    let root = mount("node-vs-python@999:", false);
    leptos::task::tick().await;
    let notice = find(&root, "[data-testid=notice]")
        .expect("a notice")
        .text_content()
        .unwrap();
    assert!(
        notice.contains("starting from the first question"),
        "{notice}"
    );
    assert!(find(&root, "[data-testid=progress]")
        .unwrap()
        .text_content()
        .unwrap()
        .starts_with("Question 1 of"));
}

#[wasm_bindgen_test]
async fn compact_mode_has_no_tabs() {
    let root = mount("", true);
    leptos::task::tick().await;
    assert!(find(&root, "[role=tablist]").is_none());
    assert!(find(&root, "[data-testid=question]").is_some());
}

#[wasm_bindgen_test]
async fn an_embedded_widget_links_to_the_standalone_page_and_keeps_the_host_url() {
    let url_before = web_sys::window().unwrap().location().href().unwrap();
    let root = mount("", false);
    leptos::task::tick().await;
    for _ in 0..20 {
        if find(&root, "[data-testid=result]").is_some() {
            break;
        }
        find(&root, "[data-testid=question] input[type=radio]")
            .unwrap()
            .click();
        find(&root, "[data-testid=next]").unwrap().click();
        leptos::task::tick().await;
    }
    let link = find(&root, "[data-testid=share-link]").expect("a result with a share link");
    let href = link.get_attribute("href").unwrap();
    assert!(
        href.starts_with("https://example.org/chooser/#node-vs-python@"),
        "{href}"
    );
    assert_eq!(
        web_sys::window().unwrap().location().href().unwrap(),
        url_before
    );
}

#[wasm_bindgen_test]
fn markup_text_is_never_parsed_as_html() {
    let container = document().create_element("div").unwrap();
    let hostile = "<img src=x onerror=alert(1)><b>bold</b>";
    let markup: Vec<Markup> = vec![el("p").attr("title", hostile).text(hostile).into()];
    Shown::default().patch(&container, markup);
    assert_eq!(container.query_selector("img").unwrap(), None);
    assert_eq!(container.query_selector("b").unwrap(), None);
    assert_eq!(container.text_content().unwrap(), hostile);
}

#[wasm_bindgen_test]
async fn mount_embedded_mounts_and_unmount_removes_everything() {
    use backend_chooser::ui::embed::mount_embedded;
    let parent: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&parent).unwrap();
    let handle = mount_embedded(
        parent.clone(),
        "node-vs-python@1:what=realtime".to_owned(),
        "light",
        true,
        "https://example.org/chooser/".to_owned(),
        None,
    )
    .expect("mounted");
    leptos::task::tick().await;
    let theme = find(&parent, "[data-testid=widget]")
        .expect("a widget")
        .get_attribute("data-theme");
    assert_eq!(theme.as_deref(), Some("light"));
    assert!(find(&parent, "[role=tablist]").is_none(), "compact");
    assert!(find(&parent, "[data-testid=progress]")
        .unwrap()
        .text_content()
        .unwrap()
        .starts_with("Question 2 of"));
    handle.unmount();
    leptos::task::tick().await;
    assert_eq!(
        parent.child_element_count(),
        0,
        "nothing left after unmount"
    );
}

#[wasm_bindgen_test]
async fn mount_embedded_shows_an_outside_dataset_and_refuses_an_unreadable_one() {
    use backend_chooser::ui::embed::mount_embedded;
    let mount = |dataset: &str| {
        let parent: web_sys::HtmlElement =
            document().create_element("div").unwrap().unchecked_into();
        document().body().unwrap().append_child(&parent).unwrap();
        let handle = mount_embedded(
            parent.clone(),
            String::new(),
            "auto",
            false,
            "https://example.org/chooser/".to_owned(),
            Some(dataset.to_owned()),
        );
        (parent, handle)
    };
    let (parent, handle) = mount(include_str!("fixtures/small.json"));
    assert!(handle.is_ok());
    leptos::task::tick().await;
    let title = find(&parent, ".bc-title").expect("a title");
    assert_eq!(
        title.text_content(),
        backend_chooser::outside_dataset(include_str!("fixtures/small.json"))
            .map(|ds| ds.title.clone())
            .ok()
    );
    let (parent, handle) = mount("{\"id\": 3}");
    let error = handle.err().expect("refused");
    assert!(error.contains("expected a string"), "{error}");
    assert_eq!(parent.child_element_count(), 0, "nothing mounted");
}

#[wasm_bindgen_test]
fn the_decoder_reads_actions_and_a_forms_checked_radio_and_names_what_it_cannot_read() {
    use backend_chooser::present::action::{Action, ActionError};
    use backend_chooser::present::tabs::Tab;
    use backend_chooser::ui::markup_dom::read_action;
    let container = document().create_element("div").unwrap();
    let form = |checked: bool| {
        let radio = |value: &str, checked: bool| {
            let mut radio = el("input")
                .attr("type", "radio")
                .attr("name", "q")
                .attr("value", value);
            if checked {
                radio = radio.attr("checked", "");
            }
            radio
        };
        el("form")
            .action(Action::Next {
                question: "what".to_owned(),
                answer: None,
            })
            .child(radio("api", false))
            .child(radio("realtime", checked))
    };
    let markup: Vec<Markup> = vec![
        form(false).into(),
        form(true).into(),
        el("button").action(Action::Tab(Tab::Map)).into(),
        el("button").attr("data-action", "go_to").into(),
        el("button")
            .attr("data-action", "tab")
            .attr("data-tab", "settings")
            .into(),
    ];
    Shown::default().patch(&container, markup);
    let read = |index: u32| {
        let mut element = container.first_element_child().unwrap();
        for _ in 0..index {
            element = element.next_element_sibling().unwrap();
        }
        read_action(&element)
    };
    let next = |answer: Option<&str>| Action::Next {
        question: "what".to_owned(),
        answer: answer.map(str::to_owned),
    };
    assert_eq!(read(0), Ok(next(None)));
    assert_eq!(read(1), Ok(next(Some("realtime"))));
    assert_eq!(read(2), Ok(Action::Tab(Tab::Map)));
    let unknown = |attribute, value: &str| {
        Err(ActionError {
            attribute,
            value: Some(value.to_owned()),
        })
    };
    assert_eq!(read(3), unknown("data-action", "go_to"));
    assert_eq!(read(4), unknown("data-tab", "settings"));
}

/// The markup of every question of the default dataset (each with its first answer
/// selected, and without), the result of a few paths, and a few small shapes.
fn views() -> Vec<Vec<Markup>> {
    use backend_chooser::engine::{Progress, Session, Step};
    use backend_chooser::present::first_screen::question_step;
    use backend_chooser::present::outcome::outcome_of;
    use backend_chooser::present::result_view::result_markup;
    let ds = backend_chooser::default_dataset().expect("the default dataset");
    let progress = Progress {
        position: 2,
        min_total: 9,
        max_total: 11,
    };
    let mut views = Vec::new();
    for question in &ds.questions {
        let first = question.answers.first().map(|answer| answer.id.as_str());
        for selected in [None, first] {
            views.push(question_step(
                ds,
                &question.id,
                selected,
                &progress,
                "bc1",
                selected.is_none(),
            ));
        }
    }
    for pick in 0..3 {
        let mut session = Session::new();
        while let Step::Question { question_id, .. } = session.current(ds) {
            let question = ds.question(&question_id).expect("a question");
            let answer = &question.answers[pick.min(question.answers.len() - 1)];
            session
                .answer(ds, &question_id, &answer.id)
                .expect("an answer on the path");
        }
        let done = outcome_of(ds, &session.answered(ds)).expect("an outcome");
        views.push(result_markup(
            ds,
            &done,
            "https://example.org/#x",
            pick == 1,
        ));
    }
    views.push(Vec::new());
    views.push(vec!["text".into(), el("p").text("").into()]);
    views
}

#[wasm_bindgen_test]
fn patching_one_view_into_another_gives_the_dom_building_it_gives() {
    let views = views();
    let built = |markup: &[Markup]| {
        let container = document().create_element("div").unwrap();
        Shown::default().patch(&container, markup.to_vec());
        container.inner_html()
    };
    let expected: Vec<String> = views.iter().map(|view| built(view)).collect();
    // From each view to each other (and to itself), in one container that keeps its
    // nodes: the same HTML as a fresh container.
    let container = document().create_element("div").unwrap();
    let mut shown = Shown::default();
    let mut steps = 0;
    for (from, _) in views.iter().enumerate() {
        for (to, view) in views.iter().enumerate() {
            shown.patch(&container, views[from].clone());
            shown.patch(&container, view.clone());
            assert_eq!(
                container.inner_html(),
                expected[to],
                "view {from} → view {to}"
            );
            steps += 1;
        }
    }
    assert_eq!(steps, views.len() * views.len());
}

#[wasm_bindgen_test]
fn a_kept_radio_shows_the_new_markup_unless_it_stands_for_the_same_answer() {
    use backend_chooser::engine::Progress;
    use backend_chooser::present::first_screen::question_step;
    let ds = backend_chooser::default_dataset().expect("the default dataset");
    let progress = Progress {
        position: 1,
        min_total: 9,
        max_total: 11,
    };
    let step = |question: usize| {
        question_step(
            ds,
            &ds.questions[question].id,
            None,
            &progress,
            "bc1",
            false,
        )
    };
    let container = document().create_element("div").unwrap();
    let mut shown = Shown::default();
    shown.patch(&container, step(0));
    let answer = &ds.questions[0].answers[1].id;
    container
        .query_selector(&format!("input[type=radio][value='{answer}']"))
        .unwrap()
        .expect("the answer's radio")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    let checked = || container.query_selector("input:checked").unwrap();
    // The same question again: the reader's choice stays.
    shown.patch(&container, step(0));
    assert!(checked().is_some(), "kept on the same question");
    // Another question in the same nodes: nothing is chosen there yet.
    shown.patch(&container, step(1));
    assert_eq!(checked(), None, "no answer carried to another question");
}
