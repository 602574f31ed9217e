// [SECTION] index
//   keys        the table of keys, shared by the encoder and the decoder
//   text        percent-encoding, UTF-8 checks, notice text and its cap
//   numbers     camera numbers: parsing, rounding, writing
//   encoder     toHash
//   settings    the rules of each setting (view_state_settings.hpp), shared with applyStateJson
//   decoder     fromHash: pieces, percent-decoding, then the settings
//   dataset     dropUnknownIds
//   messages    describe
#include "view_state_codec.hpp"
#include "utf8.hpp"
#include "view_state_settings.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>

namespace explorer {

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] keys

using Key = settings::Setting;
using settings::NoticeSink;
constexpr std::size_t kKeyCount = settings::kSettingCount;

// In the order the encoder writes them.
constexpr std::array<std::string_view, kKeyCount> kKeyNames{
    "v", "view", "sel", "q", "lang", "theme", "cam", "ax", "sec", "type", "role", "multi",
    "sort", "data"};

std::string_view nameOf(Key key) { return kKeyNames[static_cast<std::size_t>(key)]; }

std::optional<Key> keyFromName(std::string_view name) {
    for (std::size_t i = 0; i < kKeyCount; ++i) {
        if (kKeyNames[i] == name) return static_cast<Key>(i);
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] text

constexpr std::string_view kHexDigits = "0123456789ABCDEF";

bool isAsciiAlnum(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isUnreserved(char c) { return isAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

std::optional<int> hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return std::nullopt;
}

void appendEscaped(std::string& out, unsigned char byte) {
    out += '%';
    out += kHexDigits[byte >> 4];
    out += kHexDigits[byte & 0x0F];
}

// Commas stay readable in free text and between list items; inside a list item they are
// escaped, so an item can never split into two.
void appendEncoded(std::string& out, std::string_view text, bool keepComma) {
    for (const char c : text) {
        if (isUnreserved(c) || c == ':' || (c == ',' && keepComma)) {
            out += c;
        } else {
            appendEscaped(out, static_cast<unsigned char>(c));
        }
    }
}

// Reads one well-formed UTF-8 sequence at `pos` (Unicode table 3-7: no overlong forms, no
// surrogates, nothing past U+10FFFF) and moves past it.
std::optional<std::uint32_t> nextCodePoint(std::string_view text, std::size_t& pos) {
    const utf8::Decoded decoded = utf8::decodeAt(text, pos);
    if (decoded.length == 0) return std::nullopt;
    pos += decoded.length;
    return static_cast<std::uint32_t>(decoded.codePoint);
}

bool isControl(std::uint32_t codePoint) {
    return codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F);
}

// Valid UTF-8 without control characters: what the UI can show and a link can carry.
bool isCleanText(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto codePoint = nextCodePoint(text, pos);
        if (!codePoint || isControl(*codePoint)) return false;
    }
    return true;
}

// nullopt for a bad escape. Whether the result is clean text is the settings' business.
std::optional<std::string> percentDecode(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '%') {
            out += raw[i];
            continue;
        }
        if (raw.size() - i < 3) return std::nullopt;
        const auto high = hexValue(raw[i + 1]);
        const auto low = hexValue(raw[i + 2]);
        if (!high || !low) return std::nullopt;
        out += static_cast<char>(*high * 16 + *low);
        i += 2;
    }
    return out;
}

// `text` must be valid UTF-8. Returns whether it was cut.
bool truncateToCodePoints(std::string& text, std::size_t maxCodePoints) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool startsCodePoint = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (!startsCodePoint) continue;
        if (count == maxCodePoints) {
            text.resize(i);
            return true;
        }
        ++count;
    }
    return false;
}

// The byte a "%XX" escape at `pos` stands for, if there is one.
std::optional<unsigned char> escapeAt(std::string_view text, std::size_t pos) {
    if (text.size() - pos < 3 || text[pos] != '%') return std::nullopt;
    const auto high = hexValue(text[pos + 1]);
    const auto low = hexValue(text[pos + 2]);
    if (!high || !low) return std::nullopt;
    return static_cast<unsigned char>(*high * 16 + *low);
}

