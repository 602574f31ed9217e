#include "web/web_host.hpp"

#include <emscripten.h>

// Strings cross as arguments, never as JS source built from data.
EM_JS(void, explorer_js_first_frame, (), {
    if (Module["onFirstFrame"]) Module["onFirstFrame"]();
});

EM_JS(void, explorer_js_webgl_unavailable, (const char* reason), {
    if (Module["onWebGlUnavailable"]) Module["onWebGlUnavailable"](UTF8ToString(reason));
});

namespace explorer::web {

void notifyFirstFrame() { explorer_js_first_frame(); }

void notifyWebGlUnavailable(const std::string& reason) { explorer_js_webgl_unavailable(reason.c_str()); }

} // namespace explorer::web
