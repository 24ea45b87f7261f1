// backend-chooser loader: defines <backend-chooser>. Paste on any page:
//   <script type="module" src="https://YOUR-HOST/PATH/embed.js"></script>
//   <backend-chooser theme="auto" answers="" compact></backend-chooser>
// With src="…/my-comparison.json" it shows an outside dataset (dataset-loader.js).
// It finds its files beside itself, loads the wasm once per page, and mounts each element's
// widget in its own shadow root. No inline script or style: works under
// Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval' (with this host in it).
// embed-frame.js and embed-host.js import the theming helpers it exports.
const HERE = new URL('./', import.meta.url);
const THEMES = ['light', 'dark', 'auto', 'host'];
/** The custom properties a host page may set (README, "Theming"; custom-elements.json). */
export const PROPERTIES = ['accent', 'accent-text', 'bg', 'surface', 'text', 'muted', 'border', 'focus',
  'node', 'python', 'hybrid', 'warn-bg', 'warn-text', 'radius', 'font'].map((name) => `--bc-${name}`);

const said = (value) => (/^(dark|light)$/i.test(value ?? '') ? value.toLowerCase() : null);
const scheme = (value = '') => {
  const words = value.toLowerCase().split(/\s+/);
  if (words.includes('dark') !== words.includes('light')) return words.includes('dark') ? 'dark' : 'light';
  return null;
};

/**
 * `theme="host"`: the host page's own light or dark mode, as `light`, `dark` or `auto` (the
 * reader's system setting). Read from `<html>` then `<body>`: a `data-theme`,
 * `data-bs-theme`, `data-color-scheme` or `data-mode` of dark or light, or a `dark` or
 * `light` class; then the CSS `color-scheme` around `element`, then `<meta name="color-scheme">`.
 */
export function hostTheme(element) {
  for (const node of [document.documentElement, document.body]) {
    if (!node) continue;
    const { theme, bsTheme, colorScheme, mode } = node.dataset;
    const found = said(theme) ?? said(bsTheme) ?? said(colorScheme) ?? said(mode);
    if (found) return found;
    for (const name of ['dark', 'light']) if (node.classList.contains(name)) return name;
  }
  const around = element.parentElement ?? document.documentElement;
  return (
    scheme(getComputedStyle(around).colorScheme) ??
    scheme(document.querySelector('meta[name="color-scheme"]')?.content) ??
    'auto'
  );
}

/** Calls `changed` whenever the host page may have switched its light or dark mode. */
export function watchHost(changed) {
  const observer = new MutationObserver(changed);
  const options = { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-bs-theme', 'data-color-scheme', 'data-mode'] };
  observer.observe(document.documentElement, options);
  if (document.body) observer.observe(document.body, options);
  const media = matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', changed);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', changed);
  };
}

/**
 * The outside dataset at `src`, fetched and checked once per URL per page: `{ text }`, or
 * `{ ok: false, show }` to show why not (dataset-loader.js, loaded only for `src`).
 */
const outside = async (src) => {
  const { datasetUrl, loadDataset, showFailure } = await import('./dataset-loader.js');
  const url = datasetUrl(src);
  const loaded = url
    ? await loadDataset(url)
    : { ok: false, summary: `src="${src}" is not an http or https address of a dataset.`, problems: [] };
  return { ...loaded, show: (parent, theme) => showFailure(parent, theme, loaded) };
};

let ready;
/** The wasm, instantiated once per page however many elements there are. */
const load = () =>
  (ready ??= import('./backend-chooser.js').then(async (glue) => {
    await glue.default();
    return glue;
  }));

const screens = {};
/**
 * The embedded widget's first screen (the first question, full or compact) and the summary
 * shown where the widget cannot run, as the build wrote them (src/bin/prerender.rs):
 * fetched and parsed once per page, a copy for each element.
 */
const firstScreen = async (compact) => {
  screens[compact] ??= fetch(new URL(compact ? 'first-screen-compact.html' : 'first-screen.html', HERE)).then(async (response) => {
    if (!response.ok) throw response.status;
    const template = document.createElement('template');
    template.innerHTML = await response.text();
    return template.content;
  });
  return (await screens[compact]).cloneNode(true);
};

/**
 * The shadow root's own listeners. Until the wasm runs, the pre-rendered question in `root`
 * works as a plain form: a Next is remembered (and, with no answer chosen, says what to do),
 * not sent, and so is a tab (Compare, Tree map: their contents are the wasm's). Print from an
 * embed prints the widget, not the host page: before the widget's own handler sees the click
 * (it would print the whole page), a copy of it is printed.
 */
