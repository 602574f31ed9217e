// web/host/url-sync.js — the URL's fragment carries the view; back and forward walk through the
// reader's steps. The module decides which changes are steps (a new history entry) and which
// are streams (pan, zoom, typing: the entry is replaced); this file only writes what it is told.

// A stream (a pan, a zoom, typing) replaces the entry at most every URL_STREAM_MS, then once more
// with its last hash: browsers throttle the history API (Chromium ignores calls past about 200 in
// 10 s, so a long pan at 60 frames a second lost its final view), and each call cost the pan
// frame milliseconds. A step (pushState) is written at once and supersedes a pending stream write.
var URL_STREAM_MS = 250;
var urlStreamTimer = 0, urlStreamLast = 0, urlStreamHash = null;

function writeUrlHash(hash, replace) {
  var url = location.pathname + location.search + (hash ? '#' + hash : '');
  try {
    history[replace ? 'replaceState' : 'pushState'](null, '', url);
  } catch (e) {
    // Opaque-origin (sandboxed) documents may refuse history changes: the view still works.
  }
}

function setUrlHash(hash, replace) {
  if (!replace) {
    clearTimeout(urlStreamTimer);
    urlStreamTimer = 0;
    urlStreamHash = null;
    writeUrlHash(hash, false);
    return;
  }
  urlStreamHash = hash;
  if (urlStreamTimer) return;
  var wait = Math.max(0, urlStreamLast + URL_STREAM_MS - Date.now());
  urlStreamTimer = setTimeout(function () {
    urlStreamTimer = 0;
    urlStreamLast = Date.now();
    if (urlStreamHash !== null) writeUrlHash(urlStreamHash, true);
    urlStreamHash = null;
  }, wait);
}

function applyLocationHash() {
  // Back, forward or an edited address: a stream write still waiting would overwrite that entry.
  clearTimeout(urlStreamTimer);
  urlStreamTimer = 0;
  urlStreamHash = null;
  if (!module) return;
  callWithString(module._explorer_apply_hash, location.hash.replace(/^#/, ''));
}

// The view a copy saved for offline reading reopens on (the data element "explorer-saved-state").
function savedHash() {
  try {
    var saved = JSON.parse(dataElementText('explorer-saved-state') || '{}');
    return saved && typeof saved.hash === 'string' ? saved.hash : '';
  } catch (e) {
    return '';
  }
}

// Called by the module after every change of the view (bridge.hpp, notifyStateChange).
function onStateChange(stateJson, hash, continuous) {
  setUrlHash(hash, continuous);
  var state = JSON.parse(stateJson);
  emit('statechange', state);
  if (inIframe) {
    try { window.parent.postMessage({ type: 'explorer:statechange', state: state }, '*'); } catch (e) { /* gone */ }
  }
}

function watchLocation() {
  window.addEventListener('popstate', applyLocationHash);
  window.addEventListener('hashchange', applyLocationHash);
}
