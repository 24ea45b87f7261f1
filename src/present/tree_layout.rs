//! Where each question of the decision tree sits on the tree map.
//!
//! Pure geometry: the view turns it into SVG. Questions are laid out in layers by their
//! longest distance from the start, so every edge points down the page, and the result
//! node sits below the last layer.

use crate::engine::model::Dataset;
use crate::engine::SmallMap;

pub const NODE_WIDTH: u32 = 168;
pub const NODE_HEIGHT: u32 = 58;
const GAP_X: u32 = 16;
const GAP_Y: u32 = 34;
const MARGIN: u32 = 8;
/// The space between the lanes of edges that skip a layer.
const LANE_GAP: u32 = 10;
const LINE_CHARS: usize = 24;
const MAX_LINES: usize = 3;

#[derive(Clone, Debug, PartialEq)]
pub struct TreeLayout {
    pub width: u32,
    pub height: u32,
    pub nodes: Vec<NodeBox>,
    pub edges: Vec<Edge>,
}

/// One box: a question, or the result when `question_id` is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox {
    pub question_id: Option<String>,
    pub x: u32,
    pub y: u32,
    pub lines: Vec<String>,
}

/// A link from a question to where one or more of its answers lead (`None`: the result).
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub from: String,
    pub to: Option<String>,
    /// SVG path data, a curve from the bottom of `from` to the top of `to`.
    pub path: String,
}

/// Lays out a validated dataset (acyclic, every question reachable).
pub fn layout(ds: &Dataset) -> TreeLayout {
    let layers = layer_of_each_question(ds);
    let result_layer = layers
        .values()
        .copied()
        .max()
        .map_or(0, |deepest| deepest + 1);

    let mut rows: Vec<Vec<Option<&str>>> = vec![Vec::new(); result_layer + 1];
    for question in &ds.questions {
        if let Some(&layer) = layers.get(question.id.as_str()) {
            rows[layer].push(Some(question.id.as_str()));
        }
    }
    rows[result_layer].push(None);

    let widest = rows.iter().map(Vec::len).max().unwrap_or(1) as u32;
    let rows_width = 2 * MARGIN + widest * NODE_WIDTH + widest.saturating_sub(1) * GAP_X;
    let height = 2 * MARGIN + rows.len() as u32 * (NODE_HEIGHT + GAP_Y) - GAP_Y;

    let mut nodes = Vec::new();
    let mut position: SmallMap<Option<&str>, (u32, u32)> = SmallMap::new();
    for (layer, row) in rows.iter().enumerate() {
        // Rows start at the left edge, so on a narrow screen the start question and the
        // path's first steps are in view before any scrolling.
        let left = MARGIN;
        let y = MARGIN + layer as u32 * (NODE_HEIGHT + GAP_Y);
        for (index, id) in row.iter().enumerate() {
            let x = left + index as u32 * (NODE_WIDTH + GAP_X);
            position.insert(*id, (x, y));
            let text = match id {
                Some(id) => ds
                    .question(id)
                    .map_or("", |question| question.prompt.as_str()),
                None => "Your recommendation",
            };
            nodes.push(NodeBox {
                question_id: id.map(str::to_owned),
                x,
                y,
                lines: wrap(text, LINE_CHARS, MAX_LINES),
            });
        }
    }

    let mut edges = Vec::new();
    // An edge that skips a layer would run behind the boxes between: it goes round them on
    // a lane of its own, to the right of every row (one lane per such edge).
    let mut lanes = 0;
    for question in &ds.questions {
        let Some(&(from_x, from_y)) = position.get(&Some(question.id.as_str())) else {
            continue;
        };
        let mut targets: Vec<Option<&str>> = Vec::new();
        for answer in &question.answers {
            let target = question.next_after(answer).and_then(|next| next.question());
            if !targets.contains(&target) {
                targets.push(target);
            }
        }
        for target in targets {
            let Some(&(to_x, to_y)) = position.get(&target) else {
                continue;
            };
            let path = match to_y > from_y + NODE_HEIGHT + GAP_Y {
                true => {
                    lanes += 1;
                    let lane = rows_width + lanes * LANE_GAP;
                    let (y1, y2) = (from_y + NODE_HEIGHT / 2, to_y + NODE_HEIGHT / 2);
                    format!(
                        "M{} {y1}H{lane}V{y2}H{}",
                        from_x + NODE_WIDTH,
                        to_x + NODE_WIDTH
                    )
                }
                false => curve(
                    from_x + NODE_WIDTH / 2,
                    from_y + NODE_HEIGHT,
                    to_x + NODE_WIDTH / 2,
                    to_y,
                ),
            };
            edges.push(Edge {
                from: question.id.clone(),
                to: target.map(str::to_owned),
                path,
            });
        }
    }

    TreeLayout {
        width: match lanes {
            0 => rows_width,
            _ => rows_width + lanes * LANE_GAP + MARGIN,
        },
        height,
        nodes,
        edges,
    }
}

/// Each reachable question's layer: its longest distance from the start question.
fn layer_of_each_question(ds: &Dataset) -> SmallMap<&str, usize> {
    let mut layers: SmallMap<&str, usize> = SmallMap::new();
    layers.insert(ds.start.as_str(), 0);
    // Relaxing every edge once per question is enough on an acyclic graph, and the
    // bound keeps an invalid (cyclic) dataset from looping forever.
    for _ in 0..ds.questions.len() {
        let mut changed = false;
        for question in &ds.questions {
            let Some(&layer) = layers.get(question.id.as_str()) else {
                continue;
            };
            for answer in &question.answers {
                let Some(next) = question.next_after(answer).and_then(|next| next.question())
                else {
                    continue;
                };
                if ds.question(next).is_none() {
                    continue;
                }
                let entry = layers.get_or_insert(next, 0);
                if *entry < layer + 1 {
                    *entry = layer + 1;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    layers
}

fn curve(x1: u32, y1: u32, x2: u32, y2: u32) -> String {
    let middle = (y1 + y2) / 2;
    format!("M{x1} {y1}C{x1} {middle} {x2} {middle} {x2} {y2}")
}

/// Breaks `text` into at most `max_lines` lines of at most `width` characters,
/// ending with an ellipsis when it had to cut.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let word: String = word.chars().take(width).collect();
        let needed =
            current.chars().count() + usize::from(!current.is_empty()) + word.chars().count();
        if needed > width && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = &mut lines[max_lines - 1];
        let kept: String = last.chars().take(width.saturating_sub(1)).collect();
        *last = format!("{}…", kept.trim_end());
    }
    lines
}
