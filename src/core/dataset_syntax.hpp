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

#include "core/dataset_load_job.hpp"
#include "core/dataset_loader.hpp"
#include "core/problem_collector.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace explorer {

// "string", "number", "boolean", "null", "array" or "object".
std::string_view jsonTypeName(const nlohmann::json& value);

// A number, true, false or null as JSON text, the bytes nlohmann's dump() writes (a number that is
// not finite as null), through JsonWriter: nlohmann_json only parses (README.md, "One file").
std::string jsonScalarText(const nlohmann::json& value);

struct ParsedJson {
    // Set when the text cannot be read as a dataset document: its one problem, placed (syntax,
    // TooDeep, NotAnObject). Nothing else is reported then.
    std::optional<Problem> fault;
    nlohmann::json root; // the top-level object, when there is no fault
};

// Parses `text` (UTF-8, no byte order mark, not blank). A key given twice in one object is a
// DuplicateKey added to `problems` (pointer at the second one, Anchor::Key); reading goes on.
ParsedJson parseDatasetJson(std::string_view text, ProblemCollector& problems);

// parseDatasetJson a slice at a time (dataset_load_job.hpp), with the same outcome: the same DOM,
// the same DuplicateKey problems in the same order, the same fault. A document that is an object
// is read one member at a time, and a member that is an array one item at a time: first the
// syntax of every piece, through the same SAX checks as parseDatasetJson (fed the events of the
// object and the arrays around the piece), then the DOM of every piece, put together. A text
// whose shape this cutting does not follow (not an object, a piece that does not parse, a check
// that stops) is parsed again whole by parseDatasetJson, after `problems` is emptied: the fault
// is then exactly the one parseDatasetJson reports. Both passes cost what parseDatasetJson's
// two passes cost, plus one scan of each piece's bytes to find where it ends.
class SlicedJsonParse {
public:
    SlicedJsonParse(std::string_view text, ProblemCollector& problems);
    SlicedJsonParse(const SlicedJsonParse&) = delete;
    SlicedJsonParse& operator=(const SlicedJsonParse&) = delete;
    ~SlicedJsonParse();

    // Parses pieces until `budget` (bytes) is spent. False once take() is ready.
    bool step(WorkBudget& budget);
    // 0 to 1: the syntax pass is the first half, the DOM the second.
    double progress() const;
    ParsedJson take();

private:
    struct State;
    std::unique_ptr<State> state_;
};

// A problem at a byte offset of `text`, with its line:column.
Problem problemAtOffset(std::string_view text, std::size_t offset, ProblemCode code, std::string value = {},
                        std::size_t number = 0);

} // namespace explorer
