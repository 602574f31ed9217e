// Reads a dataset in the `communs-explorer/1` format (data/README.md) and checks every rule.
//
// Contract: loadDataset never aborts, never throws and never half-loads. It returns either a
// Dataset and no problems, or no Dataset and every problem found (up to kMaxProblems), each
// with the JSON pointer of the value at fault and the line:column a person would look at.
//
// Order of checks. The raw text first: size, encoding (UTF-16, invalid UTF-8, NUL bytes),
// emptiness, JSON syntax, nesting depth. A text failing these gets that one problem and no
// more, since nothing after it can be read reliably. A UTF-8 byte order mark is accepted and
// skipped; positions are counted without it, as editors show them. Then, on well-formed JSON,
// every schema and reference rule, all reported together.
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
// At most this many problems are listed; one more problem, TooManyProblems, says how many
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
