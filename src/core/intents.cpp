#include "core/intents.hpp"

#include "core/utf8.hpp"

#include <algorithm>

namespace explorer {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// The effects of going from `before` to `after`, when the whole state is replaced at once.
Effects compare(const ViewState& before, const ViewState& after, HistoryStep step) {
    Effects effects;
    effects.changed = !(before == after);
    if (!effects.changed) return effects;
    effects.filtersChanged = !(before.filters == after.filters);
    effects.selectionChanged = before.selection != after.selection;
    effects.viewChanged = before.view != after.view;
    effects.history = step;
    return effects;
}

// Only camera and search moved: a stream, the history entry is replaced.
HistoryStep stepFor(const ViewState& before, const ViewState& after) {
    ViewState discrete = after;
    discrete.camera = before.camera;
    discrete.cameraSet = before.cameraSet;
    discrete.search = before.search;
    return discrete == before ? HistoryStep::Replace : HistoryStep::Push;
}

} // namespace

Effects& Effects::operator|=(const Effects& other) {
    changed = changed || other.changed;
    history = std::max(history, other.history);
    filtersChanged = filtersChanged || other.filtersChanged;
    selectionChanged = selectionChanged || other.selectionChanged;
    viewChanged = viewChanged || other.viewChanged;
    return *this;
}

Effects applyIntent(ViewState& state, const Intent& intent, const Dataset* dataset) {
    const ViewState before = state;
    HistoryStep step = HistoryStep::Push;
    std::visit(Overloaded{
                   [&](const intent::Select& select) {
                       if (select.id.empty() || dataset == nullptr || dataset->findEntity(select.id)) state.selection = select.id;
                   },
                   [&](const intent::ShowView& show) { state.view = show.view; },
                   [&](const intent::MoveCamera& move) {
                       state.camera = move.camera;
                       state.cameraSet = true;
                       step = HistoryStep::Replace;
                   },
                   [&](const intent::FitCamera&) {
                       state.camera = Camera{};
                       state.cameraSet = false;
                       step = HistoryStep::Replace;
                   },
                   [&](const intent::SetFilters& set) { state.filters = set.filters; },
                   [&](const intent::SetSearch& set) {
                       state.search = set.text;
                       // The same bound as a link's `q`: cut on a character boundary.
                       std::size_t codePoints = 0;
                       std::size_t at = 0;
                       while (at < state.search.size() && codePoints < kSearchMaxCodePoints) {
                           const utf8::Decoded decoded = utf8::decodeAt(state.search, at);
                           at += decoded.length == 0 ? 1 : decoded.length;
                           ++codePoints;
                       }
                       if (at < state.search.size()) state.search.resize(at);
                       step = HistoryStep::Replace;
                   },
                   [&](const intent::SetSort& set) { state.sort = set.sort; },
                   [&](const intent::SetLang& set) { state.lang = set.lang; },
                   [&](const intent::SetTheme& set) { state.theme = set.theme; },
                   [&](const intent::ReplaceState& replace) {
                       state = replace.state;
                       step = replace.fromLink ? HistoryStep::None : stepFor(before, state);
                   },
               },
               intent);
    return compare(before, state, step);
}

Effects applyDatasetChange(ViewState& state, const Dataset& dataset, std::string datasetId,
                           std::vector<HashNotice>& notices) {
    const ViewState before = state;
    dropUnknownIds(state, dataset, notices);
    state.camera = Camera{};
    state.cameraSet = false;
    state.dataset = std::move(datasetId);
    Effects effects = compare(before, state, HistoryStep::Push);
    effects.filtersChanged = true; // the visible set belongs to the old dataset, whatever the filters
    return effects;
}

} // namespace explorer
