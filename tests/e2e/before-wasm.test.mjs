// End-to-end: the standalone page before its wasm has run, where it fails to load, and the
// reader's early clicks (index.html's scripts), on the release build in dist/. Each test
// failed on the build it was written against (a review, h12, session 6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** A page at `path` whose main wasm (not the checker's) fails to load, or is held until `release()`. */
async function open(path, { abort = false } = {}) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  page.problems = [];
  let release;
  const gate = new Promise((done) => (release = done));
  await page.route('**/backend-chooser_bg.wasm', async (route) => {
    if (abort) return route.abort();
    await gate;
    await route.continue();
  });
  await page.goto(env.url + path);
  return { page, context, release };
}

test('?src= with a good dataset whose widget wasm cannot load: the page says so (not a blank page)', async () => {
  const { page, context } = await open(`?src=${encodeURIComponent(`${env.url}node-vs-python.json`)}`, { abort: true });
  // The dataset loads and checks (the checker is another wasm); the widget's wasm does not.
  const alert = page.locator('[data-testid="dataset-error"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /cannot run here: its code could not be loaded/);
  assert.equal(await page.title(), 'This comparison could not be loaded');
  await context.close();
});

test('a tab chosen before the wasm, then an answer and Next: the later Next wins (the next question shows)', async () => {
  const { page, context, release } = await open('');
  // The pre-rendered tab does nothing visible, so the reader goes on answering.
  await page.locator('[data-prerendered] [data-testid="tab-compare"]').click();
  await page.locator('[data-prerendered] input[value="realtime"]').check();
  await page.locator('[data-prerendered] [data-testid="next"]').click();
  release();
  await page.locator('[data-testid="widget"]:not([data-prerendered]) [data-testid="question"][data-question="rtdata"]').waitFor({ state: 'attached' });
  // The replay runs a frame after the takeover.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const selected = await page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab');
  assert.equal(selected, 'decide', 'a tab chosen before the Next overrode it: the reader lands on Compare');
  await context.close();
});

test('"Loading…" after an early Next keeps the sticky bar one row high on a phone (360 px)', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await page.route('**/backend-chooser_bg.wasm', () => new Promise(() => {}));
  await page.goto(env.url);
  await page.locator('[data-prerendered] input[value="realtime"]').check();
  const bar = page.locator('[data-prerendered] .bc-actions');
  const before = (await bar.boundingBox()).height;
  await page.locator('[data-prerendered] [data-testid="next"]').click();
  assert.ok(await page.locator('[data-prerendered][data-waiting]').count(), 'Loading… is shown');
  // (It once wrapped onto a second row: 60 px → 92 px, then back to 60 px on takeover.)
  assert.equal((await bar.boundingBox()).height, before, 'the sticky bar keeps its height');
  await context.close();
});

test('a Next given before the wasm fails to load: the summary is brought into view then (not only on a second Next)', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  let release;
  const gate = new Promise((done) => (release = done));
  await page.route('**/backend-chooser_bg.wasm', async (route) => {
    await gate;
    await route.abort();
  });
  await page.goto(env.url);
  await page.locator('[data-prerendered] input[value="realtime"]').check();
  await page.locator('[data-prerendered] [data-testid="next"]').click();
  release();
  await page.locator('[data-fallback]').waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.activeElement?.matches('[data-fallback]'));
  // (It once stayed ~450 px below the fold, focus on Next.)
  const top = await page.locator('[data-fallback]').evaluate((summary) => summary.getBoundingClientRect().top);
  assert.ok(top < 640, `the summary is in view (top ${top} px)`);
  await context.close();
});
