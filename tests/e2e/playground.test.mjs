// End-to-end: the authoring playground (playground.html). Validation as you type (the
// checker's wasm), the cursor moved to a problem, the preview on the last valid version,
// autosave, templates with Undo, Reset, share links (fresh context, a differing draft, too
// long, hostile), download, the embed snippets pasted into a page, keyboard, axe, layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, openPage, artifactPath, ROOT, DIST } from './harness.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const STARTER = readFileSync(join(ROOT, 'playground', 'starter.json'), 'utf8');

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const playground = () => `${env.url}playground.html`;

/** The first question's prompt of a dataset file in dist/ (what its widget shows first). */
function firstPrompt(text) {
  const data = JSON.parse(text);
  return data.questions.find((question) => question.id === data.start).prompt;
}

/** Opens the playground in a fresh context and waits until the checker has judged the text. */
async function open(options = {}, url = playground()) {
  const page = await openPage(env.browser, url, options);
  await page.locator('[data-testid="status"][data-state]').waitFor();
  return page;
}

const status = (page) => page.locator('[data-testid="status"]').innerText();
const text = (page) => page.locator('[data-testid="source"]').inputValue();
const previewQuestion = (page) => page.locator('[data-testid="preview"] backend-chooser [data-testid="question"] [data-step-heading]');

async function waitForStatus(page, pattern) {
  await page.waitForFunction(
    ([source, flags]) => new RegExp(source, flags).test(document.querySelector('[data-testid="status"]').textContent),
    [pattern.source, pattern.flags],
  );
}

/** Types `text` over the whole editor as a reader would (select all, then type). */
async function replaceTyped(page, value) {
  const editor = page.locator('[data-testid="source"]');
  await editor.fill(value.slice(0, -1));
  await editor.press('End');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(value.slice(-1));
}

/** No request left our own server (blob: URLs are the page's own). */
function foreign(page) {
  return page.requests.filter((url) => !url.startsWith(env.url) && !url.startsWith('blob:') && !url.startsWith('data:'));
}

test('a fresh playground holds the starter, valid, with its first question in the preview', async () => {
  const page = await open();
  assert.equal(await text(page), STARTER);
  await waitForStatus(page, /^No problems/);
  assert.equal(await page.locator('[data-testid="problem"]').count(), 0);
  await previewQuestion(page).filter({ hasText: firstPrompt(STARTER) }).waitFor();
  // The map of the tree is a tab of the previewed widget.
  await page.locator('[data-testid="preview"] backend-chooser [data-testid="tab-map"]').click();
  await page.locator('[data-testid="preview"] backend-chooser [data-testid="tree-map"]').waitFor();
  // The report is the checker's (check-dataset's): 2 × 2 answers make 4 paths.
  await page.locator('[data-testid="report-box"] summary').click();
  await page.locator('[data-testid="report"]').filter({ hasText: 'paths:' }).waitFor();
  const report = await page.locator('[data-testid="report"]').innerText();
  assert.match(report, /^paths: 4$/m);
  assert.match(report, /^no problems$/m);
  assert.deepEqual(foreign(page), []);
  assert.deepEqual(page.problems, []);
});

