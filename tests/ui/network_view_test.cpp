// The network view, driven headless like a reader would drive it: frames at phone, tablet and
// desktop widths, the pointer moved, pressed and released across frames, the wheel turned, two
// fingers pinched. Runs on the shipped dataset and on small hand-built ones.
#include "core/dataset_loader.hpp"
#include "core/filters.hpp"
#include "core/synthetic_dataset.hpp"
#include "core/view_state_codec.hpp"
#include "core/vocabulary.hpp"
#include "ui/fonts.hpp"
#include "ui/network_scene.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"

#include "support/headless_imgui.hpp"
#include "support/hand_built.hpp"
#include "support/source_files.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>

namespace {

using namespace explorer;
using namespace explorer::ui;

Dataset shippedDataset() { return test::loadShippedDataset(); }

using test::ecosystem;
using test::handBuilt;
using test::RelationSpec;

bool finiteRect(const ScreenRect& r) {
    return std::isfinite(r.x) && std::isfinite(r.y) && std::isfinite(r.width) && std::isfinite(r.height);
}

ImVec2 centreOf(const ScreenRect& r) { return ImVec2(r.x + r.width * 0.5f, r.y + r.height * 0.5f); }

bool inside(const ScreenRect& inner, const ScreenRect& outer, float slack = 0.5f) {
    return inner.x >= outer.x - slack && inner.y >= outer.y - slack
           && inner.x + inner.width <= outer.x + outer.width + slack
           && inner.y + inner.height <= outer.y + outer.height + slack;
}

bool contains(const ScreenRect& r, ImVec2 p) {
    return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
}

class NetworkView : public test::HeadlessImGui {
protected:
    void use(Dataset d) {
        dataset = std::move(d);
        scene.reset();
        refilter();
    }
    void refilter() { visible = applyFilters(dataset, state.filters); }

    // One frame of the app: a root window covering the display, an optional line of text above
    // the view (the app's top bar), the view filling the rest.
    void frame(NetworkScene& target) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = size;
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        located.clear();
        hovered = -1;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(size);
        ImGui::Begin("##root", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        ImGui::TextUnformatted("Top bar");
        Intents intents(state, &dataset);
        UiContext ui{fonts, palette(false), state.lang, visible, located, gestures, hovered, intents};
        drawNetworkView(dataset, target, state, ui);
        ImGui::End();
        ImGui::Render();
        gestures = GestureInput{};
    }
    void frame() { frame(scene); }
    void frames(int count) {
        for (int i = 0; i < count; ++i) frame();
    }
    // Runs frames until the scene is still; returns how many it took (or `limit` + 1).
    int framesUntilStill(int limit) {
        for (int i = 1; i <= limit; ++i) {
            frame();
            if (!scene.animating()) return i;
        }
        return limit + 1;
    }

    void moveTo(ImVec2 p) {
        ImGui::GetIO().AddMousePosEvent(p.x, p.y);
        frame();
    }
    void press() {
        ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        frame();
    }
    void release() {
        ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        frame();
    }
    void click(ImVec2 p) {
        moveTo(p);
        press();
        release();
    }
    void wheel(ImVec2 p, float notches) {
        moveTo(p);
        ImGui::GetIO().AddMouseWheelEvent(0.0f, notches);
        frame();
    }

    const ScreenRect& canvas() const { return scene.lastFrame().canvas; }

    // A point of the graph area at least 2 em from every located node: the background.
    std::optional<ImVec2> backgroundPoint() const {
        const ScreenRect area = scene.lastFrame().graphArea;
        const float margin = ImGui::GetFontSize() * 2.0f;
        for (float y = area.y + margin; y < area.y + area.height - margin; y += 7.0f) {
            for (float x = area.x + margin; x < area.x + area.width - margin; x += 7.0f) {
                bool clear = true;
                for (const auto& [entity, r] : located) {
                    const ScreenRect grown{r.x - margin, r.y - margin, r.width + 2 * margin, r.height + 2 * margin};
                    if (contains(grown, ImVec2(x, y))) {
                        clear = false;
                        break;
                    }
                }
                if (clear) return ImVec2(x, y);
            }
        }
        return std::nullopt;
    }

