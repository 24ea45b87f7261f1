//! Native tests of the presentation logic: restoring links, the result, table, map and
//! path markup, the tree layout and the Markdown decision record, on the default dataset.
#![cfg(not(target_arch = "wasm32"))]
// Tests never ship in the wasm: std's collections and sort are fine here (clippy.toml).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use backend_chooser::default_dataset;
use backend_chooser::engine::model::Dataset;
use backend_chooser::engine::{all_paths, encode, path_lengths, NewQuestions, PathStep, Step};
use backend_chooser::engine::{scorecard, Answers, Certainty};
use backend_chooser::present::adr::{markdown, Decision};
use backend_chooser::present::compare::compare_markup;
use backend_chooser::present::map_view::map_markup;
use backend_chooser::present::markup::{by_test_id, el, Markup};
use backend_chooser::present::outcome::{opposing, outcome_of, shown_reasons, supporting};
use backend_chooser::present::path_view::path_markup;
use backend_chooser::present::restore::restore;
use backend_chooser::present::result_view::{result_markup, MORE};
use backend_chooser::present::text::{
    announcement, change_cost, count, criteria_shown, new_questions, progress,
};
use backend_chooser::present::tree_layout::{layout, wrap, NODE_HEIGHT, NODE_WIDTH};

fn ds() -> &'static Dataset {
    default_dataset().expect("the default dataset loads")
}

fn first_path() -> Answers {
    all_paths(ds())
        .into_iter()
        .next()
        .expect("at least one path")
}

fn wrap_markup(markup: Vec<Markup>) -> Markup {
    el("div").children(markup).into()
}

mod restoring {
    use super::*;

    fn check(fragment: &str, expected_answers: usize, expected_notice: Option<&str>) {
        let restored = restore(ds(), fragment);
        let answered = restored.session.answered(ds());
        assert_eq!(
            answered.len(),
            expected_answers,
            "answers kept from {fragment:?}"
        );
        match (expected_notice, restored.notice.as_deref()) {
            (None, None) => {}
            (Some(expected), Some(notice)) => assert!(
                notice.contains(expected),
                "{notice:?} should contain {expected:?}"
            ),
            (expected, notice) => {
                panic!("notice for {fragment:?}: expected {expected:?}, got {notice:?}")
            }
        }
    }

    #[test]
    fn links_restore_or_explain() {
        let path = first_path();
        let full = encode(ds(), &path);
        check("", 0, None);
        check("#", 0, None);
        check(&full, path.len(), None);
        check(&format!("#{full}"), path.len(), None);
    }

    /// The notice for a link, checked for what every notice must be: plain words that name
    /// questions by their prompts, never the link's ids, quotes or punctuation.
    fn notice(fragment: &str) -> String {
        let notice = restore(ds(), fragment)
            .notice
            .unwrap_or_else(|| panic!("a notice for {fragment:?}"));
        for internal in ["\"", "=", "@", "node-vs-python", "nosuch", "rust", "U+"] {
            assert!(!notice.contains(internal), "{notice:?} shows {internal:?}");
        }
        assert!(notice.ends_with('.'), "{notice:?}");
        notice
    }

