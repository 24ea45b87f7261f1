// Browser benchmark (not a test): on the release build in headless Chromium, the median
// time from navigation to the first question being interactive, and from an answer's
// click to the next question painted. Run: make bench (or node tests/e2e/bench.mjs [runs]).
import { launch } from './harness.mjs';

const RUNS = Number(process.argv[2] ?? 20);

// Installed before the page's own scripts: notes when the first question appears.
const RECORD_FIRST_QUESTION = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="question"] input[type="radio"]')) {
      window.__firstQuestionAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

// Clicks the first answer and Next, then waits for the next question and two frames.
const ANSWER_AND_WAIT_FOR_PAINT = () =>
  new Promise((done) => {
    const before = document.querySelector('[data-testid="question"]').dataset.question;
    const start = performance.now();
    const observer = new MutationObserver(() => {
      const now = document.querySelector('[data-testid="question"]')?.dataset.question;
      if (now === before && !document.querySelector('[data-testid="result"]')) return;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    document.querySelector('[data-testid="question"] input[type="radio"]').click();
    document.querySelector('[data-testid="next"]').click();
  });

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms (n=${values.length})`;
}

const env = await launch();
try {
  const loads = [];
  const answers = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await env.browser.newContext();
    await context.addInitScript(RECORD_FIRST_QUESTION);
    const page = await context.newPage();
    await page.goto(env.url);
    await page.waitForFunction(() => window.__firstQuestionAt !== undefined);
    loads.push(await page.evaluate(() => window.__firstQuestionAt));
    for (let step = 0; step < 5; step += 1) answers.push(await page.evaluate(ANSWER_AND_WAIT_FOR_PAINT));
    await context.close();
  }
  console.log(`navigation → first question interactive: ${summary(loads)}`);
  console.log(`answer click → next question painted:    ${summary(answers)}`);
} finally {
  await env.close();
}