test('broken JSON names its line; the problem moves the cursor there; the fix updates the preview', async () => {
  const page = await open();
  await waitForStatus(page, /^No problems/);
  const lines = STARTER.split('\n');
  const line = lines.findIndex((row) => row.includes('"version": 1,')) + 1;
  const editor = page.locator('[data-testid="source"]');
  // Put the cursor after `1` on that line and type a stray character.
  const offset = lines.slice(0, line - 1).join('\n').length + 1 + lines[line - 1].indexOf('1,') + 1;
  await editor.focus();
  await editor.evaluate((element, at) => element.setSelectionRange(at, at), offset);
  await page.keyboard.type('x');
  await waitForStatus(page, new RegExp(`^1 problem\\. The first is at line ${line}, column \\d+\\.$`));
  const problem = page.locator('[data-testid="problem"]');
  assert.equal(await problem.count(), 1);
  assert.match(await problem.innerText(), new RegExp(`^line ${line}, column \\d+`));
  assert.equal(await page.locator('[data-testid="preview-note"]').innerText(), 'The preview shows your last valid version: 1 problem.');
  await previewQuestion(page).filter({ hasText: firstPrompt(STARTER) }).waitFor();
  // The gutter marks the line.
  assert.deepEqual(await page.locator('#gutter .pg-bad').allInnerTexts(), [String(line)]);

  // Clicking the problem moves the cursor onto its line and focuses the editor.
  await editor.evaluate((element) => element.setSelectionRange(0, 0));
  await page.locator('#template').focus();
  await problem.click();
  const [focused, cursor] = await editor.evaluate((element) => [document.activeElement === element, element.selectionStart]);
  assert.ok(focused, 'the editor has focus');
  const value = await text(page);
  assert.equal(value.slice(0, cursor).split('\n').length, line, 'the cursor is on the problem line');
  // Enter on a focused problem does the same.
  await editor.evaluate((element) => element.setSelectionRange(0, 0));
  await problem.focus();
  await page.keyboard.press('Enter');
  assert.equal(value.slice(0, await editor.evaluate((element) => element.selectionStart)).split('\n').length, line);

  // Columns count UTF-8 bytes (as the checker does): after non-ASCII text on the line, the
  // cursor still lands on the offending character itself.
  const accented = STARTER.replace('"One service or several?",', '"Ünïcödé ✓ — 𝄞 title"x,');
  await replaceTyped(page, accented);
  await waitForStatus(page, /^1 problem\. The first is at line 4, column \d+\.$/);
  await page.locator('#template').focus();
  await problem.click();
  assert.equal(await editor.evaluate((element) => element.selectionStart), accented.indexOf('"x,') + 1);

  // The fix (and a new first prompt) reaches the preview.
  const fixed = STARTER.replace('How many teams work on it?', 'How many teams build it?');
  await replaceTyped(page, fixed);
  await waitForStatus(page, /^No problems/);
  assert.equal(await page.locator('[data-testid="preview-note"]').innerText(), 'The preview shows your text.');
  await previewQuestion(page).filter({ hasText: 'How many teams build it?' }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('the preview keeps the reader’s place across edits, in one element', async () => {
  const page = await open();
  const widget = page.locator('[data-testid="preview"] backend-chooser:not([hidden])');
  await widget.locator('[data-testid="question"] input[type="radio"]').first().waitFor();
  await widget.locator('[data-testid="question"] input[type="radio"]').nth(1).check();
  await widget.locator('[data-testid="next"]').click();
  const second = JSON.parse(STARTER).questions[1].prompt;
  await widget.locator('[data-step-heading]').filter({ hasText: second }).waitFor();
  await replaceTyped(page, STARTER.replace(second, 'Are the parts’ boundaries known?'));
  await widget.locator('[data-step-heading]').filter({ hasText: 'Are the parts’ boundaries known?' }).waitFor();
  assert.equal(await page.locator('[data-testid="preview"] backend-chooser').count(), 1);
  assert.deepEqual(page.problems, []);
});

test('a semantic problem is listed with its path and line', async () => {
  const page = await open();
  await waitForStatus(page, /^No problems/);
  const broken = STARTER.replace('"next": "known"', '"next": "nowhere"');
  await replaceTyped(page, broken);
  await waitForStatus(page, /^\d+ problems?\./);
  const line = broken.split('\n').findIndex((row) => row.includes('"nowhere"')) + 1;
  const problems = await page.locator('[data-testid="problem"]').allInnerTexts();
  assert.ok(problems.some((problem) => problem.includes(`line ${line},`) && problem.includes('questions[0].next')), problems.join('\n'));
});

test('the draft is saved as you type and restored on reload', async () => {
  const page = await open();
  const edited = STARTER.replace('One service or several?', 'Saved title');
  await replaceTyped(page, edited);
  await page.waitForFunction(() => localStorage.getItem('backend-chooser-playground:draft')?.includes('Saved title'));
  await page.reload();
  await page.locator('[data-testid="status"][data-state]').waitFor();
  assert.equal(await text(page), edited);
  assert.equal(await page.locator('[data-testid="notice"]').innerText(), 'Your saved draft is back.');
});

test('a second tab saving another draft is said in the first', async () => {
  const page = await open();
  const second = await page.context().newPage();
  await second.goto(playground());
  await second.locator('[data-testid="status"][data-state]').waitFor();
  await replaceTyped(second, STARTER.replace('One team', 'Tab two'));
  await page.locator('[data-testid="notice"]').filter({ hasText: 'Another playground tab saved a different draft' }).waitFor();
  assert.ok(await page.locator('[data-testid="notice-download"]').isVisible());
  assert.equal(await text(page), STARTER, 'this tab keeps its text');
});

test('a storage that refuses to save is said, not thrown', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(playground());
  await page.locator('[data-testid="status"][data-state]').waitFor();
  await page.locator('[data-testid="source"]').press('End');
  await page.keyboard.type(' ');
  await page.locator('[data-testid="notice"]').filter({ hasText: 'could not save your draft' }).waitFor();
  assert.ok(await page.locator('[data-testid="notice-download"]').isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a template replaces the text with Undo; Reset asks first', async () => {
  const page = await open();
  const second = readFileSync(join(DIST, 'sqlite-or-postgresql.json'), 'utf8');
  await page.selectOption('[data-testid="template"]', 'sqlite-or-postgresql.json');
  await page.click('[data-testid="load-template"]');
  await page.locator('[data-testid="notice"]').filter({ hasText: 'loaded' }).waitFor();
  assert.equal(await text(page), second);
  // A second dataset typed into the playground shows its first question in the preview.
  await previewQuestion(page).filter({ hasText: firstPrompt(second) }).waitFor();
  await page.click('[data-testid="undo"]');
  assert.equal(await text(page), STARTER);
  // Undo is undone by Redo: neither loses a word.
  assert.equal(await page.locator('[data-testid="undo"]').innerText(), 'Redo');
  await page.click('[data-testid="undo"]');
  assert.equal(await text(page), second);
  await page.click('[data-testid="undo"]');
  assert.equal(await text(page), STARTER);

  // Reset: "Keep my text" changes nothing; the other button resets, with Undo.
  await replaceTyped(page, STARTER.replace('One team', 'Mine'));
  const mine = await text(page);
  await page.click('[data-testid="reset"]');
  assert.ok(await page.locator('[data-testid="confirm"]').isVisible());
  await page.click('[data-testid="confirm-no"]');
  assert.equal(await text(page), mine);
  await page.click('[data-testid="reset"]');
  await page.keyboard.press('Escape');
  assert.equal(await text(page), mine, 'Escape cancels');
  await page.click('[data-testid="reset"]');
  await page.click('[data-testid="confirm-yes"]');
  await page.locator('[data-testid="notice"]').filter({ hasText: 'Reset to the starter.' }).waitFor();
  assert.equal(await text(page), STARTER);
  await page.click('[data-testid="undo"]');
  assert.equal(await text(page), mine);
  assert.deepEqual(page.problems, []);
});

async function shareLink(page) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('[data-testid="share"]');
  await page.locator('[data-testid="share-url"]').waitFor();
  const link = await page.locator('[data-testid="share-url"]').inputValue();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  return link;
}

test('the text a template replaced can still be brought back after another notice', async () => {
  const page = await open();
  await page.selectOption('[data-testid="template"]', 'sqlite-or-postgresql.json');
  await page.click('[data-testid="load-template"]');
  await page.locator('[data-testid="notice"]').filter({ hasText: 'loaded' }).waitFor();
  // Another notice (this dataset is too long for a share link).
  await page.click('[data-testid="share"]');
  await page.locator('[data-testid="notice"]').filter({ hasText: 'too long to send' }).waitFor();
  assert.ok(await page.locator('[data-testid="undo"]').isVisible(), 'Undo is still offered after another notice');
  await page.click('[data-testid="undo"]');
  assert.equal(await text(page), STARTER);
});

test('a share link opens the same document in a fresh context', async () => {
  const page = await open();
  const doc = STARTER.replace('One service or several?', 'Shared — “quoted” ✓ title');
  await replaceTyped(page, doc);
  const link = await shareLink(page);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/playground\.html#doc=[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 8000);

  const elsewhere = await open({}, link);
  assert.equal(await text(elsewhere), doc);
  assert.equal(await elsewhere.locator('[data-testid="notice"]').innerText(), 'The linked document is open.');
  assert.equal(await elsewhere.evaluate(() => location.hash), '', 'the link leaves the address bar once read');
  await waitForStatus(elsewhere, /^No problems/);
  assert.deepEqual(elsewhere.problems, []);

  // Where a different draft is saved, the link asks first; Undo brings the draft back.
  const other = await open();
  const draft = STARTER.replace('One team', 'My own draft');
  await replaceTyped(other, draft);
  await other.waitForFunction(() => localStorage.getItem('backend-chooser-playground:draft')?.includes('My own draft'));
  await other.goto('about:blank');
  await other.goto(link);
  await other.locator('[data-testid="confirm"][open]').waitFor();
  assert.equal(await text(other), draft, 'nothing replaced before the answer');
  await other.click('[data-testid="confirm-yes"]');
  // The dialog's close event (and so the replacement) comes a task after the click.
  await other.locator('[data-testid="notice"]').filter({ hasText: 'The linked document is open; your draft is one Undo away.' }).waitFor();
  assert.equal(await text(other), doc);
  await other.click('[data-testid="undo"]');
  assert.equal(await text(other), draft);
  // Keeping the draft keeps it.
  await other.goto('about:blank');
  await other.goto(link);
  await other.locator('[data-testid="confirm"][open]').waitFor();
  await other.click('[data-testid="confirm-no"]');
  await other.locator('[data-testid="notice"]').filter({ hasText: 'Your draft is kept; the linked document was not opened.' }).waitFor();
  assert.equal(await text(other), draft);
  assert.deepEqual(other.problems, []);
});

test('a link too long to send says so and offers the file; a damaged link is said', async () => {
  const page = await open();
  // Incompressible text: the link would be far over 8,000 characters.
  const noise = await page.evaluate(() => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(9000)))));
  await replaceTyped(page, STARTER.replace('A two-question starter', noise));
  await page.click('[data-testid="share"]');
  const notice = page.locator('[data-testid="notice"]');
  await notice.filter({ hasText: 'too long to send' }).waitFor();
  assert.match(await notice.innerText(), /share link of [\d,]+ characters, too long to send: .* over 8,000 characters/);
  assert.ok(await page.locator('[data-testid="notice-download"]').isVisible());
  assert.equal(await page.locator('[data-testid="share-url"]').isVisible(), false);

  for (const [fragment, reason] of [
    ['#doc=not*base64', 'characters a share link never has'],
    ['#doc=AAAA', 'cut short or changed'],
    ['#doc=', 'holds no document'],
  ]) {
    const damaged = await open({}, `${playground()}${fragment}`);
    await damaged.locator('[data-testid="notice"]').filter({ hasText: reason }).waitFor();
    assert.equal(await text(damaged), STARTER, 'the starter, since nothing was saved');
  }
  // A link that unpacks to more than 512 KiB (the widget's limit) is refused, not unpacked whole.
  const bomb = await page.evaluate(async () => (await import('./playground.js')).pack(' '.repeat(3 << 20)));
  const big = await open({}, `${playground()}#doc=${bomb}`);
  await big.locator('[data-testid="notice"]').filter({ hasText: 'unpacks to more than 524,288 bytes' }).waitFor();
});

