//! The dataset report (`engine::report`, printed by `cargo run --bin check-dataset`) and the
//! default dataset's own rules: `cargo test --test dataset`.
//!
//! `engine::load` checks what every dataset must satisfy; the content rules here are the
//! ones this comparison sets itself (its sides, criteria and frameworks, the article's facts,
//! short ids and prompts, one-sentence reasons), and the path statistics are what keeps its
//! results balanced. The scenarios (which side wins for which kind of project) are in
//! `tests/engine.rs`, `mod default_dataset`.
#![cfg(not(target_arch = "wasm32"))]
// Tests never ship in the wasm: std's collections and sort are fine here (clippy.toml).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use std::collections::BTreeSet;

use backend_chooser::engine::model::{Dataset, Leads};
use backend_chooser::engine::report::{report, AnswerRef, Report};
use backend_chooser::engine::{all_paths, count_paths, path_lengths};
use backend_chooser::engine::{load, winner, Answers};

fn fixture(name: &str) -> Dataset {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    load(&text).unwrap_or_else(|error| panic!("{name} does not load:\n{error}"))
}

fn default_dataset() -> &'static Dataset {
    match backend_chooser::default_dataset() {
        Ok(ds) => ds,
        Err(error) => panic!("the default dataset does not load:\n{error}"),
    }
}

fn show(path: &Answers) -> String {
    let pairs: Vec<String> = path.iter().map(|(q, a)| format!("{q}={a}")).collect();
    pairs.join(" ")
}

/// The report as lines, so a failure shows all of it.
fn summary(report: &Report) -> Vec<String> {
    let counts = |wins: &[u64]| {
        let parts: Vec<String> = report
            .sides
            .iter()
            .zip(wins)
            .map(|(side, wins)| format!("{side} {wins}"))
            .collect();
        parts.join(", ")
    };
    let answers = |answers: &[AnswerRef]| {
        let parts: Vec<String> = answers.iter().map(ToString::to_string).collect();
        parts.join(" ")
    };
    let mut lines = vec![
        format!("paths {}", report.paths),
        format!("lengths {:?}", report.lengths),
        format!("wins {}", counts(&report.wins)),
    ];
    for first in &report.by_first_answer {
        lines.push(format!("{}: {}", first.answer_id, counts(&first.wins)));
    }
    lines.push(format!("unreachable [{}]", answers(&report.unreachable)));
    lines.push(format!(
        "never decisive [{}]",
        answers(&report.never_decisive)
    ));
    lines
}

mod report {
    use super::*;

    /// The small tree (see `tests/engine.rs`), scored by hand: tie margin 2, ties broken by
    /// the team question, then python before node. E.g. `what=data ml=no team=js` gives
    /// node 2, python 4, hybrid 1: node and python are within 2, and the team answer favours
    /// node. `what=api` never decides: node 1 / python 4 ends the same with or without it
    /// (`team=js` breaks the tie for node, `team=py` and `team=both` leave python ahead).
    #[test]
    fn small_tree_counts_paths_winners_and_answers_that_never_decide() {
        let ds = fixture("small.json");
        let report = report(&ds);
        assert_eq!(
            summary(&report),
            [
                "paths 18",
                "lengths [(2, 3), (3, 9), (4, 6)]",
                "wins node 6, python 10, hybrid 2",
                "realtime: node 4, python 2, hybrid 0",
                "data: node 1, python 6, hybrid 2",
                "api: node 1, python 2, hybrid 0",
                "unreachable []",
                "never decisive [what=api ml=no serve=batch team=both]",
            ]
        );
        assert_eq!(report.problems(), []);
    }

