// What every view function receives besides the model and the view state: fonts, colours and the
// language, resolved once per frame by ExplorerApp.
#pragma once

#include "core/model.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace explorer::ui {

struct UiContext {
    const Fonts& fonts;
    const Palette& palette;
    Lang lang;
};

} // namespace explorer::ui
