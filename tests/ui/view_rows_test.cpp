// The matrix's and the tables' rows are built once per dataset, filters and language, sorted once
// per sort, and matched once per search: a frame that changes nothing costs no pass over the rows
// (issue 12: at 100k rows a rebuild every frame took 83 to 94 ms).
#include "core/filters.hpp"
#include "ui/explorer_app.hpp"
#include "ui/fonts.hpp"

#include "support/headless_imgui.hpp"
#include "support/source_files.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <string>

namespace {

using namespace explorer;
using namespace explorer::ui;

class ViewRowsTest : public test::HeadlessImGui {
protected:
    void SetUp() override {
        HeadlessImGui::SetUp();
        app.setFonts(fonts);
        ASSERT_TRUE(app.loadDataset(test::readSourceFile("data/laureates.json")).empty());
    }
    void frames(int count) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1200.0f, 800.0f);
        io.DeltaTime = 1.0f / 60.0f;
        for (int i = 0; i < count; ++i) {
            ImGui::NewFrame();
            app.drawFrame();
            ImGui::Render();
        }
    }
    void show(View view) { app.dispatch(intent::ShowView{view}); }
    ExplorerApp app;
};

TEST_F(ViewRowsTest, TheMatrixBuildsAndSortsItsRowsOnceForManyFrames) {
    show(View::Matrix);
    frames(30);
    const ParticipantRowsCache& matrix = app.viewRows().matrix;
    EXPECT_EQ(matrix.builds, 1u);
    EXPECT_EQ(matrix.sorts, 1u);
    EXPECT_FALSE(matrix.rows().empty());
    // A selection, a pan of the camera: nothing the rows depend on.
    app.dispatch(intent::Select{"org:inria"});
    frames(5);
    EXPECT_EQ(matrix.builds, 1u);
    EXPECT_EQ(matrix.sorts, 1u);
    // A sort sorts again; a filter builds again; a language builds again.
    app.dispatch(intent::SetSort{TableSort{SortColumn::Projects, true}});
    frames(3);
    EXPECT_EQ(matrix.builds, 1u);
    EXPECT_EQ(matrix.sorts, 2u);
    Filters multi;
    multi.multiProjectOnly = true;
    app.dispatch(intent::SetFilters{multi});
    frames(3);
    EXPECT_EQ(matrix.builds, 2u);
    std::string names;
    for (const ParticipantRow& row : matrix.rows()) names += app.dataset().entities[row.entity].id + " ";
    EXPECT_NE(names.find("org:cnrs "), std::string::npos) << names;
    EXPECT_NE(names.find("org:inria "), std::string::npos) << names;
    EXPECT_EQ(names.find("org:linagora "), std::string::npos) << names << "a member of one project only";
    app.dispatch(intent::SetLang{Lang::Fr});
    frames(3);
    EXPECT_EQ(matrix.builds, 3u);
}

TEST_F(ViewRowsTest, TypingInTheSearchMatchesRowsWithoutRebuildingOrSorting) {
    show(View::Table);
    frames(10);
    const ParticipantRowsCache& participants = app.viewRows().participants;
    ASSERT_EQ(participants.builds, 1u);
    ASSERT_EQ(participants.sorts, 1u);
    const std::size_t all = participants.rows().size();
    for (const char* typed : {"i", "in", "inr", "inri", "inria"}) {
        app.dispatch(intent::SetSearch{typed});
        frames(2);
    }
    EXPECT_EQ(participants.builds, 1u);
    EXPECT_EQ(participants.sorts, 1u);
    ASSERT_EQ(participants.rows().size(), 1u);
    EXPECT_EQ(app.dataset().entities[participants.rows().front().entity].id, "org:inria");
    // The matching rows keep the sort: by name, then by projects, descending.
    app.dispatch(intent::SetSearch{"a"});
    app.dispatch(intent::SetSort{TableSort{SortColumn::Projects, true}});
    frames(2);
    EXPECT_EQ(participants.sorts, 2u);
    const auto& rows = participants.rows();
    ASSERT_GT(rows.size(), 2u);
    for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_GE(rows[i - 1].projects.size(), rows[i].projects.size());
    app.dispatch(intent::SetSearch{""});
    frames(2);
    EXPECT_EQ(participants.rows().size(), all);
    EXPECT_EQ(participants.builds, 1u);
}

TEST_F(ViewRowsTest, AnotherDatasetStartsAfresh) {
    show(View::Matrix);
    frames(3);
    ASSERT_EQ(app.viewRows().matrix.builds, 1u);
    ASSERT_TRUE(app.loadDataset(test::readSourceFile("data/laureates.json")).empty());
    EXPECT_EQ(app.viewRows().matrix.builds, 0u);
    frames(3);
    EXPECT_EQ(app.viewRows().matrix.builds, 1u);
}

} // namespace
