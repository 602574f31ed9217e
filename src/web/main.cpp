// The browser platform of the explorer: WebGL2 context, input, sizing, frame scheduling, and the
// functions the page's JavaScript calls (web/explorer-host.js).
//
// Implemented:
//  [x] WebGL2 through imgui_impl_opengl3 (GLSL 300 es), 32-bit indices
//  [x] Size from the container: the page measures it (ResizeObserver) and calls explorer_resize;
//      backing store = CSS size × devicePixelRatio, fonts rasterised at that ratio
//  [x] Mouse (hover, buttons, drag beyond the canvas), wheel, one finger as a pointer, two
//      fingers as pinch and pan, keyboard and text input while the canvas has focus
//  [x] Frames on demand only: input, a resize or a host call schedules a few frames; nothing is
//      drawn while idle, hidden (visibilitychange) or scrolled away (IntersectionObserver)
//  [x] URL state, host API calls and their notices (with web/explorer-host.js)
// Missing: clipboard (the page does it), IME composition for text input.
//
// [SECTION] Platform state
// [SECTION] Frame scheduling and drawing
// [SECTION] Input
// [SECTION] Exports for the page

#include "core/csv_import.hpp"
#include "core/data_export.hpp"
#include "core/view_state_codec.hpp"
#include "core/view_state_json.hpp"
#include "ui/explorer_app.hpp"
#include "ui/fonts.hpp"
#include "web/web_host.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

namespace {

using explorer::ui::ExplorerApp;

//-----------------------------------------------------------------------------------------------
// [SECTION] Platform state
//-----------------------------------------------------------------------------------------------

constexpr const char* kCanvas = "#explorer-canvas";

// ImGui settles hover and focus state over a couple of frames after an event; drawing this many
// frames after the last event shows the final state, then the loop stops.
constexpr int kFramesAfterInput = 3;

struct Platform {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    ExplorerApp app;
    double cssWidth = 0;
    double cssHeight = 0;
    double pixelRatio = 1;
    double fontPixelRatio = 0; // ratio the font atlas was built for
    bool visible = true;
    bool loopRunning = false;
    int framesWanted = 0;
    double framesDrawn = 0;
    bool firstFrameNotified = false;
    double lastFrameTime = 0;
    // Mouse drags continue outside the canvas: offset from page (client) to canvas coordinates.
    bool dragging = false;
    double clientToCanvasX = 0;
    double clientToCanvasY = 0;
    double lastTouchTime = -1e9;
    // Two-finger gesture in progress: the previous centre and spread of the first two touches.
    bool twoFingers = false;
    double pinchDistance = 0;
    double pinchCentreX = 0;
    double pinchCentreY = 0;
    std::string scratch; // backing store for strings returned to JS
    // The page's own defaults (its language, its options): links only carry what differs.
    explorer::ViewState base;
    explorer::ViewState lastNotified;
    // Content hash of the dataset the page was delivered with: links about it carry no `data`.
    std::string builtinFingerprint;
};

Platform& platform() {
    static Platform instance;
    return instance;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Frame scheduling and drawing
//-----------------------------------------------------------------------------------------------

void rebuildFontsIfNeeded(Platform& p) {
    if (p.fontPixelRatio == p.pixelRatio) return;
    p.app.setFonts(explorer::ui::buildFonts(static_cast<float>(p.pixelRatio)));
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    p.fontPixelRatio = p.pixelRatio;
}

void notifyIfStateChanged(Platform& p) {
    const explorer::ViewState& now = p.app.state();
    if (now == p.lastNotified) return;
    // Pan, zoom and typing arrive in streams: one history entry for the stream, not one per frame.
    explorer::ViewState discrete = now;
    discrete.camera = p.lastNotified.camera;
    discrete.cameraSet = p.lastNotified.cameraSet;
    discrete.search = p.lastNotified.search;
    const bool continuous = discrete == p.lastNotified;
    p.lastNotified = now;
    explorer::web::notifyStateChange(explorer::stateToJson(now), explorer::toHash(now, p.base), continuous);
}

void drawFrame(Platform& p, double now) {
    rebuildFontsIfNeeded(p);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(p.cssWidth), static_cast<float>(p.cssHeight));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(p.pixelRatio), static_cast<float>(p.pixelRatio));
    // Idle gaps are not elapsed animation time: cap the step so a wake-up does not jump.
    const double dt = p.lastFrameTime > 0 ? (now - p.lastFrameTime) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(std::clamp(dt, 1.0 / 240.0, 1.0 / 15.0));
    p.lastFrameTime = now;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    p.app.drawFrame();
    ImGui::Render();

