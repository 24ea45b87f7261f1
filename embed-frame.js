// The iframe page (embed.html): one <backend-chooser> with the options from the query
// string, and its height posted to the parent page so embed-host.js can size the frame.
import './embed.js';

const query = new URLSearchParams(location.search);
const widget = document.createElement('backend-chooser');
for (const name of ['theme', 'answers', 'compact']) {
  if (query.has(name)) widget.setAttribute(name, query.get(name));
}
document.body.append(widget);

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
}
