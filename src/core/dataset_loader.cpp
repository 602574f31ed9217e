#include "dataset_loader.hpp"

#include "json_positions.hpp"
#include "vocabulary.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace explorer {

namespace {

using Json = nlohmann::json;
constexpr std::size_t npos = std::string_view::npos;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::int64_t kMaxDurationMonths = 600;
// Tokens quoted in syntax messages are cut to this many code points.
constexpr std::size_t kMaxQuotedToken = 24;

// ---------------------------------------------------------------------------------------------
// Problems as they are found; their places are computed once, at the end, in one pass.

// Whether a problem is about a member's value or about its name.
enum class Anchor { Value, Key };

struct PendingProblem {
    Problem problem;
    Anchor anchor = Anchor::Value;
};

class ProblemCollector {
public:
    void add(ProblemCode code, std::string pointer, std::string value = {}, std::string detail = {},
             std::size_t number = 0, Anchor anchor = Anchor::Value) {
        if (kept_.size() >= kMaxProblems) {
            ++dropped_;
            return;
        }
        Problem problem;
        problem.pointer = std::move(pointer);
        problem.code = code;
        problem.value = std::move(value);
        problem.detail = std::move(detail);
        problem.number = number;
        kept_.push_back({std::move(problem), anchor});
    }

    bool empty() const { return kept_.empty(); }
    std::size_t dropped() const { return dropped_; }
    std::vector<PendingProblem>& kept() { return kept_; }

private:
    std::vector<PendingProblem> kept_;
    std::size_t dropped_ = 0;
};

// Places the problems in `text`, sorts them in document order and adds the "and N more" line.
std::vector<Problem> placeProblems(std::string_view text, ProblemCollector& collector) {
    std::vector<PendingProblem>& pending = collector.kept();
    std::vector<std::string> pointers;
    pointers.reserve(pending.size());
    for (const PendingProblem& item : pending) pointers.push_back(item.problem.pointer);
    const std::vector<PointerLocation> locations = locatePointers(text, pointers);

    std::vector<std::size_t> offsets;
    offsets.reserve(pending.size());
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const PointerLocation& location = locations[i];
        const bool onKey = pending[i].anchor == Anchor::Key && location.exact && location.keyOffset != npos;
        offsets.push_back(onKey ? location.keyOffset : location.valueOffset);
    }
    const std::vector<TextPosition> positions = textPositions(text, offsets);

    std::vector<Problem> problems;
    problems.reserve(pending.size() + 1);
    for (std::size_t i = 0; i < pending.size(); ++i) {
        Problem problem = std::move(pending[i].problem);
        problem.line = positions[i].line;
        problem.column = positions[i].column;
        problems.push_back(std::move(problem));
    }
    std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    if (collector.dropped() > 0) {
        Problem more;
        more.code = ProblemCode::TooManyProblems;
        more.number = collector.dropped();
        problems.push_back(std::move(more));
    }
    return problems;
}

LoadResult singleProblem(std::string_view text, std::size_t offset, ProblemCode code, std::string value = {},
                         std::size_t number = 0) {
    Problem problem;
    problem.code = code;
    problem.value = std::move(value);
    problem.number = number;
    const TextPosition position = textPositions(text, {offset}).front();
    problem.line = position.line;
    problem.column = position.column;
    LoadResult result;
    result.problems.push_back(std::move(problem));
    return result;
}

// ---------------------------------------------------------------------------------------------
// Syntax: nlohmann's SAX parser, with a handler that never throws and stops at the first error.

class SyntaxChecker final : public nlohmann::json_sax<Json> {
public:
    explicit SyntaxChecker(ProblemCollector& problems) : problems_(problems) {}

    bool tooDeep() const { return tooDeep_; }
    bool topLevelDone() const { return topLevelDone_; }
    bool lastEventWasKey() const { return lastEventWasKey_; }
    std::optional<std::size_t> errorOffset() const { return errorOffset_; }
    int errorId() const { return errorId_; }

    bool null() override { return scalar(); }
    bool boolean(bool) override { return scalar(); }
    bool number_integer(number_integer_t) override { return scalar(); }
    bool number_unsigned(number_unsigned_t) override { return scalar(); }
    bool number_float(number_float_t, const string_t&) override { return scalar(); }
    bool string(string_t&) override { return scalar(); }
    bool binary(binary_t&) override { return scalar(); }
    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& name) override {
        Frame& frame = frames_.back();
        if (!frame.keys.insert(name).second) {
            problems_.add(ProblemCode::DuplicateKey, appendToPointer(currentPointer(), name), name, {}, 0,
                          Anchor::Key);
        }
        frame.lastKey = name;
        lastEventWasKey_ = true;
        return true;
    }

    // `position` counts the bytes read, the offending one included.
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
        errorOffset_ = position > 0 ? position - 1 : 0;
        errorId_ = error.id;
        return false;
    }

private:
    struct Frame {
        bool isObject = false;
        std::string token; // escaped pointer token leading to this container from its parent
        std::size_t nextIndex = 0;
        std::unordered_set<std::string> keys;
        std::string lastKey;
    };

    ProblemCollector& problems_;
    std::vector<Frame> frames_;
    bool tooDeep_ = false;
    bool topLevelDone_ = false;
    bool lastEventWasKey_ = false;
    std::optional<std::size_t> errorOffset_;
    int errorId_ = 0;

    std::string currentPointer() const {
        std::string pointer;
        for (std::size_t i = 1; i < frames_.size(); ++i) {
            pointer.push_back('/');
            pointer += frames_[i].token;
        }
        return pointer;
    }

    std::string nextChildToken() {
        if (frames_.empty()) return {};
        Frame& parent = frames_.back();
        return parent.isObject ? escapePointerToken(parent.lastKey) : std::to_string(parent.nextIndex++);
    }

    bool scalar() {
        lastEventWasKey_ = false;
        if (frames_.empty()) {
            topLevelDone_ = true;
        } else if (!frames_.back().isObject) {
            ++frames_.back().nextIndex;
        }
        return true;
    }

    bool open(bool isObject) {
        lastEventWasKey_ = false;
        Frame frame;
        frame.isObject = isObject;
        frame.token = nextChildToken();
        frames_.push_back(std::move(frame));
        if (frames_.size() > kMaxNestingDepth) {
            tooDeep_ = true;
            return false;
        }
        return true;
    }

    bool close() {
        lastEventWasKey_ = false;
        frames_.pop_back();
        if (frames_.empty()) topLevelDone_ = true;
        return true;
    }
};

// A token from the text, as quoted in a message: at most kMaxQuotedToken code points.
std::string quotedToken(std::string_view text, std::size_t begin, std::size_t end) {
    std::string token;
    std::size_t codePoints = 0;
    for (std::size_t pos = begin; pos < end && pos < text.size(); ++pos) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if ((byte & 0xC0U) != 0x80U && ++codePoints > kMaxQuotedToken) {
            token += "…";
            break;
        }
        token.push_back(text[pos]);
    }
    return token;
}

bool startsValue(const JsonToken& token, std::string_view text) {
    if (token.kind == JsonTokenKind::String || token.kind == JsonTokenKind::Bare) return true;
    return token.kind == JsonTokenKind::Punctuation && (text[token.begin] == '{' || text[token.begin] == '[');
}

bool endsValue(const JsonToken& token, std::string_view text) {
    if (token.kind == JsonTokenKind::String) return token.closed;
    if (token.kind == JsonTokenKind::Bare) {
        return isJsonScalarWord(text.substr(token.begin, token.end - token.begin));
    }
    return token.kind == JsonTokenKind::Punctuation && (text[token.begin] == '}' || text[token.begin] == ']');
}

