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
// the shape): O(n) time and O(n) memory (expected: ids are looked up in hash tables), and at
// most kMaxJsonValues values in the DOM.
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
// Memory is nlohmann_json's DOM, plus the Dataset, while the rules run; the DOM is freed before
// the index is built. About 7 bytes per byte of text for a real dataset (the synthetic 100,000
// entities laid out, 86 MB), 14 for one made of the shortest values the format allows.
// Measured (RelWithDebInfo, x86-64, one core, the other one busy; `explorer-data validate` under
// /usr/bin/time, or tests/core/loader_limits_test.cpp's inputs):
// - 200,000 entities and 1,000,000 relations with the fields required and nothing more, 109 MB:
//   9.6 s, 1.5 GB peak (the largest valid JSON; loader_limits_test pads it to 128 MiB on one
//   line). 100,000 synthetic entities with positions (86 MB, 236,815 relations): 9.2 s, 630 MB.
// - Values just under kMaxJsonValues (the SAX pass stops one past it, before any DOM: 128 MiB of
//   `[{},{},…]` is refused in 1.0 s, 170 MB): ten million `{}` 2.6 s, 1.1 GB; `""` 1.8 s, 920 MB;
//   `0` 1.6 s, 440 MB; arrays nested to the limit 2.2 s, 670 MB; ten million distinct member
//   names in one object (109 MB) took 21 s and 1.3 GB (a hash set and a tree of names) until
//   kMaxObjectMembers: the SAX pass now stops at the 1,001st name, before any DOM.
// - Before these limits (20 MiB, 2 million values): the largest dataset 0.7 s, 190 MB; the
//   hostile shapes at most about 200 MB.
// In slices (dataset_load_job.hpp, how the widget loads a reader's file): the same stages, cut
// into pieces of about a top-level value, an array item, a CSV record, an entity or a relation,
// at no cost in total time. Where the time goes, one shot, on the synthetic 100,000 entities
// (81 MB of JSON, RelWithDebInfo, x86-64, quiet machine): raw-text gate 90 ms, syntax check
// (SAX) 400 ms, DOM 630 ms, rules 740 ms, freeing the DOM 440 ms, index 180 ms (3.2 s); the rules
// and the DOM dominate, and all are cut. The CSV of the same consortium (26 MB): 1.6 s, the
// records 75 % of it. Not cut: the memberships of the index (participation.cpp), about 190 ms in
// the browser at 100,000 entities, the longest block left in a sliced load.
// The Dataset kept once loaded (its index and memberships included): about 610 bytes per entity
// and 455 per relation for the synthetic consortia from JSON (descriptions in two languages,
// sources), about 830 and 260 from their CSV (a source per URL); so 0.3 to 0.6 GB at 200,000
// entities and 1,000,000 relations (x86-64; wasm's 4-byte pointers take less). Measured with
// mallinfo2 on 10,000 entities at two densities (tests/core/dataset_positions_test.cpp,
// DatasetMemory). Memberships and the index are linear in the relations (participation.cpp).
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
// problem, not a crash. They admit a big consortium (an EU programme's tens of thousands of
// participants, with room): 200,000 entities and 1,000,000 relations, in either form.
// Bytes, the same for both loaders (raw_text.hpp): a CSV list of links takes about 103 bytes
// a line with names, types and a source URL (the synthetic 200,000 entities and 953,887
// relations: 98 MB), so 1,000,000 relations need about 103 MB; a JSON dataset with only the
// required fields takes about 140 bytes an entity and 80 a relation: 109 MB at 200,000 and
// 1,000,000. 128 MiB admits both, with a quarter to spare for longer names.
inline constexpr std::size_t kMaxInputBytes = 128U * 1024U * 1024U; // 128 MiB, BOM included
inline constexpr std::size_t kMaxEntities = 200'000;
inline constexpr std::size_t kMaxRelations = 1'000'000;
inline constexpr std::size_t kMaxNestingDepth = 64; // objects and arrays inside one another
// Distinct member names in one JSON object. No object of the format has more than about thirty;
// without a cap, millions of distinct names in one object cost seconds and a gigabyte in the
// duplicate-key set and the DOM's tree of names before any rule could refuse them.
inline constexpr std::size_t kMaxObjectMembers = 1'000;
// JSON values (objects, arrays, strings, numbers, literals) in one text: a dataset at the entity
// and relation limits holds about 8.2 million with the required fields only (10 an entity, 6 a
// relation), 9.1 million with synthetic descriptions and positions (15 an entity); tiny values
// packed into 128 MiB would be 44 million, a DOM of about 3.5 GB, which this bounds to about the
// cost of the largest real dataset (figures above; the browser's memory is the reader's).
inline constexpr std::size_t kMaxJsonValues = 10'000'000;
// At most this many problems are listed (and at most 1 MiB of their pointers, values and details
// together, which only hostile input reaches); one more problem, TooManyProblems, says how many
// were left out.
inline constexpr std::size_t kMaxProblems = 200;
// An entity's position (data/README.md, "position"): each coordinate at most this in size, so
// that it is a finite float the layout accepts (graph_layout.hpp, kMaxLayoutCoordinate).
inline constexpr double kMaxPositionCoordinate = 1.0e9;

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
    TooManyMembers,       // number: kMaxObjectMembers; pointer: the object
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
    InvalidPosition,      // detail "count": value the number of items (not 2); "type": value the
                          // JSON type of a coordinate; "range": value the number as written
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
    HiddenCharacter,      // value: the character ("U+202E"); number: its place in the text, 1-based,
                          // in characters (findHiddenCharacter below)
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

// A character no reader sees that changes what a text looks like, so that one name can pass for
// another ("Inria" and "Inr\u202Eai" look alike; a name ending in an override reverses what
// follows it on screen): a control character (C0 but tab, line feed and carriage return, which
// show as spaces; DEL; C1) or a bidi embedding, override or isolate (U+202A–U+202E,
// U+2066–U+2069). The direction marks LRM and RLM (U+200E, U+200F) are allowed: they only set
// the direction of neutral characters next to them, which mixed Arabic or Hebrew and Latin
// names need. Both loaders refuse such a character in every text of a dataset (JSON strings;
// CSV names and roles) with HiddenCharacter. Invalid UTF-8 is refused before (InvalidUtf8) and
// skipped here. O(n).
struct HiddenCharacter {
    char32_t codePoint = 0;
    std::size_t index = 0; // 1-based, in code points
};
std::optional<HiddenCharacter> findHiddenCharacter(std::string_view text);
// "U+202E"
std::string codePointName(char32_t codePoint);

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
