#include "core/csv_import.hpp"

#include "core/dataset_format.hpp"

#include "core/data_export.hpp"
#include "core/dataset_load_job.hpp"
#include "core/problem_collector.hpp"
#include "core/raw_text.hpp"
#include "core/sorting.hpp"
#include "core/text_fold.hpp"
#include "core/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace explorer {

namespace {

constexpr std::size_t npos = std::string_view::npos;

// Kinds of the entities no type cell speaks of (csv_import.hpp, "Kinds").
constexpr EntityKind kDefaultSourceKind = EntityKind::Project;
constexpr EntityKind kDefaultTargetKind = EntityKind::Organisation;

// Roles by which a project acts on something (it develops a model, builds on an archive, is part
// of a programme). Under any other role a line "project, participant, role" is stored the way
// the dataset format reads, participant first: "LightOn partner Scribe".
// Those are the roles drawn as lineage or as part-of (RoleTraits::edge).
bool projectActsUnder(std::string_view role) {
    const EdgeStyle edge = roleTraits(role).edge;
    return edge == EdgeStyle::Lineage || edge == EdgeStyle::PartOf;
}

// Longest slug kept in an id, so that prefix ("initiative:") + slug + "-12345" stays within 64.
constexpr std::size_t kMaxSlugLength = 44;

constexpr std::string_view kImportSourceId = "import";

// Other spellings kept per entity: enough for search, and a bound on the work a file that
// spells one name in thousands of ways can cause.
constexpr std::size_t kMaxAliases = 16;

bool isAsciiAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Trimmed, with every inner run of spaces, tabs and line breaks made one space: names and
// roles are shown on one line.
std::string cleanText(std::string_view text) {
    std::string cleaned;
    cleaned.reserve(text.size());
    bool pendingSpace = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pendingSpace = !cleaned.empty();
            continue;
        }
        if (pendingSpace) cleaned.push_back(' ');
        pendingSpace = false;
        cleaned.push_back(c);
    }
    return cleaned;
}

// Folded, then every ASCII character that is not a letter or a digit made a space, runs of
// spaces collapsed: "Chef-de-file", "chef de file." and "CHEF DE FILE" give one key. Other
// scripts are kept, so that roles written in them stay apart.
std::string lookupKey(std::string_view text) {
    const std::string folded = foldForSearch(text);
    std::string key;
    key.reserve(folded.size());
    bool pendingSpace = false;
    for (const char c : folded) {
        const bool kept = isAsciiAlphanumeric(c) || static_cast<unsigned char>(c) >= 0x80U;
        if (!kept) {
            pendingSpace = !key.empty();
            continue;
        }
        if (pendingSpace) key.push_back(' ');
        pendingSpace = false;
        key.push_back(c);
    }
    return key;
}

// Lower-case ASCII letters and digits separated by single hyphens, at most kMaxSlugLength
// characters; empty when the text has no Latin letter or digit.
std::string slugOf(std::string_view text) {
    const std::string folded = foldForSearch(text);
    std::string slug;
    bool pendingHyphen = false;
    for (const char c : folded) {
        if (!isAsciiAlphanumeric(c)) {
            pendingHyphen = !slug.empty();
            continue;
        }
        if (slug.size() + (pendingHyphen ? 2U : 1U) > kMaxSlugLength) break;
        if (pendingHyphen) slug.push_back('-');
        pendingHyphen = false;
        slug.push_back(c);
    }
    return slug;
}

// Ids made unique by suffixes "-2", "-3"…; remembers the next suffix to try for each base, so
// that many colliding names cost linear time.
class IdAllocator {
public:
    void reserve(std::string id) { used_.insert(std::move(id)); }

    std::string allocate(const std::string& base) {
        if (used_.insert(base).second) return base;
        std::size_t& next = nextSuffix_.try_emplace(base, 2).first->second;
        for (;;) {
            std::string candidate = base + '-' + std::to_string(next++);
            if (used_.insert(candidate).second) return candidate;
        }
    }

private:
    std::unordered_set<std::string> used_;
    std::unordered_map<std::string, std::size_t> nextSuffix_;
};


