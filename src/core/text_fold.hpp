// Folding text for search: a reader types "education nationale" or "oecd" and expects to find
// "Éducation nationale" and "OECD", so both the query and the searched texts are brought to one
// comparable form before matching.
#pragma once

#include <string>
#include <string_view>

namespace explorer {

// Returns `utf8` lower-cased, without accents, with typographic punctuation made plain and with
// whitespace normalised. The mapping is a fixed table (no locale, no ICU), so the result is the
// same on every platform and in the browser:
//  - Latin letters: A-Z and the accented letters of Latin-1 and Latin Extended-A lose case and
//    diacritics (É → e, Ç → c, Ł → l, Ñ → n, Ş → s, Ș → s); ligatures and sharp s spell out
//    (Œ → oe, Æ → ae, ß → ss, Ĳ → ij, ﬁ → fi); Þ → th, Ð → d;
//  - combining accents (U+0300–U+036F, text stored decomposed) are removed;
//  - ’ ‘ ‚ ′ → ', « » “ ” „ → ", hyphens, figure, en and em dashes and the minus sign → -;
//  - every space character (ASCII whitespace, no-break and narrow no-break spaces, the
//    U+2000–U+200A spaces, ideographic space) counts as a space; runs of spaces become one space
//    and the result has no leading or trailing space;
//  - soft hyphens, zero-width characters, byte order marks, the replacement character U+FFFD and
//    control characters are removed;
//  - any other character (other scripts, symbols) is kept unchanged;
//  - bytes that are not valid UTF-8 (stray continuation bytes, truncated or overlong sequences,
//    surrogates, values above U+10FFFF) are dropped one byte at a time; decoding resumes at the
//    next byte, so a damaged query still finds what its valid part names.
// The result is valid UTF-8. Folding is idempotent: foldForSearch(foldForSearch(s)) == foldForSearch(s).
std::string foldForSearch(std::string_view utf8);

} // namespace explorer