    #[test]
    fn a_side_that_never_wins_and_an_answer_no_path_takes_are_problems() {
        let mut ds = fixture("small.json");
        // Without the live service's points, the hybrid (at most 3) never wins.
        let serve = ds.questions.iter().position(|q| q.id == "serve").unwrap();
        ds.questions[serve].answers[0].effects.clear();
        // "realtime" skips the scale question, so no path takes its answers.
        ds.questions[0].answers[0].next = Some(Leads::Question("team".to_string()));
        let problems: Vec<String> = report(&ds)
            .problems()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "sides[2]: no path recommends side \"hybrid\"",
                "questions[1].answers[0]: no complete path takes scale=high",
                "questions[1].answers[1]: no complete path takes scale=low",
            ]
        );
    }

    /// The report against the engine's public functions, over every path of a dataset:
    /// the counts, the winners (by `engine::winner`), and for every answer with effects
    /// whether some path's winner changes without it.
    fn check_against_the_engine(ds: &Dataset) -> Report {
        let report = report(ds);
        let paths = all_paths(ds);
        assert_eq!(report.paths, count_paths(ds));
        assert_eq!(report.paths, paths.len() as u64);
        let (shortest, longest) = path_lengths(ds).whole_tree();
        assert_eq!(
            report.lengths.first().map(|&(length, _)| length),
            Some(shortest)
        );
        assert_eq!(
            report.lengths.last().map(|&(length, _)| length),
            Some(longest)
        );
        let mut lengths = vec![0u64; longest + 1];
        let mut wins = vec![0u64; ds.sides.len()];
        let mut by_first = vec![vec![0u64; ds.sides.len()]; report.by_first_answer.len()];
        let first_answers = &ds.question(&ds.start).unwrap().answers;
        let side_index = |id: &str| ds.sides.iter().position(|side| side.id == id).unwrap();
        let winners: Vec<usize> = paths
            .iter()
            .map(|path| side_index(&winner(ds, path).expect("a winner")))
            .collect();
        for (path, &side) in paths.iter().zip(&winners) {
            lengths[path.len()] += 1;
            wins[side] += 1;
            let first = first_answers
                .iter()
                .position(|a| path.get(&ds.start) == Some(a.id.as_str()))
                .unwrap();
            by_first[first][side] += 1;
        }
        let lengths: Vec<(usize, u64)> = lengths
            .into_iter()
            .enumerate()
            .filter(|&(_, count)| count > 0)
            .collect();
        assert_eq!(report.lengths, lengths);
        assert_eq!(report.wins, wins);
        let report_by_first: Vec<&Vec<u64>> = report
            .by_first_answer
            .iter()
            .map(|first| &first.wins)
            .collect();
        assert_eq!(report_by_first, by_first.iter().collect::<Vec<_>>());
        let taken: BTreeSet<&(String, String)> = paths.iter().flatten().collect();
        for (question_index, question) in ds.questions.iter().enumerate() {
            for (answer_index, answer) in question.answers.iter().enumerate() {
                let pair = (question.id.clone(), answer.id.clone());
                let taken = taken.contains(&pair);
                // Without effects an answer cannot change a winner (and is never listed).
                let decides = answer.effects.is_empty()
                    || paths.iter().zip(&winners).any(|(path, &side)| {
                        if !path.iter().any(|on_path| *on_path == pair) {
                            return false;
                        }
                        let without: Answers = path
                            .iter()
                            .filter(|on_path| **on_path != pair)
                            .cloned()
                            .collect();
                        winner(ds, &without).map(|id| side_index(&id)) != Some(side)
                    });
                let listed = |list: &[AnswerRef]| {
                    list.iter().any(|listed| {
                        (listed.question, listed.answer) == (question_index, answer_index)
                    })
                };
                let shown = format!("{}={}", pair.0, pair.1);
                assert_eq!(listed(&report.unreachable), !taken, "{shown}");
                assert_eq!(listed(&report.never_decisive), taken && !decides, "{shown}");
            }
        }
        report
    }

    #[test]
    fn small_tree_agrees_with_the_engine() {
        check_against_the_engine(&fixture("small.json"));
    }

    /// Every path of the default dataset: about 82,000 of them. Its results must stay
    /// balanced: every side wins somewhere, and neither single runtime is squeezed out.
    #[test]
    fn default_dataset_agrees_with_the_engine_and_is_balanced() {
        let ds = default_dataset();
        let report = check_against_the_engine(ds);
        assert_eq!(report.problems(), [], "{:#?}", summary(&report));
        let share = |side: &str| {
            let index = report.sides.iter().position(|id| id == side).unwrap();
            100 * report.wins[index] / report.paths
        };
        let summary = summary(&report);
        assert!(share("node") >= 25, "{summary:#?}");
        assert!(share("python") >= 25, "{summary:#?}");
        assert!(share("hybrid") <= 35, "{summary:#?}");
    }
}

mod content {
    //! The default dataset's own rules, stricter than `engine::load`'s limits for any
    //! dataset. Each test collects every violation, so one run shows them all.
    use super::*;

