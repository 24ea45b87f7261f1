// End-to-end: a reader's walk through the standalone page, on the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, LIVE_QUESTION } from './harness.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** The current question's id and legend text, once it is shown. */
/** The question the wasm's widget shows (after a load or reload, not the pre-rendered one). */
async function currentQuestion(page) {
  const fieldset = page.locator('[data-testid="widget"]:not([data-prerendered]) [data-testid="question"]');
  await fieldset.waitFor();
  return {
    id: await fieldset.getAttribute('data-question'),
    prompt: (await fieldset.locator('legend').innerText()).trim(),
    progress: (await page.locator('[data-testid="progress"]').innerText()).trim(),
  };
}

/** Resolves once what the widget does after a step's frame (`ui::dom::after_paint`: the
 * address, the history entry, focus) is done: a browser Back or a reload sooner would act
 * on the entry before it. */
const afterPaint = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(() => setTimeout(done)))));

/** Answers with the mouse: the option at `index` (default: the first), then Next. */
async function answerByMouse(page, index = 0) {
  const before = await currentQuestion(page);
  await page.locator('[data-testid="question"] input[type="radio"]').nth(index).click();
  await page.click('[data-testid="next"]');
  await afterPaint(page);
  return before;
}

async function walkToResult(page, pick = () => 0) {
  const path = [];
  for (let step = 0; step < 30; step += 1) {
    if (await page.locator('[data-testid="result"]').isVisible()) return path;
    const question = await answerByMouse(page, pick(step));
    path.push(question.id);
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="question"]')?.dataset.question !== id,
      question.id,
    );
  }
  throw new Error(`no result after 30 answers: ${path.join(' > ')}`);
}

test('the first question shows, and answering it with a click shows the next', async () => {
  const page = await openPage(env.browser, env.url);
  const first = await currentQuestion(page);
  assert.match(first.progress, /^Question 1 of \d+( (or|to) \d+)?$/);
  assert.ok(first.prompt.length > 5, 'the first question has a prompt');
  await answerByMouse(page, 0);
  await page.waitForFunction(
    (id) => document.querySelector('[data-testid="question"]')?.dataset.question !== id,
    first.id,
  );
  const second = await currentQuestion(page);
  assert.notEqual(second.id, first.id);
  assert.match(second.progress, /^Question 2 of /);
  assert.deepEqual(page.problems, []);
});

test('a whole path with the mouse ends in a recommendation with reasons', async () => {
  const page = await openPage(env.browser, env.url);
  const path = await walkToResult(page);
  assert.ok(path.length >= 8 && path.length <= 14, `path length ${path.length}`);
  const verdict = page.locator('[data-testid="verdict"]');
  assert.match(await verdict.getAttribute('data-side'), /^(node|python|hybrid)$/);
  assert.match(await page.locator('[data-testid="confidence"]').innerText(), /^(A (slight|clear|strong) lead: \d+ points? ahead of .+\.|Too close to call: .+\.)$/);
  assert.ok((await page.locator('[data-testid="reason"]').count()) >= 1);
  assert.ok((await page.locator('[data-testid="framework"]').count()) >= 1);
  assert.ok((await page.locator('[data-testid="bar"]').count()) >= 1);
  const live = await page.locator('[data-testid="live"]').innerText();
  assert.match(live, /^Recommendation: /);
  assert.deepEqual(page.problems, []);
});

/** Presses Tab until `selector` has focus (at most 40 times). */
async function tabTo(page, selector) {
  for (let presses = 0; presses < 40; presses += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('a whole path with the keyboard alone; focus follows each step', async () => {
  const page = await openPage(env.browser, env.url);
  await currentQuestion(page);
  for (let step = 0; step < 30; step += 1) {
    if (await page.locator('[data-testid="result"]').isVisible()) break;
    const before = await currentQuestion(page);
    await tabTo(page, '[data-testid="question"] input[type="radio"]');
    // Arrow keys move and check within the radio group; Space checks the focused one.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await tabTo(page, '[data-testid="next"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="question"]')?.dataset.question !== id,
      before.id,
    );
    // Focus moves just after the frame that shows the new step.
    const focused = await page
      .waitForFunction(() => document.activeElement?.hasAttribute('data-step-heading'), null, { timeout: 5000 })
      .then(() => true, () => false);
    assert.ok(focused, `focus moved to the new step's heading after "${before.prompt}"`);
  }
  await page.locator('[data-testid="result"]').waitFor();
  assert.deepEqual(page.problems, []);
});

test('Next without a choice says what to do', async () => {
  const page = await openPage(env.browser, env.url);
  await currentQuestion(page);
  await page.click('[data-testid="next"]');
  assert.ok(await page.locator('[data-testid="choose-first"]').isVisible());
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'next', 'focus stays on Next');
});