bool isPunctuationChar(const JsonToken& token, std::string_view text, char c) {
    return token.kind == JsonTokenKind::Punctuation && text[token.begin] == c;
}

// Turns nlohmann's "error at byte N" into the problem a person can act on.
LoadResult explainSyntaxError(std::string_view text, std::size_t failOffset, const SyntaxChecker& checker) {
    if (failOffset >= text.size()) return singleProblem(text, text.size(), ProblemCode::JsonUnexpectedEnd);

    const TokenContext context = tokenContext(text, failOffset);
    const JsonToken& at = context.at;
    if (at.kind == JsonTokenKind::String && (!at.closed || failOffset + 1 < at.end)) {
        const auto byte = static_cast<unsigned char>(text[failOffset]);
        if (byte < 0x20U) {
            constexpr std::string_view hex = "0123456789ABCDEF";
            std::string codePoint = "U+00";
            codePoint.push_back(hex[byte >> 4U]);
            codePoint.push_back(hex[byte & 0xFU]);
            return singleProblem(text, failOffset, ProblemCode::JsonControlCharacter, codePoint);
        }
        const std::size_t backslash = text.rfind('\\', failOffset);
        const bool inToken = backslash != npos && backslash > at.begin;
        return singleProblem(text, inToken ? backslash : failOffset, ProblemCode::JsonBadEscape);
    }

    // The lexer reads a whole word before judging it: "tru}" fails on the '}', but the word at
    // fault is "tru".
    JsonToken token = at;
    const bool badWordBefore =
        context.before.kind == JsonTokenKind::Bare && context.before.end == failOffset &&
        !isJsonScalarWord(text.substr(context.before.begin, context.before.end - context.before.begin));
    if ((token.kind != JsonTokenKind::String && token.kind != JsonTokenKind::Bare) && badWordBefore) {
        token = context.before;
    }
    if (token.kind == JsonTokenKind::None) token = JsonToken{JsonTokenKind::Bare, failOffset, failOffset + 1, false};
    const std::string_view word = text.substr(token.begin, token.end - token.begin);
    const std::string shown = quotedToken(text, token.begin, token.end);

    if (word.front() == '/') return singleProblem(text, token.begin, ProblemCode::JsonComment);
    if (checker.topLevelDone()) return singleProblem(text, token.begin, ProblemCode::JsonTrailingContent, shown);
    if (checker.errorId() == 406) return singleProblem(text, token.begin, ProblemCode::JsonNumberOutOfRange, shown);
    if (word.front() == '\'') return singleProblem(text, token.begin, ProblemCode::JsonSingleQuote);
    if (token.kind == JsonTokenKind::Bare && !isJsonScalarWord(word)) {
        const char first = word.front();
        const bool numberLike = (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.';
        return singleProblem(text, token.begin, numberLike ? ProblemCode::JsonBadNumber : ProblemCode::JsonBareWord,
                             shown);
    }
    if (token.begin == at.begin && at.kind != JsonTokenKind::None) {
        const bool closing = isPunctuationChar(at, text, '}') || isPunctuationChar(at, text, ']');
        if (closing && isPunctuationChar(context.before, text, ',')) {
            return singleProblem(text, context.before.begin, ProblemCode::JsonTrailingComma);
        }
        if (checker.lastEventWasKey() && !isPunctuationChar(context.before, text, ':')) {
            return singleProblem(text, token.begin, ProblemCode::JsonMissingColon);
        }
        if (endsValue(context.before, text) && startsValue(at, text)) {
            return singleProblem(text, token.begin, ProblemCode::JsonMissingComma);
        }
    }
    return singleProblem(text, token.begin, ProblemCode::JsonUnexpectedToken, shown);
}

// ---------------------------------------------------------------------------------------------
// Schema and references

enum class Expected { String, WholeNumber, Array, Object };

std::string_view expectedName(Expected expected) {
    switch (expected) {
    case Expected::String: return "string";
    case Expected::WholeNumber: return "whole_number";
    case Expected::Array: return "array";
    case Expected::Object: return "object";
    }
    return "string";
}

std::string_view jsonTypeName(const Json& value) {
    if (value.is_string()) return "string";
    if (value.is_boolean()) return "boolean";
    if (value.is_number()) return "number";
    if (value.is_array()) return "array";
    if (value.is_object()) return "object";
    return "null";
}

bool isBlank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool isIdCharacter(char c, bool first) {
    const bool alphanumeric = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    return alphanumeric || (!first && (c == ':' || c == '.' || c == '_' || c == '-'));
}

// ^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$
bool isValidId(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (!isIdCharacter(id[i], i == 0)) return false;
    }
    return true;
}

bool isDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int toNumber(std::string_view digits) {
    int value = 0;
    for (const char c : digits) value = value * 10 + (c - '0');
    return value;
}

