// web/host/mirror.js — the mirror: what a reader can reach in the canvas, as real HTML elements
// for screen readers, touch exploration and magnifiers (issue 11). The module describes it as a
// semantic tree (src/core/semantic_tree.hpp, bridge.cpp explorer_semantic_tree_json); this file
// keeps a DOM subtree of #explorer in sync with it, updated in place by node id (focus stays where
// it is), each element that stands for an entity placed over the rectangle where the canvas draws
// it. The elements are invisible (opacity 0) but in the accessibility tree; pointer-events: none
// lets the mouse reach the canvas. Activating one (click, Enter, Space, a checkbox's change) asks
// the module to do what a click on the canvas does (explorer_activate). A polite live region says
// what changed. A visible ring (or a caption for what has no place on screen) shows keyboard focus.

var mirrorRoot = null;       // the mirrored tree's elements
var mirrorNotes = null;      // descriptions, referenced by aria-describedby
var mirrorLive = null;       // role=status: what changed
var mirrorRing = null;       // the focus ring over the canvas (aria-hidden)
var mirrorElements = new Map(); // node id -> element
var mirrorRequested = false;
var mirrorFrames = -1;
var mirrorLastText = '';
var mirrorAnnounced = null;  // {selection, shown} last announced
var mirrorSeq = 0;
var mirrorTitle = null;
var mirrorHeadingLevel = 1;  // the last heading's level, in document order: levels never skip one      // the level-one heading: the dataset's title

// Tags (and the role written on them) for each role of the tree.
var mirrorTags = {
  region: ['section', 'region'], heading: ['div', 'heading'], paragraph: ['p', null], list: ['div', 'list'],
  listitem: ['div', 'listitem'], grid: ['div', 'grid'], row: ['div', 'row'], columnheader: ['div', 'columnheader'],
  rowheader: ['div', 'rowheader'], gridcell: ['div', 'gridcell'], article: ['div', 'article'], link: ['a', null],
  button: ['button', null], checkbox: ['input', null], group: ['div', 'group'], toolbar: ['div', 'toolbar'],
  searchbox: ['input', null], application: ['div', 'application'], combobox: ['input', 'combobox'], listbox: ['div', 'listbox'], option: ['div', 'option']
};
// Roles that take a name from aria-label when they hold other nodes.
var mirrorLabelled = { region: 1, list: 1, grid: 1, article: 1, group: 1, toolbar: 1, row: 1, listbox: 1 };

function startMirror() {
  if (mirrorRoot || !module) return;
  mirrorRoot = document.createElement('div');
  mirrorRoot.id = 'explorer-mirror';
  mirrorNotes = document.createElement('div');
  mirrorNotes.id = 'explorer-mirror-notes';
  mirrorNotes.hidden = true;
  mirrorLive = document.createElement('div');
  mirrorLive.id = 'explorer-announce';
  mirrorLive.className = 'explorer-visually-hidden';
  mirrorLive.setAttribute('role', 'status');
  mirrorLive.setAttribute('aria-live', 'polite');
  mirrorLive.setAttribute('aria-atomic', 'true');
  mirrorRing = document.createElement('div');
  mirrorRing.id = 'explorer-focus-ring';
  mirrorRing.setAttribute('aria-hidden', 'true');
  mirrorRing.hidden = true;
  container.insertBefore(mirrorRoot, canvas.nextSibling);
  container.appendChild(mirrorNotes);
  container.appendChild(mirrorLive);
  container.appendChild(mirrorRing);
  mirrorRoot.addEventListener('click', onMirrorClick);
  mirrorRoot.addEventListener('change', onMirrorChange);
  mirrorRoot.addEventListener('input', onMirrorInput);
  mirrorRoot.addEventListener('focusin', showFocusRing);
  mirrorRoot.addEventListener('focusout', function () { mirrorRing.hidden = true; });
  startKeyboard();
  // What moves without a state change (a scrolled list, an opened panel, a folded legend) moves
  // the elements too: the mirror follows the frames drawn after any input on the canvas.
  ['pointerup', 'wheel', 'keyup', 'touchend'].forEach(function (type) {
    canvas.addEventListener(type, requestMirror, { passive: true });
  });
  api.on('statechange', requestMirror);
  window.addEventListener('resize', requestMirror);
  new ResizeObserver(requestMirror).observe(container);
  refreshMirror();
}