// The host of a valid URL, lower-cased, without user information or port.
std::string hostOf(std::string_view url) {
    std::string_view rest = url.substr(url.find("://") + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const std::size_t at = rest.rfind('@'); at != npos) rest.remove_prefix(at + 1);
    if (!rest.empty() && rest.front() == '[') {
        rest = rest.substr(0, rest.find(']') == npos ? rest.size() : rest.find(']') + 1);
    } else if (const std::size_t colon = rest.find(':'); colon != npos) {
        rest = rest.substr(0, colon);
    }
    std::string host(rest);
    std::transform(host.begin(), host.end(), host.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return host.empty() ? std::string(url) : host;
}

// ---------------------------------------------------------------------------------------------
// Problems

LoadResult singleProblem(ProblemCode code, int line, int column) {
    LoadResult result;
    Problem& problem = result.problems.emplace_back();
    problem.code = code;
    problem.line = line;
    problem.column = column;
    return result;
}

// ---------------------------------------------------------------------------------------------
// Reading records (RFC 4180, plus CR line ends and spaces around quoted fields)

struct Field {
    std::string text;
    int line = 1;          // where the field starts
    std::size_t begin = 0; // byte offsets in the text, separators excluded
    std::size_t end = 0;
};

struct QuoteError {
    int line = 1;
    int column = 1; // field number
};

// The fields of a record past kMaxCsvFields: read (quotes and line breaks honoured) but not
// kept, so that a line of millions of separators costs no memory.
struct RecordTail {
    std::size_t count = 0;
    int lastLine = 0;             // line where the last of them starts
    bool anyText = false;         // one of them is not blank
    std::size_t firstTextAt = 0;  // field number of the first non-blank one past textAfter; 0: none
    int firstTextLine = 0;
};

class RecordReader {
public:
    RecordReader(std::string_view text, char separator) : text_(text), separator_(separator) {}

    // Reads the next record: its first kMaxCsvFields fields into `fields`, the others into
    // tail(). False at the end of the text or on a quote error (then error() is set and reading
    // stops).
    bool next(std::vector<Field>& fields) {
        fields.clear();
        tail_ = RecordTail{};
        if (pos_ >= text_.size() || error_) return false;
        for (std::size_t number = 1;; ++number) {
            Field field;
            field.line = line_;
            field.begin = pos_;
            std::size_t at = skipSpaces(pos_);
            if (at < text_.size() && text_[at] == '"') {
                if (!readQuoted(at, number, field)) return false;
                at = skipSpaces(pos_);
                if (at < text_.size() && !endsField(text_[at])) {
                    error_ = QuoteError{line_, static_cast<int>(number)};
                    return false;
                }
            } else {
                const std::size_t stop = text_.find_first_of(stopCharacters(), pos_);
                at = stop == npos ? text_.size() : stop;
                field.text.assign(text_.substr(pos_, at - pos_));
            }
            field.end = at;
            const bool last = at >= text_.size() || text_[at] != separator_;
            watch(field, number, last);
            keep(fields, std::move(field), number);
            if (!last) {
                pos_ = at + 1;
                continue;
            }
            pos_ = skipLineBreak(at);
            return true;
        }
    }

    // The fields of the last record past kMaxCsvFields.
    const RecordTail& tail() const { return tail_; }
    // Bytes read so far.
    std::size_t position() const { return pos_; }
    // From now on, tail().firstTextAt is only set for a field numbered above `fieldNumber`.
    void setTextAfter(std::size_t fieldNumber) { textAfter_ = fieldNumber; }

    // Line and field number of the field holding byte `offset`, once a record holding it was read.
    void watchOffset(std::size_t offset) { watched_ = offset; }
    const std::optional<std::pair<int, int>>& watchedPlace() const { return watchedPlace_; }

    const std::optional<QuoteError>& error() const { return error_; }

private:
    std::string_view text_;
    char separator_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::optional<QuoteError> error_;
    RecordTail tail_;
    std::size_t textAfter_ = 0;
    std::optional<std::size_t> watched_;
    std::optional<std::pair<int, int>> watchedPlace_;

    void keep(std::vector<Field>& fields, Field field, std::size_t number) {
        if (fields.size() < kMaxCsvFields) {
            fields.push_back(std::move(field));
            return;
        }
        ++tail_.count;
        tail_.lastLine = field.line;
        if (isBlankText(field.text)) return;
        tail_.anyText = true;
        if (tail_.firstTextAt == 0 && number > textAfter_) {
            tail_.firstTextAt = number;
            tail_.firstTextLine = field.line;
        }
    }

    void watch(const Field& field, std::size_t number, bool last) {
        if (!watched_ || watchedPlace_ || *watched_ < field.begin) return;
        if (*watched_ < field.end || (last && *watched_ == field.end)) {
            watchedPlace_ = std::pair(field.line, static_cast<int>(number));
        }
    }

    std::string_view stopCharacters() const {
        switch (separator_) {
        case ';': return std::string_view(";\r\n");
        case '\t': return std::string_view("\t\r\n");
        default: return std::string_view(",\r\n");
        }
    }

    bool endsField(char c) const { return c == separator_ || c == '\r' || c == '\n'; }

    std::size_t skipSpaces(std::size_t at) const {
        while (at < text_.size() && (text_[at] == ' ' || (text_[at] == '\t' && separator_ != '\t'))) ++at;
        return at;
    }

    // Past the line break at `at` (CRLF, CR or LF), counting it; `at` itself at the end.
    std::size_t skipLineBreak(std::size_t at) {
        if (at >= text_.size()) return at;
        ++line_;
        if (text_[at] == '\r' && at + 1 < text_.size() && text_[at + 1] == '\n') return at + 2;
        return at + 1;
    }

    // `quote` is the opening quote. Line breaks inside are kept as '\n'.
    bool readQuoted(std::size_t quote, std::size_t fieldNumber, Field& field) {
        const int startLine = line_;
        std::size_t at = quote + 1;
        for (;;) {
            const std::size_t stop = text_.find_first_of("\"\r\n", at);
            if (stop == npos) {
                error_ = QuoteError{startLine, static_cast<int>(fieldNumber)};
                return false;
            }
            field.text.append(text_.substr(at, stop - at));
            if (text_[stop] == '"') {
                if (stop + 1 < text_.size() && text_[stop + 1] == '"') {
                    field.text.push_back('"');
                    at = stop + 2;
                    continue;
                }
                pos_ = stop + 1;
                return true;
            }
            field.text.push_back('\n');
            at = skipLineBreak(stop);
        }
    }
};

// The separator the header line uses most, outside quotes: ',', ';' or '\t' (',' on a tie).
char detectSeparator(std::string_view text) {
    std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == npos) return ',';
    // The header starts on the line where its first character is.
    const std::size_t lineStart = text.find_last_of("\r\n", start);
    start = lineStart == npos ? 0 : lineStart + 1;
    std::array<std::size_t, 3> counts{}; // , ; \t
    bool quoted = false;
    for (std::size_t at = start; at < text.size(); ++at) {
        const char c = text[at];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            break;
        } else if (!quoted) {
            if (c == ',') ++counts[0];
            if (c == ';') ++counts[1];
            if (c == '\t') ++counts[2];
        }
    }
    if (counts[1] > counts[0] && counts[1] >= counts[2]) return ';';
    if (counts[2] > counts[0] && counts[2] > counts[1]) return '\t';
    return ',';
}