// "2024", "2024-05" or "2024-05-21", with a real month and a day that exists in that month.
bool isValidDate(std::string_view date) {
    if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
    if (!isDigits(date.substr(0, 4))) return false;
    if (date.size() == 4) return true;
    if (date[4] != '-' || !isDigits(date.substr(5, 2))) return false;
    const int month = toNumber(date.substr(5, 2));
    if (month < 1 || month > 12) return false;
    if (date.size() == 7) return true;
    if (date[7] != '-' || !isDigits(date.substr(8, 2))) return false;
    const int year = toNumber(date.substr(0, 4));
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr std::array<int, 12> kDaysInMonth = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int days = kDaysInMonth[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
    const int day = toNumber(date.substr(8, 2));
    return day >= 1 && day <= days;
}


bool isCountryCode(std::string_view code) {
    return code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// SPDX-style: ^[A-Za-z0-9][A-Za-z0-9.+-]*$ ("Apache-2.0", "CC-BY-NC-SA-4.0", "GPL-3.0+").
bool isLicenceId(std::string_view licence) {
    if (licence.empty() || !isIdCharacter(licence.front(), true)) return false;
    return std::all_of(licence.begin(), licence.end(),
                       [](char c) { return isIdCharacter(c, true) || c == '.' || c == '+' || c == '-'; });
}

const Json* memberOf(const Json& object, std::string_view key) {
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

// Reads and checks a parsed document into a Dataset, reporting every problem it meets. The
// Dataset it fills is only meaningful when no problem was reported.
class DatasetReader {
public:
    DatasetReader(ProblemCollector& problems, Dataset& dataset) : problems_(problems), dataset_(dataset) {}

    void read(const Json& root) {
        checkFields(root, "", {"$schema", "format", "title", "vocabulary", "call", "sources", "entities", "relations"});
        if (const Json* format = requiredMember(root, "", "format")) {
            if (const auto text = stringValue(*format, "/format"); text && *text != kDatasetFormat) {
                problems_.add(ProblemCode::WrongFormat, "/format", *text);
            }
        }
        if (const Json* title = requiredMember(root, "", "title")) {
            if (auto text = localText(*title, "/title")) dataset_.title = std::move(*text);
        }
        if (const Json* sources = requiredMember(root, "", "sources")) sourcesReadable_ = readSources(*sources);
        readVocabulary(root);
        axisIds_ = idsOf(dataset_.axes);
        sectorIds_ = idsOf(dataset_.sectors);
        typeIds_ = idsOf(dataset_.types);
        roleIds_ = idsOf(dataset_.roles);

        const Json* entities = requiredMember(root, "", "entities");
        const Json* relations = requiredMember(root, "", "relations");
        entitiesReadable_ = entities != nullptr && readEntities(*entities);
        // Without entities every relation end would be "unknown": noise that hides the real fault.
        if (relations != nullptr && entitiesReadable_) readRelations(*relations);
        if (const Json* call = memberOf(root, "call")) readCall(*call);
    }

private:
    ProblemCollector& problems_;
    Dataset& dataset_;
    std::unordered_map<std::string, std::size_t> sourceIndex_;
    std::unordered_map<std::string, std::size_t> entityIndex_;
    std::vector<std::string> entityPointers_; // pointer of each entity, for duplicate messages
    // When a list is missing or unusable its fault is reported once, and references to its
    // items are not checked, rather than each reported as unknown.
    bool sourcesReadable_ = false;
    bool entitiesReadable_ = false;
    // Ids of the vocabulary, so that checking a reference costs the same however long it is.
    std::unordered_set<std::string> axisIds_;
    std::unordered_set<std::string> sectorIds_;
    std::unordered_set<std::string> typeIds_;
    std::unordered_set<std::string> roleIds_;

    struct ListItem {
        std::string text;
        std::size_t index = 0; // position in the JSON array
    };

    // ---- generic checks

    bool expect(const Json& value, Expected expected, const std::string& pointer) {
        bool matches = false;
        switch (expected) {
        case Expected::String: matches = value.is_string(); break;
        case Expected::WholeNumber: matches = value.is_number_integer(); break;
        case Expected::Array: matches = value.is_array(); break;
        case Expected::Object: matches = value.is_object(); break;
        }
        if (!matches) {
            problems_.add(ProblemCode::WrongType, pointer, std::string(jsonTypeName(value)),
                          std::string(expectedName(expected)));
        }
        return matches;
    }

    void checkFields(const Json& object, const std::string& pointer, std::initializer_list<std::string_view> allowed) {
        for (const auto& member : object.items()) {
            if (std::find(allowed.begin(), allowed.end(), member.key()) == allowed.end()) {
                problems_.add(ProblemCode::UnknownField, appendToPointer(pointer, member.key()), member.key(), {}, 0,
                              Anchor::Key);
            }
        }
    }

    const Json* requiredMember(const Json& object, const std::string& pointer, std::string_view key) {
        const Json* member = memberOf(object, key);
        if (member == nullptr) problems_.add(ProblemCode::MissingField, appendToPointer(pointer, key), std::string(key));
        return member;
    }

    // A non-blank string.
    std::optional<std::string> stringValue(const Json& value, const std::string& pointer) {
        if (!expect(value, Expected::String, pointer)) return std::nullopt;
        const std::string& text = value.get_ref<const std::string&>();
        if (isBlank(text)) {
            problems_.add(ProblemCode::EmptyString, pointer);
            return std::nullopt;
        }
        return text;
    }

    std::optional<std::string> requiredString(const Json& object, const std::string& pointer, std::string_view key) {
        const Json* member = requiredMember(object, pointer, key);
        if (member == nullptr) return std::nullopt;
        return stringValue(*member, appendToPointer(pointer, key));
    }

    std::optional<std::string> optionalString(const Json& object, const std::string& pointer, std::string_view key) {
        const Json* member = memberOf(object, key);
        if (member == nullptr) return std::nullopt;
        return stringValue(*member, appendToPointer(pointer, key));
    }

    // An optional member holding an id, such as a conflict key.
    std::optional<std::string> idValue(const Json& object, const std::string& pointer, std::string_view key) {
        auto id = optionalString(object, pointer, key);
        if (id && !isValidId(*id)) {
            problems_.add(ProblemCode::InvalidId, appendToPointer(pointer, key), *id);
            return std::nullopt;
        }
        return id;
    }

    std::optional<LocalText> localText(const Json& value, const std::string& pointer) {
        if (!expect(value, Expected::Object, pointer)) return std::nullopt;
        checkFields(value, pointer, {"fr", "en"});
        LocalText text;
        bool complete = true;
        for (const std::string_view lang : {std::string_view("fr"), std::string_view("en")}) {
            const std::string langPointer = appendToPointer(pointer, lang);
            const Json* translation = memberOf(value, lang);
            if (translation == nullptr) {
                problems_.add(ProblemCode::MissingTranslation, langPointer, std::string(lang));
                complete = false;
                continue;
            }
            auto read = stringValue(*translation, langPointer);
            if (!read) {
                complete = false;
            } else {
                (lang == "fr" ? text.fr : text.en) = std::move(*read);
            }
        }
        if (!complete) return std::nullopt;
        return text;
    }

    std::optional<LocalText> optionalLocalText(const Json& object, const std::string& pointer, std::string_view key) {
        const Json* member = memberOf(object, key);
        if (member == nullptr) return std::nullopt;
        return localText(*member, appendToPointer(pointer, key));
    }

    // The non-blank strings of an array, each given once: a repeat is a DuplicateItem.
    std::vector<ListItem> stringList(const Json& value, const std::string& pointer) {
        std::vector<ListItem> items;
        if (!expect(value, Expected::Array, pointer)) return items;
        std::unordered_map<std::string, std::size_t> firstIndex;
        for (std::size_t i = 0; i < value.size(); ++i) {
            const std::string itemPointer = appendToPointer(pointer, i);
            auto item = stringValue(value[i], itemPointer);
            if (!item) continue;
            const auto [entry, inserted] = firstIndex.try_emplace(*item, i);
            if (!inserted) {
                problems_.add(ProblemCode::DuplicateItem, itemPointer, *item, appendToPointer(pointer, entry->second));
                continue;
            }
            items.push_back({std::move(*item), i});
        }
        return items;
    }

    static std::vector<std::string> texts(std::vector<ListItem> items) {
        std::vector<std::string> result;
        result.reserve(items.size());
        for (ListItem& item : items) result.push_back(std::move(item.text));
        return result;
    }

    std::vector<std::size_t> sourceReferences(const Json& value, const std::string& pointer) {
        std::vector<std::size_t> references;
        if (value.is_array() && value.empty()) {
            problems_.add(ProblemCode::EmptySourceList, pointer);
            return references;
        }
        for (const ListItem& id : stringList(value, pointer)) {
            const auto found = sourceIndex_.find(id.text);
            if (found == sourceIndex_.end()) {
                if (!sourcesReadable_) continue;
                problems_.add(ProblemCode::UnknownSource, appendToPointer(pointer, id.index), id.text);
            } else {
                references.push_back(found->second);
            }
        }
        return references;
    }

    std::vector<std::size_t> requiredSourceReferences(const Json& object, const std::string& pointer) {
        const Json* sources = requiredMember(object, pointer, "sources");
        if (sources == nullptr) return {};
        return sourceReferences(*sources, appendToPointer(pointer, "sources"));
    }

    void checkDate(const Json& object, const std::string& pointer, std::string_view key, bool required,
                   std::string& out) {
        const auto date = required ? requiredString(object, pointer, key) : optionalString(object, pointer, key);
        if (!date) return;
        if (!isValidDate(*date)) {
            problems_.add(ProblemCode::InvalidDate, appendToPointer(pointer, key), *date);
            return;
        }
        out = *date;
    }

    void checkUrl(const Json& object, const std::string& pointer, bool required, std::string& out) {
        const auto url = required ? requiredString(object, pointer, "url") : optionalString(object, pointer, "url");
        if (!url) return;
        if (!isWebUrl(*url)) {
            problems_.add(ProblemCode::InvalidUrl, appendToPointer(pointer, "url"), *url);
            return;
        }
        out = *url;
    }

    // ---- sections

    // False when no source can be referred to (not an array, or empty).
    bool readSources(const Json& sources) {
        if (!expect(sources, Expected::Array, "/sources")) return false;
        if (sources.empty()) {
            problems_.add(ProblemCode::EmptySourceList, "/sources");
            return false;
        }
        for (std::size_t i = 0; i < sources.size(); ++i) {
            const std::string pointer = appendToPointer("/sources", i);
            const Json& item = sources[i];
            dataset_.sources.emplace_back();
            if (!expect(item, Expected::Object, pointer)) continue;
            Source& source = dataset_.sources.back();
            checkFields(item, pointer, {"id", "outlet", "title", "date", "url", "layer"});
            if (auto id = requiredString(item, pointer, "id")) {
                const std::string idPointer = appendToPointer(pointer, "id");
                if (!isValidId(*id)) problems_.add(ProblemCode::InvalidId, idPointer, *id);
                const auto [entry, inserted] = sourceIndex_.try_emplace(*id, i);
                if (!inserted) {
                    problems_.add(ProblemCode::DuplicateSourceId, idPointer, *id,
                                  appendToPointer("/sources", entry->second));
                }
                source.id = std::move(*id);
            }
            if (auto outlet = requiredString(item, pointer, "outlet")) source.outlet = std::move(*outlet);
            if (auto title = requiredString(item, pointer, "title")) source.title = std::move(*title);
            checkDate(item, pointer, "date", true, source.date);
            checkUrl(item, pointer, true, source.url);
            if (auto layer = requiredString(item, pointer, "layer")) {
                if (*layer != "article" && *layer != "external") {
                    problems_.add(ProblemCode::UnknownLayer, appendToPointer(pointer, "layer"), *layer);
                }
                source.layer = std::move(*layer);
            }
        }
        return true;
    }

    void readVocabulary(const Json& root) {
        dataset_.types = builtinTypeTerms();
        dataset_.roles = builtinRoleTerms();
        const Json* vocabulary = memberOf(root, "vocabulary");
        if (vocabulary == nullptr || !expect(*vocabulary, Expected::Object, "/vocabulary")) return;
        checkFields(*vocabulary, "/vocabulary", {"axes", "sectors", "types", "roles"});
        readTerms(*vocabulary, "axes", dataset_.axes, 0);
        readTerms(*vocabulary, "sectors", dataset_.sectors, 0);
        readTerms(*vocabulary, "types", dataset_.types, dataset_.types.size());
        readTerms(*vocabulary, "roles", dataset_.roles, dataset_.roles.size());
    }

    static std::unordered_set<std::string> idsOf(const std::vector<Term>& terms) {
        std::unordered_set<std::string> ids;
        for (const Term& term : terms) ids.insert(term.id);
        return ids;
    }

    // Appends the declared terms to `terms`, whose first `builtinCount` entries are built in.
    void readTerms(const Json& vocabulary, std::string_view list, std::vector<Term>& terms, std::size_t builtinCount) {
        const Json* items = memberOf(vocabulary, list);
        const std::string listPointer = appendToPointer("/vocabulary", list);
        if (items == nullptr || !expect(*items, Expected::Array, listPointer)) return;
        std::unordered_map<std::string, std::size_t> declared;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string pointer = appendToPointer(listPointer, i);
            const Json& item = (*items)[i];
            if (!expect(item, Expected::Object, pointer)) continue;
            checkFields(item, pointer, {"id", "label"});
            Term term;
            if (auto id = requiredString(item, pointer, "id")) {
                const std::string idPointer = appendToPointer(pointer, "id");
                if (!isValidId(*id)) problems_.add(ProblemCode::InvalidId, idPointer, *id);
                const bool builtin = std::any_of(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(builtinCount),
                                                 [&id](const Term& known) { return known.id == *id; });
                const auto [entry, inserted] = declared.try_emplace(*id, i);
                if (builtin) {
                    problems_.add(ProblemCode::DuplicateTermId, idPointer, *id);
                } else if (!inserted) {
                    problems_.add(ProblemCode::DuplicateTermId, idPointer, *id,
                                  appendToPointer(listPointer, entry->second));
                }
                term.id = std::move(*id);
            }
            if (const Json* label = requiredMember(item, pointer, "label")) {
                if (auto text = localText(*label, appendToPointer(pointer, "label"))) term.label = std::move(*text);
            }
            terms.push_back(std::move(term));
        }
    }

    // False when the entities cannot be read at all (not an array, or too many), in which case
    // the relations are not checked: every reference would be reported as unknown.
    bool readEntities(const Json& entities) {
        if (!expect(entities, Expected::Array, "/entities")) return false;
        if (entities.size() > kMaxEntities) {
            problems_.add(ProblemCode::TooManyEntities, "/entities", {}, std::to_string(entities.size()), kMaxEntities);
            return false;
        }
        dataset_.entities.resize(entities.size());
        entityPointers_.resize(entities.size());
        // First every id, so that duplicates are found whatever the order.
        for (std::size_t i = 0; i < entities.size(); ++i) {
            entityPointers_[i] = appendToPointer("/entities", i);
            const Json& item = entities[i];
            if (!item.is_object()) continue;
            if (auto id = requiredString(item, entityPointers_[i], "id")) {
                const std::string idPointer = appendToPointer(entityPointers_[i], "id");
                if (!isValidId(*id)) problems_.add(ProblemCode::InvalidId, idPointer, *id);
                const auto [entry, inserted] = entityIndex_.try_emplace(*id, i);
                if (!inserted) {
                    problems_.add(ProblemCode::DuplicateEntityId, idPointer, *id, entityPointers_[entry->second]);
                }
                dataset_.entities[i].id = std::move(*id);
            }
        }
        for (std::size_t i = 0; i < entities.size(); ++i) {
            if (expect(entities[i], Expected::Object, entityPointers_[i])) {
                readEntity(entities[i], entityPointers_[i], dataset_.entities[i]);
            }
        }
        return true;
    }

    void readEntity(const Json& item, const std::string& pointer, Entity& entity) {
        checkFields(item, pointer,
                    {"id", "kind", "name", "aliases", "type", "country", "description", "url", "axes", "sectors",
                     "duration_months", "size", "licences", "facts", "sources"});
        std::optional<EntityKind> kind;
        if (auto kindName = requiredString(item, pointer, "kind")) {
            kind = entityKindFromString(*kindName);
            if (!kind) problems_.add(ProblemCode::UnknownKind, appendToPointer(pointer, "kind"), *kindName);
        }
        if (kind) entity.kind = *kind;
        if (auto name = requiredString(item, pointer, "name")) entity.name = std::move(*name);
        if (const Json* aliases = memberOf(item, "aliases")) {
            entity.aliases = texts(stringList(*aliases, appendToPointer(pointer, "aliases")));
        }
        // An empty country is allowed: none applies to an intergovernmental body.
        const std::string countryPointer = appendToPointer(pointer, "country");
        if (const Json* country = memberOf(item, "country"); country && expect(*country, Expected::String, countryPointer)) {
            const std::string& code = country->get_ref<const std::string&>();
            if (!code.empty() && !isCountryCode(code)) problems_.add(ProblemCode::InvalidCountry, countryPointer, code);
            entity.country = code;
        }
        if (const Json* description = requiredMember(item, pointer, "description")) {
            if (auto text = localText(*description, appendToPointer(pointer, "description"))) {
                entity.description = std::move(*text);
            }
        }
        checkUrl(item, pointer, false, entity.url);
        if (const Json* facts = memberOf(item, "facts")) readFacts(*facts, appendToPointer(pointer, "facts"), entity);
        entity.sources = requiredSourceReferences(item, pointer);
        if (kind) readKindFields(item, pointer, *kind, entity);
    }

    // Fields that belong to one kind of entity. An entity of unknown kind skips them: its kind
    // is already reported, and guessing would only add noise.
    void readKindFields(const Json& item, const std::string& pointer, EntityKind kind, Entity& entity) {
        struct KindField {
            std::string_view name;
            EntityKind kind;
        };
        constexpr std::array kKindFields = {
            KindField{"type", EntityKind::Organisation}, KindField{"axes", EntityKind::Project},
            KindField{"sectors", EntityKind::Project},   KindField{"duration_months", EntityKind::Project},
            KindField{"size", EntityKind::Project},      KindField{"licences", EntityKind::Model},
        };
        for (const KindField& field : kKindFields) {
            if (field.kind != kind && memberOf(item, field.name) != nullptr) {
                problems_.add(ProblemCode::FieldNotForKind, appendToPointer(pointer, field.name),
                              std::string(field.name), std::string(toString(kind)), 0, Anchor::Key);
            }
        }
        switch (kind) {
        case EntityKind::Organisation: readOrganisationType(item, pointer, entity); break;
        case EntityKind::Project: readProjectFields(item, pointer, entity); break;
        case EntityKind::Model:
            if (const Json* licences = memberOf(item, "licences")) {
                const std::string listPointer = appendToPointer(pointer, "licences");
                for (ListItem& licence : stringList(*licences, listPointer)) {
                    if (!isLicenceId(licence.text)) {
                        problems_.add(ProblemCode::InvalidLicence, appendToPointer(listPointer, licence.index),
                                      licence.text);
                    }
                    entity.licences.push_back(std::move(licence.text));
                }
            }
            break;
        case EntityKind::Initiative: break;
        }
    }

    void readOrganisationType(const Json& item, const std::string& pointer, Entity& entity) {
        const std::string typePointer = appendToPointer(pointer, "type");
        const Json* type = memberOf(item, "type");
        if (type == nullptr) {
            problems_.add(ProblemCode::MissingOrganisationType, typePointer);
            return;
        }
        auto id = stringValue(*type, typePointer);
        if (!id) return;
        if (!typeIds_.count(*id)) problems_.add(ProblemCode::UnknownType, typePointer, *id);
        entity.type = std::move(*id);
    }

    void readProjectFields(const Json& item, const std::string& pointer, Entity& entity) {
        const auto readTermIds = [&](std::string_view field, const std::unordered_set<std::string>& known,
                                     ProblemCode unknown, std::vector<std::string>& out) {
            const Json* list = memberOf(item, field);
            if (list == nullptr) return;
            const std::string listPointer = appendToPointer(pointer, field);
            for (ListItem& id : stringList(*list, listPointer)) {
                if (!known.count(id.text)) problems_.add(unknown, appendToPointer(listPointer, id.index), id.text);
                out.push_back(std::move(id.text));
            }
        };
        readTermIds("axes", axisIds_, ProblemCode::UnknownAxis, entity.axes);
        readTermIds("sectors", sectorIds_, ProblemCode::UnknownSector, entity.sectors);

        if (const Json* duration = memberOf(item, "duration_months")) {
            const std::string durationPointer = appendToPointer(pointer, "duration_months");
            if (expect(*duration, Expected::WholeNumber, durationPointer)) {
                const bool inRange = duration->is_number_unsigned() && duration->get<std::uint64_t>() >= 1 &&
                                     duration->get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxDurationMonths);
                if (inRange) {
                    entity.durationMonths = static_cast<int>(duration->get<std::uint64_t>());
                } else {
                    problems_.add(ProblemCode::InvalidDuration, durationPointer, duration->dump());
                }
            }
        }
        if (auto size = optionalLocalText(item, pointer, "size")) entity.size = std::move(*size);
    }

    void readFacts(const Json& facts, const std::string& pointer, Entity& entity) {
        if (!expect(facts, Expected::Array, pointer)) return;
        for (std::size_t i = 0; i < facts.size(); ++i) {
            const std::string factPointer = appendToPointer(pointer, i);
            const Json& item = facts[i];
            if (!expect(item, Expected::Object, factPointer)) continue;
            checkFields(item, factPointer, {"text", "sources", "conflict"});
            Fact fact;
            if (const Json* text = requiredMember(item, factPointer, "text")) {
                if (auto read = localText(*text, appendToPointer(factPointer, "text"))) fact.text = std::move(*read);
            }
            fact.sources = requiredSourceReferences(item, factPointer);
            if (auto conflict = idValue(item, factPointer, "conflict")) fact.conflict = std::move(*conflict);
            entity.facts.push_back(std::move(fact));
        }
    }

    std::optional<std::size_t> entityReference(const Json& object, const std::string& pointer, std::string_view key) {
        auto id = requiredString(object, pointer, key);
        if (!id) return std::nullopt;
        const auto found = entityIndex_.find(*id);
        if (found == entityIndex_.end()) {
            problems_.add(ProblemCode::UnknownEntity, appendToPointer(pointer, key), *id);
            return std::nullopt;
        }
        return found->second;
    }

    void readRelations(const Json& relations) {
        if (!expect(relations, Expected::Array, "/relations")) return;
        if (relations.size() > kMaxRelations) {
            problems_.add(ProblemCode::TooManyRelations, "/relations", {}, std::to_string(relations.size()),
                          kMaxRelations);
            return;
        }
        std::unordered_map<std::string, std::size_t> firstOfTriple; // "source\nrole\ntarget" → index
        for (std::size_t i = 0; i < relations.size(); ++i) {
            const std::string pointer = appendToPointer("/relations", i);
            const Json& item = relations[i];
            dataset_.relations.emplace_back();
            if (!expect(item, Expected::Object, pointer)) continue;
            Relation& relation = dataset_.relations.back();
            checkFields(item, pointer, {"source", "role", "target", "note", "conflict", "sources"});
            const auto source = entityReference(item, pointer, "source");
            if (auto role = requiredString(item, pointer, "role")) {
                if (!roleIds_.count(*role)) {
                    problems_.add(ProblemCode::UnknownRole, appendToPointer(pointer, "role"), *role);
                }
                relation.role = std::move(*role);
            }
            const auto target = entityReference(item, pointer, "target");
            if (source && target) {
                relation.source = *source;
                relation.target = *target;
                if (*source == *target) {
                    problems_.add(ProblemCode::SelfRelation, appendToPointer(pointer, "target"),
                                  dataset_.entities[*target].id);
                } else if (!relation.role.empty()) {
                    const std::string triple = dataset_.entities[*source].id + '\n' + relation.role + '\n' +
                                               dataset_.entities[*target].id;
                    const auto [entry, inserted] = firstOfTriple.try_emplace(triple, i);
                    if (!inserted) {
                        problems_.add(ProblemCode::DuplicateRelation, pointer, {},
                                      appendToPointer("/relations", entry->second));
                    }
                }
            }
            if (auto note = optionalLocalText(item, pointer, "note")) relation.note = std::move(*note);
            if (auto conflict = idValue(item, pointer, "conflict")) relation.conflict = std::move(*conflict);
            relation.sources = requiredSourceReferences(item, pointer);
        }
    }

    void readCall(const Json& callValue) {
        if (!expect(callValue, Expected::Object, "/call")) return;
        checkFields(callValue, "/call", {"name", "launched_by", "launched", "announced", "announcement", "sources"});
        Call call;
        if (const Json* name = requiredMember(callValue, "/call", "name")) {
            if (auto text = localText(*name, "/call/name")) call.name = std::move(*text);
        }
        if (memberOf(callValue, "launched_by") != nullptr && entitiesReadable_) {
            if (const auto launcher = entityReference(callValue, "/call", "launched_by")) {
                call.launchedBy = dataset_.entities[*launcher].id;
            }
        }
        checkDate(callValue, "/call", "launched", false, call.launched);
        checkDate(callValue, "/call", "announced", false, call.announced);
        if (auto announcement = optionalLocalText(callValue, "/call", "announcement")) {
            call.announcement = std::move(*announcement);
        }
        call.sources = requiredSourceReferences(callValue, "/call");
        dataset_.call = std::move(call);
    }
};

// ---------------------------------------------------------------------------------------------
// Messages

std::string quoted(std::string_view value, Lang lang) {
    return lang == Lang::Fr ? "« " + std::string(value) + " »" : "\"" + std::string(value) + "\"";
}

std::string jsonTypePhrase(std::string_view type, Lang lang) {
    struct Phrase {
        std::string_view type, fr, en;
    };
    constexpr std::array kPhrases = {
        Phrase{"string", "une chaîne de caractères", "a string"},
        Phrase{"whole_number", "un nombre entier", "a whole number"},
        Phrase{"number", "un nombre", "a number"},
        Phrase{"boolean", "un booléen (true ou false)", "a boolean (true or false)"},
        Phrase{"null", "null", "null"},
        Phrase{"array", "un tableau [ … ]", "an array [ … ]"},
        Phrase{"object", "un objet { … }", "an object { … }"},
    };
    for (const Phrase& phrase : kPhrases) {
        if (phrase.type == type) return std::string(lang == Lang::Fr ? phrase.fr : phrase.en);
    }
    return std::string(type);
}

std::string kindPhrase(std::string_view kind, Lang lang) {
    const auto parsed = entityKindFromString(kind);
    if (!parsed) return std::string(kind);
    switch (*parsed) {
    case EntityKind::Project: return lang == Lang::Fr ? "un projet" : "a project";
    case EntityKind::Organisation: return lang == Lang::Fr ? "une organisation" : "an organisation";
    case EntityKind::Model: return lang == Lang::Fr ? "un modèle" : "a model";
    case EntityKind::Initiative: return lang == Lang::Fr ? "une initiative" : "an initiative";
    }
    return std::string(kind);
}

std::string pick(Lang lang, std::string fr, std::string en) { return lang == Lang::Fr ? std::move(fr) : std::move(en); }

} // namespace

