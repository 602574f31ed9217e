#include "core/dataset_syntax.hpp"

#include "core/json_positions.hpp"
#include "core/json_writer.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace explorer {

namespace {

using Json = nlohmann::json;
constexpr std::size_t npos = std::string_view::npos;
// Tokens quoted in syntax messages are cut to this many code points.
constexpr std::size_t kMaxQuotedToken = 24;

// ---------------------------------------------------------------------------------------------
// Syntax: nlohmann's SAX parser, with a handler that never throws and stops at the first error.

class SyntaxChecker final : public nlohmann::json_sax<Json> {
public:
    explicit SyntaxChecker(ProblemCollector& problems) : problems_(problems) {}

    bool tooDeep() const { return tooDeep_; }
    bool tooManyValues() const { return values_ > kMaxJsonValues; }
    // The pointer of the object that has more than kMaxObjectMembers distinct member names.
    const std::optional<std::string>& tooManyMembersAt() const { return tooManyMembersAt_; }
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
        if (frame.keys.size() == kMaxObjectMembers && frame.keys.find(name) == frame.keys.end()) {
            tooManyMembersAt_ = pointer_;
            return false;
        }
        if (!frame.keys.insert(name).second) {
            // The pointer is as long as every member name on the way here: built only for a
            // problem that is kept, so that many duplicates deep under a long name stay linear.
            const std::string token = escapePointerToken(name);
            if (problems_.keeps(pointer_.size() + 1 + token.size() + name.size())) {
                problems_.add(ProblemCode::DuplicateKey, pointer_ + '/' + token, name, {}, 0, Anchor::Key);
            } else {
                problems_.skip();
            }
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
        std::size_t pointerSize = 0; // size of pointer_ in the parent, restored on close
        std::size_t nextIndex = 0;
        std::unordered_set<std::string> keys;
        std::string lastKey;
    };

    ProblemCollector& problems_;
    std::vector<Frame> frames_;
    bool tooDeep_ = false;
    std::optional<std::string> tooManyMembersAt_;
    std::size_t values_ = 0; // every value opened or read so far
    bool topLevelDone_ = false;
    bool lastEventWasKey_ = false;
    std::optional<std::size_t> errorOffset_;
    int errorId_ = 0;

    std::string pointer_; // JSON pointer of the innermost open container

    // Appends the token leading from the innermost container to the value being opened.
    void enterChild() {
        if (frames_.empty()) return;
        Frame& parent = frames_.back();
        pointer_.push_back('/');
        pointer_ += parent.isObject ? escapePointerToken(parent.lastKey) : std::to_string(parent.nextIndex++);
    }

    bool scalar() {
        if (++values_ > kMaxJsonValues) return false;
        lastEventWasKey_ = false;
        if (frames_.empty()) {
            topLevelDone_ = true;
        } else if (!frames_.back().isObject) {
            ++frames_.back().nextIndex;
        }
        return true;
    }

    bool open(bool isObject) {
        if (++values_ > kMaxJsonValues) return false;
        lastEventWasKey_ = false;
        Frame frame;
        frame.isObject = isObject;
        frame.pointerSize = pointer_.size();
        enterChild();
        frames_.push_back(std::move(frame));
        if (frames_.size() > kMaxNestingDepth) {
            tooDeep_ = true;
            return false;
        }
        return true;
    }

