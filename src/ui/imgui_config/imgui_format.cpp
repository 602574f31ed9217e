// Dear ImGui's text formatting (its labels, IDs and ImGui::Text) through the explorer's own
// printf-style formatter (core/text_format.hpp) rather than the C library's vsnprintf:
// explorer_imconfig.h sets IMGUI_DISABLE_DEFAULT_FORMAT_FUNCTIONS, which asks for these two.
#include "core/text_format.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdarg>

int ImFormatString(char* buf, size_t buf_size, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const int w = ImFormatStringV(buf, buf_size, fmt, args);
    va_end(args);
    return w;
}

// As ImGui's own: the length written, never more than buf_size − 1 (vsnprintf returns the length
// the whole text would have), and the text ends with a NUL.
int ImFormatStringV(char* buf, size_t buf_size, const char* fmt, va_list args) {
    const int w = explorer::formatTextV(buf, buf_size, fmt, args);
    if (buf == nullptr) return w;
    if (w == -1 || w >= static_cast<int>(buf_size)) return static_cast<int>(buf_size) - 1;
    return w;
}
