// The authoring playground (playground.html): a dataset editor beside the real widget.
// Validation is checker.js (the engine's own validator and report, compiled to wasm: the
// same code as `cargo run --bin check-dataset`); this file holds no rule of the format. The
// preview is <backend-chooser src="blob:…"> (embed.js) on the latest valid text. Everything
// from the text or a link is shown as text, never HTML. No request leaves this site.

import { LIMIT } from './dataset-loader.js';

const $ = (id) => document.getElementById(id);
const source = $('source');
const gutter = $('gutter');

/** localStorage keys: the draft and the author's JSON address. */
const DRAFT_KEY = 'backend-chooser-playground:draft';
const URL_KEY = 'backend-chooser-playground:json-url';
/** Share links longer than this may be cut short by browsers, chat apps and servers. */
export const LINK_LIMIT = 8000;
/** The largest document a share link may unpack to: the widget's own limit on a dataset (a
 *  hostile link cannot fill the memory). */
const MAX_TEXT = LIMIT;
const CHECK_DELAY = 300;
const SAVE_DELAY = 500;
/** Problems listed at most (the count says how many more). */
const SHOWN = 100;

let checker = null;
let lastValid = null;
let undoText = null;
let saveTimer = 0;
let checkTimer = 0;

const number = (n) => n.toLocaleString('en');
const plural = (n, word) => `${number(n)} ${word}${n === 1 ? '' : 's'}`;

// ---- Notices (what the last action did), with Undo when it replaced the text ----

function notice(text, { undo = false, download = false } = {}) {
  $('notice').textContent = text;
  // Once a replacement was made, Undo (or Redo) stays offered whatever is said next: a later
  // notice does not take the replaced text away with it.
  $('undo').hidden = undoText === null;
  if (undo) $('undo').textContent = 'Undo';
  $('notice-download').hidden = !download;
  $('share-field').hidden = true;
}

/** Replaces the whole text (template, reset, share link); Undo brings the old text back. */
function replaceText(text, message) {
  undoText = source.value;
  setText(text);
  notice(message, { undo: true });
}

function setText(text) {
  source.value = text;
  source.setSelectionRange(0, 0);
  source.scrollTop = 0;
  edited();
}

// Undo swaps the text with the one it replaced, and then offers Redo: neither loses a word.
$('undo').addEventListener('click', () => {
  if (undoText === null) return;
  const redo = $('undo').textContent === 'Undo';
  const text = undoText;
  undoText = source.value;
  setText(text);
  notice(redo ? 'Your previous text is back.' : 'The replacement is back.', { undo: true });
  $('undo').textContent = redo ? 'Redo' : 'Undo';
});

// ---- Storage: every failure (full, disabled, blocked) is said, never thrown ----

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function load(key) {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

let storageWarned = false;
function store(key, value) {
  try {
    const place = storage();
    if (!place) throw new Error('no storage');
    place.setItem(key, value);
    storageWarned = false;
    return true;
  } catch {
    if (!storageWarned) {
      storageWarned = true;
      notice('This browser could not save your draft (its storage is full or turned off): download the JSON to keep your work.', { download: true });
    }
    return false;
  }
}

const saveNow = () => {
  clearTimeout(saveTimer);
  store(DRAFT_KEY, source.value);
};
addEventListener('pagehide', saveNow);
// One draft per browser: a second tab's edits would replace this tab's draft, so say so
// (once: the notice would otherwise take the place of an Undo on every keystroke there).
let otherTabSaid = false;
addEventListener('storage', (event) => {
  if (otherTabSaid || event.key !== DRAFT_KEY || event.newValue === null || event.newValue === source.value) return;
  otherTabSaid = true;
  notice('Another playground tab saved a different draft. The tab you type in last is the one kept: download this text to keep both.', { download: true });
});

// ---- The editor: a textarea with a line-number gutter ----

let gutterLines = 0;
let markedLines = new Set();

function renderGutter(problemLines = markedLines) {
  const lines = source.value.split('\n').length;
  const same = lines === gutterLines && problemLines.size === markedLines.size && [...problemLines].every((line) => markedLines.has(line));
  if (same) return;
  gutterLines = lines;
  markedLines = problemLines;
  const fragment = document.createDocumentFragment();
  for (let line = 1; line <= lines; line += 1) {
    const span = document.createElement('span');
    span.textContent = String(line);
    if (problemLines.has(line)) span.className = 'pg-bad';
    fragment.append(span);
  }
  gutter.replaceChildren(fragment);
  syncScroll();
}

function syncScroll() {
  gutter.scrollTop = source.scrollTop;
}
source.addEventListener('scroll', syncScroll, { passive: true });

function edited() {
  renderGutter();
  clearTimeout(checkTimer);
  checkTimer = setTimeout(validate, CHECK_DELAY);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveNow, SAVE_DELAY);
}
source.addEventListener('input', edited);