    const ImU32 bg = explorer::ui::palette(p.app.darkThemeActive()).background;
    const ImVec4 clear = ImGui::ColorConvertU32ToFloat4(bg);
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    p.framesDrawn += 1;
    for (const std::string& url : p.app.takeLinksToOpen()) explorer::web::openLink(url);
    for (const explorer::ui::PageAction action : p.app.takeActions()) explorer::web::requestAction(action);
    notifyIfStateChanged(p);
    if (!p.firstFrameNotified) {
        p.firstFrameNotified = true;
        explorer::web::notifyFirstFrame();
    }
}

EM_BOOL onAnimationFrame(double now, void* /*userData*/) {
    Platform& p = platform();
    if (!p.visible || p.cssWidth < 1 || p.cssHeight < 1) {
        p.loopRunning = false;
        return EM_FALSE;
    }
    drawFrame(p, now);
    if (p.framesWanted > 0) --p.framesWanted;
    // ImGui spreads fast input over frames (a key press and its character, a click's down and up):
    // keep drawing until its queue is empty, so no keystroke is left waiting for the next event.
    const bool inputPending = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
    const bool keepGoing = p.framesWanted > 0 || inputPending || p.app.animating();
    p.loopRunning = keepGoing;
    if (!keepGoing) p.lastFrameTime = 0;
    return keepGoing ? EM_TRUE : EM_FALSE;
}

// Asks for frames; starts the animation-frame loop if it is stopped.
void wake(int frames = kFramesAfterInput) {
    Platform& p = platform();
    p.framesWanted = std::max(p.framesWanted, frames);
    if (!p.loopRunning && p.visible && p.gl) {
        p.loopRunning = true;
        emscripten_request_animation_frame_loop(onAnimationFrame, nullptr);
    }
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Input
//-----------------------------------------------------------------------------------------------

// Keyboard input goes to the widget once the reader has clicked it, without scrolling the page.
EM_JS(void, focusCanvas, (), {
    var canvas = document.getElementById('explorer-canvas');
    if (canvas && document.activeElement !== canvas) canvas.focus({preventScroll : true});
});

bool touchRecentlyUsed(const Platform& p) {
    // Browsers follow a tap with emulated mouse events; a real mouse does not come 800 ms after a touch.
    return emscripten_get_now() - p.lastTouchTime < 800;
}

int imguiButton(unsigned short domButton) {
    switch (domButton) {
    case 0: return 0;
    case 1: return 2;
    case 2: return 1;
    default: return -1;
    }
}

EM_BOOL onMouseOnCanvas(int type, const EmscriptenMouseEvent* e, void*) {
    Platform& p = platform();
    if (!p.app.interactive()) return EM_FALSE; // a static picture lets the page have every event
    if (touchRecentlyUsed(p)) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN) {
        const int button = imguiButton(e->button);
        if (button >= 0) io.AddMouseButtonEvent(button, true);
        p.dragging = true;
        p.clientToCanvasX = static_cast<double>(e->clientX - e->targetX);
        p.clientToCanvasY = static_cast<double>(e->clientY - e->targetY);
        focusCanvas();
    } else if (type == EMSCRIPTEN_EVENT_MOUSELEAVE && !p.dragging) {
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    }
    wake();
    return type == EMSCRIPTEN_EVENT_MOUSEDOWN ? EM_FALSE : EM_TRUE;
}

