#include "ui/text_runs.hpp"

#include "core/sorting.hpp"
#include "core/utf8.hpp"
#include "ui/fonts.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace explorer::ui {

namespace {

// Blocks whose text ImGui cannot lay out glyph by glyph. Sorted, inclusive.
constexpr char32_t kShapedRanges[][2] = {
    {0x0300, 0x036F}, // combining diacritical marks (decomposed Latin, Greek, Cyrillic)
    {0x0483, 0x0489}, // Cyrillic combining marks
    {0x0591, 0x08FF}, // Hebrew, Arabic, Syriac, Arabic supplement, Thaana, N'Ko, Samaritan, Mandaic, Arabic extended
    {0x0900, 0x0DFF}, // Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala
    {0x0E00, 0x0FFF}, // Thai, Lao, Tibetan
    {0x1000, 0x109F}, // Myanmar
    {0x1100, 0x11FF}, // Hangul Jamo (conjoining: composed by the browser)
    {0x1700, 0x18AF}, // Tagalog…, Khmer, Mongolian
    {0x1900, 0x1AFF}, // Limbu, Tai Le, New Tai Lue, Khmer symbols, Buginese, Tai Tham, combining marks extended
    {0x1B00, 0x1C7F}, // Balinese, Sundanese, Batak, Lepcha, Ol Chiki
    {0x1CD0, 0x1CFF}, // Vedic extensions
    {0x1DC0, 0x1DFF}, // combining diacritical marks supplement
    {0x200B, 0x200F}, // zero-width space, ZWNJ, ZWJ, LRM, RLM
    {0x202A, 0x202E}, // bidi embeddings and overrides
    {0x2066, 0x2069}, // bidi isolates
    {0x20D0, 0x20FF}, // combining marks for symbols
    {0x302A, 0x302F}, // ideographic and Hangul tone marks
    {0x3099, 0x309A}, // combining kana voicing marks
    {0xA800, 0xA82F}, // Syloti Nagri
    {0xA840, 0xA8FF}, // Phags-pa, Saurashtra, Devanagari extended
    {0xA900, 0xA95F}, // Kayah Li, Rejang
    {0xA980, 0xAAFF}, // Javanese, Myanmar extended-B, Cham, Myanmar extended-A, Tai Viet
    {0xABC0, 0xABFF}, // Meetei Mayek
    {0xD7B0, 0xD7FF}, // Hangul Jamo extended-B
    {0xE000, 0xF8FF}, // private use area: the runs' own codepoints
    {0xFB1D, 0xFDFF}, // Hebrew and Arabic presentation forms
    {0xFE00, 0xFE0F}, // variation selectors
    {0xFE20, 0xFE2F}, // combining half marks
    {0xFE70, 0xFEFF}, // Arabic presentation forms-B, byte order mark
};

} // namespace

bool characterNeedsShaping(char32_t c) {
    if (c > 0xFFFF) return true;
    if (c < 0x0300) return false;
    const auto* end = std::end(kShapedRanges);
    const auto* it = std::upper_bound(std::begin(kShapedRanges), end, c,
                                      [](char32_t value, const char32_t(&range)[2]) { return value < range[0]; });
    if (it == std::begin(kShapedRanges)) return false;
    --it;
    return c <= (*it)[1];
}

char32_t decodeOne(std::string_view text, std::size_t& pos) {
    const utf8::Decoded d = utf8::decodeAt(text, pos);
    if (d.length == 0) {
        ++pos;
        return 0;
    }
    pos += d.length;
    return d.codePoint;
}

void utf8Append(std::string& out, char32_t c) { utf8::append(out, c); }

bool needsShaping(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        // Lead bytes below 0xCC start characters below U+0300: never shaped.
        const auto lead = static_cast<unsigned char>(text[pos]);
        if (lead < 0xCC) {
            ++pos;
            continue;
        }
        const char32_t c = decodeOne(text, pos);
        if (c && characterNeedsShaping(c)) return true;
    }
    return false;
}

std::string_view displayText(std::string_view text) {
    if (!ImGui::GetCurrentContext()) return text;
    return displayText(text, ImGui::GetFont());
}

std::string_view displayText(std::string_view text, const ImFont* font) {
    FontAtlas* atlas = fontAtlas();
    if (!atlas || !font) return text;
    return atlas->display(text, font);
}

ImVec2 displaySize(std::string_view text, const ImFont* font, float size) {
    FontAtlas* atlas = fontAtlas();
    if (!atlas || !font || font->FontSize <= 0.0f)
        return font ? font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()) : ImVec2(0, 0);
    return ImVec2(atlas->width(text, font) * size / font->FontSize, size);
}

const char* displayCString(std::string_view text) {
    static std::string scratch;
    const std::string_view shown = displayText(text);
    scratch.assign(shown.data(), shown.size());
    return scratch.c_str();
}

bool startsRightToLeft(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = decodeOne(text, pos);
        // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms.
        if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE)) return true;
        // Any other letter (Latin, Greek, CJK…: a rough but sufficient "strong left-to-right").
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0x00C0 && c != 0x00D7 && c != 0x00F7 && c < 0x0300) ||
            (c >= 0x0370 && c < 0x0590) || (c >= 0x0900 && c < 0x2000) || (c >= 0x3040 && c < 0xE000))
            return false;
    }
    return false;
}

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t'; }

