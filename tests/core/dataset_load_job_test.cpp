// Loading in slices (core/dataset_load_job.hpp): whatever the size of the slices, a job gives
// the dataset and the problems of the one-shot loaders, its progress only grows and ends at 1, and
// a big file takes many slices. The cut JSON parse is checked against parseDatasetJson reading the
// text in one piece, the cut raw-text gate against checkRawText. No clock is read: budgets are in
// work units.
#include "core/csv_import.hpp"
#include "core/dataset_load_job.hpp"
#include "core/dataset_loader.hpp"
#include "core/dataset_syntax.hpp"
#include "core/problem_collector.hpp"
#include "core/raw_text.hpp"
#include "core/synthetic_dataset.hpp"

#include "support/source_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace explorer {
namespace {

using test::readSourceFile;

// Everything a problem says, so that two lists compare in one assertion with a readable diff.
std::vector<std::string> problemLines(const std::vector<Problem>& problems) {
    std::vector<std::string> lines;
    for (const Problem& problem : problems) {
        lines.push_back(std::string(toString(problem.code)) + " " + problem.pointer + " " + std::to_string(problem.line) +
                        ":" + std::to_string(problem.column) + " value=" + problem.value + " detail=" + problem.detail +
                        " number=" + std::to_string(problem.number));
    }
    return lines;
}

// What a dataset holds, and what its index answers, as lines.
std::vector<std::string> datasetLines(const Dataset& dataset) {
    std::vector<std::string> lines{dataset.title.fr + " / " + dataset.title.en};
    const auto joined = [](const std::vector<std::size_t>& numbers) {
        std::string text;
        for (const std::size_t n : numbers) text += std::to_string(n) + ",";
        return text;
    };
    for (const Term& role : dataset.roles) lines.push_back("role " + role.id + " " + role.label.en);
    for (const Source& source : dataset.sources) lines.push_back("source " + source.id + " " + source.url + " " + source.title);
    for (std::size_t i = 0; i < dataset.entities.size(); ++i) {
        const Entity& entity = dataset.entities[i];
        std::string aliases;
        for (const std::string& alias : entity.aliases) aliases += alias + "|";
        lines.push_back("entity " + entity.id + " " + std::string(toString(entity.kind)) + " " + entity.name + " " + entity.type +
                        " " + aliases + " " + entity.description.en + " sources " + joined(entity.sources) + " relations " +
                        joined(dataset.relationsOf(i)) + " member of " + joined(dataset.memberProjects(i)));
        EXPECT_EQ(dataset.findEntity(entity.id), i);
    }
    for (const Relation& relation : dataset.relations) {
        lines.push_back("relation " + std::to_string(relation.source) + " " + relation.role + " " +
                        std::to_string(relation.target) + " sources " + joined(relation.sources));
    }
    return lines;
}

struct Loaded {
    LoadResult result;
    std::size_t steps = 0;
};

// Runs a job with `units` a step, checking that its progress only grows and ends at 1.
Loaded runJob(const std::string& text, DatasetFormat format, std::size_t units) {
    DatasetLoadJob job(text, format);
    double last = job.progress();
    EXPECT_GE(last, 0.0);
    while (job.step(units)) {
        const double now = job.progress();
        EXPECT_GE(now, last) << "progress went back after step " << job.steps();
        EXPECT_LT(now, 1.0) << "progress at 1 before the end";
        last = now;
    }
    EXPECT_EQ(job.progress(), 1.0);
    EXPECT_TRUE(job.done());
    EXPECT_FALSE(job.step(units)) << "a finished job does nothing more";
    return {job.take(), job.steps()};
}

void expectSameOutcome(const LoadResult& expected, const LoadResult& actual, const std::string& what) {
    EXPECT_EQ(problemLines(expected.problems), problemLines(actual.problems)) << what;
    ASSERT_EQ(expected.dataset.has_value(), actual.dataset.has_value()) << what;
    if (expected.dataset) {
        EXPECT_EQ(datasetLines(*expected.dataset), datasetLines(*actual.dataset)) << what;
    }
}

std::vector<std::string> fixtureFiles(const std::string& folder, const std::string& extension) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(EXPLORER_SOURCE_DIR) + "/" + folder)) {
        if (entry.path().extension() == extension) files.push_back(folder + "/" + entry.path().filename().string());
    }
    EXPECT_GT(files.size(), 5U) << folder;
    return files;
}

// ------------------------------------------------------------------- the loaders' own results

