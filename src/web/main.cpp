// The browser platform of the explorer (platform.hpp): WebGL2 context, input, sizing and frame
// scheduling. What the page calls and what the wasm tells the page live in bridge.cpp.
//
// Implemented:
//  [x] WebGL2 through our own renderer (gl_renderer.hpp: ImGui's draw data and the network's
//      graph batch, no GL state query in a frame), 32-bit indices
//  [x] Size from the container: the page measures it (ResizeObserver) and calls explorer_resize;
//      backing store = CSS size × devicePixelRatio, fonts rasterised at that ratio
//  [x] Mouse (hover, buttons, drag beyond the canvas), wheel, one finger as a pointer, two
//      fingers as pinch and pan, keyboard and text input while the canvas has focus
//  [x] Frames on demand only: input, a resize or a host call schedules one frame, and another
//      follows only while ImGui or the app still has something to show (needsAnotherFrame);
//      nothing is drawn while idle, hidden (visibilitychange) or scrolled away (IntersectionObserver)
//  [x] A dataset the reader brings is read in slices on timers (startLoading), a frame drawn each
//      time its progress bar moves; the page is silent again once it is handed over
// Missing: clipboard (the page does it), IME composition for text input.
//
// [SECTION] Platform state
// [SECTION] Frame scheduling and drawing
// [SECTION] Input

#include "web/platform.hpp"

#include "core/view_state_codec.hpp"
#include "core/view_state_json.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "web/bridge.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <utility>

