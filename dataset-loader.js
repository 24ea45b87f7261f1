// An outside dataset (README, "Write your own comparison"): fetched once per URL per page,
// with a size limit and a timeout, then checked by the engine's own validator (checker.js, a
// wasm of its own, loaded only here). Only text the checker accepts is handed to the widget,
// whose wasm reads it without checking it again. Every way it can fail comes back as a
// message in an author's terms; nothing here throws at its callers.
// Imported on demand by embed.js (the `src` attribute) and by the standalone page (`?src=`).

/** The largest dataset read: the engine's own limit (engine::validate::MAX_INPUT_BYTES). */
export const LIMIT = 512 * 1024;
/** How long a server may take to send the whole file. */
export const TIMEOUT_MS = 10_000;

const HERE = new URL('./', import.meta.url);
const cache = new Map();
let checker;

/** The checker's `check`, instantiated once per page. */
const checkerReady = () =>
  (checker ??= import('./checker.js').then(async (glue) => {
    await glue.default({ module_or_path: new URL('checker_bg.wasm', HERE) });
    return glue.check;
  }));

/** A failure: one summary line, and the problems (each `{ line, column, path, message }`). */
const failure = (summary, problems = []) => ({ ok: false, summary, problems });

/** What each side of an unchecked dataset means, for a reader without the widget: text only. */
function sides(text) {
  try {
    const { title, sides } = JSON.parse(text);
    return [String(title), ...sides.slice(0, 12).map(({ label, summary }) => `${label}: ${summary}`)];
  } catch {
    return [];
  }
}

/** `value` as an absolute http(s) or blob URL, or null. */
export function datasetUrl(value, base = document.baseURI) {
  // An empty address would be the page itself.
  if (!String(value).trim()) return null;
  try {
    const url = new URL(String(value).trim(), base);
    return ['https:', 'http:', 'blob:'].includes(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/** The body as text, refused as soon as it passes `LIMIT` bytes. */
async function readLimited(response) {
  const declared = Number(response.headers.get('content-length'));
  if (declared > LIMIT) return null;
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > LIMIT) {
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

async function fetchAndCheck(url) {
  const where = url.protocol === 'blob:' ? 'the dataset' : url.href;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let text;
  try {
    // No cookies or credentials go with it: a dataset is a public file.
    const response = await fetch(url, { signal: abort.signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!response.ok) {
      return failure(`The comparison could not be loaded: ${where} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
    }
    text = await readLimited(response);
    if (text === null) {
      return failure(`The comparison could not be loaded: ${where} is larger than ${LIMIT / 1024} KiB, the limit for a dataset.`);
    }
    if (/^\s*</.test(text)) {
      return failure(`The comparison could not be loaded: ${where} is a web page, not a JSON dataset. Check the address.`);
    }
  } catch {
    return failure(
      abort.signal.aborted
        ? `The comparison could not be loaded: ${where} did not arrive within ${TIMEOUT_MS / 1000} seconds.`
        : url.origin !== location.origin
          ? `The comparison could not be loaded: ${where} is on another site, and its server did not allow this page to read it (it must send an Access-Control-Allow-Origin header: CORS), or it could not be reached.`
          : `The comparison could not be loaded: ${where} could not be fetched (the network may be down).`,
    );
  } finally {
    clearTimeout(timer);
  }
  let check;
  try {
    check = await checkerReady();
  } catch {
    return { ...failure('The interactive comparison cannot run in this browser or on this page (it needs WebAssembly).'), sides: sides(text) };
  }
  let problems;
  try {
    ({ problems } = JSON.parse(check(text)));
  } catch {
    return failure('The comparison could not be checked.');
  }
  if (problems.length) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    return failure(`The comparison in ${where} has ${count}, so its questions cannot be shown:`, problems);
  }
  return { ok: true, text, url: url.href };
}

/**
 * The checked text of the dataset at `url` (an absolute URL from `datasetUrl`), as
 * `{ ok: true, text, url }`, or `{ ok: false, summary, problems }`. Fetched once per URL
 * per page, however many widgets show it (blob: URLs each time).
 */
export function loadDataset(url) {
  // A blob: URL (the playground's preview) is made for one use: not kept.
  if (url.protocol === 'blob:') return fetchAndCheck(url);
  let loaded = cache.get(url.href);
  if (!loaded) cache.set(url.href, (loaded = fetchAndCheck(url)));
  return loaded;
}

const make = (parent, tag, attributes = {}, text) => {
  const element = parent.ownerDocument.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text) element.textContent = text;
  parent.append(element);
  return element;
};

/**
 * Shows a failure from `loadDataset` in `parent`, as text: the summary, then each problem
 * with its line, column and path, as an editor would point at it.
 */
export function showFailure(parent, theme, { summary, problems, sides = [] }) {
  const card = make(parent, 'div', { class: 'bc', part: 'card', 'data-theme': theme, 'data-testid': 'widget' });
  const box = make(card, 'div', { class: 'bc-notice bc-error', role: 'alert', 'data-testid': 'dataset-error' });
  make(box, 'p', {}, summary);
  for (const line of sides) make(card, 'p', {}, line);
  if (!problems.length) return;
  const list = make(box, 'ol', { class: 'bc-problems' });
  for (const { line, column, path, message } of problems) {
    const item = make(list, 'li');
    // A syntax error's place is its line and column alone (its path is `syntax`).
    const place = [line ? `line ${line}, column ${column}` : '', ['input', 'syntax'].includes(path) ? '' : path].filter(Boolean).join(': ');
    if (place) make(item, 'code', {}, place);
    item.append(`${place ? ': ' : ''}${message}`);
  }
}