LoadResult loadDataset(std::string_view text) {
    if (text.size() > kMaxInputBytes) {
        Problem problem;
        problem.code = ProblemCode::InputTooLarge;
        problem.line = 1;
        problem.column = 1;
        problem.number = kMaxInputBytes;
        problem.detail = std::to_string(text.size());
        LoadResult result;
        result.problems.push_back(std::move(problem));
        return result;
    }
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        return singleProblem(text, 0, ProblemCode::Utf16Encoding);
    }
    if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());

    const std::optional<std::size_t> badByte = findInvalidUtf8(text);
    const std::size_t nulByte = text.find('\0');
    if (nulByte != npos && (!badByte || nulByte < *badByte)) return singleProblem(text, nulByte, ProblemCode::NulByte);
    if (badByte) return singleProblem(text, *badByte, ProblemCode::InvalidUtf8);
    if (isBlank(text)) return singleProblem(text, 0, ProblemCode::EmptyInput);

    ProblemCollector problems;
    SyntaxChecker checker(problems);
    if (!Json::sax_parse(text.begin(), text.end(), &checker)) {
        if (checker.tooDeep()) {
            const std::size_t offset = findExcessiveNesting(text, kMaxNestingDepth).value_or(0);
            return singleProblem(text, offset, ProblemCode::TooDeep, {}, kMaxNestingDepth);
        }
        return explainSyntaxError(text, checker.errorOffset().value_or(0), checker);
    }

    const Json root = Json::parse(text.begin(), text.end(), nullptr, false);
    if (root.is_discarded()) return singleProblem(text, 0, ProblemCode::JsonUnexpectedToken, "?");
    if (!root.is_object()) {
        const std::size_t start = text.find_first_not_of(" \t\r\n");
        return singleProblem(text, start == npos ? 0 : start, ProblemCode::NotAnObject, std::string(jsonTypeName(root)));
    }

    Dataset dataset;
    DatasetReader(problems, dataset).read(root);

    LoadResult result;
    if (problems.empty()) {
        dataset.buildIndex();
        result.dataset = std::move(dataset);
    } else {
        result.problems = placeProblems(text, problems);
    }
    return result;
}

