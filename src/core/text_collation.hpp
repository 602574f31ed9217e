// The order names are listed in, for readers of any script: the tables, the matrix, the
// accessible tree and the command line sort names with this one rule, so a name is found where
// the reader looks for it whatever its script, case or accents.
//
// The rule (no locale, no ICU: the same order on every platform and in the browser):
//  1. names compare by their search folding (foldForSearch, text_fold.hpp): case, accents,
//     width forms and typographic punctuation do not count ("École" sits with "ecole", "Ωμέγα"
//     with "ωμεγα", "ＯＥＣＤ" with "OECD");
//  2. in the folded forms, a run of ASCII digits compares as a number ("Lot 9" before
//     "Lot 10"; "007" and "7" are equal at this step); every other character compares by code
//     point. Within a script that is the alphabet's order for Latin without accents, Greek,
//     Russian, Hebrew, Arabic (mostly), kana and Hangul, and the Unicode radical-stroke order
//     for Chinese characters; the scripts follow one another in Unicode's order: Latin, Greek,
//     Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Thai, Georgian, Hangul jamo, kana, CJK,
//     Hangul syllables. One exception: the Cyrillic letters that Ukrainian, Serbian, Macedonian
//     and Kazakh add to Russian's sort right after the letter they grow from (ґ after г, є after
//     е, і after и, љ after л, қ after к…), as in Unicode's default collation and in those
//     alphabets, where by code point they would follow я (ї, ў, like ё, fold to і, у). Letters that
//     fold alike are tied in step 1 and 2; a reader's language may still order some letters
//     otherwise (Swedish å ä ö after z, which fold to a a o here): that is the price of one
//     order for everyone, without a collation table per language;
//  3. ties are broken by the folded bytes (so "007" and "7" still have an order), then by the
//     names' own bytes ("ecole" before "École"): two different names are never equal, and the
//     order never depends on where the names were before the sort.
// Callers that need a total order over entities add their ids last.
//
// Cost: compareNames folds both names, O(a + b); compareFoldedNames on names folded once is
// O(min(a, b)) with no allocation, so sort keys fold each name once (n log n comparisons).
#pragma once

#include <string_view>

namespace explorer {

// < 0 when `a` comes before `b`, 0 when the two are the same bytes, > 0 otherwise.
int compareNames(std::string_view a, std::string_view b);

// Steps 2 and 3's first tie break on texts already folded with foldForSearch: 0 only when the
// two are the same bytes.
int compareFoldedNames(std::string_view foldedA, std::string_view foldedB);

// compareNames(a, b) < 0: a comparator for std::sort.
inline bool nameLess(std::string_view a, std::string_view b) { return compareNames(a, b) < 0; }

} // namespace explorer
