// Strict UTF-8 (RFC 3629), shared by everything in the core that reads or writes text byte by
// byte: the loaders' encoding checks, search folding, the URL codec, the exports.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace explorer::utf8 {

struct Decoded {
    char32_t codePoint = 0;
    std::size_t length = 0; // 0: the bytes at the position are not a valid sequence
};

// The character starting at `pos` (which must be < text.size()). Invalid: a stray continuation
// byte, a truncated sequence, an overlong form, a surrogate, or anything past U+10FFFF.
Decoded decodeAt(std::string_view text, std::size_t pos);

// Appends a code point (a scalar value: not a surrogate, at most U+10FFFF) in UTF-8.
void append(std::string& out, char32_t codePoint);

} // namespace explorer::utf8
