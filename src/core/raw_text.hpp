// The gate every dataset text goes through before a loader reads it (loadDataset for JSON,
// loadCsvDataset for CSV): size, encoding, byte order mark, emptiness. One set of rules, so that
// a file refused by one loader for its bytes is refused by the other with the same problem.
//
// In this order, the first that applies is the text's only problem:
//   1. more than kMaxInputBytes bytes (byte order mark included): InputTooLarge (number: the
//      limit, detail: the size), without reading the text;
//   2. a UTF-16 byte order mark (FF FE or FE FF): Utf16Encoding;
//   then a UTF-8 byte order mark is skipped (positions are counted without it, as editors show
//   them), and on the rest:
//   3. a NUL byte or a byte that is not well-formed UTF-8 (utf8.hpp), whichever comes first:
//      NulByte or InvalidUtf8, at that byte;
//   4. nothing but spaces, tabs and line breaks (or nothing at all): the code the loader names
//      (EmptyInput for JSON; CsvNoRows for CSV, whose blank file holds no relation).
// Problems 1, 2 and 4 are about the whole file: line 1, column 1. Problem 3 has a byte offset,
// which each loader turns into its own kind of place (line:column in characters for JSON, line
// and field number for CSV).
//
// Cost: O(n) time (three linear scans at most: UTF-8, NUL, blank), O(1) memory; nothing is copied.
#pragma once

#include "core/dataset_loader.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace explorer {

// The UTF-8 byte order mark. Loaders skip it; CSV downloads for spreadsheets in French locales
// start with it (data_export.hpp).
inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// Only spaces, tabs, CR and LF (or empty).
bool isBlankText(std::string_view text);

struct RawTextFault {
    Problem problem;                   // code, detail and number set; line and column not yet
    std::optional<std::size_t> offset; // byte offset in CheckedText::text; nullopt: line 1, column 1
};

struct CheckedText {
    std::string_view text;             // the input without its UTF-8 byte order mark
    std::optional<RawTextFault> fault; // set when the text cannot be read any further
};

// `blankCode` is the problem of a blank text (step 4).
CheckedText checkRawText(std::string_view text, ProblemCode blankCode);

// checkRawText a slice at a time, for a load that must not hold the page (dataset_load_job.hpp):
// checkRawText is this scan run to its end. The UTF-8, NUL and blank checks read the text in
// pieces that end before an ASCII byte, where no UTF-8 sequence can straddle the cut, so the
// first fault found is the one a single pass finds, at the same byte.
class RawTextScan {
public:
    RawTextScan(std::string_view text, ProblemCode blankCode);
    // Reads about `bytes` more bytes (at least one piece). False once result() is known.
    bool step(std::size_t bytes);
    // 0 to 1: the share of the text read.
    double progress() const;
    const CheckedText& result() const { return result_; }

private:
    CheckedText result_;
    ProblemCode blankCode_;
    std::size_t position_ = 0;
    bool anyText_ = false; // a byte that is not a space, tab or line break was met
    bool done_ = false;

    void fail(ProblemCode code, std::optional<std::size_t> offset);
};

} // namespace explorer
