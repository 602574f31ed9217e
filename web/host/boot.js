// web/host/boot.js — starting the module, sizing it from its container, stopping it when it cannot
// be seen. The files of web/host/ share one scope: scripts/assemble_page.mjs concatenates them, in
// the order boot, glyphs, url-sync, api, share, mirror, preferences, start, inside one function of the
// single-file page. Everything the module needs is already in the page: no request leaves it.

// What web/unpack.js took out of the packed element: the wasm, the dataset when it travelled
// packed (null otherwise) and the page as it was delivered, before anything ran ("Save for
// offline" writes it back out).
var packed = window.explorerPacked;
delete window.explorerPacked;
var pristinePage = packed.page;
var container = document.getElementById('explorer');
var canvas = document.getElementById('explorer-canvas');
var statusBox = document.getElementById('explorer-status');
// The text version a reader gets without JavaScript or WebGL 2 (web/shell.html); hidden at the first frame.
var fallback = document.getElementById('explorer-fallback');
var module = null;
var resolveReady;
var rejectReady;
var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });
// A host that never awaits `ready` must not see an unhandled rejection when WebGL2 is missing.
ready.catch(function () {});
var inIframe = window.parent !== window;

// ---- Options: query string (?lang=fr&theme=dark&view=matrix&sel=org:inria&interactive=0) ----
var query = new URLSearchParams(location.search);
function browserLanguage() {
  var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  for (var i = 0; i < langs.length; i++) {
    var tag = String(langs[i]).toLowerCase();
    if (tag.indexOf('fr') === 0) return 'fr';
    if (tag.indexOf('en') === 0) return 'en';
  }
  return 'en';
}
var defaults = { lang: browserLanguage() };
if (query.get('lang')) defaults.lang = query.get('lang');
if (query.get('theme')) defaults.theme = query.get('theme');
if (query.get('view')) defaults.view = query.get('view');
if (query.get('sel')) defaults.selection = query.get('sel');
var interactive = query.get('interactive') !== '0';

// ---- Messages shown in place of the widget ----
function showMessage(fr, en) {
  container.removeAttribute('aria-busy'); // nothing more to wait for
  statusBox.hidden = false;
  statusBox.textContent = '';
  var p = document.createElement('p');
  p.textContent = (defaults.lang === 'fr' ? fr : en);
  statusBox.appendChild(p);
}

function webGl2Unavailable(reason) {
  if (reason === 'context-lost') {
    showMessage('L’affichage graphique a été interrompu par le navigateur. Rechargez la page pour revoir l’explorateur.',
                'The browser interrupted the graphics display. Reload the page to see the explorer again.');
  } else {
    showMessage('Cet explorateur a besoin de WebGL 2, que ce navigateur ne fournit pas ou a désactivé. Essayez un navigateur récent, ou activez l’accélération graphique.',
                'This explorer needs WebGL 2, which this browser does not provide or has turned off. Try a recent browser, or turn on graphics acceleration.');
  }
  // The text version stays readable, the message above it, in the reader's language first.
  if (fallback) {
    fallback.hidden = false;
    var other = fallback.querySelector('details[lang="' + defaults.lang + '"]');
    if (other) {
      other.open = true;
      fallback.insertBefore(other, fallback.firstChild);
    }
    fallback.insertBefore(statusBox, fallback.firstChild);
  }
  rejectReady(new Error('webgl2-unavailable: ' + reason));
}

function hasWebGl2() {
  try {
    var probe = document.createElement('canvas');
    return !!(window.WebGL2RenderingContext && probe.getContext('webgl2'));
  } catch (e) {
    return false;
  }
}

// ---- Strings in and out of the module ----
function withString(text, fn) {
  var size = module.lengthBytesUTF8(text) + 1;
  var pointer = module._malloc(size);
  module.stringToUTF8(text, pointer, size);
  try {
    return fn(pointer);
  } finally {
    module._free(pointer);
  }
}
function callWithString(fn, text) { return withString(String(text), fn); }
function readString(pointer) { return module.UTF8ToString(pointer); }
// explorer_x(string…) → its answer as a string (askText) or as a parsed JSON value (askJson).
function askText(fn) {
  var texts = Array.prototype.slice.call(arguments, 1).map(String);
  var pointers = [];
  var call = function (i) {
    if (i === texts.length) return readString(fn.apply(null, pointers));
    return withString(texts[i], function (pointer) { pointers.push(pointer); return call(i + 1); });
  };
  return call(0);
}
function askJson() { return JSON.parse(askText.apply(null, arguments)); }

// ---- Data elements of the page: the dataset, and the view a saved copy reopens on ----
function dataElementText(id) {
  var element = document.getElementById(id);
  return element ? element.textContent : '';
}
// The page text with the content (and data-format) of one <script type="application/json"> element
// replaced: what "Save for offline" writes. JSON text only has "<" inside strings: \u003c there.
function withDataElement(page, id, content, format) {
  var start = page.indexOf('<script type="application/json" id="' + id + '"');
  if (start < 0) return page;
  var contentStart = page.indexOf('>', start) + 1;
  var end = page.indexOf('</script>', contentStart);
  if (end < contentStart) return page;
  var opening = '<script type="application/json" id="' + id + '"' + (format ? ' data-format="' + format + '"' : '') + '>';
  return page.slice(0, start) + opening + content.replace(/</g, '\\u003c') + page.slice(end);
}

// ---- Sizing: the container decides; the backing store follows devicePixelRatio ----
var sizeRequested = false;
function resize() {
  sizeRequested = false;
  if (!module) return;
  var rect = container.getBoundingClientRect();
  module._explorer_resize(rect.width, rect.height, window.devicePixelRatio || 1);
  sendHeight(rect.width);
}
function requestResize() {
  if (sizeRequested) return;
  sizeRequested = true;
  requestAnimationFrame(resize);
}
function watchPixelRatio() {
  var mq = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
  var onChange = function () {
    mq.removeEventListener('change', onChange);
    requestResize();
    watchPixelRatio();
  };
  mq.addEventListener('change', onChange);
}

// ---- Height messages to the parent page (pym.js, Datawrapper, and our own) ----
// The widget fills whatever height it is given; this is the height it reads best at.
function preferredHeight(width) {
  if (width < 480) return 640;
  if (width < 800) return 600;
  return Math.max(560, Math.min(760, Math.round(width * 0.6)));
}
var lastHeightSent = 0;
function sendHeight(width) {
  if (!inIframe) return;
  var height = preferredHeight(width);
  if (height === lastHeightSent) return;
  lastHeightSent = height;
  var childId = query.get('childId');
  try {
    if (childId) window.parent.postMessage('pymxPYMx' + childId + 'xPYMxheightxPYMx' + height, '*');
    window.parent.postMessage({ 'datawrapper-height': (function () { var o = {}; o[query.get('chartId') || 'communs-ia-explorer'] = height; return o; })() }, '*');
    window.parent.postMessage({ type: 'explorer:height', height: height }, '*');
  } catch (e) { /* a parent that went away */ }
}

// ---- Power: draw nothing when the widget cannot be seen ----
var onScreen = true;
function updateVisibility() {
  if (module) module._explorer_set_visible(onScreen && document.visibilityState !== 'hidden' ? 1 : 0);
}
function watchVisibility() {
  // Same-origin and inline embeds are not throttled when scrolled away: stop drawing ourselves.
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (entries) {
      onScreen = entries[entries.length - 1].isIntersecting;
      updateVisibility();
    }).observe(container);
  }
  document.addEventListener('visibilitychange', updateVisibility);
}