// How many bytes of `raw` from `pos` make one piece of a notice, so that a cut never splits a
// character: a raw UTF-8 character; the "%XX" escapes that together spell one (e.g. "%C3%A9");
// a lone escape; or one other byte.
std::size_t pieceLength(std::string_view raw, std::size_t pos) {
    if (const auto first = escapeAt(raw, pos)) {
        std::string bytes(1, static_cast<char>(*first));
        for (std::size_t next = pos + 3; bytes.size() < 4; next += 3) {
            const auto byte = escapeAt(raw, next);
            if (!byte) break;
            bytes += static_cast<char>(*byte);
        }
        return 3 * std::max<std::size_t>(utf8::decodeAt(bytes, 0).length, 1);
    }
    return std::max<std::size_t>(utf8::decodeAt(raw, pos).length, 1);
}

// The hash is shown back to the reader in notices: only printable ASCII goes through as is,
// other bytes as %XX. Pieces (pieceLength) are kept whole or not at all. Stops reading at the
// cut: the cost is bounded by kNoticeTextMaxChars, whatever the length of `raw`.
std::string printable(std::string_view raw) {
    std::string out;
    std::size_t pos = 0;
    while (pos < raw.size()) {
        const std::size_t length = pieceLength(raw, pos);
        std::string piece;
        for (std::size_t i = pos; i < pos + length; ++i) {
            const auto byte = static_cast<unsigned char>(raw[i]);
            if (byte > 0x20 && byte < 0x7F) {
                piece += raw[i];
            } else {
                appendEscaped(piece, byte);
            }
        }
        if (out.size() + piece.size() > kNoticeTextMaxChars) {
            out += "...";
            break;
        }
        out += piece;
        pos += length;
    }
    return out;
}

std::string decimal(std::uint64_t value) {
    std::array<char, 24> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    return std::string(digits.data(), result.ptr);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] numbers

// Decimals kept in a link: enough for a zoom step or a fraction of a layout unit, few enough
// that a shared link stays short.
constexpr int kZoomDecimals = 3;
constexpr int kCoordinateDecimals = 1;
constexpr std::size_t kMaxNumberDigits = 12;

double powerOfTen(int exponent) {
    double result = 1.0;
    for (int i = 0; i < exponent; ++i) result *= 10.0;
    return result;
}

// A value written with `decimals` decimals, as an integer count of 10^-decimals. The same
// integer gives the same float whichever way it was reached, which makes encoding stable.
float fromScaled(long long scaled, int decimals) {
    return static_cast<float>(static_cast<double>(scaled) / powerOfTen(decimals));
}

long long toScaled(double value, int decimals) { return std::llround(value * powerOfTen(decimals)); }

struct Ranged {
    float value = 0.0f;
    bool clamped = false;
};

Ranged canonicalValue(double value, double low, double high, int decimals, float fallback) {
    if (!std::isfinite(value)) return {fallback, true};
    const double bounded = std::clamp(value, low, high);
    return {fromScaled(toScaled(bounded, decimals), decimals), bounded != value};
}

// "1.6", "120", "-40": no exponent and no trailing zeros, so one value has one spelling.
std::string formatNumber(float value, int decimals) {
    const long long scaled = toScaled(static_cast<double>(value), decimals);
    const auto unit = static_cast<std::uint64_t>(toScaled(1.0, decimals));
    const std::uint64_t magnitude =
        scaled < 0 ? 0 - static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
    std::string out = scaled < 0 ? "-" : "";
    out += decimal(magnitude / unit);
    const std::uint64_t fraction = magnitude % unit;
    if (fraction != 0) {
        std::string digits = decimal(fraction);
        digits.insert(0, static_cast<std::size_t>(decimals) - digits.size(), '0');
        digits.erase(digits.find_last_not_of('0') + 1);
        out += '.';
        out += digits;
    }
    return out;
}

