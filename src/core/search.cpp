#include "core/search.hpp"

#include "core/text_fold.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

namespace explorer {
namespace {

// Scores of one kind of text for each way a word can be found in it; 0 means "does not count".
struct Bands {
    int exact;
    int start;
    int wordPrefix;
    int substring;
    std::size_t minSubstring;
};

constexpr Bands kNameBands{kScoreExactName, kScoreNameStart, kScoreNameWordPrefix,
                           kScoreNameSubstring, kMinNameSubstring};
constexpr Bands kAliasBands{kScoreExactAlias, kScoreAliasStart, kScoreAliasWordPrefix,
                            kScoreAliasSubstring, kMinNameSubstring};
// A description or a label that is exactly the query is only a whole-word match of it.
constexpr Bands kDescriptionBands{kScoreDescriptionWord + kScoreWholeWordBonus, kScoreDescriptionWord,
                                  kScoreDescriptionWord, kScoreDescriptionSubstring,
                                  kMinDescriptionSubstring};
constexpr Bands kLabelBands{kScoreLabel + kScoreWholeWordBonus, kScoreLabel, kScoreLabel, 0, 0};

// Folded text is lower-case ASCII plus untouched non-Latin characters (bytes >= 0x80), which
// count as letters so that a word boundary is never found inside them.
bool isWordByte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || byte >= 0x80;
}

int bestMatch(std::string_view text, std::string_view word, const Bands& bands) {
    if (word.empty() || text.size() < word.size()) return 0;
    if (text == word) return bands.exact;
    int best = 0;
    for (std::size_t pos = text.find(word); pos != std::string_view::npos;
         pos = text.find(word, pos + 1)) {
        const std::size_t end = pos + word.size();
        const bool startsWord = pos == 0 || !isWordByte(text[pos - 1]);
        const bool endsWord = end == text.size() || !isWordByte(text[end]);
        const int bonus = endsWord ? kScoreWholeWordBonus : 0;
        int score = 0;
        if (pos == 0) {
            score = bands.start + bonus;
        } else if (startsWord) {
            score = bands.wordPrefix + bonus;
        } else if (word.size() >= bands.minSubstring && bands.substring > 0) {
            score = bands.substring;
        }
        best = std::max(best, score);
    }
    return best;
}

struct Match {
    int score = 0;
    MatchField field = MatchField::Name;
    std::size_t which = 0; // index of the alias or label that matched
};

struct LabelText {
    std::string original;
    std::string folded;
};

// The searchable texts of one entity, folded once per search.
struct SearchableEntity {
    std::string name;
    std::vector<std::string> aliases;
    std::string description;
    std::vector<LabelText> labels;
};

std::string_view kindLabel(EntityKind kind, Lang lang) {
    const bool fr = lang == Lang::Fr;
    switch (kind) {
    case EntityKind::Project: return fr ? "projet" : "project";
    case EntityKind::Organisation: return "organisation";
    case EntityKind::Model: return fr ? "modèle" : "model";
    case EntityKind::Initiative: return "initiative";
    }
    return {};
}

std::string readableId(std::string_view id) {
    std::string readable(id);
    std::replace(readable.begin(), readable.end(), '_', ' ');
    return readable;
}

SearchableEntity makeSearchable(const Dataset& dataset, const Entity& entity, Lang lang) {
    SearchableEntity searchable;
    searchable.name = foldForSearch(entity.name);
    for (const std::string& alias : entity.aliases) searchable.aliases.push_back(foldForSearch(alias));
    searchable.description = foldForSearch(entity.description.get(lang));

    const auto addLabel = [&](const std::string& shown, std::string_view searched) {
        std::string folded = foldForSearch(searched);
        if (folded.empty()) return;
        for (const LabelText& label : searchable.labels) {
            if (label.folded == folded) return;
        }
        searchable.labels.push_back({shown, std::move(folded)});
    };
    // A term is found by its label and by its id read as words, so "startup" finds the type
    // labelled "Start-up"; the hit shows the label either way.
    const auto addTerm = [&](const std::vector<Term>& terms, const std::string& id) {
        const std::string readable = readableId(id);
        const Term* term = dataset.findTerm(terms, id);
        const std::string shown = term != nullptr && !term->label.empty() ? term->label.get(lang) : readable;
        addLabel(shown, shown);
        addLabel(shown, readable);
    };
    const std::string kind(kindLabel(entity.kind, lang));
    addLabel(kind, kind);
    if (!entity.type.empty()) addTerm(dataset.types, entity.type);
    for (const std::string& axis : entity.axes) addTerm(dataset.axes, axis);
    for (const std::string& sector : entity.sectors) addTerm(dataset.sectors, sector);
    return searchable;
}

Match bestMatchInEntity(const SearchableEntity& entity, std::string_view word) {
    Match best;
    const auto consider = [&](int score, MatchField field, std::size_t which) {
        if (score > best.score) best = {score, field, which};
    };
    consider(bestMatch(entity.name, word, kNameBands), MatchField::Name, 0);
    for (std::size_t i = 0; i < entity.aliases.size(); ++i) {
        consider(bestMatch(entity.aliases[i], word, kAliasBands), MatchField::Alias, i);
    }
    consider(bestMatch(entity.description, word, kDescriptionBands), MatchField::Description, 0);
    for (std::size_t i = 0; i < entity.labels.size(); ++i) {
        consider(bestMatch(entity.labels[i].folded, word, kLabelBands), MatchField::Label, i);
    }
    return best;
}

std::vector<std::string_view> splitWords(std::string_view folded) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string_view::npos) end = folded.size();
        if (end > start) words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// The score of an entity for the whole query, and its strongest single match; score 0 when