TEST(DatasetLoadJob, EveryJsonFixtureGivesTheOneShotResultWhateverTheSlices) {
    std::vector<std::string> files = fixtureFiles("tests/fixtures", ".json");
    files.push_back("data/laureates.json");
    for (const std::string& file : files) {
        const std::string text = readSourceFile(file);
        const LoadResult once = loadDataset(text);
        for (const std::size_t units : {std::size_t{1}, std::size_t{37}, std::size_t{4096}, DatasetLoadJob::kUnlimited}) {
            expectSameOutcome(once, runJob(text, DatasetFormat::Json, units).result, file + " by " + std::to_string(units));
        }
    }
}

TEST(DatasetLoadJob, EveryCsvFixtureGivesTheOneShotResultWhateverTheSlices) {
    for (const std::string& file : fixtureFiles("tests/fixtures/csv", ".csv")) {
        const std::string text = readSourceFile(file);
        const LoadResult once = loadCsvDataset(text);
        for (const std::size_t units : {std::size_t{1}, std::size_t{37}, std::size_t{4096}, DatasetLoadJob::kUnlimited}) {
            expectSameOutcome(once, runJob(text, DatasetFormat::Csv, units).result, file + " by " + std::to_string(units));
        }
    }
}

// The shipped dataset, broken in the ways a person breaks a file, read in slices: the same one
// problem (or list) as the one-shot loader, which the fixtures' own tests pin down.
TEST(DatasetLoadJob, BrokenTextsGiveTheirProblemsAtTheSamePlacesInSlices) {
    const std::string valid = readSourceFile("tests/fixtures/valid_small.json");
    const std::size_t entities = valid.find("\"entities\"");
    ASSERT_NE(entities, std::string::npos);
    const std::size_t deep = valid.find('{', entities); // inside the first entity
    std::vector<std::string> broken{
        valid.substr(0, valid.size() / 2),                               // cut short
        valid.substr(0, deep) + "{\"id\": 'x'}," + valid.substr(deep),   // single quote in an item
        valid.substr(0, deep) + "{\"id\": \"a\" \"b\"}," + valid.substr(deep), // missing comma in an item
        valid.substr(0, deep) + "tru," + valid.substr(deep),             // a bad word as an item
        valid.substr(0, deep) + "{}," + valid.substr(deep) + " x",        // trailing content
        valid.substr(0, entities) + "\"entities\": [,]," + valid.substr(entities), // duplicate key, bad array
        "[" + valid + "]",                                                // not an object
        "{\"a\": 1, \"a\": 2, \"b\": [1, 2, {\"c\": 3, \"c\": 4}]}",        // duplicate keys, valid JSON
        valid.substr(0, deep) + "\"\\uZZZZ\"," + valid.substr(deep),      // bad escape in an item
        valid.substr(0, deep) + "1e999," + valid.substr(deep),            // number out of range
        "{\"title\": {\"fr\": \"é\", \"en\": \"x\"}, // comment\n}",
        std::string("\xEF\xBB\xBF") + "{\"format\": 1}\n",                 // byte order mark, then rules
        std::string("{\"a\": \"") + "\xC3" + "\"}",                        // invalid UTF-8
    };
    std::string tooDeep = "{\"entities\": [";
    for (std::size_t depth = 0; depth < kMaxNestingDepth; ++depth) tooDeep += "[";
    broken.push_back(tooDeep);
    for (const std::string& text : broken) {
        const LoadResult once = loadDataset(text);
        EXPECT_FALSE(once.problems.empty()) << text.substr(0, 80);
        for (const std::size_t units : {std::size_t{1}, std::size_t{13}, DatasetLoadJob::kUnlimited}) {
            expectSameOutcome(once, runJob(text, DatasetFormat::Json, units).result, text.substr(0, 80));
        }
    }
}