// At most once per animation frame.
function requestMirror() {
  if (mirrorRequested || !mirrorRoot) return;
  mirrorRequested = true;
  requestAnimationFrame(function () {
    mirrorRequested = false;
    refreshMirror();
  });
}

function refreshMirror() {
  if (!module || !mirrorRoot) return;
  var text = readString(module._explorer_semantic_tree_json());
  var frames = module._explorer_frames();
  // While frames are drawn (the layout settling, a pan), follow them a few times a second.
  if (frames !== mirrorFrames) setTimeout(requestMirror, 120);
  mirrorFrames = frames;
  if (text === mirrorLastText) return;
  mirrorLastText = text;
  var tree = JSON.parse(text);
  if (!tree) return;
  var hadFocus = mirrorRoot.contains(document.activeElement) ? document.activeElement : null;
  mirrorRoot.lang = tree.lang;
  mirrorLive.lang = tree.lang;
  var used = new Set();
  mirrorHeadingLevel = 1;
  var rootElement = mirrorNode(tree.root, used, { x: 0, y: 0 });
  // The page's title, the dataset's, as its level-one heading.
  if (!mirrorTitle) {
    mirrorTitle = document.createElement('h1');
    mirrorTitle.style.left = mirrorTitle.style.top = '0px';
    mirrorTitle.style.width = mirrorTitle.style.height = '1px';
  }
  if (mirrorTitle.textContent !== tree.root.name) mirrorTitle.textContent = tree.root.name;
  if (mirrorRoot.firstChild !== mirrorTitle || mirrorTitle.nextSibling !== rootElement || mirrorRoot.childNodes.length !== 2) {
    mirrorRoot.textContent = '';
    mirrorRoot.appendChild(mirrorTitle);
    mirrorRoot.appendChild(rootElement);
  }
  mirrorElements.forEach(function (element, id) {
    if (!used.has(id)) {
      mirrorElements.delete(id);
      if (element._note) element._note.remove();
    }
  });
  // The focused element went away (a selection replaced the list it was in): focus moves to what
  // replaced it, the details of the selection or the view.
  if (hadFocus && !mirrorRoot.contains(hadFocus)) {
    var next = (tree.selection && mirrorElements.get('details')) ||
               mirrorElements.get('view/' + tree.view) || null;
    if (next) {
      if (!next.hasAttribute('tabindex') && !/^(BUTTON|A|INPUT)$/.test(next.tagName)) next.setAttribute('tabindex', '-1');
      next.focus({ preventScroll: true });
    }
  } else if (hadFocus) {
    showFocusRing();
  }
  rovingGrids();
  paintSearchField(tree.colours);
  placeSearchResults();
  announce(tree);
}