// While a button is held the drag follows the pointer outside the canvas, and the release is seen.
EM_BOOL onMouseOnDocument(int type, const EmscriptenMouseEvent* e, void*) {
    Platform& p = platform();
    if (!p.dragging) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(static_cast<float>(e->clientX - p.clientToCanvasX),
                        static_cast<float>(e->clientY - p.clientToCanvasY));
    if (type == EMSCRIPTEN_EVENT_MOUSEUP) {
        const int button = imguiButton(e->button);
        if (button >= 0) io.AddMouseButtonEvent(button, false);
        p.dragging = false;
    }
    wake();
    return EM_FALSE;
}

EM_BOOL onWheel(int, const EmscriptenWheelEvent* e, void*) {
    Platform& p = platform();
    if (!p.app.interactive()) return EM_FALSE; // a static picture lets the page have every event
    // deltaMode: 0 pixels, 1 lines, 2 pages. ImGui counts in "lines" of about 5 text lines.
    double scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0 / 100.0 : e->deltaMode == DOM_DELTA_LINE ? 1.0 / 3.0 : 1.0;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(static_cast<float>(e->mouse.targetX), static_cast<float>(e->mouse.targetY));
    io.AddMouseWheelEvent(static_cast<float>(-e->deltaX * scale), static_cast<float>(-e->deltaY * scale));
    wake();
    // The page scrolls on unless the widget has something under the pointer that scrolls or zooms.
    return p.app.wantsWheel() ? EM_TRUE : EM_FALSE;
}

// Two fingers pinch and pan (accumulated into the app's GestureInput until the next frame);
// one finger is a pointer. Vertical one-finger swipes are left to the page (touch-action: pan-y
// on the canvas), so an embedded widget never traps the reader's scroll.
void trackTwoFingers(Platform& p, const EmscriptenTouchEvent* e, int type) {
    int down[2] = {-1, -1};
    int count = 0;
    for (int i = 0; i < e->numTouches && count < 2; ++i) {
        const bool lifted = (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) &&
                            e->touches[i].isChanged;
        if (!lifted) down[count++] = i;
    }
    if (count < 2) {
        p.twoFingers = false;
        p.app.gestures().active = false;
        return;
    }
    const EmscriptenTouchPoint& a = e->touches[down[0]];
    const EmscriptenTouchPoint& b = e->touches[down[1]];
    const double cx = (static_cast<double>(a.targetX) + static_cast<double>(b.targetX)) / 2.0;
    const double cy = (static_cast<double>(a.targetY) + static_cast<double>(b.targetY)) / 2.0;
    const double distance = std::hypot(static_cast<double>(a.targetX - b.targetX), static_cast<double>(a.targetY - b.targetY));
    explorer::ui::GestureInput& gestures = p.app.gestures();
    if (p.twoFingers && p.pinchDistance > 1.0 && distance > 1.0) {
        gestures.pinchScale *= static_cast<float>(distance / p.pinchDistance);
        gestures.twoFingerPan.x += static_cast<float>(cx - p.pinchCentreX);
        gestures.twoFingerPan.y += static_cast<float>(cy - p.pinchCentreY);
    } else {
        // The second finger arrived: what the first one started is no longer a tap or a drag.
        ImGui::GetIO().AddMouseButtonEvent(0, false);
    }
    gestures.active = true;
    gestures.pinchCentre = ImVec2(static_cast<float>(cx), static_cast<float>(cy));
    p.twoFingers = true;
    p.pinchDistance = distance;
    p.pinchCentreX = cx;
    p.pinchCentreY = cy;
}

EM_BOOL onTouch(int type, const EmscriptenTouchEvent* e, void*) {
    Platform& p = platform();
    if (!p.app.interactive()) return EM_FALSE; // a static picture lets the page have every event
    p.lastTouchTime = emscripten_get_now();
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    trackTwoFingers(p, e, type);
    if (p.twoFingers) {
        wake();
        return EM_TRUE; // the widget zooms; the page must not
    }
    const EmscriptenTouchPoint* touch = nullptr;
    for (int i = 0; i < e->numTouches; ++i) {
        if (e->touches[i].isChanged) {
            touch = &e->touches[i];
            break;
        }
    }
    if (!touch) return EM_FALSE;
    io.AddMousePosEvent(static_cast<float>(touch->targetX), static_cast<float>(touch->targetY));
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) io.AddMouseButtonEvent(0, true);
    if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
        io.AddMouseButtonEvent(0, false);
        // A finger lifted leaves no hover behind.
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    }
    wake();
    return EM_FALSE;
}

