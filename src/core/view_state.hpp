// Everything a reader set in the explorer, in one plain struct: the view, the selection, the
// filters, the search text, the language, the theme, the camera and the table sort.
//
// It is what a shared URL carries (toHash / fromHash), what the host page reads and writes
// (explorer.getState / setState), and what every UI function receives. Nothing else holds
// reader-set state, so restoring a ViewState restores the exact view.
#pragma once

#include "model.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {

// Adding a view: a value here, its name in view_state.cpp, its tab in ui/explorer_app.cpp, its draw
// function in ui/views.hpp, its part of the semantic tree (semantic_tree.cpp). The test
// HeadlessUi.EveryViewIsNamedReachableDrawnAndDescribed names whichever is missing.
enum class View { Network, Matrix, Table, Projects };
inline constexpr std::size_t kViewCount = 4;
enum class Theme { Auto, Light, Dark };

struct Camera {
    float zoom = 1.0f; // 1 = fit-to-view scale of the settled layout
    float x = 0.0f;    // layout coordinates of the point shown at the centre of the view
    float y = 0.0f;
    bool operator==(const Camera&) const = default;
};

// Filters combine with AND across fields and OR within a field: axes {models, evaluation} keeps
// projects on either axis. An empty field does not filter.
struct Filters {
    std::vector<std::string> axes;
    std::vector<std::string> sectors;
    std::vector<std::string> types;   // organisation types
    std::vector<std::string> roles;
    bool multiProjectOnly = false;    // organisations in two or more projects
    bool operator==(const Filters&) const = default;
    bool empty() const {
        return axes.empty() && sectors.empty() && types.empty() && roles.empty() && !multiProjectOnly;
    }
};

enum class SortColumn { Name, Type, Projects, Roles };

struct TableSort {
    SortColumn column = SortColumn::Name;
    bool descending = false;
    bool operator==(const TableSort&) const = default;
};

struct ViewState {
    View view = View::Network;
    std::string selection;  // entity id, empty when nothing is selected
    Filters filters;
    std::string search;
    Lang lang = Lang::En;
    Theme theme = Theme::Auto;
    Camera camera;
    bool cameraSet = false; // false: the view fits the whole graph
    TableSort sort;
    std::string dataset;    // short content hash of the dataset shown; empty = the built-in one
    bool operator==(const ViewState&) const = default;
};

std::string_view toString(View view);
std::string_view toString(Theme theme);
std::string_view toString(Lang lang);
std::string_view toString(SortColumn column);

} // namespace explorer