/**
 * The text offset of a checker position: `line` is 1-based, `column` the 1-based column in
 * UTF-8 bytes, as serde_json and the engine count it.
 */
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let at = 1; at < line; at += 1) {
    const end = text.indexOf('\n', offset);
    if (end < 0) return text.length;
    offset = end + 1;
  }
  let bytes = Math.max(0, column - 1);
  while (bytes > 0 && offset < text.length && text[offset] !== '\n') {
    const code = text.codePointAt(offset);
    bytes -= code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    offset += code > 0xffff ? 2 : 1;
  }
  return offset;
}

/** Puts the cursor at a problem's place, scrolls it into view and focuses the editor. */
function goTo(line, column) {
  const offset = offsetOf(source.value, line, column);
  source.focus({ preventScroll: true });
  source.setSelectionRange(offset, offset);
  const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 20;
  const top = (line - 1) * lineHeight;
  if (top < source.scrollTop || top > source.scrollTop + source.clientHeight - 2 * lineHeight) {
    source.scrollTop = Math.max(0, top - source.clientHeight / 3);
  }
  // And the page, so the line is on screen (on a phone the editor is taller than the screen).
  const onScreen = source.getBoundingClientRect().top + top - source.scrollTop;
  if (onScreen < 0 || onScreen > innerHeight - 2 * lineHeight) scrollBy({ top: onScreen - innerHeight / 3 });
  syncScroll();
}

// ---- Validation (checker.js) and the preview ----

/** The checker's problems for `text`: [{ line, column, path, message }]. */
function problemsOf(text) {
  return JSON.parse(checker.check(text)).problems;
}

function validate() {
  if (!checker) return;
  const text = source.value;
  let problems;
  try {
    problems = problemsOf(text);
  } catch (error) {
    problems = [{ line: 0, column: 0, path: '', message: `The checker failed on this text (${error}).` }];
  }
  showProblems(problems);
  if (problems.length === 0) {
    preview(text);
    $('preview-note').textContent = 'The preview shows your text.';
  } else {
    const count = plural(problems.length, 'problem');
    $('preview-note').textContent = lastValid === null ? `Nothing to preview yet: ${count}.` : `The preview shows your last valid version: ${count}.`;
  }
}

function showProblems(problems) {
  const list = $('problems');
  list.replaceChildren();
  renderGutter(new Set(problems.map((problem) => problem.line).filter((line) => line > 0)));
  if (problems.length === 0) {
    $('status').textContent = 'No problems: the preview shows your text.';
    $('status').dataset.state = 'ok';
    return;
  }
  const first = problems[0];
  $('status').dataset.state = 'problems';
  // Short, as a live region should be; the list below says what each problem is.
  $('status').textContent = `${plural(problems.length, 'problem')}. The first is at ${place(first)}.`;
  for (const problem of problems.slice(0, SHOWN)) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.testid = 'problem';
    const where = document.createElement('span');
    where.className = 'pg-where';
    where.textContent = place(problem);
    const message = document.createElement('span');
    message.textContent = problem.message;
    button.append(where, ' ', message);
    // The checker's `syntax` and `input` are kinds, not places in the document.
    if (problem.path && problem.path !== 'syntax' && problem.path !== 'input') {
      const path = document.createElement('code');
      path.textContent = problem.path;
      button.append(' ', path);
    }
    if (problem.line > 0) button.addEventListener('click', () => goTo(problem.line, problem.column));
    else button.disabled = true;
    const item = document.createElement('li');
    item.append(button);
    list.append(item);
  }
  if (problems.length > SHOWN) {
    const item = document.createElement('li');
    item.textContent = `…and ${plural(problems.length - SHOWN, 'more problem')}.`;
    list.append(item);
  }
}

const place = ({ line, column }) => (line > 0 ? `line ${line}, column ${column}` : 'the whole document');

/** Shows `text` (valid) in the preview: a fresh element on a fresh blob: URL. */
function preview(text) {
  if (text === lastValid) return;
  lastValid = text;
  const widget = document.createElement('backend-chooser');
  urls.set(widget, URL.createObjectURL(new Blob([text], { type: 'application/json' })));
  widget.setAttribute('src', urls.get(widget));
  // The author is waiting for it: no waiting until it scrolls into view (as on a phone).
  widget.setAttribute('eager', '');
  // The reader's place in the preview carries over (answers that no longer fit are dropped
  // by the widget, which says so).
  if (answers) widget.setAttribute('answers', answers);
  swapIn(widget);
  updateSnippets();
  if ($('report-box').open) updateReport();
}

/** Each preview element's blob: URL, freed when the element goes. */
const urls = new WeakMap();
const drop = (widget) => {
  if (!widget) return;
  widget.remove();
  URL.revokeObjectURL(urls.get(widget));
};