struct KeyName {
    const char* code;
    ImGuiKey key;
};

constexpr KeyName kNamedKeys[] = {
    {"Tab", ImGuiKey_Tab},           {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},   {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home},           {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert},     {"Delete", ImGuiKey_Delete},       {"Backspace", ImGuiKey_Backspace},
    {"Space", ImGuiKey_Space},       {"Enter", ImGuiKey_Enter},         {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"Escape", ImGuiKey_Escape},     {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift},
    {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl}, {"AltLeft", ImGuiKey_LeftAlt},
    {"AltRight", ImGuiKey_RightAlt}, {"MetaLeft", ImGuiKey_LeftSuper},  {"MetaRight", ImGuiKey_RightSuper},
    {"Slash", ImGuiKey_Slash},       {"NumpadDivide", ImGuiKey_KeypadDivide},
};

ImGuiKey keyFromCode(const char* code) {
    for (const KeyName& named : kNamedKeys) {
        if (std::strcmp(code, named.code) == 0) return named.key;
    }
    // Letters and digits by physical position, so Ctrl+A works on any layout's shortcuts.
    if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && code[4] == '\0') {
        return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
    }
    if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && code[6] == '\0') {
        return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
    }
    return ImGuiKey_None;
}

EM_BOOL onKey(int type, const EmscriptenKeyboardEvent* e, void*) {
    if (!platform().app.interactive()) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
    io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
    const ImGuiKey key = keyFromCode(e->code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, down);
    // A printable key carries its character in `key` (one code point, so at most 4 UTF-8 bytes).
    const bool printable = down && !e->ctrlKey && !e->metaKey && std::strlen(e->key) <= 4 &&
                           static_cast<unsigned char>(e->key[0]) >= 0x20 &&
                           (std::strlen(e->key) == 1 || static_cast<unsigned char>(e->key[0]) >= 0x80);
    if (printable) io.AddInputCharactersUTF8(e->key);
    wake();
    // Keep the browser's own handling (page scroll, shortcuts) unless ImGui is typing or navigating.
    return (io.WantTextInput || (io.WantCaptureKeyboard && key == ImGuiKey_Tab)) ? EM_TRUE : EM_FALSE;
}

EM_BOOL onFocus(int type, const EmscriptenFocusEvent*, void*) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    wake();
    return EM_FALSE;
}

EM_BOOL onContextLost(int, const void*, void*) {
    platform().visible = false;
    explorer::web::notifyWebGlUnavailable("context-lost");
    return EM_TRUE;
}

void installInputCallbacks() {
    emscripten_set_mousedown_callback(kCanvas, nullptr, EM_FALSE, onMouseOnCanvas);
    emscripten_set_mousemove_callback(kCanvas, nullptr, EM_FALSE, onMouseOnCanvas);
    emscripten_set_mouseleave_callback(kCanvas, nullptr, EM_FALSE, onMouseOnCanvas);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, onMouseOnDocument);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, onMouseOnDocument);
    emscripten_set_wheel_callback(kCanvas, nullptr, EM_FALSE, onWheel);
    emscripten_set_touchstart_callback(kCanvas, nullptr, EM_FALSE, onTouch);
    emscripten_set_touchmove_callback(kCanvas, nullptr, EM_FALSE, onTouch);
    emscripten_set_touchend_callback(kCanvas, nullptr, EM_FALSE, onTouch);
    emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_FALSE, onTouch);
    emscripten_set_keydown_callback(kCanvas, nullptr, EM_FALSE, onKey);
    emscripten_set_keyup_callback(kCanvas, nullptr, EM_FALSE, onKey);
    emscripten_set_focus_callback(kCanvas, nullptr, EM_FALSE, onFocus);
    emscripten_set_blur_callback(kCanvas, nullptr, EM_FALSE, onFocus);
    emscripten_set_webglcontextlost_callback(kCanvas, nullptr, EM_FALSE,
                                             reinterpret_cast<em_webgl_context_callback>(onContextLost));
}

} // namespace

