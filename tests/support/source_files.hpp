// Reading the repository's own files from tests: fixtures and the shipped dataset.
// EXPLORER_SOURCE_DIR is the repository root (tests/CMakeLists.txt).
#pragma once

#include "core/dataset_loader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace explorer::test {

// The bytes of a file given by its path from the repository root; fails the calling test (and
// returns "") when the file cannot be read.
inline std::string readSourceFile(const std::string& relativePath) {
    std::ifstream file(std::string(EXPLORER_SOURCE_DIR) + "/" + relativePath, std::ios::binary);
    EXPECT_TRUE(file.good()) << "cannot open " << relativePath;
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// data/laureates.json, loaded; fails the calling test when it does not load.
inline Dataset loadShippedDataset() {
    LoadResult result = loadDataset(readSourceFile("data/laureates.json"));
    EXPECT_TRUE(result.problems.empty()) << "the shipped dataset does not load";
    return result.dataset ? std::move(*result.dataset) : Dataset{};
}

// A fixture whose tests share data/laureates.json, loaded once per suite: data() is the dataset.
// A test of a suite built on it fails at once when the file does not load.
class ShippedDatasetTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { shipped() = loadShippedDataset(); }
    static void TearDownTestSuite() { shipped() = Dataset{}; }
    void SetUp() override {
        if (shipped().entities.empty()) GTEST_FAIL() << "data/laureates.json did not load";
    }
    static const Dataset& data() { return shipped(); }

private:
    static Dataset& shipped() {
        static Dataset dataset;
        return dataset;
    }
};

} // namespace explorer::test
