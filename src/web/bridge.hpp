// The one bridge between the wasm and the page (web/host/*.js): every function the page calls
// (exports in, bridge.cpp, `explorer_*`) and every call out to the page (hooks out, below). Each
// hook is optional on the JS side: the page defines Module.on* functions, a missing one is skipped.
// Answers cross as JSON written by nlohmann_json; strings cross as arguments, never as JS source.
#pragma once

#include "ui/explorer_app.hpp"
#include "ui/panels.hpp"

#include <string>

namespace explorer::web {

// The first frame is on screen: resolves `explorer.ready`.
void notifyFirstFrame();

// WebGL2 could not be created: the page shows its own message instead of a blank canvas.
void notifyWebGlUnavailable(const std::string& reason);

// The view changed. `continuous` is true for changes that come in streams (pan, zoom, typing):
// the page replaces the history entry instead of adding one.
void notifyStateChange(const std::string& stateJson, const std::string& hash, bool continuous);

// Asks the page to carry out what the reader chose in the share menu.
void requestAction(ui::PageAction action);

// Opens a link the reader clicked, in a new tab; the host page is never navigated away.
void openLink(const std::string& url);

// A dataset loaded in slices is read: its result replaces the dataset shown (or lists its
// problems), and the page hears of it (Module.onDatasetLoaded(number, answer)).
void finishDatasetLoad(ui::ExplorerApp::FinishedLoad finished);

} // namespace explorer::web
