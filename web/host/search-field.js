// web/host/search-field.js — the search as a real field (issue 11): the mirror's combobox node is an
// <input> drawn over the canvas's search field (which then only draws its place), so a phone shows
// its on-screen keyboard, input methods compose (Chinese, Japanese, Korean), paste works, and a
// screen reader hears the results: a listbox under the field, the options being the module's hits
// (semantic tree "search/results"). Typing goes to the module as the canvas field's typing did
// (explorer_navigate "search": an intent SetSearch); choosing an option selects the entity through
// the same path as a click (explorer_activate), then focus moves to the entity in the view.

var searchField = null;     // the <input role=combobox>
var searchResults = null;   // the <div role=listbox>
var searchExpanded = false; // the tree says there are results
var searchClosed = false;   // Escape closed the list until the next keystroke
var searchActive = 0;       // index of the highlighted option
var searchComposing = false;

function makeSearchField(element) {
  searchField = element;
  element.type = 'text';
  element.className = 'explorer-search';
  element.autocomplete = 'off';
  element.spellcheck = false;
  element.setAttribute('inputmode', 'search');
  element.setAttribute('enterkeyhint', 'search');
  element.setAttribute('aria-autocomplete', 'list');
  element.setAttribute('aria-controls', 'explorer-search-results');
  element.addEventListener('compositionstart', function () { searchComposing = true; });
  element.addEventListener('compositionend', function () {
    searchComposing = false;
    sendSearch();
  });
  element.addEventListener('input', function (event) {
    // While an input method composes, the text is not the reader's yet.
    if (event.isComposing || searchComposing) return;
    sendSearch();
  });
  element.addEventListener('keydown', onSearchKey);
  element.addEventListener('focus', function () { searchClosed = false; placeSearchResults(); });
  element.addEventListener('blur', function () { placeSearchResults(); });
  if (module) module._explorer_set_search_in_page(1);
}

function makeSearchResults(element) {
  searchResults = element;
  element.id = 'explorer-search-results';
  element.className = 'explorer-search';
  // A press on an option must not blur the field first (the list would close under the pointer).
  element.addEventListener('mousedown', function (event) { event.preventDefault(); });
}

function sendSearch() {
  if (!module || !searchField || !interactive) return;
  withString('search', function (command) {
    return withString(searchField.value, function (value) { return module._explorer_navigate(command, value); });
  });
  searchClosed = false;
  searchActive = 0;
  drawPendingFrames();
  refreshMirror();
}

function searchOptions() {
  return searchResults && searchResults.isConnected ? Array.prototype.slice.call(searchResults.querySelectorAll('[role=option]')) : [];
}

function onSearchKey(event) {
  if (event.isComposing || searchComposing) return;
  var options = searchOptions();
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    if (!options.length) return;
    event.preventDefault();
    if (searchClosed) searchClosed = false;
    else searchActive = Math.max(0, Math.min(options.length - 1, searchActive + (event.key === 'ArrowDown' ? 1 : -1)));
    placeSearchResults();
  } else if (event.key === 'Enter') {
    if (!options.length || searchClosed) return;
    event.preventDefault();
    chooseOption(options[Math.min(searchActive, options.length - 1)]);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    // First Escape closes the list; the next one empties the field.
    if (options.length && !searchClosed) searchClosed = true;
    else if (searchField.value) { searchField.value = ''; sendSearch(); }
    placeSearchResults();
  }
}

function chooseOption(option) {
  var target = option && option.getAttribute('data-target');
  if (!target || !activateNode(option)) return;
  searchClosed = true;
  navigate('reveal', target); // the camera or the list brings it into sight
  refreshMirror();
  focusEntityInView(target);
}

function onSearchOptionClick(event) {
  var option = event.target.closest && event.target.closest('[role=option]');
  if (option && searchResults && searchResults.contains(option)) chooseOption(option);
}

// After each refresh: the list shows under the field while the field has focus and there are
// results; the highlighted option is aria-selected and the field's active descendant.
function placeSearchResults() {
  if (!searchField) return;
  var options = searchOptions();
  var open = !!searchResults && searchResults.isConnected && options.length > 0 && !searchClosed &&
             document.activeElement === searchField;
  searchActive = Math.min(searchActive, Math.max(0, options.length - 1));
  setAttr(searchField, 'aria-expanded', open ? 'true' : 'false');
  options.forEach(function (option, i) { setAttr(option, 'aria-selected', open && i === searchActive ? 'true' : 'false'); });
  setAttr(searchField, 'aria-activedescendant', open && options[searchActive] ? options[searchActive].id : null);
  if (!searchResults) return;
  searchResults.classList.toggle('explorer-open', open);
  if (open) {
    var width = Math.max(searchField.offsetWidth, 260);
    var box = container.getBoundingClientRect();
    var field = searchField.getBoundingClientRect();
    searchResults.style.left = Math.max(0, Math.min(field.left - box.left, box.width - width)) + 'px';
    searchResults.style.top = (field.bottom - box.top + 2) + 'px';
    searchResults.style.width = Math.min(width, box.width) + 'px';
    searchResults.style.height = '';
    // Its containing block is the mirror's region (a pixel): the room is the widget's, below the field.
    searchResults.style.maxHeight = Math.max(80, box.bottom - field.bottom - 10) + 'px';
    if (options[searchActive]) options[searchActive].scrollIntoView({ block: 'nearest' });
  }
}

// The field's colours are the canvas field's, so it reads as the same control in both themes.
function paintSearchField(colours) {
  if (!colours || !container) return;
  var names = { frame: '--explorer-frame', text: '--explorer-text', muted: '--explorer-muted', surface: '--explorer-surface',
                border: '--explorer-border', accent: '--explorer-accent', accentText: '--explorer-accent-text' };
  Object.keys(names).forEach(function (key) {
    if (typeof colours[key] === 'string' && container.style.getPropertyValue(names[key]) !== colours[key]) {
      container.style.setProperty(names[key], colours[key]);
    }
  });
}
