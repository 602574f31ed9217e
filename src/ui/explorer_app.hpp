// The explorer as one object: the dataset shown, the reader's view state, and the frame that
// draws them. The platform layer (src/web) owns the ImGui context and the renderer, feeds input,
// and calls drawFrame() between ImGui::NewFrame() and ImGui::Render().
//
// Screen layout: a top bar (title, language, theme), a control row (views, search, filters),
// then the current view, with the details of the selected entity beside it on wide screens or
// over its lower part on narrow ones.
#pragma once

#include "core/dataset_format.hpp"
#include "core/dataset_load_job.hpp"
#include "core/dataset_loader.hpp"
#include "core/filters.hpp"
#include "core/model.hpp"
#include "core/reader_preferences.hpp"
#include "core/view_state.hpp"
#include "core/view_state_codec.hpp"
#include "ui/fonts.hpp"
#include "ui/matrix_model.hpp"
#include "ui/network_scene.hpp"
#include "ui/panels.hpp"
#include "ui/ui_context.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace explorer::ui {

struct Summary {
    std::size_t projects = 0;
    std::size_t organisations = 0;
    std::size_t models = 0;
    std::size_t initiatives = 0;
    std::size_t links = 0;
    std::size_t sources = 0;
    // Characters of the dataset's texts that neither the atlas nor the reader's fonts can draw
    // (fonts.hpp, FontAtlas::missingCharacters); final once the atlas is no longer busy.
    std::size_t missingGlyphs = 0;
    // The share read (0 to 1) of a dataset being loaded in slices (startLoad); empty when none is.
    // The counts above stay those of the dataset shown until the new one replaces it.
    std::optional<double> loading;
};

class ExplorerApp {
public:
    ExplorerApp();
    ExplorerApp(const ExplorerApp&) = delete; // intents_ points into the app itself
    ExplorerApp& operator=(const ExplorerApp&) = delete;

    // Validates `text` as a dataset. Accepted: it replaces the one shown. Rejected: the current
    // dataset stays, and the problems are listed in a panel until the reader closes it.
    // Returns the problems (empty when accepted).
    std::vector<Problem> loadDataset(std::string_view text);
    // The same for a dataset already read (loadCsvDataset, csv_import.hpp). `datasetId` is its
    // content hash for the state and links (empty: the dataset the page was delivered with). What
    // the new dataset lacks is dropped from the state with a notice (intents.hpp,
    // applyDatasetChange).
    std::vector<Problem> useLoaded(LoadResult result, std::string datasetId = {});

    // Starts reading `text` as a dataset a slice at a time (core/dataset_load_job.hpp), while the
    // dataset shown stays on screen and in use; a load under way is dropped for this one. The
    // platform calls pumpLoad (on timers) until it hands the finished load over. Returns the
    // load's number (1, 2, …), which the finished load carries.
    int startLoad(std::string text, DatasetFormat format);
    bool loading() const { return load_ != nullptr; }
    // 0 to 1 while loading (DatasetLoadJob::progress).
    double loadProgress() const { return load_ ? load_->progress() : 0.0; }
    // Reads on for about `budgetMs` milliseconds. Returns the load once it is done, for the
    // platform to hand its result to useLoaded (with the content hash of job->text()).
    struct FinishedLoad {
        int number = 0;
        std::unique_ptr<DatasetLoadJob> job;
    };
    std::optional<FinishedLoad> pumpLoad(double budgetMs);

    bool hasDataset() const { return hasDataset_; }
    const Dataset& dataset() const { return dataset_; }
    Summary summary() const;

    const ViewState& state() const { return state_; }

    // The one way to change the state from outside the frame (host calls, links, tests): the
    // same path as the views' own intents (core/intents.hpp).
    Effects dispatch(const Intent& intent);

    // What changed since the last call, for the page: whether to push or replace a history entry
    // and tell the host (statechange). The platform asks after every frame.
    Effects takePageEffects() { return intents_.takeForPage(); }

    // Selects an entity by id (empty clears). Returns false, changing nothing, for an unknown id.
    bool select(std::string_view id);

    // The system's colour scheme, used when the theme is Auto.
    void setSystemDark(bool dark) { systemDark_ = dark; }
    bool darkThemeActive() const;

    // What the reader asked their browser for (core/reader_preferences.hpp): reduced motion (no
    // glide, the settled picture at once), more contrast (the high-contrast palettes), forced
    // colours (a palette of the system's colours, whatever the theme), a minimum font size (the
    // UI's text, smallest size included, scaled up to it: textScale()).
    void setPreferences(const ReaderPreferences& preferences);
    const ReaderPreferences& preferences() const { return preferences_; }
    // The colours drawn with now: the theme's palette, or its high-contrast or forced variant.
    const Palette& activePalette() const;
    // Factor on every font size (fonts.hpp) and on the style's sizes: 1, or more so that the
    // smallest text reaches the browser's minimum font size. The platform rebuilds the fonts.
    float textScale() const;

