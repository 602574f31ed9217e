// Dear ImGui build configuration for the explorer (IMGUI_USER_CONFIG, set by CMakeLists.txt).
#pragma once

// Readers never see ImGui's own demo or debug windows; leaving them out saves ~100 KB of wasm.
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_DEBUG_TOOLS
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// No imgui.ini: the view state lives in the URL, not in a file (and file:// pages have no disk).
#define IMGUI_DISABLE_FILE_FUNCTIONS
// A network of a few thousand nodes passes 65,535 vertices in one draw list; WebGL2 takes 32-bit indices.
#define ImDrawIdx unsigned int

// Native builds (tests, tools): a failed IM_ASSERT aborts with its place, whatever the build type.
// ImGui's default is assert(), which NDEBUG (RelWithDebInfo, the native preset) compiles out, so
// a test could misuse ImGui and still pass. The web build keeps ImGui's default: under -Oz with
// NDEBUG the checks cost nothing in the shipped wasm.
#if !defined(__EMSCRIPTEN__)
#include <cstdio>
#include <cstdlib>
[[noreturn]] inline void ExplorerImGuiAssertFailed(const char* expression, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: IM_ASSERT(%s) failed\n", file, line, expression);
    std::fflush(stderr);
    std::abort();
}
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : ExplorerImGuiAssertFailed(#_EXPR, __FILE__, __LINE__))
#endif