//-----------------------------------------------------------------------------------------------
// [SECTION] Exports for the page (web/explorer-host.js)
//-----------------------------------------------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE void explorer_draw_pending();

// Creates the WebGL2 context and ImGui. Returns 0 on success, 1 when WebGL2 is unavailable
// (the page then shows its message; nothing else is called).
EMSCRIPTEN_KEEPALIVE int explorer_init(int systemDark) {
    Platform& p = platform();
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = 2;
    attributes.minorVersion = 0;
    attributes.alpha = EM_FALSE;
    attributes.depth = EM_FALSE;
    attributes.stencil = EM_FALSE;
    attributes.antialias = EM_FALSE; // ImGui antialiases its own shapes
    attributes.premultipliedAlpha = EM_TRUE;
    attributes.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
    p.gl = emscripten_webgl_create_context(kCanvas, &attributes);
    if (p.gl <= 0) {
        p.gl = 0;
        explorer::web::notifyWebGlUnavailable("no-webgl2");
        return 1;
    }
    emscripten_webgl_make_context_current(p.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false; // a blinking caret would keep the widget drawing
    io.BackendPlatformName = "explorer_web";
    ImGui_ImplOpenGL3_Init("#version 300 es");
    p.app.setSystemDark(systemDark != 0);
    installInputCallbacks();
    return 0;
}

// Validates and shows a dataset. Returns the number of problems (0 = accepted).
// The dataset the page was delivered with ("json" or "csv"). Returns the number of problems
// (0 = accepted); a rejected one is listed in the widget.
EMSCRIPTEN_KEEPALIVE int explorer_load_dataset(const char* text, const char* format) {
    Platform& p = platform();
    const std::string_view data = text ? std::string_view(text) : std::string_view();
    const bool csv = format && std::string_view(format) == "csv";
    const auto problems = p.app.useLoaded(csv ? explorer::loadCsvDataset(data) : explorer::loadDataset(data));
    if (problems.empty()) p.builtinFingerprint = explorer::datasetFingerprint(data);
    wake();
    return static_cast<int>(problems.size());
}

// A dataset the reader or the host brings: format "json" or "csv". Returns
// {"ok":bool,"problems":[{"line","column","pointer","code","message"}]}; a rejected dataset
// changes nothing (the widget lists the problems). An accepted one is recorded in the state
// (`data`, its content hash) so that links say which dataset they show.
EMSCRIPTEN_KEEPALIVE const char* explorer_load_dataset_text(const char* text, const char* format) {
    Platform& p = platform();
    const std::string_view data = text ? std::string_view(text) : std::string_view();
    const bool csv = format && std::string_view(format) == "csv";
    const auto problems = p.app.useLoaded(csv ? explorer::loadCsvDataset(data) : explorer::loadDataset(data));
    if (problems.empty()) {
        const std::string fingerprint = explorer::datasetFingerprint(data);
        p.app.state().dataset = fingerprint == p.builtinFingerprint ? std::string() : fingerprint;
        p.app.showNotices({});
    }
    const explorer::Lang lang = p.app.state().lang;
    std::string json = std::string("{\"ok\":") + (problems.empty() ? "true" : "false") + ",\"problems\":[";
    for (std::size_t i = 0; i < problems.size(); ++i) {
        const explorer::Problem& problem = problems[i];
        if (i) json += ',';
        json += "{\"line\":" + std::to_string(problem.line) + ",\"column\":" + std::to_string(problem.column) +
                ",\"pointer\":" + explorer::jsonString(problem.pointer) + ",\"code\":\"" +
                std::string(explorer::toString(problem.code)) + "\",\"message\":" +
                explorer::jsonString(explorer::describe(problem, lang)) + "}";
    }
    json += "]}";
    wake();
    p.scratch = json;
    return p.scratch.c_str();
}

// What the reader sees, as a file: "relations.csv", "entities.csv", "data.json" (the visible
// part, in the explorer's JSON format), "network.svg", or "caption.json" (title, legend, source
// line and colours, for the PNG the page composes). `permalink` goes into the SVG's footer.
EMSCRIPTEN_KEEPALIVE const char* explorer_export(const char* kind, const char* permalink) {
    Platform& p = platform();
    const std::string_view what = kind ? kind : "";
    const explorer::Dataset& dataset = p.app.dataset();
    const explorer::VisibleSet& visible = p.app.visible();
    const explorer::Lang lang = p.app.state().lang;
    const bool fr = lang == explorer::Lang::Fr;
    const std::string sourceLine = explorer::attributionLine(dataset, lang);
    if (!p.app.hasDataset()) {
        p.scratch.clear();
    } else if (what == "relations.csv") {
        p.scratch = explorer::relationsCsv(dataset, visible, lang);
    } else if (what == "entities.csv") {
        p.scratch = explorer::entitiesCsv(dataset, visible, lang);
    } else if (what == "data.json") {
        p.scratch = explorer::visibleDatasetJson(dataset, visible);
    } else if (what == "network.svg") {
        std::vector<explorer::SvgNode> nodes;
        for (const auto& node : p.app.networkNodes()) nodes.push_back({node.entity, node.x, node.y, node.radius});
        explorer::SvgOptions options;
        options.title = dataset.title.get(lang);
        options.sourceLine = sourceLine;
        options.permalink = permalink ? permalink : "";
        options.dark = p.app.darkThemeActive();
        options.width = static_cast<int>(std::lround(std::max(640.0, p.cssWidth)));
        p.scratch = explorer::networkSvg(dataset, visible, nodes, lang, options);
    } else if (what == "caption.json") {
        const explorer::ui::Palette& palette = explorer::ui::palette(p.app.darkThemeActive());
        const auto css = [](ImU32 colour) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", (colour >> IM_COL32_R_SHIFT) & 0xFF,
                          (colour >> IM_COL32_G_SHIFT) & 0xFF, (colour >> IM_COL32_B_SHIFT) & 0xFF);
            return std::string(buffer);
        };
        const char* kinds[][3] = {{"Projet", "Project", "square"}, {"Organisation", "Organisation", "circle"},
                                  {"Modèle", "Model", "diamond"}, {"Initiative", "Initiative", "hexagon"}};
        std::string legend;
        for (std::size_t k = 0; k < explorer::kEntityKindCount; ++k) {
            if (dataset.count(static_cast<explorer::EntityKind>(k)) == 0) continue;
            if (!legend.empty()) legend += ',';
            legend += "{\"label\":" + explorer::jsonString(kinds[k][fr ? 0 : 1]) + ",\"shape\":\"" + kinds[k][2] +
                      "\",\"colour\":\"" + css(palette.kind[k]) + "\"}";
        }
        const explorer::ui::ScreenRect view = p.app.viewRect();
        char viewJson[160];
        std::snprintf(viewJson, sizeof viewJson, "{\"x\":%.1f,\"y\":%.1f,\"width\":%.1f,\"height\":%.1f}",
                      static_cast<double>(view.x), static_cast<double>(view.y), static_cast<double>(view.width),
                      static_cast<double>(view.height));
        p.scratch = "{\"view\":" + std::string(viewJson) + ",\"title\":" + explorer::jsonString(dataset.title.get(lang)) + ",\"source\":" +
                    explorer::jsonString(sourceLine) + ",\"legend\":[" + legend + "],\"background\":\"" +
                    css(palette.background) + "\",\"text\":\"" + css(palette.text) + "\",\"muted\":\"" +
                    css(palette.textMuted) + "\"}";
    } else {
        p.scratch.clear();
    }
    return p.scratch.c_str();
}

