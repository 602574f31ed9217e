// web/host/start.js — the start: create the module from the unpacked wasm, hand it the dataset and the
// page's defaults, open the view the URL (or a saved copy) names, then run the calls a host made
// before, and watch size, visibility, location and files.

function start() {
  if (!hasWebGl2()) {
    webGl2Unavailable('no-webgl2');
    return;
  }
  // While the widget starts, a screen reader waits rather than read the text version it replaces.
  container.setAttribute('aria-busy', 'true');
  var darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  Promise.resolve(packed.wasm).then(function (wasmBinary) {
    packed.wasm = null;
    return createExplorerModule({
      wasmBinary: wasmBinary,
      canvas: canvas,
      explorerGlyphs: explorerGlyphs, // web/host/glyphs.js: the reader's fonts
      onFirstFrame: function () {
        statusBox.hidden = true;
        if (fallback) fallback.hidden = true;
        container.removeAttribute('aria-busy');
        // The mirror replaces the text version for assistive technology; built after this frame.
        Promise.resolve().then(startMirror);
        resolveReady(api);
      },
      onWebGlUnavailable: webGl2Unavailable,
      onStateChange: onStateChange,
      onOpenLink: openLink,
      onAction: runAction,
      onFillDataset: fillDataset,
      onDatasetLoaded: datasetLoaded,
      printErr: function (text) { console.warn('[explorer]', text); }
    });
  }).then(function (instance) {
    module = instance;
    if (module._explorer_init(darkQuery.matches ? 1 : 0) !== 0) return;
    watchPreferences();
    var dataElement = document.getElementById('explorer-data');
    var dataFormat = dataElement.getAttribute('data-format') === 'csv' ? 'csv' : 'json';
    var dataText = dataElement.textContent;
    if (!dataText && packed.dataset !== null) {
      dataText = packed.dataset; // the delivered dataset, packed (a CSV as it is, not as a JSON string)
    } else if (dataFormat === 'csv') {
      try { dataText = JSON.parse(dataText); } catch (e) { dataText = ''; }
    }
    packed.dataset = null;
    withString(dataFormat, function (formatPointer) {
      return withString(dataText, function (textPointer) { return module._explorer_load_dataset(textPointer, formatPointer); });
    });
    callWithString(module._explorer_set_defaults_json, JSON.stringify(defaults));
    if (location.hash.length > 1) applyLocationHash();
    else if (savedHash()) callWithString(module._explorer_apply_hash, savedHash());
    module._explorer_set_interactive(interactive ? 1 : 0);
    runQueuedCalls();

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
    watchLocation();
    new ResizeObserver(requestResize).observe(container);
    watchPixelRatio();
    darkQuery.addEventListener('change', function (event) { module._explorer_set_system_dark(event.matches ? 1 : 0); });
    watchVisibility();
    resize();
  }).catch(function (error) {
    showMessage('L’explorateur n’a pas pu démarrer : ' + error.message, 'The explorer could not start: ' + error.message);
    rejectReady(error);
  });
}

start();
