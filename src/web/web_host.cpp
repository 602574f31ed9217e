#include "web/web_host.hpp"

#include <emscripten.h>

// Strings cross as arguments, never as JS source built from data.
EM_JS(void, explorer_js_first_frame, (), {
    if (Module["onFirstFrame"]) Module["onFirstFrame"]();
});

EM_JS(void, explorer_js_webgl_unavailable, (const char* reason), {
    if (Module["onWebGlUnavailable"]) Module["onWebGlUnavailable"](UTF8ToString(reason));
});

EM_JS(void, explorer_js_state_change, (const char* state, const char* hash, int continuous), {
    if (Module["onStateChange"]) Module["onStateChange"](UTF8ToString(state), UTF8ToString(hash), continuous !== 0);
});

EM_JS(void, explorer_js_open_link, (const char* url), {
    if (Module["onOpenLink"]) Module["onOpenLink"](UTF8ToString(url));
});

EM_JS(void, explorer_js_action, (const char* name), {
    if (Module["onAction"]) Module["onAction"](UTF8ToString(name));
});

namespace explorer::web {

void requestAction(ui::PageAction action) {
    const char* name = "";
    switch (action) {
    case ui::PageAction::CopyLink: name = "copy-link"; break;
    case ui::PageAction::SaveOffline: name = "save-offline"; break;
    case ui::PageAction::ExportPng: name = "export-png"; break;
    case ui::PageAction::ExportSvg: name = "export-svg"; break;
    case ui::PageAction::ExportCsv: name = "export-csv"; break;
    case ui::PageAction::ExportJson: name = "export-json"; break;
    case ui::PageAction::OpenDataset: name = "open-dataset"; break;
    }
    explorer_js_action(name);
}

void notifyStateChange(const std::string& stateJson, const std::string& hash, bool continuous) {
    explorer_js_state_change(stateJson.c_str(), hash.c_str(), continuous ? 1 : 0);
}

void openLink(const std::string& url) { explorer_js_open_link(url.c_str()); }


void notifyFirstFrame() { explorer_js_first_frame(); }

void notifyWebGlUnavailable(const std::string& reason) { explorer_js_webgl_unavailable(reason.c_str()); }

} // namespace explorer::web