// Line and field number of a byte offset, for encoding problems.
std::pair<int, int> placeOfOffset(std::string_view text, char separator, std::size_t offset) {
    RecordReader reader(text, separator);
    reader.watchOffset(offset);
    std::vector<Field> fields;
    while (reader.next(fields)) {
        if (reader.watchedPlace()) return *reader.watchedPlace();
    }
    // After a quote error: count the line breaks before the offset.
    int line = 1;
    for (std::size_t at = 0; at < offset && at < text.size(); ++at) {
        if (text[at] == '\n' || (text[at] == '\r' && (at + 1 >= text.size() || text[at + 1] != '\n'))) ++line;
    }
    return {line, 1};
}

// ---------------------------------------------------------------------------------------------
// Vocabulary lookups

enum class Column { Source, Target, Role, SourceType, TargetType, SourceUrl };
constexpr std::size_t kColumnCount = 6;
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "source", "target", "role", "source_type", "target_type", "source_url"};

std::optional<Column> columnFromHeader(std::string_view header) {
    std::string name = foldForSearch(header);
    std::replace(name.begin(), name.end(), ' ', '_');
    std::replace(name.begin(), name.end(), '-', '_');
    for (std::size_t i = 0; i < kColumnCount; ++i) {
        if (kColumnNames[i] == name) return static_cast<Column>(i);
    }
    return std::nullopt;
}

struct EntityType {
    EntityKind kind = EntityKind::Organisation;
    std::string type; // organisation type id, or empty
};

// A type cell that was understood.
struct TypeCell {
    EntityType type;
    std::string written; // as written, for conflict messages
    int line = 0;
    int column = 0;
    Column name = Column::SourceType;
};

template <class Fn>
void forEachSynonym(std::string_view synonyms, Fn&& fn) {
    while (!synonyms.empty()) {
        const std::size_t bar = synonyms.find('|');
        fn(synonyms.substr(0, bar));
        if (bar == std::string_view::npos) break;
        synonyms.remove_prefix(bar + 1);
    }
}

std::string idAsWords(std::string_view id) {
    std::string words(id);
    std::replace(words.begin(), words.end(), '_', ' ');
    return words;
}

// Lookup keys (lookupKey) of the words the importer understands. Built per load: a few dozen
// entries, and no state outlives the call.
struct Vocabulary {
    std::unordered_map<std::string, std::string_view> roles; // key → built-in role id
    std::unordered_map<std::string, EntityType> types;

    Vocabulary() {
        // Every word comes from the traits tables (vocabulary.cpp): a role or kind added there is
        // understood here with nothing else to write.
        for (const BuiltinRole& role : builtinRoles()) {
            const std::string idWords = idAsWords(role.id);
            for (const std::string_view word : {std::string_view(idWords), role.label.fr, role.label.en}) {
                roles.try_emplace(lookupKey(word), role.id);
            }
            forEachSynonym(role.synonyms, [&](std::string_view word) { roles.try_emplace(lookupKey(word), role.id); });
        }
        for (std::size_t k = 0; k < kEntityKindCount; ++k) {
            const auto kind = static_cast<EntityKind>(k);
            const KindTraits& traits = kindTraits(kind);
            const std::string id(toString(kind));
            for (const std::string_view word : {std::string_view(id), traits.label.fr, traits.label.en}) {
                types.try_emplace(lookupKey(word), EntityType{kind, {}});
            }
            forEachSynonym(traits.synonyms, [&](std::string_view word) { types.try_emplace(lookupKey(word), EntityType{kind, {}}); });
        }
        for (const BuiltinType& type : builtinTypes()) {
            const EntityType organisation{EntityKind::Organisation, std::string(type.id)};
            const std::string idWords = idAsWords(type.id);
            for (const std::string_view word :
                 {std::string_view(idWords), type.label.fr, type.label.en, type.plural.fr, type.plural.en}) {
                types.try_emplace(lookupKey(word), organisation);
            }
        }
    }
};