// The element for one node (created or updated in place) and its children.
function mirrorNode(node, used, origin) {
  var spec = mirrorTags[node.role] || ['div', 'group'];
  var id = node.id;
  if (used.has(id)) id = node.id + '#' + (mirrorSeq++); // a repeated id: its own element
  used.add(id);
  var element = mirrorElements.get(id);
  if (!element || element.tagName.toLowerCase() !== spec[0]) {
    if (element && element._note) element._note.remove();
    element = document.createElement(spec[0]);
    if (spec[0] === 'button') element.type = 'button';
    if (node.role === 'checkbox') element.type = 'checkbox';
    if (node.role === 'searchbox') { element.type = 'search'; element.autocomplete = 'off'; }
    if (node.role === 'combobox') makeSearchField(element);
    if (node.role === 'listbox' && node.id === 'search/results') makeSearchResults(element);
    if (node.role === 'option') element.id = 'explorer-option-' + (mirrorSeq++);
    if (node.role === 'link') { element.target = '_blank'; element.rel = 'noopener'; }
    element.setAttribute('data-node', node.id);
    mirrorElements.set(id, element);
  }
  if (spec[1]) setAttr(element, 'role', spec[1]);
  var hasChildren = node.children && node.children.length > 0;
  var label = null;
  if (node.role === 'checkbox' || node.role === 'searchbox' || node.role === 'combobox' || node.role === 'application') label = node.name;
  setAttr(element, 'aria-roledescription', node.roledescription || null);
  // The network's node takes the keys: in the Tab order, where a screen reader hands it the keys.
  if (node.role === 'application' && element.tabIndex !== 0) element.tabIndex = 0;
  else if (hasChildren && mirrorLabelled[node.role] && node.name) label = node.name;
  setAttr(element, 'aria-label', label);
  var level = null;
  if (node.role === 'heading') {
    level = Math.max(2, Math.min(node.level || 2, mirrorHeadingLevel + 1));
    mirrorHeadingLevel = level;
  }
  setAttr(element, 'aria-level', level === null ? null : String(level));
  setAttr(element, 'aria-pressed', node.pressed === undefined ? null : String(node.pressed));
  setAttr(element, 'aria-current', node.current ? 'true' : null);
  setAttr(element, 'aria-sort', node.sort || null);
  setAttr(element, 'aria-disabled', node.disabled ? 'true' : null);
  // A static picture (interactive=0) is read, not operated.
  if (/^(button|input)$/.test(spec[0]) && element.disabled !== !interactive) element.disabled = !interactive;
  if (node.role === 'option') setAttr(element, 'aria-disabled', interactive ? null : 'true');
  setAttr(element, 'data-target', node.action && node.action.type === 'select' ? node.action.target : null);
  if (node.role === 'link') setAttr(element, 'href', node.href || null);
  if (node.role === 'checkbox') element.checked = !!node.checked;
  if ((node.role === 'searchbox' || node.role === 'combobox') && document.activeElement !== element && element.value !== (node.value || '')) element.value = node.value || '';
  if (node.role === 'combobox') {
    setAttr(element, 'placeholder', node.name);
    searchExpanded = !!node.expanded;
  }
  if (node.role === 'option') setAttr(element, 'aria-selected', 'false');
  // The description, in a hidden element of its own.
  if (node.description) {
    if (!element._note) {
      element._note = document.createElement('span');
      element._note.id = 'explorer-note-' + (mirrorSeq++);
      mirrorNotes.appendChild(element._note);
    }
    if (element._note.textContent !== node.description) element._note.textContent = node.description;
    setAttr(element, 'aria-describedby', element._note.id);
  } else {
    if (element._note) { element._note.remove(); element._note = null; }
    setAttr(element, 'aria-describedby', null);
  }
  // Where it is: over its rectangle, or a pixel at its parent's corner when it has no place.
  var style = element.style;
  var place = node.rect ? { x: node.rect.x, y: node.rect.y } : origin;
  var left = (place.x - origin.x) + 'px', top = (place.y - origin.y) + 'px';
  var width = node.rect ? node.rect.width + 'px' : '1px', height = node.rect ? node.rect.height + 'px' : '1px';
  if (style.left !== left) style.left = left;
  if (style.top !== top) style.top = top;
  if (style.width !== width) style.width = width;
  if (style.height !== height) style.height = height;
  if (node.rect) element.setAttribute('data-placed', '');
  else element.removeAttribute('data-placed');
  // Content: the name as text for leaves; the children otherwise.
  if (!hasChildren) {
    if (node.role === 'application') {
      if (element.textContent) element.textContent = ''; // named by aria-label: content does not name it
    } else if (spec[0] !== 'input') {
      if (element.childNodes.length !== 1 || element.firstChild.nodeType !== 3 || element.textContent !== node.name) element.textContent = node.name;
    }
    return element;
  }
  var childElements = node.children.map(function (child) { return mirrorNode(child, used, place); });
  var current = element.firstChild;
  for (var i = 0; i < childElements.length; i++) {
    if (current === childElements[i]) { current = current.nextSibling; continue; }
    element.insertBefore(childElements[i], current);
  }
  while (current) {
    var after = current.nextSibling;
    element.removeChild(current);
    current = after;
  }
  return element;
}

