//! `cargo run --bin prerender -- FILE...`: writes the widget's first screen (the first
//! question, `present::first_screen`) as HTML into each FILE, in place of its marker
//! `<div data-prerender></div>`, so the page shows the first question before the wasm has
//! arrived. Run by Trunk on every build (the `post_build` hook in Trunk.toml, on the
//! staged pages). Exits with 1 when a file has no marker or cannot be written.
//!
//! Native only: on wasm32 (where `cargo clippy --all-targets` also builds it) it is empty.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use backend_chooser::present::first_screen::first_screen;
    use backend_chooser::present::markup::to_html;
    use std::process::ExitCode;

    const MARKER: &str = "<div data-prerender></div>";
    let ds = match backend_chooser::default_dataset() {
        Ok(ds) => ds,
        Err(error) => {
            eprintln!("prerender: the dataset cannot be loaded: {error}");
            return ExitCode::FAILURE;
        }
    };
    let html = to_html(&[first_screen(ds, "auto", true, false)]);
    for file in std::env::args().skip(1) {
        let page = match std::fs::read_to_string(&file) {
            Ok(page) => page,
            Err(error) => {
                eprintln!("prerender: cannot read {file}: {error}");
                return ExitCode::FAILURE;
            }
        };
        if page.matches(MARKER).count() != 1 {
            eprintln!("prerender: {file} must hold the marker {MARKER} exactly once");
            return ExitCode::FAILURE;
        }
        if let Err(error) = std::fs::write(&file, page.replacen(MARKER, &html, 1)) {
            eprintln!("prerender: cannot write {file}: {error}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
