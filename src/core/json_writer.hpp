// JSON text written as it is produced, with no document tree in between: the exports, the
// command line and every answer the bridge gives the page.
//
// The text is byte for byte what nlohmann_json's dump(-1) (compact) or dump(2) (indented) writes
// for the same values in the same order, with ensure_ascii off and invalid UTF-8 replaced: what
// these writers produced when they built an nlohmann::ordered_json first. Keeping that text lets
// files, links and tests written before stay valid; dropping the tree (and ordered_json's
// instantiation) is what the wasm gains.
//
//  - strings: '"' and '\\' escaped, \b \f \n \r \t by name, other characters below U+0020 as
//    \u00xx (lowercase hex); everything else, U+007F and non-ASCII included, kept as UTF-8; each
//    invalid sequence (stray continuation byte, truncated or overlong form, surrogate, past
//    U+10FFFF) becomes one U+FFFD, as nlohmann replaces it (the longest prefix that could still
//    have been valid, or a single byte);
//  - integers in decimal; doubles in the shortest text that reads back (nlohmann's Grisu2, "1.0"
//    for a whole number, "-0.0"), NaN and infinities as null;
//  - indented: one member or element a line, `indent` spaces a level, "key": value, empty
//    objects and arrays as {} and [].
//
// Members are written in the order they are given; nothing checks for duplicate keys or for a
// value given where a key is due: the callers write fixed shapes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {

class JsonWriter {
public:
    static constexpr int kCompact = -1;

    // kCompact, or the number of spaces per level.
    explicit JsonWriter(int indent = kCompact);

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    // Without it a string literal would become a bool (a pointer converts to bool before it
    // converts to string_view).
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(bool flag);
    JsonWriter& value(int number) { return integer(number); }
    JsonWriter& value(long number) { return integer(number); }
    JsonWriter& value(long long number) { return integer(number); }
    JsonWriter& value(unsigned number) { return unsignedInteger(number); }
    JsonWriter& value(unsigned long number) { return unsignedInteger(number); }
    JsonWriter& value(unsigned long long number) { return unsignedInteger(number); }
    JsonWriter& value(double number);
    JsonWriter& null();

    // key(name), then value(v).
    template <typename T>
    JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }
    JsonWriter& nullField(std::string_view name) {
        key(name);
        return null();
    }

    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    JsonWriter& integer(std::int64_t number);
    JsonWriter& unsignedInteger(std::uint64_t number);
    // What comes before a value or a key: the separator and, indented, the line break and the
    // indentation; nothing right after a key.
    void beforeItem();
    JsonWriter& end(char close);

    std::string out_;
    int indent_;
    // One per open object or array: whether it holds an item yet (its closing bracket goes on a
    // line of its own only then).
    std::vector<bool> filled_;
    bool afterKey_ = false;
};

// `text` as a JSON string (quotes included), escaped as above.
void appendJsonString(std::string& out, std::string_view text);

} // namespace explorer
