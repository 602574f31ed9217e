#include "ui/explorer_app.hpp"

#include "ui/strings.hpp"
#include "ui/text_runs.hpp"
#include "ui/theme.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <chrono>
#include <string>

namespace explorer::ui {
namespace {

// Below this width (in font sizes) the details panel covers the lower part of the view instead
// of standing beside it.
constexpr float kSideBySideEm = 56.0f;
constexpr float kDetailsWidthEm = 22.0f;
// The smallest view the controls above it leave room for: the network's canvas minimum
// (network_view.cpp), in font sizes.
constexpr float kMinViewHeightEm = 14.0f;

struct ViewTab {
    View view;
    Str label;
};
constexpr std::array<ViewTab, 4> kViewTabs{{
    {View::Network, Str::ViewNetwork},
    {View::Matrix, Str::ViewMatrix},
    {View::Table, Str::ViewTable},
    {View::Projects, Str::ViewProjects},
}};
static_assert(kViewTabs.size() == kViewCount, "every view has a tab (core/view_state.hpp)");

} // namespace

ExplorerApp::ExplorerApp() = default;

std::vector<Problem> ExplorerApp::loadDataset(std::string_view text) { return useLoaded(explorer::loadDataset(text)); }

std::vector<Problem> ExplorerApp::useLoaded(LoadResult result, std::string datasetId) {
    if (!result.dataset) {
        problems_ = result.problems;
        return result.problems;
    }
    dataset_ = std::move(*result.dataset);
    hasDataset_ = true;
    problems_.clear();
    network_.reset();
    visibleValid_ = false;
    panels_.searchedQuery.clear();
    panels_.hits.clear();
    panels_.forgetDataset();
    rows_ = ViewRows{};
    charactersGivenTo_ = 0;
    missingGlyphsDismissed_ = false;
    std::vector<HashNotice> dropped;
    intents_.record(applyDatasetChange(state_, dataset_, std::move(datasetId), dropped));
    showNotices(std::move(dropped));
    return {};
}

int ExplorerApp::startLoad(std::string text, DatasetFormat format) {
    load_ = std::make_unique<DatasetLoadJob>(std::move(text), format);
    return ++loadNumber_;
}

std::optional<ExplorerApp::FinishedLoad> ExplorerApp::pumpLoad(double budgetMs) {
    if (!load_) return std::nullopt;
    // Pieces small enough that the clock is read often (a piece is about a millisecond of work
    // in wasm at most), large enough that reading it costs nothing.
    constexpr std::size_t kUnitsPerPiece = 16 * 1024;
    using Clock = std::chrono::steady_clock;
    const Clock::time_point deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(budgetMs));
    while (load_->step(kUnitsPerPiece)) {
        if (Clock::now() >= deadline) return std::nullopt;
    }
    FinishedLoad finished{loadNumber_, std::move(load_)};
    return finished;
}

Summary ExplorerApp::summary() const {
    Summary s;
    if (load_) s.loading = loadProgress();
    if (!hasDataset_) return s;
    s.projects = dataset_.count(EntityKind::Project);
    s.organisations = dataset_.count(EntityKind::Organisation);
    s.models = dataset_.count(EntityKind::Model);
    s.initiatives = dataset_.count(EntityKind::Initiative);
    s.links = dataset_.relations.size();
    s.sources = dataset_.sources.size();
    if (const FontAtlas* atlas = fontAtlas(); atlas && charactersGivenTo_ == atlas->serial()) s.missingGlyphs = atlas->missingCharacters();
    return s;
}

bool ExplorerApp::select(std::string_view id) {
    if (!id.empty() && !dataset_.findEntity(id)) return false;
    dispatch(intent::Select{std::string(id)});
    return true;
}

Effects ExplorerApp::dispatch(const Intent& intent) {
    const Effects effects = applyIntent(state_, intent, hasDataset_ ? &dataset_ : nullptr);
    intents_.record(effects);
    return effects;
}