/**
 * Marks the element `selector` finds, so `kept` can tell whether it is still the same node:
 * a container that re-renders replaces all its nodes, and the mark goes with them.
 */
const mark = (page, selector) => page.evaluate((s) => { document.querySelector(s).bcKept = true; }, selector);
const kept = (page, selector) => page.evaluate((s) => document.querySelector(s)?.bcKept === true, selector);

test('a checked radio and the focused element survive unrelated updates: no container re-renders needlessly', async () => {
  const page = await openPage(env.browser, env.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await answerByMouse(page, 0);
  await page.locator('[data-testid="progress"]', { hasText: /^Question 2 of / }).waitFor();
  const second = page.locator('[data-testid="question"] input[type="radio"]').nth(1);
  await second.click();
  for (const selector of ['[data-testid="question-form"]', '[data-testid="path-summary"]', '.bc-header']) {
    await mark(page, selector);
  }
  const checkedIndex = () => page.evaluate(() => [...document.querySelectorAll('[data-testid="question"] input[type="radio"]')].findIndex((input) => input.checked));

  // A tab switch, a filter typed on the other tab (it updates the live region), and back.
  await page.click('[data-testid="tab-compare"]');
  await page.fill('[data-testid="filter"]', 'Django');
  await page.locator('[data-testid="live"]', { hasText: /criteria shown/ }).waitFor();
  await page.click('[data-testid="tab-decide"]');
  assert.equal(await checkedIndex(), 1, 'the checked radio is still checked');
  assert.ok(await kept(page, '[data-testid="question-form"]'), 'the question was not drawn again');
  assert.ok(await kept(page, '[data-testid="path-summary"]'), 'the path summary was not drawn again');
  assert.ok(await kept(page, '.bc-header'), 'the header was not drawn again');

  // A change of the reader's colour scheme, with the checked radio focused.
  await second.focus();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await checkedIndex(), 1);
  assert.ok(await second.evaluate((input) => input === document.activeElement), 'the radio keeps focus');
  assert.ok(await kept(page, '[data-testid="question-form"]'));

  // A copy at the result: the copy button keeps focus, the result is not drawn again.
  await walkToResult(page);
  await mark(page, '[data-testid="result"]');
  await mark(page, '[data-testid="copy-link"]');
  await page.focus('[data-testid="copy-link"]');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="copy-status"]', { hasText: 'copied' }).waitFor();
  assert.ok(await kept(page, '[data-testid="result"]'), 'the result was not drawn again');
  assert.ok(
    await page.evaluate(() => document.activeElement?.bcKept === true && document.activeElement.dataset.testid === 'copy-link'),
    'the same copy button keeps focus',
  );
  assert.deepEqual(page.problems, []);
});

test('back, and changing an earlier answer from the path summary', async () => {
  const page = await openPage(env.browser, env.url);
  const first = await answerByMouse(page, 0);
  const second = await answerByMouse(page, 0);
  await currentQuestion(page);
  await page.click('[data-testid="back"]');
  assert.equal((await currentQuestion(page)).id, second.id);
  // The earlier answer is still selected after going back.
  assert.ok(await page.locator('[data-testid="question"] input[type="radio"]').first().isChecked());

  await page.locator(`[data-testid="path-step"][data-question="${first.id}"] button`).click();
  const again = await currentQuestion(page);
  assert.equal(again.id, first.id);
  await page.locator('[data-testid="question"] input[type="radio"]').nth(1).click();
  await page.click('[data-testid="next"]');
  await page.waitForFunction(
    (id) => document.querySelector('[data-testid="question"]')?.dataset.question !== id,
    first.id,
  );
  const summary = await page.locator('[data-testid="path-step"]').first().innerText();
  const secondLabel = await page.evaluate(
    () => document.querySelectorAll('[data-testid="path-step"] .bc-path-a')[0].textContent,
  );
  assert.ok(summary.includes(secondLabel));
  assert.deepEqual(page.problems, []);
});

