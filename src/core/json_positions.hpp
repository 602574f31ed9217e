// Where things are in a JSON text: line:column of byte offsets, byte offsets of JSON pointers,
// and the raw-text checks the loader runs before and after nlohmann_json parses.
//
// nlohmann_json's DOM keeps no positions, so the loader finds the place of a problem by
// re-reading the text. Every function here reads the text once, left to right (linear time),
// and never reads past its end whatever the bytes are; `locatePointers` expects text that
// nlohmann already accepted and simply stops early on anything else.
//
// Positions: lines and columns start at 1. Lines are separated by '\n' only (a '\r' before it
// belongs to the line it ends). Columns count Unicode code points, not bytes: "é" is one
// column, as in editors. A tab is one column.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {

struct TextPosition {
    int line = 0;   // 1-based
    int column = 0; // 1-based, in code points
    bool operator==(const TextPosition&) const = default;
};

// line:column of each byte offset (offsets may be given in any order; an offset at or past the
// end gives the position just after the last character).
std::vector<TextPosition> textPositions(std::string_view text, const std::vector<std::size_t>& offsets);

// ---- JSON pointers (RFC 6901)

// One reference token escaped for a pointer: "~" becomes "~0" and "/" becomes "~1".
std::string escapePointerToken(std::string_view token);
// `pointer` + "/" + the escaped token.
std::string appendToPointer(std::string_view pointer, std::string_view token);
std::string appendToPointer(std::string_view pointer, std::size_t arrayIndex);
// The unescaped tokens of a pointer; nullopt when it is not a pointer ("x", "/~2").
std::optional<std::vector<std::string>> splitPointer(std::string_view pointer);

struct PointerLocation {
    // Byte offset where the value of the deepest existing prefix of the pointer starts: the
    // value itself when it exists, else the object or array that lacks the next step.
    std::size_t valueOffset = 0;
    // Byte offset of the member name ('"' of the key) of that same value; npos for the root and
    // for array elements.
    std::size_t keyOffset = std::string_view::npos;
    bool exact = false; // the whole pointer exists in the text
};

// Locates every pointer in one pass over `json`. When an object holds a key twice, the last
// one counts, as in nlohmann_json's DOM. A malformed pointer locates as the root, not exact.
std::vector<PointerLocation> locatePointers(std::string_view json, const std::vector<std::string>& pointers);

// ---- Raw-text checks

// Offset of the first byte that is not part of well-formed UTF-8 (overlong forms, surrogates
// and code points past U+10FFFF are not well-formed), or nullopt.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

// Offset of the '{' or '[' that opens the (maxDepth + 1)-th nested level, brackets inside
// strings excepted, or nullopt. Works on any text, valid JSON or not.
std::optional<std::size_t> findExcessiveNesting(std::string_view text, std::size_t maxDepth);

// The lexical token a byte offset falls in, and the one before it, as a JSON lexer sees them.
// Used to explain a syntax error nlohmann reported at that offset. Tokens: strings (up to and
// including the closing quote, or to the end of the text when it is missing), punctuation
// (one of {}[]:,), and bare words (numbers and literals, any run of other non-space bytes).
enum class JsonTokenKind { None, String, Punctuation, Bare };

struct JsonToken {
    JsonTokenKind kind = JsonTokenKind::None;
    std::size_t begin = 0;
    std::size_t end = 0;    // one past the last byte
    bool closed = false;    // strings only: the closing quote is there
};

struct TokenContext {
    JsonToken at;     // kind None when the offset is whitespace or past the end
    JsonToken before; // the last token that ends at or before the offset; kind None if none
};

TokenContext tokenContext(std::string_view text, std::size_t offset);

// Whether a bare word is a complete JSON number or literal (true, false, null).
bool isJsonScalarWord(std::string_view word);

} // namespace explorer
