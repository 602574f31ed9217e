// The browser platform the explorer runs on: the WebGL2 context, the frame loop, input and sizing
// (main.cpp). The bridge to the page (bridge.cpp) drives it through these few calls; nothing else
// in the program touches the browser.
#pragma once

#include "ui/explorer_app.hpp"
#include "web/gl_renderer.hpp"

#include <emscripten/html5.h>

#include <string>

namespace explorer::web {

inline constexpr const char* kCanvas = "#explorer-canvas";

// An event asks for one frame; the frame loop draws another only while the last one was not
// final (main.cpp, needsAnotherFrame: input ImGui spread over frames, a window appearing, a
// scroll or a state change to draw), then stops. drawPending draws at most this many at once.
inline constexpr int kMaxPendingFrames = 4;

struct Platform {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    GlRenderer renderer;
    ui::ExplorerApp app;
    double cssWidth = 0;
    double cssHeight = 0;
    double pixelRatio = 1;
    double fontPixelRatio = 0; // ratio the font atlas was built for
    float fontTextScale = 1.0f; // and its text scale (ExplorerApp::textScale)
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
    // The page's own defaults (its language, its options): links only carry what differs.
    ViewState base;
    // Content hash of the dataset the page was delivered with: links about it carry no `data`.
    std::string builtinFingerprint;
};

Platform& platform();

// Creates the WebGL2 context and ImGui and installs the input callbacks. False when WebGL2 is
// unavailable (the page has been told).
bool startPlatform(bool systemDark);

// Asks for frames; starts the animation-frame loop if it is stopped.
void wake(int frames = 1);

// Reads the dataset load just started (ExplorerApp::startLoad) a slice at a time on timers, with
// a frame each time its progress bar moves, until it is handed over (finishDatasetLoad).
void startLoading();

// Draws one frame now, whatever the scheduling (the page reads the canvas right after).
void drawNow();

// Draws now the frames a change asked for, so that what the page reads next (locate) matches the
// state it just set, without waiting for the next animation frame.
void drawPending();

// The container's size in CSS pixels and the device pixel ratio: the backing store follows.
void resize(double cssWidth, double cssHeight, double pixelRatio);

} // namespace explorer::web