// [-]digits[.digits], at most 12 digits on each side: no exponent, no inf, no nan, nothing a
// locale could change.
std::optional<double> parseNumber(std::string_view text) {
    std::size_t pos = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) ++pos;
    const auto readDigits = [&](double& value, double& scale) {
        const std::size_t start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            value = value * 10.0 + static_cast<double>(text[pos] - '0');
            scale *= 10.0;
            ++pos;
        }
        return pos - start;
    };
    double whole = 0.0;
    double wholeScale = 1.0;
    const std::size_t wholeDigits = readDigits(whole, wholeScale);
    if (wholeDigits == 0 || wholeDigits > kMaxNumberDigits) return std::nullopt;
    double fraction = 0.0;
    double fractionScale = 1.0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        const std::size_t fractionDigits = readDigits(fraction, fractionScale);
        if (fractionDigits == 0 || fractionDigits > kMaxNumberDigits) return std::nullopt;
    }
    if (pos != text.size()) return std::nullopt;
    const double value = whole + fraction / fractionScale;
    return negative ? -value : value;
}

std::string formatCamera(const Camera& camera) {
    const Camera canonical = canonicalCamera(camera);
    return formatNumber(canonical.zoom, kZoomDecimals) + ',' +
           formatNumber(canonical.x, kCoordinateDecimals) + ',' +
           formatNumber(canonical.y, kCoordinateDecimals);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] encoder

void appendKey(std::string& out, Key key) {
    out += '&';
    out += nameOf(key);
    out += '=';
}

void appendList(std::string& out, Key key, const std::vector<std::string>& items) {
    appendKey(out, key);
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ',';
        appendEncoded(out, items[i], false);
    }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] settings

// "1.6,120,-40": the three numbers of a camera as a link carries them once percent-decoded.
std::optional<std::array<double, 3>> parseCamera(std::string_view text) {
    std::array<double, 3> numbers{};
    std::size_t count = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const auto number = count < numbers.size() ? parseNumber(text.substr(start, comma - start)) : std::nullopt;
        if (!number) return std::nullopt;
        numbers[count++] = *number;
        start = comma + 1;
    }
    if (count != numbers.size()) return std::nullopt;
    return numbers;
}

void applyEnum(Key key, std::string_view value, std::string_view shown, NoticeSink& sink, const auto& fromString,
               auto& field) {
    if (!isCleanText(value)) return sink.add(nameOf(key), shown, NoticeReason::BadEncoding);
    const auto parsed = fromString(value);
    if (!parsed) return sink.add(nameOf(key), shown, NoticeReason::BadValue);
    field = *parsed;
}

void applyId(Key key, std::string_view value, std::string_view shown, NoticeSink& sink, std::string& field) {
    if (!isCleanText(value)) {
        sink.add(nameOf(key), shown, NoticeReason::BadEncoding);
    } else if (!value.empty() && !isValidId(value)) {
        sink.add(nameOf(key), shown, NoticeReason::BadValue);
    } else {
        field = value;
    }
}

void applySearch(std::string_view value, std::string_view shown, NoticeSink& sink, std::string& field) {
    if (!isCleanText(value)) return sink.add(nameOf(Key::Search), shown, NoticeReason::BadEncoding);
    std::string text(value);
    if (truncateToCodePoints(text, kSearchMaxCodePoints)) {
        sink.add(nameOf(Key::Search), shown, NoticeReason::TooLong);
    }
    field = std::move(text);
}

void applyCameraText(std::string_view value, std::string_view shown, ViewState& state, NoticeSink& sink) {
    if (!isCleanText(value)) return sink.add(nameOf(Key::Camera), shown, NoticeReason::BadEncoding);
    if (value == "fit") return settings::applyCamera(std::nullopt, shown, state, sink);
    const auto numbers = parseCamera(value);
    if (!numbers) return sink.add(nameOf(Key::Camera), shown, NoticeReason::BadValue);
    settings::applyCamera(numbers, shown, state, sink);
}