    const SEED_TITLE: &str =
        "Node.js vs Python for Backend Development (the article this comparison comes from)";

    fn assert_none(violations: Vec<String>) {
        assert!(violations.is_empty(), "{violations:#?}");
    }

    /// One sentence: ends with a full stop (or ! or ?), and no ". X" inside.
    fn one_sentence(at: &str, text: &str, violations: &mut Vec<String>) {
        if !text.ends_with(['.', '!', '?']) {
            violations.push(format!(
                "{at}: not a sentence ending with a full stop: {text:?}"
            ));
        }
        let mut chars = text.chars().peekable();
        let mut previous_end = false;
        while let Some(character) = chars.next() {
            let space_then_capital =
                character == ' ' && chars.peek().is_some_and(|next| next.is_ascii_uppercase());
            if previous_end && space_then_capital {
                violations.push(format!("{at}: more than one sentence: {text:?}"));
                break;
            }
            previous_end = matches!(character, '.' | '!' | '?');
        }
    }

    /// Every text the reader sees, with its place.
    fn texts(ds: &Dataset) -> Vec<(String, &str)> {
        let mut texts = vec![("title".to_string(), ds.title.as_str())];
        texts.push(("intro".to_string(), &ds.intro));
        for (i, side) in ds.sides.iter().enumerate() {
            texts.push((format!("sides[{i}].label"), &side.label));
            texts.push((format!("sides[{i}].summary"), &side.summary));
            for (j, part) in side.parts.iter().enumerate() {
                texts.push((format!("sides[{i}].parts[{j}].role"), &part.role));
                texts.push((format!("sides[{i}].parts[{j}].why"), &part.why));
            }
        }
        for (i, criterion) in ds.criteria.iter().enumerate() {
            texts.push((format!("criteria[{i}].category"), &criterion.category));
            texts.push((format!("criteria[{i}].title"), &criterion.title));
            texts.push((format!("criteria[{i}].when"), &criterion.when));
            for (side, says) in &criterion.says {
                texts.push((format!("criteria[{i}].says.{side}"), says));
            }
            for (j, source) in criterion.sources.iter().enumerate() {
                texts.push((format!("criteria[{i}].sources[{j}].title"), &source.title));
            }
        }
        for (i, framework) in ds.frameworks.iter().enumerate() {
            texts.push((format!("frameworks[{i}].name"), &framework.name));
            texts.push((format!("frameworks[{i}].summary"), &framework.summary));
        }
        for (i, question) in ds.questions.iter().enumerate() {
            texts.push((format!("questions[{i}].prompt"), &question.prompt));
            texts.push((format!("questions[{i}].help"), &question.help));
            for (j, answer) in question.answers.iter().enumerate() {
                let at = format!("questions[{i}].answers[{j}]");
                texts.push((format!("{at}.label"), &answer.label));
                texts.push((format!("{at}.help"), &answer.help));
                for (k, effect) in answer.effects.iter().enumerate() {
                    texts.push((format!("{at}.effects[{k}].because"), &effect.because));
                }
            }
        }
        texts
    }

    #[test]
    fn identity_sides_and_tie_rules() {
        let ds = default_dataset();
        let mut violations = Vec::new();
        if (ds.id.as_str(), ds.version) != ("node-vs-python", 1) {
            violations.push(format!("id@version: {}@{}", ds.id, ds.version));
        }
        let sides: Vec<(&str, &str)> = ds
            .sides
            .iter()
            .map(|side| (side.id.as_str(), side.label.as_str()))
            .collect();
        if sides
            != [
                ("node", "Node.js"),
                ("python", "Python"),
                ("hybrid", "Both Node.js and Python"),
            ]
        {
            violations.push(format!("sides: {sides:?}"));
        }
        for side in &ds.sides {
            let parts: Vec<(&str, &str)> = side
                .parts
                .iter()
                .map(|part| (part.side.as_str(), part.role.as_str()))
                .collect();
            let expected: &[(&str, &str)] = match side.id.as_str() {
                "hybrid" => &[
                    ("node", "API gateway and real-time services"),
                    ("python", "data processing and ML services"),
                ],
                _ => &[],
            };
            if parts != expected {
                violations.push(format!("side {}: parts {parts:?}", side.id));
            }
        }
        let mut tie_order = ds.tie_order.clone();
        tie_order.sort();
        if tie_order != ["hybrid", "node", "python"] {
            violations.push(format!(
                "tie_order lists each side once: {:?}",
                ds.tie_order
            ));
        }
        if ds.tie_break != ["team"] {
            violations.push(format!("tie_break: {:?}", ds.tie_break));
        }
        if ds.tie_margin > 5 {
            violations.push(format!("tie_margin: {}", ds.tie_margin));
        }
        assert_none(violations);
    }

