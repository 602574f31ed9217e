// Folding text for search: a reader types "education nationale", "oecd" or "αθηνων" and expects
// to find "Éducation nationale", "OECD" and "Πανεπιστήμιο Αθηνών", so both the query and the
// searched texts are brought to one comparable form before matching.
#pragma once

#include <string>
#include <string_view>

namespace explorer {

// Returns `utf8` lower-cased, without accents, with typographic punctuation made plain and with
// whitespace normalised. The mapping is a fixed table generated at build time from the Unicode
// Character Database (scripts/cmake/text_fold_table.py: the rule, the house choices, the blocks;
// no locale, no ICU), so the result is the same on every platform and in the browser:
//  - letters of Latin (with Latin Extended-B and Extended Additional, so Vietnamese), Greek
//    (with polytonic Greek Extended), Cyrillic, Armenian and Georgian lose case by Unicode's full
//    case folding (Σ ς → σ, Mtavruli Ა → Mkhedruli ა, ẞ → ss) and every accent, tone mark and
//    diacritic their canonical decomposition holds (É → e, ệ → e, ά ΐ → α ι, Ș → s). This is one
//    rule for every script: like ñ → n in Spanish, Cyrillic й → и, ї → і and ё → е (a Russian
//    text prints ё as е more often than not, so a reader types either), a search a little wide
//    rather than one that misses;
//  - Latin letters with a stroke, bar or hook (Ł Đ Ø Ħ ƀ ɓ) lose it, ligatures and sharp s
//    spell out (Œ → oe, Æ → ae, ß → ss, Ĳ → ij, ﬁ → fi, ǆ → dz), Þ → th, Ð → d, ı → i;
//  - full-width ASCII (Ａ！１, U+FF01–U+FF5E) becomes ASCII and half-width katakana and Hangul
//    become their usual forms; kana with a voicing mark are decomposed (ガ → カ + U+3099) so
//    that half-width "ｶﾞ" finds "ガ"; katakana become hiragana (トウキョウ → とうきょう), so a
//    name is found whichever kana the reader types;
//  - Arabic letters with hamza or madda become the bare letter (أ إ آ → ا), and Arabic tashkeel,
//    the tatweel and Hebrew points are removed, so "جَامِعَة" finds "جامعة";
//  - combining marks (U+0300–U+036F and the other combining diacritical blocks, for text stored
//    decomposed) are removed;
//  - ’ ‘ ‚ ′ → ', « » “ ” „ → ", hyphens, figure, en and em dashes and the minus sign → -;
//  - every space character (ASCII whitespace, no-break and narrow no-break spaces, the
//    U+2000–U+200A spaces, ideographic space) counts as a space; runs of spaces become one space
//    and the result has no leading or trailing space;
//  - soft hyphens, zero-width characters, direction marks and bidi controls, byte order marks,
//    the replacement character U+FFFD and control characters are removed;
//  - any other character (CJK, Hangul, Indic scripts, Thai, symbols) is kept unchanged;
//  - bytes that are not valid UTF-8 (stray continuation bytes, truncated or overlong sequences,
//    surrogates, values above U+10FFFF) are dropped one byte at a time; decoding resumes at the
//    next byte, so a damaged query still finds what its valid part names.
// The result is valid UTF-8. Folding is idempotent: foldForSearch(foldForSearch(s)) ==
// foldForSearch(s) (the generator checks that every character it produces folds to itself).
// Cost: linear, O(log R) per character for the R runs of the table (about 520).
std::string foldForSearch(std::string_view utf8);

// The Unicode version of the data the table was generated from ("14.0.0").
std::string_view foldUnicodeVersion();

} // namespace explorer
