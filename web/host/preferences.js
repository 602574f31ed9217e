// web/host/preferences.js — what the reader asked their browser for: less motion
// (prefers-reduced-motion), more contrast (prefers-contrast), the system's own colours
// (forced-colors: Windows high contrast) and a minimum font size. Read here, handed to the module
// (explorer_set_preferences_json, src/core/reader_preferences.hpp), and read again whenever one of
// the media queries changes. The canvas cannot inherit any of it from CSS: it is passed in.

var preferenceQueries = [
  window.matchMedia('(prefers-reduced-motion: reduce)'),
  window.matchMedia('(prefers-contrast: more)'),
  window.matchMedia('(forced-colors: active)'),
  // Switching from one high-contrast theme to another changes no query above, but usually this one.
  window.matchMedia('(prefers-color-scheme: dark)')
];

// A probe the page's styles leave alone: hidden, out of the flow, never forced to other colours.
function preferenceProbe() {
  var probe = document.createElement('span');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden;white-space:nowrap;' +
    'forced-color-adjust:none;font:1px/normal sans-serif';
  probe.textContent = 'MMMMMMMMMM';
  container.appendChild(probe);
  return probe;
}

// A CSS colour as the browser resolves it ("rgb(r, g, b)"), as "#rrggbb"; null when unreadable.
function resolvedHex(probe, cssColour) {
  probe.style.color = '';
  probe.style.color = cssColour;
  var channels = String(getComputedStyle(probe).color).match(/\d+(\.\d+)?/g);
  if (!channels || channels.length < 3) return null;
  return '#' + channels.slice(0, 3).map(function (c) {
    return ('0' + Math.max(0, Math.min(255, Math.round(Number(c)))).toString(16)).slice(-2);
  }).join('');
}

// The system colours of forced-colours mode; null when one of them cannot be read.
function systemColours(probe) {
  var names = { canvas: 'Canvas', canvasText: 'CanvasText', linkText: 'LinkText', highlight: 'Highlight',
                highlightText: 'HighlightText', grayText: 'GrayText', buttonFace: 'ButtonFace', buttonText: 'ButtonText' };
  var colours = {};
  for (var key in names) {
    colours[key] = resolvedHex(probe, names[key]);
    if (!colours[key]) return null;
  }
  return colours;
}

// The browser's minimum font size in CSS px (0: none): text set at 1 px is drawn at the minimum,
// which its width shows (computed styles report 1 px in some browsers, the minimum in others).
function minimumFontSize(probe) {
  probe.style.fontSize = '1px';
  var computed = parseFloat(getComputedStyle(probe).fontSize) || 0;
  var tiny = probe.getBoundingClientRect().width;
  probe.style.fontSize = '100px';
  var large = probe.getBoundingClientRect().width;
  var used = large > 0 ? tiny / large * 100 : 0;
  var size = Math.max(computed, used);
  // Up to 2 px is rounding, not a minimum anyone set.
  return size > 2 ? Math.round(size * 10) / 10 : 0;
}

function readPreferences() {
  var probe = preferenceProbe();
  try {
    return {
      reducedMotion: preferenceQueries[0].matches,
      contrast: preferenceQueries[1].matches ? 'more' : 'no-preference',
      forcedColors: preferenceQueries[2].matches ? systemColours(probe) : null,
      minimumFontSize: minimumFontSize(probe)
    };
  } finally {
    container.removeChild(probe);
  }
}

function sendPreferences() {
  if (!module) return;
  callWithString(module._explorer_set_preferences_json, JSON.stringify(readPreferences()));
}

// Called once the module has started, before its first frame: that frame already honours them.
function watchPreferences() {
  sendPreferences();
  preferenceQueries.forEach(function (query) { query.addEventListener('change', sendPreferences); });
}
