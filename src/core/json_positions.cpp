#include "json_positions.hpp"

#include "core/sorting.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <unordered_map>

namespace explorer {

namespace {

constexpr std::size_t npos = std::string_view::npos;

// Far above the loader's limit: only there so that a text nobody validated cannot exhaust the
// stack of the recursive scanner below.
constexpr int kScannerDepthGuard = 1024;

bool isJsonWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool isPunctuation(char c) {
    return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',';
}

bool isContinuationByte(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}


// One node per pointer prefix the caller asked about; the scanner fills in the offsets of the
// nodes it meets and ignores every part of the text no pointer leads into.
struct PrefixNode {
    std::unordered_map<std::string, std::size_t> children;
    std::size_t valueOffset = npos;
    std::size_t keyOffset = npos;
};

class PointerScanner {
public:
    PointerScanner(std::string_view text, std::vector<PrefixNode>& nodes) : text_(text), nodes_(nodes) {}

    void run() { scanValue(0, 0); }

private:
    std::string_view text_;
    std::vector<PrefixNode>& nodes_;
    std::size_t pos_ = 0;
    bool stopped_ = false;

    bool atEnd() const { return pos_ >= text_.size(); }

    void skipWhitespace() {
        while (!atEnd() && isJsonWhitespace(text_[pos_])) ++pos_;
    }

    bool wanted(std::size_t node) const { return node != npos && !nodes_[node].children.empty(); }

    std::size_t childOf(std::size_t node, const std::string& token) const {
        const auto found = nodes_[node].children.find(token);
        return found == nodes_[node].children.end() ? npos : found->second;
    }

    void scanValue(std::size_t node, int depth) {
        skipWhitespace();
        if (atEnd() || depth > kScannerDepthGuard) {
            stopped_ = true;
            return;
        }
        if (node != npos) nodes_[node].valueOffset = pos_;
        const char c = text_[pos_];
        if (c == '{') {
            scanObject(node, depth + 1);
        } else if (c == '[') {
            scanArray(node, depth + 1);
        } else if (c == '"') {
            skipString();
        } else {
            const std::size_t start = pos_;
            while (!atEnd() && !isJsonWhitespace(text_[pos_]) && !isPunctuation(text_[pos_]) &&
                   text_[pos_] != '"') {
                ++pos_;
            }
            if (pos_ == start) stopped_ = true;
        }
    }

    void scanObject(std::size_t node, int depth) {
        ++pos_; // '{'
        while (!stopped_) {
            skipWhitespace();
            if (atEnd()) break;
            if (text_[pos_] == '}') {
                ++pos_;
                return;
            }
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (text_[pos_] != '"') break;
            const std::size_t keyOffset = pos_;
            std::size_t child = npos;
            if (wanted(node)) {
                child = childOf(node, readString());
            } else {
                skipString();
            }
            skipWhitespace();
            if (atEnd() || text_[pos_] != ':') break;
            ++pos_;
            if (child != npos) nodes_[child].keyOffset = keyOffset;
            scanValue(child, depth);
        }
        stopped_ = true;
    }

    void scanArray(std::size_t node, int depth) {
        ++pos_; // '['
        std::size_t index = 0;
        while (!stopped_) {
            skipWhitespace();
            if (atEnd()) break;
            if (text_[pos_] == ']') {
                ++pos_;
                return;
            }
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            const std::size_t child = wanted(node) ? childOf(node, std::to_string(index)) : npos;
            scanValue(child, depth);
            ++index;
        }
        stopped_ = true;
    }