function listen(root) {
  root.addEventListener('submit', (event) => {
    const early = event.target.closest('[data-prerendered]');
    if (!early) return;
    event.preventDefault();
    // A tab chosen before this Next is dropped (index.html's script says why).
    early.next = true;
    early.tab = null;
    const chosen = !!event.target.querySelector(':checked');
    event.target.querySelector('[data-testid="choose-first"]').hidden = chosen;
    // Kept for the wasm: "Loading…" by Next says so (widget.css).
    if (chosen) early.dataset.waiting = '';
  });
  root.addEventListener(
    'click',
    (event) => {
      const tab = event.target.closest('[data-prerendered] [data-tab]');
      if (tab) tab.closest('[data-prerendered]').tab = tab.dataset.tab;
      const button = event.target.closest('[data-action="print"]');
      if (!button) return;
      event.stopPropagation();
      event.preventDefault();
      printCopy(button.closest('.bc'));
    },
    true,
  );
}

/**
 * What the reader did on the pre-rendered question `early` (`question`, the answer `chosen`,
 * both read before the wasm ran), passed on to the wasm's widget in `widget`: it took those
 * nodes over (focus is still on them; a chosen radio too, unless the widget's ids changed:
 * a second widget on the page) or, where it could not, built its own; then a Next given
 * early is sent to its handler, and a tab chosen early is opened.
 */
function replay(early, widget, question, chosen) {
  delete early.dataset.waiting;
  // The widget says "choose first" itself if it applies.
  for (const alert of [early, widget].map((root) => root.querySelector('[data-testid="choose-first"]'))) if (alert) alert.hidden = true;
  const form = widget.querySelector(`form:has([data-question="${question}"])`);
  if (form) {
    const radio = chosen && form.querySelector(`input[value="${CSS.escape(chosen)}"]`);
    if (radio) radio.checked = true;
    if (early.next) form.requestSubmit();
  }
  if (early.tab) widget.querySelector(`[data-tab="${early.tab}"]`)?.click();
}

const make = (parent, tag, attributes = {}, text) => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text) element.textContent = text;
  parent.append(element);
  return element;
};

/**
 * Resolves once a stylesheet link has loaded, or failed (the widget then still works), or
 * after 3 s if a browser signals neither: never a widget stuck on its loading line.
 */
const settled = (link) =>
  new Promise((done) => {
    if (link.sheet) done();
    link.onload = link.onerror = done;
    setTimeout(done, 3000);
  });

/**
 * Prints `root` (a widget) alone: a copy of its DOM in a hidden frame of its own, styled by
 * widget.css (whose print rules hide the buttons), printed from that frame's window.
 */
function printCopy(root) {
  document.querySelector('iframe[data-backend-chooser-print]')?.remove();
  const frame = make(document.body, 'iframe', { 'data-backend-chooser-print': '', 'aria-hidden': 'true', tabindex: '-1', title: 'Print view' });
  // CSSOM, not a style attribute: allowed under a strict style-src.
  Object.assign(frame.style, { position: 'fixed', width: '0', height: '0', border: '0', visibility: 'hidden' });
  const page = frame.contentDocument;
  page.documentElement.lang = document.documentElement.lang || 'en';
  page.title = root.querySelector('.bc-title')?.textContent ?? document.title;
  const style = make(page.head, 'link', { rel: 'stylesheet', href: new URL('widget.css', HERE).href });
  const copy = page.importNode(root, true);
  // Printed, the parts one tap away (compact mode) are open.
  for (const details of copy.querySelectorAll('details')) details.open = true;
  page.body.append(copy);
  settled(style).then(() => {
    frame.contentWindow.addEventListener('afterprint', () => frame.remove(), { once: true });
    frame.contentWindow.print();
  });
}

class BackendChooser extends HTMLElement {
  static observedAttributes = ['theme', 'answers', 'compact', 'standalone-url', 'eager', 'src'];
  #near = null;
  #go = null;
  #handle = null;
  #answers = null;
  #run = 0;
  #parts;
  #unwatch = null;

  constructor() {
    super();
    // The reader's current answers, kept across updates and re-adding.
    this.addEventListener('backend-chooser:answer', (event) => {
      if (event.target === this) this.#answers = event.detail.fragment;
    });
  }