    #[test]
    fn the_criteria_cover_the_article_with_substance_and_sources() {
        let ds = default_dataset();
        let mut violations = Vec::new();
        let required = [
            "execution-speed",
            "concurrency",
            "learning-curve",
            "productivity",
            "ecosystem",
            "frameworks",
            "horizontal-scaling",
            "resource-usage",
            "use-cases-node",
            "use-cases-python",
            "databases",
            "community",
            "deployment",
            "testing",
            "security",
            "learning-resources",
            "jobs",
            "migration",
            "hybrid",
            "team-skills",
        ];
        for id in required {
            if ds.criterion(id).is_none() {
                violations.push(format!("missing criterion {id}"));
            }
        }
        for (i, criterion) in ds.criteria.iter().enumerate() {
            let at = format!("criteria[{i}] ({})", criterion.id);
            let sides: Vec<&String> = criterion.says.iter().map(|(side, _)| side).collect();
            if sides != ["node", "python"] {
                violations.push(format!("{at}.says: exactly node and python, not {sides:?}"));
            }
            for (side, says) in &criterion.says {
                if says.chars().count() < 40 {
                    violations.push(format!("{at}.says.{side}: too thin: {says:?}"));
                }
            }
            one_sentence(&format!("{at}.when"), &criterion.when, &mut violations);
            match criterion.sources.first() {
                Some(first) if first.title == SEED_TITLE && first.url.is_none() => {}
                _ => violations.push(format!("{at}: the first source is the seed article")),
            }
            for (j, source) in criterion.sources.iter().enumerate().skip(1) {
                match &source.url {
                    Some(url) if url.starts_with("https://") => {}
                    _ => violations.push(format!("{at}.sources[{j}]: needs an https url")),
                }
            }
            let used = ds.questions.iter().any(|question| {
                question.answers.iter().any(|answer| {
                    answer
                        .effects
                        .iter()
                        .any(|effect| effect.criterion == criterion.id)
                })
            });
            if !used {
                violations.push(format!("{at}: no answer's effect rests on it"));
            }
        }
        // What the article says, checked in the criteria's texts.
        let mentions: [(&str, &[&str]); 14] = [
            (
                "ecosystem",
                &[
                    "npm",
                    "million",
                    "standard library",
                    "Socket.io",
                    "machine learning",
                ],
            ),
            (
                "frameworks",
                &[
                    "Express", "Fastify", "NestJS", "Koa", "Django", "Flask", "FastAPI", "Tornado",
                ],
            ),
            ("execution-speed", &["V8", "GIL"]),
            ("concurrency", &["event loop", "async"]),
            (
                "databases",
                &[
                    "MongoDB",
                    "Sequelize",
                    "TypeORM",
                    "Django ORM",
                    "SQLAlchemy",
                ],
            ),
            (
                "testing",
                &["Jest", "Mocha", "Cypress", "pytest", "unittest", "behave"],
            ),
            ("security", &["Helmet", "Django"]),
            (
                "deployment",
                &[
                    "Vercel",
                    "Netlify",
                    "Heroku",
                    "AWS",
                    "Google Cloud",
                    "Docker",
                ],
            ),
            (
                "learning-resources",
                &[
                    "Node.js docs",
                    "MDN",
                    "Express",
                    "Best Practices",
                    "Python docs",
                    "Django",
                    "PyPI",
                    "Real Python",
                ],
            ),
            (
                "jobs",
                &["full-stack", "data science", "finance", "startups"],
            ),
            ("migration", &["Python to Node.js", "Node.js to Python"]),
            (
                "use-cases-node",
                &[
                    "chat",
                    "single-page",
                    "microservices",
                    "full-stack JavaScript",
                    "concurrency",
                ],
            ),
            (
                "use-cases-python",
                &[
                    "data",
                    "machine learning",
                    "scientific",
                    "prototypes",
                    "algorithms",
                    "legacy",
                ],
            ),
            ("hybrid", &["gateway", "real-time", "machine-learning"]),
        ];
        for (id, words) in mentions {
            let Some(criterion) = ds.criterion(id) else {
                continue;
            };
            let says: Vec<&str> = criterion.says.values().map(String::as_str).collect();
            let says = says.join(" ").to_lowercase();
            for word in words {
                if !says.contains(&word.to_lowercase()) {
                    violations.push(format!("criterion {id}: says nothing of {word:?}"));
                }
            }
        }
        assert_none(violations);
    }