// ---------------------------------------------------------------------------------------------
// Building the dataset

struct EntityDraft {
    std::string name;                 // first spelling
    std::vector<std::string> aliases; // other spellings, each once
    std::optional<EntityType> type;   // from a type cell
    std::string typeWritten;          // that cell as written, for conflict messages
    int typeLine = 0;
    bool inSourceColumn = false;
};

struct RelationDraft {
    std::size_t source = 0;
    std::size_t target = 0;
    std::string role;
    std::vector<std::size_t> urlSources; // indices into CsvBuilder::urls_, repeats removed by build()
};

struct FreeRole {
    std::string label;
    std::string id;
};

struct Cell {
    std::string_view text;
    int line = 0;
    int column = 0;
};

class CsvBuilder {
public:
    explicit CsvBuilder(ProblemCollector& problems) : problems_(problems) {}

    // Returns false when the header does not allow reading the lines.
    bool readHeader(const std::vector<Field>& header, const RecordTail& tail) {
        columnOf_.fill(npos);
        headerSize_ = header.size() + tail.count;
        headerLine_ = header.empty() ? 1 : header.front().line;
        bool known = false;
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (columnFromHeader(header[i].text)) known = true;
        }
        bool usable = true;
        for (std::size_t i = 0; i < header.size(); ++i) {
            const std::string written = cleanText(header[i].text);
            if (written.empty()) continue;
            const auto column = columnFromHeader(written);
            const int place = static_cast<int>(i + 1);
            if (!column) {
                // A first line with no known name is data, not a misspelt header: the missing
                // columns say it all.
                if (known) problems_.addAt(ProblemCode::UnknownField, header[i].line, place, written, written);
                continue;
            }
            std::size_t& slot = columnOf_[static_cast<std::size_t>(*column)];
            const std::string canonical(kColumnNames[static_cast<std::size_t>(*column)]);
            if (slot != npos) {
                problems_.addAt(ProblemCode::DuplicateKey, header[i].line, place, canonical, canonical);
                usable = false;
                continue;
            }
            slot = i;
        }
        for (const Column required : {Column::Source, Column::Target, Column::Role}) {
            if (columnOf_[static_cast<std::size_t>(required)] == npos) {
                const std::string name(kColumnNames[static_cast<std::size_t>(required)]);
                problems_.addAt(ProblemCode::MissingField, headerLine_, 1, name, name);
                usable = false;
            }
        }
        // Names past kMaxCsvFields are not read: only empty ones (trailing empty columns) may be there.
        if (tail.firstTextAt != 0) {
            problems_.addAt(ProblemCode::CsvTooManyFields, tail.firstTextLine, static_cast<int>(tail.firstTextAt), {},
                            std::to_string(headerSize_), {}, kMaxCsvFields);
        }
        return usable;
    }

    std::size_t headerSize() const { return headerSize_; }

    // One non-blank line.
    void readLine(const std::vector<Field>& fields, const RecordTail& tail) {
        ++lineCount_;
        if (lineCount_ > kMaxRelations) {
            if (lineCount_ == kMaxRelations + 1) firstLineOverLimit_ = fields.front().line;
            return;
        }
        if (!checkFieldCount(fields, tail)) return;

        const std::optional<Cell> sourceCell = cell(fields, Column::Source);
        const std::optional<Cell> targetCell = cell(fields, Column::Target);
        const std::optional<Cell> roleCell = cell(fields, Column::Role);
        const std::optional<TypeCell> sourceType = typeOf(cell(fields, Column::SourceType), Column::SourceType);
        const std::optional<TypeCell> targetType = typeOf(cell(fields, Column::TargetType), Column::TargetType);
        const std::optional<std::size_t> url = urlOf(cell(fields, Column::SourceUrl));

        const std::optional<std::size_t> source = entityOf(*sourceCell, Column::Source, sourceType, true);
        const std::optional<std::size_t> target = entityOf(*targetCell, Column::Target, targetType, false);
        const std::string role = roleOf(*roleCell);
        if (!source || !target || role.empty()) return;
        if (*source == *target) {
            problems_.addAt(ProblemCode::SelfRelation, targetCell->line, targetCell->column, columnName(Column::Target),
                            cleanText(sourceCell->text));
            return;
        }
        addRelation(*source, *target, role, url);
    }

    bool sawLines() const { return lineCount_ > 0; }
    int headerLine() const { return headerLine_; }

    // Problems found only once every line is read.
    void finish() {
        if (lineCount_ > kMaxRelations) {
            problems_.addAt(ProblemCode::TooManyRelations, firstLineOverLimit_, 1, {}, {}, std::to_string(lineCount_),
                            kMaxRelations);
        }
        if (entities_.size() > kMaxEntities) {
            problems_.addAt(ProblemCode::TooManyEntities, firstEntityOverLimit_.first, firstEntityOverLimit_.second, {},
                            {}, std::to_string(entities_.size()), kMaxEntities);
        }
        if (firstRoleOverLimit_) {
            problems_.addAt(ProblemCode::CsvTooManyRoles, firstRoleOverLimit_->line, firstRoleOverLimit_->column,
                            columnName(Column::Role), firstRoleOverLimitText_, std::to_string(freeRoleByKey_.size()),
                            kMaxCsvFreeRoles);
        }
    }

    // Builds the dataset from what the lines gave, an item at a time (each charged `unitsPerItem`
    // of `budget`): the URL sources, the entities, the relations, then each entity's sources.
    // False once built: then takeDataset() (not indexed).
    bool buildStep(WorkBudget& budget, std::size_t unitsPerItem) {
        for (;;) {
            advanceBuild();
            if (buildPhase_ == BuildPhase::Done) return false;
            if (budget.spent()) return true;
            budget.spend(unitsPerItem);
            ++itemsBuilt_;
            switch (buildPhase_) {
            case BuildPhase::Start: startBuild(); break;
            case BuildPhase::Sources: buildSource(next_++); break;
            case BuildPhase::Entities: buildEntity(next_++); break;
            case BuildPhase::Relations: buildRelation(next_++); break;
            case BuildPhase::EntitySources: buildEntitySources(next_++); break;
            case BuildPhase::Done: break;
            }
        }
    }

    std::size_t buildItemCount() const { return 1 + urls_.size() + 2 * entities_.size() + relations_.size(); }

    // Frees what reading the lines kept, a piece at a time, once the dataset is built. False once
    // done.
    bool releaseStep(WorkBudget& budget, std::size_t unitsPerItem) {
        return drain(relationByKey_, budget, unitsPerItem) || drain(entityByKey_, budget, unitsPerItem) ||
               drain(urlIndex_, budget, unitsPerItem) || drain(urls_, budget, unitsPerItem) ||
               drain(freeRoleByKey_, budget, unitsPerItem) || drain(relations_, budget, unitsPerItem) ||
               drain(entities_, budget, unitsPerItem) || drain(entitySources_, budget, unitsPerItem);
    }
    std::size_t itemsBuilt() const { return itemsBuilt_; }
    Dataset takeDataset() { return std::move(built_); }

