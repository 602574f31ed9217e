#include "core/raw_text.hpp"

#include "core/json_positions.hpp"

#include <algorithm>
#include <string>

namespace explorer {

bool isBlankText(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

CheckedText checkRawText(std::string_view text, ProblemCode blankCode) {
    const auto fault = [&text](ProblemCode code, std::optional<std::size_t> offset = std::nullopt) {
        CheckedText checked{text, RawTextFault{}};
        checked.fault->problem.code = code;
        checked.fault->offset = offset;
        return checked;
    };
    if (text.size() > kMaxInputBytes) {
        CheckedText checked = fault(ProblemCode::InputTooLarge);
        checked.fault->problem.number = kMaxInputBytes;
        checked.fault->problem.detail = std::to_string(text.size());
        return checked;
    }
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        return fault(ProblemCode::Utf16Encoding);
    }
    if (text.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) text.remove_prefix(kUtf8ByteOrderMark.size());

    const std::optional<std::size_t> badByte = findInvalidUtf8(text);
    const std::size_t nulByte = text.find('\0');
    if (nulByte != std::string_view::npos && (!badByte || nulByte < *badByte)) {
        return fault(ProblemCode::NulByte, nulByte);
    }
    if (badByte) return fault(ProblemCode::InvalidUtf8, *badByte);
    if (isBlankText(text)) return fault(blankCode);
    return CheckedText{text, std::nullopt};
}

} // namespace explorer