    std::size_t indexOf(const std::string& id) const { return *dataset.findEntity(id); }

    Dataset dataset;
    ViewState state;
    VisibleSet visible;
    LocatedEntities located;
    GestureInput gestures;
    long long hovered = -1;
    ImVec2 size{1200.0f, 700.0f};
    NetworkScene scene;
};

// ---- Layout settling and the frame loop

TEST_F(NetworkView, ShippedDatasetIsStillFromTheFirstFrameAndStaysStill) {
    use(shippedDataset());
    frame();
    EXPECT_FALSE(scene.animating()) << "the first picture must already be the settled one";
    const LocatedEntities first = located;
    // Hovering nodes and moving around must not restart anything.
    for (const auto& [entity, rect] : first) {
        moveTo(centreOf(rect));
        EXPECT_FALSE(scene.animating());
    }
    moveTo(ImVec2(5, 5));
    for (const auto& [entity, rect] : first) {
        ASSERT_TRUE(located.count(entity));
        EXPECT_FLOAT_EQ(located.at(entity).x, rect.x) << "nodes moved although the layout had settled";
        EXPECT_FLOAT_EQ(located.at(entity).y, rect.y);
    }
}

TEST_F(NetworkView, LargeDatasetSettlesWithinBoundedFramesThenStaysStillAndCullsOffScreenNodes) {
    use(ecosystem(30, 20)); // 630 nodes: more than one frame's budget of layout work in a debug build
    // Every frame does at least one layout iteration; 300 settle a layout; then nodes glide home.
    EXPECT_LE(framesUntilStill(420), 420);
    for (int i = 0; i < 30; ++i) {
        frame();
        EXPECT_FALSE(scene.animating()) << "frame " << i << " after settling";
    }
    EXPECT_EQ(located.size(), dataset.entities.size());
    EXPECT_LE(scene.lastFrame().labelsDrawn, 300u);

    state.cameraSet = true;
    state.camera = Camera{20.0f, 0.0f, 0.0f};
    frame();
    EXPECT_LT(scene.lastFrame().nodesDrawn, dataset.entities.size() / 4) << "nodes off screen are culled";
    EXPECT_LT(located.size(), dataset.entities.size() / 4);
    for (const auto& [entity, rect] : located) EXPECT_TRUE(inside(rect, canvas()));
    EXPECT_FALSE(scene.animating()) << "moving the camera does not move the layout";
}

TEST_F(NetworkView, ResetForgetsTheOldDataset) {
    use(shippedDataset());
    frame();
    use(ecosystem(2, 3));
    frame();
    EXPECT_EQ(located.size(), 8u);
    EXPECT_EQ(scene.lastFrame().nodesDrawn, 8u);
}

// ---- Located nodes

TEST_F(NetworkView, EveryVisibleNodeIsLocatedInsideTheCanvasAtPhoneTabletAndDesktopWidths) {
    use(shippedDataset());
    for (const ImVec2 display : {ImVec2(320, 600), ImVec2(640, 560), ImVec2(1200, 700)}) {
        size = display;
        frames(2);
        EXPECT_FALSE(scene.animating());
        const ScreenRect view = canvas();
        EXPECT_LE(view.x + view.width, display.x + 0.5f);
        EXPECT_LE(view.y + view.height, display.y + 0.5f);
        EXPECT_EQ(located.size(), dataset.entities.size()) << "width " << display.x;
        for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
            ASSERT_TRUE(located.count(e)) << dataset.entities[e].id << " at width " << display.x;
            const ScreenRect& r = located.at(e);
            EXPECT_TRUE(finiteRect(r));
            EXPECT_GT(r.width, 1.0f);
            EXPECT_GT(r.height, 1.0f);
            EXPECT_TRUE(inside(r, view)) << dataset.entities[e].id << " at width " << display.x;
            EXPECT_TRUE(inside(r, scene.lastFrame().graphArea, 1.0f))
                << dataset.entities[e].id << " is under the toolbar or the legend at width " << display.x;
        }
    }
}