void applySortText(std::string_view value, std::string_view shown, ViewState& state, NoticeSink& sink) {
    if (!isCleanText(value)) return sink.add(nameOf(Key::Sort), shown, NoticeReason::BadEncoding);
    const std::size_t dash = value.find('-');
    const std::string_view direction = dash == std::string_view::npos ? "asc" : value.substr(dash + 1);
    if (direction != "asc" && direction != "desc") return sink.add(nameOf(Key::Sort), shown, NoticeReason::BadValue);
    settings::applySort(value.substr(0, dash), direction == "desc", shown, state, sink);
}

std::vector<std::string>& listField(Key key, ViewState& state) {
    if (key == Key::Sectors) return state.filters.sectors;
    if (key == Key::Types) return state.filters.types;
    if (key == Key::Roles) return state.filters.roles;
    return state.filters.axes;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] decoder

// A list is split on its literal commas before its items are percent-decoded, so an encoded
// comma ("%2C") stays inside its item.
void applyListPiece(Key key, std::string_view raw, ViewState& state, NoticeSink& sink) {
    std::vector<std::string_view> pieces;
    for (std::size_t start = 0; start <= raw.size();) {
        const std::size_t comma = std::min(raw.find(',', start), raw.size());
        pieces.push_back(raw.substr(start, comma - start));
        start = comma + 1;
    }
    std::vector<std::optional<std::string>> decoded;
    decoded.reserve(pieces.size());
    for (const std::string_view piece : pieces) decoded.push_back(percentDecode(piece));
    std::vector<settings::ListItem> items;
    items.reserve(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        items.push_back({decoded[i] ? std::optional<std::string_view>(*decoded[i]) : std::nullopt, pieces[i]});
    }
    settings::applyList(key, items, raw, state, sink);
}

} // namespace

