//! The verdict over every path of both shipped datasets (the default one and
//! `sqlite-or-postgresql.json`): the level, the lead and the words never disagree, the strongest point against is always named, and framework suggestions
//! respect the team. Each rule is checked on all paths, not a sample.
#![cfg(not(target_arch = "wasm32"))]
// Tests never ship in the wasm: std's collections and sort are fine here (clippy.toml).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use backend_chooser::default_dataset;
use backend_chooser::engine::model::Dataset;
use backend_chooser::engine::{
    all_paths, scorecard, suggest, Answers, LeadScale, Level, Scorecard,
};
use backend_chooser::present::outcome::{opposing, shown_reasons, supporting};
use backend_chooser::present::verdict::{points, tie_explanation, verdict_line};

/// Both shipped datasets: every rule below holds on each of them, on every path.
fn datasets() -> [&'static Dataset; 2] {
    static SECOND: std::sync::OnceLock<&'static Dataset> = std::sync::OnceLock::new();
    let second = SECOND.get_or_init(|| {
        backend_chooser::outside_dataset(include_str!("../src/data/sqlite-or-postgresql.json"))
            .expect("the second dataset loads")
    });
    [
        default_dataset().expect("the default dataset loads"),
        second,
    ]
}

/// A path (question id, answer id pairs) with its scorecard.
type Scored = (Answers, Scorecard);

