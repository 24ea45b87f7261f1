//! `cargo run --bin check-dataset -- [FILE]`: checks a dataset with the engine's validator
//! and prints its report (paths, their lengths, winners overall and per first answer,
//! answers no path takes, answers whose points never change a result). Exits with 1 when
//! the dataset has a problem, each printed with its place (a JSON path, or the line and
//! column of a syntax error), and with 2 when the file cannot be read.
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
    use backend_chooser::engine::load;
    use backend_chooser::engine::model::Dataset;
    use backend_chooser::engine::report::{report, Report};
    use backend_chooser::engine::validate::Problem;
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
        let ds = match load(&text) {
            Ok(ds) => ds,
            Err(error) => return fail(&path, &error.problems()),
        };
        let report = report(&ds);
        print(&path, &ds, &report);
        let problems = report.problems();
        if !problems.is_empty() {
            return fail(&path, &problems);
        }
        println!("\nno problems");
        ExitCode::SUCCESS
    }

    fn usage() -> ExitCode {
        eprintln!("usage: cargo run --bin check-dataset -- [FILE]   (default: {DEFAULT})");
        ExitCode::from(2)
    }

    fn fail(path: &str, problems: &[Problem]) -> ExitCode {
        eprintln!("\n{path}: {} problem(s):", problems.len());
        for problem in problems {
            eprintln!("  {problem}");
        }
        ExitCode::FAILURE
    }

    fn percent(part: u64, whole: u64) -> String {
        match whole {
            0 => "-".to_string(),
            _ => format!("{:.1}%", 100.0 * part as f64 / whole as f64),
        }
    }

    fn print(path: &str, ds: &Dataset, report: &Report) {
        println!(
            "{path}: {} sides, {} criteria, {} frameworks, {} questions",
            ds.sides.len(),
            ds.criteria.len(),
            ds.frameworks.len(),
            ds.questions.len()
        );
        println!("\npaths: {}", report.paths);
        for &(length, count) in &report.lengths {
            println!(
                "  {length:>2} questions: {count:>7} ({})",
                percent(count, report.paths)
            );
        }
        println!("\nwinners:");
        for (side, &wins) in report.sides.iter().zip(&report.wins) {
            println!("  {side:<12} {wins:>7} ({})", percent(wins, report.paths));
        }
        println!(
            "\nwinners per answer to the first question \"{}\" (share of its paths):",
            ds.start
        );
        print!("  {:<12}", "");
        for side in &report.sides {
            print!(" {side:>9}");
        }
        println!("  {:>7}", "paths");
        for first in &report.by_first_answer {
            let paths: u64 = first.wins.iter().sum();
            print!("  {:<12}", first.answer_id);
            for &wins in &first.wins {
                print!(" {:>9}", percent(wins, paths));
            }
            println!("  {paths:>7}");
        }
        let list = |title: &str, answers: &[backend_chooser::engine::report::AnswerRef]| {
            if answers.is_empty() {
                println!("\n{title}: none");
                return;
            }
            println!("\n{title}:");
            for answer in answers {
                println!("  {answer} ({})", answer.at());
            }
        };
        list("answers no path takes", &report.unreachable);
        list(
            "answers whose points never change a result",
            &report.never_decisive,
        );
    }
}
