//! The comparison table as markup: every criterion side by side, filtered by the
//! reader's text, the rows that drove the current result marked.

use crate::engine::model::{Criterion, Dataset};
use crate::engine::Scorecard;
use crate::present::markup::{el, Markup};
use crate::present::text;

/// Whether `criterion` matches the filter `query`: every word of the query appears,
/// case-insensitively (ASCII), in its category, title, conditions or what it says.
pub fn matches(criterion: &Criterion, query: &str) -> bool {
    let fields = [
        criterion.category.as_str(),
        criterion.title.as_str(),
        criterion.when.as_str(),
    ];
    // A word has no spaces, so it occurs in the fields joined by spaces exactly when it
    // occurs in one of them.
    query.split_whitespace().all(|word| {
        fields
            .into_iter()
            .chain(criterion.says.values().map(String::as_str))
            .any(|field| occurs(field.as_bytes(), word.as_bytes()))
    })
}

/// Whether `needle` occurs in `haystack`, case-insensitively (ASCII): a plain scan, enough
/// for a table row's few hundred words, cheaper in wasm than std's substring search
/// (README.md, "Size").
fn occurs(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty()
        || haystack
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle))
}

/// The sides that have their own column: the plain sides, not the ones combining others.
pub fn column_sides(ds: &Dataset) -> Vec<&str> {
    ds.sides
        .iter()
        .filter(|side| side.parts.is_empty())
        .map(|side| side.id.as_str())
        .collect()
}

/// A source link is made only for an `https:` address; anything else is shown as text,
/// so a dataset cannot smuggle a `javascript:` URL into the page.
pub fn safe_url(url: &str) -> Option<&str> {
    let plain = !url
        .chars()
        .any(|character| character.is_whitespace() || character == '"');
    match url.starts_with("https://") && plain {
        true => Some(url),
        false => None,
    }
}

/// The criteria that drove the result: those whose points favoured the winner.
pub fn drove(scorecard: &Scorecard) -> Vec<String> {
    scorecard
        .criteria
        .iter()
        .filter(|criterion| {
            criterion
                .points
                .iter()
                .any(|side| side.side_id == scorecard.winner && side.points > 0)
        })
        .map(|criterion| criterion.criterion_id.clone())
        .collect()
}

/// The count line and the table. `drove` lists the criteria the current result rests on.
pub fn compare_markup(ds: &Dataset, query: &str, drove: &[String]) -> Vec<Markup> {
    let columns = column_sides(ds);
    let shown: Vec<&Criterion> = ds
        .criteria
        .iter()
        .filter(|criterion| matches(criterion, query))
        .collect();
    let count = el("p")
        .class("bc-muted")
        .attr("data-testid", "filter-count")
        .text(text::criteria_shown(shown.len(), ds.criteria.len()));

    // A source without an address that every criterion cites (the seed article) is named
    // once, not in every row.
    let unlinked = |criterion: &'_ Criterion, title: &str| {
        criterion
            .sources
            .iter()
            .any(|source| source.url.is_none() && source.title == title)
    };
    let mut everywhere: Vec<&str> = Vec::new();
    if let Some(first) = ds.criteria.first() {
        for source in &first.sources {
            let title = source.title.as_str();
            if source.url.is_none()
                && !everywhere.contains(&title)
                && ds
                    .criteria
                    .iter()
                    .all(|criterion| unlinked(criterion, title))
            {
                everywhere.push(title);
            }
        }
    }

    let head = el("tr")
        .child(el("th").attr("scope", "col").text("Criterion"))
        .children(columns.iter().map(|side| {
            el("th")
                .attr("scope", "col")
                .text(text::side_label(ds, side))
                .into()
        }))
        .child(el("th").attr("scope", "col").text("Favours"));

    let rows = shown.iter().map(|criterion| {
        let drove_it = drove.contains(&criterion.id);
        let mut title = el("th")
            .attr("scope", "row")
            .child(
                el("span")
                    .class("bc-muted")
                    .text(criterion.category.as_str()),
            )
            .child(el("br"))
            .text(criterion.title.as_str());
        if drove_it {
            title = title.text(" ").child(
                el("span")
                    .class("bc-badge")
                    .attr("data-testid", "drove")
                    .text("Drove your result"),
            );
        }
        let favours = match criterion.favours.side() {
            None => "Depends".to_owned(),
            Some(side) => text::side_label(ds, side),
        };
        let sources = el("ul").class("bc-sources").children(
            criterion
                .sources
                .iter()
                .filter(|source| {
                    source.url.is_some() || !everywhere.contains(&source.title.as_str())
                })
                .map(|source| {
                    let item = match source.url.as_deref().and_then(safe_url) {
                        Some(url) => el("a")
                            .attr("href", url)
                            .attr("rel", "noopener noreferrer")
                            .text(source.title.as_str()),
                        None => el("span").text(source.title.as_str()),
                    };
                    el("li").child(item).into()
                }),
        );
        el("tr")
            .attr("data-testid", "criterion-row")
            .attr("data-criterion", criterion.id.as_str())
            .attr("data-drove", drove_it.to_string())
            .child(title)
            .children(columns.iter().map(|side| {
                el("td")
                    .attr("data-label", text::side_label(ds, side))
                    .text(criterion.says.get(*side).cloned().unwrap_or_default())
                    .into()
            }))
            .child(
                el("td")
                    .attr("data-label", "Favours")
                    .child(el("strong").text(favours))
                    .child(el("br"))
                    .child(el("span").class("bc-cite").text(criterion.when.as_str()))
                    .child(sources),
            )
            .into()
    });

    let table = el("div").class("bc-table-wrap").child(
        el("table")
            .class("bc-table")
            .child(el("caption").class("bc-sr").text(
                "What the comparison says for each side, and which side each criterion favours",
            ))
            .child(el("thead").child(head))
            .child(el("tbody").children(rows)),
    );
    let mut markup = vec![count.into()];
    if !everywhere.is_empty() {
        markup.push(
            el("p")
                .class("bc-muted")
                .attr("data-testid", "common-source")
                .text(format!(
                    "Source of every row: {}. Links name the sources added for newer facts.",
                    everywhere.join("; ")
                ))
                .into(),
        );
    }
    markup.push(table.into());
    markup
}