let answers = '';
$('preview').addEventListener('backend-chooser:answer', (event) => (answers = event.detail?.fragment ?? ''));

/**
 * Shows `widget` in place of the previous preview once it has drawn itself (or after 5 s),
 * so the preview does not collapse to a loading line on every change.
 */
function swapIn(widget) {
  const box = $('preview');
  for (const pending of box.querySelectorAll('backend-chooser[hidden]')) drop(pending);
  const shown = box.querySelector('backend-chooser:not([hidden])');
  if (shown) widget.hidden = true;
  box.append(widget);
  const started = performance.now();
  const drawn = () => {
    if (!widget.isConnected) return;
    const root = widget.shadowRoot;
    const ready = root?.querySelector('.bc') && !root.querySelector('[data-testid="loading"]');
    if (!ready && performance.now() - started < 5000) {
      requestAnimationFrame(drawn);
      return;
    }
    const focused = shown?.matches(':focus-within');
    drop(shown);
    widget.hidden = false;
    if (focused) widget.shadowRoot?.querySelector('[data-step-heading], button, input')?.focus();
  };
  requestAnimationFrame(drawn);
}

function updateReport() {
  if (!checker) return;
  $('report').textContent = lastValid === null ? 'No valid version yet: fix the problems listed under the editor.' : checker.report(lastValid);
}
$('report-box').addEventListener('toggle', () => $('report-box').open && updateReport());

// ---- The latest valid document's id and title (for the file name and the snippets) ----

function describe() {
  try {
    const { id, title } = JSON.parse(lastValid ?? '');
    return { file: `${/^[a-z0-9-]{1,64}$/.test(id) ? id : 'my-comparison'}.json`, title: typeof title === 'string' ? title : 'Decision widget' };
  } catch {
    return { file: 'my-comparison.json', title: 'Decision widget' };
  }
}

// ---- Download ----

function download() {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([source.value], { type: 'application/json' }));
  link.download = describe().file;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
$('download').addEventListener('click', download);
$('notice-download').addEventListener('click', download);

// ---- Share links: the whole document, deflate-raw compressed, base64url, in the fragment ----