// The whole dataset shown, in the explorer's JSON format (what "Save for offline" writes into the
// page when the reader brought a CSV).
EMSCRIPTEN_KEEPALIVE const char* explorer_export_json_all() {
    Platform& p = platform();
    explorer::VisibleSet all;
    all.entity.assign(p.app.dataset().entities.size(), true);
    all.relation.assign(p.app.dataset().relations.size(), true);
    p.scratch = explorer::visibleDatasetJson(p.app.dataset(), all);
    return p.scratch.c_str();
}

// Draws one frame now, whatever the scheduling: the page reads the canvas right after (PNG).
EMSCRIPTEN_KEEPALIVE void explorer_draw_now() {
    Platform& p = platform();
    if (p.gl && p.cssWidth >= 1 && p.cssHeight >= 1) drawFrame(p, emscripten_get_now());
}

EMSCRIPTEN_KEEPALIVE void explorer_resize(double cssWidth, double cssHeight, double pixelRatio) {
    Platform& p = platform();
    pixelRatio = std::clamp(std::isfinite(pixelRatio) ? pixelRatio : 1.0, 0.5, 4.0);
    p.cssWidth = std::max(0.0, cssWidth);
    p.cssHeight = std::max(0.0, cssHeight);
    p.pixelRatio = pixelRatio;
    emscripten_set_canvas_element_size(kCanvas, static_cast<int>(std::lround(p.cssWidth * pixelRatio)),
                                       static_cast<int>(std::lround(p.cssHeight * pixelRatio)));
    // Drawing right away avoids one blank frame between the resize and the next animation frame.
    if (p.gl && p.visible && p.cssWidth >= 1 && p.cssHeight >= 1) drawFrame(p, emscripten_get_now());
    wake();
}

