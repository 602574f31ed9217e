// Which loader a text goes to: the explorer's JSON format or a CSV list of links. The page asks the
// module (explorer_detect_format) rather than keeping its own copy of the rule.
#pragma once

#include <string_view>

namespace explorer {

enum class DatasetFormat { Json, Csv };

// By the file's name first (".json" → JSON; ".csv", ".tsv", ".txt" → CSV, any case), then by its
// first characters: a text whose first non-blank character (after a UTF-8 byte order mark) is "{"
// or "[" is JSON, anything else CSV. `head` may be just the start of the text. O(length of head).
DatasetFormat detectDatasetFormat(std::string_view fileName, std::string_view head);

std::string_view toString(DatasetFormat format); // "json" | "csv"

} // namespace explorer
