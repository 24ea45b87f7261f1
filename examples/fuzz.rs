//! Fuzzes the dataset loader and the share-link decoder with generated inputs, without a
//! nightly toolchain (README.md, "Fuzzing"):
//!
//! ```text
//! cargo run --profile fuzz --example fuzz -- [COUNT] [--seed N] [--target dataset|fragment]
//!     [--jobs J] [--index I]
//! ```
//!
//! COUNT inputs per target (default 1,000,000) from a seeded generator (`fuzz/gen.rs`), each
//! run under `catch_unwind` (on J threads, each a share of the inputs); prints the counts and
//! the time, saves the first inputs that panicked to `target/fuzz-crashes/`, and exits 1 on
//! any panic. `--index I` runs input I alone (to replay a crash; the input is saved to
//! `target/fuzz-inputs/`). The `fuzz` profile is the release build with unwinding: the
//! release profile aborts on a panic, so there a panic stops the run at once (exit 134)
//! instead of being counted.
//!
//! Native only: on wasm32 (where `cargo clippy --all-targets` also builds it) it is empty.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

#[cfg(not(target_arch = "wasm32"))]
#[path = "fuzz/gen.rs"]
mod gen;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::process::ExitCode;
    use std::time::{SystemTime, UNIX_EPOCH};

    use super::gen::{self, Stats, Target};

    fn usage(problem: &str) -> ExitCode {
        eprintln!("fuzz: {problem}");
        eprintln!(
            "usage: cargo run --profile fuzz --example fuzz -- [COUNT] [--seed N] \
             [--target dataset|fragment] [--jobs J] [--index I]"
        );
        ExitCode::from(2)
    }

    pub fn main() -> ExitCode {
        let mut count: u64 = 1_000_000;
        let mut seed: Option<u64> = None;
        let mut targets = vec![Target::Dataset, Target::Fragment];
        let mut only: Option<u64> = None;
        let mut jobs: u64 = 1;
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
            match arg.as_str() {
                "--seed" | "--index" | "--target" | "--jobs" => {
                    let text = match value(&arg) {
                        Ok(text) => text,
                        Err(problem) => return usage(&problem),
                    };
                    match (arg.as_str(), text.as_str()) {
                        ("--target", "dataset") => targets = vec![Target::Dataset],
                        ("--target", "fragment") => targets = vec![Target::Fragment],
                        ("--target", _) => return usage(&format!("unknown target {text:?}")),
                        (_, _) => match text.parse() {
                            Ok(number) if arg == "--seed" => seed = Some(number),
                            Ok(number) if arg == "--jobs" => jobs = number.clamp(1, 64),
                            Ok(number) => only = Some(number),
                            Err(_) => return usage(&format!("{arg} {text:?} is not a number")),
                        },
                    }
                }
                _ => match arg.replace('_', "").parse() {
                    Ok(number) => count = number,
                    Err(_) => return usage(&format!("unknown argument {arg:?}")),
                },
            }
        }
        let seed = seed.unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(1, |now| now.as_secs())
        });
        if cfg!(panic = "abort") {
            eprintln!(
                "fuzz: built with panic=abort (the release profile): the first panic ends the run; \
                 use --profile fuzz to count them all"
            );
        }
        let corpus = gen::corpus();
        println!(
            "seed {seed}; {} inputs per target (replay one with --seed {seed} --index I)",
            only.map_or(count, |_| 1)
        );
        let mut panicked = false;
        for target in targets {
            let indices = match only {
                Some(index) => index..index + 1,
                None => 0..count,
            };
            if let Some(index) = only {
                save_input(
                    target,
                    seed,
                    index,
                    &gen::input(target, &corpus, seed, index).0,
                );
            }
            let cpu = cpu_seconds();
            let stats = run(target, &corpus, seed, indices, jobs);
            print(&stats);
            if let (Some(before), Some(after)) = (cpu, cpu_seconds()) {
                println!("  CPU time: {:.1} s", after - before);
            }
            if stats.panics > 0 {
                panicked = true;
                save(&stats, seed);
            }
        }
        match panicked {
            true => ExitCode::FAILURE,
            false => ExitCode::SUCCESS,
        }
    }

    /// Runs `indices` on `jobs` threads, each a contiguous share, and adds up their counts.
    fn run(
        target: Target,
        corpus: &gen::Corpus,
        seed: u64,
        indices: std::ops::Range<u64>,
        jobs: u64,
    ) -> Stats {
        let share = (indices.end - indices.start).div_ceil(jobs).max(1);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..jobs)
                .map(|job| {
                    let start = (indices.start + job * share).min(indices.end);
                    let end = (start + share).min(indices.end);
                    scope.spawn(move || {
                        gen::run(target, corpus, seed, start..end, |stats| {
                            eprintln!(
                                "  {} (job {job}): {} inputs, {} panics, {:.0} s",
                                target.name(),
                                stats.inputs,
                                stats.panics,
                                stats.elapsed.as_secs_f64()
                            );
                        })
                    })
                })
                .collect();
            let mut all: Option<Stats> = None;
            for handle in handles {
                let stats = handle.join().expect("a fuzzing thread ends");
                match &mut all {
                    Some(all) => all.merge(stats),
                    None => all = Some(stats),
                }
            }
            all.expect("at least one job")
        })
    }

    /// This process's CPU time so far (user + system), where `/proc` tells it.
    fn cpu_seconds() -> Option<f64> {
        let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
        // The fields after the command's closing parenthesis; utime and stime are 14 and 15.
        let (_, rest) = stat.rsplit_once(')')?;
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ticks: f64 =
            fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
        Some(ticks / 100.0)
    }

    fn print(stats: &Stats) {
        let seconds = stats.elapsed.as_secs_f64();
        println!(
            "{}: {} inputs ({:.1} MB) in {:.1} s ({:.0} inputs/s)",
            stats.target.name(),
            stats.inputs,
            stats.input_bytes as f64 / 1e6,
            seconds,
            stats.inputs as f64 / seconds.max(1e-9)
        );
        let mut kinds: Vec<_> = stats.kinds.iter().zip(&stats.times).collect();
        kinds.sort();
        for ((kind, number), time) in kinds {
            println!("  {kind:<24} {number:>9}   {:>7.1} s", time.as_secs_f64());
        }
        println!("  {:<24} {:>9}", "panics", stats.panics);
        println!(
            "  slowest input: #{} in {:.1} ms",
            stats.slowest.1,
            stats.slowest.0.as_secs_f64() * 1000.0
        );
        for panic in &stats.first_panics {
            println!("  panic on input #{}: {}", panic.index, panic.message);
        }
    }

    /// Saves the input replayed with `--index` to `target/fuzz-inputs/`.
    fn save_input(target: Target, seed: u64, index: u64, input: &str) {
        let dir = format!("{}/target/fuzz-inputs", env!("CARGO_MANIFEST_DIR"));
        let path = format!("{dir}/{}-seed{seed}-{index}.txt", kind(target));
        match std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, input)) {
            Ok(()) => println!("input #{index} ({} bytes) saved to {path}", input.len()),
            Err(error) => eprintln!("fuzz: cannot write {path}: {error}"),
        }
    }

    fn kind(target: Target) -> &'static str {
        match target {
            Target::Dataset => "dataset",
            Target::Fragment => "fragment",
        }
    }

    /// Saves the first inputs that panicked to `target/fuzz-crashes/`.
    fn save(stats: &Stats, seed: u64) {
        let dir = format!("{}/target/fuzz-crashes", env!("CARGO_MANIFEST_DIR"));
        if let Err(error) = std::fs::create_dir_all(&dir) {
            eprintln!("fuzz: cannot create {dir}: {error}");
            return;
        }
        for panic in &stats.first_panics {
            let path = format!(
                "{dir}/{}-seed{seed}-{}.txt",
                kind(stats.target),
                panic.index
            );
            match std::fs::write(&path, &panic.input) {
                Ok(()) => println!("  saved {path}"),
                Err(error) => eprintln!("fuzz: cannot write {path}: {error}"),
            }
        }
    }
}
