//! The second real dataset, `src/data/sqlite-or-postgresql.json` ("SQLite or PostgreSQL?"),
//! and the README's small example, `examples/datasets/rest-or-graphql.json`:
//! `cargo test --test second_dataset`.
//!
//! The second dataset proves the format on another decision: other sides (one of them
//! combining the two), another question count and another branching than the default. It
//! loads with `engine::load` like any author's file; every side wins somewhere, every answer
//! is taken and changes some result, every criterion cites an https source, and the
//! scenarios below say which side wins, over every completion of the questions they leave
//! free, for each kind of project.
#![cfg(not(target_arch = "wasm32"))]
// Tests never ship in the wasm: std's collections and sort are fine here (clippy.toml).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use std::collections::BTreeMap;

use backend_chooser::engine::model::Dataset;
use backend_chooser::engine::report::report;
use backend_chooser::engine::{all_paths, load, suggest, winner, Answers};

fn read(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn dataset(path: &str) -> Dataset {
    load(&read(path)).unwrap_or_else(|error| panic!("{path} does not load:\n{error}"))
}

fn sqlite_or_postgresql() -> Dataset {
    dataset("src/data/sqlite-or-postgresql.json")
}

#[test]
fn it_loads_and_differs_from_the_default_in_sides_questions_and_branching() {
    let ds = sqlite_or_postgresql();
    let default = backend_chooser::default_dataset().expect("the default dataset");
    let ids = |ds: &Dataset| {
        ds.sides
            .iter()
            .map(|side| side.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&ds), ["sqlite", "postgresql", "sqlite-first"]);
    assert_ne!(ids(&ds), ids(default));
    assert!((6..=10).contains(&ds.questions.len()), "6 to 10 questions");
    assert_ne!(ds.questions.len(), default.questions.len());
    // A real tree: the first question branches three ways, and paths differ in length.
    let first = ds.question(&ds.start).expect("the first question");
    let mut targets: Vec<_> = first
        .answers
        .iter()
        .map(|answer| first.next_after(answer).cloned())
        .collect();
    targets.dedup();
    assert!(targets.len() >= 3, "{targets:?}");
    let lengths: Vec<usize> = all_paths(&ds).iter().map(Answers::len).collect();
    assert!(lengths.iter().min() < lengths.iter().max());
    // The combined side: SQLite now, PostgreSQL later.
    let combined = ds.side("sqlite-first").expect("the combined side");
    let parts: Vec<&str> = combined
        .parts
        .iter()
        .map(|part| part.side.as_str())
        .collect();
    assert_eq!(parts, ["sqlite", "postgresql"]);
}

#[test]
fn every_side_wins_every_answer_is_taken_and_counts() {
    let ds = sqlite_or_postgresql();
    let report = report(&ds);
    assert!(report.problems().is_empty(), "{:?}", report.problems());
    for (side, wins) in ds.sides.iter().zip(&report.wins) {
        assert!(*wins > 0, "{} never wins", side.id);
    }
    assert!(report.unreachable.is_empty(), "{:?}", report.unreachable);
    // Every answer with points changes the winner on at least one path.
    let never: Vec<String> = report
        .never_decisive
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        never.is_empty(),
        "answers that never change a result: {never:?}"
    );
}

#[test]
fn every_criterion_cites_an_official_https_source_and_speaks_for_both_databases() {
    let ds = sqlite_or_postgresql();
    let official = [
        "https://www.sqlite.org/",
        "https://www.postgresql.org/docs/",
    ];
    for criterion in &ds.criteria {
        assert!(
            !criterion.sources.is_empty(),
            "{} has no source",
            criterion.id
        );
        for source in &criterion.sources {
            let url = source.url.as_deref().unwrap_or_default();
            assert!(
                official.iter().any(|prefix| url.starts_with(prefix)),
                "{}: {url:?} is not an official https page",
                criterion.id
            );
        }
        for side in ["sqlite", "postgresql"] {
            assert!(
                criterion.says.get(side).is_some(),
                "{} says nothing for {side}",
                criterion.id
            );
        }
    }
    // Every criterion is used by some answer.
    for criterion in &ds.criteria {
        let used = ds.questions.iter().any(|question| {
            question.answers.iter().any(|answer| {
                answer
                    .effects
                    .iter()
                    .any(|effect| effect.criterion == criterion.id)
            })
        });
        assert!(used, "no answer rests on {}", criterion.id);
    }
}

/// Parses `"q=a|b q2=c"` into question → allowed answers.
fn constraints(text: &str) -> BTreeMap<String, Vec<String>> {
    text.split_whitespace()
        .map(|pair| {
            let (question, answers) = pair.split_once('=').expect("q=a|b");
            let answers = answers.split('|').map(str::to_string).collect();
            (question.to_string(), answers)
        })
        .collect()
}