    // Call after (re)building the font atlas (see fonts.hpp).
    void setFonts(const Fonts& fonts) { fonts_ = fonts; }

    // Two-finger gestures since the last frame (the platform fills it; drawFrame consumes it).
    GestureInput& gestures() { return gestures_; }

    // Builds the whole UI for one frame, in a window covering io.DisplaySize.
    void drawFrame();

    // True while something moves on its own (the network layout settling): the platform keeps
    // drawing frames only while this is true or input arrives.
    bool animating() const;

    // Whether a wheel event at the pointer should stay in the widget (something there scrolls or
    // zooms) rather than scroll the host page. Answered from the last frame drawn.
    bool wantsWheel() const { return wheelWanted_; }

    // Brings an entity into sight over the next frames in views that scroll (matrix, table).
    void reveal(std::string_view id);

    // Where the current view was drawn in the last frame (without the bars and panels around it),
    // in CSS pixels: what a picture of the view shows.
    ScreenRect viewRect() const { return viewRect_; }

    // Where an entity was drawn in the last frame, in CSS pixels; empty when it was not drawn.
    std::optional<ScreenRect> locate(std::string_view id) const;

    // Where the semantic-tree node `nodeId` (core/semantic_tree.hpp) was drawn in the last frame,
    // in CSS pixels, for the page's mirror; empty when it was not drawn or the views do not record
    // it (entities in the view are found through locate).
    std::optional<ScreenRect> placeOf(std::string_view nodeId) const;
    const PlacedNodes& places() const { return placed_; }

    // Shows a quiet notice at the bottom of the widget for parts of a link or of a host call that
    // were not applied (view_state_codec.hpp). Replaces the notices shown before.
    void showNotices(std::vector<HashNotice> notices) { notices_ = std::move(notices); }
    const std::vector<HashNotice>& notices() const { return notices_; }

    // A static picture (interactive=0): no controls, no input, nothing to click.
    void setInteractive(bool interactive) { interactive_ = interactive; }
    bool interactive() const { return interactive_; }

    // The page holds the real search field over the canvas's (PanelState::searchInPage).
    void setSearchInPage(bool inPage) { panels_.searchInPage = inPage; }

    // The keyboard's zoom and fit for the network (NetworkScene::zoomByKeyboard), drawn at once.
    void zoomNetwork(int steps) { network_.zoomByKeyboard(steps); }
    void fitNetwork() { network_.fitByKeyboard(); }

    // What the reader asked the page to do in the last frame (share menu); cleared by the call.
    std::vector<PageAction> takeActions();

    // The network's nodes at their settled places (layout units).
    std::vector<NetworkScene::PlacedNode> networkNodes() const { return network_.placedNodes(); }

    // The matrix's and the tables' rows as kept between frames (tests, benchmarks).
    const ViewRows& viewRows() const { return rows_; }

    // What the filters leave visible now.
    const VisibleSet& visible() const { return visible_; }

    // Links the reader clicked (sources, websites), to open in a new tab; cleared by the call.
    std::vector<std::string> takeLinksToOpen();

private:
    void drawTopBar(UiContext& ui);
    void drawControls(UiContext& ui);
    void drawBody(UiContext& ui);
    void drawProblemsPanel();
    void drawLoadProgress(UiContext& ui);
    void drawNotices(UiContext& ui);
    static bool pointerOverScrollable();

    Dataset dataset_;
    bool hasDataset_ = false;
    std::unique_ptr<DatasetLoadJob> load_;
    int loadNumber_ = 0;
    ViewState state_;
    Intents intents_{state_, &dataset_};
    std::vector<Problem> problems_;
    Fonts fonts_;
    VisibleSet visible_;
    bool visibleValid_ = false;
    LocatedEntities located_;
    PlacedNodes placed_;
    GestureInput gestures_;
    long long hovered_ = -1;
    NetworkScene network_;
    ViewRows rows_; // the matrix's and the tables' rows, kept between frames
    PanelState panels_;
    bool systemDark_ = false;
    bool styleDark_ = false;
    bool styleApplied_ = false;
    ReaderPreferences preferences_;
    Palette forcedPalette_{}; // built from preferences_.forcedColours
    bool styleStale_ = false; // the preferences changed the palette or the sizes
    bool wheelWanted_ = false;
    ScreenRect viewRect_;
    bool interactive_ = true;
    int revealFrames_ = 0;
    long long revealTarget_ = -1;
    std::vector<HashNotice> notices_;
    // The font atlas last given the dataset's characters (fonts.hpp): a new dataset or new fonts
    // give them again.
    std::uint64_t charactersGivenTo_ = 0; // FontAtlas::serial
    bool missingGlyphsDismissed_ = false;
};

} // namespace explorer::ui