private:
    ProblemCollector& problems_;
    Vocabulary vocabulary_;
    std::array<std::size_t, kColumnCount> columnOf_{};
    std::size_t headerSize_ = 0;
    int headerLine_ = 1;
    std::size_t lineCount_ = 0;
    int firstLineOverLimit_ = 0;
    std::pair<int, int> firstEntityOverLimit_{0, 0};

    std::vector<EntityDraft> entities_;
    std::unordered_map<std::string, std::size_t> entityByKey_; // folded name → index
    std::vector<RelationDraft> relations_;
    std::unordered_map<std::string, std::size_t> relationByKey_;
    std::vector<std::string> urls_;
    std::unordered_map<std::string, std::size_t> urlIndex_;
    std::vector<FreeRole> freeRoles_;                              // at most kMaxCsvFreeRoles
    std::unordered_map<std::string, std::size_t> freeRoleByKey_; // lookup key → index, npos past the cap
    std::optional<Cell> firstRoleOverLimit_;
    std::string firstRoleOverLimitText_;
    IdAllocator roleIds_ = builtinRoleIds();

    enum class BuildPhase { Start, Sources, Entities, Relations, EntitySources, Done };
    BuildPhase buildPhase_ = BuildPhase::Start;
    std::size_t next_ = 0; // next item of the build phase
    std::size_t itemsBuilt_ = 0;
    Dataset built_;
    IdAllocator entityIds_;
    std::vector<std::vector<std::size_t>> entitySources_;
    std::optional<std::size_t> importSource_; // index of the shared source, once needed

    // Moves on once the phase's items are built (at once past an empty list).
    void advanceBuild() {
        for (;;) {
            std::size_t size = 0;
            BuildPhase following = BuildPhase::Done;
            switch (buildPhase_) {
            case BuildPhase::Start:
            case BuildPhase::Done: return;
            case BuildPhase::Sources: size = urls_.size(); following = BuildPhase::Entities; break;
            case BuildPhase::Entities: size = entities_.size(); following = BuildPhase::Relations; break;
            case BuildPhase::Relations: size = relations_.size(); following = BuildPhase::EntitySources; break;
            case BuildPhase::EntitySources: size = entities_.size(); following = BuildPhase::Done; break;
            }
            if (next_ < size) return;
            buildPhase_ = following;
            next_ = 0;
        }
    }

    void startBuild() {
        built_.title = LocalText{"Données importées", "Imported data"};
        built_.types = builtinTypeTerms();
        built_.roles = builtinRoleTerms();
        for (const FreeRole& role : freeRoles_) built_.roles.push_back(Term{role.id, LocalText{role.label, role.label}});
        built_.sources.reserve(urls_.size() + 1);
        built_.entities.reserve(entities_.size());
        built_.relations.reserve(relations_.size());
        entitySources_.assign(entities_.size(), {});
        buildPhase_ = BuildPhase::Sources;
        next_ = 0;
    }

    // Sources: the URLs in order of first appearance, then the shared one if some relation has
    // no URL.
    void buildSource(std::size_t i) {
        Source source;
        source.id = "url-" + std::to_string(i + 1);
        source.outlet = hostOf(urls_[i]);
        source.title = urls_[i];
        source.url = urls_[i];
        source.layer = "external";
        built_.sources.push_back(std::move(source));
    }

    std::size_t importSourceIndex() {
        if (!importSource_) {
            importSource_ = built_.sources.size();
            Source source;
            source.id = std::string(kImportSourceId);
            source.outlet = "Fichier importé / Imported file";
            source.layer = "external";
            built_.sources.push_back(std::move(source));
        }
        return *importSource_;
    }

    void buildEntity(std::size_t i) {
        EntityDraft& draft = entities_[i];
        Entity entity;
        if (draft.type) {
            entity.kind = draft.type->kind;
            entity.type = draft.type->type;
        } else {
            entity.kind = draft.inSourceColumn ? kDefaultSourceKind : kDefaultTargetKind;
        }
        std::string slug = slugOf(draft.name);
        if (slug.empty()) slug = datasetFingerprint(foldForSearch(draft.name));
        entity.id = entityIds_.allocate(std::string(idPrefix(entity.kind)) + slug);
        entity.name = std::move(draft.name);
        entity.aliases = std::move(draft.aliases);
        built_.entities.push_back(std::move(entity));
    }

    void buildRelation(std::size_t i) {
        RelationDraft& draft = relations_[i];
        Relation relation;
        relation.source = draft.source;
        relation.target = draft.target;
        relation.role = std::move(draft.role);
        if (built_.entities[relation.source].kind == EntityKind::Project &&
            built_.entities[relation.target].kind != EntityKind::Project && !projectActsUnder(relation.role)) {
            std::swap(relation.source, relation.target);
        }
        // URL indices follow the URLs' first appearance in the file, so sorting keeps that order.
        relation.sources = std::move(draft.urlSources);
        sortBy(relation.sources);
        relation.sources.erase(std::unique(relation.sources.begin(), relation.sources.end()), relation.sources.end());
        if (relation.sources.empty()) relation.sources.push_back(importSourceIndex());
        for (const std::size_t source : relation.sources) {
            entitySources_[draft.source].push_back(source);
            entitySources_[draft.target].push_back(source);
        }
        built_.relations.push_back(std::move(relation));
    }

    void buildEntitySources(std::size_t i) {
        std::vector<std::size_t>& sources = entitySources_[i];
        sortBy(sources);
        sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
        built_.entities[i].sources = std::move(sources);
    }

    static IdAllocator builtinRoleIds() {
        IdAllocator ids;
        for (const BuiltinRole& role : builtinRoles()) ids.reserve(std::string(role.id));
        return ids;
    }

    static std::string_view idPrefix(EntityKind kind) {
        switch (kind) {
        case EntityKind::Project: return "project:";
        case EntityKind::Organisation: return "org:";
        case EntityKind::Model: return "model:";
        case EntityKind::Initiative: return "initiative:";
        }
        return "org:";
    }

    static std::string columnName(Column column) { return std::string(kColumnNames[static_cast<std::size_t>(column)]); }

    std::optional<Cell> cell(const std::vector<Field>& fields, Column column) const {
        const std::size_t index = columnOf_[static_cast<std::size_t>(column)];
        if (index == npos || index >= fields.size()) return std::nullopt;
        return Cell{fields[index].text, fields[index].line, static_cast<int>(index + 1)};
    }

    bool checkFieldCount(const std::vector<Field>& fields, const RecordTail& tail) {
        // Too few fields: placed at the last one; too many: at the first extra one that holds text.
        const std::size_t count = fields.size() + tail.count;
        if (count < headerSize_) {
            problems_.addAt(ProblemCode::CsvFieldCount, tail.count > 0 ? tail.lastLine : fields.back().line,
                            static_cast<int>(count), {}, std::to_string(count), {}, headerSize_);
            return false;
        }
        for (std::size_t i = headerSize_; i < fields.size(); ++i) {
            if (!isBlankText(fields[i].text)) {
                problems_.addAt(ProblemCode::CsvFieldCount, fields[i].line, static_cast<int>(i + 1), {},
                                std::to_string(count), {}, headerSize_);
                return false;
            }
        }
        if (tail.firstTextAt != 0) { // past kMaxCsvFields, hence past the header
            problems_.addAt(ProblemCode::CsvFieldCount, tail.firstTextLine, static_cast<int>(tail.firstTextAt), {},
                            std::to_string(count), {}, headerSize_);
            return false;
        }
        return true;
    }

    std::optional<TypeCell> typeOf(const std::optional<Cell>& typeCell, Column column) {
        if (!typeCell || isBlankText(typeCell->text)) return std::nullopt;
        std::string written = cleanText(typeCell->text);
        const auto found = vocabulary_.types.find(lookupKey(written));
        if (found == vocabulary_.types.end()) {
            problems_.addAt(ProblemCode::UnknownKind, typeCell->line, typeCell->column, columnName(column),
                            std::move(written));
            return std::nullopt;
        }
        return TypeCell{found->second, std::move(written), typeCell->line, typeCell->column, column};
    }

    std::optional<std::size_t> urlOf(const std::optional<Cell>& urlCell) {
        if (!urlCell || isBlankText(urlCell->text)) return std::nullopt;
        const std::string url = cleanText(urlCell->text);
        if (!isWebUrl(url)) {
            problems_.addAt(ProblemCode::InvalidUrl, urlCell->line, urlCell->column, columnName(Column::SourceUrl), url);
            return std::nullopt;
        }
        const auto [entry, inserted] = urlIndex_.try_emplace(url, urls_.size());
        if (inserted) urls_.push_back(url);
        return entry->second;
    }

    // Names and roles are what readers see: a character that would make one pass for another is
    // refused with its place (findHiddenCharacter, dataset_loader.hpp).
    bool hasHiddenCharacter(const Cell& textCell, Column column) {
        const auto hidden = findHiddenCharacter(textCell.text);
        if (!hidden) return false;
        problems_.addAt(ProblemCode::HiddenCharacter, textCell.line, textCell.column, columnName(column),
                        codePointName(hidden->codePoint), {}, hidden->index);
        return true;
    }

    std::optional<std::size_t> entityOf(const Cell& nameCell, Column column, const std::optional<TypeCell>& type,
                                        bool inSourceColumn) {
        if (hasHiddenCharacter(nameCell, column)) return std::nullopt;
        std::string name = cleanText(nameCell.text);
        std::string key = foldForSearch(name);
        if (key.empty()) {
            problems_.addAt(ProblemCode::EmptyString, nameCell.line, nameCell.column, columnName(column));
            return std::nullopt;
        }
        const auto [entry, inserted] = entityByKey_.try_emplace(std::move(key), entities_.size());
        if (inserted) {
            if (entities_.size() == kMaxEntities) firstEntityOverLimit_ = {nameCell.line, nameCell.column};
            entities_.push_back(EntityDraft{std::move(name), {}, std::nullopt, {}, 0, false});
        } else {
            EntityDraft& known = entities_[entry->second];
            if (name != known.name && known.aliases.size() < kMaxAliases &&
                std::find(known.aliases.begin(), known.aliases.end(), name) == known.aliases.end()) {
                known.aliases.push_back(std::move(name));
            }
        }
        EntityDraft& draft = entities_[entry->second];
        draft.inSourceColumn = draft.inSourceColumn || inSourceColumn;
        if (type) mergeType(draft, *type);
        return entry->second;
    }

    void mergeType(EntityDraft& draft, const TypeCell& given) {
        if (!draft.type) {
            draft.type = given.type;
            draft.typeWritten = given.written;
            draft.typeLine = given.line;
            return;
        }
        const bool sameKind = draft.type->kind == given.type.kind;
        const bool typesAgree =
            draft.type->type.empty() || given.type.type.empty() || draft.type->type == given.type.type;
        if (!sameKind || !typesAgree) {
            problems_.addAt(ProblemCode::CsvTypeConflict, given.line, given.column, columnName(given.name),
                            given.written, draft.typeWritten, static_cast<std::size_t>(draft.typeLine));
            return;
        }
        if (draft.type->type.empty() && !given.type.type.empty()) {
            draft.type->type = given.type.type;
            draft.typeWritten = given.written;
            draft.typeLine = given.line;
        }
    }

    std::string roleOf(const Cell& roleCell) {
        if (hasHiddenCharacter(roleCell, Column::Role)) return {};
        const std::string label = cleanText(roleCell.text);
        std::string key = lookupKey(label);
        if (label.empty()) {
            problems_.addAt(ProblemCode::EmptyString, roleCell.line, roleCell.column, columnName(Column::Role));
            return {};
        }
        if (const auto builtin = vocabulary_.roles.find(key); builtin != vocabulary_.roles.end()) {
            return std::string(builtin->second);
        }
        // A role of punctuation only ("?") is kept apart under its own text.
        if (key.empty()) key = label;
        const auto [entry, inserted] = freeRoleByKey_.try_emplace(std::move(key), freeRoles_.size());
        if (inserted) {
            // Past the cap a role is only counted (its key kept, so that it counts once): no id,
            // no term, and the line makes no relation; finish() reports the count.
            if (freeRoles_.size() >= kMaxCsvFreeRoles) {
                if (!firstRoleOverLimit_) {
                    firstRoleOverLimit_ = Cell{{}, roleCell.line, roleCell.column};
                    firstRoleOverLimitText_ = label;
                }
                entry->second = npos;
                return {};
            }
            std::string slug = slugOf(label);
            if (slug.empty()) slug = "role-" + datasetFingerprint(label);
            freeRoles_.push_back(FreeRole{label, roleIds_.allocate(slug)});
        }
        if (entry->second == npos) return {};
        return freeRoles_[entry->second].id;
    }

    void addRelation(std::size_t source, std::size_t target, const std::string& role, std::optional<std::size_t> url) {
        std::string key = std::to_string(source) + '\n' + role + '\n' + std::to_string(target);
        const auto [entry, inserted] = relationByKey_.try_emplace(std::move(key), relations_.size());
        if (inserted) relations_.push_back(RelationDraft{source, target, role, {}});
        if (url) relations_[entry->second].urlSources.push_back(*url);
    }
};