// The width the browser gives [from, to) without its trailing spaces, at the current font size.
float shapedWidth(const char* from, const char* to, const ImFont* font) {
    while (to > from && isSpace(to[-1])) --to;
    return displaySize(std::string_view(from, static_cast<std::size_t>(to - from)), font, ImGui::GetFontSize()).x;
}

// Moves a line's end (where ImGui's unshaped wrap put it) to the last word boundary at which the
// browser's width of the shaped line fits `wrapWidth`: back a word at a time while it is too wide
// (keeping at least one word), then forward while the next word still fits. Widths not measured
// yet count as unshaped, which keeps ImGui's break until the browser has answered.
const char* fitShapedLine(const char* start, const char* lineEnd, const char* end, float wrapWidth, const ImFont* font) {
    const auto startOfLastWord = [&](const char* at) {
        while (at > start && isSpace(at[-1])) --at;
        while (at > start && !isSpace(at[-1])) --at;
        return at;
    };
    bool shortened = false;
    while (shapedWidth(start, lineEnd, font) > wrapWidth) {
        const char* lastWord = startOfLastWord(lineEnd);
        if (lastWord <= start) break; // one word (or part of one) left: it stays, too wide or not
        lineEnd = lastWord;
        shortened = true;
    }
    while (!shortened && lineEnd < end) {
        const char* next = lineEnd;
        while (next < end && isSpace(*next)) ++next;
        while (next < end && !isSpace(*next)) ++next;
        if (next == lineEnd || shapedWidth(start, next, font) > wrapWidth) break;
        lineEnd = next;
    }
    return lineEnd;
}

} // namespace

void wrappedText(std::string_view text) {
    if (!needsShaping(text)) {
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        return;
    }
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const float startX = ImGui::GetCursorPosX();
    const float wrapWidth = ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), window->DC.TextWrapPos);
    const bool rtl = startsRightToLeft(text);
    ImGui::BeginGroup();
    std::size_t at = 0;
    bool drewLine = false;
    while (at <= text.size()) {
        std::size_t paragraphEnd = text.find('\n', at);
        if (paragraphEnd == std::string_view::npos) paragraphEnd = text.size();
        const char* s = text.data() + at;
        const char* end = text.data() + paragraphEnd;
        do {
            // A first break from the unshaped widths, then moved a word at a time to where the
            // browser's own width of the shaped line (displaySize: measured once per line and
            // cached, the unshaped width until then) fits: joined Arabic is often narrower than its
            // letters side by side, Devanagari with its conjuncts too, so lines fill as the
            // browser's paragraph would, and never run past the wrap width once measured.
            const char* lineEnd = wrapWidth > 0.0f ? font->CalcWordWrapPositionA(scale, s, end, wrapWidth) : end;
            if (lineEnd <= s && s < end) { // a word wider than the line: at least one character
                std::size_t next = static_cast<std::size_t>(s - text.data());
                decodeOne(text, next);
                lineEnd = text.data() + std::min(next, paragraphEnd);
            } else if (lineEnd < s) {
                lineEnd = s;
            }
            if (wrapWidth > 0.0f) lineEnd = fitShapedLine(s, lineEnd, end, wrapWidth, font);
            const char* trimmed = lineEnd;
            while (trimmed > s && (trimmed[-1] == ' ' || trimmed[-1] == '\t')) --trimmed;
            const std::string_view shown = displayText(std::string_view(s, static_cast<std::size_t>(trimmed - s)));
            if (rtl && wrapWidth > 0.0f) {
                const float width = ImGui::CalcTextSize(shown.data(), shown.data() + shown.size()).x;
                ImGui::SetCursorPosX(startX + std::max(0.0f, wrapWidth - width));
            }
            ImGui::TextUnformatted(shown.data(), shown.data() + shown.size());
            drewLine = true;
            s = lineEnd;
            while (s < end && (*s == ' ' || *s == '\t')) ++s;
        } while (s < end);
        at = paragraphEnd + 1;
    }
    if (!drewLine) ImGui::NewLine();
    ImGui::EndGroup();
}

std::u32string datasetCharacters(const Dataset& dataset) {
    std::u32string out;
    const auto add = [&](std::string_view text) { forEachCodepoint(text, [&](char32_t c) { out.push_back(c); }); };
    const auto addLocal = [&](const LocalText& text) {
        add(text.fr);
        add(text.en);
    };
    addLocal(dataset.title);
    if (dataset.call) {
        addLocal(dataset.call->name);
        addLocal(dataset.call->announcement);
    }
    for (const auto* terms : {&dataset.axes, &dataset.sectors, &dataset.types, &dataset.roles}) {
        for (const Term& term : *terms) {
            add(term.id); // shown when a term has no label
            addLocal(term.label);
        }
    }
    for (const Source& source : dataset.sources) {
        add(source.outlet);
        add(source.title);
    }
    for (const Entity& entity : dataset.entities) {
        add(entity.name);
        for (const std::string& alias : entity.aliases) add(alias);
        add(entity.type);
        addLocal(entity.description);
        addLocal(entity.size);
        for (const std::string& licence : entity.licences) add(licence);
        for (const Fact& fact : entity.facts) addLocal(fact.text);
    }
    for (const Relation& relation : dataset.relations) {
        add(relation.role);
        addLocal(relation.note);
    }
    sortBy(out);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace explorer::ui
