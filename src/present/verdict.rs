//! The verdict in words: how clear the recommendation is, said from the same lead in points
//! that the engine's level comes from, so the figure and the words cannot disagree.

use crate::engine::{Dataset, LeadScale, Level, Scorecard};
use crate::present::text::{count, question_prompt, side_label};

/// The level as a reader would say it.
pub fn level_words(level: Level) -> &'static str {
    match level {
        Level::TooClose => "Too close to call",
        Level::Slight => "A slight lead",
        Level::Clear => "A clear lead",
        Level::Strong => "A strong lead",
    }
}

/// A short, stable name for the level, for the host page's `backend-chooser:result` event.
pub fn level_key(level: Level) -> &'static str {
    match level {
        Level::TooClose => "too-close",
        Level::Slight => "slight",
        Level::Clear => "clear",
        Level::Strong => "strong",
    }
}

/// `1 point`, `2 points`, `−3 points` (with a real minus sign).
pub fn points(number: i64) -> String {
    let sign = match number < 0 {
        true => "\u{2212}",
        false => "",
    };
    let size = usize::try_from(number.unsigned_abs()).unwrap_or(usize::MAX);
    sign.to_owned() + &count(size, "point", "points")
}

/// The headline's verdict: the level, then how the recommendation's points compare with
/// the other sides' (the recommendation itself is named in the heading above it). A lead
/// names the side or sides in second place; a recommendation without a lead names every
/// side level with or ahead of it, so a near tie broken in its favour is plain to see.
///
/// e.g. "A clear lead: 7 points ahead of Python." or "Too close to call: 1 point fewer
/// than Python and Both Node.js and Python."
pub fn verdict_line(ds: &Dataset, card: &Scorecard) -> String {
    let level = level_words(card.verdict.level);
    let lead = card.verdict.lead;
    let own = card
        .totals
        .iter()
        .find(|total| total.side_id == card.winner)
        .map_or(0, |total| total.points);
    // (the recommendation's points minus theirs, the sides), fewest points first.
    let mut groups: Vec<(i64, Vec<String>)> = Vec::new();
    for total in &card.totals {
        let difference = own - total.points;
        let named = match lead > 0 {
            true => difference == lead,
            false => difference <= 0,
        };
        if total.side_id == card.winner || !named {
            continue;
        }
        let label = side_label(ds, &total.side_id);
        match groups.iter().position(|(seen, _)| *seen >= difference) {
            Some(at) if groups[at].0 == difference => groups[at].1.push(label),
            Some(at) => groups.insert(at, (difference, vec![label])),
            None => groups.push((difference, vec![label])),
        }
    }
    let only = match card.verdict.level {
        Level::TooClose => "only ",
        _ => "",
    };
    let phrases: Vec<String> = groups
        .iter()
        .map(|(difference, sides)| {
            let sides = sides.join(" and ");
            match *difference {
                0 => format!("equal points with {sides}"),
                difference if difference < 0 => {
                    format!("{} fewer than {sides}", points(-difference))
                }
                difference => format!("{only}{} ahead of {sides}", points(difference)),
            }
        })
        .collect();
    match phrases.is_empty() {
        true => format!("{level}: the only option."),
        false => format!("{level}: {}.", phrases.join(", ")),
    }
}

/// For a result too close to call, what picked the recommendation; `None` otherwise.
pub fn tie_explanation(ds: &Dataset, card: &Scorecard) -> Option<String> {
    if card.verdict.level != Level::TooClose {
        return None;
    }
    let winner = side_label(ds, &card.winner);
    let within = points(i64::from(ds.tie_margin));
    let sentence = match card.decided_by.as_deref() {
        Some(question_id) => format!(
            "Scores within {within} do not settle it on requirements alone, so your answer to “{}” decides: it favours {winner}.",
            question_prompt(ds, question_id)
        ),
        None if card.verdict.lead > 0 => format!(
            "Scores within {within} are close, and none of your answers breaks the tie, so the higher score stands: {winner}."
        ),
        None => format!(
            "None of your answers breaks the tie, and with equal points this comparison defaults to {winner}."
        ),
    };
    Some(sentence)
}

/// One sentence on what the lead is and where the levels start, for this dataset.
pub fn scale_explanation(ds: &Dataset, card: &Scorecard) -> String {
    let scale = LeadScale::of(ds);
    let next = card
        .runner_up
        .as_deref()
        .map_or_else(|| "the next side".to_string(), |side| side_label(ds, side));
    format!(
        "The lead is the recommendation’s points minus those of the strongest other side ({next}), here {}. Up to {} is too close to call; {} to {} (what one strong answer gives a side) a slight lead; up to {} a clear lead; more, a strong lead.",
        points(card.verdict.lead),
        points(scale.too_close),
        scale.too_close + 1,
        points(scale.slight),
        points(scale.clear),
    )
}

/// A side's total, explained when it is below zero.
pub fn total_line(ds: &Dataset, side_id: &str, total: i64) -> String {
    let label = side_label(ds, side_id);
    match total < 0 {
        true => format!(
            "{label}: {} (your answers took away more than they gave)",
            points(total)
        ),
        false => format!("{label}: {}", points(total)),
    }
}