test("the browser's back and forward buttons move between steps, and reload keeps them", async () => {
  const page = await openPage(env.browser, env.url);
  const first = await answerByMouse(page, 0);
  const second = await answerByMouse(page, 0);
  const third = await currentQuestion(page);
  assert.match(page.url(), /#node-vs-python@\d+:/);
  await page.goBack();
  await page.waitForFunction((id) => document.querySelector('[data-testid="question"]')?.dataset.question === id, second.id);
  await page.goBack();
  await page.waitForFunction((id) => document.querySelector('[data-testid="question"]')?.dataset.question === id, first.id);
  await page.goForward();
  await page.waitForFunction((id) => document.querySelector('[data-testid="question"]')?.dataset.question === id, second.id);
  await page.goForward();
  await page.waitForFunction((id) => document.querySelector('[data-testid="question"]')?.dataset.question === id, third.id);
  await page.reload();
  assert.equal((await currentQuestion(page)).id, third.id);
  assert.equal(await page.locator('[data-testid="path-step"]').count(), 2);
  assert.deepEqual(page.problems, []);
});

test('a reload after Back or Change keeps the later answers and the question the reader is on', async () => {
  const page = await openPage(env.browser, env.url);
  const moved = (id) => page.waitForFunction((id) => document.querySelector('[data-testid="question"]')?.dataset.question !== id, id);
  const first = await answerByMouse(page, 1);
  await moved(first.id);
  const second = await answerByMouse(page, 0);
  await moved(second.id);
  await page.locator(`[data-testid="path-step"][data-question="${first.id}"] button`).click();
  await page.waitForFunction((id) => document.querySelector('[data-testid="question"]')?.dataset.question === id, first.id);
  // (The address and the history entry's state are written after the frame: a reload
  // before that would reload the earlier entry.)
  await afterPaint(page);
  await page.reload();
  assert.equal((await currentQuestion(page)).id, first.id, 'still on the question the reader went back to');
  const checked = () => page.locator('[data-testid="question"] input[type="radio"]:checked').getAttribute('value');
  assert.ok(await checked(), 'its answer is still selected');
  // Still changing that one answer after the reload: Next moves on past the later answer,
  // which survived, to the first question without one.
  await page.click('[data-testid="next"]');
  await moved(first.id);
  const third = await currentQuestion(page);
  assert.notEqual(third.id, second.id);
  assert.equal(await page.locator('[data-testid="path-step"]').count(), 2, 'the later answer survived the reload');
  // The app's Back button, then a reload: on the question gone back to, its answer selected.
  await page.click('[data-testid="back"]');
  await page.waitForFunction((id) => document.querySelector('[data-testid="question"]')?.dataset.question === id, second.id);
  await afterPaint(page);
  await page.reload();
  assert.equal((await currentQuestion(page)).id, second.id);
  assert.ok(await checked());
  assert.deepEqual(page.problems, []);
});

test('a share link opened in a new page gives the same result', async () => {
  const page = await openPage(env.browser, env.url);
  await walkToResult(page, (step) => step % 2);
  const link = await page.locator('[data-testid="share-link"]').getAttribute('href');
  const verdict = await page.locator('[data-testid="verdict"]').innerText();
  const reasons = await page.locator('[data-testid="reason"]').allInnerTexts();
  const other = await openPage(env.browser, link);
  await other.locator('[data-testid="result"]').waitFor();
  assert.equal(await other.locator('[data-testid="verdict"]').innerText(), verdict);
  assert.deepEqual(await other.locator('[data-testid="reason"]').allInnerTexts(), reasons);
  assert.deepEqual(other.problems, []);
});

test('copy link and copy as Markdown put text on the clipboard', async () => {
  const page = await openPage(env.browser, env.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await walkToResult(page);
  await page.click('[data-testid="copy-link"]');
  await page.locator('[data-testid="copy-status"]', { hasText: 'copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, await page.locator('[data-testid="share-link"]').getAttribute('href'));
  await page.click('[data-testid="copy-markdown"]');
  await page.locator('[data-testid="copy-status"]', { hasText: 'Markdown' }).waitFor();
  const record = await page.evaluate(() => navigator.clipboard.readText());
  for (const heading of ['# Decision record', '## Context', '## Decision', '## Reasons', '## Alternatives considered', '## What would change this decision']) {
    assert.ok(record.includes(heading), `the record has "${heading}"`);
  }
  assert.ok(record.includes(link));
});

for (const [name, fragment, expected] of [
  ['malformed', '#%%%not-a-link', /^This link could not be read .*, so you are starting from the first question\.$/],
  ['another version', '#node-vs-python@999:', /^This link was made for a newer version of these questions, so you are starting/],
  ['another dataset', '#go-vs-rust@1:', /^This link is for another comparison, so you are starting/],
  ['unknown answers', '#node-vs-python@1:nosuch=thing', /^One answer in this link could not be used because it answers a question that is no longer asked\. You are starting from the first question\.$/],
  ['unknown answer to a question', '#node-vs-python@1:what=webapp,team=rust', /^One answer in this link could not be used because its answer to “Which languages does your team already know well\?” is no longer one of the choices\. Your other answer is kept\.$/],
]) {
  test(`a ${name} share link shows a notice and the widget works on`, async () => {
    const page = await openPage(env.browser, env.url + fragment);
    const notice = page.locator('[data-testid="notice"]');
    await notice.waitFor();
    assert.match(await notice.locator('p').innerText(), expected);
    await answerByMouse(page, 0);
    await currentQuestion(page);
    assert.deepEqual(page.problems, []);
  });
}

test('the notice about a bad link can be dismissed with the keyboard; focus moves to the question', async () => {
  const page = await openPage(env.browser, env.url + '#%%%not-a-link');
  const notice = page.locator('[data-testid="notice"]');
  await notice.waitFor();
  await notice.locator('button').focus();
  await page.keyboard.press('Enter');
  await notice.waitFor({ state: 'detached' });
  assert.equal(
    await page.evaluate(() => document.activeElement?.hasAttribute('data-step-heading')),
    true,
    'focus is on the step heading, not lost with the button',
  );
  assert.equal(await page.locator('.bc-notice-area').evaluate((area) => getComputedStyle(area).display), 'none');

  // On another tab the question is hidden: the selected tab takes focus instead of the page.
  const other = await openPage(env.browser, env.url + '#node-vs-python@999:');
  const otherNotice = other.locator('[data-testid="notice"]');
  await otherNotice.waitFor();
  await other.click('[data-testid="tab-compare"]');
  await otherNotice.locator('button').focus();
  await other.keyboard.press('Enter');
  await otherNotice.waitFor({ state: 'detached' });
  assert.equal(await other.evaluate(() => document.activeElement?.dataset.testid), 'tab-compare');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(other.problems, []);
});

test('the comparison table filters, and marks the rows that drove the result', async () => {
  const page = await openPage(env.browser, env.url);
  await walkToResult(page);
  await page.click('[data-testid="tab-compare"]');
  const rows = page.locator('[data-testid="criterion-row"]');
  const total = await rows.count();
  assert.ok(total >= 20, `${total} criteria`);
  assert.ok((await page.locator('[data-testid="criterion-row"][data-drove="true"]').count()) >= 1);
  await page.fill('[data-testid="filter"]', 'Django');
  const visible = await page.locator('[data-testid="criterion-row"]:visible').count();
  assert.ok(visible >= 1 && visible < total, `${visible} of ${total} rows after filtering`);
  await page.fill('[data-testid="filter"]', 'zzzz-nothing');
  assert.equal(await page.locator('[data-testid="criterion-row"]:visible').count(), 0);
});

test('the tree map highlights the path and goes back to a clicked question', async () => {
  const page = await openPage(env.browser, env.url);
  const first = await answerByMouse(page, 0);
  await answerByMouse(page, 0);
  await page.click('[data-testid="tab-map"]');
  const onPath = page.locator('[data-testid="map-node"][data-on-path="true"]');
  assert.equal(await onPath.count(), 3);
  await page.locator(`[data-testid="map-node"][data-question="${first.id}"]`).click();
  assert.equal((await currentQuestion(page)).id, first.id);
  assert.equal(await page.locator('[data-testid="tab-decide"]').getAttribute('aria-selected'), 'true');
});

test('"what would change this" items apply with one click', async () => {
  const page = await openPage(env.browser, env.url);
  await walkToResult(page);
  const before = await page.locator('[data-testid="verdict"]').getAttribute('data-side');
  const change = page.locator('[data-testid="change"]').first();
  const text = await change.innerText();
  await change.locator('button').click();
  // A certain change lands on a new result with another winner; a possible one may first
  // ask the new questions it leads to.
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict"]') === null || document.activeElement?.hasAttribute('data-step-heading'));
  if (await page.locator('[data-testid="question"]').isVisible()) {
    await walkToResult(page);
  }
  const after = await page.locator('[data-testid="verdict"]').getAttribute('data-side');
  if (!text.includes('depends on')) {
    assert.notEqual(after, before, `applying "${text}" changed the winner`);
  }
  assert.deepEqual(page.problems, []);
});

test('the tabs work with arrow keys, Home and End, and keep focus on the selected tab', async () => {
  const page = await openPage(env.browser, env.url);
  await page.locator(LIVE_QUESTION).waitFor();
  await page.focus('[data-testid="tab-decide"]');
  const read = () => page.evaluate(() => [document.querySelector('[role="tab"][aria-selected="true"]')?.dataset.tab, document.activeElement?.dataset.tab]);
  // Focus moves just after the frame that shows the new panel: wait for it (up to 2 s).
  const selected = async () => {
    const [tab] = await read();
    await page.waitForFunction((tab) => document.activeElement?.dataset.tab === tab, tab, { timeout: 2000 }).catch(() => {});
    return read();
  };
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await selected(), ['compare', 'compare']);
  assert.ok(await page.locator('[data-testid="compare"]').isVisible());
  await page.keyboard.press('End');
  assert.deepEqual(await selected(), ['map', 'map']);
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await selected(), ['decide', 'decide'], 'wraps around');
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await selected(), ['map', 'map']);
  await page.keyboard.press('Home');
  assert.deepEqual(await selected(), ['decide', 'decide']);
  assert.ok(await page.locator('[data-testid="question"]').isVisible());
  assert.equal(await page.locator('[role="tab"][tabindex="0"]').count(), 1, 'one tab stop');
});

/** A complete path (team: Python) whose result offers changes of both kinds. */
const PYTHON_TEAM = 'node-vs-python@1:what=webapp,load=moderate,team=python,pyasync=async,datastore=relational,deploy=cloud,structure=lean,stage=product,existing=none';

const side = (page) => page.locator('[data-testid="verdict"]').getAttribute('data-side');
const onResult = (page) => page.locator('[data-testid="result"]').waitFor();
/** Waits until the step is the question `id`, or the result when `id` is null. */
const stepIs = (page, id) => page.waitForFunction(
  (id) => (document.querySelector('[data-testid="question"]')?.dataset.question ?? null) === id
    && (id !== null || document.querySelector('[data-testid="result"]') !== null),
  id,
);

test('Apply on a change that asks one more question asks only that one, then shows the new result', async () => {
  const page = await openPage(env.browser, `${env.url}#${PYTHON_TEAM}`);
  await onResult(page);
  const before = await side(page);
  const item = page.locator('[data-testid="change"]', {
    has: page.locator('[data-testid="change-cost"]', { hasText: /^\(asks 1 more question\)$/ }),
  }).first();
  const label = await item.locator('strong').innerText();
  assert.match(await item.locator('button').getAttribute('aria-label'), /^Apply: .*\(asks 1 more question\)$/);
  await item.locator('button').click();
  const asked = await currentQuestion(page);
  assert.equal(await page.locator('[data-testid="question"] input:checked').count(), 0, 'a new question');
  await answerByMouse(page, 0);
  await page.waitForFunction((id) => document.querySelector('[data-testid="question"]')?.dataset.question !== id, asked.id);
  assert.ok(await page.locator('[data-testid="result"]').isVisible(), `the result right after the one new question (applied ${label})`);
  assert.notEqual(await side(page), before);
  // The browser's Back goes to the new question, then to the result the reader started from.
  await page.goBack();
  await stepIs(page, asked.id);
  await page.goBack();
  await stepIs(page, null);
  assert.equal(await side(page), before);
  assert.equal(new URL(page.url()).hash, `#${PYTHON_TEAM}`);
  assert.deepEqual(page.problems, []);
});

// A hybrid result whose answer "No, we want a single runtime" (to running two runtimes) asks
// nothing new and gives Python.
const HYBRID_NO_COST = 'node-vs-python@1:what=realtime,rtdata=ml,tworun=yes,team=python,pyasync=async,datastore=document,deploy=paas,structure=batteries,stage=product,existing=python';

test('Apply on a change that asks nothing shows the new result at once; Back returns to the old one', async () => {
  const page = await openPage(env.browser, `${env.url}#${HYBRID_NO_COST}`);
  await onResult(page);
  const before = await side(page);
  const item = page.locator('[data-testid="change"]').filter({ hasNot: page.locator('[data-testid="change-cost"]') }).first();
  await item.locator('button').click();
  await page.waitForFunction((before) => document.querySelector('[data-testid="verdict"]')?.dataset.side !== before, before);
  assert.ok(await page.locator('[data-testid="result"]').isVisible());
  assert.notEqual(new URL(page.url()).hash, `#${HYBRID_NO_COST}`);
  await page.goBack();
  await page.waitForFunction((before) => document.querySelector('[data-testid="verdict"]')?.dataset.side === before, before);
  assert.equal(new URL(page.url()).hash, `#${HYBRID_NO_COST}`);
  assert.deepEqual(page.problems, []);
});

test('Change on a shared link adds a history entry: Back returns to the result; Next returns at once', async () => {
  const page = await openPage(env.browser, `${env.url}#${PYTHON_TEAM}`);
  await onResult(page);
  const before = await side(page);
  await page.locator('[data-testid="path-step"][data-question="load"] button').click();
  await stepIs(page, 'load');
  await page.goBack();
  await stepIs(page, null);
  assert.equal(await side(page), before, 'Back returned to the result, still on this site');
  assert.equal(new URL(page.url()).hash, `#${PYTHON_TEAM}`);
  // Change again and keep the answer: Next goes straight back to the result.
  await page.locator('[data-testid="path-step"][data-question="load"] button').click();
  await stepIs(page, 'load');
  await page.click('[data-testid="next"]');
  await stepIs(page, null);
  assert.equal(new URL(page.url()).hash, `#${PYTHON_TEAM}`);
  assert.deepEqual(page.problems, []);
});

// (From a review, h11.) After Change on a long result, the browser's Back returned to the
// result at a stale scroll offset the browser restored, with the focused headline out of view.
const LONG_RESULT =
  '#node-vs-python@1:what=streaming,rtdata=analytics,conns=moderate,team=python,pyasync=sync,datastore=relational,deploy=paas,structure=opinionated,stage=product,existing=node';
for (const width of [360, 1280]) {
  test(`${width} px: Change, then the browser's Back shows the result with its focused headline in view`, async () => {
    const page = await openPage(env.browser, env.url + LONG_RESULT, { viewport: { width, height: 740 } });
    await page.locator('[data-testid="result"]').waitFor();
    const change = page.getByRole('button', { name: /Change/ }).nth(3);
    await change.scrollIntoViewIfNeeded();
    await change.click();
    await page.locator(LIVE_QUESTION).waitFor();
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-step-heading'));
    await afterPaint(page);
    await page.goBack();
    await page.locator('[data-testid="result"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('[data-testid="result"] [data-step-heading], [part="headline"]'));
    await afterPaint(page);
    const { top, bottom } = await page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON());
    assert.ok(top >= 0 && bottom <= 740, `the focused headline is in view (top ${Math.round(top)})`);
    assert.deepEqual(page.problems, []);
  });
}

// (From a review, h11.) On a 320 × 568 phone the sticky Back / Next / Start over bar wrapped to
// two rows, and answers reached with the arrow keys ended up under it.
for (const [width, height] of [[320, 568], [360, 640]]) {
  test(`${width} × ${height}: the sticky bar is one row, and every answer reached with the arrow keys stays clear of it`, async () => {
    const page = await openPage(env.browser, env.url, { viewport: { width, height } });
    await page.locator(LIVE_QUESTION).waitFor();
    const rows = await page.evaluate(() => new Set([...document.querySelectorAll('.bc-step .bc-actions button')].map((button) => button.getBoundingClientRect().top)).size);
    assert.equal(rows, 1, 'the buttons on one row');
    await page.focus('[data-testid="tab-decide"]');
    await page.keyboard.press('Tab');
    const covered = [];
    const count = await page.locator('[data-testid="question"] input[type="radio"]').count();
    for (let index = 0; index < count; index += 1) {
      if (index > 0) await page.keyboard.press('ArrowDown');
      const hit = await page.evaluate(() => {
        const box = document.activeElement.getBoundingClientRect();
        const bar = document.querySelector('[data-testid="next"]').parentElement.getBoundingClientRect();
        const centre = box.top + box.height / 2;
        return centre > bar.top && centre < bar.bottom ? `${document.activeElement.value} (centre ${Math.round(centre)}, bar ${Math.round(bar.top)}–${Math.round(bar.bottom)})` : null;
      });
      if (hit) covered.push(hit);
    }
    assert.deepEqual(covered, [], 'focused answers under the sticky bar');
  });
}