bool allBlank(const std::vector<Field>& fields, const RecordTail& tail) {
    return !tail.anyText &&
           std::all_of(fields.begin(), fields.end(), [](const Field& field) { return isBlankText(field.text); });
}

// The stages of loadCsvDataset, each in slices (dataset_load_job.hpp). Shares of the whole, for
// the progress bar, from the time each took on 100,000 synthetic entities.
class CsvLoad final : public SlicedLoad {
public:
    explicit CsvLoad(std::string_view input) : input_(input), gate_(input, ProblemCode::CsvNoRows) {}

    bool step(WorkBudget& budget) override {
        do {
            switch (stage_) {
            case Stage::Gate: stepGate(budget); break;
            case Stage::Records: stepRecords(budget); break;
            case Stage::Build:
                if (builder_.buildStep(budget, unitsPerItem_)) break;
                dataset_ = builder_.takeDataset();
                stage_ = Stage::Release;
                break;
            case Stage::Release:
                if (builder_.releaseStep(budget, unitsPerItem_)) break;
                stage_ = Stage::Index;
                break;
            case Stage::Index:
                if (stepIndex(dataset_, budget, unitsPerItem_)) break;
                result_.dataset = std::move(dataset_);
                stage_ = Stage::Done;
                break;
            case Stage::Done: return false;
            }
        } while (!budget.spent());
        return stage_ != Stage::Done;
    }