bool ExplorerApp::darkThemeActive() const {
    switch (state_.theme) {
    case Theme::Light: return false;
    case Theme::Dark: return true;
    case Theme::Auto: break;
    }
    return systemDark_;
}

void ExplorerApp::setPreferences(const ReaderPreferences& preferences) {
    if (preferences == preferences_) return;
    preferences_ = preferences;
    if (preferences_.forcedColours) forcedPalette_ = paletteOf(forcedColourScheme(*preferences_.forcedColours));
    styleStale_ = true;
}

const Palette& ExplorerApp::activePalette() const {
    if (preferences_.forcedColours) return forcedPalette_;
    return palette(darkThemeActive(), preferences_.moreContrast);
}

float ExplorerApp::textScale() const {
    // The smallest text (kSmallSize) must not be drawn below the minimum; three times the
    // default is as far as the layout still holds together.
    const float minimum = preferences_.minimumFontSize;
    if (!(minimum > kSmallSize)) return 1.0f;
    return std::min(minimum / kSmallSize, 3.0f);
}

bool ExplorerApp::animating() const {
    return revealFrames_ > 0 || (state_.view == View::Network && network_.animating());
}

void ExplorerApp::reveal(std::string_view id) {
    const auto entity = dataset_.findEntity(id);
    if (!entity) return;
    revealTarget_ = static_cast<long long>(*entity);
    revealFrames_ = 3;
}

std::optional<ScreenRect> ExplorerApp::locate(std::string_view id) const {
    const auto entity = dataset_.findEntity(id);
    if (!entity) return std::nullopt;
    const ScreenRect* rect = located_.find(*entity);
    if (rect == nullptr) return std::nullopt;
    return *rect;
}

std::optional<ScreenRect> ExplorerApp::placeOf(std::string_view nodeId) const {
    const auto it = placed_.find(nodeId);
    if (it == placed_.end()) return std::nullopt;
    return it->second;
}

std::vector<PageAction> ExplorerApp::takeActions() {
    std::vector<PageAction> actions;
    actions.swap(panels_.actions);
    return actions;
}

std::vector<std::string> ExplorerApp::takeLinksToOpen() {
    std::vector<std::string> links;
    links.swap(panels_.linksToOpen);
    return links;
}

void ExplorerApp::drawFrame() {
    const bool dark = darkThemeActive();
    if (!styleApplied_ || dark != styleDark_ || styleStale_) {
        applyStyle(activePalette(), textScale());
        styleDark_ = dark;
        styleApplied_ = true;
        styleStale_ = false;
    }
    // What changed since the last frame decides what is done again: the visible set when the
    // filters or the dataset changed, bringing the selection into sight when it or the view did.
    const Effects changed = intents_.takeForFrame();
    if (changed.filtersChanged) visibleValid_ = false;
    if (changed.selectionChanged || changed.viewChanged) revealFrames_ = 3;
    if (hasDataset_ && !visibleValid_) {
        visible_ = applyFilters(dataset_, state_.filters);
        visibleValid_ = true;
    }
    located_.clear();
    placed_.clear();
    hovered_ = -1;
    // Every character the dataset can show, into the atlas over the next frames.
    if (FontAtlas* atlas = fontAtlas(); hasDataset_ && atlas && charactersGivenTo_ != atlas->serial()) {
        atlas->wantCharacters(datasetCharacters(dataset_));
        charactersGivenTo_ = atlas->serial();
    }

    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                            ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##explorer", nullptr, kRootFlags);
    UiContext ui{fonts_, activePalette(), state_.lang, visible_, located_, gestures_, hovered_, intents_};
    ui.reducedMotion = preferences_.reducedMotion;
    ui.placed = &placed_;
    ui.rows = &rows_;
    // A new selection is brought into sight over the next frames (a scroll lands one frame late).
    if (revealFrames_ > 0) {
        --revealFrames_;
        if (revealTarget_ >= 0) {
            ui.reveal = revealTarget_;
            ui.revealAsked = true;
        } else if (const auto selected = dataset_.findEntity(state_.selection)) {
            ui.reveal = static_cast<long long>(*selected);
        }
    } else {
        revealTarget_ = -1;
    }
    drawTopBar(ui);
    if (!hasDataset_) {
        ImGui::TextUnformatted(tr(Str::NoDataset, state_.lang));
    } else {
        if (interactive_) drawControls(ui);
        drawBody(ui);
    }
    drawNotices(ui);
    ImGui::End();
    drawLoadProgress(ui);
    drawProblemsPanel();
    gestures_ = GestureInput{};
    // The network canvas does not scroll, it zooms: it wants the wheel too.
    wheelWanted_ = pointerOverScrollable() || (hasDataset_ && state_.view == View::Network && network_.wantsWheel());
}

