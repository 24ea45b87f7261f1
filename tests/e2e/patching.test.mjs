// End-to-end (review of issue 10): patching parts in place and taking over the pre-rendered
// first screen, where the DOM holds state the markup does not know of, or a page script acts
// while the wasm renders. Each test fails on the build it was written against (f4c9471).
// (A sixth, an alert raised on the pre-rendered question of a shared link, is gone: that
// question is now hidden until the wasm shows the linked step; prerender.test.mjs.)
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

/** A page on the test server's origin; `errors` collects page errors (a wasm trap is one). */
async function open(path, { holdWasm = false, route } = {}) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  let release;
  const gate = new Promise((done) => (release = done));
  if (holdWasm) await page.route('**/*.wasm', async (request) => (await gate, request.continue()));
  if (route) await page.route(`**/${route.path}`, (request) => request.fulfill({ contentType: 'text/html', body: route.body }));
  await page.goto(`${env.url}${path}`);
  return { page, context, release };
}

/** A host page with `body`, then `script` (run before embed.js defines the element). */
const hostPage = (body, script = '') =>
  open('host-page.html', {
    route: {
      path: 'host-page.html',
      body: `<!DOCTYPE html><html lang="en"><head><title>Host</title><script type="module" src="./embed.js"></script></head><body>${body}<script>${script}</script></body></html>`,
    },
  });

const WIDGET = '[data-testid="widget"]:not([data-prerendered])';

/** Wraps each text node of `root` the way Chrome's page translation does:
 * `<font><font>its translation</font></font>`. */
const TRANSLATE = (root) => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.trim()) texts.push(node);
  for (const text of texts) {
    const outer = document.createElement('font');
    outer.append(Object.assign(document.createElement('font'), { textContent: text.data }));
    text.replaceWith(outer);
  }
};

test('text nodes replaced by a page translator: the next question shows its own prompt, progress and answers', async () => {
  const { page, context } = await open('');
  const widget = page.locator(WIDGET);
  await widget.locator('[data-testid="question"]').waitFor();
  await widget.evaluate(TRANSLATE);
  await widget.locator('input[type="radio"][value="realtime"]').check();
  await widget.locator('[data-testid="next"]').click();
  await widget.locator('[data-testid="question"][data-question="rtdata"]').waitFor();
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.match(await widget.locator('[data-testid="progress"]').innerText(), /^Question 2 of/);
  const labels = await widget.locator('.bc-option-label').allInnerTexts();
  assert.equal(labels.length, 3);
  assert.ok(!labels.some((label) => label.startsWith('Real-time app')), `the first question's answers on the second: ${labels}`);
  await context.close();
});

test('a host that keeps answers= in step with backend-chooser:answer (synchronously): no wasm trap, and the reader goes on', async () => {
  const { page, context } = await hostPage(
    '<backend-chooser eager></backend-chooser>',
    `const element = document.querySelector('backend-chooser');
     element.addEventListener('backend-chooser:answer', (event) => element.setAttribute('answers', event.detail.fragment));`,
  );
  const widget = page.locator(`backend-chooser ${WIDGET}`);
  await widget.locator('[data-testid="question"]').waitFor();
  await widget.locator('input[type="radio"][value="realtime"]').check();
  await widget.locator('[data-testid="next"]').click();
  await page.waitForTimeout(500);
  assert.deepEqual(page.errors, []);
  await page.locator(`backend-chooser ${WIDGET} [data-testid="question"][data-question="rtdata"]`).waitFor({ timeout: 5000 });
  await context.close();
});

test('a host that toggles compact when focus leaves the widget (a focused button that a render removes): no wasm trap, and it comes back compact', async () => {
  const { page, context } = await hostPage(
    '<backend-chooser eager></backend-chooser>',
    `const element = document.querySelector('backend-chooser');
     element.addEventListener('focusout', () => window.left || ((window.left = true), element.toggleAttribute('compact')));`,
  );
  const widget = page.locator(`backend-chooser ${WIDGET}`);
  await widget.locator('[data-testid="question"]').waitFor();
  for (let step = 0; step < 12 && !(await page.evaluate(() => window.left)); step += 1) {
    await widget.locator('input[type="radio"]').first().check();
    await widget.locator('[data-testid="next"]').click();
  }
  assert.ok(await page.evaluate(() => window.left), 'focus left the widget');
  await page.waitForTimeout(500);
  assert.deepEqual(page.errors, []);
  // The widget comes back compact (no tab list), where the reader was.
  const widgets = page.locator(`backend-chooser ${WIDGET}`);
  await widgets.locator('[data-testid="question"], [data-testid="result"]').waitFor({ timeout: 5000 });
  assert.equal(await widgets.count(), 1);
  assert.equal(await widgets.locator('[role="tablist"]').count(), 0);
  await context.close();
});


for (const next of [false, true]) {
  test(`a pre-rendered question the wasm cannot take over (a translator changed it): the answer${next ? ' and Next' : ''} given before the wasm ${next ? 'are' : 'is'} kept`, async () => {
    const { page, context, release } = await open('', { holdWasm: true });
    const early = page.locator('[data-prerendered]');
    await early.locator('[data-testid="question"]').waitFor();
    await early.evaluate(TRANSLATE);
    await early.locator('input[type="radio"][value="realtime"]').check();
    if (next) await early.locator('[data-testid="next"]').click();
    release();
    const widget = page.locator(WIDGET);
    await widget.waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    if (next) {
      assert.equal(await widget.locator('[data-testid="choose-first"]').isVisible(), false, 'told to choose after choosing');
      await widget.locator('[data-testid="question"][data-question="rtdata"]').waitFor({ timeout: 3000 });
    } else {
      assert.equal(await widget.locator('input[type="radio"]:checked').getAttribute('value', { timeout: 3000 }), 'realtime');
    }
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}
