// Calls from the wasm out to the page's JavaScript (web/explorer-host.js). Every hook is optional
// on the JS side: the page defines Module.on* functions, and a missing one is skipped.
#pragma once

#include "ui/panels.hpp"

#include <string>

namespace explorer::web {

// The first frame is on screen: resolves `explorer.ready`.
void notifyFirstFrame();

// WebGL2 could not be created: the page shows its own message instead of a blank canvas.
void notifyWebGlUnavailable(const std::string& reason);

// The reader changed the view. `continuous` is true for changes that come in streams (pan, zoom,
// typing): the page replaces the history entry instead of adding one.
void notifyStateChange(const std::string& stateJson, const std::string& hash, bool continuous);

// Asks the page to carry out what the reader chose in the share menu (web/explorer-host.js).
void requestAction(ui::PageAction action);

// Opens a link the reader clicked, in a new tab; the host page is never navigated away.
void openLink(const std::string& url);

} // namespace explorer::web
