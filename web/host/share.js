// web/host/share.js — what the page does for the reader around the canvas: the sheet of messages
// over the widget, links opened in a new tab, files brought in, and the Share menu (copy link,
// save for offline reading, PNG, SVG, CSV and JSON downloads, with fallbacks where a sandbox
// refuses downloads or the clipboard).

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
var currentDataset = null; // {text, format}; null: the dataset the page was delivered with
function loadDatasetText(text, format) {
  var result = askJson(module._explorer_load_dataset_text, text, format);
  if (result.ok) currentDataset = { text: text, format: format };
  return result;
}
// The same in slices: the module reads a slice at a time, with a progress bar, and the reader keeps
// the dataset shown until the new one is read. Resolves with what loadDatasetText returns; a load
// replaced by a newer one before it was read resolves with {ok: false, problems: [], replaced: true}.
var pendingLoads = [];  // [{number, text, format, resolve}], oldest first
var datasetFiller = null; // writes the text being handed over into the module's buffer
function loadDatasetProgressively(text, format) {
  // UTF-8 by the browser's encoder, at native speed. A string with lone surrogates is encoded as
  // the other calls encode it (stringToUTF8), so that its bytes, hence its problems, are the same.
  var wellFormed = typeof text.isWellFormed !== 'function' || text.isWellFormed();
  var bytes = wellFormed ? new TextEncoder().encode(text) : null;
  var length = bytes ? bytes.length : module.lengthBytesUTF8(text);
  datasetFiller = function (view, pointer) {
    if (bytes) { view.set(bytes); view[length] = 0; } else { module.stringToUTF8(text, pointer, length + 1); }
  };
  var number;
  try {
    number = withString(format, function (formatPointer) { return module._explorer_load_dataset_start(length, formatPointer); });
  } finally {
    datasetFiller = null;
  }
  return new Promise(function (resolve) {
    pendingLoads.push({ number: number, text: text, format: format, resolve: resolve });
  });
}
function fillDataset(view, pointer) {
  if (datasetFiller) datasetFiller(view, pointer);
}
function datasetLoaded(number, answer) {
  var result = JSON.parse(answer);
  var waiting = pendingLoads;
  pendingLoads = [];
  waiting.forEach(function (load) {
    if (load.number > number) { pendingLoads.push(load); return; }
    if (load.number < number) { load.resolve({ ok: false, problems: [], replaced: true }); return; }
    if (result.ok) currentDataset = { text: load.text, format: load.format };
    load.resolve(result);
  });
}
// The module's own limits and format rule (bridge.cpp): the page keeps no copy of them.
function readFile(file) {
  if (!file || !module) return;
  var limits = JSON.parse(readString(module._explorer_limits_json()));
  if (file.size > limits.maxInputBytes) {
    var megabytes = Math.round(limits.maxInputBytes / (1024 * 1024));
    showSheet(currentLang() === 'fr'
      ? 'Ce fichier dépasse ' + megabytes + ' Mo : l’explorateur ne l’ouvre pas, pour que la page reste fluide.'
      : 'This file is over ' + megabytes + ' MB: the explorer does not open it, so that the page stays responsive.');
    return;
  }
  file.text().then(function (text) {
    var format = askText(module._explorer_detect_format, file.name || '', text.slice(0, 64));
    // A screen reader hears the start and, for a refused file, the end (an accepted one is told by
    // the mirror's own announcement of what is shown); the progress bar itself is drawn.
    var fr = currentLang() === 'fr';
    announceToReader(fr ? 'Lecture du nouveau jeu de données…' : 'Reading the new dataset…');
    loadDatasetProgressively(text, format).then(function (result) {
      if (result.ok || result.replaced) return;
      var n = result.problems.length;
      announceToReader(currentLang() === 'fr'
        ? 'Jeu de données non ouvert : ' + n + (n > 1 ? ' problèmes, listés dans l’explorateur' : ' problème, décrit dans l’explorateur')
        : 'Dataset not opened: ' + n + (n === 1 ? ' problem, described in the explorer' : ' problems, listed in the explorer'));
    });
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
function exportText(kind) { return askText(module._explorer_export, kind, standaloneUrl()); }
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
  // The saved copy reopens on this view: the state travels in a data element, never as code.
  var page = withDataElement(pristinePage, 'explorer-saved-state', JSON.stringify({ hash: hash }));
  if (currentDataset !== null) {
    // The dataset the reader brought goes into the saved page in place of the delivered one.
    var content = currentDataset.format === 'csv' ? JSON.stringify(currentDataset.text) : currentDataset.text;
    page = withDataElement(page, 'explorer-data', content, currentDataset.format);
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

