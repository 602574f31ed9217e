// web/host/keyboard.js — the keyboard in the mirror (issue 11). Tab walks the mirror's controls in
// reading order and leaves the widget after the last one (never a trap: nothing here takes Tab).
//  - "/" anywhere in the widget (but in a text field) focuses the search field;
//  - in the network, on the selected node (its article) or any element standing for an entity:
//    arrows step to the connected node lying that way on screen (explorer_navigate; the step is
//    said in the live region), Enter goes to the details, + / − zoom, 0 fits;
//  - Escape, in the view or the details, clears the selection and returns focus to the entity's
//    element in the view (or to the view);
//  - grids (matrix, table) are one Tab stop each: arrows, Home / End, Page Up / Down move between
//    cells with a roving tabindex, Enter or Space activates the cell's button; the view scrolls
//    to the focused row (explorer_navigate "reveal").

var gridActive = new Map(); // grid node id -> node id of its cell holding tabindex 0

function navigate(command, from) {
  if (!module) return { done: false, selection: null, say: '' };
  var result = withString(command, function (c) {
    return withString(from || '', function (f) { return readString(module._explorer_navigate(c, f)); });
  });
  try { return JSON.parse(result); } catch (e) { return { done: false, selection: null, say: '' }; }
}

// The entity an element stands for: what it selects, or the selected node's article / details
// (the region "details" is the selection's).
function entityOfElement(element) {
  // Inside the selected node's article (its links included), the node is the article's.
  var article = element.closest('[data-node^="network/focus/"]');
  var own = article && /^network\/focus\/([^/]+)/.exec(article.getAttribute('data-node'));
  if (own) return own[1];
  for (var e = element; e && e !== mirrorRoot; e = e.parentElement) {
    if (e.getAttribute('data-target')) return e.getAttribute('data-target');
    var id = e.getAttribute('data-node') || '';
    var m = /^network\/focus\/([^/]+)$/.exec(id);
    if (m) return m[1];
    if (id === 'details') return window.explorer.selection();
  }
  return null;
}

function mirrorElement(id) { return mirrorElements.get(id) || null; }

function focusElement(element) {
  if (!element) return false;
  if (!element.hasAttribute('tabindex') && !/^(BUTTON|A|INPUT)$/.test(element.tagName)) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
  return document.activeElement === element;
}

// After a selection: the entity's place in the view (the network's article for it, else the
// first element in the view that selects it), else the view itself.
function focusEntityInView(id) {
  refreshMirror();
  var tree = mirrorTreeView();
  var view = mirrorElement('view/' + tree);
  var target = mirrorElement('network/focus/' + id + '/node') || mirrorElement('network/focus/' + id);
  if (!target && view) target = view.querySelector('[data-target="' + cssEscape(id) + '"]');
  if (!target) target = mirrorElement('details');
  focusElement(target || view);
}

function mirrorTreeView() {
  var view = mirrorRoot && mirrorRoot.querySelector('[data-node^="view/"]');
  return view ? view.getAttribute('data-node').slice(5) : 'network';
}