function setAttr(element, name, value) {
  if (value === null || value === undefined) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

function mirrorNodeOf(element) {
  var found = element && element.closest ? element.closest('[data-node]') : null;
  return found && mirrorRoot.contains(found) ? found : null;
}

function activateNode(element) {
  if (!module || !element || !interactive) return false;
  var done = callWithString(module._explorer_activate, element.getAttribute('data-node')) === 1;
  drawPendingFrames();
  requestMirror();
  return done;
}

function onMirrorClick(event) {
  var element = mirrorNodeOf(event.target);
  if (!element) return;
  if (element.tagName === 'A') {
    event.preventDefault(); // the module opens it, through the same hook as a click on the canvas
    activateNode(element);
  } else if (element.tagName === 'BUTTON') {
    activateNode(element);
  }
}

function onMirrorChange(event) {
  var element = mirrorNodeOf(event.target);
  if (element && element.type === 'checkbox') activateNode(element);
}

// The search field: the text goes to the module as the host's setState does.
function onMirrorInput(event) {
  var element = mirrorNodeOf(event.target);
  if (element && element.type === 'search') api.setState({ search: element.value });
}

// Keyboard focus is seen: a ring over the entity's place, or a caption for what has none.
function showFocusRing() {
  var element = document.activeElement;
  if (!mirrorRoot || !element || !mirrorRoot.contains(element)) { mirrorRing.hidden = true; return; }
  var box = container.getBoundingClientRect();
  if (element.hasAttribute('data-placed')) {
    var r = element.getBoundingClientRect();
    mirrorRing.className = 'explorer-ring';
    mirrorRing.textContent = '';
    mirrorRing.style.left = (r.left - box.left - 3) + 'px';
    mirrorRing.style.top = (r.top - box.top - 3) + 'px';
    mirrorRing.style.width = (r.width + 6) + 'px';
    mirrorRing.style.height = (r.height + 6) + 'px';
  } else {
    mirrorRing.className = 'explorer-caption';
    mirrorRing.textContent = element.getAttribute('aria-label') || element.textContent || '';
    mirrorRing.style.left = '';
    mirrorRing.style.top = '';
    mirrorRing.style.width = '';
    mirrorRing.style.height = '';
  }
  mirrorRing.hidden = false;
}

// Says `message` through the polite live region (once the mirror exists).
function announceToReader(message) {
  if (mirrorLive) mirrorLive.textContent = message;
}

// "Inria selected", "12 organisations shown", in the widget's language, after a change.
function announce(tree) {
  var now = { selection: tree.selection ? tree.selection.id : null, name: tree.selection ? tree.selection.name : '',
              shown: tree.shown || {}, lang: tree.lang };
  var before = mirrorAnnounced;
  mirrorAnnounced = now;
  if (!before) return; // nothing to say about the view the reader arrives on
  var fr = tree.lang === 'fr';
  var parts = [];
  if (now.selection !== before.selection) {
    parts.push(now.selection ? (fr ? 'Sélection : ' + now.name : now.name + ' selected')
                             : (fr ? 'Sélection effacée' : 'Selection cleared'));
  }
  if (now.shown.organisations !== before.shown.organisations || now.shown.projects !== before.shown.projects) {
    var o = now.shown.organisations, p = now.shown.projects;
    parts.push(fr ? o + (o > 1 ? ' organisations affichées, ' : ' organisation affichée, ') + p + (p > 1 ? ' projets' : ' projet')
                  : o + (o === 1 ? ' organisation shown, ' : ' organisations shown, ') + p + (p === 1 ? ' project' : ' projects'));
  }
  if (parts.length) mirrorLive.textContent = parts.join('. ');
}
