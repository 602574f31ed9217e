// Finding entities by what a reader types: names, aliases ("OECD" for OCDE, "BnF"), words of the
// description, and the labels that classify an entity (its kind, its organisation type, a
// project's axes and sectors). Matching ignores case and accents (see text_fold.hpp).
#pragma once

#include "core/model.hpp"

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {

// Which text of the entity gave a hit its score.
enum class MatchField {
    Name,
    Alias,       // one of Entity::aliases
    Description, // the description in the language searched
    Label,       // kind ("project"/"projet"), organisation type, project axis or sector: by
                 // label in the language searched or by id ("startup" finds "Start-up")
};

std::string_view toString(MatchField field);

struct SearchHit {
    std::size_t entity = 0; // index into Dataset::entities
    int score = 0;          // see the kScore constants below; higher is better
    MatchField field = MatchField::Name;
    // The text that matched, as the dataset spells it, so the UI can say "OCDE — matched OECD":
    // the alias for Alias, the label for Label, the name for Name; empty for Description (the
    // whole description would not help the reader).
    std::string matched;
};

// Scores of one query word (or of the whole query) against one text, best first. Every band is
// strictly above the next one, so exact name or alias > start or word prefix > substring >
// description > label, whatever the bonuses.
inline constexpr int kScoreExactName = 1000;       // the whole name is the query
inline constexpr int kScoreExactAlias = 990;       // an alias is the query ("oecd")
inline constexpr int kScoreNameStart = 800;        // the name starts with the word
inline constexpr int kScoreAliasStart = 790;
inline constexpr int kScoreNameWordPrefix = 700;   // a later word of the name starts with it
inline constexpr int kScoreAliasWordPrefix = 690;
inline constexpr int kScoreNameSubstring = 500;    // inside a word of the name
inline constexpr int kScoreAliasSubstring = 490;
inline constexpr int kScoreDescriptionWord = 300;  // a word of the description starts with it
inline constexpr int kScoreDescriptionSubstring = 200;
inline constexpr int kScoreLabel = 100;            // a word of a label starts with it
inline constexpr int kScoreWholeWordBonus = 5;     // the match is a whole word, not a prefix

// Substring matches (inside a word) need words at least this long; shorter words only match at
// the start of a word, so "a" does not list every entity with an "a" in its name.
inline constexpr std::size_t kMinNameSubstring = 2;
inline constexpr std::size_t kMinDescriptionSubstring = 4;

inline constexpr std::size_t kAllHits = std::numeric_limits<std::size_t>::max();

// The searchable texts of every entity of a dataset (name, aliases, description and labels in
// one language), folded once. Build it when the dataset or the language changes and search it on
// every keystroke. It copies what it needs: the Dataset may go away before it.
// Building costs O(T) time and memory for T bytes of text in the dataset (folding is linear).
class SearchIndex {
public:
    SearchIndex() = default; // an empty dataset
    SearchIndex(const Dataset& dataset, Lang lang);

    std::size_t entityCount() const { return entities_.size(); }
    std::size_t textBytes() const { return textBytes_; } // folded bytes searched by each query

    struct LabelText {
        std::string original; // as shown ("Start-up")
        std::string folded;   // as searched ("start-up", or "startup" for the id read as words)
    };
    struct Entry {
        std::string id;
        std::string name;
        std::vector<std::string> aliases;
        std::string foldedName;
        std::vector<std::string> foldedAliases;
        std::string foldedDescription;
        std::vector<LabelText> labels;
    };
    const std::vector<Entry>& entries() const { return entities_; }

private:
    std::vector<Entry> entities_;
    std::size_t textBytes_ = 0;
};

// What one search did, for tests that check its cost without a clock.
struct SearchCost {
    std::size_t patterns = 0;      // distinct query words, plus the whole phrase when there are several
    std::size_t patternLengths = 0; // distinct lengths among them
    std::size_t textBytes = 0;     // folded bytes scanned (SearchIndex::textBytes)
    std::size_t steps = 0;         // automaton moves (transitions and failure links) and matches visited
};

// Searches every entity of `index` for `query` (rules below).
//
// Cost: one pass over the folded texts with an Aho-Corasick automaton of the distinct query
// words and the phrase, so O(T × (1 + k) + E × W + m log m + h log h) time for T bytes of text,
// E entities, a query of m bytes with W distinct words and k distinct word lengths
// (k ≤ √(2m), since the lengths add up to at most m), and h hits; O(T) memory is the index's,
// a search itself needs O(m + E). It does not grow with the number of times a word occurs, and
// repeated words cost nothing: 100 one-letter words against a 10 MB description is one pass
// with at most two matches visited per byte (the letter, and the phrase). `cost`, when given,
// receives the counts.
std::vector<SearchHit> search(const SearchIndex& index, std::string_view query, std::size_t limit = 20,
                              SearchCost* cost = nullptr);

// The same on a dataset: builds a SearchIndex then searches it, so it also costs the folding of
// every text, O(T) (about 70 µs for the shipped dataset in an optimised build). Call it when the
// query or the language changes, not on every frame; for large datasets keep a SearchIndex.
//
// Searches every entity of `dataset` for `query`, in language `lang` (descriptions and labels of
// that language; names and aliases are the same in both).
//  - The query is folded (foldForSearch) and split on spaces into words. Every word must match
//    one of the entity's texts (AND); different words may match different texts.
//  - A word's score is its best match over all texts; an entity's score is the score of its
//    weakest word, or the score of the whole query matched as one phrase when that is higher
//    (so "education nationale" is an exact match of "Éducation nationale").
//  - Hits are sorted by score (descending), then folded name, then name, then id: the order is
//    the same on every run. At most `limit` hits are returned (kAllHits for all of them).
//  - `field` and `matched` describe the strongest single match of the hit.
// An empty query, or one with nothing left after folding (spaces, invalid UTF-8), has no hits.
std::vector<SearchHit> search(const Dataset& dataset, std::string_view query, Lang lang,
                              std::size_t limit = 20);

} // namespace explorer