function cssEscape(text) { return window.CSS && CSS.escape ? CSS.escape(text) : String(text).replace(/["\\]/g, '\\$&'); }

function say(text) {
  if (!text || !mirrorLive) return;
  // The same words twice in a row are still spoken: the region is emptied first.
  mirrorLive.textContent = '';
  setTimeout(function () { mirrorLive.textContent = text; }, 30);
}

function onWidgetKey(event) {
  if (!module || !interactive || event.defaultPrevented || event.altKey || event.metaKey) return;
  var target = event.target;
  var typing = target && (target.tagName === 'INPUT' && /^(text|search)$/.test(target.type) || target.tagName === 'TEXTAREA' || target.isContentEditable);
  if (event.key === '/' && !typing && !event.ctrlKey) {
    if (searchField && searchField.isConnected) {
      event.preventDefault();
      event.stopPropagation(); // the canvas, if it had focus, must not take it too
      searchField.focus();
      searchField.select();
    }
    return;
  }
  if (typing || !mirrorRoot || !mirrorRoot.contains(target)) return;
  var grid = target.closest('[role=grid]');
  if (grid && onGridKey(event, grid)) return;
  var inView = !!target.closest('[data-node^="view/"]');
  var inDetails = !!target.closest('[data-node="details"]');
  var network = mirrorTreeView() === 'network';
  if (network && inView && /^Arrow/.test(event.key) && !event.ctrlKey && !event.shiftKey) {
    var from = entityOfElement(target);
    if (!from) return;
    event.preventDefault();
    var step = navigate(event.key, from);
    if (step.done && step.selection) {
      focusEntityInView(step.selection);
      navigate('reveal', step.selection);
    }
    say(step.say);
    return;
  }
  if (network && inView && !event.ctrlKey && (event.key === '+' || event.key === '=' || event.key === '-' || event.key === '0')) {
    event.preventDefault();
    navigate(event.key === '0' ? 'fit' : event.key === '-' ? 'zoom-out' : 'zoom-in', '');
    requestMirror();
    return;
  }
  if (event.key === 'Enter' && inView && /^network\/focus\/[^/]+(\/node)?$/.test(target.getAttribute('data-node') || '')) {
    var details = mirrorElement('details');
    if (details) {
      event.preventDefault();
      focusElement(details);
    }
    return;
  }
  if (event.key === 'Escape' && (inView || inDetails)) {
    var selected = window.explorer && window.explorer.selection();
    if (!selected) return;
    event.preventDefault();
    window.explorer.select(null);
    drawPendingFrames();
    refreshMirror();
    var view = mirrorElement('view/' + mirrorTreeView());
    var back = view && view.querySelector('[data-target="' + cssEscape(selected) + '"]');
    focusElement(back || view);
  }
}

// ---- Grids: one Tab stop, arrows between cells.

function gridRows(grid) {
  return Array.prototype.filter.call(grid.children, function (row) { return row.getAttribute('role') === 'row'; });
}
function rowCells(row) {
  return Array.prototype.filter.call(row.children, function (cell) { return /^(gridcell|rowheader|columnheader)$/.test(cell.getAttribute('role')); });
}

// After each refresh: buttons inside grids leave the Tab order; one cell per grid holds it.
function rovingGrids() {
  if (!mirrorRoot) return;
  mirrorRoot.querySelectorAll('[role=grid]').forEach(function (grid) {
    grid.querySelectorAll('button, a, input').forEach(function (inner) { if (inner.tabIndex !== -1) inner.tabIndex = -1; });
    var cells = [];
    gridRows(grid).forEach(function (row) { cells.push.apply(cells, rowCells(row)); });
    if (!cells.length) return;
    var gridId = grid.getAttribute('data-node');
    var activeId = gridActive.get(gridId);
    var active = cells.filter(function (cell) { return cell.getAttribute('data-node') === activeId; })[0] || cells[0];
    cells.forEach(function (cell) {
      var wanted = cell === active ? 0 : -1;
      if (cell.tabIndex !== wanted || !cell.hasAttribute('tabindex')) cell.tabIndex = wanted;
    });
  });
}

function onGridKey(event, grid) {
  var cell = event.target.closest('[role=gridcell], [role=rowheader], [role=columnheader]');
  if (!cell || !grid.contains(cell)) return false;
  var rows = gridRows(grid);
  var row = cell.parentElement;
  var r = rows.indexOf(row);
  var c = rowCells(row).indexOf(cell);
  if (r < 0 || c < 0) return false;
  var key = event.key;
  if (key === 'Enter' || key === ' ') {
    var inner = cell.querySelector('button, a');
    if (!inner) return false;
    event.preventDefault();
    var id = inner.getAttribute('data-target');
    inner.click();
    if (id) focusEntityInView(id);
    return true;
  }
  var moves = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0], PageDown: [10, 0], PageUp: [-10, 0] };
  var nr = r, nc = c;
  if (moves[key]) { nr += moves[key][0]; nc += moves[key][1]; }
  else if (key === 'Home') { nc = 0; if (event.ctrlKey) nr = 0; }
  else if (key === 'End') { nc = Infinity; if (event.ctrlKey) nr = rows.length - 1; }
  else return false;
  event.preventDefault();
  nr = Math.max(0, Math.min(rows.length - 1, nr));
  var cells = rowCells(rows[nr]);
  if (!cells.length) return true;
  var next = cells[Math.max(0, Math.min(cells.length - 1, nc))];
  moveGridFocus(grid, next, rows[nr]);
  return true;
}

function moveGridFocus(grid, cell, row) {
  gridActive.set(grid.getAttribute('data-node'), cell.getAttribute('data-node'));
  rovingGrids();
  cell.focus({ preventScroll: true });
  // A row the view has scrolled out of sight: the view brings it back, then the ring follows.
  var m = /\/row\/([^/]+)$/.exec(row.getAttribute('data-node') || '');
  if (!cell.hasAttribute('data-placed') && m) {
    navigate('reveal', m[1]);
    refreshMirror();
    showFocusRing();
  }
}

function onGridFocus(event) {
  var cell = event.target.closest && event.target.closest('[role=gridcell], [role=rowheader], [role=columnheader]');
  var grid = cell && cell.closest('[role=grid]');
  if (grid) gridActive.set(grid.getAttribute('data-node'), cell.getAttribute('data-node'));
}

function startKeyboard() {
  // Capture: before the canvas's own key handlers, which would take "/" for the canvas field.
  container.addEventListener('keydown', onWidgetKey, true);
  mirrorRoot.addEventListener('focusin', onGridFocus);
  mirrorRoot.addEventListener('click', onSearchOptionClick);
}
