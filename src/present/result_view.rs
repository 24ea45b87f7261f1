//! The result as markup: the recommendation and how sure it is, which part runs where
//! (for a combined side), what to start with, why, the per-criterion bars, what would
//! change it, and the share buttons.

use crate::engine::{Certainty, Change, Dataset, Reason, Scorecard};
use crate::present::action::Action;
use crate::present::markup::{el, svg, Markup};
use crate::present::outcome::{shown_reasons, Outcome};
use crate::present::text;
use crate::present::verdict::{scale_explanation, tie_explanation, total_line, verdict_line};

/// The summary line of a compact result's disclosure.
pub const MORE: &str = "More about this result";

/// `compact` (an embed's compact mode, sized for a phone): the headline, what to start with
/// and the reasons first; the points, which part runs where, what counts against it, the
/// bars and what would change it one tap away, in a `<details>` (keyboard and screen
/// readers reach it as a native disclosure). Otherwise all of it in place.
pub fn result_markup(ds: &Dataset, outcome: &Outcome, link: &str, compact: bool) -> Vec<Markup> {
    let Outcome {
        scorecard,
        suggestions,
        changes,
        ..
    } = outcome;
    let winner = ds.side(&scorecard.winner);

    let mut verdict = el("div")
        .class("bc-verdict")
        .attr("part", "verdict")
        .attr("data-side", scorecard.winner.as_str())
        .attr("data-tone", text::tone(ds, &scorecard.winner))
        .attr("data-testid", "verdict")
        .child(
            el("h2")
                .attr("part", "headline")
                .attr("tabindex", "-1")
                .attr("data-step-heading", "")
                .text(format!(
                    "Recommendation: {}",
                    text::side_label(ds, &scorecard.winner)
                )),
        )
        .child(
            el("p")
                .class("bc-confidence")
                .attr("data-testid", "confidence")
                .attr(
                    "data-level",
                    crate::present::verdict::level_key(scorecard.verdict.level),
                )
                .text(verdict_line(ds, scorecard)),
        );
    if let Some(explanation) = tie_explanation(ds, scorecard) {
        verdict = verdict.child(el("p").attr("data-testid", "tie").text(explanation));
    }
    if let Some(side) = winner {
        verdict = verdict.child(el("p").text(side.summary.as_str()));
    }
    let totals = el("ul")
        .class("bc-totals")
        .attr("aria-label", "Points")
        .children(scorecard.totals.iter().map(|total| {
            el("li")
                .text(total_line(ds, &total.side_id, total.points))
                .into()
        }));
    let scale = el("p")
        .class("bc-muted bc-scale")
        .attr("data-testid", "scale")
        .text(scale_explanation(ds, scorecard));
    let mut more: Vec<Markup> = Vec::new();
    match compact {
        true => more.extend([totals.into(), scale.into()]),
        false => verdict = verdict.child(totals).child(scale),
    }

    let mut out: Vec<Markup> = vec![verdict.into()];
    let parts_from = out.len();

    if let Some(side) = winner.filter(|side| !side.parts.is_empty()) {
        out.push(el("h3").text("Which part runs where").into());
        out.push(
            el("ul")
                .attr("data-testid", "parts")
                .children(side.parts.iter().map(|part| {
                    el("li")
                        .child(el("strong").text(text::side_label(ds, &part.side)))
                        .text(format!(": {}. {}", part.role, part.why))
                        .into()
                }))
                .into(),
        );
    }

    if compact {
        more.extend(out.split_off(parts_from));
    }

    // No suggestion for a side with frameworks: the team said it knows other languages.
    let has_frameworks = ds
        .frameworks
        .iter()
        .any(|framework| framework.side == scorecard.winner);
    if suggestions.is_empty() && has_frameworks {
        let known: Vec<String> = crate::engine::team_skills(ds, &outcome.answered)
            .into_iter()
            .map(|side| text::side_label(ds, side))
            .collect();
        let winner = text::side_label(ds, &scorecard.winner);
        out.push(el("h3").text("Start with").into());
        out.push(
            el("p")
                .attr("data-testid", "no-framework")
                .text(format!(
                    "No framework is suggested: your team said it knows {}, not {winner}. Choose one with someone who has built with {winner}.",
                    known.join(" and ")
                ))
                .into(),
        );
    }
    if !suggestions.is_empty() {
        out.push(el("h3").text("Start with").into());
        out.push(
            el("ul")
                .class("bc-frameworks")
                .children(suggestions.iter().map(|suggestion| {
                    let name = text::framework_name(ds, &suggestion.framework_id);
                    let reason = text::framework_reason(ds, suggestion);
                    el("li")
                        .attr("data-testid", "framework")
                        .attr("data-framework", suggestion.framework_id.as_str())
                        .child(el("strong").text(name.as_str()))
                        .text(format!(
                            " ({}): {}",
                            text::side_label(ds, &suggestion.side),
                            reason
                        ))
                        .into()
                }))
                .into(),
        );
    }

    let (reasons, against) = shown_reasons(scorecard);
    out.push(el("h3").text("Why").into());
    out.push(
        el("ol")
            .class("bc-reasons")
            .children(
                reasons
                    .into_iter()
                    .map(|reason| reason_item(ds, reason, "reason")),
            )
            .into(),
    );
    let rest_from = out.len();
    let against: Vec<Markup> = against
        .into_iter()
        .map(|reason| reason_item(ds, reason, "against"))
        .collect();
    if !against.is_empty() {
        out.push(el("h3").text("What counts against it").into());
        out.push(el("ul").class("bc-reasons").children(against).into());
    }

    out.push(el("h3").text("What each criterion added").into());
    out.extend(breakdown(ds, scorecard));

    out.push(el("h3").text("What would change this").into());
    if changes.is_empty() {
        out.push(
            el("p")
                .text("No single changed answer would change this recommendation.")
                .into(),
        );
    }
    // Grouped by the recommendation each change would give and whether it surely does, in
    // the engine's order (the sure changes first).
    let mut groups: Vec<(&str, Certainty)> = Vec::new();
    for change in changes {
        let key = (change.new_winner.as_str(), change.certainty);
        if !groups.contains(&key) {
            groups.push(key);
        }
    }
    for (new_winner, certainty) in groups {
        let (lead, tail) = text::change_group_words(certainty);
        out.push(
            el("p")
                .class("bc-change-group")
                .attr("data-testid", "change-group")
                .text(lead)
                .child(el("strong").text(text::side_label(ds, new_winner)))
                .text(tail)
                .into(),
        );
        // Within a group, one entry per question, listing its answers that would do it.
        let group: Vec<_> = changes
            .iter()
            .filter(|change| change.new_winner == new_winner && change.certainty == certainty)
            .collect();
        let mut questions: Vec<&str> = Vec::new();
        for change in &group {
            if !questions.contains(&change.question_id.as_str()) {
                questions.push(&change.question_id);
            }
        }
        out.push(
            el("ul")
                .class("bc-changes")
                .attr("data-testid", "changes")
                .children(questions.into_iter().map(|question_id| {
                    let prompt = text::question_prompt(ds, question_id);
                    let answers = group
                        .iter()
                        .filter(|change| change.question_id == question_id)
                        .map(|change| change_item(ds, change, &prompt));
                    el("li")
                        .child(el("span").class("bc-change-q").text(prompt.as_str()))
                        .child(el("ul").children(answers))
                        .into()
                }))
                .into(),
        );
    }

    if compact {
        more.extend(out.split_off(rest_from));
        out.push(
            el("details")
                .class("bc-more")
                .attr("data-testid", "more")
                .child(el("summary").text(MORE))
                .children(more)
                .into(),
        );
    }

    out.push(
        el("h3")
            .class("bc-share-title")
            .text("Share and keep")
            .into(),
    );
    out.push(
        el("div")
            .class("bc-actions bc-share")
            .child(button("Copy link", Action::CopyLink).class("bc-primary"))
            .child(button("Copy as Markdown", Action::CopyMarkdown))
            .child(button("Print", Action::Print))
            .into(),
    );
    out.push(
        el("p")
            .class("bc-muted bc-link-line")
            .text("Link: ")
            .child(
                el("a")
                    .attr("href", link)
                    .attr("data-testid", "share-link")
                    .text(link),
            )
            .into(),
    );
    out.push(
        el("div")
            .class("bc-actions")
            .child(button("Back", Action::Back))
            .child(button("Start over", Action::Restart))
            .into(),
    );
    out
}

