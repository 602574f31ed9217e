// The page side of the explorer: starts the wasm module, sizes it from its container, stops it
// when it cannot be seen, keeps the URL in step with the view, and exposes the host API
// `window.explorer` (documented in README.md), also over postMessage for cross-origin parents.
// Everything the module needs is already in the page: no request leaves it.
(function () {
  'use strict';

  // The page as it was delivered, before anything ran: "Save for offline" writes it back out.
  var pristinePage = '<!doctype html>\n' + document.documentElement.outerHTML;
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
    /**
     * Shows another dataset: text in the explorer's JSON format ('json') or a CSV list of links
     * ('csv'). Returns {ok, problems}; when not ok, nothing changes and the widget lists the problems.
     */
    loadDataset: function (text, format) {
      return loadDatasetText(String(text == null ? '' : text), format === 'csv' ? 'csv' : 'json');
    },
    /**
     * Downloads what the reader sees, as the Share menu does: 'png' (the view with title, legend,
     * source line and link), 'svg' (the network), 'csv' (relations and entities), 'json' (the data
     * shown), 'html' (the whole widget, for offline reading, opening on the current view).
     */
    download: function (kind) {
      var actions = { png: 'export-png', svg: 'export-svg', csv: 'export-csv', json: 'export-json', html: 'save-offline' };
      if (!module || !actions[kind]) return false;
      runAction(actions[kind]);
      return true;
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

  // ---- Datasets brought by the reader or the host ----
  var maxDatasetBytes = 20 * 1024 * 1024; // the loader's limit (src/core/dataset_loader.hpp)
  var currentDataset = null;              // {text, format}; null: the dataset the page was delivered with
  function loadDatasetText(text, format) {
    if (!module) return { ok: false, problems: [{ message: 'The explorer is not ready yet.' }] };
    var result = JSON.parse(withString(format, function (formatPointer) {
      return withString(text, function (textPointer) {
        return readString(module._explorer_load_dataset_text(textPointer, formatPointer));
      });
    }));
    if (result.ok) currentDataset = { text: text, format: format };
    return result;
  }
  function readFile(file) {
    if (!file) return;
    var lang = currentLang();
    if (file.size > maxDatasetBytes) {
      showSheet(lang === 'fr'
        ? 'Ce fichier dépasse 20 Mo : l’explorateur ne l’ouvre pas, pour que la page reste fluide.'
        : 'This file is over 20 MB: the explorer does not open it, so that the page stays responsive.');
      return;
    }
    file.text().then(function (text) {
      var format = /\.csv$/i.test(file.name) || (!/\.json$/i.test(file.name) && !/^\s*[\{\[]/.test(text)) ? 'csv' : 'json';
      loadDatasetText(text, format);
    });
  }

  // ---- Sheet: what the page says over the widget (link copied, data to copy by hand) ----
  var sheet = document.getElementById('explorer-sheet');
  function currentLang() {
    try { return api.getState().lang; } catch (e) { return defaults.lang; }
  }
  function showSheet(message, options) {
    options = options || {};
    var fr = currentLang() === 'fr';
    document.getElementById('explorer-sheet-text').textContent = message;
    var data = document.getElementById('explorer-sheet-data');
    data.hidden = options.text == null;
    data.value = options.text == null ? '' : options.text;
    var image = document.getElementById('explorer-sheet-image');
    image.hidden = !options.image;
    if (options.image) { image.src = options.image; image.alt = options.alt || ''; }
    var copy = document.getElementById('explorer-sheet-copy');
    copy.hidden = options.text == null;
    copy.textContent = fr ? 'Copier' : 'Copy';
    copy.onclick = function () {
      data.focus();
      data.select();
      var done = false;
      try { done = document.execCommand('copy'); } catch (e) { done = false; }
      copy.textContent = done ? (fr ? 'Copié' : 'Copied') : (fr ? 'Sélectionné : Ctrl+C pour copier' : 'Selected: press Ctrl+C to copy');
    };
    var close = document.getElementById('explorer-sheet-close');
    close.textContent = fr ? 'Fermer' : 'Close';
    close.onclick = function () { sheet.hidden = true; canvas.focus({ preventScroll: true }); };
    sheet.hidden = false;
    if (options.text != null) { data.focus(); data.select(); }
  }

  // ---- Share and export ----
  // The standalone page's address with the current view; pym.js' own parameters are left out.
  function standaloneUrl() {
    var url = new URL(location.href);
    ['initialWidth', 'childId', 'parentTitle', 'parentUrl'].forEach(function (name) { url.searchParams.delete(name); });
    var hash = readString(module._explorer_get_hash());
    url.hash = hash ? '#' + hash : '';
    return url.href;
  }
  function copyLink() {
    var url = standaloneUrl();
    var fr = currentLang() === 'fr';
    var fallback = function () {
      showSheet(fr ? 'Le navigateur n’a pas permis de copier le lien. Le voici, sélectionné :'
                   : 'The browser did not allow copying the link. Here it is, selected:', { text: url });
    };
    try {
      if (!navigator.clipboard || !navigator.clipboard.writeText) { fallback(); return; }
      navigator.clipboard.writeText(url).then(function () {
        showSheet(fr ? 'Lien copié : il rouvre exactement cette vue.' : 'Link copied: it reopens exactly this view.');
        setTimeout(function () { sheet.hidden = true; }, 2500);
      }, fallback);
    } catch (e) {
      fallback();
    }
  }
  // In a sandboxed frame without same-origin the page cannot tell whether downloads are allowed:
  // it tries, and offers the data to copy as well.
  var opaqueOrigin = (function () { try { return window.origin === 'null'; } catch (e) { return true; } })();
  function download(name, mime, data, copyable) {
    var blob = data instanceof Blob ? data : new Blob([data], { type: mime });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    try { a.click(); } catch (e) { /* refused */ }
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    if (opaqueOrigin && inIframe) {
      var fr = currentLang() === 'fr';
      var message = fr ? 'Si rien n’a été téléchargé, la page qui accueille l’explorateur bloque les téléchargements. '
                       : 'If nothing was downloaded, the page hosting the explorer blocks downloads. ';
      if (typeof copyable === 'string') {
        showSheet(message + (fr ? 'Voici les données, à copier :' : 'Here is the data, to copy:'), { text: copyable });
      } else if (copyable && copyable.image) {
        showSheet(message + (fr ? 'Voici l’image (clic droit pour l’enregistrer) :' : 'Here is the picture (right-click to save it):'),
                  { image: copyable.image, alt: name });
      }
    }
  }
  function exportText(kind) {
    return withString(kind, function (kindPointer) {
      return withString(standaloneUrl(), function (linkPointer) {
        return readString(module._explorer_export(kindPointer, linkPointer));
      });
    });
  }
  function exportPng() {
    var caption = JSON.parse(exportText('caption.json'));
    module._explorer_draw_now(); // a fresh frame: the WebGL buffer is readable until the page is composited
    var ratio = canvas.width / Math.max(1, canvas.getBoundingClientRect().width);
    // The view alone, without the widget's bars and panels: the picture gets its own title.
    var sx = Math.max(0, Math.round(caption.view.x * ratio));
    var sy = Math.max(0, Math.round(caption.view.y * ratio));
    var sw = Math.min(canvas.width - sx, Math.round(caption.view.width * ratio));
    var sh = Math.min(canvas.height - sy, Math.round(caption.view.height * ratio));
    if (!(sw > 0 && sh > 0)) { sx = 0; sy = 0; sw = canvas.width; sh = canvas.height; }
    var pad = Math.round(12 * ratio);
    var line = Math.round(18 * ratio);
    var out = document.createElement('canvas');
    var ctx = out.getContext('2d');
    var font = function (size, bold) { return (bold ? '700 ' : '400 ') + Math.round(size * ratio) + 'px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif'; };
    var width = sw + 2 * pad;
    // Legend entries flow in rows across the width.
    ctx.font = font(12, false);
    var legendRows = 1;
    var x = pad;
    caption.legend.forEach(function (item) {
      var w = Math.round(18 * ratio) + ctx.measureText(item.label).width + pad;
      if (x + w > width - pad) { legendRows++; x = pad; }
      x += w;
    });
    var header = pad + Math.round(28 * ratio);
    var footer = pad + legendRows * line + 2 * line + pad;
    out.width = width;
    out.height = header + sh + footer;
    ctx.fillStyle = caption.background;
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = caption.text;
    ctx.textBaseline = 'top';
    ctx.font = font(17, true);
    ctx.fillText(caption.title, pad, pad, out.width - 2 * pad);
    ctx.drawImage(canvas, sx, sy, sw, sh, pad, header, sw, sh);
    var y = header + sh + pad;
    x = pad;
    ctx.font = font(12, false);
    caption.legend.forEach(function (item) {
      var w = Math.round(18 * ratio) + ctx.measureText(item.label).width + pad;
      if (x + w > out.width - pad) { y += line; x = pad; }
      ctx.fillStyle = item.colour;
      var r = Math.round(5 * ratio);
      var top = y + Math.round(2 * ratio);
      ctx.beginPath();
      if (item.shape === 'square') ctx.rect(x, top, 2 * r, 2 * r);
      else if (item.shape === 'diamond') { ctx.moveTo(x + r, top); ctx.lineTo(x + 2 * r, top + r); ctx.lineTo(x + r, top + 2 * r); ctx.lineTo(x, top + r); ctx.closePath(); }
      else if (item.shape === 'hexagon') { for (var k = 0; k < 6; k++) { var a = Math.PI / 3 * k; ctx.lineTo(x + r + r * Math.cos(a), top + r + r * Math.sin(a)); } ctx.closePath(); }
      else ctx.arc(x + r, top + r, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = caption.text;
      ctx.fillText(item.label, x + Math.round(18 * ratio), y);
      x += w;
    });
    y += line + Math.round(4 * ratio);
    ctx.fillStyle = caption.muted;
    ctx.fillText(caption.source, pad, y, out.width - 2 * pad);
    ctx.fillText(standaloneUrl(), pad, y + line, out.width - 2 * pad);
    var dataUrl = out.toDataURL('image/png');
    out.toBlob(function (blob) { download('communs-ia-explorer.png', 'image/png', blob, { image: dataUrl }); }, 'image/png');
  }
  function saveOffline() {
    var hash = readString(module._explorer_get_hash());
    var page = pristinePage.replace('var EXPLORER_SAVED_HASH = "";',
                                    function () { return 'var EXPLORER_SAVED_HASH = ' + JSON.stringify(hash).replace(/</g, '\\u003c') + ';'; });
    if (currentDataset !== null) {
      // The dataset the reader brought goes into the saved page in place of the delivered one.
      var start = page.indexOf('<script type="application/json" id="explorer-data"');
      var contentStart = page.indexOf('>', start) + 1;
      var end = page.indexOf('</script>', contentStart);
      if (start >= 0 && end > contentStart) {
        var content = currentDataset.format === 'csv' ? JSON.stringify(currentDataset.text) : currentDataset.text;
        page = page.slice(0, start) + '<script type="application/json" id="explorer-data" data-format="' +
               currentDataset.format + '">' + content.replace(/</g, '\\u003c') + page.slice(end);
      }
    }
    download('communs-ia-explorer.html', 'text/html', page, null);
  }
  function runAction(action) {
    switch (action) {
      case 'copy-link': copyLink(); break;
      case 'save-offline': saveOffline(); break;
      case 'export-png': exportPng(); break;
      case 'export-svg': { var svg = exportText('network.svg'); download('communs-ia-network.svg', 'image/svg+xml', svg, svg); break; }
      case 'export-csv': {
        var relations = exportText('relations.csv');
        var entities = exportText('entities.csv');
        download('communs-ia-relations.csv', 'text/csv', relations, relations);
        setTimeout(function () { download('communs-ia-entities.csv', 'text/csv', entities, null); }, 300);
        break;
      }
      case 'export-json': { var json = exportText('data.json'); download('communs-ia-data.json', 'application/json', json, json); break; }
      case 'open-dataset': document.getElementById('explorer-file').click(); break;
      default: break;
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
        onAction: runAction,
        printErr: function (text) { console.warn('[explorer]', text); }
      });
    }).then(function (instance) {
      module = instance;
      if (module._explorer_init(darkQuery.matches ? 1 : 0) !== 0) return;
      var dataElement = document.getElementById('explorer-data');
      var dataFormat = dataElement.getAttribute('data-format') === 'csv' ? 'csv' : 'json';
      var dataText = dataElement.textContent;
      if (dataFormat === 'csv') {
        try { dataText = JSON.parse(dataText); } catch (e) { dataText = ''; }
      }
      withString(dataFormat, function (formatPointer) {
        return withString(dataText, function (textPointer) { return module._explorer_load_dataset(textPointer, formatPointer); });
      });
      callWithString(module._explorer_set_defaults_json, JSON.stringify(defaults));
      if (location.hash.length > 1) applyLocationHash();
      else if (window.EXPLORER_SAVED_HASH) callWithString(module._explorer_apply_hash, window.EXPLORER_SAVED_HASH);
      document.getElementById('explorer-file').addEventListener('change', function (event) {
        readFile(event.target.files && event.target.files[0]);
        event.target.value = '';
      });
      container.addEventListener('dragover', function (event) {
        if (!interactive) return;
        event.preventDefault();
        container.classList.add('explorer-drop');
      });
      container.addEventListener('dragleave', function () { container.classList.remove('explorer-drop'); });
      container.addEventListener('drop', function (event) {
        container.classList.remove('explorer-drop');
        if (!interactive) return;
        event.preventDefault();
        readFile(event.dataTransfer && event.dataTransfer.files && event.dataTransfer.files[0]);
      });
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
