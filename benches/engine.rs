//! Engine benchmarks on the default dataset, without a harness: `cargo bench --bench engine`.
//!
//! Each operation runs many times; the median and the 90th percentile are printed in µs.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run();
}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::disallowed_methods)] // std's sort: a benchmark never ships in the wasm
mod native {
    use std::hint::black_box;
    use std::ops::ControlFlow;
    use std::time::{Duration, Instant};

    use backend_chooser::engine::model::Dataset;
    use backend_chooser::engine::validate::parse;
    use backend_chooser::engine::{changes, load, scorecard, winner, Answers, LeadScale, Level};
    use backend_chooser::engine::{count_paths, for_each_path};
    use backend_chooser::DEFAULT_DATASET_JSON;

    /// How long one operation may take in total before it stops repeating.
    const BUDGET: Duration = Duration::from_secs(10);

    pub fn run() {
        // build.rs refuses to build with a dataset that does not load.
        let ds = match load(DEFAULT_DATASET_JSON) {
            Ok(ds) => ds,
            Err(error) => {
                println!("the default dataset does not load:\n{error}");
                return;
            }
        };
        let path = longest_path(&ds);
        let paths = count_paths(&ds);
        println!(
            "default dataset: {} bytes, {} questions, {paths} paths; the scored path has {} questions\n",
            DEFAULT_DATASET_JSON.len(),
            ds.questions.len(),
            path.len()
        );
        print_levels(&ds);
        println!(
            "{:<48} {:>6} {:>12} {:>12}",
            "operation", "runs", "median µs", "p90 µs"
        );
        measure("load + validate the default dataset", 200, || {
            load(black_box(DEFAULT_DATASET_JSON)).is_ok()
        });
        measure("read it as the widget does (no cross-checks)", 200, || {
            parse(black_box(DEFAULT_DATASET_JSON)).is_ok()
        });
        measure("score one full path (scorecard)", 20_000, || {
            scorecard(&ds, black_box(&path)).map_or(0, |card| card.verdict.lead)
        });
        measure("what would change the answer (one path)", 2_000, || {
            changes(&ds, black_box(&path)).len()
        });
        measure("walk the whole tree, winner of every path", 10, || {
            let mut count = 0usize;
            for_each_path(&ds, |steps| {
                let answered = owned(steps);
                count += usize::from(winner(&ds, &answered).is_some());
                ControlFlow::Continue(())
            });
            count
        });
        measure("walk the whole tree, scorecard of every path", 10, || {
            let mut total = 0i64;
            for_each_path(&ds, |steps| {
                total += scorecard(&ds, &owned(steps)).map_or(0, |card| card.verdict.lead);
                ControlFlow::Continue(())
            });
            total
        });
    }

    /// How many paths end in each verdict level, and where the levels start.
    fn print_levels(ds: &Dataset) {
        let scale = LeadScale::of(ds);
        let levels = [Level::TooClose, Level::Slight, Level::Clear, Level::Strong];
        let mut counts = [0u64; 4];
        let mut behind = 0u64;
        for_each_path(ds, |steps| {
            let Some(card) = scorecard(ds, &owned(steps)) else {
                return ControlFlow::Continue(());
            };
            if let Some(index) = levels.iter().position(|level| *level == card.verdict.level) {
                counts[index] += 1;
            }
            behind += u64::from(card.verdict.lead <= 0);
            ControlFlow::Continue(())
        });
        println!(
            "verdict levels (lead up to {} too close, up to {} slight, up to {} clear):",
            scale.too_close, scale.slight, scale.clear
        );
        for (level, count) in levels.iter().zip(counts) {
            println!("  {:<10} {count:>7} paths", format!("{level:?}"));
        }
        println!("  of which a tie-break or the tie order picked a side with equal or fewer points: {behind}\n");
    }

    fn owned(steps: &[backend_chooser::engine::Choice<'_>]) -> Answers {
        steps
            .iter()
            .map(|(question, answer)| (question.id.clone(), answer.id.clone()))
            .collect()
    }

    /// The first of the longest paths: the most work for scoring and "what if".
    fn longest_path(ds: &Dataset) -> Answers {
        let mut longest = Answers::new();
        let mut visited = 0u32;
        for_each_path(ds, |steps| {
            if steps.len() > longest.len() {
                longest = owned(steps);
            }
            visited += 1;
            // A sample of the tree is enough to find a long path.
            match visited {
                100_000 => ControlFlow::Break(()),
                _ => ControlFlow::Continue(()),
            }
        });
        longest
    }

    /// Runs `operation` `runs` times (at least three, fewer if it exceeds the budget) after
    /// one warm-up run, and prints the median and 90th percentile.
    fn measure<T>(name: &str, runs: usize, mut operation: impl FnMut() -> T) {
        black_box(operation());
        let started = Instant::now();
        let mut times: Vec<Duration> = Vec::with_capacity(runs);
        while times.len() < runs && (times.len() < 3 || started.elapsed() < BUDGET) {
            let before = Instant::now();
            black_box(operation());
            times.push(before.elapsed());
        }
        times.sort();
        let micros = |duration: Duration| duration.as_secs_f64() * 1e6;
        let median = times[times.len() / 2];
        let p90 = times[(times.len() * 9 / 10).min(times.len() - 1)];
        println!(
            "{name:<48} {:>6} {:>12.1} {:>12.1}",
            times.len(),
            micros(median),
            micros(p90)
        );
    }
}