TEST_F(NetworkView, TwoScenesOnTheSameDataGiveTheSamePicture) {
    use(shippedDataset());
    frame();
    const LocatedEntities first = located;
    NetworkScene other;
    frame(other);
    ASSERT_EQ(located.size(), first.size());
    for (const auto& [entity, rect] : first) {
        const ScreenRect& again = located.at(entity);
        EXPECT_EQ(again.x, rect.x) << dataset.entities[entity].id;
        EXPECT_EQ(again.y, rect.y) << dataset.entities[entity].id;
        EXPECT_EQ(again.width, rect.width);
    }
}

TEST_F(NetworkView, NoNanEvenWithAHostileCameraOrDegenerateGraphs) {
    use(shippedDataset());
    state.cameraSet = true;
    state.camera = Camera{std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(), -1e30f};
    frames(2);
    for (const auto& [entity, rect] : located) EXPECT_TRUE(finiteRect(rect));
    EXPECT_TRUE(std::isfinite(scene.lastFrame().scale));

    state = ViewState{};
    use(handBuilt({"project:alone"}, {}));
    frame();
    ASSERT_EQ(located.size(), 1u);
    EXPECT_TRUE(finiteRect(located.at(0)));
    EXPECT_TRUE(inside(located.at(0), canvas()));
    EXPECT_FALSE(scene.animating());

    use(handBuilt({}, {}));
    frame();
    EXPECT_TRUE(located.empty());
    EXPECT_FALSE(scene.animating());

    // Isolated nodes, no relation at all.
    use(handBuilt({"org:a", "org:b", "model:c", "initiative:d"}, {}));
    EXPECT_LE(framesUntilStill(400), 400);
    EXPECT_EQ(located.size(), 4u);
    for (const auto& [entity, rect] : located) {
        EXPECT_TRUE(finiteRect(rect));
        EXPECT_TRUE(inside(rect, canvas()));
    }
}

// ---- Selecting

TEST_F(NetworkView, ClickingALocatedNodeSelectsIt) {
    use(shippedDataset());
    for (const ImVec2 display : {ImVec2(320, 600), ImVec2(1200, 700)}) {
        size = display;
        frames(2);
        for (const char* id : {"org:inria", "project:scribe", "org:cnrs"}) {
            const std::size_t entity = indexOf(id);
            ASSERT_TRUE(located.count(entity)) << id;
            const ImVec2 target = centreOf(located.at(entity));
            moveTo(target);
            EXPECT_EQ(hovered, static_cast<long long>(entity)) << id << " at width " << display.x;
            press();
            release();
            EXPECT_EQ(state.selection, id) << "at width " << display.x;
            EXPECT_FALSE(state.cameraSet) << "a click is not a pan";
        }
    }
}

TEST_F(NetworkView, HoveringANodeShowsItsNameInATooltip) {
    use(shippedDataset());
    frame();
    moveTo(centreOf(located.at(indexOf("org:inria"))));
    frame();
    bool tooltipShown = false;
    for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
        if (window->Active && (window->Flags & ImGuiWindowFlags_Tooltip)) tooltipShown = true;
    EXPECT_TRUE(tooltipShown);
    moveTo(ImVec2(2, 2)); // off the canvas: nothing hovered
    EXPECT_EQ(hovered, -1);
}

// The ring says "member of two or more projects": CNRS and Inria wear it; Mistral AI and GENCI,
// members of one project and only connected to OpenLLM-France, do not.
TEST_F(NetworkView, OnlyMembersOfSeveralProjectsWearTheRing) {
    use(shippedDataset());
    frame();
    std::vector<std::string> ringed;
    for (std::size_t e : scene.lastFrame().ringed) ringed.push_back(dataset.entities[e].id);
    std::sort(ringed.begin(), ringed.end());
    EXPECT_EQ(ringed, (std::vector<std::string>{"org:cnrs", "org:inria"}));
    EXPECT_TRUE(located.count(indexOf("org:mistral-ai"))) << "Mistral AI is drawn, without the ring";
    EXPECT_TRUE(located.count(indexOf("org:genci")));
}