    /// One row per kind of bad link: its notice, whole.
    #[test]
    fn each_kind_of_bad_link_gets_a_notice_in_plain_words() {
        let path = first_path();
        let full = encode(ds(), &path);
        let (head, _) = full.split_once(':').expect("a head");
        let team = "“Which languages does your team already know well?”";
        let fresh = "so you are starting from the first question.";
        let long = "x".repeat(3000);
        let whole_link = [
            (
                "garbage",
                format!(
                    "This link could not be read (it may have been cut short or changed), {fresh}"
                ),
            ),
            (
                "node-vs-python@1:what",
                format!(
                    "This link could not be read (it may have been cut short or changed), {fresh}"
                ),
            ),
            (
                long.as_str(),
                format!(
                    "This link could not be read (it may have been cut short or changed), {fresh}"
                ),
            ),
            ("   ", format!("This link holds no answers, {fresh}")),
            (
                "node-vs-python@999:",
                format!("This link was made for a newer version of these questions, {fresh}"),
            ),
            (
                "node-vs-python@0:",
                format!("This link was made for an earlier version of these questions, {fresh}"),
            ),
            (
                "go-vs-rust@1:",
                format!("This link is for another comparison, {fresh}"),
            ),
        ];
        for (fragment, expected) in whole_link {
            assert_eq!(notice(fragment), expected, "{fragment:?}");
            assert!(restore(ds(), fragment).session.answered(ds()).is_empty());
        }
        let kept_all_but = |lost: usize| match path.len() - lost {
            1 => "Your other answer is kept.".to_owned(),
            kept => format!("Your other {kept} answers are kept."),
        };
        let partly = [
            (
                format!("{full},nosuch=thing"),
                format!("One answer in this link could not be used because it answers a question that is no longer asked. {}", kept_all_but(0)),
                path.len(),
            ),
            (
                format!("{full},what=data"),
                format!("One answer in this link could not be used because it answers “What are you building?” twice (the first answer counts). {}", kept_all_but(0)),
                path.len(),
            ),
            (
                format!("{full},pyasync=async"),
                format!("One answer in this link could not be used because its answer to “Which style of Python does the team write?” does not fit the answers before it. {}", kept_all_but(0)),
                path.len(),
            ),
            (
                format!("{head}:what=webapp,load=moderate,team=rust,ts=yes"),
                format!("2 answers in this link could not be used because its answer to {team} is no longer one of the choices. Your other 2 answers are kept."),
                2,
            ),
            (
                format!("{head}:what=webapp,team=rust"),
                format!("One answer in this link could not be used because its answer to {team} is no longer one of the choices. Your other answer is kept."),
                1,
            ),
            (
                format!("{head}:team=rust,nosuch=thing"),
                format!("2 answers in this link could not be used because its answer to {team} is no longer one of the choices, among other reasons. You are starting from the first question."),
                0,
            ),
            (
                format!("{head}:team=rust,nosuch=thing,what=a,what=b"),
                format!("4 answers in this link could not be used because its answer to {team} is no longer one of the choices, among other reasons. You are starting from the first question."),
                0,
            ),
        ];
        for (fragment, expected, kept) in partly {
            assert_eq!(notice(&fragment), expected, "{fragment:?}");
            check(&fragment, kept, Some(expected.as_str()));
        }
    }
    #[test]
    fn a_complete_link_lands_on_the_result() {
        let restored = restore(ds(), &encode(ds(), &first_path()));
        assert_eq!(restored.session.current(ds()), Step::Result);
    }
}

mod result {
    use super::*;

    #[test]
    fn every_part_of_the_result_is_there() {
        let path = first_path();
        let outcome = outcome_of(ds(), &path).expect("a dataset with sides");
        let markup = wrap_markup(result_markup(
            ds(),
            &outcome,
            "https://example.org/#x",
            false,
        ));
        let verdict = by_test_id(&markup, "verdict");
        assert_eq!(verdict.len(), 1);
        assert_eq!(
            verdict[0].attribute("data-side"),
            Some(outcome.scorecard.winner.as_str())
        );
        let reasons = by_test_id(&markup, "reason").len();
        assert_eq!(reasons, supporting(&outcome.scorecard).count().min(5));
        assert_eq!(
            by_test_id(&markup, "against").len(),
            opposing(&outcome.scorecard).count().min(3)
        );
        assert!(by_test_id(&markup, "reason")
            .iter()
            .all(|item| !item.children.is_empty()));
        assert_eq!(
            by_test_id(&markup, "framework").len(),
            outcome.suggestions.len()
        );
        assert_eq!(by_test_id(&markup, "change").len(), outcome.changes.len());
        assert_eq!(
            by_test_id(&markup, "bar").len(),
            outcome.scorecard.criteria.len()
        );
        let link = by_test_id(&markup, "share-link");
        assert_eq!(link[0].attribute("href"), Some("https://example.org/#x"));
        for action in ["copy-link", "copy-markdown", "print", "back", "restart"] {
            assert_eq!(by_test_id(&markup, action).len(), 1, "{action}");
        }
        let text = markup.text_content();
        assert!(
            text.contains(" ahead of ") || text.contains("Too close to call"),
            "{text}"
        );
        assert_eq!(by_test_id(&markup, "scale").len(), 1);
        let negative_bars = markup
            .find_all(&|element| element.attribute("data-negative") == Some("true"))
            .len();
        let negative_points = outcome
            .scorecard
            .criteria
            .iter()
            .flat_map(|criterion| &criterion.points)
            .filter(|side| side.points < 0)
            .count();
        assert_eq!(negative_bars, negative_points);
    }

    /// Every text node of a markup tree, sorted: what a reader can read, in any order.
    fn texts(markup: &Markup) -> Vec<String> {
        let mut out = Vec::new();
        fn walk(markup: &Markup, out: &mut Vec<String>) {
            match markup {
                Markup::Text(text) => out.push(text.clone()),
                Markup::Element(element) => {
                    for child in &element.children {
                        walk(child, out);
                    }
                }
            }
        }
        walk(markup, &mut out);
        out.sort();
        out
    }

