#include "core/search.hpp"
#include "core/vocabulary.hpp"

#include "core/sorting.hpp"
#include "core/text_fold.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
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

// The score of one occurrence of a word of `length` bytes at `pos` in `text`.
int occurrenceScore(std::string_view text, std::size_t pos, std::size_t length, const Bands& bands) {
    if (pos == 0 && length == text.size()) return bands.exact;
    const std::size_t end = pos + length;
    const bool startsWord = pos == 0 || !isWordByte(text[pos - 1]);
    const bool endsWord = end == text.size() || !isWordByte(text[end]);
    const int bonus = endsWord ? kScoreWholeWordBonus : 0;
    if (pos == 0) return bands.start + bonus;
    if (startsWord) return bands.wordPrefix + bonus;
    if (length >= bands.minSubstring && bands.substring > 0) return bands.substring;
    return 0;
}

// Aho-Corasick automaton of the query's patterns (its distinct words, and the phrase): one pass
// over a text finds every occurrence of every pattern. At each byte, the patterns ending there
// are suffixes of one another with distinct lengths, so at most `distinctLengths` are visited.
class Patterns {
public:
    explicit Patterns(const std::vector<std::string_view>& patterns) {
        nodes_.emplace_back();
        for (std::size_t p = 0; p < patterns.size(); ++p) insert(patterns[p], p);
        link();
        std::vector<std::size_t> lengths;
        for (const std::string_view pattern : patterns) lengths.push_back(pattern.size());
        sortBy(lengths);
        distinctLengths_ = static_cast<std::size_t>(std::unique(lengths.begin(), lengths.end()) - lengths.begin());
    }

    std::size_t distinctLengths() const { return distinctLengths_; }

    // Calls found(pattern, start) for every occurrence in `text`, by increasing end; adds the
    // automaton moves and the occurrences visited to `steps`.
    template <typename Found>
    void scan(std::string_view text, std::size_t& steps, Found&& found) const {
        std::size_t state = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto byte = static_cast<unsigned char>(text[i]);
            state = step(state, byte, steps);
            for (int node = nodes_[state].pattern >= 0 ? static_cast<int>(state) : nodes_[state].output; node >= 0;
                 node = nodes_[static_cast<std::size_t>(node)].output) {
                const Node& hit = nodes_[static_cast<std::size_t>(node)];
                ++steps;
                found(static_cast<std::size_t>(hit.pattern), i + 1 - hit.depth);
            }
        }
    }

private:
    struct Node {
        std::vector<std::pair<unsigned char, std::size_t>> next; // sorted by byte
        std::size_t fail = 0;
        std::size_t depth = 0;
        int pattern = -1; // the pattern ending here
        int output = -1;  // the nearest node on the failure chain where a pattern ends
    };

    std::vector<Node> nodes_;
    std::array<std::size_t, 256> rootNext_{}; // the root's moves, dense: most bytes start there
    std::size_t distinctLengths_ = 0;

    std::optional<std::size_t> child(std::size_t node, unsigned char byte) const {
        const auto& next = nodes_[node].next;
        const auto found = std::lower_bound(next.begin(), next.end(), byte,
                                            [](const auto& edge, unsigned char b) { return edge.first < b; });
        if (found == next.end() || found->first != byte) return std::nullopt;
        return found->second;
    }

    void insert(std::string_view pattern, std::size_t index) {
        std::size_t node = 0;
        for (const char c : pattern) {
            const auto byte = static_cast<unsigned char>(c);
            if (const auto existing = child(node, byte)) {
                node = *existing;
                continue;
            }
            const std::size_t created = nodes_.size();
            nodes_.emplace_back();
            nodes_[created].depth = nodes_[node].depth + 1;
            auto& next = nodes_[node].next;
            const auto at = std::lower_bound(next.begin(), next.end(), byte,
                                             [](const auto& edge, unsigned char b) { return edge.first < b; });
            next.insert(at, {byte, created});
            node = created;
        }
        nodes_[node].pattern = static_cast<int>(index);
    }

    // Failure and output links, breadth first; the root's dense table.
    void link() {
        for (std::size_t b = 0; b < 256; ++b) rootNext_[b] = child(0, static_cast<unsigned char>(b)).value_or(0);
        std::vector<std::size_t> queue;
        for (const auto& [byte, node] : nodes_[0].next) queue.push_back(node);
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const std::size_t node = queue[head];
            for (const auto& [byte, next] : nodes_[node].next) {
                std::size_t ignored = 0;
                const std::size_t fail = step(nodes_[node].fail, byte, ignored);
                nodes_[next].fail = fail;
                nodes_[next].output = nodes_[fail].pattern >= 0 ? static_cast<int>(fail) : nodes_[fail].output;
                queue.push_back(next);
            }
        }
    }

    // The automaton's move from `state` on `byte`, following failure links (amortised O(1) per
    // byte of a scanned text: each failure link shortens the match that moves lengthen).
    std::size_t step(std::size_t state, unsigned char byte, std::size_t& steps) const {
        while (state != 0) {
            ++steps;
            if (const auto next = child(state, byte)) return *next;
            state = nodes_[state].fail;
        }
        ++steps;
        return rootNext_[byte];
    }
};

