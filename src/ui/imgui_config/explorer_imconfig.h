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