    /// One path for each kind of result: its winner and how many reasons for and against it
    /// show (what decides which sections a result has), found over every path.
    fn one_path_per_kind_of_result() -> Vec<Answers> {
        let mut kinds = Vec::new();
        let mut paths = Vec::new();
        for path in all_paths(ds()) {
            let card = scorecard(ds(), &path).expect("a dataset with sides");
            let (reasons, against) = shown_reasons(&card);
            let kind = (card.winner.clone(), reasons.len(), against.len());
            if !kinds.contains(&kind) {
                kinds.push(kind);
                paths.push(path);
            }
        }
        paths
    }

    #[test]
    fn a_compact_result_shows_headline_frameworks_and_reasons_first_and_keeps_the_rest_one_tap_away(
    ) {
        let paths = one_path_per_kind_of_result();
        assert!(paths.len() >= 3, "{} kinds", paths.len());
        for path in paths {
            let outcome = outcome_of(ds(), &path).expect("a dataset with sides");
            let full = wrap_markup(result_markup(ds(), &outcome, "x", false));
            let compact = wrap_markup(result_markup(ds(), &outcome, "x", true));
            // Nothing lost: the same texts, plus the disclosure's summary.
            let mut expected = texts(&full);
            expected.push(MORE.to_owned());
            expected.sort();
            assert_eq!(texts(&compact), expected, "{path:?}");
            assert!(by_test_id(&full, "more").is_empty());
            let more = by_test_id(&compact, "more");
            assert_eq!(more.len(), 1, "{path:?}");
            assert_eq!(more[0].tag, "details");
            let more = Markup::Element(more[0].clone());
            // First, outside the disclosure: the headline, the frameworks, the reasons.
            for shown in ["verdict", "framework", "reason", "share-link", "copy-link"] {
                assert_eq!(
                    by_test_id(&compact, shown).len(),
                    by_test_id(&full, shown).len(),
                    "{shown}"
                );
                assert!(by_test_id(&more, shown).is_empty(), "{shown} is not hidden");
            }
            // One tap away: the points, the parts, what counts against it, the bars, the changes.
            for tucked in ["scale", "parts", "against", "bar", "change"] {
                assert_eq!(
                    by_test_id(&more, tucked).len(),
                    by_test_id(&full, tucked).len(),
                    "{tucked}"
                );
            }
        }
    }

    #[test]
    fn a_hybrid_result_says_which_part_runs_where() {
        let hybrid = all_paths(ds())
            .into_iter()
            .find(|path| {
                outcome_of(ds(), path)
                    .expect("a dataset with sides")
                    .scorecard
                    .winner
                    == "hybrid"
            })
            .expect("some path recommends the hybrid");
        let outcome = outcome_of(ds(), &hybrid).expect("a dataset with sides");
        let markup = wrap_markup(result_markup(ds(), &outcome, "x", false));
        let parts = by_test_id(&markup, "parts");
        assert_eq!(parts.len(), 1);
        let text = Markup::Element(parts[0].clone()).text_content();
        assert!(
            text.contains("Node.js") && text.contains("Python"),
            "{text}"
        );
        assert_eq!(
            outcome.suggestions.len(),
            2,
            "one framework per side of the hybrid"
        );
    }
}

mod decision_record {
    use super::*;

    #[test]
    fn the_record_has_every_section_and_the_link() {
        let path = first_path();
        let outcome = outcome_of(ds(), &path).expect("a dataset with sides");
        let record = markdown(&Decision {
            ds: ds(),
            answered: &outcome.answered,
            scorecard: &outcome.scorecard,
            suggestions: &outcome.suggestions,
            changes: &outcome.changes,
            link: "https://example.org/#link",
        });
        for heading in [
            "# Decision record —",
            "## Context",
            "## Decision",
            "## Reasons",
            "## Alternatives considered",
            "## What would change this decision",
        ] {
            assert!(record.contains(heading), "missing {heading}:\n{record}");
        }
        assert!(record.contains("<https://example.org/#link>"));
        assert!(
            record.matches("\n- ").count() >= path.len(),
            "every answer is listed:\n{record}"
        );
    }
}

mod table {
    use super::*;

    fn rows(query: &str, drove: &[String]) -> Vec<String> {
        let markup = wrap_markup(compare_markup(ds(), query, drove));
        by_test_id(&markup, "criterion-row")
            .into_iter()
            .map(|row| {
                format!(
                    "{}{}",
                    row.attribute("data-criterion").unwrap_or(""),
                    if row.attribute("data-drove") == Some("true") {
                        "*"
                    } else {
                        ""
                    }
                )
            })
            .collect()
    }

