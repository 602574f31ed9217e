// The folding table of foldForSearch (text_fold.hpp), generated at build time from the Unicode
// Character Database by scripts/cmake/text_fold_table.py (which documents the rule and the
// encoding); only text_fold.cpp reads it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace explorer::fold_table {

enum RunKind : std::uint32_t { Delta = 0, Const = 1, Pairs = 2, String = 3 };

extern const std::size_t kRunCount;
extern const std::uint32_t kRunHeads[];  // first << 11 | (length - 1) << 3 | kind, sorted
extern const std::uint16_t kRunValues[]; // one per run, meaning by kind
extern const char kStrings[];            // the UTF-8 outputs of String runs
extern const char kUnicodeVersion[];     // of the Python that generated the table

} // namespace explorer::fold_table