/// Every path of `ds` with its scorecard, computed once for all the tests in this file.
fn scored(ds: &'static Dataset) -> &'static [Scored] {
    static SCORED: [std::sync::OnceLock<Vec<Scored>>; 2] =
        [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    let index = usize::from(!std::ptr::eq(ds, datasets()[0]));
    SCORED[index].get_or_init(|| {
        all_paths(ds)
            .into_iter()
            .map(|path| {
                let card = scorecard(ds, &path).expect("a dataset with sides");
                (path, card)
            })
            .collect()
    })
}

fn label(ds: &'static Dataset, side_id: &str) -> &'static str {
    ds.side(side_id).map_or("?", |side| side.label.as_str())
}

#[test]
fn the_level_is_a_function_of_the_lead_that_never_falls_as_the_lead_grows() {
    for ds in datasets() {
        let mut by_lead: Vec<(i64, Level)> = scored(ds)
            .iter()
            .map(|(_, card)| (card.verdict.lead, card.verdict.level))
            .collect();
        by_lead.sort();
        by_lead.dedup();
        for pair in by_lead.windows(2) {
            let ((lead, level), (next_lead, next_level)) = (pair[0], pair[1]);
            assert_ne!(
                lead, next_lead,
                "lead {lead} reads as both {level:?} and {next_level:?}"
            );
            assert!(
                level <= next_level,
                "a lead of {next_lead} reads {next_level:?}, weaker than {lead} ({level:?})"
            );
        }
        // Every level occurs in each dataset, so the rule is not trivially true.
        for level in [Level::TooClose, Level::Slight, Level::Clear, Level::Strong] {
            assert!(by_lead.iter().any(|(_, seen)| *seen == level), "{level:?}");
        }
    }
}

#[test]
fn too_close_to_call_exactly_when_sides_are_in_contention_and_never_a_high_lead() {
    for ds in datasets() {
        let margin = i64::from(ds.tie_margin);
        for (path, card) in scored(ds) {
            let too_close = card.verdict.level == Level::TooClose;
            assert_eq!(too_close, card.in_contention.len() > 1, "{path:?}");
            match too_close {
                true => assert!(card.verdict.lead <= margin, "{path:?}: {:?}", card.verdict),
                // A recommendation outside the margin always leads by at least one point more.
                false => assert!(card.verdict.lead > margin, "{path:?}: {:?}", card.verdict),
            }
        }
    }
}

#[test]
fn the_lead_is_the_winners_points_minus_the_runner_ups() {
    for ds in datasets() {
        for (path, card) in scored(ds) {
            let total = |side_id: &str| {
                card.totals
                    .iter()
                    .find(|total| total.side_id == side_id)
                    .map(|total| total.points)
            };
            let runner_up = card.runner_up.as_deref().expect("three sides");
            assert_eq!(
                Some(card.verdict.lead),
                total(&card.winner)
                    .zip(total(runner_up))
                    .map(|(w, r)| w - r),
                "{path:?}"
            );
            // The runner-up is the best of the others: no other side has more points.
            for other in &card.totals {
                if other.side_id != card.winner {
                    assert!(other.points <= total(runner_up).unwrap_or(0), "{path:?}");
                }
            }
        }
    }
}

#[test]
fn the_words_state_the_lead_and_say_when_the_winner_has_no_more_points() {
    for ds in datasets() {
        for (path, card) in scored(ds) {
            let line = verdict_line(ds, card);
            let lead = card.verdict.lead;
            let runner_up = label(ds, card.runner_up.as_deref().expect("three sides"));
            let expected_start = match card.verdict.level {
                Level::TooClose => "Too close to call: ",
                Level::Slight => "A slight lead: ",
                Level::Clear => "A clear lead: ",
                Level::Strong => "A strong lead: ",
            };
            assert!(line.starts_with(expected_start), "{path:?}: {line}");
            let total = |side_id: &str| {
                card.totals
                    .iter()
                    .find(|total| total.side_id == side_id)
                    .map_or(0, |total| total.points)
            };
            let own = total(&card.winner);
            match lead > 0 {
                true => {
                    assert!(
                        line.contains(&format!("{} ahead of ", points(lead))),
                        "{line}"
                    );
                    assert!(line.contains(runner_up), "{path:?}: {line}");
                }
                // No lead: every side level with or ahead of the recommendation is named, with
                // how many points it has more.
                false => {
                    for other in ds.sides.iter().filter(|side| side.id != card.winner) {
                        let difference = total(&other.id) - own;
                        let phrase = match difference {
                            0 => "equal points with ".to_string(),
                            difference if difference > 0 => {
                                format!("{} fewer than ", points(difference))
                            }
                            _ => continue,
                        };
                        assert!(line.contains(&phrase), "{path:?}: {line}");
                        assert!(line.contains(&other.label), "{path:?}: {line}");
                    }
                }
            }
            // A tie-break or the tie order is explained whenever it was too close to call.
            assert_eq!(
                tie_explanation(ds, card).is_some(),
                card.verdict.level == Level::TooClose,
                "{path:?}"
            );
        }
    }
}

#[test]
fn the_scale_starts_above_the_tie_margin() {
    for ds in datasets() {
        let scale = LeadScale::of(ds);
        assert_eq!(scale.too_close, i64::from(ds.tie_margin));
        assert!(scale.too_close < scale.slight && scale.slight < scale.clear);
        assert_eq!(scale.level(scale.too_close), Level::TooClose);
        assert_eq!(scale.level(scale.too_close + 1), Level::Slight);
        assert_eq!(scale.level(scale.slight + 1), Level::Clear);
        assert_eq!(scale.level(scale.clear + 1), Level::Strong);
        // The figure in words: singular, plural, a real minus sign.
        assert_eq!(points(1), "1 point");
        assert_eq!(points(0), "0 points");
        assert_eq!(points(-1), "\u{2212}1 point");
        assert_eq!(points(-3), "\u{2212}3 points");
    }
}

#[test]
fn the_strongest_point_against_and_the_strongest_for_are_always_shown() {
    for ds in datasets() {
        let mut with_against = 0;
        for (path, card) in scored(ds) {
            let (shown_for, shown_against) = shown_reasons(card);
            if let Some(strongest) = opposing(card).map(|reason| reason.for_winner).min() {
                with_against += 1;
                assert!(
                    shown_against
                        .iter()
                        .any(|reason| reason.for_winner == strongest),
                    "{path:?}: the strongest point against ({strongest}) is not shown"
                );
            }
            if let Some(strongest) = supporting(card).map(|reason| reason.for_winner).max() {
                assert!(
                    shown_for
                        .iter()
                        .any(|reason| reason.for_winner == strongest),
                    "{path:?}"
                );
            }
            // Every effect that favoured another side over the winner counts against it,
            // whatever it gave the winner itself (0 included).
            for reason in &card.reasons {
                let points_of = |side_id: &str| {
                    reason
                        .points
                        .iter()
                        .find(|side| side.side_id == side_id)
                        .map_or(0, |side| side.points)
                };
                let best_other = ds
                    .sides
                    .iter()
                    .filter(|side| side.id != card.winner)
                    .map(|side| points_of(&side.id))
                    .max()
                    .unwrap_or(0);
                assert_eq!(
                    reason.for_winner,
                    reason.points_for_winner - best_other,
                    "{path:?}"
                );
            }
        }
        assert!(with_against > 0, "some path has a point against its winner");
    }
}

#[test]
fn frameworks_are_in_a_language_the_team_knows_unless_a_part_says_why() {
    for ds in datasets() {
        let mut new_to_team = 0;
        for (path, card) in scored(ds) {
            let known: Vec<&str> = path
                .iter()
                .filter_map(|(question, answer)| ds.question(question)?.answer(answer))
                .flat_map(|answer| &answer.skills)
                .map(String::as_str)
                .collect();
            let winner = ds.side(&card.winner).expect("a side");
            for suggestion in suggest(ds, path, &card.winner) {
                let knows = known.is_empty() || known.contains(&suggestion.side.as_str());
                assert_eq!(suggestion.new_to_team, !knows, "{path:?}");
                if knows {
                    continue;
                }
                new_to_team += 1;
                let part = winner
                    .parts
                    .iter()
                    .find(|part| part.side == suggestion.side)
                    .unwrap_or_else(|| {
                        panic!(
                            "{path:?}: {} in an unknown language",
                            suggestion.framework_id
                        )
                    });
                assert!(
                    suggestion.reason.contains(&part.role),
                    "{path:?}: {}",
                    suggestion.reason
                );
            }
        }
        println!(
            "{new_to_team} suggestions in a language new to the team, each with its part's why"
        );
    }
}

#[test]
fn framework_reasons_quote_answers_in_the_readers_words() {
    for ds in datasets() {
        for (path, card) in scored(ds) {
            for suggestion in suggest(ds, path, &card.winner) {
                for (question_id, answer_id) in path {
                    let Some(answer) = ds.question(question_id).and_then(|q| q.answer(answer_id))
                    else {
                        continue;
                    };
                    if answer.recap.is_some() {
                        assert!(
                            !suggestion.reason.contains(&format!("“{}”", answer.label)),
                            "{path:?}: {} quotes a bare label",
                            suggestion.reason
                        );
                    }
                }
                assert!(
                    !suggestion.reason.contains("you chose"),
                    "{}",
                    suggestion.reason
                );
            }
        }
    }
}

/// The result as a reader sees it, on every path: the verdict line and its level, a
/// framework or the note saying why there is none, and the strongest point against.
#[test]
fn the_rendered_result_agrees_with_the_engine_on_every_path() {
    for ds in datasets() {
        use backend_chooser::present::markup::{by_test_id, el, Markup};
        use backend_chooser::present::outcome::Outcome;
        use backend_chooser::present::result_view::result_markup;
        use backend_chooser::present::verdict::level_key;

        for (path, card) in scored(ds) {
            let outcome = Outcome {
                answered: path.clone(),
                scorecard: card.clone(),
                suggestions: suggest(ds, path, &card.winner),
                // What-ifs are checked in the engine's tests; leaving them out keeps this fast.
                changes: Vec::new(),
            };
            let markup: Markup = el("div")
                .children(result_markup(ds, &outcome, "https://example.org/#x", false))
                .into();
            let verdict = by_test_id(&markup, "confidence");
            assert_eq!(verdict.len(), 1, "{path:?}");
            assert_eq!(
                Markup::Element(verdict[0].clone()).text_content(),
                verdict_line(ds, card),
                "{path:?}"
            );
            assert_eq!(
                verdict[0].attribute("data-level"),
                Some(level_key(card.verdict.level))
            );
            let frameworks = by_test_id(&markup, "framework").len();
            let note = by_test_id(&markup, "no-framework").len();
            assert_eq!(frameworks, outcome.suggestions.len(), "{path:?}");
            assert_eq!(note, usize::from(frameworks == 0), "{path:?}");
            if let Some(strongest) = opposing(card).next() {
                let shown = by_test_id(&markup, "against");
                assert!(
                    shown.iter().any(|item| Markup::Element((*item).clone())
                        .text_content()
                        .starts_with(&strongest.because)),
                    "{path:?}: {}",
                    strongest.because
                );
            }
        }
    }
}