namespace settings {

void NoticeSink::add(std::string_view key, std::string_view shownValue, NoticeReason reason) {
    if (notices_.size() + 1 < kMaxNotices) {
        notices_.push_back({printable(key), printable(shownValue), reason});
        return;
    }
    if (!notices_.empty() && notices_.back().reason == NoticeReason::MoreNotices) {
        HashNotice& more = notices_.back();
        std::uint64_t count = 0;
        const char* const end = more.value.data() + more.value.size();
        const auto parsed = std::from_chars(more.value.data(), end, count);
        more.value = decimal(parsed.ec == std::errc{} ? count + 1 : 1);
        return;
    }
    notices_.push_back({"", "1", NoticeReason::MoreNotices});
}

std::string_view keyOf(Setting setting) { return nameOf(setting); }

std::optional<Setting> settingFromKey(std::string_view key) { return keyFromName(key); }

bool isList(Setting setting) {
    return setting == Setting::Axes || setting == Setting::Sectors || setting == Setting::Types ||
           setting == Setting::Roles;
}

void reportUndecodable(Setting setting, std::string_view shown, NoticeSink& sink) {
    NoticeReason reason = NoticeReason::BadEncoding;
    if (setting == Setting::Version) reason = NoticeReason::UnknownVersion;
    if (setting == Setting::Multi) reason = NoticeReason::BadValue;
    sink.add(nameOf(setting), shown, reason);
}

void applySetting(Setting setting, std::string_view value, std::string_view shown, ViewState& state,
                  NoticeSink& sink) {
    switch (setting) {
    case Setting::Version:
        if (value != decimal(kHashVersion)) sink.add(nameOf(setting), shown, NoticeReason::UnknownVersion);
        break;
    case Setting::View: applyEnum(setting, value, shown, sink, viewFromString, state.view); break;
    case Setting::Selection: applyId(setting, value, shown, sink, state.selection); break;
    case Setting::Search: applySearch(value, shown, sink, state.search); break;
    case Setting::Lang: applyEnum(setting, value, shown, sink, langFromString, state.lang); break;
    case Setting::Theme: applyEnum(setting, value, shown, sink, themeFromString, state.theme); break;
    case Setting::Camera: applyCameraText(value, shown, state, sink); break;
    case Setting::Axes:
    case Setting::Sectors:
    case Setting::Types:
    case Setting::Roles: {
        std::vector<ListItem> items;
        for (std::size_t start = 0; start <= value.size();) {
            const std::size_t comma = std::min(value.find(',', start), value.size());
            const std::string_view item = value.substr(start, comma - start);
            items.push_back({item, item});
            start = comma + 1;
        }
        applyList(setting, items, shown, state, sink);
        break;
    }
    case Setting::Multi:
        if (value == "1" || value == "0") {
            state.filters.multiProjectOnly = value == "1";
        } else {
            sink.add(nameOf(setting), shown, NoticeReason::BadValue);
        }
        break;
    case Setting::Sort: applySortText(value, shown, state, sink); break;
    case Setting::Dataset: applyId(setting, value, shown, sink, state.dataset); break;
    }
}

void applyList(Setting setting, std::span<const ListItem> items, std::string_view shownList, ViewState& state,
               NoticeSink& sink) {
    std::vector<std::string> kept;
    std::size_t offered = 0;
    for (const ListItem& item : items) {
        if (item.value && item.value->empty()) continue;
        if (offered == kListMaxItems) {
            sink.add(nameOf(setting), shownList, NoticeReason::TooManyItems);
            break;
        }
        ++offered;
        if (!item.value || !isCleanText(*item.value)) {
            sink.add(nameOf(setting), item.shown, NoticeReason::BadEncoding);
        } else if (!isValidId(*item.value)) {
            sink.add(nameOf(setting), item.shown, NoticeReason::BadValue);
        } else if (std::find(kept.begin(), kept.end(), *item.value) == kept.end()) {
            kept.emplace_back(*item.value);
        }
    }
    // "ax=" clears the filter; "ax=%ZZ" says nothing usable and leaves it alone.
    if (offered == 0 || !kept.empty()) listField(setting, state) = std::move(kept);
}

void applyCamera(const std::optional<std::array<double, 3>>& zoomXY, std::string_view shown, ViewState& state,
                 NoticeSink& sink) {
    if (!zoomXY) {
        state.cameraSet = false;
        state.camera = Camera{};
        return;
    }
    const Camera defaults;
    const auto& [zoomValue, xValue, yValue] = *zoomXY;
    const Ranged zoom = canonicalValue(zoomValue, kZoomMin, kZoomMax, kZoomDecimals, defaults.zoom);
    const Ranged x = canonicalValue(xValue, -kCameraCoordinateMax, kCameraCoordinateMax, kCoordinateDecimals,
                                    defaults.x);
    const Ranged y = canonicalValue(yValue, -kCameraCoordinateMax, kCameraCoordinateMax, kCoordinateDecimals,
                                    defaults.y);
    if (zoom.clamped || x.clamped || y.clamped) {
        sink.add(nameOf(Key::Camera), shown, NoticeReason::OutOfRange);
    }
    state.camera = Camera{zoom.value, x.value, y.value};
    state.cameraSet = true;
}

void applySort(std::string_view column, bool descending, std::string_view shown, ViewState& state,
               NoticeSink& sink) {
    if (!isCleanText(column)) return sink.add(nameOf(Key::Sort), shown, NoticeReason::BadEncoding);
    const auto parsed = sortColumnFromString(column);
    if (!parsed) return sink.add(nameOf(Key::Sort), shown, NoticeReason::BadValue);
    state.sort = TableSort{*parsed, descending};
}

} // namespace settings

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] dataset

void dropUnknownTerms(std::vector<std::string>& items, const Dataset& dataset,
                      const std::vector<Term>& vocabulary, Key key, NoticeSink& sink) {
    std::erase_if(items, [&](const std::string& item) {
        if (dataset.findTerm(vocabulary, item) != nullptr) return false;
        sink.add(nameOf(key), item, NoticeReason::UnknownId);
        return true;
    });
}

// ---------------------------------------------------------------------------------------------
// [SECTION] messages

struct Words {
    std::string_view fr;
    std::string_view en;
};

std::string_view pick(const Words& words, Lang lang) { return lang == Lang::Fr ? words.fr : words.en; }