void ExplorerApp::drawTopBar(UiContext& ui) {
    const Lang lang = state_.lang;
    const ImGuiStyle& style = ImGui::GetStyle();
    // Language and theme switches on the right of the title line.
    const char* themeLabel = darkThemeActive() ? tr(Str::ThemeLight, lang) : tr(Str::ThemeDark, lang);
    const float shareWidth = interactive_ && hasDataset_
                                 ? ImGui::CalcTextSize(tr(Str::ShareMenu, lang)).x + style.FramePadding.x * 2 + style.ItemSpacing.x
                                 : 0.0f;
    const float switchesWidth = shareWidth + ImGui::GetFrameHeight() * 2 + ImGui::CalcTextSize("FREN").x +
                                style.ItemInnerSpacing.x * 2 + ImGui::CalcTextSize(themeLabel).x + style.FramePadding.x * 2 +
                                style.ItemSpacing.x * 2;
    const float titleRight = ImGui::GetContentRegionMax().x - switchesWidth - style.ItemSpacing.x;
    if (fonts_.heading) ImGui::PushFont(fonts_.heading);
    ImGui::PushTextWrapPos(titleRight);
    wrappedText(hasDataset_ && !dataset_.title.empty() ? std::string_view(dataset_.title.get(lang))
                                                        : std::string_view(tr(Str::AppTitle, lang)));
    ImGui::PopTextWrapPos();
    if (fonts_.heading) ImGui::PopFont();
    const float titleBottom = ImGui::GetCursorPosY();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - switchesWidth);
    ImGui::SetCursorPosY(style.WindowPadding.y);
    if (shareWidth > 0) {
        drawShareMenu(state_, panels_, ui);
        ImGui::SameLine();
    }
    ItemSpan settings;
    ImGui::PushID("lang");
    if (ImGui::RadioButton("FR", state_.lang == Lang::Fr)) dispatch(intent::SetLang{Lang::Fr});
    placeLastItem(ui, "settings/lang/fr");
    settings.addLastItem();
    ImGui::SameLine();
    if (ImGui::RadioButton("EN", state_.lang == Lang::En)) dispatch(intent::SetLang{Lang::En});
    placeLastItem(ui, "settings/lang/en");
    settings.addLastItem();
    ImGui::PopID();
    ImGui::SameLine();
    if (ImGui::Button(themeLabel)) dispatch(intent::SetTheme{darkThemeActive() ? Theme::Light : Theme::Dark});
    placeLastItem(ui, "settings/theme");
    settings.addLastItem();
    placeRect(ui, settings.min, settings.max, "settings");
    ImGui::SetCursorPosY(std::max(titleBottom, ImGui::GetCursorPosY()));
    ImGui::PushStyleColor(ImGuiCol_Separator, ImGui::ColorConvertU32ToFloat4(ui.palette.border));
    ImGui::Separator();
    ImGui::PopStyleColor();
}

