// The explorer's views. Each draws into the current ImGui content region, reads the dataset
// through what the filters leave visible (ui.visible) and the ViewState, and sends the reader's
// choices (selection, sort, camera…) as intents through ui.intents, never writing the state. Views call locateLastItem (ui_context.hpp) for every
// entity a reader can click, so that explorer.locate(id) can point at it.
#pragma once

#include "core/model.hpp"
#include "core/view_state.hpp"
#include "ui/network_scene.hpp"
#include "ui/ui_context.hpp"

namespace explorer::ui {

// Projects: one card per visible project: description, axes, sectors, lead, members by role.
void drawProjectsView(const Dataset& dataset, const ViewState& state, UiContext& ui);

// Network: projects, organisations, models and initiatives as nodes, relations as edges, laid out
// by core/graph_layout; pan, zoom, fit, legend, hover highlight, click to select.
// The scene (layout and caches) belongs to the app and survives across frames.
void drawNetworkView(const Dataset& dataset, NetworkScene& scene, const ViewState& state, UiContext& ui);

// Matrix: organisations × projects with a glyph per role; sortable by name, type, project count.
void drawMatrixView(const Dataset& dataset, const ViewState& state, UiContext& ui);

// Table: organisations (name, type, projects, roles) and projects; sortable and filterable.
void drawTableView(const Dataset& dataset, const ViewState& state, UiContext& ui);

} // namespace explorer::ui