test('Download saves the text as a JSON file named after its id', async () => {
  const page = await open();
  await waitForStatus(page, /^No problems/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download"]')]);
  assert.equal(download.suggestedFilename(), 'one-service-or-several.json');
  assert.equal(readFileSync(await download.path(), 'utf8'), STARTER);
});

test('the embed snippets, pasted into a page, show the widget with the hosted file', async () => {
  const page = await open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await waitForStatus(page, /^No problems/);
  assert.equal(await page.locator('[data-testid="json-url"]').inputValue(), 'https://your-site.example/one-service-or-several.json');
  const hosted = `${env.url}sqlite-or-postgresql.json`;
  await page.fill('[data-testid="json-url"]', 'not an address');
  assert.match(await page.locator('[data-testid="json-url-note"]').innerText(), /not a full web address/);
  await page.fill('[data-testid="json-url"]', hosted);
  await page.click('[data-testid="copy-script"]');
  await page.locator('[data-testid="copy-status"]').filter({ hasText: 'copied' }).waitFor();
  const script = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(script, `<script type="module" src="${env.url}embed.js"></script>\n<backend-chooser src="${hosted}"></backend-chooser>`);
  await page.click('[data-testid="copy-frame"]');
  const frame = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(frame.startsWith(`<iframe src="${env.url}embed.html?src=${encodeURIComponent(hosted)}" title="One service or several?"`), frame);

  const prompt = firstPrompt(readFileSync(join(DIST, 'sqlite-or-postgresql.json'), 'utf8'));
  const host = await page.context().newPage();
  await host.route(`${env.url}blog-post.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A post</title></head><body><h1>My post</h1>\n${script}\n${frame}\n</body></html>`,
    }),
  );
  await host.goto(`${env.url}blog-post.html`);
  await host.locator('backend-chooser [data-testid="question"] [data-step-heading]').filter({ hasText: prompt }).waitFor();
  await host.frameLocator('iframe').locator('[data-testid="question"] [data-step-heading]').filter({ hasText: prompt }).waitFor();
});