    #[test]
    fn filter_and_marks() {
        assert_eq!(rows("", &[]).len(), ds().criteria.len());
        assert!(rows("zzzz-nothing", &[]).is_empty());
        let django = rows("DJANGO", &[]);
        assert!(
            !django.is_empty() && django.len() < ds().criteria.len(),
            "{django:?}"
        );
        let first = ds().criteria[0].id.clone();
        assert_eq!(
            rows("", std::slice::from_ref(&first))[0],
            format!("{first}*")
        );
    }

    #[test]
    fn a_source_every_row_cites_is_named_once() {
        let markup = wrap_markup(compare_markup(ds(), "", &[]));
        let note = by_test_id(&markup, "common-source");
        assert_eq!(note.len(), 1);
        let seed = Markup::Element(note[0].clone()).text_content();
        assert!(
            seed.contains("the article this comparison comes from"),
            "{seed}"
        );
        let rows = by_test_id(&markup, "criterion-row");
        assert_eq!(rows.len(), ds().criteria.len());
        for row in rows {
            let text = Markup::Element(row.clone()).text_content();
            assert!(
                !text.contains("the article this comparison comes from"),
                "{text}"
            );
        }
        // The same title with an address is a link, kept in its row; a title cited twice
        // is named once.
        let mut linked = ds().clone();
        let seed = linked.criteria[0].sources[0].clone();
        linked.criteria[0].sources.push(seed.clone());
        let mut with_url = seed;
        with_url.url = Some("https://example.org/article".to_owned());
        linked.criteria[1].sources.push(with_url);
        let markup = wrap_markup(compare_markup(&linked, "", &[]));
        let note = Markup::Element(by_test_id(&markup, "common-source")[0].clone()).text_content();
        assert_eq!(
            note.matches("the article this comparison comes from")
                .count(),
            1,
            "{note}"
        );
        let kept = markup
            .find_all(&|element| element.attribute("href") == Some("https://example.org/article"));
        assert_eq!(kept.len(), 1, "the linked copy stays in its row");

        // A dataset where one row lacks it names it in the rows that cite it.
        let mut uneven = ds().clone();
        uneven.criteria[0]
            .sources
            .retain(|source| source.url.is_some());
        let markup = wrap_markup(compare_markup(&uneven, "", &[]));
        assert!(by_test_id(&markup, "common-source").is_empty());
        assert!(
            Markup::Element(by_test_id(&markup, "criterion-row")[1].clone())
                .text_content()
                .contains("the article this comparison comes from")
        );
    }

    #[test]
    fn unsafe_source_links_are_shown_as_text() {
        let mut hostile = ds().clone();
        hostile.criteria[0].sources[0].url = Some("javascript:alert(1)".to_owned());
        let markup = wrap_markup(compare_markup(&hostile, "", &[]));
        let links = markup.find_all(&|element| element.tag == "a");
        assert!(links.iter().all(|link| link
            .attribute("href")
            .is_some_and(|href| href.starts_with("https://"))));
    }
}

mod map {
    use super::*;

    /// An edge that skips a layer runs on a lane right of every box, never behind one; an
    /// edge between neighbouring layers runs from one box's bottom to the next one's top.
    #[test]
    fn edges_never_run_behind_a_box_on_either_dataset() {
        let second =
            backend_chooser::outside_dataset(include_str!("../src/data/sqlite-or-postgresql.json"))
                .expect("the second dataset");
        let mut lanes = 0;
        for ds in [ds(), second] {
            let tree = layout(ds);
            let right = tree
                .nodes
                .iter()
                .map(|node| node.x + NODE_WIDTH)
                .max()
                .unwrap();
            for edge in &tree.edges {
                let Some(lane) = edge.path.split_once('H').map(|(_, rest)| rest) else {
                    // A curve: from a box's bottom straight to the next layer's top.
                    assert!(edge.path.starts_with('M') && edge.path.contains('C'));
                    continue;
                };
                lanes += 1;
                let lane: u32 = lane.split('V').next().unwrap().parse().unwrap();
                assert!(
                    lane > right,
                    "{} → {:?}: lane {lane} ≤ {right}",
                    edge.from,
                    edge.to
                );
                assert!(lane < tree.width, "inside the picture");
            }
        }
        // The second dataset's tree skips layers, so the lanes are really drawn.
        assert!(lanes > 0);
    }

