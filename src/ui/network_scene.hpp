// The network view's state that lives across frames: the graph built from the visible part of
// the dataset, its layout (core/graph_layout) and the caches drawing needs. Owned by ExplorerApp;
// only the network view (drawNetworkView, views.hpp) reads or changes it; network_view.cpp
// implements it.
//
// Layout. The scene lays out the whole dataset once, with a fixed seed, so the picture is the
// same for every reader of a dataset. A filtered view (some entities or relations hidden) gets a
// layout of its own that starts from the whole dataset's positions and relaxes from there: it
// depends only on the dataset and the visible set, never on the filters tried before, so a shared
// link (filters + camera) shows the reader the picture its author saw, and nodes keep roughly the
// place the reader knows. Nodes glide from where they were drawn to their new places.
//
// Frames. The first layout is settled within one frame when that takes under ~50 ms (the shipped
// dataset takes a few ms), so the first picture is already still. Later work (a filtered layout,
// a large dataset) runs for at most ~4 ms per frame. When everything is still, animating() turns
// false and stays false until the visible set changes or reset() is called.
//
// Camera (ViewState::camera). Layout units are drawn as pixels at fit scale × zoom; zoom 1 is the
// scale at which the whole visible graph fits the graph area (the canvas minus the toolbar strip
// and, on wide canvases, the docked legend); x, y are the layout point shown at the centre of
// that area. While ViewState::cameraSet is false the view fits the graph; any pan or zoom by the
// reader writes the camera and sets cameraSet; the "show all" button clears it again.
#pragma once

#include "core/filters.hpp"
#include "core/graph_layout.hpp"
#include "core/model.hpp"
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
    std::size_t labelsDrawn = 0;
    std::vector<std::pair<std::size_t, ScreenRect>> labels; // entity index, where its name was written
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

    // Geometry and counts of the last frame drawn, for tests and for the platform.
    const NetworkFrameInfo& lastFrame() const;

    // The nodes of the visible graph where they are drawn, in layout units (for the SVG export).
    struct PlacedNode {
        std::size_t entity;
        float x, y, radius;
    };
    std::vector<PlacedNode> placedNodes() const;

    struct Impl;
    Impl& impl() { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
};

} // namespace explorer::ui