EMSCRIPTEN_KEEPALIVE void explorer_set_visible(int visible) {
    Platform& p = platform();
    p.visible = visible != 0;
    if (p.visible) wake();
}

EMSCRIPTEN_KEEPALIVE void explorer_set_system_dark(int dark) {
    platform().app.setSystemDark(dark != 0);
    wake();
}

// Draws now the frames a change asked for, so that what the page reads next (locate) matches
// the state it just set, without waiting for the next animation frame.
EMSCRIPTEN_KEEPALIVE void explorer_draw_pending() {
    Platform& p = platform();
    if (!p.gl || !p.visible || p.cssWidth < 1 || p.cssHeight < 1) return;
    for (int i = 0; i < kFramesAfterInput && (p.framesWanted > 0 || p.app.animating()); ++i) {
        drawFrame(p, emscripten_get_now());
        if (p.framesWanted > 0) --p.framesWanted;
    }
}

EMSCRIPTEN_KEEPALIVE double explorer_frames() { return platform().framesDrawn; }

// {"projects":7,"organisations":…,"models":…,"initiatives":…,"links":…,"sources":…}
EMSCRIPTEN_KEEPALIVE const char* explorer_summary_json() {
    Platform& p = platform();
    const explorer::ui::Summary s = p.app.summary();
    char buffer[256];
    std::snprintf(buffer, sizeof buffer,
                  "{\"projects\":%zu,\"organisations\":%zu,\"models\":%zu,\"initiatives\":%zu,"
                  "\"links\":%zu,\"sources\":%zu}",
                  s.projects, s.organisations, s.models, s.initiatives, s.links, s.sources);
    p.scratch = buffer;
    return p.scratch.c_str();
}

// Selects an entity by id ("" clears). Returns 1, or 0 for an unknown id (nothing changes).
EMSCRIPTEN_KEEPALIVE int explorer_select(const char* id) {
    const bool ok = platform().app.select(id ? id : "");
    wake();
    return ok ? 1 : 0;
}