    bool close() {
        lastEventWasKey_ = false;
        pointer_.resize(frames_.back().pointerSize);
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
Problem explainSyntaxError(std::string_view text, std::size_t failOffset, const SyntaxChecker& checker) {
    if (failOffset >= text.size()) return problemAtOffset(text, text.size(), ProblemCode::JsonUnexpectedEnd);

    const TokenContext context = tokenContext(text, failOffset);
    const JsonToken& at = context.at;
    if (at.kind == JsonTokenKind::String && (!at.closed || failOffset + 1 < at.end)) {
        const auto byte = static_cast<unsigned char>(text[failOffset]);
        if (byte < 0x20U) {
            constexpr std::string_view hex = "0123456789ABCDEF";
            std::string codePoint = "U+00";
            codePoint.push_back(hex[byte >> 4U]);
            codePoint.push_back(hex[byte & 0xFU]);
            return problemAtOffset(text, failOffset, ProblemCode::JsonControlCharacter, codePoint);
        }
        const std::size_t backslash = text.rfind('\\', failOffset);
        const bool inToken = backslash != npos && backslash > at.begin;
        return problemAtOffset(text, inToken ? backslash : failOffset, ProblemCode::JsonBadEscape);
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

    if (word.front() == '/') return problemAtOffset(text, token.begin, ProblemCode::JsonComment);
    if (checker.topLevelDone()) return problemAtOffset(text, token.begin, ProblemCode::JsonTrailingContent, shown);
    if (checker.errorId() == 406) return problemAtOffset(text, token.begin, ProblemCode::JsonNumberOutOfRange, shown);
    if (word.front() == '\'') return problemAtOffset(text, token.begin, ProblemCode::JsonSingleQuote);
    if (token.kind == JsonTokenKind::Bare && !isJsonScalarWord(word)) {
        const char first = word.front();
        const bool numberLike = (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.';
        return problemAtOffset(text, token.begin, numberLike ? ProblemCode::JsonBadNumber : ProblemCode::JsonBareWord,
                             shown);
    }
    if (token.begin == at.begin && at.kind != JsonTokenKind::None) {
        const bool closing = isPunctuationChar(at, text, '}') || isPunctuationChar(at, text, ']');
        if (closing && isPunctuationChar(context.before, text, ',')) {
            return problemAtOffset(text, context.before.begin, ProblemCode::JsonTrailingComma);
        }
        if (checker.lastEventWasKey() && !isPunctuationChar(context.before, text, ':')) {
            return problemAtOffset(text, token.begin, ProblemCode::JsonMissingColon);
        }
        if (endsValue(context.before, text) && startsValue(at, text)) {
            return problemAtOffset(text, token.begin, ProblemCode::JsonMissingComma);
        }
    }
    return problemAtOffset(text, token.begin, ProblemCode::JsonUnexpectedToken, shown);
}

// ---------------------------------------------------------------------------------------------
// Cutting a document into pieces: the values of the top-level object's members, and the items
// of those values that are arrays. Only where pieces end is found here (strings, escapes and
// brackets followed, nothing checked); whether each piece is JSON is nlohmann's to say.

bool isWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class TopLevelWalker {
public:
    enum class Kind { ObjectStart, Key, Value, ArrayStart, Item, ArrayEnd, ObjectEnd, End, Unexpected };
    struct Event {
        Kind kind = Kind::Unexpected;
        std::size_t begin = 0;
        std::size_t end = 0;
    };

    explicit TopLevelWalker(std::string_view text) : text_(text) {}

    std::size_t position() const { return pos_; }

    Event next() {
        skipWhitespace();
        switch (state_) {
        case State::Start:
            if (!at('{')) return unexpected();
            state_ = State::FirstMember;
            return advance(Kind::ObjectStart, 1);
        case State::FirstMember:
            if (at('}')) return objectEnd();
            [[fallthrough]];
        case State::Member: {
            if (!at('"')) return unexpected();
            const std::size_t end = stringEnd(pos_);
            if (end == npos) return unexpected();
            state_ = State::Colon;
            return advance(Kind::Key, end - pos_);
        }
        case State::Colon:
            if (!at(':')) return unexpected();
            ++pos_;
            skipWhitespace();
            if (at('[')) {
                state_ = State::FirstItem;
                return advance(Kind::ArrayStart, 1);
            }
            state_ = State::AfterMember;
            return piece(Kind::Value);
        case State::AfterMember:
            if (at(',')) {
                ++pos_;
                state_ = State::Member;
                return next();
            }
            if (at('}')) return objectEnd();
            return unexpected();
        case State::FirstItem:
            if (at(']')) {
                state_ = State::AfterMember;
                return advance(Kind::ArrayEnd, 1);
            }
            state_ = State::AfterItem;
            return piece(Kind::Item);
        case State::AfterItem:
            if (at(',')) {
                ++pos_;
                skipWhitespace();
                return piece(Kind::Item);
            }
            if (at(']')) {
                state_ = State::AfterMember;
                return advance(Kind::ArrayEnd, 1);
            }
            return unexpected();
        case State::Trailing:
            if (pos_ < text_.size()) return unexpected();
            state_ = State::Finished;
            return Event{Kind::End, pos_, pos_};
        case State::Finished: return Event{Kind::End, pos_, pos_};
        }
        return unexpected();
    }

private:
    enum class State { Start, FirstMember, Member, Colon, AfterMember, FirstItem, AfterItem, Trailing, Finished };
    std::string_view text_;
    std::size_t pos_ = 0;
    State state_ = State::Start;

    bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
    void skipWhitespace() {
        while (pos_ < text_.size() && isWhitespace(text_[pos_])) ++pos_;
    }
    Event advance(Kind kind, std::size_t length) {
        const Event event{kind, pos_, pos_ + length};
        pos_ += length;
        return event;
    }
    Event unexpected() {
        state_ = State::Finished;
        return Event{Kind::Unexpected, pos_, pos_};
    }
    Event objectEnd() {
        state_ = State::Trailing;
        return advance(Kind::ObjectEnd, 1);
    }
    Event piece(Kind kind) {
        const std::size_t end = valueEnd(pos_);
        if (end == npos || end == pos_) return unexpected();
        return advance(kind, end - pos_);
    }

    // Past the closing quote of the string opening at `quote`; npos when it is not closed.
    std::size_t stringEnd(std::size_t quote) const {
        for (std::size_t at = quote + 1; at < text_.size();) {
            const std::size_t stop = text_.find_first_of("\"\\", at);
            if (stop == npos) return npos;
            if (text_[stop] == '"') return stop + 1;
            at = stop + 2;
        }
        return npos;
    }

    // Past the value starting at `begin`: a string, a bracketed value (brackets counted, of either
    // kind), or a word up to whitespace or punctuation. npos when the text ends first.
    std::size_t valueEnd(std::size_t begin) const {
        if (begin >= text_.size()) return npos;
        const char first = text_[begin];
        if (first == '"') return stringEnd(begin);
        if (first == '{' || first == '[') {
            std::size_t depth = 0;
            for (std::size_t at = begin; at < text_.size(); ++at) {
                const char c = text_[at];
                if (c == '"') {
                    at = stringEnd(at);
                    if (at == npos) return npos;
                    --at;
                } else if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) return at + 1;
                }
            }
            return npos;
        }
        std::size_t at = begin;
        while (at < text_.size() && !isWhitespace(text_[at]) && text_[at] != ',' && text_[at] != '}' && text_[at] != ']') {
            ++at;
        }
        return at;
    }
};

} // namespace

struct SlicedJsonParse::State {
    State(std::string_view source, ProblemCollector& collector)
        : text(source), problems(collector), checker(collector), walker(source) {}

