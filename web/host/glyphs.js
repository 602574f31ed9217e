// web/host/glyphs.js — the widget's glyphs, from the reader's own fonts (issue 13). The module has
// no font: it asks this script (Module.explorerGlyphs, src/web/web_glyphs.cpp) for the metrics of
// a face and for batches of glyphs — single characters, or whole texts ("runs") that need the
// browser's shaping and bidirectional layout (Arabic, Hebrew, Indic scripts, Thai…: see
// src/ui/text_runs.hpp) — drawn with Canvas 2D at the device pixel ratio, white on transparent,
// and reads back only their coverage. A batch is drawn into one canvas and read with one
// getImageData.
//
// The typeface: the module's stack (src/core/font_stack.hpp), unless the page names another with
// the `font` option (?font=Georgia, data-font on an embed) or the CSS variable --explorer-font of
// the container; the module's stack stays behind it for the scripts that face lacks.

var glyphStack = '';
var glyphFaces = {};      // "bold|lineHeight" → {css, ascent, descent}
var glyphCanvas = null;
var glyphContext = null;
// Characters that draw nothing on purpose (spaces, controls, format characters), never "missing".
var glyphBlank = /^[\p{Z}\p{Cc}\p{Cf}]$/u;
// Characters that must draw something (letters, digits, punctuation, symbols).
var glyphVisible = /^[\p{L}\p{N}\p{P}\p{S}]$/u;
var glyphRtl = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
var glyphLetter = /\p{L}/u;

function glyphCanvasOfSize(width, height) {
  if (!glyphCanvas) {
    // Read back every batch: keep the canvas in memory rather than on the GPU. (Safari before
    // 16.4 has an OffscreenCanvas without 2D: then a canvas element that is never attached.)
    if (typeof OffscreenCanvas === 'function') {
      glyphCanvas = new OffscreenCanvas(width, height);
      glyphContext = glyphCanvas.getContext('2d', { willReadFrequently: true });
    }
    if (!glyphContext) {
      glyphCanvas = document.createElement('canvas');
      glyphCanvas.width = width;
      glyphCanvas.height = height;
      glyphContext = glyphCanvas.getContext('2d', { willReadFrequently: true });
    }
  }
  if (glyphCanvas.width < width || glyphCanvas.height < height) {
    glyphCanvas.width = Math.max(glyphCanvas.width, width);
    glyphCanvas.height = Math.max(glyphCanvas.height, height);
  }
  return glyphContext;
}

// The page's typeface if it names one the canvas accepts, then the module's.
function chooseGlyphStack(moduleStack) {
  var wanted = String(query.get('font') || '').trim();
  if (!wanted) {
    try { wanted = getComputedStyle(container).getPropertyValue('--explorer-font').trim(); } catch (e) { wanted = ''; }
  }
  if (!wanted || wanted.length > 300) return moduleStack;
  var context = glyphCanvasOfSize(16, 16);
  context.font = '10px monospace';
  var before = context.font;
  context.font = '10px ' + wanted + ', ' + moduleStack;
  // A value the canvas cannot parse is ignored: the font stays what it was.
  return context.font === before ? moduleStack : wanted + ', ' + moduleStack;
}

// A face at a line height (device px): the CSS font whose ascent + descent is that line height, as
// ImGui's size means for a TrueType font, so the layout of the UI keeps its measures.
function glyphFace(bold, lineHeight) {
  var key = (bold ? 'b' : 'r') + lineHeight;
  var face = glyphFaces[key];
  if (face) return face;
  var context = glyphCanvasOfSize(16, 16);
  var weight = bold ? '700 ' : '400 ';
  context.font = weight + '100px ' + glyphStack;
  var m = context.measureText('Hg');
  var ascent = m.fontBoundingBoxAscent, descent = m.fontBoundingBoxDescent;
  if (!(ascent > 0) || !(descent >= 0)) { ascent = 107; descent = 29; } // older engines: Noto's proportions
  var scale = lineHeight / (ascent + descent);
  face = { css: weight + (100 * scale).toFixed(3) + 'px ' + glyphStack, ascent: ascent * scale, descent: descent * scale,
           sizePerLine: 100 / (ascent + descent) };
  glyphFaces[key] = face;
  return face;
}

function glyphText(job) { return job.run !== null ? job.run : String.fromCodePoint(job.codepoint); }