fn reason_item(ds: &Dataset, reason: &Reason, test_id: &'static str) -> Markup {
    el("li")
        .attr("data-testid", test_id)
        .text(format!("{} ", reason.because))
        .child(el("span").class("bc-cite").text(format!(
            "(your answer “{}” · {})",
            text::answer_label(ds, &reason.question_id, &reason.answer_id),
            text::criterion_title(ds, &reason.criterion_id)
        )))
        .into()
}

/// A `<button type="button">` whose click the view handles as `action`.
pub fn button(label: &str, action: Action) -> crate::present::markup::Element {
    el("button")
        .attr("type", "button")
        .attr("part", "button")
        .attr("data-testid", action.name())
        .action(action)
        .text(label)
}

/// Per-criterion bars: one bar per side the criterion gave points to, with its number.
fn breakdown(ds: &Dataset, scorecard: &Scorecard) -> Vec<Markup> {
    let largest = scorecard
        .criteria
        .iter()
        .flat_map(|criterion| criterion.points.iter().map(|side| side.points.abs()))
        .max()
        .unwrap_or(1)
        .max(1);
    let legend = el("ul")
        .class("bc-legend")
        .attr("aria-hidden", "true")
        .children(ds.sides.iter().map(|side| {
            el("li")
                .child(
                    el("span")
                        .class("bc-swatch")
                        .attr("data-tone", text::tone(ds, &side.id)),
                )
                .text(side.label.as_str())
                .into()
        }));
    // With any negative points, zero sits mid-track and bars grow left or right of it.
    let any_negative = scorecard
        .criteria
        .iter()
        .any(|criterion| criterion.points.iter().any(|side| side.points < 0));
    let zero = if any_negative { 50 } else { 0 };
    let rows = el("ul")
        .class("bc-bars")
        .attr("data-diverging", any_negative.to_string())
        .children(scorecard.criteria.iter().map(|criterion| {
            let bars = criterion
                .points
                .iter()
                .filter(|side| side.points != 0)
                .map(|side| {
                    let width = (side.points.abs() * (100 - zero) / largest).max(2);
                    let x = if side.points < 0 { zero - width } else { zero };
                    let mut picture = svg("svg")
                        .class("bc-bar-svg")
                        .attr("width", "100%")
                        .attr("height", "10")
                        .attr("aria-hidden", "true")
                        .attr("focusable", "false")
                        .child(
                            svg("rect")
                                .class("bc-bar")
                                .attr("data-tone", text::tone(ds, &side.side_id))
                                .attr("data-negative", (side.points < 0).to_string())
                                .attr("x", format!("{x}%"))
                                .attr("width", format!("{width}%"))
                                .attr("height", "10")
                                .attr("rx", "3"),
                        );
                    if any_negative {
                        picture = picture.child(
                            svg("rect")
                                .class("bc-bar-zero")
                                .attr("x", "50%")
                                .attr("width", "1")
                                .attr("height", "10"),
                        );
                    }
                    el("div")
                        .class("bc-bar-line")
                        .child(picture)
                        .child(el("span").class("bc-bar-value").text(format!(
                            "{} {:+}",
                            text::side_label(ds, &side.side_id),
                            side.points
                        )))
                        .into()
                });
            el("li")
                .class("bc-bar-row")
                .attr("data-testid", "bar")
                .attr("data-criterion", criterion.criterion_id.as_str())
                .child(
                    el("span")
                        .class("bc-bar-label")
                        .text(text::criterion_title(ds, &criterion.criterion_id)),
                )
                .child(el("div").class("bc-bar-track").children(bars))
                .into()
        }));
    vec![legend.into(), rows.into()]
}

/// One changed answer, what applying it costs, and its Apply button.
fn change_item(ds: &Dataset, change: &Change, prompt: &str) -> Markup {
    let label = text::answer_label(ds, &change.question_id, &change.answer_id);
    let cost = text::change_cost(change);
    let mut item = el("li")
        .attr("data-testid", "change")
        .child(el("strong").text(format!("“{label}”")));
    let mut name = format!("Apply: answer “{label}” to “{prompt}”");
    if let Some(cost) = cost {
        let cost = " (".to_owned() + &cost + ")";
        name.push_str(&cost);
        item = item.text(" ").child(
            el("span")
                .class("bc-cite")
                .attr("data-testid", "change-cost")
                .text(cost.trim_start()),
        );
    }
    item.text(" ")
        .child(
            button(
                "Apply",
                Action::Apply {
                    question: change.question_id.clone(),
                    answer: change.answer_id.clone(),
                },
            )
            .class("bc-link")
            .attr("aria-label", name),
        )
        .into()
}