void ExplorerApp::drawControls(UiContext& ui) {
    const Lang lang = state_.lang;
    const ImGuiStyle& style = ImGui::GetStyle();
    // View switch: a row of buttons, the current one filled with the accent colour.
    float tabsWidth = 0;
    for (const ViewTab& tab : kViewTabs) tabsWidth += ImGui::CalcTextSize(tr(tab.label, lang)).x + style.FramePadding.x * 2;
    tabsWidth += style.ItemSpacing.x * 3;
    ImGui::PushID("views");
    ItemSpan toolbar;
    for (std::size_t i = 0; i < kViewTabs.size(); ++i) {
        const ViewTab& tab = kViewTabs[i];
        const bool current = state_.view == tab.view;
        if (i) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        if (current) {
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(ui.palette.accent));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(ui.palette.accent));
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.palette.accentText));
        }
        if (ImGui::Button(tr(tab.label, lang))) dispatch(intent::ShowView{tab.view});
        placeLastItem(ui, "views/", toString(tab.view));
        toolbar.addLastItem();
        if (current) ImGui::PopStyleColor(3);
        ImGui::PopID();
    }
    ImGui::PopID();
    placeRect(ui, toolbar.min, toolbar.max, "views");

    // Search and filters share the rest of the row, or take a row of their own on a phone.
    const int filterCount = activeFilterCount(state_.filters);
    const std::string filtersLabel = filterCount ? std::string(tr(Str::Filters, lang)) + " (" + std::to_string(filterCount) + ")###filters"
                                                 : std::string(tr(Str::Filters, lang)) + "###filters";
    const float filtersWidth = ImGui::CalcTextSize(filtersLabel.c_str(), filtersLabel.c_str() + filtersLabel.find("###")).x +
                               style.FramePadding.x * 2;
    const float minSearch = ImGui::GetFontSize() * 12.0f;
    const float full = ImGui::GetContentRegionAvail().x;
    float searchWidth = full - tabsWidth - filtersWidth - style.ItemSpacing.x * 2;
    if (searchWidth >= minSearch) {
        ImGui::SameLine();
    } else {
        searchWidth = full - filtersWidth - style.ItemSpacing.x;
    }
    drawSearchBox(dataset_, state_, panels_, ui, searchWidth);
    // The field is the box's last item (its result list is a window of its own, which leaves the
    // last item as it found it).
    placeLastItem(ui, "search");
    ImGui::SameLine();
    // Decided once: the click below may open the panel, and the colour pushed must be popped.
    const bool accented = filterCount || panels_.filtersOpen;
    if (accented) ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(ui.palette.accent));
    const bool filtersToggled = ImGui::Button(filtersLabel.c_str());
    // Closed, the filters region is reached where it opens: over its button.
    if (!panels_.filtersOpen) placeLastItem(ui, "filters");
    if (filtersToggled) panels_.filtersOpen = !panels_.filtersOpen;
    if (accented) ImGui::PopStyleColor();
    if (panels_.filtersOpen) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(ui.palette.surface));
        // The root window does not scroll: a list taller than what is left would push its own end
        // and the view off the canvas (at 200 % zoom, in a short iframe). It scrolls inside a frame
        // that leaves the view its minimum height instead.
        const float em = ImGui::GetFontSize();
        const float room = ImGui::GetContentRegionAvail().y - style.ItemSpacing.y * 2.0f;
        ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f),
                                            ImVec2(FLT_MAX, std::max(room - em * kMinViewHeightEm, em * 5.0f)));
        ImGui::BeginChild("##filters", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
        drawFiltersPanel(dataset_, state_, ui);
        ImGui::EndChild();
        placeLastItem(ui, "filters");
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
}

