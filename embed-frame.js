// The iframe page (embed.html): one <backend-chooser> with the options from the query
// string, and its height posted to the parent page so embed-host.js can size the frame.
// embed-host.js may also set the theme and the documented colours (see `restyle`).
const query = new URLSearchParams(location.search);
// The page's element (with the pre-rendered first question) gets its options before
// embed.js defines it, so it starts once, with them.
const widget = document.querySelector('backend-chooser') ?? document.body.appendChild(document.createElement('backend-chooser'));
for (const name of ['theme', 'answers', 'compact', 'src']) {
  if (query.has(name)) widget.setAttribute(name, query.get(name));
}
// The page's pre-rendered screen is the full widget's first question: embed.js shows the
// right one for other options.
if (query.has('compact') || query.get('answers') || query.has('src')) widget.shadowRoot?.replaceChildren();
const { PROPERTIES } = await import('./embed.js');

/**
 * A value for one of the documented properties, or null: colours, lengths and font names
 * only. Nothing that could load a file (`url(`, `image(`, `src(`) or escape a value.
 */
const safe = (value) =>
  typeof value === 'string' && value.length <= 200 && /^[\w\s#%.,'"()+-]*$/.test(value) && !/url|image|src\s*\(/i.test(value)
    ? value
    : null;

/**
 * Applies a theme message from the host page: a new theme only recolours (embed.js keeps
 * the reader's answers, the open tab and focus), and each documented property is set on the
 * element or, when the message leaves it out, removed.
 */
function restyle({ theme, properties }) {
  if (['light', 'dark', 'auto'].includes(theme)) widget.setAttribute('theme', theme);
  for (const name of PROPERTIES) {
    const value = safe(properties?.[name]);
    if (value) widget.style.setProperty(name, value);
    else widget.style.removeProperty(name);
  }
}

if (parent !== window) {
  const page = document.documentElement;
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(page.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // The height is not secret; embed-host.js checks where the message comes from.
    parent.postMessage({ type: 'backend-chooser:height', height }, '*');
  }).observe(page);

  // Only the page that embeds this frame may restyle it: the message must come from the
  // parent window and, where the browser names the parent's origin, from that origin.
  const hostOrigin = location.ancestorOrigins?.[0];
  addEventListener('message', (event) => {
    if (event.source !== parent || (hostOrigin && event.origin !== hostOrigin)) return;
    if (event.data?.type === 'backend-chooser:theme') restyle(event.data);
  });
  parent.postMessage({ type: 'backend-chooser:ready' }, '*');
}
