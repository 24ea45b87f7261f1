//! The small parts of the widget around its views, as markup: the header, the notice about
//! a link, the copy status, the standalone page's "Embed this" panel, the comparison
//! filter, and the message shown when the dataset cannot be loaded. Markup keeps the view
//! layer to a few stable containers.

use crate::present::action::{Action, Snippet};
use crate::present::markup::{el, Markup};

/// The title (the page's `h1` on the standalone page, a paragraph inside a host's post)
/// and the introduction.
pub fn header_markup(title: &str, intro: &str, standalone: bool) -> Vec<Markup> {
    let heading = match standalone {
        true => el("h1"),
        false => el("p"),
    };
    vec![el("header")
        .class("bc-header")
        .child(heading.class("bc-title").text(title))
        .child(el("p").class("bc-muted").text(intro))
        .into()]
}

/// A short message about the link the widget was opened with, and a button to dismiss it.
pub fn notice_markup(message: Option<&str>) -> Vec<Markup> {
    let Some(message) = message else {
        return Vec::new();
    };
    vec![el("div")
        .class("bc-notice")
        .attr("role", "alert")
        .attr("data-testid", "notice")
        .child(el("p").text(message))
        .child(
            el("button")
                .attr("type", "button")
                .action(Action::Dismiss)
                .text("Dismiss"),
        )
        .into()]
}

/// What the last copy did; when the clipboard refused, the text to copy by hand.
pub fn copy_status_markup(
    message: &str,
    manual: Option<&str>,
    test_id: &'static str,
) -> Vec<Markup> {
    let mut markup = vec![el("p")
        .class("bc-status-copy")
        .attr("data-testid", test_id)
        .text(message)
        .into()];
    if let Some(manual) = manual {
        markup.push(
            el("textarea")
                .class("bc-manual-copy")
                .attr("readonly", "")
                .attr("rows", "4")
                .attr("aria-label", "Text to copy")
                .text(manual)
                .into(),
        );
    }
    markup
}

/// The standalone page's "Embed this" panel: the two snippets (`script`, the module script
/// and element; `frame`, the iframe), each with its copy button.
pub fn embed_panel_markup(script: &str, frame: &str) -> Vec<Markup> {
    let block = |text: &str, test_id: &'static str, which: Snippet, label: &'static str| {
        [
            el("pre")
                .attr("data-testid", test_id)
                .child(el("code").text(text))
                .into(),
            el("button")
                .attr("type", "button")
                .action(Action::CopySnippet(which))
                .text(label)
                .into(),
        ]
    };
    let mut markup: Vec<Markup> = vec![el("p")
        .text(
            "On a page that may run scripts: a module script and an element. Attributes: \
             theme (light, dark, auto), answers (a share link's part after #), compact \
             (no table or map). The page's Content-Security-Policy must allow this site \
             in script-src, and 'wasm-unsafe-eval'.",
        )
        .into()];
    markup.extend(block(
        script,
        "embed-script",
        Snippet::Script,
        "Copy the script snippet",
    ));
    markup.push(
        el("p")
            .text(
                "Where scripts are not allowed: an iframe. The script after it is \
                 optional; it lets the frame grow with its content.",
            )
            .into(),
    );
    markup.extend(block(
        frame,
        "embed-frame",
        Snippet::Frame,
        "Copy the iframe snippet",
    ));
    markup
}

/// The comparison table's text filter; `id` is unique on the page.
pub fn filter_markup(id: &str) -> Vec<Markup> {
    vec![el("div")
        .class("bc-filter")
        .child(el("label").attr("for", id).text("Filter the criteria"))
        .child(
            el("input")
                .attr("id", id)
                .attr("type", "search")
                .attr("data-testid", "filter")
                .attr("autocomplete", "off"),
        )
        .into()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(markup: &[Markup]) -> String {
        markup.iter().map(Markup::text_content).collect()
    }

    #[test]
    fn the_title_is_the_page_heading_only_on_the_standalone_page() {
        let standalone = header_markup("T", "I", true);
        let embedded = header_markup("T", "I", false);
        let heading = |markup: &[Markup]| match &markup[0] {
            Markup::Element(header) => match &header.children[0] {
                Markup::Element(title) => title.tag,
                Markup::Text(_) => "",
            },
            Markup::Text(_) => "",
        };
        assert_eq!(heading(&standalone), "h1");
        assert_eq!(heading(&embedded), "p");
        assert_eq!(text(&standalone), "TI");
    }

    #[test]
    fn no_notice_without_a_message() {
        assert!(notice_markup(None).is_empty());
        assert_eq!(text(&notice_markup(Some("Bad link."))), "Bad link.Dismiss");
    }

    #[test]
    fn a_refused_copy_offers_the_text_to_copy_by_hand() {
        assert_eq!(
            copy_status_markup("Link copied.", None, "copy-status").len(),
            1
        );
        let refused = copy_status_markup("Could not copy.", Some("https://x/#a"), "copy-status");
        assert_eq!(refused.len(), 2);
        assert_eq!(text(&refused[1..]), "https://x/#a");
    }
}