// some word is not found.
struct EntityResult {
    int score = 0;
    Match shown;
};

EntityResult scoreEntity(const SearchableEntity& entity, std::string_view phrase,
                         const std::vector<std::string_view>& words) {
    EntityResult result;
    int weakest = std::numeric_limits<int>::max();
    for (std::string_view word : words) {
        const Match match = bestMatchInEntity(entity, word);
        if (match.score == 0) {
            weakest = 0;
            break;
        }
        weakest = std::min(weakest, match.score);
        if (match.score > result.shown.score) result.shown = match;
    }
    result.score = weakest;
    if (words.size() > 1) {
        const Match phraseMatch = bestMatchInEntity(entity, phrase);
        if (phraseMatch.score > result.score) {
            result.score = phraseMatch.score;
            result.shown = phraseMatch;
        }
    }
    return result;
}

std::string matchedText(const Entity& entity, const SearchableEntity& searchable, const Match& match) {
    switch (match.field) {
    case MatchField::Name: return entity.name;
    case MatchField::Alias: return entity.aliases[match.which];
    case MatchField::Description: return {};
    case MatchField::Label: return searchable.labels[match.which].original;
    }
    return {};
}

} // namespace

std::string_view toString(MatchField field) {
    switch (field) {
    case MatchField::Name: return "name";
    case MatchField::Alias: return "alias";
    case MatchField::Description: return "description";
    case MatchField::Label: return "label";
    }
    return "name";
}

std::vector<SearchHit> search(const Dataset& dataset, std::string_view query, Lang lang,
                              std::size_t limit) {
    const std::string phrase = foldForSearch(query);
    const std::vector<std::string_view> words = splitWords(phrase);
    if (words.empty() || limit == 0) return {};

    struct Ranked {
        SearchHit hit;
        std::string foldedName;
    };
    std::vector<Ranked> ranked;
    for (std::size_t index = 0; index < dataset.entities.size(); ++index) {
        const Entity& entity = dataset.entities[index];
        const SearchableEntity searchable = makeSearchable(dataset, entity, lang);
        const EntityResult result = scoreEntity(searchable, phrase, words);
        if (result.score == 0) continue;
        SearchHit hit{index, result.score, result.shown.field, matchedText(entity, searchable, result.shown)};
        ranked.push_back({std::move(hit), searchable.name});
    }

    const auto before = [&](const Ranked& a, const Ranked& b) {
        const Entity& ea = dataset.entities[a.hit.entity];
        const Entity& eb = dataset.entities[b.hit.entity];
        return std::tie(b.hit.score, a.foldedName, ea.name, ea.id) <
               std::tie(a.hit.score, b.foldedName, eb.name, eb.id);
    };
    std::sort(ranked.begin(), ranked.end(), before);
    if (ranked.size() > limit) ranked.resize(limit);

    std::vector<SearchHit> hits;
    hits.reserve(ranked.size());
    for (Ranked& entry : ranked) hits.push_back(std::move(entry.hit));
    return hits;
}

} // namespace explorer