    /// The article's eight frameworks, and AdonisJS for a Node.js team that wants batteries
    /// included (the article has no Node.js counterpart to Django).
    #[test]
    fn the_frameworks_of_the_article_and_adonisjs() {
        let ds = default_dataset();
        let frameworks: Vec<(&str, &str)> = ds
            .frameworks
            .iter()
            .map(|framework| (framework.id.as_str(), framework.side.as_str()))
            .collect();
        assert_eq!(
            frameworks,
            [
                ("express", "node"),
                ("fastify", "node"),
                ("nestjs", "node"),
                ("koa", "node"),
                ("adonisjs", "node"),
                ("django", "python"),
                ("flask", "python"),
                ("fastapi", "python"),
                ("tornado", "python"),
            ]
        );
    }

    /// Short ids keep share links short; prompts and labels fit a phone's line or two;
    /// an answer's help and every reason are one sentence.
    #[test]
    fn questions_are_short_and_reasons_are_one_sentence() {
        let ds = default_dataset();
        let mut violations = Vec::new();
        if ds.question("team").is_none() {
            violations.push("no question \"team\" (the tie-break)".to_string());
        }
        let longer = |at: String, text: &str, limit: usize, violations: &mut Vec<String>| {
            let length = text.chars().count();
            if length > limit {
                violations.push(format!("{at}: {length} characters; at most {limit}"));
            }
        };
        for (i, question) in ds.questions.iter().enumerate() {
            let at = format!("questions[{i}]");
            longer(format!("{at}.id"), &question.id, 16, &mut violations);
            longer(
                format!("{at}.prompt"),
                &question.prompt,
                120,
                &mut violations,
            );
            if question.answers.len() < 2 {
                violations.push(format!("{at}: fewer than two answers"));
            }
            for (j, answer) in question.answers.iter().enumerate() {
                let at = format!("{at}.answers[{j}]");
                longer(format!("{at}.id"), &answer.id, 16, &mut violations);
                longer(format!("{at}.label"), &answer.label, 80, &mut violations);
                one_sentence(&format!("{at}.help"), &answer.help, &mut violations);
                for (k, effect) in answer.effects.iter().enumerate() {
                    let at = format!("{at}.effects[{k}]");
                    one_sentence(&format!("{at}.because"), &effect.because, &mut violations);
                    if effect.scores.values().all(|&points| points == 0) {
                        violations.push(format!("{at}.scores: all zero"));
                    }
                }
            }
        }
        assert_none(violations);
    }

    #[test]
    fn texts_have_no_surrounding_space() {
        let violations = texts(default_dataset())
            .into_iter()
            .filter(|(_, text)| text.trim() != *text)
            .map(|(at, text)| format!("{at}: {text:?}"))
            .collect();
        assert_none(violations);
    }

    /// The hybrid is for ML or data services behind a real-time API: it may win only on a
    /// path that takes one of the answers that ask for that.
    #[test]
    fn the_hybrid_wins_only_on_paths_that_ask_for_it() {
        let ds = default_dataset();
        let triggers = [("rtdata", "ml"), ("mlserve", "rtapi"), ("msparts", "both")];
        let mut accidents = Vec::new();
        let mut hybrid_wins = 0;
        for path in all_paths(ds) {
            if winner(ds, &path).as_deref() != Some("hybrid") {
                continue;
            }
            hybrid_wins += 1;
            let asked = path
                .iter()
                .any(|(q, a)| triggers.contains(&(q.as_str(), a.as_str())));
            if !asked && accidents.len() < 5 {
                accidents.push(show(&path));
            }
        }
        assert!(hybrid_wins > 0);
        assert_none(accidents);
    }
}
