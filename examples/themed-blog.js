// The blog's own dark-mode switch: it only toggles a class on <html> (the widget follows
// with theme="host"; embed-host.js tells the iframe).
const button = document.getElementById('mode');
button.addEventListener('click', () => {
  const dark = document.documentElement.classList.toggle('dark');
  button.setAttribute('aria-pressed', String(dark));
});