    void skipString() {
        ++pos_; // opening quote
        while (!atEnd() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
        if (atEnd()) {
            stopped_ = true;
            pos_ = text_.size();
            return;
        }
        ++pos_;
    }

    // Decodes the string at pos_ (escapes included, as nlohmann does for keys) and moves past it.
    std::string readString() {
        std::string decoded;
        ++pos_;
        while (!atEnd() && text_[pos_] != '"') {
            if (text_[pos_] != '\\') {
                decoded.push_back(text_[pos_++]);
                continue;
            }
            if (pos_ + 1 >= text_.size()) break;
            const char escaped = text_[pos_ + 1];
            pos_ += 2;
            switch (escaped) {
            case 'b': decoded.push_back('\b'); break;
            case 'f': decoded.push_back('\f'); break;
            case 'n': decoded.push_back('\n'); break;
            case 'r': decoded.push_back('\r'); break;
            case 't': decoded.push_back('\t'); break;
            case 'u': {
                std::uint32_t codePoint = readHex4();
                if (codePoint >= 0xD800U && codePoint <= 0xDBFFU && pos_ + 1 < text_.size() &&
                    text_[pos_] == '\\' && text_[pos_ + 1] == 'u') {
                    pos_ += 2;
                    const std::uint32_t low = readHex4();
                    codePoint = 0x10000U + ((codePoint - 0xD800U) << 10U) + (low - 0xDC00U);
                }
                utf8::append(decoded, static_cast<char32_t>(codePoint));
                break;
            }
            default: decoded.push_back(escaped); break; // '"', '\\', '/'
            }
        }
        if (atEnd()) {
            stopped_ = true;
        } else {
            ++pos_;
        }
        return decoded;
    }

    std::uint32_t readHex4() {
        std::uint32_t value = 0;
        for (int i = 0; i < 4 && !atEnd(); ++i, ++pos_) {
            const int digit = hexValue(text_[pos_]);
            if (digit < 0) return value;
            value = value * 16U + static_cast<std::uint32_t>(digit);
        }
        return value;
    }
};

} // namespace

std::vector<TextPosition> textPositions(std::string_view text, const std::vector<std::size_t>& offsets) {
    std::vector<std::size_t> order(offsets.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    sortBy(order, [&offsets](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });

    std::vector<TextPosition> positions(offsets.size());
    int line = 1;
    int column = 1;
    std::size_t pos = 0;
    for (const std::size_t which : order) {
        const std::size_t target = std::min(offsets[which], text.size());
        for (; pos < target; ++pos) {
            const auto byte = static_cast<unsigned char>(text[pos]);
            if (byte == '\n') {
                ++line;
                column = 1;
            } else if (!isContinuationByte(byte)) {
                ++column;
            }
        }
        positions[which] = TextPosition{line, column};
    }
    return positions;
}

std::string escapePointerToken(std::string_view token) {
    std::string escaped;
    escaped.reserve(token.size());
    for (const char c : token) {
        if (c == '~') {
            escaped += "~0";
        } else if (c == '/') {
            escaped += "~1";
        } else {
            escaped.push_back(c);
        }
    }
    return escaped;
}

std::string appendToPointer(std::string_view pointer, std::string_view token) {
    std::string result(pointer);
    result.push_back('/');
    result += escapePointerToken(token);
    return result;
}

std::string appendToPointer(std::string_view pointer, std::size_t arrayIndex) {
    std::string result(pointer);
    result.push_back('/');
    result += std::to_string(arrayIndex);
    return result;
}

std::optional<std::vector<std::string>> splitPointer(std::string_view pointer) {
    std::vector<std::string> tokens;
    if (pointer.empty()) return tokens;
    if (pointer.front() != '/') return std::nullopt;
    std::string token;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            tokens.push_back(std::move(token));
            token.clear();
        } else if (pointer[i] == '~') {
            if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')) {
                return std::nullopt;
            }
            token.push_back(pointer[i + 1] == '0' ? '~' : '/');
            ++i;
        } else {
            token.push_back(pointer[i]);
        }
    }
    return tokens;
}

