// The one CSV writer of the explorer (data_export.hpp): the widget's downloads and the command
// line's `links --csv` both write their fields with it, so both guard spreadsheet formulas.
#include "core/csv_import.hpp"
#include "core/data_export.hpp"
#include "core/filters.hpp"

#include <gtest/gtest.h>

#include <string>

namespace explorer {
namespace {

TEST(CsvWriter, GuardsEveryFieldASpreadsheetWouldRunAsAFormula) {
    EXPECT_EQ(csvField("=1+2"), "'=1+2");
    EXPECT_EQ(csvField("+33 1 23"), "'+33 1 23");
    EXPECT_EQ(csvField("-1 Minus"), "'-1 Minus");
    EXPECT_EQ(csvField("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csvField("\tx"), "'\tx");
    EXPECT_EQ(csvField("\rx"), "\"'\rx\"");
    EXPECT_EQ(csvField("=HYPERLINK(\"https://evil.example\",\"x\")"), "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\"");
    EXPECT_EQ(csvField("org:inria"), "org:inria");
    EXPECT_EQ(csvField("Acme, \"Le Labo\""), "\"Acme, \"\"Le Labo\"\"\"");
    EXPECT_EQ(csvField(""), "");
}

TEST(CsvWriter, ARowIsItsFieldsSeparatedByCommas) {
    std::string row;
    appendCsvRow(row, {"a", "=b", "c,d", ""});
    EXPECT_EQ(row, "a,'=b,\"c,d\",\n");
}

TEST(CsvWriter, TheWidgetsRelationsDownloadWritesTheSameFields) {
    const LoadResult loaded = loadCsvDataset("source,target,role\n\"=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",+Cmd Corp,lead\n");
    ASSERT_TRUE(loaded.dataset.has_value());
    const Dataset& dataset = *loaded.dataset;
    const std::string csv = relationsCsv(dataset, applyFilters(dataset, Filters{}), Lang::En);
    const Relation& relation = dataset.relations.at(0);
    std::string fields;
    appendCsvRow(fields, {dataset.entities[relation.source].id, dataset.entities[relation.source].name,
                          dataset.entities[relation.target].id, dataset.entities[relation.target].name});
    fields.pop_back(); // the line goes on with the role
    EXPECT_NE(csv.find("\n" + fields + ","), std::string::npos) << csv;
}

} // namespace
} // namespace explorer
