#include "core/raw_text.hpp"

#include "core/json_positions.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace explorer {

bool isBlankText(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

CheckedText checkRawText(std::string_view text, ProblemCode blankCode) {
    RawTextScan scan(text, blankCode);
    while (scan.step(std::numeric_limits<std::size_t>::max())) {
    }
    return scan.result();
}

RawTextScan::RawTextScan(std::string_view text, ProblemCode blankCode) : result_{text, std::nullopt}, blankCode_(blankCode) {
    if (text.size() > kMaxInputBytes) {
        fail(ProblemCode::InputTooLarge, std::nullopt);
        result_.fault->problem.number = kMaxInputBytes;
        result_.fault->problem.detail = std::to_string(text.size());
        return;
    }
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        fail(ProblemCode::Utf16Encoding, std::nullopt);
        return;
    }
    if (text.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) {
        result_.text.remove_prefix(kUtf8ByteOrderMark.size());
    }
}

void RawTextScan::fail(ProblemCode code, std::optional<std::size_t> offset) {
    result_.fault = RawTextFault{};
    result_.fault->problem.code = code;
    result_.fault->offset = offset;
    done_ = true;
}

bool RawTextScan::step(std::size_t bytes) {
    if (done_) return false;
    const std::string_view text = result_.text;
    std::size_t end = bytes >= text.size() - position_ ? text.size() : position_ + std::max<std::size_t>(bytes, 1);
    while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80U) ++end;
    const std::string_view piece = text.substr(position_, end - position_);

    const std::optional<std::size_t> badByte = findInvalidUtf8(piece);
    const std::size_t nulByte = piece.find('\0');
    if (nulByte != std::string_view::npos && (!badByte || nulByte < *badByte)) {
        fail(ProblemCode::NulByte, position_ + nulByte);
        return false;
    }
    if (badByte) {
        fail(ProblemCode::InvalidUtf8, position_ + *badByte);
        return false;
    }
    anyText_ = anyText_ || !isBlankText(piece);
    position_ = end;
    if (position_ < text.size()) return true;
    if (!anyText_) {
        fail(blankCode_, std::nullopt);
        return false;
    }
    done_ = true;
    return false;
}

double RawTextScan::progress() const {
    if (done_ || result_.text.empty()) return 1.0;
    return static_cast<double>(position_) / static_cast<double>(result_.text.size());
}

} // namespace explorer