std::vector<PointerLocation> locatePointers(std::string_view json, const std::vector<std::string>& pointers) {
    std::vector<PrefixNode> nodes(1);
    // For each pointer, the nodes of its prefixes, root first.
    std::vector<std::vector<std::size_t>> paths;
    paths.reserve(pointers.size());
    for (const std::string& pointer : pointers) {
        std::vector<std::size_t> path{0};
        if (const auto tokens = splitPointer(pointer)) {
            for (const std::string& token : *tokens) {
                const std::size_t parent = path.back();
                const auto [entry, inserted] = nodes[parent].children.try_emplace(token, nodes.size());
                if (inserted) nodes.emplace_back();
                path.push_back(entry->second);
            }
        } else {
            path.push_back(npos); // never found: locates at the root, not exact
        }
        paths.push_back(std::move(path));
    }

    PointerScanner(json, nodes).run();

    std::vector<PointerLocation> locations;
    locations.reserve(paths.size());
    for (const auto& path : paths) {
        PointerLocation location;
        for (std::size_t step = path.size(); step-- > 0;) {
            const std::size_t node = path[step];
            if (node == npos || nodes[node].valueOffset == npos) continue;
            location.valueOffset = nodes[node].valueOffset;
            location.keyOffset = nodes[node].keyOffset;
            location.exact = step + 1 == path.size();
            break;
        }
        locations.push_back(location);
    }
    return locations;
}

std::optional<std::size_t> findInvalidUtf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const utf8::Decoded decoded = utf8::decodeAt(text, pos);
        if (decoded.length == 0) return pos;
        pos += decoded.length;
    }
    return std::nullopt;
}

std::optional<std::size_t> findExcessiveNesting(std::string_view text, std::size_t maxDepth) {
    std::size_t depth = 0;
    bool inString = false;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (inString) {
            if (c == '\\') {
                ++pos;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth) return pos;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

TokenContext tokenContext(std::string_view text, std::size_t offset) {
    TokenContext context;
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (isJsonWhitespace(text[pos])) {
            if (pos >= offset) return context;
            ++pos;
            continue;
        }
        JsonToken token;
        token.begin = pos;
        const char c = text[pos];
        if (c == '"') {
            token.kind = JsonTokenKind::String;
            ++pos;
            while (pos < text.size() && text[pos] != '"') pos += text[pos] == '\\' ? 2 : 1;
            token.closed = pos < text.size();
            pos = token.closed ? pos + 1 : text.size();
        } else if (isPunctuation(c)) {
            token.kind = JsonTokenKind::Punctuation;
            ++pos;
        } else {
            token.kind = JsonTokenKind::Bare;
            while (pos < text.size() && !isJsonWhitespace(text[pos]) && !isPunctuation(text[pos]) &&
                   text[pos] != '"') {
                ++pos;
            }
        }
        token.end = pos;
        if (offset < token.end) {
            if (token.begin <= offset) context.at = token;
            return context;
        }
        context.before = token;
    }
    return context;
}

bool isJsonScalarWord(std::string_view word) {
    if (word == "true" || word == "false" || word == "null") return true;
    // number = [ "-" ] ( "0" / [1-9] *DIGIT ) [ "." 1*DIGIT ] [ ("e"/"E") ["+"/"-"] 1*DIGIT ]
    std::size_t pos = 0;
    const auto digits = [&word, &pos] {
        const std::size_t start = pos;
        while (pos < word.size() && word[pos] >= '0' && word[pos] <= '9') ++pos;
        return pos - start;
    };
    if (pos < word.size() && word[pos] == '-') ++pos;
    if (pos < word.size() && word[pos] == '0') {
        ++pos;
    } else if (digits() == 0) {
        return false;
    }
    if (pos < word.size() && word[pos] == '.') {
        ++pos;
        if (digits() == 0) return false;
    }
    if (pos < word.size() && (word[pos] == 'e' || word[pos] == 'E')) {
        ++pos;
        if (pos < word.size() && (word[pos] == '+' || word[pos] == '-')) ++pos;
        if (digits() == 0) return false;
    }
    return pos == word.size();
}

} // namespace explorer
