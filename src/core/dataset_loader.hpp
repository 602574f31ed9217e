// Reads a dataset in the `communs-explorer/1` format (data/README.md) and checks every rule.
//
// Contract: loadDataset never aborts, never throws and never half-loads. It returns either a
// Dataset and no problems, or no Dataset and every problem found (up to kMaxProblems), each
// with the JSON pointer of the value at fault and the line:column a person would look at.
//
// Order of checks. The raw text first: size, encoding (UTF-16, invalid UTF-8, NUL bytes),
// emptiness (raw_text.hpp, the gate loadCsvDataset shares), JSON syntax, nesting depth. A text
// failing these gets that one problem and no more, since nothing after it can be read reliably.
// A UTF-8 byte order mark is accepted and skipped; positions are counted without it, as editors
// show them. Then, on well-formed JSON, every schema and reference rule, all reported together.
// (Sources: raw_text.cpp, dataset_syntax.cpp, dataset_rules.cpp; the messages are in
// problem_messages.cpp, the problem list in problem_collector.hpp.)
//
// Strictness: a field the format does not define is a problem (UnknownField), because in a
// newsroom's CI a misspelt "souces" must fail, not silently drop the sources. The only extra
// field allowed is "$schema" at the top level, for editors that validate against schema.json.
// A key given twice in one object is a problem too (DuplicateKey): JSON parsers keep one of the
// two silently.
//
// Required and checked, beyond the rules listed in data/README.md (and as data/schema.json has
// them): every entity has a `description`; every source has a `date` and a `url`; a `call`
// has a `name` and `sources`; items of a list (sources, aliases, licences, axes, sectors) are
// given once; `conflict` keys are ids; licences are SPDX-style ids ("Apache-2.0"). Stricter
// than the schema: dates must exist (no 2024-02-30), URLs are http(s) only (they become
// links), `country` is empty or two capital letters, `duration_months` is 1 to 600, texts may
// not be blank, and the same (source, role, target) relation may not appear twice.
// When a whole list is missing or unusable (`sources`, `entities`), references into it are
// not checked: its one fault is reported instead of one "unknown" per reference.
//
// Positions: see json_positions.hpp (lines and columns from 1; columns count code points).
// A problem about a value points at the start of that value; a problem about a member name
// (UnknownField, DuplicateKey, FieldNotForKind) points at the name; a missing field points at
// the object that lacks it, while its pointer names the missing member.
//
// Cost, guaranteed for any text within the limits below (n bytes, n ≤ kMaxInputBytes, whatever
// the shape): O(n) time and O(n) memory (expected: ids are looked up in hash tables).
// - The raw-text gate reads the bytes once and copies nothing.
// - Syntax: nlohmann_json's SAX parser reads the text once, with a set of member names per open
//   object (at most kMaxNestingDepth open at a time) to find duplicate keys; a nesting past
//   kMaxNestingDepth stops it there. Then its DOM parser reads it once more. Explaining a syntax
//   error reads the text once more.
// - Rules: each value of the DOM is visited a bounded number of times; entity and source ids,
//   vocabulary terms, list items and (source, role, target) triples are looked up in hash
//   tables, so duplicates and references cost O(1) each; a list longer than kMaxEntities or
//   kMaxRelations is refused by its size before any item is read.
// - Problems: only the first kMaxProblems are kept, with at most 1 MiB of text between them
//   (problem_collector.hpp): 200 duplicate keys deep under megabyte-long member names cost no
//   more than a few. Placing them is one pass over the text for their pointers and one for
//   their line:column; the others are only counted (a repeated key's pointer is not even built).
// Memory is nlohmann_json's DOM, plus the Dataset: about 8 bytes per byte of text for a real
// dataset, up to about 33 for hostile text made only of tiny values, where the DOM is the whole
// cost. Measured (RelWithDebInfo, x86-64, one core; tests/core/loader_limits_test.cpp builds
// these inputs): 20,000 entities and 100,000 relations on one line of 20 MiB load in 0.7 s,
// 190 MB peak; 20 MiB of sources each with an invalid date (190,000 problems) 0.7 s, 300 MB;
// 3.4 million repeats of one key 0.4 s; 1.8 million repeats under a 10 MiB member name 0.35 s
// (was 9 s for a 100 KB name: every repeat built its pointer); the hostile shapes, 20 MiB of
// `[{},{},…]`, of `[0,0,…]`, of arrays nested to the limit or of two million distinct member
// names took 1.5 to 3.5 s and 240 to 690 MB until the SAX pass stopped at kMaxJsonValues values,
// before any DOM is built: now at most about 200 MB.
#pragma once

#include "model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {

inline constexpr std::string_view kDatasetFormat = "communs-explorer/1";

// Limits that keep the widget responsive with hostile or mistaken input. Going past one is a
// problem, not a crash.
inline constexpr std::size_t kMaxInputBytes = 20U * 1024U * 1024U; // 20 MiB, BOM included
inline constexpr std::size_t kMaxEntities = 20'000;
inline constexpr std::size_t kMaxRelations = 100'000;
inline constexpr std::size_t kMaxNestingDepth = 64; // objects and arrays inside one another
// JSON values (objects, arrays, strings, numbers, literals) in one text: a dataset at the entity
// and relation limits holds about one million; tiny values packed into 20 MiB would make a DOM of
// up to 690 MB, which this bounds to about 200 MB (the browser's memory is the reader's).
inline constexpr std::size_t kMaxJsonValues = 2'000'000;
// At most this many problems are listed (and at most 1 MiB of their pointers, values and details
// together, which only hostile input reaches); one more problem, TooManyProblems, says how many
// were left out.
inline constexpr std::size_t kMaxProblems = 200;

