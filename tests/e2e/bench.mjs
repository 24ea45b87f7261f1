// Browser benchmark (not a test): on the release build in headless Chromium with the CPU
// throttled 4× (CDP), measured side by side in one run against a static HTML page of the
// same first question (dist/index.html without its scripts, so the same HTML and CSS):
// - first question painted (first contentful paint: the pre-rendered question is the page's
//   first content), on a plain and on a slow connection (~400 kbit/s, 150 ms latency);
// - the widget interactive (the wasm has taken over the pre-rendered question);
// - an answer's click → the next question painted (200 ms after the previous step);
// - <backend-chooser> on a plain host page: its pre-rendered first question shown (the first
//   animation frame with it) and the widget interactive.
// Run: make bench (or node tests/e2e/bench.mjs [runs] [slow runs]).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWER_AND_WAIT_FOR_PAINT, DIST, launch } from './harness.mjs';

const RUNS = Number(process.argv[2] ?? 15);
const SLOW_RUNS = Number(process.argv[3] ?? 3);
const CPU = 4;
const SLOW = { offline: false, latency: 150, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

const STATIC_PAGE = readFileSync(join(DIST, 'index.html'), 'utf8')
  .replace(/<script\b[\s\S]*?<\/script>/g, '')
  .replace(/<link[^>]*rel=(modulepreload|preload)[^>]*>/g, '');

// A host page with one <backend-chooser> (embed.js), its first question in view.
const HOST_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>' +
  '<script type="module" src="./embed.js"></script></head><body><backend-chooser></backend-chooser></body></html>';

// Installed before the page's own scripts: notes when the wasm's widget replaced the
// pre-rendered one, and (for the element, whose shadow root no observer of the page sees)
// the first frame showing the pre-rendered question.
const RECORD_MOUNT = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="widget"]:not([data-prerendered]) [data-testid="question"]')) {
      window.__mountedAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  const watch = (time) => {
    const root = document.querySelector('backend-chooser')?.shadowRoot;
    if (root?.querySelector('[data-prerendered] [data-testid="question"]')) window.__questionAt ??= time;
    if (root?.querySelector('[data-testid="widget"]:not([data-prerendered]) [data-testid="question"]')) window.__mountedAt = time;
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
};

const FIRST_PAINT = () =>
  new Promise((done) => {
    const found = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    if (found() !== undefined) return done(found());
    new PerformanceObserver(() => found() !== undefined && done(found())).observe({ type: 'paint', buffered: true });
  });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const line = (label, values, base) =>
  values.length &&
  console.log(
    `${label.padEnd(44)} median ${median(values).toFixed(1).padStart(7)} ms` +
      (base ? `   ${(median(values) / median(base)).toFixed(2)}× the static page` : '') +
      `   (n=${values.length})`,
  );

const env = await launch();
try {
  /** One fresh load of `path` with the CPU throttled (and the network, when `slow`). */
  async function load(path, { slow = false, answers = 0 } = {}) {
    const context = await env.browser.newContext();
    await context.route(`${env.url}static.html`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: STATIC_PAGE }),
    );
    await context.route(`${env.url}host.html`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: HOST_PAGE }),
    );
    await context.addInitScript(RECORD_MOUNT);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    if (slow) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW);
    }
    await page.goto(env.url + path);
    let paint = await page.evaluate(FIRST_PAINT);
    let mounted = null;
    const steps = [];
    if (path === 'host.html') {
      await page.waitForFunction(() => window.__mountedAt !== undefined, null, { timeout: 60_000 });
      [paint, mounted] = await page.evaluate(() => [window.__questionAt, window.__mountedAt]);
    }
    if (path === '') {
      await page.waitForFunction(() => window.__mountedAt !== undefined, null, { timeout: 60_000 });
      mounted = await page.evaluate(() => window.__mountedAt);
      // A pause between answers, as a reader's: what the widget does just after a step's
      // frame (the URL, focus) is not charged to the next step.
      for (let step = 0; step < answers; step += 1) {
        await page.waitForTimeout(200);
        steps.push(await page.evaluate(ANSWER_AND_WAIT_FOR_PAINT));
      }
    }
    await context.close();
    return { paint, mounted, steps };
  }

  const figures = { static: [], paint: [], mounted: [], steps: [], element: [], elementMounted: [], slowStatic: [], slowPaint: [], slowMounted: [], slowElement: [] };
  for (let run = 0; run < RUNS; run += 1) {
    figures.static.push((await load('static.html')).paint);
    const ours = await load('', { answers: 5 });
    figures.paint.push(ours.paint);
    figures.mounted.push(ours.mounted);
    figures.steps.push(...ours.steps);
    const element = await load('host.html');
    figures.element.push(element.paint);
    figures.elementMounted.push(element.mounted);
  }
  for (let run = 0; run < SLOW_RUNS; run += 1) {
    figures.slowStatic.push((await load('static.html', { slow: true })).paint);
    const ours = await load('', { slow: true });
    figures.slowPaint.push(ours.paint);
    figures.slowMounted.push(ours.mounted);
    figures.slowElement.push((await load('host.html', { slow: true })).paint);
  }
  console.log(`CPU throttled ${CPU}×; ${RUNS} loads each (slow network: ${SLOW_RUNS}), interleaved.`);
  line('static page: first question painted', figures.static);
  line('widget: first question painted', figures.paint, figures.static);
  line('widget: interactive (wasm took over)', figures.mounted, figures.static);
  line('<backend-chooser>: first question shown', figures.element, figures.static);
  line('<backend-chooser>: interactive', figures.elementMounted, figures.static);
  line('slow network, static page: painted', figures.slowStatic);
  line('slow network, widget: first question painted', figures.slowPaint, figures.slowStatic);
  line('slow network, widget: interactive', figures.slowMounted, figures.slowStatic);
  line('slow network, <backend-chooser>: first question', figures.slowElement, figures.slowStatic);
  line('answer click → next question in a frame', figures.steps);
} finally {
  await env.close();
}
