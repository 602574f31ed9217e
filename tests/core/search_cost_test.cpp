// The cost of a search, counted rather than timed (a timed test flakes on a busy machine): a
// query of 100 one-letter words against a 10 MB description used to take 15 s per keystroke,
// one scan of the whole text per word and per occurrence. search.hpp states the bound checked
// here: one pass over the folded texts, at most (2 + k) automaton steps per byte for k distinct
// word lengths, whatever the number of words or of occurrences.
#include "core/search.hpp"
#include "core/vocabulary.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

namespace explorer {
namespace {

// One project whose description is `bytes` of one- and two-letter words (every letter occurs
// everywhere: the worst case for a scan per occurrence), and a few small entities.
Dataset bigDescription(std::size_t bytes) {
    Dataset d;
    d.types = builtinTypeTerms();
    d.roles = builtinRoleTerms();
    Entity big;
    big.id = "project:big";
    big.kind = EntityKind::Project;
    big.name = "Big";
    std::string text;
    text.reserve(bytes + 3);
    std::size_t seed = 12345;
    while (text.size() < bytes) {
        seed = seed * 1103515245 + 12345;
        text += static_cast<char>('a' + (seed >> 16) % 26);
        if ((seed >> 8) % 3 != 0) text += ' ';
    }
    big.description = LocalText{text, text};
    d.entities.push_back(big);
    for (const char* name : {"Alpha", "Beta", "Gamma"}) {
        Entity e;
        e.id = std::string("org:") + name;
        e.kind = EntityKind::Organisation;
        e.type = "startup";
        e.name = name;
        d.entities.push_back(e);
    }
    d.buildIndex();
    return d;
}

// 100 one-letter words, 199 characters: every letter, most of them several times.
std::string hundredLetters() {
    std::string query;
    for (int i = 0; i < 100; ++i) {
        if (i > 0) query += ' ';
        query += static_cast<char>('a' + (i * 7) % 26);
    }
    return query;
}

TEST(SearchCost, HundredOneLetterWordsAgainstTenMegabytesIsOnePass) {
    const Dataset dataset = bigDescription(10 * 1000 * 1000);
    const SearchIndex index(dataset, Lang::En);
    ASSERT_GE(index.textBytes(), 10u * 1000 * 1000);
    SearchCost cost;
    const std::vector<SearchHit> hits = search(index, hundredLetters(), 20, &cost);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].entity, 0u);
    EXPECT_EQ(cost.patterns, 27u) << "26 distinct letters and the phrase: repeated words are searched once";
    EXPECT_EQ(cost.patternLengths, 2u);
    EXPECT_EQ(cost.textBytes, index.textBytes());
    // One move per byte, failure links no more than moves, at most one match per length per byte.
    EXPECT_LE(cost.steps, (2 + cost.patternLengths) * cost.textBytes);
    EXPECT_GE(cost.steps, cost.textBytes) << "every byte is read once";
}

TEST(SearchCost, GrowsLinearlyWithTheText) {
    const std::string query = hundredLetters();
    SearchCost small;
    SearchCost large;
    search(SearchIndex(bigDescription(1000 * 1000), Lang::Fr), query, 20, &small);
    search(SearchIndex(bigDescription(4 * 1000 * 1000), Lang::Fr), query, 20, &large);
    const double ratio = static_cast<double>(large.steps) / static_cast<double>(small.steps);
    EXPECT_GT(ratio, 3.8);
    EXPECT_LT(ratio, 4.2);
}

TEST(SearchCost, DoesNotGrowWithRepeatedWordsOrWithTheNumberOfWords) {
    const SearchIndex index(bigDescription(200 * 1000), Lang::En);
    SearchCost one;
    SearchCost repeated;
    SearchCost many;
    search(index, "q", 20, &one);
    search(index, "q q q q q q q q q q q q q q q q q q q q", 20, &repeated);
    search(index, hundredLetters(), 20, &many);
    EXPECT_EQ(one.patterns, 1u);
    EXPECT_EQ(repeated.patterns, 2u) << "the word once, and the phrase";
    // A step per byte, plus the matches visited: each extra length adds at most one per byte.
    EXPECT_LE(one.steps, 2 * one.textBytes);
    EXPECT_LE(repeated.steps, 3 * repeated.textBytes);
    EXPECT_LE(many.steps, 4 * many.textBytes);
}

TEST(SearchCost, LongWordsKeepTheBoundOfDistinctLengths) {
    // Words of lengths 1 to 19 add up to 190 bytes: the most distinct lengths a 200-character
    // query can hold, hence the most matches per byte.
    std::string query;
    for (std::size_t length = 1; length <= 19; ++length) {
        if (!query.empty()) query += ' ';
        query += std::string(length, 'a');
    }
    Dataset dataset = bigDescription(0);
    dataset.entities[0].description = LocalText{std::string(100 * 1000, 'a'), std::string(100 * 1000, 'a')};
    const SearchIndex index(dataset, Lang::En);
    SearchCost cost;
    const std::vector<SearchHit> hits = search(index, query, 20, &cost);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(cost.patternLengths, 20u);
    EXPECT_LE(cost.steps, (2 + cost.patternLengths) * cost.textBytes);
}

TEST(SearchCost, AnIndexGivesTheSameHitsAsTheDataset) {
    const Dataset dataset = bigDescription(20 * 1000);
    const SearchIndex index(dataset, Lang::Fr);
    for (const char* query : {"alpha", "startup", "a b", "big", "projet", "zz q"}) {
        const std::vector<SearchHit> direct = search(dataset, query, Lang::Fr, kAllHits);
        const std::vector<SearchHit> indexed = search(index, query, kAllHits);
        ASSERT_EQ(direct.size(), indexed.size()) << query;
        for (std::size_t i = 0; i < direct.size(); ++i) {
            EXPECT_EQ(direct[i].entity, indexed[i].entity) << query;
            EXPECT_EQ(direct[i].score, indexed[i].score) << query;
            EXPECT_EQ(direct[i].matched, indexed[i].matched) << query;
        }
    }
    EXPECT_TRUE(search(SearchIndex{}, "alpha").empty());
}

} // namespace
} // namespace explorer
