// Optional, for pages that embed backend-chooser in an iframe: sizes every
// <iframe data-backend-chooser> to its content. Add after the iframe:
//   <script src="https://YOUR-HOST/PATH/embed-host.js" defer></script>
// It trusts a height message only from that iframe's own window and origin, and keeps the
// height between 200 and 10000 px.
(() => {
  if (window.backendChooserHost) return;
  window.backendChooserHost = true;
  addEventListener('message', (event) => {
    const { data } = event;
    if (!data || data.type !== 'backend-chooser:height' || !Number.isFinite(data.height)) return;
    for (const frame of document.querySelectorAll('iframe[data-backend-chooser]')) {
      if (frame.contentWindow !== event.source) continue;
      let origin;
      try {
        origin = new URL(frame.src, document.baseURI).origin;
      } catch {
        return;
      }
      if (event.origin !== origin) return;
      frame.style.height = `${Math.min(10000, Math.max(200, Math.ceil(data.height)))}px`;
      return;
    }
  });
})();