// What the reader calls each setting; a key we do not know is quoted as it is.
std::string settingName(std::string_view key, Lang lang) {
    constexpr std::array<Words, kKeyCount> kNames{{
        {"version du lien", "link version"},
        {"vue", "view"},
        {"sélection", "selection"},
        {"recherche", "search"},
        {"langue", "language"},
        {"thème", "theme"},
        {"cadrage", "camera"},
        {"axes", "axes"},
        {"secteurs", "sectors"},
        {"types d’organisation", "organisation types"},
        {"rôles", "roles"},
        {"filtre multi-projets", "multi-project filter"},
        {"tri du tableau", "table sort"},
        {"jeu de données", "dataset"},
    }};
    const auto known = keyFromName(key);
    if (known) return std::string(pick(kNames[static_cast<std::size_t>(*known)], lang));
    return std::string(key);
}

// French typography wants a no-break space (U+00A0) inside guillemets and before ":" and ";",
// so a line break never leaves a lone "»" or ":" at the start of a line.
std::string frenchSpacing(std::string_view sentence) {
    constexpr std::string_view kNoBreakSpace = "\u00A0";
    std::string out;
    for (std::size_t i = 0; i < sentence.size(); ++i) {
        const std::string_view rest = sentence.substr(i);
        if (rest.starts_with("« ")) {
            out += "«";
            out += kNoBreakSpace;
            i += std::string_view("« ").size() - 1;
        } else if (rest.starts_with(" »") || rest.starts_with(" :") || rest.starts_with(" ;")) {
            out += kNoBreakSpace;
        } else {
            out += sentence[i];
        }
    }
    return out;
}

// Fills the {key} and {value} slots of a sentence.
std::string fillSlots(std::string_view sentence, std::string_view key, std::string_view value) {
    std::string out;
    std::size_t pos = 0;
    while (pos < sentence.size()) {
        const std::size_t open = sentence.find('{', pos);
        if (open == std::string_view::npos) break;
        const std::size_t close = sentence.find('}', open);
        if (close == std::string_view::npos) break;
        out += sentence.substr(pos, open - pos);
        const std::string_view slot = sentence.substr(open + 1, close - open - 1);
        out += slot == "key" ? key : value;
        pos = close + 1;
    }
    out += sentence.substr(pos);
    return out;
}

// Sentences with "{key}" (the setting's name) and "{value}" (the text at fault) slots. French
// ones are written with plain spaces; frenchSpacing puts the no-break spaces in.
Words sentenceFor(const HashNotice& notice) {
    switch (notice.reason) {
    case NoticeReason::UnknownKey:
        return {"Réglage inconnu « {key} » ignoré.", "Unknown setting “{key}” ignored."};
    case NoticeReason::MissingValue:
        return {"« {key} » n’a pas de valeur : ignoré.",
                "“{key}” has no value, so it was ignored."};
    case NoticeReason::BadEncoding:
        return {"Caractères illisibles dans « {key} » : réglage ignoré.",
                "Unreadable characters in “{key}”; setting ignored."};
    case NoticeReason::BadValue:
        return {"« {value} » n’est pas une valeur possible pour « {key} » : ignoré.",
                "“{value}” is not a possible value for “{key}”; ignored."};
    case NoticeReason::UnknownVersion:
        return {"Ce lien vient d’une autre version de l’explorateur : une partie peut ne pas "
                "s’appliquer.",
                "This link comes from another version of the explorer; parts of it may not apply."};
    case NoticeReason::Duplicate:
        return {"« {key} » figure deux fois dans le lien : seule la première valeur compte.",
                "“{key}” appears twice in the link; only the first value counts."};
    case NoticeReason::TooLong:
        if (notice.key.empty()) {
            return {"Lien trop long : sa fin a été ignorée.",
                    "The link is too long; its end was ignored."};
        }
        return {"« {key} » trop long : le texte a été raccourci.",
                "“{key}” was too long and has been shortened."};
    case NoticeReason::TooManyItems:
        return {"Trop de valeurs pour « {key} » : seules les 32 premières sont prises.",
                "Too many values for “{key}”; only the first 32 are used."};
    case NoticeReason::OutOfRange:
        return {"« {key} » sortait des limites : la valeur a été ajustée.",
                "“{key}” was out of range and has been adjusted."};
    case NoticeReason::UnknownId:
        return {"« {value} » ne figure pas dans ces données : ignoré.",
                "“{value}” is not in this dataset; ignored."};
    case NoticeReason::MoreNotices:
        if (notice.value == "1") {
            return {"Et un autre problème dans le lien.", "And one more problem in the link."};
        }
        return {"Et {value} autres problèmes dans le lien.", "And {value} more problems in the link."};
    case NoticeReason::TooDeep:
        return {"« {key} » : valeur trop imbriquée, ignorée.", "“{key}” is nested too deeply; ignored."};
    case NoticeReason::OtherDataset:
        if (notice.value.empty()) {
            return {"Ce lien a été fait sur les données d’origine de l’explorateur, pas sur celles affichées : "
                    "la vue peut différer.",
                    "This link was made on the explorer’s original data, not on the data shown; the view may "
                    "differ."};
        }
        return {"Ce lien a été fait sur un autre jeu de données ({value}) : ce sont les données affichées ici "
                "qui sont montrées, et la vue peut différer.",
                "This link was made on another dataset ({value}); the data shown here is kept, and the view may "
                "differ."};
    }
    return {"", ""};
}

} // namespace

