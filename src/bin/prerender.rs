//! `cargo run --bin prerender -- DIR`: writes the widget's first screen (the first question,
//! `present::first_screen`) as HTML into the built pages in DIR, so each shows the first
//! question before the wasm has arrived:
//! - `index.html` (the standalone page) and `embed.html` (the iframe page, an embedded
//!   widget in `<backend-chooser>`'s declarative shadow root): in place of their marker
//!   `<div data-prerender></div>`;
//! - `first-screen.html` and `first-screen-compact.html`: the embedded widget alone, full
//!   and compact, which `embed.js` shows in a `<backend-chooser>` until its wasm runs.
//!
//! After each first screen comes the hidden summary (`first_screen::summary`) that a page
//! shows where the widget cannot run; each page's `<title>` (and the standalone page's
//! description) is the dataset's title (and intro).
//!
//! Run by Trunk on every build (the `post_build` hook in Trunk.toml, on the staging folder).
//! Exits with 1 when a page has no marker, or a file cannot be read or written.
//!
//! Native only: on wasm32 (where `cargo clippy --all-targets` also builds it) it is empty.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use backend_chooser::present::first_screen::{fallback_html, first_screen};
    use backend_chooser::present::markup::{to_html, Markup};

    /// `value` escaped for HTML text and attribute values (the serializer's own escaping).
    fn to_html_text(value: &str) -> String {
        to_html(&[Markup::Text(value.to_owned())]).replace('"', "&quot;")
    }

    /// `page` with what lies between the first `start` and the `end` after it replaced.
    fn replace_between(page: &str, start: &str, end: &str, with: &str) -> String {
        let Some((head, rest)) = page.split_once(start) else {
            return page.to_owned();
        };
        let Some((_, tail)) = rest.split_once(end) else {
            return page.to_owned();
        };
        format!("{head}{start}{with}{end}{tail}")
    }
    use std::path::Path;
    use std::process::ExitCode;

    const MARKER: &str = "<div data-prerender></div>";
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("prerender: usage: prerender DIR (the built pages' folder)");
        return ExitCode::FAILURE;
    };
    let ds = match backend_chooser::default_dataset() {
        Ok(ds) => ds,
        Err(error) => {
            eprintln!("prerender: the dataset cannot be loaded: {error}");
            return ExitCode::FAILURE;
        }
    };
    // Each page's first screen, then the summary shown where the widget cannot run.
    let screen = |standalone, compact| {
        to_html(&[first_screen(ds, "auto", standalone, compact)]) + &fallback_html(ds)
    };
    let embedded = screen(false, false);
    let dir = Path::new(&dir);
    let write = |name: &str, text: &str| -> Result<(), String> {
        let file = dir.join(name);
        std::fs::write(&file, text)
            .map_err(|error| format!("cannot write {}: {error}", file.display()))
    };
    let fill = |name: &str, html: &str| -> Result<(), String> {
        let file = dir.join(name);
        let page = std::fs::read_to_string(&file)
            .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        if page.matches(MARKER).count() != 1 {
            return Err(format!(
                "{} must hold the marker {MARKER} exactly once",
                file.display()
            ));
        }
        // The page's title and description are the dataset's.
        let page = replace_between(&page, "<title>", "</title>", &to_html_text(&ds.title));
        let page = replace_between(
            &page,
            "<meta name=\"description\" content=\"",
            "\">",
            &to_html_text(&ds.intro),
        );
        write(name, &page.replacen(MARKER, html, 1))
    };
    let done = fill("index.html", &screen(true, false))
        .and_then(|()| fill("embed.html", &embedded))
        .and_then(|()| write("first-screen.html", &embedded))
        .and_then(|()| write("first-screen-compact.html", &screen(false, true)));
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("prerender: {problem}");
            ExitCode::FAILURE
        }
    }
}
