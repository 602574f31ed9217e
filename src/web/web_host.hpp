// Calls from the wasm out to the page's JavaScript (web/explorer-host.js). Every hook is optional
// on the JS side: the page defines Module.on* functions, and a missing one is skipped.
#pragma once

#include <string>

namespace explorer::web {

// The first frame is on screen: resolves `explorer.ready`.
void notifyFirstFrame();

// WebGL2 could not be created: the page shows its own message instead of a blank canvas.
void notifyWebGlUnavailable(const std::string& reason);

} // namespace explorer::web