std::string_view toString(ProblemCode code) {
    switch (code) {
    case ProblemCode::InputTooLarge: return "input_too_large";
    case ProblemCode::EmptyInput: return "empty_input";
    case ProblemCode::Utf16Encoding: return "utf16_encoding";
    case ProblemCode::InvalidUtf8: return "invalid_utf8";
    case ProblemCode::NulByte: return "nul_byte";
    case ProblemCode::JsonUnexpectedEnd: return "json_unexpected_end";
    case ProblemCode::JsonTrailingComma: return "json_trailing_comma";
    case ProblemCode::JsonMissingComma: return "json_missing_comma";
    case ProblemCode::JsonMissingColon: return "json_missing_colon";
    case ProblemCode::JsonComment: return "json_comment";
    case ProblemCode::JsonSingleQuote: return "json_single_quote";
    case ProblemCode::JsonControlCharacter: return "json_control_character";
    case ProblemCode::JsonBadEscape: return "json_bad_escape";
    case ProblemCode::JsonNumberOutOfRange: return "json_number_out_of_range";
    case ProblemCode::JsonBadNumber: return "json_bad_number";
    case ProblemCode::JsonBareWord: return "json_bare_word";
    case ProblemCode::JsonTrailingContent: return "json_trailing_content";
    case ProblemCode::JsonUnexpectedToken: return "json_unexpected_token";
    case ProblemCode::TooDeep: return "too_deep";
    case ProblemCode::NotAnObject: return "not_an_object";
    case ProblemCode::DuplicateKey: return "duplicate_key";
    case ProblemCode::UnknownField: return "unknown_field";
    case ProblemCode::MissingField: return "missing_field";
    case ProblemCode::WrongType: return "wrong_type";
    case ProblemCode::WrongFormat: return "wrong_format";
    case ProblemCode::EmptyString: return "empty_string";
    case ProblemCode::MissingTranslation: return "missing_translation";
    case ProblemCode::FieldNotForKind: return "field_not_for_kind";
    case ProblemCode::TooManyEntities: return "too_many_entities";
    case ProblemCode::TooManyRelations: return "too_many_relations";
    case ProblemCode::InvalidId: return "invalid_id";
    case ProblemCode::InvalidDate: return "invalid_date";
    case ProblemCode::InvalidUrl: return "invalid_url";
    case ProblemCode::InvalidCountry: return "invalid_country";
    case ProblemCode::InvalidDuration: return "invalid_duration";
    case ProblemCode::InvalidLicence: return "invalid_licence";
    case ProblemCode::UnknownKind: return "unknown_kind";
    case ProblemCode::UnknownLayer: return "unknown_layer";
    case ProblemCode::DuplicateEntityId: return "duplicate_entity_id";
    case ProblemCode::DuplicateSourceId: return "duplicate_source_id";
    case ProblemCode::DuplicateTermId: return "duplicate_term_id";
    case ProblemCode::DuplicateRelation: return "duplicate_relation";
    case ProblemCode::DuplicateItem: return "duplicate_item";
    case ProblemCode::MissingOrganisationType: return "missing_organisation_type";
    case ProblemCode::UnknownType: return "unknown_type";
    case ProblemCode::UnknownRole: return "unknown_role";
    case ProblemCode::UnknownAxis: return "unknown_axis";
    case ProblemCode::UnknownSector: return "unknown_sector";
    case ProblemCode::UnknownEntity: return "unknown_entity";
    case ProblemCode::SelfRelation: return "self_relation";
    case ProblemCode::UnknownSource: return "unknown_source";
    case ProblemCode::EmptySourceList: return "empty_source_list";
    case ProblemCode::TooManyProblems: return "too_many_problems";
    case ProblemCode::CsvBadQuote: return "csv_bad_quote";
    case ProblemCode::CsvNoRows: return "csv_no_rows";
    case ProblemCode::CsvFieldCount: return "csv_field_count";
    case ProblemCode::CsvTypeConflict: return "csv_type_conflict";
    }
    return "unknown";
}