    #[test]
    fn every_question_has_a_box_and_boxes_do_not_overlap() {
        let tree = layout(ds());
        assert_eq!(tree.nodes.len(), ds().questions.len() + 1);
        for (index, a) in tree.nodes.iter().enumerate() {
            assert!(a.x + NODE_WIDTH <= tree.width && a.y + NODE_HEIGHT <= tree.height);
            for b in &tree.nodes[index + 1..] {
                let apart = a.x + NODE_WIDTH <= b.x
                    || b.x + NODE_WIDTH <= a.x
                    || a.y + NODE_HEIGHT <= b.y
                    || b.y + NODE_HEIGHT <= a.y;
                assert!(apart, "{:?} overlaps {:?}", a.question_id, b.question_id);
            }
            assert!(
                a.lines.len() <= 3 && a.lines.iter().all(|line| line.chars().count() <= 24),
                "{:?}",
                a.lines
            );
        }
    }

    /// The first path and the map of the tree at its result.
    fn first_path_map() -> (Answers, Markup) {
        let path = first_path();
        let steps: Vec<PathStep> = path
            .iter()
            .map(|(question, answer)| PathStep {
                question_id: question.clone(),
                answer_id: Some(answer.clone()),
            })
            .collect();
        let markup = wrap_markup(map_markup(ds(), &layout(ds()), &steps, true));
        (path, markup)
    }

    #[test]
    fn the_path_is_highlighted_and_answered_questions_are_buttons() {
        let (path, markup) = first_path_map();
        let highlighted = markup.find_all(&|element| {
            element.attribute("data-testid") == Some("map-node")
                && element.attribute("data-on-path") == Some("true")
        });
        assert_eq!(
            highlighted.len(),
            path.len() + 1,
            "the path's questions and the result"
        );
        let buttons = markup.find_all(&|element| element.attribute("role") == Some("button"));
        assert_eq!(buttons.len(), path.len());
        let edges = markup.find_all(&|element| {
            element.tag == "path" && element.attribute("data-on-path") == Some("true")
        });
        assert_eq!(edges.len(), path.len());
    }

    /// Every question of the map carries its whole prompt as its title (a tooltip; a
    /// button's description), except a button whose visible text (its name) is already the
    /// whole prompt: the boxes may show it shortened.
    #[test]
    fn every_map_node_carries_its_whole_question() {
        let (path, markup) = first_path_map();
        let nodes = by_test_id(&markup, "map-node");
        assert_eq!(
            nodes.len(),
            ds().questions.len() + 1,
            "the questions and the result"
        );
        let buttons = nodes
            .iter()
            .filter(|node| node.attribute("role") == Some("button"));
        assert_eq!(buttons.count(), path.len());
        let mut shortened = 0;
        for node in nodes {
            let question = node.attribute("data-question").expect("a question id");
            let whole = ds()
                .question(question)
                .map_or("Your recommendation", |question| question.prompt.as_str());
            let Some(Markup::Element(first)) = node.children.first() else {
                panic!("a map node without children");
            };
            let name = node.attribute("aria-label");
            if name.is_some_and(|name| name.starts_with(&format!("{whole} ("))) {
                assert_ne!(first.tag, "title", "{whole}: its name says it all");
                continue;
            }
            assert_eq!(first.tag, "title", "{whole}");
            assert_eq!(Markup::Element(first.clone()).text_content(), whole);
            shortened += usize::from(name.is_some());
        }
        assert!(
            shortened > 0,
            "a button with a shortened text on the first path"
        );
    }

    #[test]
    fn wrapping_cuts_long_text_with_an_ellipsis() {
        assert_eq!(wrap("one two three", 7, 3), vec!["one two", "three"]);
        assert_eq!(wrap("aaaa bbbb cccc dddd", 4, 2), vec!["aaaa", "bbb…"]);
        assert!(wrap("", 10, 3).is_empty());
    }
}

mod texts {
    use super::*;
    use backend_chooser::engine::Progress;

    #[test]
    fn progress_reads_as_words() {
        let shown = |position, min_total, max_total| {
            progress(&Progress {
                position,
                min_total,
                max_total,
            })
        };
        assert_eq!(shown(3, 8, 11), "Question 3 of 8 to 11");
        assert_eq!(shown(9, 9, 10), "Question 9 of 9 or 10");
        assert_eq!(shown(9, 9, 9), "Question 9 of 9");
    }

