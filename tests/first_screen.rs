//! Native tests of the pre-rendered first screen: the HTML serializer, the first screen's
//! content.
#![cfg(not(target_arch = "wasm32"))]

use backend_chooser::default_dataset;
use backend_chooser::engine::model::Dataset;
use backend_chooser::present::first_screen::{first_screen, PRERENDERED};
use backend_chooser::present::markup::{by_test_id, el, svg, to_html, Markup};

fn ds() -> &'static Dataset {
    default_dataset().expect("the default dataset loads")
}

#[test]
fn html_escapes_text_and_attribute_values() {
    let markup: Markup = el("p")
        .attr("title", "a \"quoted\" <b> & more")
        .text("<script>alert(1)</script> & \"text\"")
        .into();
    assert_eq!(
        to_html(&[markup]),
        "<p title=\"a &quot;quoted&quot; &lt;b&gt; &amp; more\">\
         &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"text\"</p>"
    );
}

#[test]
fn html_writes_void_elements_without_a_closing_tag_and_svg_with_one() {
    let markup: Vec<Markup> = vec![
        el("input").attr("type", "radio").attr("checked", "").into(),
        svg("svg").child(svg("line")).into(),
    ];
    assert_eq!(
        to_html(&markup),
        "<input type=\"radio\" checked=\"\"><svg><line></line></svg>"
    );
}

#[test]
fn the_first_screen_is_the_first_question_with_every_answer_as_a_radio() {
    let ds = ds();
    let screen = first_screen(ds, "auto", true, false);
    let Markup::Element(root) = &screen else {
        panic!("the first screen is an element");
    };
    assert_eq!(root.attribute(PRERENDERED), Some(""));
    let question = by_test_id(&screen, "question");
    assert_eq!(question.len(), 1);
    assert_eq!(
        question[0].attribute("data-question"),
        Some(ds.start.as_str())
    );
    let first = ds.question(&ds.start).expect("the start question exists");
    let radios = screen.find_all(&|element| element.attribute("type") == Some("radio"));
    let values: Vec<_> = radios
        .iter()
        .filter_map(|radio| radio.attribute("value"))
        .collect();
    let expected: Vec<_> = first
        .answers
        .iter()
        .map(|answer| answer.id.as_str())
        .collect();
    assert_eq!(values, expected);
    assert!(radios
        .iter()
        .all(|radio| radio.attribute("checked").is_none()));
    let text = screen.text_content();
    assert!(text.contains(&first.prompt) && text.contains(&ds.title));
    assert_eq!(by_test_id(&screen, "next").len(), 1);
    // Compact: no tabs.
    let compact = first_screen(ds, "auto", false, true);
    assert!(by_test_id(&compact, "tabs").is_empty());
    assert!(compact
        .find_all(&|element| element.attribute("role") == Some("tablist"))
        .is_empty());
}

#[test]
fn the_summary_for_pages_without_the_widget_is_one_hidden_escaped_paragraph() {
    use backend_chooser::present::first_screen::{fallback_html, summary};
    let ds = backend_chooser::default_dataset().expect("the default dataset");
    let html = fallback_html(ds);
    assert!(
        html.starts_with("<p data-fallback=\"\" hidden=\"\">"),
        "{html}"
    );
    assert!(html.ends_with("</p>"), "{html}");
    assert_eq!(html.matches("<p").count(), 1);
    // Every side, in the dataset's own words, after its title.
    let text = summary(ds);
    assert!(text.starts_with(&ds.title), "{text}");
    for side in &ds.sides {
        assert!(
            text.contains(&format!("{}: {}", side.label, side.summary)),
            "{text}"
        );
    }
    // Another dataset's summary says nothing of this one.
    let other = backend_chooser::outside_dataset(include_str!("fixtures/tiny.json"))
        .expect("the tiny fixture");
    let other_text = summary(other);
    assert!(other_text.starts_with(&other.title));
    assert!(!other_text.contains(&ds.sides[0].summary));
}
