// The explorer as one object: the dataset shown, the reader's view state, and the frame that
// draws them. The platform layer (src/web) owns the ImGui context and the renderer, feeds input,
// and calls drawFrame() between ImGui::NewFrame() and ImGui::Render().
#pragma once

#include "core/dataset_loader.hpp"
#include "core/model.hpp"
#include "core/view_state.hpp"
#include "ui/fonts.hpp"

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
};

class ExplorerApp {
public:
    // Validates `text` as a dataset. Accepted: it replaces the one shown. Rejected: the current
    // dataset stays, and the problems are listed in a panel until the reader closes it.
    // Returns the problems (empty when accepted).
    std::vector<Problem> loadDataset(std::string_view text);

    bool hasDataset() const { return hasDataset_; }
    const Dataset& dataset() const { return dataset_; }
    Summary summary() const;

    ViewState& state() { return state_; }
    const ViewState& state() const { return state_; }

    // The system's colour scheme, used when the theme is Auto.
    void setSystemDark(bool dark) { systemDark_ = dark; }
    bool darkThemeActive() const;

    // Call after (re)building the font atlas (see fonts.hpp).
    void setFonts(const Fonts& fonts) { fonts_ = fonts; }

    // Builds the whole UI for one frame, in a window covering io.DisplaySize.
    void drawFrame();

    // True while something moves on its own (a layout settling, an animation): the platform keeps
    // drawing frames only while this is true or input arrives.
    bool animating() const { return false; }

    // Whether a wheel event at the pointer should stay in the widget (something there scrolls or
    // zooms) rather than scroll the host page. Answered from the last frame drawn.
    bool wantsWheel() const { return wheelWanted_; }

private:
    void drawTopBar();
    void drawProblemsPanel();
    static bool pointerOverScrollable();

    Dataset dataset_;
    bool hasDataset_ = false;
    ViewState state_;
    std::vector<Problem> problems_;
    Fonts fonts_;
    bool systemDark_ = false;
    bool styleDark_ = false;
    bool styleApplied_ = false;
    bool wheelWanted_ = false;
};

} // namespace explorer::ui