TEST_F(NetworkView, ClickingTheBackgroundClearsTheSelection) {
    use(shippedDataset());
    state.selection = "org:inria";
    frame();
    const std::optional<ImVec2> background = backgroundPoint();
    ASSERT_TRUE(background);
    click(*background);
    EXPECT_TRUE(state.selection.empty());
}

TEST_F(NetworkView, SelectionFromTheUrlIsShownWithoutClicking) {
    use(shippedDataset());
    state.selection = "project:argimi";
    frame();
    EXPECT_EQ(state.selection, "project:argimi") << "drawing alone must not change the selection";
    EXPECT_TRUE(located.count(indexOf("project:argimi")));
}

// ---- Camera

TEST_F(NetworkView, DraggingTheBackgroundPansWithoutChangingTheSelection) {
    use(shippedDataset());
    state.selection = "org:inria";
    frame();
    const std::optional<ImVec2> start = backgroundPoint();
    ASSERT_TRUE(start);
    const std::size_t inria = indexOf("org:inria");
    const ScreenRect before = located.at(inria);
    moveTo(*start);
    press();
    for (float step = 1.0f; step <= 6.0f; step += 1.0f) moveTo(ImVec2(start->x + 10.0f * step, start->y + 5.0f * step));
    release();
    EXPECT_TRUE(state.cameraSet);
    EXPECT_EQ(state.selection, "org:inria") << "the end of a drag is not a click";
    ASSERT_TRUE(located.count(inria));
    // The graph followed the pointer: 60 px right, 30 px down.
    EXPECT_NEAR(located.at(inria).x - before.x, 60.0f, 1.0f);
    EXPECT_NEAR(located.at(inria).y - before.y, 30.0f, 1.0f);
}

// A picture with more edges on screen than a weak GPU fills in a frame: while the camera moves
// (a drag, the wheel) the frames draw the nodes only, and once it rests the edges come back and
// the view falls silent. The shipped data always draws its edges.
TEST_F(NetworkView, ABigPictureHoldsItsEdgesWhileTheCameraMovesAndShowsThemAtRest) {
    SynthOptions options;
    options.projects = 400;
    options.organisations = 11000;
    options.participationPercent = 230;
    Dataset big = syntheticDataset(options);
    // Laid out beforehand (explorer-data layout), as a big consortium is published: still at once.
    for (std::size_t e = 0; e < big.entities.size(); ++e)
        big.entities[e].position = std::array<float, 2>{static_cast<float>(e % 120) * 9.0f, static_cast<float>(e / 120) * 9.0f};
    ASSERT_GT(big.relations.size(), 50000u);
    use(std::move(big));
    const auto still = [&] {
        for (int i = 0; i < 30 && scene.animating(); ++i) frame();
        return !scene.animating();
    };
    frame();
    ASSERT_GT(scene.lastFrame().edgesDrawn, 50000u);
    ASSERT_TRUE(still()) << "the edges come back and the view stops asking for frames";
    EXPECT_FALSE(scene.lastFrame().edgesHeld);
    EXPECT_TRUE(scene.graphBatch().view.edgesShown);

    const ScreenRect area = scene.lastFrame().graphArea;
    const ImVec2 start(area.x + area.width * 0.5f, area.y + area.height * 0.5f);
    moveTo(start);
    press();
    for (float step = 1.0f; step <= 4.0f; step += 1.0f) {
        moveTo(ImVec2(start.x + 12.0f * step, start.y));
        EXPECT_TRUE(scene.lastFrame().edgesHeld) << "dragging, step " << step;
        EXPECT_FALSE(scene.graphBatch().view.edgesShown);
        EXPECT_TRUE(scene.animating());
    }
    frame(); // the pointer held still: still a drag
    EXPECT_TRUE(scene.lastFrame().edgesHeld);
    release();
    ASSERT_TRUE(still());
    EXPECT_TRUE(scene.graphBatch().view.edgesShown);

    wheel(start, 1.0f);
    EXPECT_TRUE(scene.lastFrame().edgesHeld) << "a wheel notch moves the camera";
    ASSERT_TRUE(still());
    EXPECT_TRUE(scene.graphBatch().view.edgesShown);

    use(shippedDataset());
    frame();
    wheel(start, 1.0f);
    EXPECT_FALSE(scene.lastFrame().edgesHeld) << "90 edges are always drawn";
}