std::string noticeText(std::string_view raw) { return printable(raw); }

std::string_view toString(NoticeReason reason) {
    switch (reason) {
    case NoticeReason::UnknownKey: return "unknown_key";
    case NoticeReason::MissingValue: return "missing_value";
    case NoticeReason::BadEncoding: return "bad_encoding";
    case NoticeReason::BadValue: return "bad_value";
    case NoticeReason::UnknownVersion: return "unknown_version";
    case NoticeReason::Duplicate: return "duplicate";
    case NoticeReason::TooLong: return "too_long";
    case NoticeReason::TooManyItems: return "too_many_items";
    case NoticeReason::OutOfRange: return "out_of_range";
    case NoticeReason::UnknownId: return "unknown_id";
    case NoticeReason::MoreNotices: return "more_notices";
    case NoticeReason::OtherDataset: return "other_dataset";
    case NoticeReason::TooDeep: return "too_deep";
    }
    return "";
}

bool isValidId(std::string_view text) {
    if (text.empty() || text.size() > kIdMaxLength || !isAsciiAlnum(text[0])) return false;
    return std::all_of(text.begin() + 1, text.end(), [](char c) {
        return isAsciiAlnum(c) || c == ':' || c == '.' || c == '_' || c == '-';
    });
}

Camera canonicalCamera(const Camera& camera) {
    const Camera defaults;
    return Camera{
        canonicalValue(camera.zoom, kZoomMin, kZoomMax, kZoomDecimals, defaults.zoom).value,
        canonicalValue(camera.x, -kCameraCoordinateMax, kCameraCoordinateMax, kCoordinateDecimals,
                       defaults.x).value,
        canonicalValue(camera.y, -kCameraCoordinateMax, kCameraCoordinateMax, kCoordinateDecimals,
                       defaults.y).value,
    };
}

