#include "core/json_writer.hpp"

#include "core/utf8.hpp"

// Only the number formatting of nlohmann_json, not the library: to_chars is a free function
// template on double, and including it alone instantiates no basic_json.
#include <nlohmann/detail/conversions/to_chars.hpp>

#include <array>
#include <cmath>

namespace explorer {

namespace {

// How many bytes one U+FFFD stands for at an invalid sequence starting at `pos`: the lead byte
// and the continuation bytes that could still have made a valid character (utf8.cpp's rules),
// or the single byte when it cannot start one. Decoding resumes at the first byte that broke
// the sequence, as nlohmann's decoder does.
std::size_t invalidSequenceLength(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t length = 0;
    unsigned char secondMin = 0x80U;
    unsigned char secondMax = 0xBFU;
    if (lead >= 0xC2U && lead <= 0xDFU) {
        length = 2;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
        length = 3;
        if (lead == 0xE0U) secondMin = 0xA0U;
        if (lead == 0xEDU) secondMax = 0x9FU;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
        length = 4;
        if (lead == 0xF0U) secondMin = 0x90U;
        if (lead == 0xF4U) secondMax = 0x8FU;
    } else {
        return 1;
    }
    std::size_t taken = 1;
    while (taken < length && pos + taken < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos + taken]);
        const unsigned char min = taken == 1 ? secondMin : 0x80U;
        const unsigned char max = taken == 1 ? secondMax : 0xBFU;
        if (byte < min || byte > max) break;
        ++taken;
    }
    return taken;
}

void appendDecimal(std::string& out, std::uint64_t number) {
    std::array<char, 20> digits{};
    std::size_t count = 0;
    do {
        digits[count++] = static_cast<char>('0' + number % 10U);
        number /= 10U;
    } while (number != 0);
    while (count > 0) out.push_back(digits[--count]);
}

} // namespace

void appendJsonString(std::string& out, std::string_view text) {
    constexpr std::string_view kHex = "0123456789abcdef";
    constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    out.push_back('"');
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte >= 0x80U) {
            const std::size_t length = utf8::decodeAt(text, pos).length;
            if (length == 0) {
                out += kReplacement;
                pos += invalidSequenceLength(text, pos);
            } else {
                out.append(text, pos, length);
                pos += length;
            }
            continue;
        }
        ++pos;
        switch (byte) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (byte < 0x20U) {
                out += "\\u00";
                out.push_back(kHex[byte >> 4U]);
                out.push_back(kHex[byte & 0xFU]);
            } else {
                out.push_back(static_cast<char>(byte));
            }
        }
    }
    out.push_back('"');
}

JsonWriter::JsonWriter(int indent) : indent_(indent) {}

void JsonWriter::beforeItem() {
    if (afterKey_) {
        afterKey_ = false;
        return;
    }
    if (filled_.empty()) return;
    if (filled_.back()) out_.push_back(',');
    filled_.back() = true;
    if (indent_ >= 0) {
        out_.push_back('\n');
        out_.append(filled_.size() * static_cast<std::size_t>(indent_), ' ');
    }
}

JsonWriter& JsonWriter::beginObject() {
    beforeItem();
    out_.push_back('{');
    filled_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    beforeItem();
    out_.push_back('[');
    filled_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::end(char close) {
    const bool filled = filled_.back();
    filled_.pop_back();
    if (filled && indent_ >= 0) {
        out_.push_back('\n');
        out_.append(filled_.size() * static_cast<std::size_t>(indent_), ' ');
    }
    out_.push_back(close);
    return *this;
}

JsonWriter& JsonWriter::endObject() { return end('}'); }

JsonWriter& JsonWriter::endArray() { return end(']'); }

JsonWriter& JsonWriter::key(std::string_view name) {
    beforeItem();
    appendJsonString(out_, name);
    out_ += indent_ >= 0 ? ": " : ":";
    afterKey_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    beforeItem();
    appendJsonString(out_, text);
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    beforeItem();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    beforeItem();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::unsignedInteger(std::uint64_t number) {
    beforeItem();
    appendDecimal(out_, number);
    return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t number) {
    beforeItem();
    if (number < 0) {
        out_.push_back('-');
        // In unsigned arithmetic: the magnitude of INT64_MIN does not fit in an int64_t.
        appendDecimal(out_, 0U - static_cast<std::uint64_t>(number));
    } else {
        appendDecimal(out_, static_cast<std::uint64_t>(number));
    }
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    if (!std::isfinite(number)) return null();
    beforeItem();
    std::array<char, 64> buffer{};
    const char* const end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
    out_.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
    return *this;
}

} // namespace explorer