// Seen whole, a big graph is not buried under its own discs: nodes keep half their layout size
// at least while that leaves the picture readable, and below that shrink until their ink covers
// half the graph's area, each still a dot of 1.25 px or more. The shipped data keeps the half.
TEST_F(NetworkView, ABigGraphSeenWholeIsNotBuriedUnderItsOwnNodes) {
    const auto inkShare = [&](float radiusScale) {
        const GraphBatch& batch = scene.graphBatch();
        float minX = FLT_MAX, minY = FLT_MAX, maxX = -FLT_MAX, maxY = -FLT_MAX, ink = 0.0f;
        for (const GraphNode& node : batch.nodes) {
            minX = std::min(minX, node.x - node.radius), maxX = std::max(maxX, node.x + node.radius);
            minY = std::min(minY, node.y - node.radius), maxY = std::max(maxY, node.y + node.radius);
            const float r = std::max(node.radius * radiusScale, 1.25f);
            ink += 3.14159265f * r * r;
        }
        const float scale = batch.view.scale;
        return ink / ((maxX - minX) * (maxY - minY) * scale * scale);
    };
    SynthOptions options;
    options.projects = 300;
    options.organisations = 11000;
    Dataset big = syntheticDataset(options);
    for (std::size_t e = 0; e < big.entities.size(); ++e)
        big.entities[e].position = std::array<float, 2>{static_cast<float>(e % 120) * 30.0f, static_cast<float>(e / 120) * 30.0f};
    use(std::move(big));
    frame();
    ASSERT_TRUE(scene.lastFrame().batched);
    const GraphView& view = scene.graphBatch().view;
    ASSERT_LT(view.scale, 0.5f) << "seen whole, the graph is drawn at less than half its size";
    ASSERT_GT(inkShare(0.5f), 0.6f) << "at half size the discs would cover most of the picture";
    EXPECT_LT(view.radiusScale, 0.5f);
    EXPECT_GE(view.radiusScale, view.scale);
    EXPECT_NEAR(inkShare(view.radiusScale), 0.5f, 0.05f);

    use(shippedDataset());
    frame();
    const GraphView& shipped = scene.graphBatch().view;
    EXPECT_EQ(shipped.radiusScale, std::max(shipped.scale, 0.5f));
    EXPECT_LT(inkShare(shipped.radiusScale), 0.5f);
}

TEST_F(NetworkView, WheelOverTheCanvasZoomsAroundThePointer) {
    use(shippedDataset());
    frame();
    const std::size_t scribe = indexOf("project:scribe");
    const ImVec2 pointer = centreOf(located.at(scribe));
    moveTo(pointer);
    EXPECT_TRUE(scene.wantsWheel());
    wheel(pointer, 2.0f);
    EXPECT_TRUE(state.cameraSet);
    EXPECT_GT(state.camera.zoom, 1.3f);
    // The node under the pointer stays under the pointer.
    ASSERT_TRUE(located.count(scribe));
    EXPECT_NEAR(centreOf(located.at(scribe)).x, pointer.x, 1.0f);
    EXPECT_NEAR(centreOf(located.at(scribe)).y, pointer.y, 1.0f);
    const float zoomedIn = state.camera.zoom;
    wheel(pointer, -4.0f);
    EXPECT_LT(state.camera.zoom, zoomedIn);
    for (int i = 0; i < 40; ++i) wheel(pointer, -5.0f);
    EXPECT_GE(state.camera.zoom, static_cast<float>(kZoomMin)) << "zoom stays within the URL codec's range";
    for (int i = 0; i < 60; ++i) wheel(pointer, 5.0f);
    EXPECT_LE(state.camera.zoom, static_cast<float>(kZoomMax));
}