namespace explorer::web {

Platform& platform() {
    static Platform instance;
    return instance;
}

namespace {

//-----------------------------------------------------------------------------------------------
// [SECTION] Frame scheduling and drawing
//-----------------------------------------------------------------------------------------------

// Time the atlas may spend rasterising queued glyphs before a frame (a dataset's characters, runs
// that did not fit in the frames that first showed them): the rest waits for the next frame. A
// quarter of the time since the last frame, between 6 ms (at 60 frames a second, a quarter of a
// frame) and 50 ms: where frames are slow anyway (a software GPU drawing 10k nodes takes 300 ms
// or more), the glyphs do not take a hundred of them to arrive.
double glyphBudgetMs(const Platform& p, double now) {
    const double since = p.lastFrameTime > 0 ? now - p.lastFrameTime : 0.0;
    return std::clamp(since * 0.25, 6.0, 50.0);
}

void rebuildFontsIfNeeded(Platform& p) {
    const float textScale = p.app.textScale();
    if (p.fontPixelRatio == p.pixelRatio && p.fontTextScale == textScale) return;
    p.app.setFonts(ui::buildFonts(static_cast<float>(p.pixelRatio), textScale));
    if (ui::FontAtlas* atlas = ui::fontAtlas()) atlas->setMaxTextureSize(p.renderer.maxTextureSize());
    p.renderer.uploadFonts();
    p.fontPixelRatio = p.pixelRatio;
    p.fontTextScale = textScale;
}

// The page hears of every change once, after the frame that made it: a step pushes a history
// entry, a stream (pan, zoom, typing) replaces it, opening a link adds none (core/intents.hpp
// decides which; nothing here compares states). Returns whether the state changed.
bool notifyIfStateChanged(Platform& p) {
    const Effects effects = p.app.takePageEffects();
    if (!effects.changed) return false;
    if (effects.history != HistoryStep::None)
        notifyStateChange(stateToJson(p.app.state()), toHash(p.app.state(), p.base), effects.history == HistoryStep::Replace);
    return true;
}

// Whether the frame just drawn is not yet what the reader should see, without any new input.
// Measured on what ImGui does after one event (a click, a key, a pointer move): it draws the
// outcome in the frame that reads the event, except for
//  - input it spreads over frames (a button's down and up, a key and its character);
//  - a window that appears: it is measured in one frame, hidden, and drawn in the next;
//  - a scroll asked for (SetScrollHere, keyboard navigation): applied in the next frame;
//  - keyboard navigation in flight (a move that scores items over two frames);
//  - the hovered or active item changing: items drawn before it in the frame saw the old one.
// And the app: a change of its state made during the frame (a click that selects, a pan) is
// drawn by the views from the next frame's state.
bool needsAnotherFrame(bool stateChanged) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (stateChanged || g.InputEventsQueue.Size > 0) return true;
    // Glyphs still to rasterise: the text waiting for them is drawn when they are there.
    if (const ui::FontAtlas* atlas = ui::fontAtlas(); atlas && atlas->busy()) return true;
    if (g.HoveredId != g.HoveredIdPreviousFrame || g.ActiveId != g.ActiveIdPreviousFrame) return true;
    if (g.NavMoveScoringItems || g.NavMoveForwardToNextFrame || g.NavInitRequest || g.NavActivateId != 0) return true;
    for (const ImGuiWindow* window : g.Windows) {
        if (!window->Active) continue;
        if (window->HiddenFramesCanSkipItems > 0 || window->HiddenFramesCannotSkipItems > 0 ||
            window->HiddenFramesForRenderOnly > 0 || window->AutoFitFramesX > 0 || window->AutoFitFramesY > 0)
            return true;
        if (window->ScrollTarget.x < FLT_MAX || window->ScrollTarget.y < FLT_MAX) return true;
    }
    return false;
}

// A dataset being loaded (ExplorerApp::startLoad) is read on timers, a slice at a time, between
// which the browser draws, takes input and runs the page: about 10 ms a slice, what is left of a
// frame at 60 a second once the widget has drawn. Frames are asked for only when the progress bar
// moves by a percent (or the reader does something), so that a software GPU drawing a frame in
// 100 ms does not hold the load back to 10 ms in 110.
constexpr double kLoadSliceMs = 10.0;
int loadPercentShown = -1;
bool loadTimerPending = false; // one chain of timers, whatever the loads started

void onLoadTimer(void* userData);

void scheduleLoadSlice() {
    if (loadTimerPending) return;
    loadTimerPending = true;
    emscripten_set_timeout(onLoadTimer, 0, nullptr);
}

void onLoadTimer(void* /*userData*/) {
    loadTimerPending = false;
    Platform& p = platform();
    if (!p.app.loading()) return;
    if (std::optional<ui::ExplorerApp::FinishedLoad> finished = p.app.pumpLoad(kLoadSliceMs)) {
        loadPercentShown = -1;
        finishDatasetLoad(std::move(*finished));
        return;
    }
    const int percent = static_cast<int>(p.app.loadProgress() * 100.0);
    if (percent != loadPercentShown) {
        loadPercentShown = percent;
        wake();
    }
    scheduleLoadSlice();
}

// For scripts/bench-render.mjs, which sets window.__explorerFrameTimes to an array before the
// page's scripts run: each frame's milliseconds building the UI in the wasm (fonts, ImGui, the
// views), then drawing it (our renderer's wasm and the WebGL calls it makes). Without that array
// nothing is kept.
EM_JS(void, reportFrameTimes, (double buildMs, double drawMs), {
    var times = window.__explorerFrameTimes;
    if (Array.isArray(times) && times.length < 100000) times.push([buildMs, drawMs]);
});

void drawFrame(Platform& p, double now) {
    const double started = emscripten_get_now();
    rebuildFontsIfNeeded(p);
    if (ui::FontAtlas* atlas = ui::fontAtlas()) atlas->pump(glyphBudgetMs(p, now));
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(p.cssWidth), static_cast<float>(p.cssHeight));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(p.pixelRatio), static_cast<float>(p.pixelRatio));
    // Idle gaps are not elapsed animation time: cap the step so a wake-up does not jump.
    const double dt = p.lastFrameTime > 0 ? (now - p.lastFrameTime) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(std::clamp(dt, 1.0 / 240.0, 1.0 / 15.0));
    p.lastFrameTime = now;

    ImGui::NewFrame();
    p.app.drawFrame();
    ImGui::Render();
    const double built = emscripten_get_now();
    p.renderer.render(ImGui::GetDrawData(), p.app.activePalette().background);
    reportFrameTimes(built - started, emscripten_get_now() - built);
    p.framesDrawn += 1;
    for (const std::string& url : p.app.takeLinksToOpen()) openLink(url);
    for (const ui::PageAction action : p.app.takeActions()) requestAction(action);
    const bool stateChanged = notifyIfStateChanged(p);
    // This frame was one of those asked for; one more if what it drew is not final yet.
    p.framesWanted = std::max(p.framesWanted - 1, needsAnotherFrame(stateChanged) ? 1 : 0);
    if (!p.firstFrameNotified) {
        p.firstFrameNotified = true;
        notifyFirstFrame();
    }
}

