// web/unpack.js — the page's first script: unpacks what scripts/assemble_page.mjs packed (the
// Emscripten loader, the page script of web/host/, the wasm and the dataset: one LZMA stream,
// written as text in base 124) and runs the two scripts. Why this form: the comment
// at the top of scripts/assemble_page.mjs. Pure JavaScript: no request, no DecompressionStream.
// The page carries this file without its full-line comments and indentation (compactScript in
// scripts/assemble_page.mjs): keep comments on lines of their own, and no template literal.
(function (global) {
'use strict';

// ---- Text → bytes: base 124. Each 38 characters are the digits (most significant first) of a
// number below 256^33, that is 33 bytes; a shorter last group of n bytes has the fewest digits d
// with 124^d >= 256^n. A digit is a character below U+0080 other than NUL and the EXCLUDED ones,
// in code order. The number is built in eleven 24-bit limbs (least significant first), so plain
// numbers serve and no BigInt is needed.
var EXCLUDED = [0, 10, 13, 60];
var GROUP_BYTES = 33;
function textToBytes(text, length) {
  var digitOf = new Int8Array(128).fill(-1);
  for (var c = 1, d = 0; c < 128; c++) if (EXCLUDED.indexOf(c) < 0) digitOf[c] = d++;
  var out = new Uint8Array(length);
  var limbs = new Int32Array(11);
  var t = 0;
  for (var at = 0; at < length; at += GROUP_BYTES) {
    var bytes = Math.min(GROUP_BYTES, length - at);
    // The digits of `bytes` bytes: 38 for a whole group, else the least d with 124^d >= 256^bytes.
    var count = bytes === GROUP_BYTES ? 38 : Math.ceil(bytes * 8 / Math.log2(124) - 1e-9);
    if (t + count > text.length) throw new Error('payload truncated');
    limbs.fill(0);
    for (var i = 0; i < count; i++) {
      var code = text.charCodeAt(t++);
      var carry = code < 128 ? digitOf[code] : -1;
      if (carry < 0) throw new Error('bad packed text');
      for (var l = 0; l < 11; l++) {
        var v = limbs[l] * 124 + carry;
        limbs[l] = v & 16777215;
        carry = v >>> 24;
      }
      if (carry) throw new Error('bad packed text');
    }
    // Above 256^bytes the text was changed on its way.
    for (var j = 0; j < 33; j++) {
      var byte = (limbs[(j / 3) | 0] >> (8 * (j % 3))) & 255;
      if (j < bytes) out[at + bytes - 1 - j] = byte;
      else if (byte) throw new Error('bad packed text');
    }
  }
  return out;
}

// ---- LZMA ("LZMA alone" stream, as `xz --format=lzma` writes it), after the reference decoder
// of the LZMA SDK (LzmaSpec.cpp). The output size is known; the window is the output itself. One
// function with the range coder in local variables (I the input and o the position in it, r the
// range, c the code, P the probabilities), each bit decoded in place by the same line ("bit i → b":
// q is the bound): V8 keeps them in registers, two to three times faster than a helper function.
function lzmaDecode(I, outSize) {
  var out = new Uint8Array(outSize);
  var props = I[0];
  if (props >= 225) throw new Error('bad LZMA properties');
  var lc = props % 9, lp = ((props / 9) | 0) % 5, pb = (props / 45) | 0;
  // Probabilities, one array: isMatch, isRep, isRepG0-2, isRep0Long, posSlot[4], posDecoders,
  // align, the two length decoders (choice, choice2, low[16] and mid[16] trees of 3 bits, a high
  // tree of 8 bits), then the literal coders.
  var IS_MATCH = 0, IS_REP = 192, IS_REP_G0 = 204, IS_REP_G1 = 216, IS_REP_G2 = 228, IS_REP0_LONG = 240,
      POS_SLOT = 432, SPEC_POS = 688, ALIGN = 803, LEN = 819, REP_LEN = 1333, LITERAL = 1847;
  var P = new Uint16Array(LITERAL + (0x300 << (lc + lp)));
  P.fill(1024);
  // Range and code: unsigned 32-bit values held as non-negative numbers. 13 bytes of header, then
  // the coder's first byte (always 0), then the code.
  var o = 14, r = 4294967295, c = I[o] * 16777216 + (I[o + 1] << 16 | I[o + 2] << 8 | I[o + 3]);
  o += 4;
  var state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0, n = 0;
  var pbMask = (1 << pb) - 1, lpMask = (1 << lp) - 1;
  var i, p, q, b, m, base, bits, len, symbol;
  while (n < outSize) {
    var posState = n & pbMask;
    i = IS_MATCH + (state << 4) + posState;
    p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
    if (!b) {
      base = LITERAL + 0x300 * (((n & lpMask) << lc) + ((n > 0 ? out[n - 1] : 0) >> (8 - lc)));
      symbol = 1;
      if (state >= 7) {
        var matchByte = out[n - rep0 - 1];
        do {
          var matchBit = (matchByte >> 7) & 1;
          matchByte <<= 1;
          i = base + ((1 + matchBit) << 8) + symbol;
          p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
          symbol = (symbol << 1) | b;
        } while (matchBit === b && symbol < 0x100);
      }
      while (symbol < 0x100) {
        i = base + symbol;
        p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
        symbol = (symbol << 1) | b;
      }
      out[n++] = symbol;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    i = IS_REP + state;
    p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
    var isRep = b;
    if (isRep) {
      if (n === 0) throw new Error('bad LZMA data');
      i = IS_REP_G0 + state;
      p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
      if (!b) {
        i = IS_REP0_LONG + (state << 4) + posState;
        p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
        if (!b) { // one byte at rep0
          state = state < 7 ? 9 : 11;
          out[n] = out[n - rep0 - 1];
          n++;
          continue;
        }
      } else {
        var dist;
        i = IS_REP_G1 + state;
        p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
        if (!b) {
          dist = rep1;
        } else {
          i = IS_REP_G2 + state;
          p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
          if (!b) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      state = state < 7 ? 7 : 10;
    }
    // The length: choice, then choice2, pick the tree; then the tree.
    var lenBase = isRep ? REP_LEN : LEN;
    i = lenBase;
    p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
    if (!b) {
      base = lenBase + 2 + (posState << 3); bits = 3; len = 0;
    } else {
      i = lenBase + 1;
      p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
      if (!b) { base = lenBase + 130 + (posState << 3); bits = 3; len = 8; } else { base = lenBase + 258; bits = 8; len = 16; }
    }
    for (m = 1; m < (1 << bits); ) {
      i = base + m;
      p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
      m = (m << 1) | b;
    }
    len += m - (1 << bits);
    if (!isRep) {
      // The distance: a 6-bit slot, then reversed bits (a model below slot 14, else direct bits
      // and 4 modelled bits).
      base = POS_SLOT + ((len < 3 ? len : 3) << 6);
      for (m = 1; m < 64; ) {
        i = base + m;
        p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
        m = (m << 1) | b;
      }
      var slot = m - 64;
      if (slot < 4) {
        rep0 = slot;
      } else {
        bits = (slot >> 1) - 1;
        rep0 = (2 | (slot & 1)) * Math.pow(2, bits);
        if (slot < 14) {
          base = SPEC_POS + rep0 - slot;
        } else {
          for (var k = bits - 4, direct = 0; k > 0; k--) {
            r = Math.floor(r / 2);
            b = c >= r ? 1 : 0;
            if (b) c -= r;
            direct = direct * 2 + b;
            if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
          }
          rep0 += direct * 16;
          base = ALIGN;
          bits = 4;
        }
        for (m = 1, k = 0; k < bits; k++) {
          i = base + m;
          p = P[i]; q = (r >>> 11) * p; if (c < q) { r = q; P[i] = p + (2048 - p >> 5); b = 0; } else { r -= q; c -= q; P[i] = p - (p >> 5); b = 1; } if (r < 16777216) { r *= 256; c = c * 256 + I[o++]; }
          m = (m << 1) | b;
          rep0 += b * (1 << k);
        }
        if (rep0 === 4294967295) break; // end marker
      }
      if (rep0 >= n) throw new Error('bad LZMA data');
    }
    len += 2;
    if (len > outSize - n) throw new Error('bad LZMA data');
    for (var from = n - rep0 - 1, end = n + len; n < end; ) out[n++] = out[from++];
  }
  if (n !== outSize) throw new Error('LZMA data ends early');
  return out;
}

// ---- The page: the packed element names its parts and their sizes, in order.
function unpack(element) {
  var sizes = element.getAttribute('data-parts').split(',');
  var bytes = lzmaDecode(textToBytes(element.textContent, +element.getAttribute('data-bytes')),
                         +element.getAttribute('data-size'));
  var parts = {}, at = 0;
  for (var i = 0; i < sizes.length; i++) {
    var nameSize = sizes[i].split(':');
    parts[nameSize[0]] = bytes.subarray(at, at += +nameSize[1]);
  }
  return parts;
}

var api = { textToBytes: textToBytes, lzmaDecode: lzmaDecode, EXCLUDED: EXCLUDED, GROUP_BYTES: GROUP_BYTES };
if (!global.document) {
  global.explorerUnpack = api; // tests load this file without a page
  return;
}
var element = document.getElementById('explorer-packed');
// The page as delivered, before anything ran: "Save for offline" writes it back out.
var page = '<!doctype html>\n' + document.documentElement.outerHTML;
var started = performance.now();
var parts;
try {
  parts = unpack(element);
} catch (error) {
  // A damaged page (the packed text changed on its way): the reader keeps the text version.
  document.getElementById('explorer-status').hidden = true;
  throw error;
}
// How long unpacking took, for scripts/bench.mjs: performance.getEntriesByName('explorer-unpack').
try { performance.measure('explorer-unpack', { start: started }); } catch (e) { /* an older browser */ }
var text = function (name) { return parts[name] ? new TextDecoder().decode(parts[name]) : null; };
global.explorerPacked = { page: page, wasm: parts.wasm, dataset: text('dataset') };
// The widget's styles (web/widget.css) join the page's before anything draws.
var style = document.createElement('style');
style.textContent = text('styles') || '';
document.head.appendChild(style);
// Each script runs as the inline script it was before it was packed (same scope, same policy).
['loader', 'host'].forEach(function (name) {
  var script = document.createElement('script');
  script.text = text(name);
  document.head.appendChild(script);
  document.head.removeChild(script);
});
})(this);