/// The winners over every complete path on which each `pick` question is answered with
/// one of its listed answers; the questions it does not name are free.
fn winners(ds: &Dataset, pick: &str) -> BTreeMap<String, u64> {
    let pick = constraints(pick);
    for (question, answers) in &pick {
        let known = ds.question(question).expect("a question the dataset has");
        for answer in answers {
            assert!(known.answer(answer).is_some(), "{question} has no {answer}");
        }
    }
    let mut tally = BTreeMap::new();
    for path in all_paths(ds) {
        let matches = pick.iter().all(|(question, allowed)| {
            path.iter()
                .any(|(on_path, answer)| on_path == question && allowed.contains(answer))
        });
        if matches {
            let side = winner(ds, &path).expect("a winner");
            *tally.entry(side).or_default() += 1;
        }
    }
    tally
}

/// At least `min_percent` of the completions of `pick` end with `expected` winning.
fn check(name: &str, pick: &str, expected: &str, min_percent: u64) {
    let ds = sqlite_or_postgresql();
    let tally = winners(&ds, pick);
    let total: u64 = tally.values().sum();
    let won = tally.get(expected).copied().unwrap_or(0);
    assert!(total > 0, "{name}: no path matches {pick}");
    assert!(
        won * 100 >= total * min_percent,
        "{name}: {expected} wins {won} of {total} completions, {min_percent}% needed; winners {tally:?}"
    );
}

#[test]
fn sqlite_for_data_that_lives_in_the_app_or_on_one_quiet_server() {
    check(
        "desktop, mobile or embedded app",
        "where=device",
        "sqlite",
        100,
    );
    check(
        "a local script, analysis or test suite, short of many terabytes",
        "where=local-tool size=modest|large",
        "sqlite",
        100,
    );
    check(
        "one server, modest writes, never more",
        "where=one-server traffic=light growth=no",
        "sqlite",
        100,
    );
}

#[test]
fn postgresql_for_shared_busy_or_demanding_data() {
    check(
        "several servers writing over a network",
        "where=many-servers",
        "postgresql",
        100,
    );
    check(
        "one server, write-intensive, with roles or row security",
        "where=one-server traffic=heavy access=roles|rows",
        "postgresql",
        100,
    );
    check(
        "a standby or replicas, and rights per service",
        "access=roles|rows uptime=standby|replicas",
        "postgresql",
        100,
    );
    check(
        "a local tool over tens of terabytes, with a team that runs servers",
        "where=local-tool size=huge team=ops",
        "postgresql",
        100,
    );
}

#[test]
fn sqlite_first_when_one_server_is_enough_for_now() {
    check(
        "one server, modest writes, may outgrow it",
        "where=one-server traffic=light growth=maybe",
        "sqlite-first",
        100,
    );
    check(
        "one server, steady writes, plain needs",
        "where=one-server traffic=steady access=one-app features=plain uptime=restore size=modest",
        "sqlite-first",
        100,
    );
}

#[test]
fn what_to_start_with_follows_the_answers() {
    let ds = sqlite_or_postgresql();
    let first_framework = |pairs: &[(&str, &str)], winner_side: &str| {
        let answers: Answers = pairs
            .iter()
            .map(|&(question, answer)| (question.to_string(), answer.to_string()))
            .collect();
        assert_eq!(winner(&ds, &answers).as_deref(), Some(winner_side));
        suggest(&ds, &answers, winner_side)
            .into_iter()
            .map(|suggestion| suggestion.framework_id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        first_framework(
            &[("where", "device"), ("size", "modest"), ("team", "nobody")],
            "sqlite"
        ),
        ["sqlite-file"]
    );
    assert_eq!(
        first_framework(
            &[
                ("where", "many-servers"),
                ("access", "roles"),
                ("features", "plain"),
                ("uptime", "replicas"),
                ("size", "large"),
                ("team", "ops"),
            ],
            "postgresql"
        ),
        ["pg-standby"]
    );
    // The combined side suggests one setup for each part.
    assert_eq!(
        first_framework(
            &[
                ("where", "one-server"),
                ("traffic", "light"),
                ("growth", "maybe"),
                ("size", "modest"),
                ("team", "nobody"),
            ],
            "sqlite-first"
        ),
        ["sqlite-wal", "pg-managed"]
    );
}

#[test]
fn the_readme_example_loads_and_both_sides_win() {
    let ds = dataset("examples/datasets/rest-or-graphql.json");
    assert_eq!(ds.questions.len(), 3);
    assert_eq!(ds.sides.len(), 2);
    let report = report(&ds);
    assert!(report.problems().is_empty(), "{:?}", report.problems());
    assert!(
        report.wins.iter().all(|&wins| wins > 0),
        "{:?}",
        report.wins
    );
}
