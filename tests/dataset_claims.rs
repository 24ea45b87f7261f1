//! What the default dataset claims, checked over every path: `cargo test --test dataset_claims`.
//!
//! The engine's tests check the scoring rule; these check the content the rule is fed:
//! a team that knows one language is sent to the other only for a strong reason, no
//! effect claims more than its criterion says, and framework points follow the reader's
//! words.
#![cfg(not(target_arch = "wasm32"))]

use backend_chooser::engine::all_paths;
use backend_chooser::engine::model::Dataset;
use backend_chooser::engine::{suggest, winner, Answers};

fn default_dataset() -> &'static Dataset {
    match backend_chooser::default_dataset() {
        Ok(ds) => ds,
        Err(error) => panic!("the default dataset does not load:\n{error}"),
    }
}

/// The answer a path gives to `question`, if the path asks it.
fn answer<'a>(path: &'a Answers, question: &str) -> Option<&'a str> {
    path.get(question)
}

fn show(path: &Answers) -> String {
    let shown: Vec<String> = path
        .iter()
        .map(|(question, answer)| format!("{question}={answer}"))
        .collect();
    shown.join(" ")
}

/// The article's closing advice is to start from the team's skills. A team that knows
/// only JavaScript is recommended Python alone only when the work is real computation
/// (Python's numeric and ML libraries) or a Python backend already exists; a team that
/// knows only Python is recommended Node.js alone only when a Node.js backend already
/// exists, or when a team that writes only synchronous Python builds one of Node.js's
/// own use cases (live, streaming, single-page app or gateway services). Either happens
/// on at most 5% of that team's paths.
#[test]
fn a_one_language_team_gets_the_other_language_only_for_a_strong_reason() {
    let ds = default_dataset();
    let (mut js_paths, mut js_to_python) = (0_usize, 0_usize);
    let (mut python_paths, mut python_to_node) = (0_usize, 0_usize);
    for path in all_paths(ds) {
        let won = winner(ds, &path).expect("a winner");
        match answer(&path, "team") {
            Some("js") => {
                js_paths += 1;
                if won == "python" {
                    js_to_python += 1;
                    let computes = matches!(answer(&path, "cpuwork"), Some("heavy" | "moderate"));
                    let python_code = answer(&path, "existing") == Some("python");
                    assert!(
                        computes || python_code,
                        "a JavaScript team gets Python without a strong reason: {}",
                        show(&path)
                    );
                }
            }
            Some("python") => {
                python_paths += 1;
                if won == "node" {
                    python_to_node += 1;
                    let node_code = answer(&path, "existing") == Some("node");
                    let node_use_case = matches!(
                        answer(&path, "what"),
                        Some("realtime" | "streaming" | "spa")
                    ) || answer(&path, "msparts") == Some("gateway");
                    let sync_only = answer(&path, "pyasync") == Some("sync");
                    assert!(
                        node_code || (sync_only && node_use_case),
                        "a Python team gets Node.js without a strong reason: {}",
                        show(&path)
                    );
                }
            }
            _ => {}
        }
    }
    assert!(js_paths > 0 && python_paths > 0);
    assert!(
        js_to_python * 20 <= js_paths,
        "Python wins {js_to_python} of {js_paths} JavaScript-team paths"
    );
    assert!(
        python_to_node * 20 <= python_paths,
        "Node.js wins {python_to_node} of {python_paths} Python-team paths"
    );
}

/// An effect resting on a criterion that favours one side may count against that side,
/// but never gives a rival more points than it: the criterion would not back the claim.
/// (Effects on neutral criteria may point either way.)
#[test]
fn no_effect_claims_more_than_its_criterion() {
    let ds = default_dataset();
    for question in &ds.questions {
        for answer in &question.answers {
            for effect in &answer.effects {
                let criterion = ds.criterion(&effect.criterion).expect("a known criterion");
                let Some(favours) = criterion.favours.side() else {
                    continue;
                };
                let points = |side: &str| effect.scores.get(side).copied().unwrap_or(0);
                let favoured = points(favours);
                for side in &ds.sides {
                    // A combined side shares a single side's strengths; only rivals count.
                    let rival =
                        side.id != favours && (side.parts.is_empty() || favours == "hybrid");
                    assert!(
                        !rival || points(&side.id) <= favoured.max(0),
                        "{}={}: {} gets {} on \"{}\", which favours {} ({favoured})",
                        question.id,
                        answer.id,
                        side.id,
                        points(&side.id),
                        criterion.title,
                        favours
                    );
                }
            }
        }
    }
}

/// The framework a team starts with follows its words: "built for speed" gives Fastify,
/// "batteries included" gives Django, or AdonisJS (ORM, auth and security packages) for
/// a TypeScript team and never NestJS (it has neither ORM nor admin built in), and a team
/// writing plain JavaScript is never sent to TypeScript-first AdonisJS.
#[test]
fn framework_points_follow_the_readers_words() {
    let ds = default_dataset();
    let mut checked = 0;
    for path in all_paths(ds) {
        let (side, team) = match answer(&path, "team") {
            Some("js") => ("node", "js"),
            Some("python") => ("python", "python"),
            _ => continue,
        };
        let suggestions = suggest(ds, &path, side);
        let [first] = suggestions.as_slice() else {
            panic!("one {side} framework for {}", show(&path));
        };
        let framework = first.framework_id.as_str();
        let structure = answer(&path, "structure");
        let typescript = answer(&path, "ts") == Some("yes");
        let expected: &[&str] = match (team, structure) {
            ("js", Some("lean")) => &["fastify"],
            ("js", Some("batteries")) if typescript => &["adonisjs"],
            ("js", Some("batteries")) => &["express", "koa"],
            ("python", Some("batteries")) => &["django"],
            _ => &[],
        };
        assert!(
            expected.is_empty() || expected.contains(&framework),
            "{framework} for {}; expected one of {expected:?}",
            show(&path)
        );
        assert!(
            typescript || framework != "adonisjs",
            "AdonisJS for plain JavaScript: {}",
            show(&path)
        );
        checked += 1;
    }
    assert!(checked > 0);
}

/// Framework reasons quote the answers that gave points ("NestJS, because you write
/// TypeScript"), so each such answer restates itself in the reader's voice: a short
/// lower-case clause that completes "because …".
#[test]
fn every_answer_that_gives_framework_points_has_a_recap() {
    let ds = default_dataset();
    for question in &ds.questions {
        for answer in &question.answers {
            if answer.frameworks.is_empty() {
                continue;
            }
            let place = format!("{}={}", question.id, answer.id);
            let recap = answer
                .recap
                .as_deref()
                .unwrap_or_else(|| panic!("{place} gives framework points but has no recap"));
            assert!(
                recap.chars().count() <= 120
                    && recap.starts_with(|first: char| first.is_lowercase())
                    && !recap.ends_with(['.', '!', '?']),
                "{place}: recap {recap:?} does not complete \"because …\""
            );
        }
    }
}

/// The team question is the only one that names the team's languages, as side ids.
#[test]
fn the_team_answers_name_the_languages_the_team_knows() {
    let ds = default_dataset();
    for question in &ds.questions {
        for answer in &question.answers {
            let expected: &[&str] = match (question.id.as_str(), answer.id.as_str()) {
                ("team", "js") => &["node"],
                ("team", "python") => &["python"],
                ("team", "both") => &["node", "python"],
                _ => &[],
            };
            assert_eq!(
                answer.skills, expected,
                "{}={}: skills",
                question.id, answer.id
            );
        }
    }
}
