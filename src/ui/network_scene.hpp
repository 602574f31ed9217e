// The network view's state that lives across frames: the network's layout (core/network_layout.hpp)
// advanced a frame at a time, where nodes are drawn while they glide, and the interaction state.
// Owned by ExplorerApp; only the network view (drawNetworkView, views.hpp) reads or changes it;
// network_view.cpp implements it.
//
// Layout. What the network shows, how and where is the core's policy (NetworkLayout: the whole
// dataset laid out once with a fixed seed, a filtered view relaxed from the whole dataset's
// positions, depending only on the dataset and the visible set), so the SVG export and the
// command line draw the same places. Nodes glide from where they were drawn to their new places.
//
// Frames. Small datasets (the shipped one takes a few ms) are laid out to the end in the first
// frame, so the first picture is already still; a large one gets up to ~50 ms in its first frame.
// Later work (a filtered layout, a large dataset) runs for at most ~4 ms per frame. When
// everything is still, animating() turns false and stays false until the visible set changes or
// reset() is called.
//
// Reduced motion (UiContext::reducedMotion). Nothing glides: the frame that shows a new graph
// (first picture, filters, another dataset) lays it out to the end within a cap of a few hundred
// ms and draws it settled; nodes snap to new places. A layout that outlasts the cap (a huge
// dataset) goes on over the next frames behind a progress bar and is drawn once settled.
//
// Camera (ViewState::camera). Layout units are drawn as pixels at fit scale × zoom; zoom 1 is the
// scale at which the whole visible graph fits the graph area (the canvas minus the toolbar strip
// and, on wide canvases, the docked legend); x, y are the layout point shown at the centre of
// that area. While ViewState::cameraSet is false the view fits the graph; any pan or zoom by the
// reader writes the camera and sets cameraSet; the "show all" button clears it again.
#pragma once

#include "core/filters.hpp"
#include "core/model.hpp"
#include "core/network_layout.hpp"
#include "ui/graph_batch.hpp"
#include "ui/ui_context.hpp"

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace explorer::ui {

// Where the network view put things in its last frame, in the coordinates of ui.located (CSS
// pixels from the widget's top-left corner). A width of 0 means "not shown".
struct NetworkFrameInfo {
    ScreenRect canvas;    // the whole interactive region
    ScreenRect graphArea; // where fit-to-view frames the graph
    ScreenRect zoomIn;    // toolbar buttons
    ScreenRect zoomOut;
    ScreenRect fit;
    ScreenRect legendToggle;
    ScreenRect legend; // the legend panel, when open
    std::size_t nodesDrawn = 0;
    std::size_t edgesDrawn = 0;
    bool edgesHeld = false; // a big picture moving: the edges wait for the camera to rest
    std::size_t labelsDrawn = 0;
    std::vector<std::pair<std::size_t, ScreenRect>> labels; // entity index, where its name was written
    std::vector<std::size_t> ringed; // entities drawn with the "member of two or more projects" ring
    bool batched = false; // the graph went to the platform as graphBatch(), not as ImGui paths
    float scale = 1.0f;                                     // screen pixels per layout unit (fit scale × zoom)
};

class NetworkScene {
public:
    NetworkScene();
    ~NetworkScene();
    NetworkScene(const NetworkScene&) = delete;
    NetworkScene& operator=(const NetworkScene&) = delete;

    // Forgets everything: call when another dataset is loaded. (The scene also starts afresh by
    // itself when handed another Dataset object or different entity or relation counts, but a new
    // dataset loaded into the same object with the same counts is only noticed through reset.)
    void reset();

    // True while the layout is still settling or nodes are still gliding to their places: the
    // platform keeps drawing frames only while this (or input) says so. Only drawNetworkView moves
    // things forward, so ask this only while the network view is the one drawn.
    bool animating() const;

    // Whether the pointer was over the network's canvas (legend and toolbar included) in the
    // last frame the view drew: a wheel turn there zooms the graph, so it must not scroll the
    // host page. Like animating(), meaningful only while the network view is the one drawn.
    bool wantsWheel() const;

    // The keyboard's + / − (steps of the toolbar's buttons about the centre, negative to zoom out)
    // and 0 (fit), applied in the next frame the view draws. The camera also follows UiContext::
    // reveal (a keyboard step, a search result) when it lies outside the graph area.
    void zoomByKeyboard(int steps);
    void fitByKeyboard();

    // Geometry and counts of the last frame drawn, for tests and for the platform.
    const NetworkFrameInfo& lastFrame() const;

    // The nodes of the graph last drawn at their settled places, in layout units, in dataset order:
    // what the SVG export draws (data_export.hpp), the same places as settledNetworkLayout() gives
    // for the dataset and visible set of the last frame drawn. When the layout is still moving it
    // is finished first (which moves nothing that would not have moved; the view then glides
    // there). Empty before the first frame drawn.
    struct PlacedNode {
        std::size_t entity;
        float x, y, radius;
    };
    std::vector<PlacedNode> placedNodes() const;

    // The layout behind the picture (nodes, edges, targets; not where nodes are while gliding).
    const NetworkLayout& layout() const;

    // The nodes and edges of the last frame drawn, as handed to the platform's own pass when
    // lastFrame().batched (graph_batch.hpp); its view is the last frame's camera.
    const GraphBatch& graphBatch() const;

    struct Impl;
    Impl& impl() { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
};

} // namespace explorer::ui
