// Optional, for pages that embed backend-chooser in an iframe. Add after the iframe:
//   <script src="https://YOUR-HOST/PATH/embed-host.js" defer></script>
// 1. Sizes every <iframe data-backend-chooser> to its content. It trusts a height message
//    only from that iframe's own window and origin, and keeps the height between 200 and
//    10000 px.
// 2. Themes it like the <backend-chooser> element, without a reload: the iframe's
//    `data-theme` (light, dark, auto, host) and the documented --bc-* properties set on it
//    or any ancestor are sent to the frame (to the frame's origin only) when it is ready and
//    whenever the host page's light or dark mode, or the iframe's attributes, change.
//    `backendChooserHost.refresh()` sends them again (after a stylesheet change, say).
(() => {
  if (window.backendChooserHost) return;
  const originOf = (frame) => {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch {
      return null;
    }
  };
  const frames = () => document.querySelectorAll('iframe[data-backend-chooser]');
  // The theming helpers of embed.js (beside embed.html), loaded when a frame is first ready.
  let theming = null;
  const sent = new WeakMap();
  const attributes = new MutationObserver((changes) => changes.forEach(({ target }) => send(target)));

  function send(frame) {
    const origin = originOf(frame);
    if (!theming || !origin || !frame.contentWindow) return;
    const style = getComputedStyle(frame);
    const properties = {};
    for (const name of theming.PROPERTIES) {
      const value = style.getPropertyValue(name).trim();
      if (value) properties[name] = value;
    }
    let theme = frame.dataset.theme?.trim().toLowerCase() ?? null;
    if (theme === 'host') theme = theming.hostTheme(frame);
    const message = { type: 'backend-chooser:theme', theme, properties };
    const key = JSON.stringify(message);
    if (sent.get(frame) === key) return;
    sent.set(frame, key);
    frame.contentWindow.postMessage(message, origin);
  }

  function ready(frame) {
    sent.delete(frame);
    attributes.observe(frame, { attributes: true, attributeFilter: ['data-theme', 'style', 'class'] });
    if (theming) return send(frame);
    import(new URL('embed.js', frame.src).href).then((module) => {
      if (theming) return;
      theming = module;
      theming.watchHost(refresh);
      refresh();
    });
  }

  function refresh() {
    for (const frame of frames()) send(frame);
  }

  window.backendChooserHost = { refresh };
  addEventListener('message', (event) => {
    const { data } = event;
    const height = data?.type === 'backend-chooser:height' && Number.isFinite(data.height);
    if (!height && data?.type !== 'backend-chooser:ready') return;
    for (const frame of frames()) {
      if (frame.contentWindow !== event.source) continue;
      if (event.origin !== originOf(frame)) return;
      if (height) frame.style.height = `${Math.min(10000, Math.max(200, Math.ceil(data.height)))}px`;
      // A (re)loaded frame listens now: send it its theme.
      else ready(frame);
      return;
    }
  });
})();
