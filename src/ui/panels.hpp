// The panels around the views: search, filters and the details of the selected entity. Like the
// views, they read the dataset and write the reader's choices into ViewState; what they need to
// remember between frames that a URL should not carry lives in PanelState, owned by the app.
#pragma once

#include "core/model.hpp"
#include "core/search.hpp"
#include "core/view_state.hpp"
#include "ui/ui_context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace explorer::ui {

// What the reader asked the page to do (copy, save, download, open a file): the platform carries
// these out, since the UI does no I/O.
enum class PageAction { CopyLink, SaveOffline, ExportPng, ExportSvg, ExportCsv, ExportJson, OpenDataset };

struct PanelState {
    std::vector<PageAction> actions;
    // Search: the dataset's texts are folded once per dataset and language (SearchIndex), and
    // results recomputed only when the query or the language changes.
    std::optional<SearchIndex> searchIndex;
    std::string searchedQuery;
    Lang searchedLang = Lang::En;
    std::vector<SearchHit> hits;
    int highlightedHit = 0;
    bool resultsOpen = false;
    // "/" asked for the search field; what is typed before the field takes the focus (a frame
    // later) goes into the search text instead of being lost.
    bool searchFocusRequested = false;
    int searchFocusFrames = 0; // frames left for the field to take the focus before the request lapses
    std::vector<unsigned short> typedBeforeFocus;
    // The page keeps a real <input> over the field (web/host/mirror.js: phones' on-screen keyboards,
    // input methods, paste, screen readers) and lists the results itself: the canvas only draws
    // the field's place, its text or hint, and takes no keys for it.
    bool searchInPage = false;
    bool filtersOpen = false;
    // Links the reader clicked in this frame; the platform opens them in a new tab.
    std::vector<std::string> linksToOpen;

    // The selected entity's connections (Dataset::connectionsOf walks the whole graph): computed
    // when the selection changes, not every frame. The app clears it when another dataset loads.
    const std::vector<Dataset::Connection>& connectionsFor(const Dataset& dataset, std::size_t entity) {
        if (!connectionsValid || connectionsEntity != entity) {
            connections = dataset.connectionsOf(entity);
            connectionsEntity = entity;
            connectionsValid = true;
        }
        return connections;
    }
    void forgetDataset() {
        connectionsValid = false;
        searchIndex.reset();
    }

private:
    bool connectionsValid = false;
    std::size_t connectionsEntity = 0;
    std::vector<Dataset::Connection> connections;
};

// A search field with a result list under it. Arrow keys move through the results, Enter selects,
// Escape closes the list. Selecting a result sets state.selection.
void drawSearchBox(const Dataset& dataset, const ViewState& state, PanelState& panels, UiContext& ui, float width);

// Checkboxes for the call's axes, sectors, organisation types, roles, and "in two or more projects".
void drawFiltersPanel(const Dataset& dataset, const ViewState& state, UiContext& ui);

// Number of active filter values (for the Filters button).
int activeFilterCount(const Filters& filters);

// The share and export menu (a button that opens a list of actions).
void drawShareMenu(const ViewState& state, PanelState& panels, UiContext& ui);

// The selected entity: what it is, its description, its facts (conflicting claims side by side),
// its relations (each one clickable) and the sources of each. Returns false when the reader
// closed it.
bool drawDetailsPanel(const Dataset& dataset, const ViewState& state, PanelState& panels, UiContext& ui);

} // namespace explorer::ui