    /// Reads "Question k of n", "… of m or n" or "… of m to n" back into numbers.
    fn read_progress(text: &str) -> (usize, usize, usize) {
        let number = |word: &&str| word.parse::<usize>().unwrap_or_else(|_| panic!("{text:?}"));
        let words: Vec<&str> = text.split(' ').collect();
        match words.as_slice() {
            ["Question", k, "of", n] => (number(k), number(n), number(n)),
            ["Question", k, "of", m, "or", n] if number(n) == number(m) + 1 => {
                (number(k), number(m), number(n))
            }
            ["Question", k, "of", m, "to", n] if number(n) > number(m) + 1 => {
                (number(k), number(m), number(n))
            }
            _ => panic!("not a progress line: {text:?}"),
        }
    }

    /// At every question of every path, the progress line names the question's place and
    /// a range of path lengths that holds this path's length and every length the reader
    /// could still reach; the last question of a path of fixed length says "n of n".
    #[test]
    fn progress_is_true_at_every_question_of_every_path() {
        let ds = ds();
        let lengths = path_lengths(ds);
        let mut seen = std::collections::BTreeSet::new();
        for path in all_paths(ds) {
            for (index, (question_id, _)) in path.iter().enumerate() {
                let text = progress(&lengths.progress(index, question_id));
                let (position, fewest, most) = read_progress(&text);
                assert_eq!(position, index + 1, "{text}");
                assert!(
                    fewest <= path.len() && path.len() <= most && position <= fewest,
                    "{text} on a path of {}",
                    path.len()
                );
                seen.insert(text);
            }
        }
        // All three forms occur.
        assert!(seen.iter().any(|text| text.contains(" or ")), "{seen:?}");
        assert!(seen.iter().any(|text| text.contains(" to ")), "{seen:?}");
        assert!(seen
            .iter()
            .any(|text| read_progress(text).1 == read_progress(text).2));
    }

    #[test]
    fn counts_and_costs_read_as_words() {
        assert_eq!(count(1, "point", "points"), "1 point");
        assert_eq!(count(0, "point", "points"), "0 points");
        assert_eq!(count(2, "point", "points"), "2 points");
        let asks = |fewest, most| new_questions(NewQuestions { fewest, most });
        assert_eq!(asks(0, 0), None);
        assert_eq!(asks(1, 1).as_deref(), Some("asks 1 more question"));
        assert_eq!(asks(1, 2).as_deref(), Some("asks 1 or 2 more questions"));
        assert_eq!(asks(2, 2).as_deref(), Some("asks 2 more questions"));
        assert_eq!(asks(2, 5).as_deref(), Some("asks 2 to 5 more questions"));
        assert_eq!(asks(0, 1).as_deref(), Some("may ask up to 1 more question"));
        assert_eq!(criteria_shown(1, 1), "1 of 1 criterion shown.");
        assert_eq!(criteria_shown(0, 24), "0 of 24 criteria shown.");
    }

    /// Every "what would change this" item on a sample of paths states its cost in words
    /// that match the count, and the Apply button's name says it too.
    #[test]
    fn every_change_says_what_it_costs() {
        let mut costs = std::collections::BTreeSet::new();
        for path in all_paths(ds()).iter().step_by(53) {
            let outcome = outcome_of(ds(), path).expect("a dataset with sides");
            let markup = wrap_markup(result_markup(
                ds(),
                &outcome,
                "https://example.org/#x",
                false,
            ));
            let items = by_test_id(&markup, "change");
            assert_eq!(items.len(), outcome.changes.len());
            for item in items {
                let item = Markup::Element(item.clone());
                let apply = by_test_id(&item, "apply");
                let change = outcome
                    .changes
                    .iter()
                    .find(|change| {
                        apply[0].attribute("data-question") == Some(change.question_id.as_str())
                            && apply[0].attribute("data-answer") == Some(change.answer_id.as_str())
                    })
                    .expect("the change the item applies");
                let shown = by_test_id(&item, "change-cost");
                let cost = change_cost(change);
                match &cost {
                    None => assert!(shown.is_empty()),
                    Some(cost) => {
                        assert_eq!(shown.len(), 1);
                        assert_eq!(
                            Markup::Element(shown[0].clone()).text_content(),
                            format!("({cost})")
                        );
                        let number = change.asks.most;
                        let noun = if number == 1 { "question" } else { "questions" };
                        assert!(cost.contains(&format!("{number} more {noun}")), "{cost}");
                        costs.insert(cost.clone());
                    }
                }
                let name = apply[0].attribute("aria-label").expect("a name");
                assert!(name.starts_with("Apply: "), "{name}");
                if let Some(cost) = &cost {
                    assert!(name.ends_with(&format!("({cost})")), "{name}");
                }
            }
        }
        assert!(!costs.is_empty());
    }