async function bytesOf(stream) {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function pack(text) {
  const bytes = await bytesOf(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw')));
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The document a fragment carries; throws an Error in the author's words if it cannot. */
export async function unpack(packed) {
  if (packed === '') throw new Error('it holds no document (nothing follows “#doc=”)');
  if (!/^[A-Za-z0-9_-]+$/.test(packed)) throw new Error('it holds characters a share link never has');
  let binary;
  try {
    binary = atob(packed.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    throw new Error('it was cut short or changed');
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_TEXT) {
        reader.cancel().catch(() => {});
        throw new Error(`it unpacks to more than ${number(MAX_TEXT)} bytes`);
      }
      parts.push(value);
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(parts).arrayBuffer());
  } catch (error) {
    throw error.message?.startsWith('it ') ? error : new Error('it was cut short or changed');
  }
}

async function share() {
  const url = new URL(location.href);
  url.hash = `doc=${await pack(source.value)}`;
  const link = url.href;
  if (link.length > LINK_LIMIT) {
    notice(
      `This document makes a share link of ${number(link.length)} characters, too long to send: browsers, chat apps and servers may cut links over ${number(LINK_LIMIT)} characters short. Send the JSON file instead.`,
      { download: true },
    );
    return;
  }
  let copied = false;
  try {
    await navigator.clipboard.writeText(link);
    copied = true;
  } catch {}
  notice(copied ? `Share link copied (${number(link.length)} characters): it opens this document in the playground.` : 'Copy this share link: it opens this document in the playground.');
  $('share-url').value = link;
  $('share-field').hidden = false;
  if (!copied) $('share-url').select();
}
$('share').addEventListener('click', () => share().catch((error) => notice(`No share link could be made: ${error.message}`)));

// ---- Templates and Reset ----

async function fetchTemplate(file) {
  const response = await fetch(new URL(file, location.href));
  if (!response.ok) throw new Error(`${file} answered ${response.status}`);
  return response.text();
}

function templateName(file) {
  return [...$('template').options].find((option) => option.value === file)?.textContent ?? file;
}

$('load-template').addEventListener('click', async () => {
  const file = $('template').value;
  try {
    const text = await fetchTemplate(file);
    if (text === source.value) {
      notice(`The editor already holds “${templateName(file)}”.`);
      return;
    }
    replaceText(text, `Template “${templateName(file)}” loaded.`);
  } catch (error) {
    notice(`The template could not load (${error.message}); your text is unchanged.`);
  }
});

/** Asks a question in the page's <dialog>; resolves to true for `yes`. */
function ask(question, yes, no) {
  const dialog = $('confirm');
  $('confirm-text').textContent = question;
  $('confirm-yes').textContent = yes;
  $('confirm-no').textContent = no;
  dialog.returnValue = '';
  return new Promise((done) => {
    dialog.addEventListener('close', () => done(dialog.returnValue === 'yes'), { once: true });
    dialog.showModal();
    $('confirm-no').focus();
  });
}

$('reset').addEventListener('click', async () => {
  const sure = await ask('Replace your whole text with the two-question starter? Undo brings your text back.', 'Replace with the starter', 'Keep my text');
  if (!sure) {
    $('reset').focus();
    return;
  }
  try {
    replaceText(await fetchTemplate('starter.json'), 'Reset to the starter.');
  } catch (error) {
    notice(`The starter could not load (${error.message}); your text is unchanged.`);
  }
  $('reset').focus();
});

// ---- The embed snippets ----

const attribute = (text) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
let urlEdited = load(URL_KEY) !== null;

function jsonUrl() {
  const value = $('json-url').value.trim();
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {}
  return null;
}

function updateSnippets() {
  if (!urlEdited) $('json-url').value = `https://your-site.example/${describe().file}`;
  const base = new URL('./', location.href).href;
  const url = jsonUrl();
  const note = $('json-url-note');
  note.dataset.state = url ? 'ok' : 'problem';
  note.textContent = url
    ? 'A full address, starting with https://. The file must be on the same site as your page, or served with CORS.'
    : 'This is not a full web address: write it starting with https:// (the snippets below use it as written).';
  const src = url ?? $('json-url').value.trim();
  $('script-snippet').value = `<script type="module" src="${base}embed.js"></script>\n<backend-chooser src="${attribute(src)}"></backend-chooser>`;
  $('frame-snippet').value =
    `<iframe src="${base}embed.html?src=${encodeURIComponent(src)}" title="${attribute(describe().title)}" data-backend-chooser allow="clipboard-write" width="100%" height="640" style="border:0"></iframe>\n` +
    `<script src="${base}embed-host.js" defer></script>`;
}

$('json-url').value = load(URL_KEY) ?? '';
$('json-url').addEventListener('input', () => {
  urlEdited = true;
  store(URL_KEY, $('json-url').value);
  updateSnippets();
});

async function copySnippet(field, name) {
  try {
    await navigator.clipboard.writeText(field.value);
    $('copy-status').textContent = `The ${name} snippet is copied.`;
  } catch {
    field.focus();
    field.select();
    $('copy-status').textContent = `Copying is blocked here: the ${name} snippet is selected, copy it with Ctrl+C (⌘C on a Mac).`;
  }
}
$('copy-script').addEventListener('click', () => copySnippet($('script-snippet'), 'script'));
$('copy-frame').addEventListener('click', () => copySnippet($('frame-snippet'), 'iframe'));

// ---- Start: a share link, else the saved draft, else the starter ----

async function start() {
  const draft = load(DRAFT_KEY);
  const packed = location.hash.startsWith('#doc=') ? location.hash.slice(5) : null;
  let shared = null;
  if (packed !== null) {
    try {
      shared = await unpack(packed);
    } catch (error) {
      notice(`This share link could not be opened: ${error.message}. ${draft !== null ? 'Your saved draft is shown.' : ''}`);
    }
    // Once read, the link leaves the address bar: a reload shows the draft, and asks nothing.
    history.replaceState(null, '', location.pathname + location.search);
  }
  if (shared !== null && draft !== null && draft !== shared) {
    setText(draft);
    const open = await ask(
      'This link holds a document that differs from the draft saved in this browser. Open the link’s document? Undo brings your draft back.',
      'Open the linked document',
      'Keep my draft',
    );
    if (open) replaceText(shared, 'The linked document is open; your draft is one Undo away.');
    else notice('Your draft is kept; the linked document was not opened.');
  } else if (shared !== null) {
    setText(shared);
    notice('The linked document is open.');
  } else if (draft !== null) {
    setText(draft);
    if (packed === null) notice('Your saved draft is back.');
  } else {
    try {
      setText(await fetchTemplate('starter.json'));
    } catch (error) {
      notice(`The starter could not load (${error.message}): write or paste a dataset.`);
    }
  }
  updateSnippets();
}

async function loadChecker() {
  try {
    const module = await import('./checker.js');
    await module.default();
    checker = module;
  } catch (error) {
    console.warn('playground: the checker did not load', error);
    $('status').textContent = 'The checker could not load in this browser, so your text is not checked and the preview does not change. Your text is still saved.';
    $('status').dataset.state = 'problems';
    return;
  }
  // The text may still be on its way (a template, a question about a share link): it is
  // checked once it is in the editor (edited(), and after start()).
  if (textReady) validate();
}

let textReady = false;
renderGutter();
start().then(() => {
  textReady = true;
  validate();
});
loadChecker();
