//! The fuzzer at CI size: `cargo test --test fuzz`. The generator and the checks are the
//! fuzzer's own (`examples/fuzz/gen.rs`, included here); a fixed seed makes each run the
//! same 20,000 inputs per target. The full run is `cargo run --profile fuzz --example fuzz`
//! (README.md, "Fuzzing").
#![cfg(not(target_arch = "wasm32"))]
// Tests never ship in the wasm: std's collections and sort are fine here (clippy.toml).
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

#[path = "../examples/fuzz/gen.rs"]
mod gen;

use gen::{Stats, Target};

const SEED: u64 = 12;
const INPUTS: u64 = 20_000;

fn run(target: Target) -> Stats {
    let corpus = gen::corpus();
    let stats = gen::run(target, &corpus, SEED, 0..INPUTS, |_| {});
    let panics: Vec<String> = stats
        .first_panics
        .iter()
        .map(|panic| {
            format!(
                "input #{} ({} bytes, starts {:?}): {}",
                panic.index,
                panic.input.len(),
                panic.input.chars().take(200).collect::<String>(),
                panic.message
            )
        })
        .collect();
    assert_eq!(stats.panics, 0, "panics:\n{}", panics.join("\n"));
    assert_eq!(stats.inputs, INPUTS);
    stats
}

/// At least `share` of the inputs ended as `kind`: the mix has not degenerated.
fn at_least(stats: &Stats, kind: &str, share: f64) {
    let count = stats.count(kind);
    assert!(
        count as f64 >= share * stats.inputs as f64,
        "{}: only {count} of {} inputs were {kind:?}; the kinds: {:?}",
        stats.target.name(),
        stats.inputs,
        stats.kinds
    );
}

#[test]
fn the_dataset_loader_never_panics() {
    let stats = run(Target::Dataset);
    at_least(&stats, "accepted", 0.05);
    at_least(&stats, "refused: JSON syntax", 0.10);
    at_least(&stats, "refused: invalid", 0.20);
    at_least(&stats, "refused: too large", 0.0005);
}

#[test]
fn the_share_link_decoder_never_panics() {
    let stats = run(Target::Fragment);
    at_least(&stats, "accepted", 0.02);
    at_least(&stats, "partly used", 0.02);
    at_least(&stats, "refused: malformed", 0.20);
    at_least(&stats, "refused: too long", 0.02);
    at_least(&stats, "refused: other dataset", 0.01);
    at_least(&stats, "refused: other version", 0.005);
}

/// The generator is deterministic: the same seed and index give the same input.
#[test]
fn inputs_can_be_made_again() {
    let corpus = gen::corpus();
    for target in [Target::Dataset, Target::Fragment] {
        for index in [0, 1, 977, 19_999] {
            let (first, ..) = gen::input(target, &corpus, SEED, index);
            let (second, ..) = gen::input(target, &corpus, SEED, index);
            assert_eq!(first, second);
        }
        let (one, ..) = gen::input(target, &corpus, SEED, 5);
        let (other, ..) = gen::input(target, &corpus, SEED + 1, 5);
        assert_ne!(one, other, "another seed gives other inputs");
    }
}

/// The harness catches a panic, counts it and keeps the input and its message: a run
/// can fail.
#[test]
fn the_harness_counts_panics() {
    let corpus = gen::corpus();
    let planted = |target, rng: &mut gen::Rng, corpus: &gen::Corpus, link, text: &str| {
        if text.len() % 7 == 3 {
            panic!("planted on {} bytes", text.len());
        }
        gen::check(target, rng, corpus, link, text)
    };
    let stats = gen::run_with(Target::Fragment, &corpus, SEED, 0..200, planted, |_| {});
    let expected = (0..200)
        .filter(|&index| gen::input(Target::Fragment, &corpus, SEED, index).0.len() % 7 == 3)
        .count() as u64;
    assert!(expected > 5, "the plant hits some inputs");
    assert_eq!(stats.panics, expected);
    assert_eq!(stats.inputs, 200);
    assert_eq!(
        stats.kinds.iter().map(|(_, count)| count).sum::<u64>(),
        200 - expected
    );
    assert_eq!(stats.first_panics.len(), 5);
    for panic in &stats.first_panics {
        assert_eq!(panic.input.len() % 7, 3);
        assert!(panic
            .message
            .contains(&format!("planted on {} bytes", panic.input.len())));
    }
}