    /// On every path, the "what would change this" groups: one per side and certainty, in
    /// the engine's order; "would" heads the changes that surely give that side, "could"
    /// (with "depending on your later answers") those that depend on later answers; each
    /// names its side and holds exactly its changes.
    #[test]
    fn each_change_group_says_would_or_could_as_its_changes_are_certain_or_not() {
        let (mut certain, mut possible) = (0, 0);
        for path in all_paths(ds()) {
            let outcome = outcome_of(ds(), &path).expect("a dataset with sides");
            let markup = wrap_markup(result_markup(ds(), &outcome, "x", false));
            let mut keys: Vec<(&str, Certainty)> = Vec::new();
            for change in &outcome.changes {
                let key = (change.new_winner.as_str(), change.certainty);
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            let groups = by_test_id(&markup, "change-group");
            let lists = by_test_id(&markup, "changes");
            assert_eq!(groups.len(), keys.len(), "{path:?}");
            assert_eq!(lists.len(), keys.len(), "{path:?}");
            for ((group, list), (winner, certainty)) in groups.into_iter().zip(lists).zip(keys) {
                let heading = Markup::Element(group.clone()).text_content();
                let side = ds().side(winner).expect("a side").label.as_str();
                let sure = certainty == Certainty::Certain;
                assert_eq!(heading.contains(" would make it "), sure, "{heading}");
                assert_eq!(heading.contains(" could make it "), !sure, "{heading}");
                assert_eq!(heading.contains("depending on your later answers"), !sure);
                assert!(heading.contains(&format!(" make it {side}")), "{heading}");
                let shown = by_test_id(&Markup::Element(list.clone()), "change").len();
                let expected = outcome
                    .changes
                    .iter()
                    .filter(|change| change.new_winner == winner && change.certainty == certainty)
                    .count();
                assert_eq!(shown, expected, "{heading} {path:?}");
                match sure {
                    true => certain += 1,
                    false => possible += 1,
                }
            }
        }
        // Both kinds of group occur in the default dataset, so neither branch is untested.
        assert!(certain > 0 && possible > 0, "{certain} {possible}");
    }

    #[test]
    fn the_live_region_announces_the_step_and_the_result() {
        let step = Step::Question {
            question_id: ds().start.clone(),
            selected: None,
            progress: Progress {
                position: 1,
                min_total: 8,
                max_total: 11,
            },
        };
        let question = announcement(ds(), &step, None);
        assert!(
            question.starts_with("Question 1 of 8 to 11: "),
            "{question}"
        );
        let outcome = outcome_of(ds(), &first_path()).expect("a dataset with sides");
        let result = announcement(ds(), &Step::Result, Some(&outcome));
        assert!(
            result.starts_with("Recommendation: ")
                && (result.contains(" lead: ") || result.contains("Too close to call: ")),
            "{result}"
        );
    }

    #[test]
    fn the_path_summary_offers_a_change_for_each_answer() {
        let path = first_path();
        let markup = wrap_markup(path_markup(ds(), &path, false));
        assert_eq!(by_test_id(&markup, "path-step").len(), path.len());
        assert!(path_markup(ds(), &Answers::new(), false).is_empty());
        // Compact: the same rows, one tap away.
        let compact = wrap_markup(path_markup(ds(), &path, true));
        let details = compact.find_all(&|element| element.tag == "details");
        assert_eq!(details.len(), 1);
        let inside = Markup::Element(details[0].clone());
        assert_eq!(by_test_id(&inside, "path-step").len(), path.len());
        assert!(inside
            .text_content()
            .starts_with(&format!("Your answers ({})", path.len())));
    }
}

mod actions {
    use super::*;
    use backend_chooser::engine::Progress;
    use backend_chooser::present::action::{self, Action};
    use backend_chooser::present::markup::Element;
    use backend_chooser::present::question_view::question_markup;
    use backend_chooser::present::shell::{
        copy_status_markup, embed_panel_markup, filter_markup, header_markup, notice_markup,
    };
    use backend_chooser::present::tabs::{tabs_markup, Tab};

    const PROTOCOL: [&str; 4] = [
        action::ACTION,
        action::QUESTION,
        action::ANSWER,
        action::TAB,
    ];