    enum class Pass { Syntax, Dom, Done };
    std::string_view text;
    ProblemCollector& problems;
    SyntaxChecker checker;
    TopLevelWalker walker;
    Pass pass = Pass::Syntax;
    ParsedJson parsed;
    std::string key;          // the member being read (DOM pass)
    Json* array = nullptr;    // the array its items go into (DOM pass)

    std::string_view span(const TopLevelWalker::Event& event) const {
        return text.substr(event.begin, event.end - event.begin);
    }

    std::optional<std::string> keyName(const TopLevelWalker::Event& event) const {
        const std::string_view quoted = span(event);
        Json name = Json::parse(quoted.begin(), quoted.end(), nullptr, false);
        if (!name.is_string()) return std::nullopt;
        return name.get<std::string>();
    }

    // The whole text again, in one piece: parseDatasetJson's own outcome.
    void parseWhole() {
        problems = ProblemCollector{};
        parsed = parseDatasetJson(text, problems);
        pass = Pass::Done;
    }

    // One event of the syntax pass; false when the text must be parsed whole.
    bool checkSyntax(const TopLevelWalker::Event& event) {
        using Kind = TopLevelWalker::Kind;
        switch (event.kind) {
        case Kind::ObjectStart: return checker.start_object(std::size_t(-1));
        case Kind::Key: {
            std::optional<std::string> name = keyName(event);
            return name && checker.key(*name);
        }
        case Kind::Value:
        case Kind::Item: {
            const std::string_view piece = span(event);
            return Json::sax_parse(piece.begin(), piece.end(), &checker);
        }
        case Kind::ArrayStart: return checker.start_array(std::size_t(-1));
        case Kind::ArrayEnd: return checker.end_array();
        case Kind::ObjectEnd: return checker.end_object();
        case Kind::End:
            walker = TopLevelWalker(text);
            pass = Pass::Dom;
            return true;
        case Kind::Unexpected: return false;
        }
        return false;
    }