struct Match {
    int score = 0;
    MatchField field = MatchField::Name;
    std::size_t which = 0; // index of the alias or label that matched
};

// The kind's name as search matches it ("projet", "model"): KindTraits, lower-cased.
std::string kindLabel(EntityKind kind, Lang lang) {
    std::string label(kindTraits(kind).label.get(lang));
    if (!label.empty() && label[0] >= 'A' && label[0] <= 'Z') label[0] = static_cast<char>(label[0] - 'A' + 'a');
    return label;
}

std::string readableId(std::string_view id) {
    std::string readable(id);
    std::replace(readable.begin(), readable.end(), '_', ' ');
    return readable;
}

// Term id → index in its vocabulary (the first one, as Dataset::findTerm): a lookup costs the
// same however long the vocabulary is.
using TermIndex = std::unordered_map<std::string, std::size_t>;

TermIndex indexTerms(const std::vector<Term>& terms) {
    TermIndex index;
    for (std::size_t i = 0; i < terms.size(); ++i) index.try_emplace(terms[i].id, i);
    return index;
}

struct Vocabulary {
    const std::vector<Term>& terms;
    TermIndex index;
};

SearchIndex::Entry makeEntry(const Entity& entity, Lang lang, const Vocabulary& types, const Vocabulary& axes,
                             const Vocabulary& sectors) {
    SearchIndex::Entry entry;
    entry.id = entity.id;
    entry.name = entity.name;
    entry.aliases = entity.aliases;
    entry.foldedName = foldForSearch(entity.name);
    for (const std::string& alias : entity.aliases) entry.foldedAliases.push_back(foldForSearch(alias));
    entry.foldedDescription = foldForSearch(entity.description.get(lang));

    std::unordered_set<std::string> seen;
    const auto addLabel = [&](const std::string& shown, std::string_view searched) {
        std::string folded = foldForSearch(searched);
        if (folded.empty() || !seen.insert(folded).second) return;
        entry.labels.push_back({shown, std::move(folded)});
    };
    // A term is found by its label and by its id read as words, so "startup" finds the type
    // labelled "Start-up"; the hit shows the label either way.
    const auto addTerm = [&](const Vocabulary& vocabulary, const std::string& id) {
        const std::string readable = readableId(id);
        const auto found = vocabulary.index.find(id);
        const Term* term = found == vocabulary.index.end() ? nullptr : &vocabulary.terms[found->second];
        const std::string shown = term != nullptr && !term->label.empty() ? term->label.get(lang) : readable;
        addLabel(shown, shown);
        addLabel(shown, readable);
    };
    const std::string kind(kindLabel(entity.kind, lang));
    addLabel(kind, kind);
    if (!entity.type.empty()) addTerm(types, entity.type);
    for (const std::string& axis : entity.axes) addTerm(axes, axis);
    for (const std::string& sector : entity.sectors) addTerm(sectors, sector);
    return entry;
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

std::string matchedText(const SearchIndex::Entry& entry, const Match& match) {
    switch (match.field) {
    case MatchField::Name: return entry.name;
    case MatchField::Alias: return entry.aliases[match.which];
    case MatchField::Description: return {};
    case MatchField::Label: return entry.labels[match.which].original;
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

SearchIndex::SearchIndex(const Dataset& dataset, Lang lang) {
    const Vocabulary types{dataset.types, indexTerms(dataset.types)};
    const Vocabulary axes{dataset.axes, indexTerms(dataset.axes)};
    const Vocabulary sectors{dataset.sectors, indexTerms(dataset.sectors)};
    entities_.reserve(dataset.entities.size());
    for (const Entity& entity : dataset.entities) {
        entities_.push_back(makeEntry(entity, lang, types, axes, sectors));
        const Entry& entry = entities_.back();
        textBytes_ += entry.foldedName.size() + entry.foldedDescription.size();
        for (const std::string& alias : entry.foldedAliases) textBytes_ += alias.size();
        for (const LabelText& label : entry.labels) textBytes_ += label.folded.size();
    }
}

std::vector<SearchHit> search(const SearchIndex& index, std::string_view query, std::size_t limit, SearchCost* cost) {
    const std::string phrase = foldForSearch(query);
    const std::vector<std::string_view> words = splitWords(phrase);
    if (words.empty() || limit == 0) return {};

    // The distinct words, in the order first typed (a repeated word changes no score), then the
    // phrase: an entity's score is its weakest word's, or the phrase's when that is higher.
    std::vector<std::string_view> patterns;
    {
        std::vector<std::size_t> order(words.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        sortBy(order, [&](std::size_t a, std::size_t b) { return words[a] < words[b]; });
        std::vector<bool> first(words.size(), false);
        for (std::size_t i = 0; i < order.size(); ++i) first[order[i]] = i == 0 || words[order[i]] != words[order[i - 1]];
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (first[i]) patterns.push_back(words[i]);
        }
    }
    const std::size_t wordCount = patterns.size();
    const bool withPhrase = words.size() > 1;
    if (withPhrase) patterns.push_back(phrase);
    const Patterns automaton(patterns);

    SearchCost counts;
    counts.patterns = patterns.size();
    counts.patternLengths = automaton.distinctLengths();
    counts.textBytes = index.textBytes();

    struct Ranked {
        SearchHit hit;
        std::size_t entry = 0;
    };
    std::vector<Ranked> ranked;
    std::vector<Match> best(patterns.size());
    std::vector<std::size_t> touched;
    for (std::size_t e = 0; e < index.entries().size(); ++e) {
        const SearchIndex::Entry& entry = index.entries()[e];
        // Texts in the order that breaks ties: name, aliases, description, labels. A match
        // replaces another only when strictly better, so the first text with the best score wins.
        const auto scanText = [&](std::string_view text, const Bands& bands, MatchField field, std::size_t which) {
            automaton.scan(text, counts.steps, [&](std::size_t pattern, std::size_t start) {
                const int score = occurrenceScore(text, start, patterns[pattern].size(), bands);
                Match& current = best[pattern];
                if (score <= current.score) return;
                if (current.score == 0) touched.push_back(pattern);
                current = Match{score, field, which};
            });
        };
        scanText(entry.foldedName, kNameBands, MatchField::Name, 0);
        for (std::size_t i = 0; i < entry.foldedAliases.size(); ++i) {
            scanText(entry.foldedAliases[i], kAliasBands, MatchField::Alias, i);
        }
        scanText(entry.foldedDescription, kDescriptionBands, MatchField::Description, 0);
        for (std::size_t i = 0; i < entry.labels.size(); ++i) {
            scanText(entry.labels[i].folded, kLabelBands, MatchField::Label, i);
        }

        // Every word must match; the shown match is the first word's best among the strongest.
        int score = std::numeric_limits<int>::max();
        Match shown;
        for (std::size_t w = 0; w < wordCount && score > 0; ++w) {
            score = std::min(score, best[w].score);
            if (best[w].score > shown.score) shown = best[w];
        }
        if (withPhrase && best[wordCount].score > score) {
            score = best[wordCount].score;
            shown = best[wordCount];
        }
        if (score > 0) ranked.push_back({SearchHit{e, score, shown.field, matchedText(entry, shown)}, e});
        for (const std::size_t pattern : touched) best[pattern] = Match{};
        touched.clear();
    }

    const auto before = [&](const Ranked& a, const Ranked& b) {
        const SearchIndex::Entry& ea = index.entries()[a.entry];
        const SearchIndex::Entry& eb = index.entries()[b.entry];
        return std::tie(b.hit.score, ea.foldedName, ea.name, ea.id) < std::tie(a.hit.score, eb.foldedName, eb.name, eb.id);
    };
    sortBy(ranked, before);
    if (ranked.size() > limit) ranked.resize(limit);

    std::vector<SearchHit> hits;
    hits.reserve(ranked.size());
    for (Ranked& entry : ranked) hits.push_back(std::move(entry.hit));
    if (cost != nullptr) *cost = counts;
    return hits;
}

std::vector<SearchHit> search(const Dataset& dataset, std::string_view query, Lang lang, std::size_t limit) {
    if (limit == 0) return {};
    return search(SearchIndex(dataset, lang), query, limit);
}

} // namespace explorer
