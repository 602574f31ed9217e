// Script-tag embed of the explorer. Put a placeholder where the graphic goes and load this once:
//
//   <div data-explorer-src="https://example.org/graphics/explorer.html"
//        data-lang="fr" data-view="network" data-theme="auto" data-sel="org:inria"></div>
//   <script src="https://example.org/graphics/embed.js" async></script>
//
// Each placeholder becomes an iframe that sizes itself: the widget reports the height it reads
// best at (message {type: 'explorer:height'}), and this script applies it. Optional attributes:
// data-lang (fr, en), data-theme (light, dark, auto), data-view (network, matrix, table,
// projects), data-sel (an entity id), data-interactive ("0" for a static picture), data-font (a
// CSS font stack for the canvas's text, e.g. the article's typeface),
// data-height (a fixed height in px), data-title (the iframe's title for screen readers).
(function () {
  'use strict';
  var options = ['lang', 'theme', 'view', 'sel', 'interactive', 'font'];
  var frames = [];

  function build(placeholder) {
    if (placeholder.getAttribute('data-explorer-ready')) return;
    placeholder.setAttribute('data-explorer-ready', '1');
    var src = placeholder.getAttribute('data-explorer-src');
    if (!src) return;
    var url;
    try { url = new URL(src, document.baseURI); } catch (e) { return; }
    if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'file:') return;
    options.forEach(function (name) {
      var value = placeholder.getAttribute('data-' + name);
      if (value !== null && value !== '') url.searchParams.set(name, value);
    });
    var iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = placeholder.getAttribute('data-title') ||
      'Explorateur des lauréats « Communs numériques pour l’IA générative »';
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('scrolling', 'no');
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    var fixed = parseInt(placeholder.getAttribute('data-height') || '', 10);
    iframe.style.height = (fixed > 0 ? fixed : 600) + 'px';
    placeholder.appendChild(iframe);
    frames.push({ iframe: iframe, fixed: fixed > 0 });
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'explorer:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 200 || height > 4000) return;
    frames.forEach(function (entry) {
      if (!entry.fixed && entry.iframe.contentWindow === event.source) entry.iframe.style.height = Math.round(height) + 'px';
    });
  });

  function scan() {
    var placeholders = document.querySelectorAll('[data-explorer-src]');
    for (var i = 0; i < placeholders.length; i++) build(placeholders[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