    // One event of the DOM pass; false when the text must be parsed whole.
    bool buildDom(const TopLevelWalker::Event& event) {
        using Kind = TopLevelWalker::Kind;
        switch (event.kind) {
        case Kind::ObjectStart: parsed.root = Json::object(); return true;
        case Kind::Key: {
            std::optional<std::string> name = keyName(event);
            if (!name) return false;
            key = std::move(*name);
            return true;
        }
        case Kind::Value:
        case Kind::Item: {
            const std::string_view piece = span(event);
            Json value = Json::parse(piece.begin(), piece.end(), nullptr, false);
            if (value.is_discarded()) return false;
            if (event.kind == Kind::Value) {
                parsed.root[key] = std::move(value);
            } else {
                array->push_back(std::move(value));
            }
            return true;
        }
        case Kind::ArrayStart:
            // A key given twice keeps its last value, as nlohmann's DOM parser does.
            array = &(parsed.root[key] = Json::array());
            return true;
        case Kind::ArrayEnd:
        case Kind::ObjectEnd: return true;
        case Kind::End: pass = Pass::Done; return true;
        case Kind::Unexpected: return false;
        }
        return false;
    }
};

SlicedJsonParse::SlicedJsonParse(std::string_view text, ProblemCollector& problems)
    : state_(std::make_unique<State>(text, problems)) {}

SlicedJsonParse::~SlicedJsonParse() = default;

bool SlicedJsonParse::step(WorkBudget& budget) {
    State& s = *state_;
    while (s.pass != State::Pass::Done) {
        const TopLevelWalker::Event event = s.walker.next();
        const bool ok = s.pass == State::Pass::Syntax ? s.checkSyntax(event) : s.buildDom(event);
        if (!ok) s.parseWhole();
        budget.spend(std::max<std::size_t>(event.end - event.begin, 1));
        if (budget.spent()) break;
    }
    return s.pass != State::Pass::Done;
}

double SlicedJsonParse::progress() const {
    const State& s = *state_;
    if (s.pass == State::Pass::Done || s.text.empty()) return 1.0;
    const double read = static_cast<double>(s.walker.position()) / static_cast<double>(s.text.size());
    return s.pass == State::Pass::Syntax ? read * 0.5 : 0.5 + read * 0.5;
}

ParsedJson SlicedJsonParse::take() { return std::move(state_->parsed); }

std::string_view jsonTypeName(const Json& value) {
    if (value.is_string()) return "string";
    if (value.is_boolean()) return "boolean";
    if (value.is_number()) return "number";
    if (value.is_array()) return "array";
    if (value.is_object()) return "object";
    return "null";
}

std::string jsonScalarText(const Json& value) {
    JsonWriter out;
    if (value.is_number_unsigned()) {
        out.value(value.get<std::uint64_t>());
    } else if (value.is_number_integer()) {
        out.value(value.get<std::int64_t>());
    } else if (value.is_number_float()) {
        out.value(value.get<double>());
    } else if (value.is_boolean()) {
        out.value(value.get<bool>());
    } else {
        out.null();
    }
    return out.take();
}

Problem problemAtOffset(std::string_view text, std::size_t offset, ProblemCode code, std::string value,
                        std::size_t number) {
    Problem problem;
    problem.code = code;
    problem.value = std::move(value);
    problem.number = number;
    const TextPosition position = textPositions(text, {offset}).front();
    problem.line = position.line;
    problem.column = position.column;
    return problem;
}

ParsedJson parseDatasetJson(std::string_view text, ProblemCollector& problems) {
    ParsedJson parsed;
    SyntaxChecker checker(problems);
    if (!Json::sax_parse(text.begin(), text.end(), &checker)) {
        if (checker.tooManyValues()) {
            parsed.fault = problemAtOffset(text, 0, ProblemCode::TooManyValues, {}, kMaxJsonValues);
        } else if (checker.tooManyMembersAt()) {
            // The text up to the object is well-formed, which is all locatePointers reads.
            const std::string& pointer = *checker.tooManyMembersAt();
            const std::size_t offset = locatePointers(text, {pointer}).front().valueOffset;
            parsed.fault = problemAtOffset(text, offset, ProblemCode::TooManyMembers, {}, kMaxObjectMembers);
            parsed.fault->pointer = pointer;
        } else if (checker.tooDeep()) {
            const std::size_t offset = findExcessiveNesting(text, kMaxNestingDepth).value_or(0);
            parsed.fault = problemAtOffset(text, offset, ProblemCode::TooDeep, {}, kMaxNestingDepth);
        } else {
            parsed.fault = explainSyntaxError(text, checker.errorOffset().value_or(0), checker);
        }
        return parsed;
    }
    parsed.root = Json::parse(text.begin(), text.end(), nullptr, false);
    if (parsed.root.is_discarded()) {
        parsed.fault = problemAtOffset(text, 0, ProblemCode::JsonUnexpectedToken, "?");
    } else if (!parsed.root.is_object()) {
        const std::size_t start = text.find_first_not_of(" \t\r\n");
        parsed.fault = problemAtOffset(text, start == npos ? 0 : start, ProblemCode::NotAnObject,
                                       std::string(jsonTypeName(parsed.root)));
    }
    return parsed;
}

} // namespace explorer
