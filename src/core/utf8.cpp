#include "utf8.hpp"

namespace explorer::utf8 {

Decoded decodeAt(std::string_view text, std::size_t pos) {
    const auto byteAt = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byteAt(pos);
    if (lead < 0x80U) return {lead, 1};
    std::size_t length = 0;
    // The lead byte narrows the range of the second one: that is what rules out overlong forms
    // (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
    unsigned char secondMin = 0x80U;
    unsigned char secondMax = 0xBFU;
    char32_t value = 0;
    if (lead >= 0xC2U && lead <= 0xDFU) {
        length = 2;
        value = lead & 0x1FU;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
        length = 3;
        value = lead & 0x0FU;
        if (lead == 0xE0U) secondMin = 0xA0U;
        if (lead == 0xEDU) secondMax = 0x9FU;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
        length = 4;
        value = lead & 0x07U;
        if (lead == 0xF0U) secondMin = 0x90U;
        if (lead == 0xF4U) secondMax = 0x8FU;
    } else {
        return {};
    }
    if (text.size() - pos < length) return {};
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char byte = byteAt(pos + i);
        const unsigned char min = i == 1 ? secondMin : 0x80U;
        const unsigned char max = i == 1 ? secondMax : 0xBFU;
        if (byte < min || byte > max) return {};
        value = (value << 6U) | (byte & 0x3FU);
    }
    return {value, length};
}

void append(std::string& out, char32_t codePoint) {
    const auto put = [&](char32_t bits) { out.push_back(static_cast<char>(static_cast<unsigned char>(bits))); };
    if (codePoint < 0x80U) {
        put(codePoint);
    } else if (codePoint < 0x800U) {
        put(0xC0U | (codePoint >> 6U));
        put(0x80U | (codePoint & 0x3FU));
    } else if (codePoint < 0x10000U) {
        put(0xE0U | (codePoint >> 12U));
        put(0x80U | ((codePoint >> 6U) & 0x3FU));
        put(0x80U | (codePoint & 0x3FU));
    } else {
        put(0xF0U | (codePoint >> 18U));
        put(0x80U | ((codePoint >> 12U) & 0x3FU));
        put(0x80U | ((codePoint >> 6U) & 0x3FU));
        put(0x80U | (codePoint & 0x3FU));
    }
}

} // namespace explorer::utf8