TEST_F(NetworkView, WheelOutsideTheCanvasLeavesTheCameraAndThePageScrolls) {
    use(shippedDataset());
    frame();
    const ImVec2 topBar(8.0f, 6.0f); // the text line above the view
    ASSERT_LT(topBar.y, canvas().y);
    wheel(topBar, 2.0f);
    EXPECT_FALSE(state.cameraSet);
    EXPECT_FALSE(scene.wantsWheel());
}

TEST_F(NetworkView, ZoomButtonsZoomAndShowAllFitsAgain) {
    use(shippedDataset());
    frame();
    const LocatedEntities fitted = located;
    click(centreOf(scene.lastFrame().zoomIn));
    EXPECT_TRUE(state.cameraSet);
    EXPECT_NEAR(state.camera.zoom, 1.5f, 1e-4f);
    click(centreOf(scene.lastFrame().zoomOut));
    click(centreOf(scene.lastFrame().zoomOut));
    EXPECT_NEAR(state.camera.zoom, 1.0f / 1.5f, 1e-4f);
    click(centreOf(scene.lastFrame().fit));
    EXPECT_FALSE(state.cameraSet);
    EXPECT_EQ(state.camera, Camera{}) << "a fitted view writes the default camera, so the URL stays clean";
    frame();
    for (const auto& [entity, rect] : fitted) EXPECT_NEAR(located.at(entity).x, rect.x, 0.01f);
}

TEST_F(NetworkView, CameraFromTheUrlIsApplied) {
    use(shippedDataset());
    frame();
    const std::size_t inria = indexOf("org:inria");
    // Centre the view on Inria at zoom 3, as a shared link would.
    state.cameraSet = true;
    state.camera = Camera{1.0f, 0.0f, 0.0f};
    frame();
    const float scale = scene.lastFrame().scale;
    const ScreenRect area = scene.lastFrame().graphArea;
    const ImVec2 atOrigin(area.x + area.width * 0.5f, area.y + area.height * 0.5f);
    const ImVec2 inriaAt = centreOf(located.at(inria));
    state.camera = Camera{3.0f, (inriaAt.x - atOrigin.x) / scale, (inriaAt.y - atOrigin.y) / scale};
    frame();
    ASSERT_TRUE(located.count(inria));
    EXPECT_NEAR(centreOf(located.at(inria)).x, atOrigin.x, 1.0f);
    EXPECT_NEAR(centreOf(located.at(inria)).y, atOrigin.y, 1.0f);
    EXPECT_NEAR(scene.lastFrame().scale, scale * 3.0f, 1e-3f);
    EXPECT_LT(located.size(), dataset.entities.size()) << "zoomed in, nodes off screen are not located";
}

TEST_F(NetworkView, PinchZoomsAndTwoFingersPan) {
    use(shippedDataset());
    frame();
    const ScreenRect area = scene.lastFrame().graphArea;
    const ImVec2 middle(area.x + area.width * 0.5f, area.y + area.height * 0.5f);
    gestures.active = true;
    gestures.pinchScale = 2.0f;
    gestures.pinchCentre = middle;
    frame();
    EXPECT_TRUE(state.cameraSet);
    EXPECT_NEAR(state.camera.zoom, 2.0f, 1e-4f);
    const Camera zoomed = state.camera;
    gestures.active = true;
    gestures.pinchCentre = middle;
    gestures.twoFingerPan = ImVec2(40.0f, 0.0f);
    frame();
    EXPECT_LT(state.camera.x, zoomed.x) << "moving the fingers right shows what is on the left";
    EXPECT_EQ(state.camera.y, zoomed.y);
}

// ---- Filters