  connectedCallback() {
    // A stylesheet in a shadow root loads again each time its element is connected: until it
    // has, the host's inherited styles would show through, so the remount waits for it.
    if (this.#parts) this.#parts.styled = settled(this.#parts.style);
    this.#mount();
  }

  disconnectedCallback() {
    this.#run += 1;
    this.#unmount();
    this.#follow(false);
  }

  /** Starts or stops following the host page's light or dark mode (`theme="host"`). */
  #follow(on) {
    if (on && !this.#unwatch) this.#unwatch = watchHost(() => this.#recolour());
    if (!on) this.#unwatch?.();
    if (!on) this.#unwatch = null;
  }

  /** Sets the resolved theme on every widget root inside: a recolour, nothing restarts. */
  #recolour() {
    if (!this.#parts) return;
    const { theme } = this.#options();
    for (const root of this.shadowRoot.querySelectorAll('.bc')) root.dataset.theme = theme;
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value) return;
    if (name === 'eager') return value === null || this.#go?.();
    if (name === 'answers') this.#answers = value;
    if (!this.#parts || !this.isConnected) return;
    // A valid theme only recolours: the reader keeps the open tab, the filter and focus.
    const options = this.#options();
    if (name === 'theme' && this.#handle && options.problems.length === 0) {
      this.#parts.messages.replaceChildren();
      this.#follow(options.follow);
      this.#recolour();
      return;
    }
    this.#mount();
  }

  #unmount() {
    this.#handle?.unmount();
    this.#handle = null;
  }