    double progress() const override {
        switch (stage_) {
        case Stage::Gate: return kGateShare * gate_.progress();
        case Stage::Records:
            return kGateShare + kRecordsShare * fractionDone(reader_->position(), text_.size());
        case Stage::Build:
            return kGateShare + kRecordsShare +
                   kBuildShare * fractionDone(builder_.itemsBuilt(), builder_.buildItemCount());
        case Stage::Release: return kGateShare + kRecordsShare + kBuildShare;
        case Stage::Index: return 1.0 - kIndexShare + kIndexShare * dataset_.indexProgress();
        case Stage::Done: return 1.0;
        }
        return 1.0;
    }

    LoadResult take() override { return std::move(result_); }

private:
    enum class Stage { Gate, Records, Build, Release, Index, Done };
    static constexpr double kGateShare = 0.04;
    static constexpr double kRecordsShare = 0.60;
    static constexpr double kBuildShare = 0.12;
    static constexpr double kReleaseShare = 0.06;
    static constexpr double kIndexShare = 1.0 - kGateShare - kRecordsShare - kBuildShare - kReleaseShare;

    std::string_view input_;
    RawTextScan gate_;
    std::string_view text_;
    Stage stage_ = Stage::Gate;
    ProblemCollector problems_;
    CsvBuilder builder_{problems_};
    std::optional<RecordReader> reader_;
    std::vector<Field> fields_;
    bool headerRead_ = false;
    bool headerUsable_ = false;
    std::size_t unitsPerItem_ = 1;
    Dataset dataset_;
    LoadResult result_;