TEST_F(NetworkView, FilteredOutEntitiesAreNeitherDrawnNorLocated) {
    use(shippedDataset());
    frame();
    state.filters.axes = {"apis"}; // OpenLLM-France only
    refilter();
    const int taken = framesUntilStill(400);
    EXPECT_LE(taken, 400);
    std::size_t visibleCount = 0;
    for (std::size_t e = 0; e < dataset.entities.size(); ++e) {
        if (visible.entity[e]) {
            ++visibleCount;
            EXPECT_TRUE(located.count(e)) << dataset.entities[e].id;
        } else {
            EXPECT_FALSE(located.count(e)) << dataset.entities[e].id << " is filtered out but located";
        }
    }
    ASSERT_GT(visibleCount, 1u);
    ASSERT_LT(visibleCount, dataset.entities.size());
    EXPECT_EQ(scene.lastFrame().nodesDrawn, visibleCount);
    EXPECT_FALSE(located.count(indexOf("project:scribe")));
    EXPECT_TRUE(located.count(indexOf("project:openllm-france")));
    for (const auto& [entity, rect] : located) EXPECT_TRUE(inside(rect, canvas()));

    // Back to everything: all nodes return, and the picture is the first one again.
    state.filters = Filters{};
    refilter();
    EXPECT_LE(framesUntilStill(400), 400);
    EXPECT_EQ(located.size(), dataset.entities.size());
}

TEST_F(NetworkView, AFilteredLayoutDependsOnlyOnTheFiltersNotOnTheWayThere) {
    // A shared link with filters must show its reader the picture its author saw.
    use(shippedDataset());
    frame();
    state.filters.axes = {"evaluation"};
    refilter();
    framesUntilStill(400);
    state.filters.axes = {"models"};
    refilter();
    framesUntilStill(400);
    const LocatedEntities viaAnotherFilter = located;

    NetworkScene fresh;
    for (int i = 0; i < 400 && (i == 0 || fresh.animating()); ++i) frame(fresh);
    ASSERT_EQ(located.size(), viaAnotherFilter.size());
    for (const auto& [entity, rect] : viaAnotherFilter) {
        EXPECT_NEAR(located.at(entity).x, rect.x, 0.01f) << dataset.entities[entity].id;
        EXPECT_NEAR(located.at(entity).y, rect.y, 0.01f) << dataset.entities[entity].id;
    }
}

// The view draws the core's layout (core/network_layout.hpp): once still, its places are the
// settled layout of the dataset and the visible set, bit for bit, as the SVG export draws them.
TEST_F(NetworkView, TheSceneSettlesOnTheCoresLayout) {
    use(shippedDataset());
    frame();
    state.filters.axes = {"apis"};
    refilter();
    frame();
    ASSERT_TRUE(scene.animating()) << "nodes glide to their new places";
    const std::vector<NetworkScene::PlacedNode> placed = scene.placedNodes(); // already the settled places
    EXPECT_LE(framesUntilStill(400), 400);
    const NetworkLayout core = settledNetworkLayout(dataset, visible);
    ASSERT_EQ(scene.layout().nodes().size(), core.nodes().size());
    ASSERT_EQ(placed.size(), core.nodes().size());
    for (std::size_t n = 0; n < core.nodes().size(); ++n) {
        EXPECT_EQ(scene.layout().nodes()[n].at, core.nodes()[n].at) << dataset.entities[core.nodes()[n].entity].id;
        EXPECT_EQ(placed[n].entity, core.nodes()[n].entity);
        EXPECT_EQ(placed[n].x, core.nodes()[n].at.x);
        EXPECT_EQ(placed[n].y, core.nodes()[n].at.y);
        EXPECT_EQ(placed[n].radius, core.nodes()[n].radius);
    }
}

// ---- Overlays

