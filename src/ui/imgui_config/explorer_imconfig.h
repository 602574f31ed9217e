// Dear ImGui build configuration for the explorer (IMGUI_USER_CONFIG, set by CMakeLists.txt).
#pragma once

// Readers never see ImGui's own demo or debug windows; leaving them out saves ~100 KB of wasm.
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_DEBUG_TOOLS
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// No imgui.ini: the view state lives in the URL, not in a file (and file:// pages have no disk).
#define IMGUI_DISABLE_FILE_FUNCTIONS
// Nor any .ini text at all: io.IniFilename is nullptr (src/web/main.cpp, the tests' headless
// context) and nothing calls Load/SaveIniSettingsToMemory(), so ImGui never calls its window and
// table settings handlers; without their registration in ImGui::Initialize() the linker drops them,
// sscanf (which only they use), ImGuiTextBuffer::appendf and realloc: 10.4 KB of explorer.wasm,
// 3.7 KB LZMA. Read by scripts/imgui-patches/0001-no-ini-handlers.patch, which scripts/setup.sh
// applies to the ImGui source (unpatched, this define does nothing).
#define EXPLORER_IMGUI_NO_INI_HANDLERS
// ImGui formats its labels and IDs through ImFormatString(V): ours (src/ui/imgui_format.cpp, on
// core/text_format.hpp), so that the C library's vsnprintf and the long double arithmetic its %f
// brings stay out of the wasm.
#define IMGUI_DISABLE_DEFAULT_FORMAT_FUNCTIONS
// A network of a few thousand nodes passes 65,535 vertices in one draw list; WebGL2 takes 32-bit indices.
#define ImDrawIdx unsigned int

// No ProggyClean: the explorer builds its font atlas itself from the reader's fonts
// (src/ui/fonts.cpp; ImFontAtlas::Build() is never called, so stb_truetype is not linked into the
// wasm either), and ImGui 1.90.1 has no IMGUI_DISABLE_DEFAULT_FONT (1.91 has). Should anything call
// Build(), the default font's one use there is
// ImFontAtlas::Build()'s `if (ConfigData.Size == 0) AddFontDefault();`: that call, the only one
// without arguments, becomes ExplorerNoDefaultFont(); the declaration and the definition (with
// their parameter) become AddFontDefaultWithConfig, which nothing calls, so the linker drops it
// with the 12 KB of compressed font it holds (9 KB of the page). A Build() without a font of ours
// then fails ImGui's own assertion (IM_ASSERT(atlas->ConfigData.Size > 0)) in the native tests.
#define EXPLORER_SECOND_(first, second, ...) second
#define AddFontDefault(...) EXPLORER_SECOND_(__VA_OPT__(, ) AddFontDefaultWithConfig, ExplorerNoDefaultFont, )(__VA_ARGS__)
inline void ExplorerNoDefaultFont() {}

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
