// web/host/url-sync.js — the URL's fragment carries the view; back and forward walk through the
// reader's steps. The module decides which changes are steps (a new history entry) and which
// are streams (pan, zoom, typing: the entry is replaced); this file only writes what it is told.

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
