#include "core/dataset_rules.hpp"

#include "core/dates.hpp"
#include "core/dataset_syntax.hpp"
#include "core/json_positions.hpp"
#include "core/raw_text.hpp"
#include "core/utf8.hpp"
#include "core/view_state_codec.hpp" // isValidId: the id shape, shared with shared links
#include "core/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace explorer {

namespace {

using Json = nlohmann::json;
constexpr std::int64_t kMaxDurationMonths = 600;

enum class Expected { String, WholeNumber, Boolean, Array, Object };

std::string_view expectedName(Expected expected) {
    switch (expected) {
    case Expected::String: return "string";
    case Expected::WholeNumber: return "whole_number";
    case Expected::Boolean: return "boolean";
    case Expected::Array: return "array";
    case Expected::Object: return "object";
    }
    return "string";
}

bool isAsciiAlphanumeric(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool isCountryCode(std::string_view code) {
    return code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// SPDX-style: ^[A-Za-z0-9][A-Za-z0-9.+-]*$ ("Apache-2.0", "CC-BY-NC-SA-4.0", "GPL-3.0+").
bool isLicenceId(std::string_view licence) {
    if (licence.empty() || !isAsciiAlphanumeric(licence.front())) return false;
    return std::all_of(licence.begin(), licence.end(),
                       [](char c) { return isAsciiAlphanumeric(c) || c == '.' || c == '+' || c == '-'; });
}

const Json* memberOf(const Json& object, std::string_view key) {
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

// Reads and checks a parsed document into a Dataset, reporting every problem it meets. The
// Dataset it fills is only meaningful when no problem was reported.
class DatasetReader {
public:
    DatasetReader(const Json& root, ProblemCollector& problems, Dataset& dataset)
        : root_(root), problems_(problems), dataset_(dataset) {}

    // Reads items until `budget` is spent; false once the whole document is read. The order is
    // the one every problem list was written in: top-level fields, sources, vocabulary, entity
    // ids, entities, relations, call.
    bool step(WorkBudget& budget, std::size_t unitsPerItem) {
        for (;;) {
            endPhaseIfRead();
            if (phase_ == Phase::Done) return false;
            if (budget.spent()) return true;
            budget.spend(unitsPerItem);
            ++itemsRead_;
            switch (phase_) {
            case Phase::Head: readHead(); break;
            case Phase::Sources: readSource(next_++); break;
            case Phase::Vocabulary: readVocabularyAndLists(); break;
            case Phase::EntityIds: readEntityId(next_++); break;
            case Phase::Entities: readEntityAt(next_++); break;
            case Phase::Relations: readRelation(next_++); break;
            case Phase::Call:
                if (const Json* call = memberOf(root_, "call")) readCall(*call);
                phase_ = Phase::Done;
                break;
            case Phase::Done: break;
            }
        }
    }

    std::size_t itemsRead() const { return itemsRead_; }

    // Frees the reader's tables a piece at a time once the document is read: false once done.
    bool releaseStep(WorkBudget& budget, std::size_t unitsPerItem) {
        return drain(firstOfTriple_, budget, unitsPerItem) || drain(entityIndex_, budget, unitsPerItem) ||
               drain(entityPointers_, budget, unitsPerItem) || drain(sourceIndex_, budget, unitsPerItem);
    }

private:
    enum class Phase { Head, Sources, Vocabulary, EntityIds, Entities, Relations, Call, Done };
    const Json& root_;
    Phase phase_ = Phase::Head;
    const Json* list_ = nullptr; // the array of the phase under way
    std::size_t next_ = 0;       // its next item
    std::size_t itemsRead_ = 0;
    const Json* relations_ = nullptr;
    std::unordered_map<std::string, std::size_t> firstOfTriple_; // "source\nrole\ntarget" → index

    void startList(Phase phase, const Json* list) {
        phase_ = phase;
        list_ = list;
        next_ = 0;
    }

    void readHead() {
        checkFields(root_, "", {"$schema", "format", "title", "vocabulary", "call", "sources", "entities", "relations"});
        if (const Json* format = requiredMember(root_, "", "format")) {
            if (const auto text = stringValue(*format, "/format"); text && *text != kDatasetFormat) {
                problems_.add(ProblemCode::WrongFormat, "/format", *text);
            }
        }
        if (const Json* title = requiredMember(root_, "", "title")) {
            if (auto text = localText(*title, "/title")) dataset_.title = std::move(*text);
        }
        const Json* sources = requiredMember(root_, "", "sources");
        if (sources != nullptr && startSources(*sources)) {
            startList(Phase::Sources, sources);
        } else {
            phase_ = Phase::Vocabulary;
        }
    }

    void readVocabularyAndLists() {
        readVocabulary(root_);
        axisIds_ = idsOf(dataset_.axes);
        sectorIds_ = idsOf(dataset_.sectors);
        typeIds_ = idsOf(dataset_.types);
        roleIds_ = idsOf(dataset_.roles);

        const Json* entities = requiredMember(root_, "", "entities");
        relations_ = requiredMember(root_, "", "relations");
        if (entities != nullptr && startEntities(*entities)) {
            startList(Phase::EntityIds, entities);
        } else {
            // Without entities every relation end would be "unknown": noise that hides the real fault.
            phase_ = Phase::Call;
        }
    }

    // Moves on once the list under way is read (at once for an empty one).
    void endPhaseIfRead() {
        while (list_ != nullptr && next_ >= list_->size()) nextPhase();
    }

    void nextPhase() {
        switch (phase_) {
        case Phase::Sources:
            sourcesReadable_ = true;
            list_ = nullptr;
            phase_ = Phase::Vocabulary;
            break;
        case Phase::EntityIds: startList(Phase::Entities, list_); break;
        case Phase::Entities:
            entitiesReadable_ = true;
            list_ = nullptr;
            if (relations_ != nullptr && startRelations(*relations_)) {
                startList(Phase::Relations, relations_);
            } else {
                phase_ = Phase::Call;
            }
            break;
        default:
            list_ = nullptr;
            phase_ = Phase::Call;
            break;
        }
    }

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
        case Expected::Boolean: matches = value.is_boolean(); break;
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
                // A fact-checked dataset states what its sources state: a "certainty" field is the
                // sign of an inference someone wanted to keep, which the format refuses by design.
                problems_.add(member.key() == "certainty" ? ProblemCode::InferenceNotStored : ProblemCode::UnknownField, appendToPointer(pointer, member.key()), member.key(), {}, 0,
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
        if (isBlankText(text)) {
            problems_.add(ProblemCode::EmptyString, pointer);
            return std::nullopt;
        }
        // Refused rather than cleaned: the dataset's owner must see that a name could pass for another.
        if (const auto hidden = findHiddenCharacter(text)) {
            problems_.add(ProblemCode::HiddenCharacter, pointer, codePointName(hidden->codePoint), {}, hidden->index);
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
        if (!parsePartialDate(*date)) {
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
    bool startSources(const Json& sources) {
        if (!expect(sources, Expected::Array, "/sources")) return false;
        if (sources.empty()) {
            problems_.add(ProblemCode::EmptySourceList, "/sources");
            return false;
        }
        return true;
    }

    void readSource(std::size_t i) {
        {
            const std::string pointer = appendToPointer("/sources", i);
            const Json& item = (*list_)[i];
            dataset_.sources.emplace_back();
            if (!expect(item, Expected::Object, pointer)) return;
            Source& source = dataset_.sources.back();
            checkFields(item, pointer, {"id", "outlet", "title", "title_is_description", "date", "url", "layer"});
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
            if (const Json* described = memberOf(item, "title_is_description")) {
                if (expect(*described, Expected::Boolean, appendToPointer(pointer, "title_is_description"))) {
                    source.titleIsDescription = described->get<bool>();
                }
            }
            checkDate(item, pointer, "date", true, source.date);
            checkUrl(item, pointer, true, source.url);
            if (auto layer = requiredString(item, pointer, "layer")) {
                if (*layer != "article" && *layer != "external") {
                    problems_.add(ProblemCode::UnknownLayer, appendToPointer(pointer, "layer"), *layer);
                }
                source.layer = std::move(*layer);
            }
        }
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
    bool startEntities(const Json& entities) {
        if (!expect(entities, Expected::Array, "/entities")) return false;
        if (entities.size() > kMaxEntities) {
            problems_.add(ProblemCode::TooManyEntities, "/entities", {}, std::to_string(entities.size()), kMaxEntities);
            return false;
        }
        dataset_.entities.resize(entities.size());
        entityPointers_.resize(entities.size());
        return true;
    }

    // First every id, so that duplicates are found whatever the order.
    void readEntityId(std::size_t i) {
        entityPointers_[i] = appendToPointer("/entities", i);
        const Json& item = (*list_)[i];
        if (!item.is_object()) return;
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

    void readEntityAt(std::size_t i) {
        if (expect((*list_)[i], Expected::Object, entityPointers_[i])) {
            readEntity((*list_)[i], entityPointers_[i], dataset_.entities[i]);
        }
    }

    void readEntity(const Json& item, const std::string& pointer, Entity& entity) {
        checkFields(item, pointer,
                    {"id", "kind", "name", "aliases", "type", "country", "description", "url", "axes", "sectors",
                     "duration_months", "size", "licences", "facts", "sources", "position"});
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
        if (const Json* position = memberOf(item, "position")) readPosition(*position, appendToPointer(pointer, "position"), entity);
        if (const Json* facts = memberOf(item, "facts")) readFacts(*facts, appendToPointer(pointer, "facts"), entity);
        entity.sources = requiredSourceReferences(item, pointer);
        if (kind) readKindFields(item, pointer, *kind, entity);
    }

    // [x, y] in layout units (`explorer-data layout` writes them): both coordinates or none, so a
    // half-placed entity is a problem rather than a node dropped at the origin.
    void readPosition(const Json& value, const std::string& pointer, Entity& entity) {
        if (!expect(value, Expected::Array, pointer)) return;
        if (value.size() != 2) {
            problems_.add(ProblemCode::InvalidPosition, pointer, std::to_string(value.size()), "count");
            return;
        }
        std::array<float, 2> at{};
        bool usable = true;
        for (std::size_t i = 0; i < 2; ++i) {
            const std::string itemPointer = pointer + "/" + std::to_string(i);
            if (!value[i].is_number()) {
                problems_.add(ProblemCode::InvalidPosition, itemPointer, std::string(jsonTypeName(value[i])), "type");
                usable = false;
            } else if (const double v = value[i].get<double>(); !(std::abs(v) <= kMaxPositionCoordinate)) {
                problems_.add(ProblemCode::InvalidPosition, itemPointer, jsonScalarText(value[i]), "range");
                usable = false;
            } else {
                at[i] = static_cast<float>(v);
            }
        }
        if (usable) entity.position = at;
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
                    problems_.add(ProblemCode::InvalidDuration, durationPointer, jsonScalarText(*duration));
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

    bool startRelations(const Json& relations) {
        if (!expect(relations, Expected::Array, "/relations")) return false;
        if (relations.size() > kMaxRelations) {
            problems_.add(ProblemCode::TooManyRelations, "/relations", {}, std::to_string(relations.size()),
                          kMaxRelations);
            return false;
        }
        return true;
    }

    void readRelation(std::size_t i) {
        {
            const std::string pointer = appendToPointer("/relations", i);
            const Json& item = (*list_)[i];
            dataset_.relations.emplace_back();
            if (!expect(item, Expected::Object, pointer)) return;
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
                    const auto [entry, inserted] = firstOfTriple_.try_emplace(triple, i);
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

} // namespace

std::optional<HiddenCharacter> findHiddenCharacter(std::string_view text) {
    std::size_t index = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const utf8::Decoded decoded = utf8::decodeAt(text, pos);
        pos += decoded.length == 0 ? 1 : decoded.length;
        ++index;
        const char32_t c = decoded.codePoint;
        if (decoded.length == 0 || c == '\t' || c == '\n' || c == '\r') continue;
        const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
        const bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        if (control || bidi) return HiddenCharacter{c, index};
    }
    return std::nullopt;
}

std::string codePointName(char32_t codePoint) {
    constexpr std::string_view hex = "0123456789ABCDEF";
    std::string digits;
    for (char32_t rest = codePoint; rest != 0 || digits.size() < 4; rest >>= 4) digits.insert(digits.begin(), hex[rest & 0xFU]);
    return "U+" + digits;
}

class DatasetDocumentReader::Reader : public DatasetReader {
public:
    using DatasetReader::DatasetReader;
};

DatasetDocumentReader::DatasetDocumentReader(const Json& root, ProblemCollector& problems, Dataset& dataset)
    : reader_(std::make_unique<Reader>(root, problems, dataset)) {
    itemCount_ = documentItemCount(root);
}

DatasetDocumentReader::~DatasetDocumentReader() = default;

bool DatasetDocumentReader::step(WorkBudget& budget, std::size_t unitsPerItem) {
    return reader_->step(budget, std::max<std::size_t>(unitsPerItem, 1));
}

std::size_t DatasetDocumentReader::itemsRead() const { return reader_->itemsRead(); }

bool DatasetDocumentReader::releaseStep(WorkBudget& budget, std::size_t unitsPerItem) {
    return reader_->releaseStep(budget, std::max<std::size_t>(unitsPerItem, 1));
}

std::size_t documentItemCount(const Json& root) {
    const auto itemsOf = [&root](std::string_view list) {
        const Json* items = root.is_object() ? memberOf(root, list) : nullptr;
        return items != nullptr && items->is_array() ? items->size() : 0;
    };
    return 3 + itemsOf("sources") + 2 * itemsOf("entities") + itemsOf("relations");
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