std::string toHash(const ViewState& state, const ViewState& base) {
    std::string body;
    if (state.view != base.view) {
        appendKey(body, Key::View);
        body += toString(state.view);
    }
    if (state.selection != base.selection) {
        appendKey(body, Key::Selection);
        appendEncoded(body, state.selection, true);
    }
    if (state.search != base.search) {
        appendKey(body, Key::Search);
        appendEncoded(body, state.search, true);
    }
    if (state.lang != base.lang) {
        appendKey(body, Key::Lang);
        body += toString(state.lang);
    }
    if (state.theme != base.theme) {
        appendKey(body, Key::Theme);
        body += toString(state.theme);
    }
    if (state.cameraSet && (!base.cameraSet || state.camera != base.camera)) {
        appendKey(body, Key::Camera);
        body += formatCamera(state.camera);
    } else if (!state.cameraSet && base.cameraSet) {
        appendKey(body, Key::Camera);
        body += "fit";
    }
    if (state.filters.axes != base.filters.axes) appendList(body, Key::Axes, state.filters.axes);
    if (state.filters.sectors != base.filters.sectors) {
        appendList(body, Key::Sectors, state.filters.sectors);
    }
    if (state.filters.types != base.filters.types) appendList(body, Key::Types, state.filters.types);
    if (state.filters.roles != base.filters.roles) appendList(body, Key::Roles, state.filters.roles);
    if (state.filters.multiProjectOnly != base.filters.multiProjectOnly) {
        appendKey(body, Key::Multi);
        body += state.filters.multiProjectOnly ? "1" : "0";
    }
    if (state.sort != base.sort) {
        appendKey(body, Key::Sort);
        body += toString(state.sort.column);
        if (state.sort.descending) body += "-desc";
    }
    if (state.dataset != base.dataset) {
        appendKey(body, Key::Dataset);
        appendEncoded(body, state.dataset, true);
    }
    if (body.empty()) return body;
    return std::string(nameOf(Key::Version)) + '=' + decimal(kHashVersion) + body;
}

HashDecode fromHash(std::string_view hash, const ViewState& base) {
    HashDecode result{base, {}};
    NoticeSink sink(result.notices);
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    if (hash.size() > kHashMaxBytes) {
        // Keep the pieces that fit whole; a piece cut in the middle could change meaning.
        std::size_t end = kHashMaxBytes;
        if (hash[end] != '&') {
            const std::size_t lastSeparator = hash.rfind('&', end);
            end = lastSeparator == std::string_view::npos ? 0 : lastSeparator;
        }
        sink.add("", hash.substr(end), NoticeReason::TooLong);
        hash = hash.substr(0, end);
    }
    std::array<bool, kKeyCount> seen{};
    std::size_t start = 0;
    while (start <= hash.size()) {
        const std::size_t ampersand = std::min(hash.find('&', start), hash.size());
        const std::string_view piece = hash.substr(start, ampersand - start);
        start = ampersand + 1;
        if (piece.empty()) continue;
        const std::size_t equals = piece.find('=');
        if (equals == std::string_view::npos) {
            sink.add(piece, "", NoticeReason::MissingValue);
            continue;
        }
        const std::string_view name = piece.substr(0, equals);
        const std::string_view raw = piece.substr(equals + 1);
        const auto key = keyFromName(name);
        if (!key) {
            sink.add(name, raw, NoticeReason::UnknownKey);
            continue;
        }
        bool& keySeen = seen[static_cast<std::size_t>(*key)];
        if (keySeen) {
            sink.add(name, raw, NoticeReason::Duplicate);
            continue;
        }
        keySeen = true;
        if (settings::isList(*key)) {
            applyListPiece(*key, raw, result.state, sink);
        } else if (const auto decoded = percentDecode(raw)) {
            settings::applySetting(*key, *decoded, raw, result.state, sink);
        } else {
            settings::reportUndecodable(*key, raw, sink);
        }
    }
    return result;
}

void dropUnknownIds(ViewState& state, const Dataset& dataset, std::vector<HashNotice>& notices) {
    NoticeSink sink(notices);
    if (!state.selection.empty() && !dataset.findEntity(state.selection)) {
        sink.add(nameOf(Key::Selection), state.selection, NoticeReason::UnknownId);
        state.selection.clear();
    }
    dropUnknownTerms(state.filters.axes, dataset, dataset.axes, Key::Axes, sink);
    dropUnknownTerms(state.filters.sectors, dataset, dataset.sectors, Key::Sectors, sink);
    dropUnknownTerms(state.filters.types, dataset, dataset.types, Key::Types, sink);
    dropUnknownTerms(state.filters.roles, dataset, dataset.roles, Key::Roles, sink);
}

std::string describe(const HashNotice& notice, Lang lang) {
    const Words sentence = sentenceFor(notice);
    const std::string text = lang == Lang::Fr ? frenchSpacing(sentence.fr) : std::string(sentence.en);
    return fillSlots(text, settingName(notice.key, lang), notice.value);
}

} // namespace explorer