EM_BOOL onAnimationFrame(double now, void* /*userData*/) {
    Platform& p = platform();
    if (!p.visible || p.cssWidth < 1 || p.cssHeight < 1) {
        p.loopRunning = false;
        return EM_FALSE;
    }
    // The frames asked for may have been drawn meanwhile, outside the loop (drawPending, for a
    // host call that reads the result at once): then there is nothing left to draw.
    if (p.framesWanted > 0 || p.app.animating()) drawFrame(p, now);
    const bool keepGoing = p.framesWanted > 0 || p.app.animating();
    p.loopRunning = keepGoing;
    if (!keepGoing) p.lastFrameTime = 0;
    return keepGoing ? EM_TRUE : EM_FALSE;
}

// Asks for frames; starts the animation-frame loop if it is stopped.
} // namespace

void wake(int frames) {
    Platform& p = platform();
    p.framesWanted = std::max(p.framesWanted, frames);
    if (!p.loopRunning && p.visible && p.gl) {
        p.loopRunning = true;
        emscripten_request_animation_frame_loop(onAnimationFrame, nullptr);
    }
}

void startLoading() {
    loadPercentShown = -1;
    wake();
    scheduleLoadSlice();
}

namespace {

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
    ui::GestureInput& gestures = p.app.gestures();
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
    notifyWebGlUnavailable("context-lost");
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

bool startPlatform(bool systemDark) {
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
        notifyWebGlUnavailable("no-webgl2");
        return false;
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
    if (!p.renderer.init()) {
        notifyWebGlUnavailable("no-webgl2");
        return false;
    }
    p.app.setSystemDark(systemDark);
    installInputCallbacks();
    return true;
}

void drawNow() {
    Platform& p = platform();
    if (p.gl && p.cssWidth >= 1 && p.cssHeight >= 1) drawFrame(p, emscripten_get_now());
}

void drawPending() {
    Platform& p = platform();
    if (!p.gl || !p.visible || p.cssWidth < 1 || p.cssHeight < 1) return;
    // Only the frames the call asked for: an animation (a layout settling, a glide) goes on in the
    // animation-frame loop. Drawing its frames here, back to back, made the host's call wait for
    // the GPU to finish each of them: Enter on a search result held the page 9 to 16 s with
    // 10,000 nodes moving under software WebGL.
    for (int i = 0; i < kMaxPendingFrames && p.framesWanted > 0; ++i) drawFrame(p, emscripten_get_now());
}

void resize(double cssWidth, double cssHeight, double pixelRatio) {
    Platform& p = platform();
    pixelRatio = std::clamp(std::isfinite(pixelRatio) ? pixelRatio : 1.0, 0.5, 4.0);
    p.cssWidth = std::isfinite(cssWidth) ? std::max(0.0, cssWidth) : 0.0;
    p.cssHeight = std::isfinite(cssHeight) ? std::max(0.0, cssHeight) : 0.0;
    p.pixelRatio = pixelRatio;
    emscripten_set_canvas_element_size(kCanvas, static_cast<int>(std::lround(p.cssWidth * pixelRatio)),
                                       static_cast<int>(std::lround(p.cssHeight * pixelRatio)));
    // Drawing right away avoids one blank frame between the resize and the next animation frame.
    if (p.gl && p.visible && p.cssWidth >= 1 && p.cssHeight >= 1) drawFrame(p, emscripten_get_now());
    wake();
}

} // namespace explorer::web

int main() { return 0; }