// The ink of a cell: its bounding box and coverage, or null when it drew nothing.
function glyphInk(data, stride, x0, y0, width, height) {
  var minX = width, minY = height, maxX = -1, maxY = -1;
  for (var y = 0; y < height; y++) {
    var row = ((y0 + y) * stride + x0) * 4 + 3;
    for (var x = 0; x < width; x++) {
      if (data[row + x * 4] !== 0) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (maxX < 0) return null;
  var w = maxX - minX + 1, h = maxY - minY + 1;
  var alpha = new Uint8Array(w * h);
  for (var yy = 0; yy < h; yy++) {
    var from = ((y0 + minY + yy) * stride + x0 + minX) * 4 + 3;
    for (var xx = 0; xx < w; xx++) alpha[yy * w + xx] = data[from + xx * 4];
  }
  return { x: minX, y: minY, width: w, height: h, alpha: alpha };
}

function sameInk(a, b) {
  if (!a || !b || a.width !== b.width || a.height !== b.height) return false;
  for (var i = 0; i < a.alpha.length; i++) if (a.alpha[i] !== b.alpha[i]) return false;
  return true;
}

var explorerGlyphs = {
  start: function (moduleStack) {
    glyphStack = chooseGlyphStack(moduleStack);
    glyphFaces = {};
    // For tests and the curious: the face the canvas draws in, and its CSS size per px of line height.
    canvas.setAttribute('data-font-stack', glyphStack);
    canvas.setAttribute('data-font-size-per-line', String(glyphFace(false, 100).sizePerLine));
  },
  metrics: function (bold, lineHeight) {
    var face = glyphFace(bold, lineHeight);
    return { ascent: face.ascent, descent: face.descent };
  },
  // jobs: [{bold, lineHeight, codepoint, run, measure}] → [{width, height, left, top, advance, missing, alpha}]
  rasterise: function (jobs) {
    var measure = glyphCanvasOfSize(16, 16);
    // Each character is checked against the browser's "no glyph" box: the picture of U+FFFF, a
    // noncharacter no font maps, in the same face.
    var cells = [];
    var tofuOf = {};
    var all = jobs.slice();
    jobs.forEach(function (job) {
      if (job.run !== null) return;
      var key = (job.bold ? 'b' : 'r') + job.lineHeight;
      if (!(key in tofuOf)) {
        tofuOf[key] = all.length;
        all.push({ bold: job.bold, lineHeight: job.lineHeight, codepoint: 0xFFFF, run: null });
      }
    });
    var width = 2048, x = 0, y = 0, rowHeight = 0, usedWidth = 1;
    all.forEach(function (job) {
      var face = glyphFace(job.bold, job.lineHeight);
      var text = glyphText(job);
      measure.font = face.css;
      if (job.measure) { // a width for the layout, no pixels
        cells.push({ skip: true, advance: Math.round(measure.measureText(text).width), text: text });
        return;
      }
      // Whole device pixels: each glyph then lands on the pixel grid it was drawn on (no blur from
      // sampling between texels), as font hinting would place it.
      var advance = Math.round(measure.measureText(text).width);
      var pad = Math.ceil(job.lineHeight * 0.5);
      var cellWidth = Math.min(width, Math.ceil(advance) + 2 * pad);
      var cellHeight = Math.ceil(job.lineHeight * 2);
      if (x + cellWidth > width) { x = 0; y += rowHeight; rowHeight = 0; }
      cells.push({ x: x, y: y, width: cellWidth, height: cellHeight, pad: pad,
                   baseline: pad + Math.round(face.ascent), advance: advance, text: text, face: face });
      x += cellWidth;
      usedWidth = Math.max(usedWidth, x);
      rowHeight = Math.max(rowHeight, cellHeight);
    });
    var height = Math.max(1, y + rowHeight);
    // Only the part the batch uses is cleared and read back: reading pixels is the costly step.
    width = usedWidth;
    var context = glyphCanvasOfSize(width, height);
    context.clearRect(0, 0, width, height);
    context.fillStyle = '#fff';
    context.textBaseline = 'alphabetic';
    context.textAlign = 'left';
    cells.forEach(function (cell) {
      if (cell.skip) return;
      context.font = cell.face.css;
      // The paragraph's direction from its first strong character, as the bidirectional
      // algorithm decides for a text of unknown direction (rules P2, P3).
      var first = glyphLetter.exec(cell.text);
      context.direction = first && glyphRtl.test(first[0]) ? 'rtl' : 'ltr';
      context.fillText(cell.text, cell.x + cell.pad, cell.y + cell.baseline);
    });
    var data = context.getImageData(0, 0, width, height).data;
    var inks = cells.map(function (cell) { return cell.skip ? null : glyphInk(data, width, cell.x, cell.y, cell.width, cell.height); });
    return jobs.map(function (job, i) {
      var cell = cells[i], ink = inks[i];
      var missing = false;
      if (job.run === null) {
        var text = cell.text;
        if (!glyphBlank.test(text)) {
          var tofu = inks[tofuOf[(job.bold ? 'b' : 'r') + job.lineHeight]];
          missing = ink ? (sameInk(ink, tofu) && Math.abs(cell.advance - cells[tofuOf[(job.bold ? 'b' : 'r') + job.lineHeight]].advance) < 0.01)
                        : glyphVisible.test(text);
        }
      }
      if (!ink) return { width: 0, height: 0, left: 0, top: 0, advance: cell.advance, missing: missing, alpha: null };
      return { width: ink.width, height: ink.height, left: ink.x - cell.pad, top: ink.y - cell.baseline,
               advance: cell.advance, missing: missing, alpha: ink.alpha };
    });
  }
};
