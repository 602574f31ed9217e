// The page side of the explorer: starts the wasm module, sizes it from its container, stops it
// when it cannot be seen, keeps the URL in step with the view, and exposes the host API
// `window.explorer` (documented in README.md), also over postMessage for cross-origin parents.
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
  var listeners = { statechange: [] };
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

  // ---- Host API ----
  function emit(type, payload) {
    (listeners[type] || []).slice().forEach(function (fn) {
      try { fn(payload); } catch (e) { console.error(e); }
    });
  }
  function drawPendingFrames() {
    if (module) module._explorer_draw_pending();
  }

  var api = {
    /** Resolves once the first frame is on screen; rejects when the widget cannot start. */
    ready: ready,
    /** Counts from the loaded dataset: {projects, organisations, models, initiatives, links, sources}. */
    summary: function () {
      if (!module) return { projects: 0, organisations: 0, models: 0, initiatives: 0, links: 0, sources: 0 };
      return JSON.parse(readString(module._explorer_summary_json()));
    },
    /** Frames drawn so far: it stops increasing when nothing moves. */
    frames: function () { return module ? module._explorer_frames() : 0; },
    /** Selects an entity by id (null or '' clears). False for an unknown id. */
    select: function (id) {
      if (!module) return false;
      return callWithString(module._explorer_select, id == null ? '' : id) === 1;
    },
    /** 'network' | 'matrix' | 'table' | 'projects'. False for another name. */
    setView: function (name) {
      if (!module) return false;
      return callWithString(module._explorer_set_view, name) === 1;
    },
    /** The selected entity's id, or null. */
    selection: function () {
      if (!module) return null;
      return readString(module._explorer_selection()) || null;
    },
    /** Where an entity is drawn in the current view: {x, y, width, height} in CSS pixels of this page's viewport, or null. */
    locate: function (id) {
      if (!module) return null;
      drawPendingFrames();
      var rect = JSON.parse(callWithString(function (p) { return readString(module._explorer_locate_json(p)); }, id));
      if (!rect) return null;
      var origin = canvas.getBoundingClientRect();
      return { x: origin.left + rect.x, y: origin.top + rect.y, width: rect.width, height: rect.height };
    },
    /** The whole view state as a plain object (see README.md). */
    getState: function () {
      return module ? JSON.parse(readString(module._explorer_get_state_json())) : null;
    },
    /** Applies any part of the state; returns the notices for keys or values not applied. */
    setState: function (partial) {
      if (!module) return [{ key: '', reason: 'not_ready', message: 'The explorer is not ready yet.' }];
      var text;
      try { text = JSON.stringify(partial); } catch (e) { text = ''; }
      return JSON.parse(callWithString(function (p) { return readString(module._explorer_set_state_json(p)); }, text || ''));
    },
    /** explorer.on('statechange', fn): fn(state) after each change the reader or the host makes. */
    on: function (type, fn) {
      if (listeners[type] && typeof fn === 'function') listeners[type].push(fn);
      return api;
    },
    off: function (type, fn) {
      if (listeners[type]) listeners[type] = listeners[type].filter(function (f) { return f !== fn; });
      return api;
    }
  };
  window.explorer = api;

  // ---- URL: the fragment carries the view; back and forward walk through the reader's steps ----
  function setUrlHash(hash, replace) {
    var url = location.pathname + location.search + (hash ? '#' + hash : '');
    try {
      history[replace ? 'replaceState' : 'pushState'](null, '', url);
    } catch (e) {
      // Opaque-origin (sandboxed) documents may refuse history changes: the view still works.
    }
  }
  function applyLocationHash() {
    if (!module) return;
    callWithString(module._explorer_apply_hash, location.hash.replace(/^#/, ''));
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

  // ---- Messages from a cross-origin parent: {type: 'explorer:…', …}; anything else is ignored ----
  function onMessage(event) {
    if (!module || event.source !== window.parent || inIframe === false) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || data.type.indexOf('explorer:') !== 0) return;
    var reply = function (message) {
      message.requestId = data.requestId;
      try { event.source.postMessage(message, '*'); } catch (e) { /* gone */ }
    };
    switch (data.type) {
      case 'explorer:setState':
        if (data.state && typeof data.state === 'object') reply({ type: 'explorer:notices', notices: api.setState(data.state) });
        break;
      case 'explorer:select':
        if (typeof data.id === 'string' || data.id === null) reply({ type: 'explorer:result', ok: api.select(data.id) });
        break;
      case 'explorer:setView':
        if (typeof data.view === 'string') reply({ type: 'explorer:result', ok: api.setView(data.view) });
        break;
      case 'explorer:getState':
        reply({ type: 'explorer:state', state: api.getState() });
        break;
      default:
        break;
    }
  }

  // ---- Power: draw nothing when the widget cannot be seen ----
  var onScreen = true;
  function updateVisibility() {
    if (module) module._explorer_set_visible(onScreen && document.visibilityState !== 'hidden' ? 1 : 0);
  }

  function base64ToBytes(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  // The wasm travels gzipped inside the page; the browser inflates it natively.
  function inflate(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }

  function openLink(url) {
    // Only web links; the host page is never navigated away.
    if (!/^https?:\/\//i.test(url)) return;
    var opened = null;
    try { opened = window.open(url, '_blank', 'noopener'); } catch (e) { opened = null; }
    if (!opened) {
      var a = document.createElement('a');
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      document.body.appendChild(a);
      a.click();
      a.remove();
    }
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
        onStateChange: function (stateJson, hash, continuous) {
          setUrlHash(hash, continuous);
          var state = JSON.parse(stateJson);
          emit('statechange', state);
          if (inIframe) {
            try { window.parent.postMessage({ type: 'explorer:statechange', state: state }, '*'); } catch (e) { /* gone */ }
          }
        },
        onOpenLink: openLink,
        printErr: function (text) { console.warn('[explorer]', text); }
      });
    }).then(function (instance) {
      module = instance;
      if (module._explorer_init(darkQuery.matches ? 1 : 0) !== 0) return;
      callWithString(module._explorer_load_dataset, document.getElementById('explorer-data').textContent);
      callWithString(module._explorer_set_defaults_json, JSON.stringify(defaults));
      if (location.hash.length > 1) applyLocationHash();
      module._explorer_set_interactive(interactive ? 1 : 0);
      window.addEventListener('popstate', applyLocationHash);
      window.addEventListener('hashchange', applyLocationHash);
      window.addEventListener('message', onMessage);

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
