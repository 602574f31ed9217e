// The JSON half of loadDataset (dataset_loader.hpp), internal to the core: parsing a text that
// passed the raw-text gate (raw_text.hpp) into nlohmann_json's DOM, and when it is not JSON the
// one problem a person can act on (a missing comma, a comment, a single quote…), at the
// line:column of the fault rather than nlohmann's "error at byte N".
//
// Cost, for a text of n bytes: O(n) time for the parse (nlohmann's SAX then DOM parsers, plus
// a hash set of member names per open object to find duplicate keys), O(n) memory for the DOM;
// depth is refused past kMaxNestingDepth before it costs anything more. Explaining an error
// reads the text once more: O(n).
#pragma once

#include "core/dataset_loader.hpp"
#include "core/problem_collector.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace explorer {

// "string", "number", "boolean", "null", "array" or "object".
std::string_view jsonTypeName(const nlohmann::json& value);

struct ParsedJson {
    // Set when the text cannot be read as a dataset document: its one problem, placed (syntax,
    // TooDeep, NotAnObject). Nothing else is reported then.
    std::optional<Problem> fault;
    nlohmann::json root; // the top-level object, when there is no fault
};

// Parses `text` (UTF-8, no byte order mark, not blank). A key given twice in one object is a
// DuplicateKey added to `problems` (pointer at the second one, Anchor::Key); reading goes on.
ParsedJson parseDatasetJson(std::string_view text, ProblemCollector& problems);

// A problem at a byte offset of `text`, with its line:column.
Problem problemAtOffset(std::string_view text, std::size_t offset, ProblemCode code, std::string value = {},
                        std::size_t number = 0);

} // namespace explorer
