// Dates at the precision of their source, and how a source is cited.
#include "core/data_export.hpp"
#include "core/dataset_loader.hpp"
#include "core/filters.hpp"
#include "core/dates.hpp"

#include "support/source_files.hpp"

#include <gtest/gtest.h>

#include <string>

namespace explorer {
namespace {

TEST(PartialDate, ReadsDayMonthYearAndApproximateDates) {
    const auto day = parsePartialDate("2024-05-21");
    ASSERT_TRUE(day);
    EXPECT_EQ(day->precision(), DatePrecision::Day);
    EXPECT_FALSE(day->approximate);
    EXPECT_EQ(parsePartialDate("2024-06")->precision(), DatePrecision::Month);
    EXPECT_EQ(parsePartialDate("2024")->precision(), DatePrecision::Year);
    const auto estimate = parsePartialDate("2023~");
    ASSERT_TRUE(estimate);
    EXPECT_TRUE(estimate->approximate);
    EXPECT_EQ(estimate->year, 2023);
    EXPECT_TRUE(parsePartialDate("2024-02-29")) << "a leap day";
}

TEST(PartialDate, RefusesWhatIsNotADate) {
    for (const char* text : {"", "~", "2024~~", "~2024", "2024-13", "2024-00", "2023-02-29", "2024-6", "24", "2024/05",
                             "2024-05-21T10:00", "mid-2023", "2024 ", "2024-02-30~"}) {
        EXPECT_FALSE(parsePartialDate(text)) << text;
    }
}

TEST(PartialDate, PrintsThePrecisionItHasInBothLanguages) {
    EXPECT_EQ(formatDate("2024-05-21", Lang::Fr), "21 mai 2024");
    EXPECT_EQ(formatDate("2024-05-21", Lang::En), "21 May 2024");
    EXPECT_EQ(formatDate("2024-05-01", Lang::Fr), "1er mai 2024");
    EXPECT_EQ(formatDate("2024-06", Lang::Fr), "juin 2024");
    EXPECT_EQ(formatDate("2024-06", Lang::En), "June 2024");
    EXPECT_EQ(formatDate("2024", Lang::En), "2024");
    EXPECT_EQ(formatDate("2024~", Lang::Fr), "vers 2024") << "an estimate is never shown as exact";
    EXPECT_EQ(formatDate("2024~", Lang::En), "about 2024");
    EXPECT_EQ(formatDate("2025-11~", Lang::En), "around November 2025");
    EXPECT_EQ(formatDate("not a date", Lang::En), "not a date") << "shown as written";
}

TEST(Citation, QuotesARealTitleAndBracketsADescribedOne) {
    Source source{"s", "Silicon.fr", "Qui pour créer…", "2024-06", "https://example.org/", "article"};
    EXPECT_EQ(citeSource(source, Lang::Fr), "Silicon.fr, «\u00A0Qui pour créer…\u00A0», juin 2024");
    EXPECT_EQ(citeSource(source, Lang::En), "Silicon.fr, \u201CQui pour créer…\u201D, June 2024");
    source.title = "project page";
    source.titleIsDescription = true;
    source.date = "2024~";
    EXPECT_EQ(citeSource(source, Lang::En), "Silicon.fr, [project page], about 2024");
}

TEST(Citation, AnApproximateDateAndADescribedTitleLoadAndExportBack) {
    const LoadResult loaded = loadDataset(test::readSourceFile("tests/fixtures/valid_approximate_date.json"));
    ASSERT_TRUE(loaded.dataset) << (loaded.problems.empty() ? "" : loaded.problems.front().pointer);
    EXPECT_EQ(loaded.dataset->sources[0].date, "2024~");
    EXPECT_TRUE(loaded.dataset->sources[0].titleIsDescription);
    VisibleSet all;
    all.entity.assign(loaded.dataset->entities.size(), true);
    all.relation.assign(loaded.dataset->relations.size(), true);
    const LoadResult again = loadDataset(visibleDatasetJson(*loaded.dataset, all));
    ASSERT_TRUE(again.dataset);
    EXPECT_EQ(again.dataset->sources[0].date, "2024~");
    EXPECT_TRUE(again.dataset->sources[0].titleIsDescription) << "the export keeps what the title is";
}

// Every date in the shipped dataset follows the grammar (the loader refuses the file otherwise).
TEST(PartialDate, EveryDateOfTheShippedDatasetIsReadable) {
    const LoadResult loaded = loadDataset(test::readSourceFile("data/laureates.json"));
    ASSERT_TRUE(loaded.dataset);
    for (const Source& source : loaded.dataset->sources) EXPECT_TRUE(parsePartialDate(source.date)) << source.id;
}

} // namespace
} // namespace explorer
