//! `cargo run --bin check-dataset -- [FILE]`: checks a dataset with the engine's validator
//! and prints every problem as `FILE:LINE:COLUMN: PATH: MESSAGE` (a JSON syntax error as
//! `FILE:LINE:COLUMN: syntax: MESSAGE`) on stderr, then, when the dataset loads, its report
//! on stdout (paths, their lengths, winners overall and per first answer, answers no path
//! takes, answers whose points never change a result). Exits with 1 when the dataset has a
//! problem and with 2 when the file cannot be read. What it prints is
//! `engine::report::check_text`, which the checker wasm returns too.
//!
//! Native only: on wasm32 (where `cargo clippy --all-targets` also builds it) it is empty.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use backend_chooser::engine::report::check_text;
    use std::process::ExitCode;

    const DEFAULT: &str = "src/data/node-vs-python.json";

    pub fn main() -> ExitCode {
        let mut args = std::env::args().skip(1);
        let path = match (args.next(), args.next()) {
            (None, _) => DEFAULT.to_string(),
            (Some(flag), _) if flag.starts_with('-') => return usage(),
            (Some(path), None) => path,
            (Some(_), Some(_)) => return usage(),
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{path}: cannot read it: {error}");
                return ExitCode::from(2);
            }
        };
        let checked = check_text(&path, &text);
        for problem in &checked.problems {
            eprintln!("{path}:{problem}");
        }
        if let Some(report) = &checked.report {
            print!("{report}");
        }
        match checked.problems.len() {
            0 => {
                println!("\nno problems");
                ExitCode::SUCCESS
            }
            count => {
                eprintln!("{path}: {count} problem(s)");
                ExitCode::FAILURE
            }
        }
    }

    fn usage() -> ExitCode {
        eprintln!("usage: cargo run --bin check-dataset -- [FILE]   (default: {DEFAULT})");
        ExitCode::from(2)
    }
}