    void stepGate(WorkBudget& budget) {
        if (stepRawText(gate_, input_, budget)) return;
        const CheckedText& checked = gate_.result();
        text_ = checked.text;
        if (checked.fault) {
            Problem problem = checked.fault->problem;
            std::tie(problem.line, problem.column) =
                checked.fault->offset ? placeOfOffset(text_, detectSeparator(text_), *checked.fault->offset)
                                      : std::pair(1, 1);
            result_.problems.push_back(std::move(problem));
            stage_ = Stage::Done;
            return;
        }
        reader_.emplace(text_, detectSeparator(text_));
        stage_ = Stage::Records;
    }

    void stepRecords(WorkBudget& budget) {
        while (!budget.spent()) {
            const std::size_t before = reader_->position();
            if (!reader_->next(fields_)) {
                endRecords();
                return;
            }
            budget.spend(std::max<std::size_t>(reader_->position() - before, 1));
            if (allBlank(fields_, reader_->tail())) continue;
            if (!headerRead_) {
                headerRead_ = true;
                headerUsable_ = builder_.readHeader(fields_, reader_->tail());
                reader_->setTextAfter(builder_.headerSize());
                continue;
            }
            if (!headerUsable_) continue;
            builder_.readLine(fields_, reader_->tail());
        }
    }

    void endRecords() {
        stage_ = Stage::Done;
        if (const auto& error = reader_->error()) {
            result_ = singleProblem(ProblemCode::CsvBadQuote, error->line, error->column);
            return;
        }
        if (!headerRead_) {
            result_ = singleProblem(ProblemCode::CsvNoRows, 1, 1);
            return;
        }
        if (headerUsable_ && !builder_.sawLines()) problems_.addAt(ProblemCode::CsvNoRows, builder_.headerLine(), 1);
        builder_.finish();
        if (!problems_.empty()) {
            result_.problems = problems_.take();
            return;
        }
        unitsPerItem_ = std::max<std::size_t>(text_.size() / builder_.buildItemCount(), 1);
        stage_ = Stage::Build;
    }
};

} // namespace

std::unique_ptr<SlicedLoad> startCsvLoad(std::string_view text) { return std::make_unique<CsvLoad>(text); }

LoadResult loadCsvDataset(std::string_view input) {
    CsvLoad load(input);
    return runToEnd(load);
}

bool looksLikeJson(std::string_view text) { return detectDatasetFormat({}, text) == DatasetFormat::Json; }

} // namespace explorer