enum class ProblemCode {
    // Reading the text (at most one of these, and nothing else)
    InputTooLarge,        // number: the limit in bytes; detail: the size
    EmptyInput,
    Utf16Encoding,
    InvalidUtf8,
    NulByte,
    JsonUnexpectedEnd,
    JsonTrailingComma,
    JsonMissingComma,
    JsonMissingColon,
    JsonComment,
    JsonSingleQuote,
    JsonControlCharacter, // value: "U+000A"
    JsonBadEscape,
    JsonNumberOutOfRange, // value: the number as written
    JsonBadNumber,        // value: the word as written ("01", "1.")
    JsonBareWord,         // value: the word as written ("True", "undefined", an unquoted name)
    JsonTrailingContent,
    JsonUnexpectedToken,  // value: the token as written (shortened)
    TooDeep,              // number: kMaxNestingDepth
    NotAnObject,          // value: the JSON type found
    // Structure
    DuplicateKey,         // value: the key
    UnknownField,         // value: the field name
    InferenceNotStored,   // value: "certainty" (the format stores what sources state, nothing inferred)
    MissingField,         // value: the field name
    WrongType,            // value: the JSON type found; detail: the type expected (see below)
    WrongFormat,          // value: the format found
    EmptyString,
    MissingTranslation,   // value: "fr" or "en"
    FieldNotForKind,      // value: the field; detail: the entity kind
    TooManyEntities,      // number: kMaxEntities; detail: the count found
    TooManyRelations,     // number: kMaxRelations; detail: the count found
    // Values
    InvalidId,            // value: the id
    InvalidDate,          // value
    InvalidUrl,           // value
    InvalidCountry,       // value
    InvalidDuration,      // value: the number as written
    InvalidLicence,       // value: not an SPDX-style identifier ("Apache-2.0")
    UnknownKind,          // value
    UnknownLayer,         // value
    // Uniqueness
    DuplicateEntityId,    // value: the id; detail: pointer of the first occurrence
    DuplicateSourceId,    // value: the id; detail: pointer of the first occurrence
    DuplicateTermId,      // value: the id; detail: pointer of the first occurrence, or "" when
                          // the id is a built-in type or role
    DuplicateRelation,    // detail: pointer of the first relation with the same source, role, target
    DuplicateItem,        // value: the item; detail: pointer of its first occurrence in the same
                          // list (sources, aliases, licences, axes, sectors)
    // References
    MissingOrganisationType,
    UnknownType,          // value
    UnknownRole,          // value
    UnknownAxis,          // value
    UnknownSector,        // value
    UnknownEntity,        // value: the id
    SelfRelation,         // value: the id
    UnknownSource,        // value: the id
    EmptySourceList,
    // The list was cut
    TooManyProblems,      // number: how many more problems were found
    // CSV files only (csv_import.hpp, where `column` is a field number, not a character)
    CsvBadQuote,          // a quoted field is not closed, or text follows its closing quote
    CsvNoRows,            // the file holds no relation: empty, blank, or a header alone
    CsvFieldCount,        // value: the number of fields on the line; number: the header's
    CsvTypeConflict,      // value: the type given here; detail: the type given first; number: its line
    CsvTooManyRoles,      // value: the first role over the limit, as written; number: kMaxCsvFreeRoles;
                          // detail: the count of distinct free-text roles found
    CsvTooManyFields,     // value: the number of fields on the header line; number: kMaxCsvFields
    TooManyValues,        // number: kMaxJsonValues (a raw-text problem: reported alone)
};

struct Problem {
    std::string pointer; // RFC 6901; "" is the whole document
    int line = 0;        // 1-based; 0 for TooManyProblems, which has no place in the text
    int column = 0;      // 1-based, in Unicode code points (not bytes)
    ProblemCode code = ProblemCode::EmptyInput;
    std::string value;   // see ProblemCode
    // WrongType expects one of: "string", "whole_number", "array", "object".
    std::string detail;  // see ProblemCode
    std::size_t number = 0;
};

struct LoadResult {
    std::optional<Dataset> dataset; // set exactly when `problems` is empty
    std::vector<Problem> problems;  // in document order, TooManyProblems last
};

LoadResult loadDataset(std::string_view text);

// A source or website address the explorer may turn into a link: http:// or https://, a host,
// and no space, quote, angle bracket or backslash ("javascript:" never passes).
bool isWebUrl(std::string_view url);

// Stable snake_case name of a code, for machine-readable output: "unknown_entity".
std::string_view toString(ProblemCode code);

// The problem in one sentence, without its place: "\"org:inra\" is not a known entity id".
std::string problemMessage(const Problem& problem, Lang lang);

// Pointer, message and place: "/relations/12/target: \"org:inra\" is not a known entity id
// (line 340, column 17)". The root pointer shows as "(root)" / "(racine)".
std::string describe(const Problem& problem, Lang lang);

} // namespace explorer
