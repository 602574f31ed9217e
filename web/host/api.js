// web/host/api.js — the host API `window.explorer` (README.md, "Host API") and the same over
// postMessage for cross-origin parents. Calls that change the view, made before the module has
// started, are queued and applied in order once it has: they return a Promise of their result.

var listeners = { statechange: [] };
function emit(type, payload) {
  (listeners[type] || []).slice().forEach(function (fn) {
    try { fn(payload); } catch (e) { console.error(e); }
  });
}
function drawPendingFrames() {
  if (module) module._explorer_draw_pending();
}

var started = false;     // the module has its dataset and the page's defaults
var queuedCalls = [];    // functions to run once started, in order
function whenStarted(run) {
  if (started) return run();
  return new Promise(function (resolve, reject) {
    queuedCalls.push(function () {
      try { resolve(run()); } catch (e) { reject(e); }
    });
  });
}
function runQueuedCalls() {
  started = true;
  var calls = queuedCalls;
  queuedCalls = [];
  calls.forEach(function (call) { call(); });
}

// A notice for a state object the module cannot be given (a cycle, or nesting past what
// JSON.stringify can walk): the view stays as it was.
function unreadableStateNotice() {
  return [{ key: '', reason: 'bad_value', message: 'This state object could not be read (a cycle, or nested too deep); nothing was changed.' }];
}

var api = {
  /** Resolves once the first frame is on screen; rejects when the widget cannot start. */
  ready: ready,
  /**
   * Counts from the loaded dataset: {projects, organisations, models, initiatives, links, sources,
   * missingGlyphs, loading}; missingGlyphs: characters of its texts that no font of this browser can
   * draw; loading: null, or {progress} (0 to 1) while a dataset is read in slices (the counts stay
   * those of the dataset shown until the new one replaces it).
   */
  summary: function () {
    if (!module) return { projects: 0, organisations: 0, models: 0, initiatives: 0, links: 0, sources: 0, missingGlyphs: 0, loading: null };
    return JSON.parse(readString(module._explorer_summary_json()));
  },
  /** Frames drawn so far: it stops increasing when nothing moves. */
  frames: function () { return module ? module._explorer_frames() : 0; },
  /** Selects an entity by id (null or '' clears). False for an unknown id. */
  select: function (id) {
    return whenStarted(function () { return callWithString(module._explorer_select, id == null ? '' : id) === 1; });
  },
  /** 'network' | 'matrix' | 'table' | 'projects'. False for another name. */
  setView: function (name) {
    return whenStarted(function () { return callWithString(module._explorer_set_view, name) === 1; });
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
    var rect = askJson(module._explorer_locate_json, id);
    if (!rect) return null;
    var origin = canvas.getBoundingClientRect();
    return { x: origin.left + rect.x, y: origin.top + rect.y, width: rect.width, height: rect.height };
  },
  /**
   * What the explorer says of an entity's place among the projects: {id, name, kind,
   * severalProjects, memberOf: [{id, name, through?, chain}], connectedTo: [...]}, in the
   * widget's language; null for an unknown id. Connections are never counted as membership.
   */
  describe: function (id) {
    if (!module) return null;
    return askJson(module._explorer_describe_json, id == null ? '' : id);
  },
  /** The whole view state as a plain object (see README.md). */
  getState: function () {
    return module ? JSON.parse(readString(module._explorer_get_state_json())) : null;
  },
  /** Applies any part of the state; returns the notices for keys or values not applied. */
  setState: function (partial) {
    var text;
    try { text = JSON.stringify(partial); } catch (e) { return unreadableStateNotice(); }
    return whenStarted(function () {
      try {
        return askJson(module._explorer_set_state_json, text || '');
      } catch (e) {
        return unreadableStateNotice();
      }
    });
  },
  /**
   * Shows another dataset: text in the explorer's JSON format ('json') or a CSV list of links
   * ('csv'). Returns {ok, problems}; when not ok, nothing changes and the widget lists the problems.
   * With {progressive: true}: returns a Promise of {ok, problems}, and the dataset is read a slice
   * at a time (about 10 ms each) with a progress bar (summary().loading) while the one shown stays in use; a load
   * started before it is read replaces it (the replaced one resolves with {ok: false, problems: [],
   * replaced: true}).
   */
  loadDataset: function (text, format, options) {
    var progressive = !!(options && options.progressive);
    return whenStarted(function () {
      var load = progressive ? loadDatasetProgressively : loadDatasetText;
      return load(String(text == null ? '' : text), format === 'csv' ? 'csv' : 'json');
    });
  },
  /**
   * Downloads what the reader sees, as the Share menu does: 'png' (the view with title, legend,
   * source line and link), 'svg' (the network), 'csv' (relations and entities), 'json' (the data
   * shown), 'html' (the whole widget, for offline reading, opening on the current view).
   */
  download: function (kind) {
    var actions = { png: 'export-png', svg: 'export-svg', csv: 'export-csv', json: 'export-json', html: 'save-offline' };
    if (!actions[kind]) return false;
    return whenStarted(function () {
      runAction(actions[kind]);
      return true;
    });
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

// ---- Messages from a cross-origin parent: {type: 'explorer:…', …}; anything else is ignored ----
function onMessage(event) {
  if (event.source !== window.parent || inIframe === false) return;
  var data = event.data;
  if (!data || typeof data !== 'object' || typeof data.type !== 'string' || data.type.indexOf('explorer:') !== 0) return;
  var source = event.source;
  var reply = function (message) {
    Promise.resolve(message.value).then(function (value) {
      var out = { type: message.type };
      out[message.key] = value;
      out.requestId = data.requestId;
      try { source.postMessage(out, '*'); } catch (e) { /* gone */ }
    });
  };
  switch (data.type) {
    case 'explorer:setState':
      if (data.state && typeof data.state === 'object') reply({ type: 'explorer:notices', key: 'notices', value: api.setState(data.state) });
      break;
    case 'explorer:select':
      if (typeof data.id === 'string' || data.id === null) reply({ type: 'explorer:result', key: 'ok', value: api.select(data.id) });
      break;
    case 'explorer:setView':
      if (typeof data.view === 'string') reply({ type: 'explorer:result', key: 'ok', value: api.setView(data.view) });
      break;
    case 'explorer:getState':
      reply({ type: 'explorer:state', key: 'state', value: whenStarted(function () { return api.getState(); }) });
      break;
    default:
      break;
  }
}
// Listening from the start: a parent that posts right after creating the frame is not lost.
window.addEventListener('message', onMessage);