  /** The options from the attributes, and a message for each bad one. */
  #options() {
    const problems = [];
    // Enumerated attributes are case-insensitive in HTML.
    let theme = (this.getAttribute('theme') ?? 'auto').trim().toLowerCase();
    if (!THEMES.includes(theme)) {
      problems.push(`theme="${theme}" is not one of ${THEMES.join(', ')}; using auto.`);
      theme = 'auto';
    }
    const follow = theme === 'host';
    if (follow) theme = hostTheme(this);
    const compactValue = this.getAttribute('compact');
    const compactWord = compactValue?.trim().toLowerCase();
    let compact = ['', 'compact', 'true', 'yes'].includes(compactWord);
    if (compactValue !== null && !compact && !['false', 'no'].includes(compactWord)) {
      problems.push(`compact="${compactValue}" is not a yes or no; write compact (or leave it out). Using the full widget.`);
    }
    let standalone = new URL('./', HERE).href;
    // An outside dataset: its address (checked by dataset-loader.js) and, unless the
    // author names another page, the standalone page showing it.
    const src = this.getAttribute('src');
    const url = src === null ? null : URL.parse?.(src.trim(), document.baseURI);
    if (url && /^https?:$/.test(url.protocol)) standalone += `?src=${encodeURIComponent(url.href).replace(/%3A/g, ':').replace(/%2F/g, '/')}`;
    const link = this.getAttribute('standalone-url');
    if (link !== null) {
      let url = null;
      try {
        if (link.trim() !== '') url = new URL(link.trim(), document.baseURI);
      } catch {}
      if (url && (url.protocol === 'https:' || url.protocol === 'http:')) {
        standalone = url.href.split('#')[0];
      } else {
        problems.push(`standalone-url="${link}" is not an http or https address; links go to ${standalone}.`);
      }
    }
    const answers = this.#answers ?? this.getAttribute('answers') ?? '';
    return { theme, follow, compact, standalone, answers, problems, src };
  }

  async #mount() {
    const run = ++this.#run;
    this.#unmount();
    if (!this.#parts) {
      // embed.html's element comes with its shadow root: the stylesheet, the messages and
      // the pre-rendered widget (a declarative shadow root), kept as they are.
      let root = this.shadowRoot;
      const [style, messages, widget] = root?.querySelector('[data-prerendered]') ? root.children : [];
      if (style) this.#parts = { style, styled: settled(style), messages, widget };
      else {
        root ??= this.attachShadow({ mode: 'open' });
        root.replaceChildren();
        const style = make(root, 'link', { rel: 'stylesheet', href: new URL('widget.css', HERE).href });
        this.#parts = { style, styled: settled(style), messages: make(root, 'div'), widget: make(root, 'div') };
      }
      listen(root);
    }
    const { styled, messages, widget } = this.#parts;
    const options = this.#options();
    this.#follow(options.follow);
    messages.replaceChildren();
    if (options.problems.length) {
      const box = make(make(messages, 'div', { class: 'bc', 'data-theme': options.theme }), 'div', {
        class: 'bc-notice',
        role: 'alert',
        'data-testid': 'attribute-problems',
      });
      for (const problem of options.problems) make(box, 'p', {}, problem);
    }
    // Whether the pre-rendered first screen (the default dataset's first question, from the
    // start) is what this element's widget starts with.
    const fits = !options.answers && options.src === null;
    // A pre-rendered screen that these options do not start with goes (embed-frame.js removes
    // embed.html's when its query asks for another).
    // The first screen before the wasm: on a slow connection the wasm would delay it.
    const first = fits && this.#showFirstScreen(run, options);
    if (!fits && (!widget.hasChildNodes() || widget.querySelector('[data-prerendered]'))) this.#loading(options);
    let glue = null;
    let dataset;
    try {
      [glue, dataset] = await Promise.all([
        this.#nearby().then(() => first).then(load),
        options.src === null ? {} : this.#nearby().then(() => outside(options.src)),
        styled,
      ]);
    } catch (error) {
      console.warn('backend-chooser: the widget could not start; showing a summary instead.', error);
      // The summary the build wrote after the first screen (if that file could load).
      const summary = widget.querySelector('[data-fallback]') ?? (await firstScreen(false).catch(() => null))?.querySelector('[data-fallback]');
      await styled;
      if (run !== this.#run) return;
      widget.replaceChildren();
      // An outside dataset says why, with its own summary when it has one.
      if (options.src !== null) return (await outside(options.src)).show(widget, options.theme);
      const box = make(widget, 'div', { class: 'bc', part: 'card', 'data-theme': options.theme, 'data-testid': 'fallback' });
      if (summary) box.append(summary);
      summary?.removeAttribute('hidden');
      make(make(box, 'p'), 'a', { href: options.standalone }, 'Open the full comparison');
      return;
    }
    // The mount in a task of its own, not in the one that started the wasm (which read the
    // dataset): two shorter tasks keep the page answering the reader.
    await new Promise((go) => setTimeout(go));
    if (run !== this.#run || !this.isConnected) return;
    // The wasm takes a pre-rendered screen over (`mount_embedded`); anything else here goes.
    const early = widget.querySelector('[data-prerendered]');
    const question = early?.querySelector('[data-question]').dataset.question;
    const chosen = early?.querySelector(':checked')?.value;
    if (!early || dataset.ok === false) widget.replaceChildren();
    if (dataset.ok === false) return dataset.show(widget, options.theme);
    try {
      this.#handle = glue.mount_embedded(widget, options.answers, options.theme, options.compact, options.standalone, dataset.text);
    } catch (why) {
      widget.replaceChildren();
      const { showFailure } = await import('./dataset-loader.js');
      showFailure(widget, options.theme, { summary: `The comparison could not be read: ${why}`, problems: [] });
    }
    // The widget's root box is `::part(card)` (its other parts are named by the wasm's markup).
    widget.querySelector('.bc')?.setAttribute('part', 'card');
    // Once the widget has rendered (its effects run before the next frame).
    if (early) requestAnimationFrame(() => replay(early, widget, question, chosen));
  }

  /**
   * Resolves when this widget should load its wasm: at once with `eager` (or once the wasm
   * is on the page), otherwise when the element comes within a screen of the viewport or the
   * reader touches or focuses it, whichever is first.
   */
  #nearby() {
    return (this.#near ??= new Promise((go) => {
      const events = ['focusin', 'pointerdown'];
      const observer = window.IntersectionObserver && new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && this.#go(), { rootMargin: '100% 0px' });
      this.#go = () => {
        observer?.disconnect();
        for (const type of events) this.removeEventListener(type, this.#go);
        go();
      };
      if (ready || this.hasAttribute('eager') || !observer) return this.#go();
      observer.observe(this);
      for (const type of events) this.addEventListener(type, this.#go);
    }));
  }

  /**
   * Shows the pre-rendered first question (once the stylesheet is in) in place of the
   * loading line, unless the widget has moved on; without it, the loading line stays.
   */
  async #showFirstScreen(run, options) {
    const { styled, widget } = this.#parts;
    // Still nothing shown, or the loading line: the wasm's widget (or the fallback) stays.
    const waiting = () => run === this.#run && (!widget.hasChildNodes() || widget.querySelector('[data-testid="loading"]'));
    try {
      if (!widget.querySelector('[data-prerendered]')) {
        const [screen] = await Promise.all([firstScreen(options.compact), styled]);
        if (!waiting()) return;
        widget.replaceChildren(screen);
      }
      const screen = widget.querySelector('[data-prerendered]');
      screen.dataset.theme = options.theme;
      screen.setAttribute('part', 'card');
    } catch (error) {
      console.warn('backend-chooser: no first screen', error);
      if (waiting()) this.#loading(options);
    }
  }

  /** Something to read while the wasm loads on a slow connection (replaced on mount). */
  #loading({ theme }) {
    const { widget } = this.#parts;
    widget.replaceChildren();
    make(make(widget, 'div', { class: 'bc', part: 'card', 'data-theme': theme }), 'p', { 'data-testid': 'loading' }, 'Loading the decision widget…');
  }
}

if (!customElements.get('backend-chooser')) customElements.define('backend-chooser', BackendChooser);