void ExplorerApp::drawBody(UiContext& ui) {
    const ImVec2 available = ImGui::GetContentRegionAvail();
    const float em = ImGui::GetFontSize();
    const bool showDetails = dataset_.findEntity(state_.selection).has_value();
    const bool sideBySide = available.x >= kSideBySideEm * em;
    const float detailsWidth = std::min(kDetailsWidthEm * em, available.x * 0.4f);
    const float viewWidth = showDetails && sideBySide ? available.x - detailsWidth - ImGui::GetStyle().ItemSpacing.x : available.x;

    ImGui::BeginChild("##view", ImVec2(viewWidth, available.y), ImGuiChildFlags_None);
    switch (state_.view) {
    case View::Network: drawNetworkView(dataset_, network_, state_, ui); break;
    case View::Matrix: drawMatrixView(dataset_, state_, ui); break;
    case View::Table: drawTableView(dataset_, state_, ui); break;
    case View::Projects: drawProjectsView(dataset_, state_, ui); break;
    }
    ImGui::EndChild();
    const ImVec2 viewMin = ImGui::GetItemRectMin();
    const ImVec2 viewMax = ImGui::GetItemRectMax();
    viewRect_ = ScreenRect{viewMin.x, viewMin.y, viewMax.x - viewMin.x, viewMax.y - viewMin.y};
    placeLastItem(ui, "view/", toString(state_.view));

    if (!dataset_.findEntity(state_.selection)) return;
    bool keepOpen = true;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(ui.palette.surface));
    if (sideBySide) {
        ImGui::SameLine();
        ImGui::BeginChild("##details", ImVec2(0, available.y), ImGuiChildFlags_Border);
        keepOpen = drawDetailsPanel(dataset_, state_, panels_, ui);
        ImGui::EndChild();
        placeLastItem(ui, "details");
    } else {
        // A sheet over the lower part of the view, as phones show details.
        const ImVec2 bodyMin = ImGui::GetItemRectMin();
        const float sheetHeight = std::max(available.y * 0.55f, std::min(available.y, 12.0f * em));
        ImGui::SetNextWindowPos(ImVec2(bodyMin.x, bodyMin.y + available.y - sheetHeight));
        ImGui::SetNextWindowSize(ImVec2(available.x, sheetHeight));
        constexpr ImGuiWindowFlags kSheetFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysVerticalScrollbar;
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(ui.palette.surface));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
        ImGui::Begin("##details-sheet", nullptr, kSheetFlags);
        keepOpen = drawDetailsPanel(dataset_, state_, panels_, ui);
        const ImVec2 sheetMin = ImGui::GetWindowPos();
        const ImVec2 sheetSize = ImGui::GetWindowSize();
        ImGui::End();
        placeRect(ui, sheetMin, ImVec2(sheetMin.x + sheetSize.x, sheetMin.y + sheetSize.y), "details");
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }
    ImGui::PopStyleColor();
    if (!keepOpen) dispatch(intent::Select{});
}