TEST_F(NetworkView, LegendIsDockedOnWideCanvasesAndOpensOnDemandOnPhones) {
    use(shippedDataset());
    frame();
    const ScreenRect wideLegend = scene.lastFrame().legend;
    EXPECT_GT(wideLegend.width, 0.0f) << "open by default on a wide canvas";
    for (const auto& [entity, rect] : located)
        EXPECT_FALSE(rect.x < wideLegend.x + wideLegend.width && wideLegend.x < rect.x + rect.width
                     && rect.y < wideLegend.y + wideLegend.height && wideLegend.y < rect.y + rect.height)
            << dataset.entities[entity].id << " is under the docked legend";

    size = ImVec2(320, 600);
    frame();
    EXPECT_EQ(scene.lastFrame().legend.width, 0.0f) << "closed by default on a phone";
    click(centreOf(scene.lastFrame().legendToggle));
    EXPECT_GT(scene.lastFrame().legend.width, 0.0f);
    EXPECT_TRUE(inside(scene.lastFrame().legend, canvas()));
    // Nodes hidden under the open legend cannot be clicked, so they are not located there.
    const ScreenRect legend = scene.lastFrame().legend;
    for (const auto& [entity, rect] : located) EXPECT_FALSE(contains(legend, centreOf(rect)));
    click(centreOf(scene.lastFrame().legendToggle));
    EXPECT_EQ(scene.lastFrame().legend.width, 0.0f);
}

TEST_F(NetworkView, ToolbarFitsOnAPhone) {
    use(shippedDataset());
    size = ImVec2(320, 600);
    frame();
    const NetworkFrameInfo& info = scene.lastFrame();
    for (const ScreenRect& button : {info.zoomIn, info.zoomOut, info.fit, info.legendToggle}) {
        EXPECT_GT(button.width, 0.0f);
        EXPECT_TRUE(inside(button, info.canvas));
    }
    // Left to right without overlap: legend, zoom out, zoom in, show all.
    EXPECT_LE(info.legendToggle.x + info.legendToggle.width, info.zoomOut.x);
    EXPECT_LE(info.zoomOut.x + info.zoomOut.width, info.zoomIn.x);
    EXPECT_LE(info.zoomIn.x + info.zoomIn.width, info.fit.x);
}

// ---- Labels and big graphs

TEST_F(NetworkView, ProjectsAndSharedOrganisationsAreAlwaysLabelledAndLabelsDoNotPileUp) {
    use(shippedDataset());
    std::vector<std::size_t> mustHaveName = organisationsInSeveralProjects(dataset);
    for (std::size_t e = 0; e < dataset.entities.size(); ++e)
        if (dataset.entities[e].kind == EntityKind::Project) mustHaveName.push_back(e);
    ASSERT_GE(mustHaveName.size(), 9u); // 7 projects, CNRS, Inria…
    for (const ImVec2 display : {ImVec2(320, 600), ImVec2(640, 560), ImVec2(1200, 700)}) {
        size = display;
        frame();
        const auto& labels = scene.lastFrame().labels;
        for (std::size_t entity : mustHaveName) {
            const bool named =
                std::any_of(labels.begin(), labels.end(), [&](const auto& l) { return l.first == entity; });
            EXPECT_TRUE(named) << dataset.entities[entity].id << " has no label at width " << display.x;
        }
        for (const auto& [entity, box] : labels) {
            EXPECT_TRUE(inside(box, canvas())) << dataset.entities[entity].id << " label cut at width " << display.x;
            for (const ScreenRect& button : {scene.lastFrame().fit, scene.lastFrame().zoomIn}) {
                const bool covers = box.x < button.x + button.width && button.x < box.x + box.width
                                    && box.y < button.y + button.height && button.y < box.y + box.height;
                EXPECT_FALSE(covers) << dataset.entities[entity].id << " label under a button";
            }
        }
        if (display.x < 640) continue; // a phone may have to squeeze the names that must show
        for (std::size_t i = 0; i < labels.size(); ++i) {
            for (std::size_t j = i + 1; j < labels.size(); ++j) {
                const ScreenRect& a = labels[i].second;
                const ScreenRect& b = labels[j].second;
                const bool overlap =
                    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
                EXPECT_FALSE(overlap) << dataset.entities[labels[i].first].id << " and "
                                      << dataset.entities[labels[j].first].id << " at width " << display.x;
            }
        }
    }
    size = ImVec2(1200, 700);
    frame();
    EXPECT_GE(scene.lastFrame().labels.size(), dataset.entities.size() * 3 / 4)
        << "most names fit at the default zoom on a desktop";
}

} // namespace
