// The explorer's own WebGL2 renderer: ImGui's draw data, and the network's graph batch
// (ui/graph_batch.hpp) in a pass of its own, in ImGui's order.
//
// It replaces ImGui_ImplOpenGL3_RenderDrawData in the web build. Nothing else draws on the
// context, so the renderer sets the GL state it needs once and remembers what it changed since
// (program, vertex array, texture, scissor, viewport, clear colour): a frame makes no state
// query (glGet*, WebGL getParameter: each one a synchronous round trip to the GPU process), and
// binds or sets only what differs from the frame before.
//
// Output: the same as ImGui's OpenGL3 backend (the same vertex transform, the same blending:
// straight alpha, SRC_ALPHA / ONE_MINUS_SRC_ALPHA on colour, ONE / ONE_MINUS_SRC_ALPHA on alpha,
// no sRGB conversion; the font atlas sampled bilinearly), with the atlas kept as one byte per
// texel (ImGui's RGBA atlas is white with that alpha: the same texels).
//
// Uploads: each ImGui draw list (a window's) has buffers of its own, uploaded with one
// bufferData sized to the data (orphaning the old store) only when the list differs from what
// they hold: a panel that did not change is not sent again. The graph batch's instances only
// when GraphBatch::version changes: a frame that only moves the camera uploads none of them.
// (The graph's buffers are filled with DYNAMIC_DRAW, ImGui's with STREAM_DRAW: that is how
// tests/e2e/render.test.mjs tells them apart.)
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace explorer::ui {
struct GraphBatch;
}

namespace explorer::web {

class GlRenderer {
public:
    // Compiles the programs and creates the buffers and vertex arrays on the current context,
    // and sets the fixed state. False (with a message on the console) if a shader fails.
    bool init();

    // (Re)creates the font atlas texture from the atlas of ui/fonts.hpp and sets its TexID.
    void uploadFonts();
    // Sends what the atlas gained since the last upload (ui::FontAtlas::takeChange): the bands of
    // rows written (texSubImage2D), or the whole texture when it grew.
    void updateFonts();
    // The GPU's largest texture side (read once at init: glGet is a round trip).
    int maxTextureSize() const { return maxTextureSize_; }

    // Clears to `clear` (opaque) and draws the frame: viewport from the draw data's display size
    // and framebuffer scale.
    void render(const ImDrawData* data, ImU32 clear);

    // What the last frame uploaded, for the bench and tests (bytes through bufferData/texImage).
    struct FrameStats {
        std::uint64_t bytesUploaded = 0;
        std::uint32_t graphUploads = 0; // how many times the batch's instances were uploaded
        std::uint32_t drawCalls = 0;
    };
    const FrameStats& lastFrame() const { return last_; }

private:
    // A draw list's buffers, and a copy of what they hold.
    struct ListBuffers {
        const ImDrawList* owner = nullptr;
        unsigned vao = 0, vbo = 0, ibo = 0;
        ImVector<ImDrawVert> vertices;
        ImVector<ImDrawIdx> indices;
        std::uint64_t usedInFrame = 0;
    };
    ListBuffers& buffersFor(const ImDrawList* list);
    void upload(ListBuffers& buffers, const ImDrawList& list);
    void drawGraph(const ui::GraphBatch& batch, const ImDrawCmd& command);
    void useImGuiState(const ListBuffers& buffers);
    void setScissor(int x, int y, int width, int height);
    void useProgram(unsigned program);
    void bindVertexArray(unsigned vao);
    void bindArrayBuffer(unsigned buffer);

    // ImGui's program, buffers and vertex array.
    unsigned imguiProgram_ = 0;
    int projectionLocation_ = -1;
    std::vector<ListBuffers> lists_;
    std::uint64_t frameNumber_ = 0;
    unsigned fontTexture_ = 0;
    int fontTextureHeight_ = 0;
    int maxTextureSize_ = 2048;
    // The graph's programs and instance buffers.
    unsigned nodeProgram_ = 0, edgeProgram_ = 0;
    unsigned nodeVao_ = 0, nodeVbo_ = 0, edgeVao_ = 0, edgeVbo_ = 0;
    struct GraphLocations {
        int viewport = -1, centre = -1, camera = -1, scale = -1, em = -1;
        int strokes = -1, edgeAlpha = -1;                      // edges
        int background = -1, accent = -1, text = -1, hollowMix = -1; // nodes
    } nodeAt_, edgeAt_;
    const ui::GraphBatch* uploadedBatch_ = nullptr;
    std::uint64_t uploadedVersion_ = 0;
    int nodeCount_ = 0, edgeCount_ = 0;

    // What is set on the context now.
    unsigned program_ = 0, vao_ = 0, arrayBuffer_ = 0, texture_ = 0;
    int scissor_[4] = {-1, -1, -1, -1};
    int viewport_[2] = {-1, -1};
    ImU32 clear_ = 0;
    bool clearSet_ = false;
    float projection_[4] = {0, 0, 0, 0};
    // Per frame.
    int fbWidth_ = 0, fbHeight_ = 0;
    float displayW_ = 0, displayH_ = 0, pixelScale_ = 1;
    FrameStats frame_, last_;
};

} // namespace explorer::web