    /// Every action `markup` carries, read back as the view reads it. Each must decode, sit
    /// on an element that can be activated (a button, a `role="button"` element, or a form,
    /// submitted), and carry exactly its own attributes and no stray ones.
    fn actions_in(markup: Vec<Markup>) -> Vec<Action> {
        let markup = wrap_markup(markup);
        let carriers = markup.find_all(&|element| element.attribute(action::ACTION).is_some());
        carriers
            .into_iter()
            .map(|element: &Element| {
                let decoded = Action::decode(|name| element.attribute(name).map(str::to_owned))
                    .unwrap_or_else(|error| panic!("{error} on {element:?}"));
                let activated = element.tag == "button"
                    || element.tag == "form"
                    || element.attribute("role") == Some("button");
                assert!(activated, "{decoded:?} on a <{}>", element.tag);
                let carried: Vec<(&str, &str)> = element
                    .attributes
                    .iter()
                    .filter(|(name, _)| PROTOCOL.contains(name))
                    .map(|(name, value)| (*name, value.as_str()))
                    .collect();
                let mut encoded = Vec::new();
                decoded.clone().encode(&mut encoded);
                let expected: Vec<(&str, &str)> = encoded
                    .iter()
                    .map(|(name, value)| (*name, value.as_str()))
                    .collect();
                assert_eq!(carried, expected, "{decoded:?}");
                decoded
            })
            .collect()
    }

    fn names(actions: &[Action]) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = actions.iter().map(Action::name).collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    #[test]
    fn every_question_step_carries_next_back_and_restart() {
        for question in &ds().questions {
            for (position, selected, choose_first) in [
                (1, None, false),
                (2, None, true),
                (
                    3,
                    question.answers.first().map(|answer| answer.id.as_str()),
                    false,
                ),
            ] {
                let progress = Progress {
                    position,
                    min_total: 8,
                    max_total: 11,
                };
                let actions = actions_in(question_markup(
                    question,
                    selected,
                    &progress,
                    "bc1",
                    choose_first,
                ));
                assert_eq!(
                    actions,
                    vec![
                        Action::Next {
                            question: question.id.clone(),
                            answer: None
                        },
                        Action::Back,
                        Action::Restart
                    ]
                );
            }
        }
    }

    #[test]
    fn results_maps_and_path_summaries_carry_decodable_actions() {
        let paths = all_paths(ds());
        // Every 300th path (and the last): results differ in their changes and winners.
        let step = 300;
        let sample = paths
            .iter()
            .step_by(step)
            .chain(paths.last())
            .collect::<Vec<_>>();
        let tree = layout(ds());
        let mut seen = Vec::new();
        for path in sample {
            let outcome = outcome_of(ds(), path).expect("a scored path");
            let result = actions_in(result_markup(
                ds(),
                &outcome,
                "https://example.org/#x",
                false,
            ));
            let applies = result
                .iter()
                .filter(|action| matches!(action, Action::Apply { .. }))
                .count();
            assert_eq!(applies, outcome.changes.len());
            seen.extend(result);
            let summary = actions_in(path_markup(ds(), path, false));
            assert_eq!(summary.len(), path.len());
            seen.extend(summary);
            let steps: Vec<PathStep> = path
                .iter()
                .map(|(question, answer)| PathStep {
                    question_id: question.clone(),
                    answer_id: Some(answer.clone()),
                })
                .collect();
            for (end, at_result) in [(steps.len(), true), (steps.len() / 2, false)] {
                let map = actions_in(map_markup(ds(), &tree, &steps[..end], at_result));
                assert_eq!(map.len(), end, "one button per answered question");
                seen.extend(map);
            }
        }
        assert_eq!(
            names(&seen),
            [
                "apply",
                "back",
                "copy-link",
                "copy-markdown",
                "go-to",
                "print",
                "restart"
            ]
        );
    }

    #[test]
    fn the_shell_and_the_tabs_carry_decodable_actions() {
        for selected in Tab::ALL {
            let tabs = actions_in(tabs_markup(selected, "bc1"));
            assert_eq!(tabs, Tab::ALL.map(Action::Tab));
        }
        assert_eq!(
            actions_in(notice_markup(Some("Bad link."))),
            [Action::Dismiss]
        );
        assert_eq!(
            names(&actions_in(embed_panel_markup("<script>", "<iframe>"))),
            ["copy-iframe", "copy-script"]
        );
        assert_eq!(actions_in(embed_panel_markup("a", "b")).len(), 2);
        // The rest carries none.
        let none = [
            header_markup("T", "I", true),
            notice_markup(None),
            copy_status_markup("Copied.", Some("text"), "copy-status"),
            filter_markup("bc1-filter"),
            compare_markup(ds(), "", &[]),
        ];
        for markup in none {
            assert!(actions_in(markup).is_empty());
        }
    }
}