void ExplorerApp::drawNotices(UiContext& ui) {
    // Characters nothing can draw: said once, quietly, in place of the link notices' line.
    std::size_t missing = 0;
    if (const FontAtlas* atlas = fontAtlas(); hasDataset_ && atlas && charactersGivenTo_ == atlas->serial() && !atlas->busy())
        missing = missingGlyphsDismissed_ ? 0 : atlas->missingCharacters();
    if (notices_.empty() && missing == 0) return;
    // A quiet line over the bottom of the widget: the view still works, the reader may close it.
    const ImGuiIO& io = ImGui::GetIO();
    const float em = ImGui::GetFontSize();
    std::string text;
    for (const HashNotice& notice : notices_) text += (text.empty() ? "" : " ") + describe(notice, state_.lang);
    if (missing > 0) {
        std::string line = tr(Str::MissingGlyphs, state_.lang);
        const std::size_t at = line.find("{n}");
        if (at != std::string::npos) line.replace(at, 3, std::to_string(missing));
        text += (text.empty() ? "" : " ") + line;
    }
    ImGui::SetNextWindowPos(ImVec2(em * 0.5f, io.DisplaySize.y - em * 0.5f), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x - em, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(ui.palette.surface));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(ui.palette.warning));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::Begin("##notices", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    const float closeWidth = ImGui::CalcTextSize("×").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - closeWidth - ImGui::GetStyle().ItemSpacing.x);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - closeWidth);
    if (ImGui::SmallButton("×##close-notices")) {
        notices_.clear();
        missingGlyphsDismissed_ = missing > 0 || missingGlyphsDismissed_;
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

// A quiet bar over the bottom of the widget: the reader goes on with the dataset shown (it lets
// every input through) and sees how far the new one is.
void ExplorerApp::drawLoadProgress(UiContext& ui) {
    if (!load_) return;
    const float progress = static_cast<float>(std::clamp(loadProgress(), 0.0, 1.0));
    std::string text = tr(Str::LoadingDataset, state_.lang);
    if (const std::size_t at = text.find("{n}"); at != std::string::npos) {
        text.replace(at, 3, std::to_string(static_cast<int>(progress * 100.0f)));
    }
    const ImGuiIO& io = ImGui::GetIO();
    const float em = ImGui::GetFontSize();
    const float width = std::min(em * 24.0f, io.DisplaySize.x - em);
    // Over the notices' line when it is there, not on it.
    float bottom = io.DisplaySize.y - em * 0.5f;
    if (const ImGuiWindow* notices = ImGui::FindWindowByName("##notices"); notices && notices->Active) {
        bottom = std::min(bottom, notices->Pos.y - em * 0.5f);
    }
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, bottom), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(ui.palette.surface));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(ui.palette.accent));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::Begin("##loading", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoNav);
    ImGui::TextUnformatted(text.c_str());
    // Drawn rather than ImGui::ProgressBar: no percentage over the bar, which the line above says.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + ImGui::GetContentRegionAvail().x, min.y + em * 0.5f);
    const float rounding = em * 0.25f;
    draw->AddRectFilled(min, max, ui.palette.background, rounding);
    draw->AddRect(min, max, ui.palette.border, rounding, 0, std::max(1.0f, em * 0.08f));
    const float filled = min.x + (max.x - min.x) * progress;
    if (filled > min.x + 1.0f) draw->AddRectFilled(min, ImVec2(filled, max.y), ui.palette.accent, rounding);
    ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

void ExplorerApp::drawProblemsPanel() {
    if (problems_.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    const Lang lang = state_.lang;
    const ImVec2 size(std::min(io.DisplaySize.x - 24.0f, 640.0f), std::min(io.DisplaySize.y - 24.0f, 420.0f));
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    bool open = true;
    const std::string title = std::string(tr(Str::DatasetRejected, lang)) + "###problems";
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    if (ImGui::Begin(title.c_str(), &open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize |
                         ImGuiWindowFlags_NoMove)) {
        ImGui::TextWrapped("%s", tr(Str::DatasetRejectedHint, lang));
        ImGui::BeginChild("##problem-list", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), ImGuiChildFlags_Border);
        for (const Problem& problem : problems_) {
            ImGui::PushTextWrapPos(0);
            ImGui::Bullet();
            ImGui::TextUnformatted(describe(problem, lang).c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndChild();
        if (ImGui::Button(tr(Str::Close, lang))) open = false;
    }
    ImGui::End();
    ImGui::PopStyleVar();
    if (!open) problems_.clear();
}

bool ExplorerApp::pointerOverScrollable() {
    // ImGui's hovered window is the innermost one under the pointer; the wheel scrolls it or the
    // nearest parent that has something to scroll.
    for (const ImGuiWindow* window = ImGui::GetCurrentContext()->HoveredWindow; window; window = window->ParentWindow) {
        if (window->ScrollMax.y > 0.0f || window->ScrollMax.x > 0.0f) return true;
        if (!(window->Flags & ImGuiWindowFlags_ChildWindow)) break;
    }
    return false;
}

} // namespace explorer::ui