// The cut parse against the parse in one piece: same DOM, same duplicate keys, same fault.
TEST(DatasetLoadJob, CutJsonParseIsTheParseInOnePiece) {
    const std::string valid = readSourceFile("tests/fixtures/valid_small.json");
    const std::vector<std::string> texts{
        valid,
        readSourceFile("tests/fixtures/duplicate_key.json"),
        readSourceFile("tests/fixtures/malformed_json.json"),
        "{}",
        "{\"a\": [], \"b\": [[]], \"a\": {\"x\": [1, \"]\", \"\\\"\"]}}",
        "{\"a\": [1 2]}",
        "{\"a\": [1,]}",
        "{\"a\" [1]}",
        "{\"a\": [1]",
        " { \"k\" : [ { } , [ ] , \"s\" , -1.5e3 , null ] } \n",
    };
    for (const std::string& text : texts) {
        ProblemCollector wholeProblems;
        ParsedJson whole = parseDatasetJson(text, wholeProblems);
        ProblemCollector cutProblems;
        SlicedJsonParse cut(text, cutProblems);
        double last = 0.0;
        for (;;) {
            WorkBudget budget(1);
            const bool more = cut.step(budget);
            EXPECT_GE(cut.progress(), last);
            last = cut.progress();
            if (!more) break;
        }
        ParsedJson sliced = cut.take();
        EXPECT_EQ(whole.fault.has_value(), sliced.fault.has_value()) << text;
        if (whole.fault) {
            EXPECT_EQ(problemLines({*whole.fault}), problemLines({*sliced.fault})) << text;
        } else {
            EXPECT_EQ(whole.root, sliced.root) << text;
        }
        EXPECT_EQ(problemLines(wholeProblems.take()), problemLines(cutProblems.take())) << text;
    }
}

// The raw-text gate read in pieces finds the first fault a single pass finds, wherever the cut.
TEST(DatasetLoadJob, RawTextScanInPiecesIsTheScanInOnePiece) {
    const std::vector<std::string> texts{
        "", " \n\t ", "abc", "\xEF\xBB\xBF  ", "\xFF\xFEx", "ab\xC3\xA9" "cd\xE2\x82",
        "ab\xE2\x82\xAC\xE2\x82" "x", std::string("a\0b\xC3", 4), "\xC3\xA9\xC3\xA9\xC3\xA9\xC3", "abc\x80" "def",
        std::string("\xEF\xBB\xBF") + "x\xF0\x9F\x98\x80y\xF0\x9F\x98",
    };
    for (const std::string& text : texts) {
        const CheckedText whole = checkRawText(text, ProblemCode::EmptyInput);
        for (std::size_t bytes = 1; bytes <= text.size() + 1; ++bytes) {
            RawTextScan scan(text, ProblemCode::EmptyInput);
            std::size_t steps = 0;
            while (scan.step(bytes)) ASSERT_LT(++steps, text.size() + 2);
            const CheckedText& cut = scan.result();
            EXPECT_EQ(whole.text, cut.text);
            ASSERT_EQ(whole.fault.has_value(), cut.fault.has_value()) << "bytes " << bytes;
            if (!whole.fault) continue;
            EXPECT_EQ(whole.fault->problem.code, cut.fault->problem.code) << "bytes " << bytes;
            EXPECT_EQ(whole.fault->offset, cut.fault->offset) << "bytes " << bytes;
        }
    }
}

// --------------------------------------------------------------------------- big inputs, many slices

TEST(DatasetLoadJob, BigSyntheticJsonAndCsvTakeManySmallSteps) {
    SynthOptions options;
    options.projects = 100;
    options.organisations = 1900;
    const std::string json = syntheticDatasetJson(options);
    const std::string csv = syntheticDatasetCsv(options);
    for (const auto& [text, format] : {std::pair(&json, DatasetFormat::Json), std::pair(&csv, DatasetFormat::Csv)}) {
        const LoadResult once = format == DatasetFormat::Json ? loadDataset(*text) : loadCsvDataset(*text);
        ASSERT_TRUE(once.dataset.has_value()) << problemLines(once.problems).front();
        const Loaded small = runJob(*text, format, 4096);
        // About one step per 4096 bytes read, in each pass over the text, and never one step for all.
        EXPECT_GT(small.steps, text->size() / 4096) << text->size() << " bytes";
        expectSameOutcome(once, small.result, format == DatasetFormat::Json ? "json" : "csv");
        EXPECT_LE(runJob(*text, format, DatasetLoadJob::kUnlimited).steps, 8U);
    }
}

TEST(DatasetLoadJob, ATakenResultIsNotGivenTwice) {
    DatasetLoadJob job(readSourceFile("tests/fixtures/valid_minimal.json"), DatasetFormat::Json);
    EXPECT_FALSE(job.take().dataset.has_value()) << "nothing before the end";
    while (job.step(64)) {
    }
    EXPECT_TRUE(job.take().dataset.has_value());
    EXPECT_FALSE(job.take().dataset.has_value());
}

} // namespace
} // namespace explorer