test('keyboard only: Tab leaves the editor; every control is reachable', async () => {
  const page = await open();
  const before = await text(page);
  await page.locator('[data-testid="source"]').focus();
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'source', 'Tab is not trapped');
  assert.equal(await text(page), before, 'Tab typed nothing');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'source');
  // The toolbar, by keyboard: choose a template and load it, then Undo.
  await page.locator('[data-testid="template"]').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('[data-testid="template"]').inputValue(), 'node-vs-python.json');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'load-template');
  // Focus is visible: a 3 px outline on the focused control.
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineWidth), '3px');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="undo"]').waitFor();
  assert.equal(await text(page), readFileSync(join(DIST, 'node-vs-python.json'), 'utf8'));
  await page.locator('[data-testid="undo"]').press('Enter');
  assert.equal(await text(page), before);
});

async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds nothing on the playground, valid and broken (${colorScheme})`, async () => {
    const page = await open({ colorScheme });
    await waitForStatus(page, /^No problems/);
    await previewQuestion(page).first().waitFor();
    await page.locator('[data-testid="report-box"] summary').click();
    assert.deepEqual(await axeViolations(page), [], 'valid');
    await replaceTyped(page, STARTER.replace('"next": "known"', '"next": "nowhere"').replace('"version": 1,', '"version": 1'));
    await waitForStatus(page, /^\d+ problems?\./);
    await page.click('[data-testid="reset"]');
    assert.deepEqual(await axeViolations(page), [], 'broken, with the dialog open');
    await page.click('[data-testid="confirm-no"]');
  });
}

for (const width of [320, 360, 1280]) {
  test(`no horizontal scrolling at ${width} px; screenshots light and dark`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await open({ viewport: { width, height: 900 }, colorScheme, reducedMotion: 'reduce' });
      await waitForStatus(page, /^No problems/);
      await previewQuestion(page).first().waitFor();
      await replaceTyped(page, STARTER.replace('"version": 1,', '"version": 1'));
      await waitForStatus(page, /^\d+ problems?\./);
      await page.screenshot({ path: artifactPath(`playground-${width}-${colorScheme}.png`), fullPage: true });
      const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth} px wide in a ${clientWidth} px viewport`);
      // The gutter's numbers sit beside their lines: same line height, same scroll.
      await page.locator('[data-testid="source"]').evaluate((element) => (element.scrollTop = 200));
      await page.waitForFunction(() => document.getElementById('gutter').scrollTop === 200);
      const [gutterRow, sourceRow] = await page.evaluate(() => [document.querySelector('#gutter span:nth-child(11)'), document.getElementById('source')].map((element) => element.getBoundingClientRect().top));
      // Line 11 starts 10 lines (200 px) below the first: at the top of the scrolled textarea.
      assert.ok(Math.abs(gutterRow - (sourceRow + 8)) <= 1, `line 11's number at ${gutterRow}, the textarea's first row at ${sourceRow + 8}`);
      await page.context().close();
    }
  });
}

test('the standalone page links to the playground, outside the widget', async () => {
  const page = await openPage(env.browser, env.url);
  const link = page.getByRole('link', { name: 'Write your own comparison' });
  assert.equal(await link.evaluate((element) => element.closest('[data-testid="widget"], backend-chooser')), null);
  await link.click();
  await page.waitForURL(/playground\.html$/);
  await page.locator('[data-testid="status"][data-state]').waitFor();
  assert.equal(await text(page), STARTER);
});

test('the playground works under a strict Content-Security-Policy', async () => {
  const strict = await launch({
    headers: {
      'content-security-policy':
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' blob:; img-src 'self' data:; base-uri 'none'; form-action 'none'",
    },
  });
  try {
    const page = await openPage(strict.browser, `${strict.url}playground.html`);
    await page.locator('[data-testid="status"][data-state="ok"]').waitFor();
    await previewQuestion(page).filter({ hasText: firstPrompt(STARTER) }).waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await strict.close();
  }
});
