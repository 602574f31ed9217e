// Every change to what the reader sees, as a value: the views, the keyboard, the host's calls, a
// link's fragment and postMessage all produce these, and applyIntent is the only function that
// writes a ViewState. It also decides, in one place, what each change means for the page: a new
// history entry or a replaced one, a new visible set, a selection to bring into sight.
//
// History: a step the reader would want back (select, switch view, filter, sort, language, theme)
// pushes an entry; a stream (pan, zoom, typing a search) replaces the current one; opening a link
// adds nothing. A host's setState counts as a step unless it only moves the camera or the search.
#pragma once

#include "core/model.hpp"
#include "core/view_state.hpp"
#include "core/view_state_codec.hpp"

#include <string>
#include <variant>
#include <vector>

namespace explorer {

namespace intent {
struct Select {
    std::string id; // empty clears; an id the dataset does not have changes nothing
};
struct ShowView {
    View view;
};
struct MoveCamera { // the reader pans or zooms
    Camera camera;
};
struct FitCamera {}; // "Show all": the view fits the graph again
struct SetFilters {
    Filters filters;
};
struct SetSearch { // the search text as typed (cut at kSearchMaxCodePoints)
    std::string text;
};
struct SetSort {
    TableSort sort;
};
struct SetLang {
    Lang lang;
};
struct SetTheme {
    Theme theme;
};
struct ReplaceState { // a whole state decoded from a link, the host's setState or the page's defaults
    ViewState state;
    bool fromLink = false; // opening a link is not a reader's step: no history entry
};
} // namespace intent

using Intent = std::variant<intent::Select, intent::ShowView, intent::MoveCamera, intent::FitCamera, intent::SetFilters,
                            intent::SetSearch, intent::SetSort, intent::SetLang, intent::SetTheme, intent::ReplaceState>;

enum class HistoryStep { None, Replace, Push }; // ordered: combined effects keep the strongest

struct Effects {
    bool changed = false;          // the state is not what it was
    HistoryStep history = HistoryStep::None;
    bool filtersChanged = false;   // the visible set must be computed again
    bool selectionChanged = false; // bring the new selection into sight
    bool viewChanged = false;
    Effects& operator|=(const Effects& other);
};

// The only writer of ViewState. `dataset` may be null (no dataset yet: ids are not checked).
// Unknown ids in ReplaceState must already have been dropped (dropUnknownIds).
Effects applyIntent(ViewState& state, const Intent& intent, const Dataset* dataset);

// What a newly loaded dataset resets: a selection and filter values it does not have are dropped,
// each with a notice (a filter on an axis of the previous dataset would hide every project); the
// camera goes back to fit, since positions belong to the old graph; `datasetId` (its content hash,
// empty for the dataset the page was delivered with) goes into the state, so links say which
// dataset they show. A step of its own in the history.
Effects applyDatasetChange(ViewState& state, const Dataset& dataset, std::string datasetId,
                           std::vector<HashNotice>& notices);

} // namespace explorer