std::string problemMessage(const Problem& problem, Lang lang) {
    const std::string value = quoted(problem.value, lang);
    const std::string number = std::to_string(problem.number);
    switch (problem.code) {
    case ProblemCode::InputTooLarge:
        return pick(lang, "le fichier est trop volumineux (" + problem.detail + " octets, au plus " + number + ")",
                    "the file is too large (" + problem.detail + " bytes, at most " + number + ")");
    case ProblemCode::EmptyInput:
        return pick(lang, "le fichier est vide : un jeu de données est un objet JSON, qui commence par {",
                    "the file is empty: a dataset is a JSON object, starting with {");
    case ProblemCode::Utf16Encoding:
        return pick(lang, "le fichier est encodé en UTF-16 ; enregistrez-le en UTF-8",
                    "the file is encoded as UTF-16; save it as UTF-8");
    case ProblemCode::InvalidUtf8:
        return pick(lang, "cet octet n’est pas de l’UTF-8 valide ; enregistrez le fichier en UTF-8",
                    "this byte is not valid UTF-8; save the file as UTF-8");
    case ProblemCode::NulByte:
        return pick(lang, "le fichier contient un octet nul : ce n’est pas du texte UTF-8 (serait-il en UTF-16 ?)",
                    "the file contains a NUL byte: it is not UTF-8 text (could it be UTF-16?)");
    case ProblemCode::JsonUnexpectedEnd:
        return pick(lang,
                    "le fichier s’arrête avant la fin du JSON : il manque un guillemet, un crochet ou une "
                    "accolade fermante",
                    "the file ends before the JSON does: a closing quote, bracket or brace is missing");
    case ProblemCode::JsonTrailingComma:
        return pick(lang, "virgule en trop avant la fermeture : JSON n’admet pas de virgule après le dernier élément",
                    "extra comma before the closing bracket: JSON allows no comma after the last item");
    case ProblemCode::JsonMissingComma:
        return pick(lang, "il manque une virgule avant cette valeur", "a comma is missing before this value");
    case ProblemCode::JsonMissingColon:
        return pick(lang, "il manque deux-points (:) entre le nom du champ et sa valeur",
                    "a colon (:) is missing between the field name and its value");
    case ProblemCode::JsonComment:
        return pick(lang, "JSON n’admet pas de commentaires", "JSON does not allow comments");
    case ProblemCode::JsonSingleQuote:
        return pick(lang, "en JSON, les textes s’écrivent entre guillemets doubles (\"), pas entre apostrophes",
                    "JSON texts are written between double quotes (\"), not single quotes");
    case ProblemCode::JsonControlCharacter:
        return pick(lang,
                    "un texte contient le caractère de contrôle " + problem.value +
                        " ; écrivez un retour à la ligne \\n et une tabulation \\t",
                    "a text contains the control character " + problem.value +
                        "; write a line break as \\n and a tab as \\t");
    case ProblemCode::JsonBadEscape:
        return pick(lang, "séquence d’échappement invalide dans un texte (une barre oblique inverse s’écrit \\\\)",
                    "invalid escape sequence in a text (a backslash is written \\\\)");
    case ProblemCode::JsonNumberOutOfRange:
        return pick(lang, "le nombre " + value + " est trop grand", "the number " + value + " is too large");
    case ProblemCode::JsonBadNumber:
        return pick(lang, value + " n’est pas un nombre JSON valide", value + " is not a valid JSON number");
    case ProblemCode::JsonBareWord:
        return pick(lang,
                    value + " n’est pas une valeur JSON : un texte s’écrit entre guillemets doubles, et true, "
                            "false, null en minuscules",
                    value + " is not a JSON value: texts go between double quotes, and true, false, null are "
                            "written in lower case");
    case ProblemCode::JsonTrailingContent:
        return pick(lang, value + " se trouve après la fin du document JSON",
                    value + " comes after the end of the JSON document");
    case ProblemCode::JsonUnexpectedToken:
        return pick(lang, value + " n’a pas sa place ici", value + " was not expected here");
    case ProblemCode::TooDeep:
        return pick(lang, "objets et tableaux sont imbriqués sur plus de " + number + " niveaux",
                    "objects and arrays are nested more than " + number + " levels deep");
    case ProblemCode::NotAnObject:
        return pick(lang, "un jeu de données est un objet JSON { … }, pas " + jsonTypePhrase(problem.value, lang),
                    "a dataset is a JSON object { … }, not " + jsonTypePhrase(problem.value, lang));
    case ProblemCode::DuplicateKey:
        return pick(lang, "le champ " + value + " figure deux fois dans cet objet ; un seul serait lu",
                    "the field " + value + " appears twice in this object; only one would be read");
    case ProblemCode::UnknownField:
        return pick(lang, value + " n’est pas un champ prévu par le format à cet endroit (faute de frappe ?)",
                    value + " is not a field the format expects here (a typo?)");
    case ProblemCode::MissingField:
        return pick(lang, "le champ obligatoire " + value + " manque", "the required field " + value + " is missing");
    case ProblemCode::WrongType:
        return pick(lang,
                    "il faut " + jsonTypePhrase(problem.detail, lang) + ", pas " + jsonTypePhrase(problem.value, lang),
                    "expected " + jsonTypePhrase(problem.detail, lang) + ", found " +
                        jsonTypePhrase(problem.value, lang));
    case ProblemCode::WrongFormat:
        return pick(lang,
                    "le format est " + value + " ; cet explorateur lit « " + std::string(kDatasetFormat) + " »",
                    "the format is " + value + "; this explorer reads \"" + std::string(kDatasetFormat) + "\"");
    case ProblemCode::EmptyString:
        return pick(lang, "ce texte est vide", "this text is empty");
    case ProblemCode::MissingTranslation:
        return problem.value == "fr"
                   ? pick(lang, "la version française (fr) manque : chaque texte est donné en français et en anglais",
                          "the French version (fr) is missing: every text is given in French and in English")
                   : pick(lang, "la version anglaise (en) manque : chaque texte est donné en français et en anglais",
                          "the English version (en) is missing: every text is given in French and in English");
    case ProblemCode::FieldNotForKind:
        return pick(lang, "le champ " + value + " ne s’applique pas à " + kindPhrase(problem.detail, lang),
                    "the field " + value + " does not apply to " + kindPhrase(problem.detail, lang));
    case ProblemCode::TooManyEntities:
        return pick(lang, problem.detail + " entités : l’explorateur en lit au plus " + number,
                    problem.detail + " entities: the explorer reads at most " + number);
    case ProblemCode::TooManyRelations:
        return pick(lang, problem.detail + " relations : l’explorateur en lit au plus " + number,
                    problem.detail + " relations: the explorer reads at most " + number);
    case ProblemCode::InvalidId:
        return pick(lang,
                    value + " n’est pas un identifiant valide : 1 à 64 caractères parmi les lettres sans accent, "
                            "les chiffres et : . _ -, en commençant par une lettre ou un chiffre",
                    value + " is not a valid id: 1 to 64 characters among unaccented letters, digits and : . _ -, "
                            "starting with a letter or a digit");
    case ProblemCode::InvalidDate:
        return pick(lang, value + " n’est pas une date de la forme 2024, 2024-05 ou 2024-05-21",
                    value + " is not a date written 2024, 2024-05 or 2024-05-21");
    case ProblemCode::InvalidUrl:
        return pick(lang, value + " n’est pas une adresse web commençant par https:// ou http://",
                    value + " is not a web address starting with https:// or http://");
    case ProblemCode::InvalidCountry:
        return pick(lang, value + " n’est pas un code pays de deux lettres majuscules (ISO 3166-1, par exemple FR)",
                    value + " is not a country code of two capital letters (ISO 3166-1, for example FR)");
    case ProblemCode::InvalidDuration:
        return pick(lang, problem.value + " n’est pas une durée en mois comprise entre 1 et 600",
                    problem.value + " is not a duration in months between 1 and 600");
    case ProblemCode::InvalidLicence:
        return pick(lang, value + " n’est pas un identifiant de licence SPDX (par exemple Apache-2.0 ou CC-BY-4.0)",
                    value + " is not an SPDX licence identifier (for example Apache-2.0 or CC-BY-4.0)");
    case ProblemCode::UnknownKind:
        return pick(lang, value + " n’est pas une sorte d’entité : project, organisation, model ou initiative",
                    value + " is not a kind of entity: project, organisation, model or initiative");
    case ProblemCode::UnknownLayer:
        return pick(lang, value + " n’est pas une couche de source : article ou external",
                    value + " is not a source layer: article or external");
    case ProblemCode::DuplicateEntityId:
        return pick(lang, "l’identifiant d’entité " + value + " est déjà pris par " + problem.detail,
                    "the entity id " + value + " is already taken by " + problem.detail);
    case ProblemCode::DuplicateSourceId:
        return pick(lang, "l’identifiant de source " + value + " est déjà pris par " + problem.detail,
                    "the source id " + value + " is already taken by " + problem.detail);
    case ProblemCode::DuplicateTermId:
        if (problem.detail.empty()) {
            return pick(lang, value + " fait déjà partie du vocabulaire intégré : inutile de le déclarer",
                        value + " is already part of the built-in vocabulary: do not declare it");
        }
        return pick(lang, "l’identifiant " + value + " est déjà déclaré en " + problem.detail,
                    "the id " + value + " is already declared at " + problem.detail);
    case ProblemCode::DuplicateRelation:
        return pick(lang, "cette relation (même source, même rôle, même cible) figure déjà en " + problem.detail,
                    "this relation (same source, role and target) is already given at " + problem.detail);
    case ProblemCode::DuplicateItem:
        return pick(lang, value + " figure déjà dans cette liste, en " + problem.detail,
                    value + " is already in this list, at " + problem.detail);
    case ProblemCode::MissingOrganisationType:
        return pick(lang, "une organisation doit avoir un type (company, public_research, nonprofit…)",
                    "an organisation needs a type (company, public_research, nonprofit…)");
    case ProblemCode::UnknownType:
        return pick(lang, value + " n’est pas un type d’organisation, ni intégré ni déclaré dans vocabulary.types",
                    value + " is not an organisation type, neither built in nor declared in vocabulary.types");
    case ProblemCode::UnknownRole:
        return pick(lang, value + " n’est pas un rôle, ni intégré ni déclaré dans vocabulary.roles",
                    value + " is not a role, neither built in nor declared in vocabulary.roles");
    case ProblemCode::UnknownAxis:
        return pick(lang, value + " n’est pas un axe déclaré dans vocabulary.axes",
                    value + " is not an axis declared in vocabulary.axes");
    case ProblemCode::UnknownSector:
        return pick(lang, value + " n’est pas un secteur déclaré dans vocabulary.sectors",
                    value + " is not a sector declared in vocabulary.sectors");
    case ProblemCode::UnknownEntity:
        return pick(lang, value + " n’est l’identifiant d’aucune entité", value + " is not a known entity id");
    case ProblemCode::SelfRelation:
        return pick(lang, "la relation relie " + value + " à elle-même", "the relation links " + value + " to itself");
    case ProblemCode::UnknownSource:
        return pick(lang, value + " n’est l’identifiant d’aucune source déclarée",
                    value + " is not the id of a declared source");
    case ProblemCode::EmptySourceList:
        return pick(lang, "la liste des sources est vide : citez-en au moins une",
                    "the list of sources is empty: cite at least one");
    case ProblemCode::TooManyProblems:
        return problem.number == 1 ? pick(lang, "et 1 autre problème", "and 1 more problem")
                                   : pick(lang, "et " + number + " autres problèmes", "and " + number + " more problems");
    case ProblemCode::CsvBadQuote:
        return pick(lang,
                    "ce champ entre guillemets est mal fermé : après le guillemet final vient le séparateur ou "
                    "la fin de la ligne, et un guillemet à l’intérieur du champ s’écrit deux fois (\"\")",
                    "this quoted field is not closed properly: the closing quote must be followed by the "
                    "separator or the end of the line, and a quote inside the field is written twice (\"\")");
    case ProblemCode::CsvNoRows:
        return pick(lang,
                    "le fichier ne contient aucune relation : une ligne d’en-tête (source,target,role) puis "
                    "une ligne par relation",
                    "the file holds no relation: a header line (source,target,role), then one line per "
                    "relation");
    case ProblemCode::CsvFieldCount:
        return pick(lang,
                    "cette ligne a " + problem.value + " champs et l’en-tête " + number +
                        " ; un texte qui contient le séparateur se met entre guillemets doubles",
                    "this line has " + problem.value + " fields and the header " + number +
                        "; a text containing the separator goes between double quotes");
    case ProblemCode::CsvTypeConflict:
        return pick(lang,
                    value + " contredit le type " + quoted(problem.detail, lang) +
                        " donné à la même entité ligne " + number,
                    value + " contradicts the type " + quoted(problem.detail, lang) +
                        " given to the same entity on line " + number);
    }
    return std::string(toString(problem.code));
}

std::string describe(const Problem& problem, Lang lang) {
    const std::string message = problemMessage(problem, lang);
    if (problem.line == 0) return message;
    const std::string pointer = problem.pointer.empty() ? pick(lang, "(racine)", "(root)") : problem.pointer;
    const std::string line = std::to_string(problem.line);
    const std::string column = std::to_string(problem.column);
    return pick(lang, pointer + " : " + message + " (ligne " + line + ", colonne " + column + ")",
                pointer + ": " + message + " (line " + line + ", column " + column + ")");
}

bool isWebUrl(std::string_view url) {
    std::string_view rest;
    if (url.substr(0, 8) == "https://") {
        rest = url.substr(8);
    } else if (url.substr(0, 7) == "http://") {
        rest = url.substr(7);
    } else {
        return false;
    }
    if (rest.empty() || rest.front() == '/') return false;
    return std::none_of(url.begin(), url.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20U || c == '"' || c == '<' || c == '>' || c == '\\';
    });
}

} // namespace explorer