// network | matrix | table | projects. Returns 0 for another name (nothing changes).
EMSCRIPTEN_KEEPALIVE int explorer_set_view(const char* name) {
    const auto view = explorer::viewFromString(name ? name : "");
    if (!view) return 0;
    platform().app.state().view = *view;
    wake();
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* explorer_selection() {
    Platform& p = platform();
    p.scratch = p.app.state().selection;
    return p.scratch.c_str();
}

// {"x":…,"y":…,"width":…,"height":…} in CSS pixels, from the last frame drawn; "null" when the
// entity is not drawn in the current view.
EMSCRIPTEN_KEEPALIVE const char* explorer_locate_json(const char* id) {
    Platform& p = platform();
    // What the page asks to point at is scrolled into sight first (matrix, table).
    if (!p.app.locate(id ? id : "")) {
        p.app.reveal(id ? id : "");
        wake();
        explorer_draw_pending();
    }
    const auto rect = p.app.locate(id ? id : "");
    if (!rect) {
        p.scratch = "null";
    } else {
        char buffer[160];
        std::snprintf(buffer, sizeof buffer, "{\"x\":%.2f,\"y\":%.2f,\"width\":%.2f,\"height\":%.2f}",
                      static_cast<double>(rect->x), static_cast<double>(rect->y), static_cast<double>(rect->width),
                      static_cast<double>(rect->height));
        p.scratch = buffer;
    }
    return p.scratch.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* explorer_get_state_json() {
    Platform& p = platform();
    p.scratch = explorer::stateToJson(p.app.state());
    return p.scratch.c_str();
}

namespace {

// Applies a decoded state; shows what was not applied as a quiet notice. Returns the notices as
// a JSON array of {key, reason, message} for the page.
const char* applyDecoded(Platform& p, explorer::HashDecode decoded, bool showNotices) {
    if (p.app.hasDataset()) explorer::dropUnknownIds(decoded.state, p.app.dataset(), decoded.notices);
    p.app.state() = decoded.state;
    std::string json = "[";
    for (const explorer::HashNotice& notice : decoded.notices) {
        if (json.size() > 1) json += ',';
        json += "{\"key\":" + explorer::jsonString(notice.key) + ",\"reason\":\"" +
                std::string(explorer::toString(notice.reason)) + "\",\"message\":" +
                explorer::jsonString(explorer::describe(notice, p.app.state().lang)) + "}";
    }
    json += "]";
    if (showNotices && !decoded.notices.empty()) p.app.showNotices(std::move(decoded.notices));
    wake();
    p.scratch = json;
    return p.scratch.c_str();
}

} // namespace

// Applies any part of the state object (view_state_json.hpp). Returns the notices (JSON array).
EMSCRIPTEN_KEEPALIVE const char* explorer_set_state_json(const char* json) {
    Platform& p = platform();
    return applyDecoded(p, explorer::applyStateJson(json ? json : "", p.app.state()), false);
}

// The page's defaults (its language, options from data attributes or the query string), as a
// state object. Links are written relative to them; the current state starts from them.
EMSCRIPTEN_KEEPALIVE const char* explorer_set_defaults_json(const char* json) {
    Platform& p = platform();
    explorer::HashDecode decoded = explorer::applyStateJson(json ? json : "", explorer::ViewState{});
    p.base = decoded.state;
    p.lastNotified = decoded.state;
    return applyDecoded(p, std::move(decoded), true);
}

// Opens the view a link's fragment describes (relative to the defaults). Shows a quiet notice for
// the parts not applied, and returns them (JSON array).
EMSCRIPTEN_KEEPALIVE const char* explorer_apply_hash(const char* hash) {
    Platform& p = platform();
    explorer::HashDecode decoded = explorer::fromHash(hash ? hash : "", p.base);
    // A link made on another dataset opens on the data shown here, with a notice, not a wrong
    // picture of the other one: its selection and filters may name things this dataset lacks.
    if (decoded.state.dataset != p.app.state().dataset) {
        decoded.notices.insert(decoded.notices.begin(),
                               explorer::HashNotice{"data", decoded.state.dataset, explorer::NoticeReason::OtherDataset});
        decoded.state.dataset = p.app.state().dataset;
    }
    // Applying a link is not a reader's step: it must not add a history entry of its own.
    const char* result = applyDecoded(p, std::move(decoded), true);
    p.lastNotified = p.app.state();
    return result;
}

// The fragment for the current state (no "#"), relative to the defaults.
EMSCRIPTEN_KEEPALIVE const char* explorer_get_hash() {
    Platform& p = platform();
    p.scratch = explorer::toHash(p.app.state(), p.base);
    return p.scratch.c_str();
}

EMSCRIPTEN_KEEPALIVE void explorer_set_interactive(int interactive) {
    platform().app.setInteractive(interactive != 0);
    wake();
}

} // extern "C"

int main() { return 0; }
