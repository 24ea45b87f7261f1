// Browser benchmark (not a test): this build's dist/ against another build's (say, the
// previous commit's), on the standalone page, loads interleaved in one run, CPU throttled 4×:
// the widget interactive (the wasm took over the pre-rendered question), the largest
// contentful paint, and the answer step (an answer's click → the next question's frame, 200
// ms between steps). Prints medians and this build's ratio to the other's.
// Run: node tests/e2e/bench-builds.mjs OTHER_DIST [runs]
// (e.g. git worktree add /tmp/prev HEAD~1 && (cd /tmp/prev && trunk build --release)).
import { ANSWER_AND_WAIT_FOR_PAINT, DIST, launch } from './harness.mjs';

const OTHER = process.argv[2];
const RUNS = Number(process.argv[3] ?? 9);
if (!OTHER) {
  console.error('usage: node tests/e2e/bench-builds.mjs OTHER_DIST [runs]');
  process.exit(2);
}

const RECORD = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="widget"]:not([data-prerendered]) [data-testid="question"]')) {
      window.__mountedAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
  window.__lcp = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const builds = [
  { name: 'this build', env: await launch({ root: DIST }), mounted: [], lcp: [], steps: [] },
  { name: OTHER, env: await launch({ root: OTHER }), mounted: [], lcp: [], steps: [] },
];
try {
  for (let run = 0; run < RUNS; run += 1) {
    for (const build of run % 2 ? [...builds].reverse() : builds) {
      const context = await build.env.browser.newContext();
      await context.addInitScript(RECORD);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(build.env.url);
      await page.waitForFunction(() => window.__mountedAt !== undefined, null, { timeout: 60_000 });
      await page.waitForTimeout(300);
      const [mounted, lcp] = await page.evaluate(() => [window.__mountedAt, window.__lcp]);
      build.mounted.push(mounted);
      build.lcp.push(lcp);
      for (let step = 0; step < 5; step += 1) {
        await page.waitForTimeout(200);
        build.steps.push(await page.evaluate(ANSWER_AND_WAIT_FOR_PAINT));
      }
      await context.close();
    }
  }
  console.log(`CPU throttled 4×; ${RUNS} loads of each build, interleaved; 5 answer steps a load.`);
  const [ours, other] = builds;
  for (const [label, key] of [['interactive', 'mounted'], ['largest contentful paint', 'lcp'], ['answer step', 'steps']]) {
    const a = median(ours[key]);
    const b = median(other[key]);
    console.log(`${label.padEnd(26)} this build ${a.toFixed(1).padStart(7)} ms   other ${b.toFixed(1).padStart(7)} ms   ratio ${(a / b).toFixed(2)}   (n=${ours[key].length})`);
  }
} finally {
  for (const build of builds) await build.env.close();
}
