// The page side of the explorer: starts the wasm module, sizes it from its container, stops it
// when it cannot be seen, and exposes the host API `window.explorer` (documented in README.md).
// Everything the module needs is already in the page: no request leaves it.
(function () {
  'use strict';

  var container = document.getElementById('explorer');
  var canvas = document.getElementById('explorer-canvas');
  var statusBox = document.getElementById('explorer-status');
  var module = null;
  var resolveReady;
  var rejectReady;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });
  // A host that never awaits `ready` must not see an unhandled rejection when WebGL2 is missing.
  ready.catch(function () {});

  var api = {
    /** Resolves once the first frame is on screen; rejects when the widget cannot start. */
    ready: ready,
    /** Counts from the loaded dataset: {projects, organisations, models, initiatives, links, sources}. */
    summary: function () {
      if (!module) return { projects: 0, organisations: 0, models: 0, initiatives: 0, links: 0, sources: 0 };
      return JSON.parse(module.UTF8ToString(module._explorer_summary_json()));
    },
    /** Frames drawn so far: it stops increasing when nothing moves. */
    frames: function () { return module ? module._explorer_frames() : 0; }
  };
  window.explorer = api;

  function browserLanguage() {
    var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
    for (var i = 0; i < langs.length; i++) {
      var tag = String(langs[i]).toLowerCase();
      if (tag.indexOf('fr') === 0) return 'fr';
      if (tag.indexOf('en') === 0) return 'en';
    }
    return 'en';
  }

  function showMessage(fr, en) {
    var lang = browserLanguage();
    statusBox.hidden = false;
    statusBox.textContent = '';
    var p = document.createElement('p');
    p.textContent = lang === 'fr' ? fr : en;
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

  function base64ToBytes(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // The wasm travels gzipped inside the page (base64 of the gzip is 45 % smaller than base64 of
  // the wasm); the browser inflates it natively.
  function inflate(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }

  function passString(fn, text) {
    var size = module.lengthBytesUTF8(text) + 1;
    var pointer = module._malloc(size);
    module.stringToUTF8(text, pointer, size);
    try {
      return fn(pointer);
    } finally {
      module._free(pointer);
    }
  }

  var sizeRequested = false;
  function resize() {
    sizeRequested = false;
    if (!module) return;
    var rect = container.getBoundingClientRect();
    module._explorer_resize(rect.width, rect.height, window.devicePixelRatio || 1);
  }
  function requestResize() {
    if (sizeRequested) return;
    sizeRequested = true;
    requestAnimationFrame(resize);
  }

  // devicePixelRatio changes when the page is zoomed or moved to another screen.
  function watchPixelRatio() {
    var query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    var onChange = function () {
      query.removeEventListener('change', onChange);
      requestResize();
      watchPixelRatio();
    };
    query.addEventListener('change', onChange);
  }

  var onScreen = true;
  function updateVisibility() {
    if (module) module._explorer_set_visible(onScreen && document.visibilityState !== 'hidden' ? 1 : 0);
  }

  function start() {
    if (!hasWebGl2()) {
      webGl2Unavailable('no-webgl2');
      return;
    }
    var darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
    inflate(base64ToBytes(window.EXPLORER_WASM_GZIP_BASE64)).then(function (wasmBinary) {
      return createExplorerModule({
        wasmBinary: wasmBinary,
        canvas: canvas,
        onFirstFrame: function () {
          statusBox.hidden = true;
          resolveReady(api);
        },
        onWebGlUnavailable: webGl2Unavailable,
        printErr: function (text) { console.warn('[explorer]', text); }
      });
    }).then(function (instance) {
      module = instance;
      if (module._explorer_init(darkQuery.matches ? 1 : 0) !== 0) return;
      module._explorer_set_language(browserLanguage() === 'fr' ? 1 : 0);
      var dataText = document.getElementById('explorer-data').textContent;
      passString(module._explorer_load_dataset, dataText);

      new ResizeObserver(requestResize).observe(container);
      watchPixelRatio();
      darkQuery.addEventListener('change', function (event) { module._explorer_set_system_dark(event.matches ? 1 : 0); });
      // Same-origin and inline embeds are not throttled when scrolled away: stop drawing ourselves.
      if ('IntersectionObserver' in window) {
        new IntersectionObserver(function (entries) {
          onScreen = entries[entries.length - 1].isIntersecting;
          updateVisibility();
        }).observe(container);
      }
      document.addEventListener('visibilitychange', updateVisibility);
      resize();
    }).catch(function (error) {
      showMessage('L’explorateur n’a pas pu démarrer : ' + error.message, 'The explorer could not start: ' + error.message);
      rejectReady(error);
    });
  }

  start();
})();
