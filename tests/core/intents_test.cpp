// The one writer of ViewState (core/intents.hpp): what each intent changes, and what it means for
// the page's history, the visible set and the reveal.
#include "core/dataset_loader.hpp"
#include "core/intents.hpp"

#include "support/source_files.hpp"

#include <gtest/gtest.h>

#include <string>

namespace explorer {
namespace {

Dataset shipped() {
    LoadResult result = loadDataset(test::readSourceFile("data/laureates.json"));
    EXPECT_TRUE(result.dataset.has_value());
    return result.dataset ? std::move(*result.dataset) : Dataset{};
}

TEST(Intents, StepsPushStreamsReplaceAndLinksAddNothing) {
    const Dataset dataset = shipped();
    ViewState state;
    Effects e = applyIntent(state, intent::Select{"org:inria"}, &dataset);
    EXPECT_EQ(e.history, HistoryStep::Push);
    EXPECT_TRUE(e.selectionChanged);
    EXPECT_FALSE(e.filtersChanged);
    e = applyIntent(state, intent::MoveCamera{Camera{2.0f, 10.0f, -5.0f}}, &dataset);
    EXPECT_EQ(e.history, HistoryStep::Replace) << "panning and zooming replace the entry";
    EXPECT_TRUE(state.cameraSet);
    e = applyIntent(state, intent::SetSearch{"inria"}, &dataset);
    EXPECT_EQ(e.history, HistoryStep::Replace) << "typing replaces the entry";
    Filters filters;
    filters.multiProjectOnly = true;
    e = applyIntent(state, intent::SetFilters{filters}, &dataset);
    EXPECT_EQ(e.history, HistoryStep::Push);
    EXPECT_TRUE(e.filtersChanged);
    ViewState link = state;
    link.view = View::Matrix;
    e = applyIntent(state, intent::ReplaceState{link, true}, &dataset);
    EXPECT_EQ(e.history, HistoryStep::None) << "opening a link is not a step";
    EXPECT_TRUE(e.viewChanged);
    link.camera.zoom = 3.0f;
    e = applyIntent(state, intent::ReplaceState{link, false}, &dataset);
    EXPECT_EQ(e.history, HistoryStep::Replace) << "a host moving only the camera replaces";
    link.sort = TableSort{SortColumn::Projects, true};
    e = applyIntent(state, intent::ReplaceState{link, false}, &dataset);
    EXPECT_EQ(e.history, HistoryStep::Push);
}

TEST(Intents, NothingChangesNothingHappens) {
    const Dataset dataset = shipped();
    ViewState state;
    state.selection = "org:inria";
    const Effects e = applyIntent(state, intent::Select{"org:inria"}, &dataset);
    EXPECT_FALSE(e.changed);
    EXPECT_EQ(e.history, HistoryStep::None);
}

TEST(Intents, AnUnknownIdIsNotSelected) {
    const Dataset dataset = shipped();
    ViewState state;
    state.selection = "org:cnrs";
    EXPECT_FALSE(applyIntent(state, intent::Select{"org:nobody"}, &dataset).changed);
    EXPECT_EQ(state.selection, "org:cnrs");
    EXPECT_TRUE(applyIntent(state, intent::Select{}, &dataset).changed) << "an empty id clears";
    EXPECT_EQ(state.selection, "");
}

TEST(Intents, TheSearchIsCutAtTwoHundredCharactersOnACharacterBoundary) {
    ViewState state;
    std::string text;
    for (int i = 0; i < 300; ++i) text += "é";
    applyIntent(state, intent::SetSearch{text}, nullptr);
    EXPECT_EQ(state.search.size(), 400U) << "200 characters of two bytes each";
}

TEST(Intents, FitCameraGoesBackToFit) {
    ViewState state;
    applyIntent(state, intent::MoveCamera{Camera{2.0f, 1.0f, 1.0f}}, nullptr);
    const Effects e = applyIntent(state, intent::FitCamera{}, nullptr);
    EXPECT_FALSE(state.cameraSet);
    EXPECT_EQ(state.camera, Camera{});
    EXPECT_EQ(e.history, HistoryStep::Replace);
}

TEST(Intents, ANewDatasetDropsWhatItLacksWithNotices) {
    const Dataset dataset = shipped();
    ViewState state;
    state.selection = "org:elsewhere";
    state.filters.axes = {"axis-of-the-old-dataset"};
    state.filters.types = {"company"};
    state.cameraSet = true;
    state.camera.zoom = 4.0f;
    std::vector<HashNotice> notices;
    const Effects e = applyDatasetChange(state, dataset, "0badc0de", notices);
    EXPECT_EQ(state.selection, "");
    EXPECT_TRUE(state.filters.axes.empty()) << "an axis the dataset lacks would hide every project";
    EXPECT_EQ(state.filters.types, std::vector<std::string>{"company"}) << "what it has stays";
    EXPECT_FALSE(state.cameraSet);
    EXPECT_EQ(state.dataset, "0badc0de");
    EXPECT_EQ(notices.size(), 2U);
    EXPECT_TRUE(e.filtersChanged);
    EXPECT_EQ(e.history, HistoryStep::Push);
}

TEST(Intents, EffectsCombineToTheStrongest) {
    Effects a;
    a.history = HistoryStep::Replace;
    Effects b;
    b.history = HistoryStep::Push;
    b.filtersChanged = true;
    a |= b;
    EXPECT_EQ(a.history, HistoryStep::Push);
    EXPECT_TRUE(a.filtersChanged);
}

} // namespace
} // namespace explorer
