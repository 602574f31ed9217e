// The explorer's views. Each draws into the current ImGui window region, reads the dataset, and
// writes only the reader's choices into ViewState (selection, sort, camera…). None keeps state
// of its own between frames beyond what ImGui stores under the view's stable ids.
#pragma once

#include "core/model.hpp"
#include "core/view_state.hpp"
#include "ui/ui_context.hpp"

namespace explorer::ui {

// One card per project: description, axes, sectors, lead, members grouped by role.
void drawProjectsView(const Dataset& dataset, ViewState& state, const UiContext& ui);

} // namespace explorer::ui
