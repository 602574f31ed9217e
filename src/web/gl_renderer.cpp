// The explorer's WebGL2 renderer (gl_renderer.hpp).
//
// [SECTION] shaders
// [SECTION] set-up
// [SECTION] ImGui's draw data
// [SECTION] the graph batch
#include "web/gl_renderer.hpp"

#include "ui/fonts.hpp"
#include "ui/graph_batch.hpp"

#include <GLES3/gl3.h>
#include <emscripten/console.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace explorer::web {
namespace {

//-----------------------------------------------------------------------------------------------
// [SECTION] shaders
//-----------------------------------------------------------------------------------------------

// The sources are written as one string literal a line, with no indentation and no comment
// inside: the literals ship in the wasm as they are written, and the GLSL compiler needs neither.
// Comments about the GLSL stand as C++ comments beside its line; the C++ indentation outside the
// quotes shows the GLSL's nesting.

// ImGui's: the OpenGL3 backend's GLSL 300 es pair, with the projection as scale and offset and
// the atlas as one channel (ImGui's RGBA atlas is (1, 1, 1, alpha)).
constexpr const char* kImGuiVertex =
    "#version 300 es\n"
    "precision highp float;\n"
    "layout (location = 0) in vec2 Position;\n"
    "layout (location = 1) in vec2 UV;\n"
    "layout (location = 2) in vec4 Color;\n"
    "uniform vec4 Projection;\n" // scale xy, offset zw: display coordinates to clip space
    "out vec2 Frag_UV;\n"
    "out vec4 Frag_Color;\n"
    "void main() {\n"
        "Frag_UV = UV;\n"
        "Frag_Color = Color;\n"
        "gl_Position = vec4(Position * Projection.xy + Projection.zw, 0.0, 1.0);\n"
    "}\n";

constexpr const char* kImGuiFragment =
    "#version 300 es\n"
    "precision mediump float;\n"
    "uniform sampler2D Texture;\n"
    "in vec2 Frag_UV;\n"
    "in vec4 Frag_Color;\n"
    "layout (location = 0) out vec4 Out_Color;\n"
    "void main() {\n"
        "Out_Color = Frag_Color * vec4(1.0, 1.0, 1.0, texture(Texture, Frag_UV.st).r);\n"
    "}\n";

// Shared by the graph's vertex shaders: layout units to CSS pixels to clip space.
#define EXPLORER_GRAPH_VIEW                                                                        \
    "uniform vec2 u_viewport;\n" /* display size, CSS px */                                         \
    "uniform vec2 u_centre;\n"   /* screen point showing u_camera */                                \
    "uniform vec2 u_camera;\n"                                                                      \
    "uniform vec2 u_scale;\n" /* positions, radii: CSS px per layout unit */                        \
    "uniform float u_em;\n"                                                                         \
    "vec2 toScreen(vec2 p) { return u_centre + (p - u_camera) * u_scale.x; }\n"                     \
    "vec4 toClip(vec2 s) { return vec4(s.x / u_viewport.x * 2.0 - 1.0, 1.0 - s.y / u_viewport.y * 2.0, 0.0, 1.0); }\n" \
    "vec2 corner() { return vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1)) * 2.0 - 1.0; }\n"

// Coverage over one CSS pixel, as ImGui's antialiasing fringe: a fill of signed distance d
// (negative inside), and a stroke of width w centred on d = 0 (thinner than a pixel: a pixel).
#define EXPLORER_GRAPH_COVERAGE                                                                    \
    "float fill(float d) { return clamp(0.5 - d, 0.0, 1.0); }\n"                                    \
    "float stroke(float d, float w) { return clamp(max(w, 1.0) * 0.5 + 0.5 - abs(d), 0.0, 1.0); }\n"

constexpr const char* kNodeVertex = "#version 300 es\nprecision highp float;\n" EXPLORER_GRAPH_VIEW
    "layout (location = 0) in vec3 a_node;\n"   // centre x, y and radius, layout units
    "layout (location = 1) in vec4 a_colour;\n" // straight RGBA
    "layout (location = 2) in vec2 a_kind;\n"   // shape, flags
    "out vec2 v_offset;\n"                      // CSS px from the centre
    "flat out float v_radius;\n"
    "flat out vec4 v_colour;\n"
    "flat out int v_shape;\n"
    "flat out int v_flags;\n"
    "void main() {\n"
        "float r = max(a_node.z * u_scale.y, 1.25);\n" // kMinNodeRadiusPx (network_view.cpp)
        "int flags = int(a_kind.y + 0.5);\n"
        "float extent = r * 1.2 + 1.5;\n"
        // The "several projects" ring shrinks with a node smaller than half an em (a big graph seen
        // whole), or its fixed width would bury the dot it marks (graph_batch.hpp).
        "if ((flags & 1) != 0) extent = max(extent, r + u_em * 0.21 * min(1.0, r / (u_em * 0.5)) + 1.5);\n"
        "if ((flags & 2) != 0) extent = max(extent, r + u_em * 0.6 + 1.5);\n"
        "v_offset = corner() * extent;\n"
        "v_radius = r;\n"
        "v_colour = a_colour;\n"
        "v_shape = int(a_kind.x + 0.5);\n"
        "v_flags = flags;\n"
        "gl_Position = toClip(toScreen(a_node.xy) + v_offset);\n"
    "}\n";

constexpr const char* kNodeFragment = "#version 300 es\nprecision highp float;\n" EXPLORER_GRAPH_COVERAGE
    "in vec2 v_offset;\n"
    "flat in float v_radius;\n"
    "flat in vec4 v_colour;\n"
    "flat in int v_shape;\n"
    "flat in int v_flags;\n"
    "uniform vec4 u_background;\n"
    "uniform vec4 u_accent;\n"
    "uniform vec4 u_text;\n"
    "uniform float u_hollowMix;\n"
    "uniform float u_em;\n"
    "out vec4 o_colour;\n"
    "vec4 acc = vec4(0.0);\n" // premultiplied, what is drawn so far
    "void over(vec3 rgb, float a) { acc = vec4(rgb * a, a) + acc * (1.0 - a); }\n"
    "float box(vec2 p, float halfSide, float rounding) {\n"
        "vec2 q = abs(p) - vec2(halfSide - rounding);\n"
        "return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - rounding;\n"
    "}\n"
    "float hexagon(vec2 p, float corner) {\n" // flat top and bottom, a corner pointing right
        "const vec3 k = vec3(-0.866025404, 0.5, 0.577350269);\n"
        "float apothem = corner * 0.866025404;\n"
        "p = abs(p);\n"
        "p -= 2.0 * min(dot(k.xy, p), 0.0) * k.xy;\n"
        "p -= vec2(clamp(p.x, -k.z * apothem, k.z * apothem), apothem);\n"
        "return length(p) * sign(p.y);\n"
    "}\n"
    "void main() {\n"
        "vec2 p = v_offset;\n"
        "float r = v_radius;\n"
        "float len = length(p);\n"
        "float alpha = v_colour.a;\n"
        // Under the shape: the selection's halo and ring, the "several projects" ring.
        "if ((v_flags & 2) != 0) {\n"
            "over(u_accent.rgb, u_accent.a * 0.2 * fill(len - (r + u_em * 0.6)));\n"
            "over(u_accent.rgb, u_accent.a * stroke(len - (r + u_em * 0.32 - 0.5), u_em * 0.16));\n"
        "}\n"
        "float mark = min(1.0, r / (u_em * 0.5));\n"
        "if ((v_flags & 1) != 0) over(u_text.rgb, u_text.a * alpha * stroke(len - (r + u_em * 0.16 * mark - 0.5), max(0.75, u_em * 0.1 * mark)));\n"
        "float outline = max(1.0, r * 0.12);\n"
        "vec3 outlineRgb = u_background.rgb;\n"
        "float outlineA = u_background.a * alpha;\n"
        "if (v_shape == 0) {\n" // disc
            "over(v_colour.rgb, alpha * fill(len - r));\n"
            "over(outlineRgb, outlineA * stroke(len - (r - 0.5), outline));\n"
        "} else if (v_shape <= 2) {\n" // ring, ring and dot
            "float ring = max(1.5, r * 0.3);\n"
            "over(mix(v_colour.rgb, u_background.rgb, u_hollowMix), alpha * fill(len - r));\n"
            "over(v_colour.rgb, alpha * stroke(len - (r - ring * 0.5 - 0.5), ring));\n"
            "if (v_shape == 2) over(v_colour.rgb, alpha * fill(len - max(1.2, r * 0.3)));\n"
        "} else if (v_shape == 3) {\n" // square
            "float side = r * 0.89;\n"
            "float rounding = side * 0.35;\n"
            "over(v_colour.rgb, alpha * fill(box(p, side, rounding)));\n"
            "over(outlineRgb, outlineA * stroke(box(p, side - 0.5, rounding), outline));\n"
        "} else if (v_shape == 4) {\n" // diamond
            "float d = box(vec2(p.x + p.y, p.y - p.x) * 0.707106781, r * 1.2 * 0.707106781, 0.0);\n"
            "over(v_colour.rgb, alpha * fill(d));\n"
            "over(outlineRgb, outlineA * stroke(d, outline));\n"
        "} else {\n" // hexagon
            "over(v_colour.rgb, alpha * fill(hexagon(p, r * 1.08)));\n"
            "over(outlineRgb, outlineA * stroke(hexagon(p, r * 1.08 - 0.5), outline));\n"
        "}\n"
        "if (acc.a <= 0.0) discard;\n"
        "o_colour = vec4(acc.rgb / acc.a, acc.a);\n"
    "}\n";

constexpr const char* kEdgeVertex = "#version 300 es\nprecision highp float;\n" EXPLORER_GRAPH_VIEW
    "layout (location = 0) in vec4 a_ends;\n"  // a.xy, b.xy, layout units
    "layout (location = 1) in vec2 a_radii;\n" // layout units
    "layout (location = 2) in vec4 a_colour;\n"
    "layout (location = 3) in float a_style;\n"
    "uniform vec4 u_strokes[5];\n"             // width, dash, gap, arrow (CSS px)
    "out vec2 v_at;\n"                         // along from the start (CSS px), across from the axis
    "flat out vec4 v_stroke;\n"
    "flat out vec3 v_lengths;\n"               // line length, head length, head half-width
    "flat out vec4 v_colour;\n"
    "void main() {\n"
        "vec2 a = toScreen(a_ends.xy), b = toScreen(a_ends.zw);\n"
        "float ra = a_radii.x * u_scale.y, rb = a_radii.y * u_scale.y;\n"
        "vec2 d = b - a;\n"
        "float span = sqrt(dot(d, d));\n"
        "v_colour = a_colour;\n"
        "v_stroke = u_strokes[int(a_style + 0.5)];\n"
        "if (!(span > ra + rb + 1.0)) {\n" // too short to show: nothing
            "gl_Position = vec4(2.0, 2.0, 2.0, 1.0);\n"
            "v_at = vec2(0.0);\n"
            "v_lengths = vec3(0.0);\n"
            "return;\n"
        "}\n"
        "vec2 u = d / span;\n"
        "vec2 n = vec2(-u.y, u.x);\n"
        "vec2 from = a + u * ra;\n"
        "float total = span - ra - rb;\n"
        "float head = v_stroke.w > 0.5 ? min(u_em * 0.5, total * 0.5) : 0.0;\n"
        "float wing = head * 0.55;\n"
        "v_lengths = vec3(total - head, head, wing);\n"
        "float halfWidth = max(max(v_stroke.x, 1.0) * 0.5, wing) + 1.0;\n"
        "vec2 c = corner();\n"
        "float along = c.x < 0.0 ? -1.0 : total + 1.0;\n"
        "float across = c.y * halfWidth;\n"
        "v_at = vec2(along, across);\n"
        // ImGui strokes lines through pixel centres (AddLine: + 0.5, 0.5): so does this.
        "gl_Position = toClip(from + vec2(0.5) + u * along + n * across);\n"
    "}\n";

constexpr const char* kEdgeFragment = "#version 300 es\nprecision highp float;\n" EXPLORER_GRAPH_COVERAGE
    "in vec2 v_at;\n"
    "flat in vec4 v_stroke;\n"
    "flat in vec3 v_lengths;\n"
    "flat in vec4 v_colour;\n"
    "uniform float u_edgeAlpha;\n"
    "out vec4 o_colour;\n"
    "void main() {\n"
        "float s = v_at.x, t = v_at.y;\n"
        "float line = v_lengths.x;\n"
        // The line: across as a stroke, along cut at its ends (and at its dashes).
        "float along = clamp(min(s, line - s) + 0.5, 0.0, 1.0);\n"
        "if (v_stroke.y > 0.0) {\n"
            "float period = v_stroke.y + v_stroke.z;\n"
            "float m = s - floor(s / period) * period;\n"
            // Inside a dash, or before the next one starts.
            "float inside = max(min(m, v_stroke.y - m), m - period);\n"
            "along = min(along, clamp(inside + 0.5, 0.0, 1.0));\n"
        "}\n"
        "float coverage = stroke(t, v_stroke.x) * along;\n"
        // The arrowhead: a triangle from the line's end to the tip.
        "float head = v_lengths.y;\n"
        "if (head > 0.0) {\n"
            "float wing = v_lengths.z;\n"
            "float tip = line + head;\n"
            "float side = (abs(t) * head - wing * (tip - s)) / sqrt(head * head + wing * wing);\n"
            "coverage = max(coverage, fill(max(side, line - s)));\n"
        "}\n"
        "float a = v_colour.a * u_edgeAlpha * coverage;\n"
        "if (a <= 0.0) discard;\n"
        "o_colour = vec4(v_colour.rgb, a);\n"
    "}\n";

//-----------------------------------------------------------------------------------------------
// [SECTION] set-up
//-----------------------------------------------------------------------------------------------

unsigned compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        emscripten_console_warnf("explorer: shader failed to compile: %s", log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

unsigned link(const char* vertexSource, const char* fragmentSource) {
    const unsigned vertex = compile(GL_VERTEX_SHADER, vertexSource);
    const unsigned fragment = compile(GL_FRAGMENT_SHADER, fragmentSource);
    if (!vertex || !fragment) return 0;
    const GLuint program = glCreateProgram();
    glAttachShader(program, vertex);
    glAttachShader(program, fragment);
    glLinkProgram(program);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetProgramInfoLog(program, sizeof log, nullptr, log);
        emscripten_console_warnf("explorer: program failed to link: %s", log);
        glDeleteProgram(program);
        return 0;
    }
    return program;
}

const void* byteOffset(std::size_t offset) { return reinterpret_cast<const void*>(offset); }

void colourUniform(int location, ImU32 colour) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
    glUniform4f(location, c.x, c.y, c.z, c.w);
}

} // namespace

bool GlRenderer::init() {
    imguiProgram_ = link(kImGuiVertex, kImGuiFragment);
    nodeProgram_ = link(kNodeVertex, kNodeFragment);
    edgeProgram_ = link(kEdgeVertex, kEdgeFragment);
    if (!imguiProgram_ || !nodeProgram_ || !edgeProgram_) return false;

    // Uniform locations and samplers: asked once here, never in a frame.
    projectionLocation_ = glGetUniformLocation(imguiProgram_, "Projection");
    glUseProgram(imguiProgram_);
    glUniform1i(glGetUniformLocation(imguiProgram_, "Texture"), 0);
    for (const auto& [program, at] : {std::pair{nodeProgram_, &nodeAt_}, std::pair{edgeProgram_, &edgeAt_}}) {
        at->viewport = glGetUniformLocation(program, "u_viewport");
        at->centre = glGetUniformLocation(program, "u_centre");
        at->camera = glGetUniformLocation(program, "u_camera");
        at->scale = glGetUniformLocation(program, "u_scale");
        at->em = glGetUniformLocation(program, "u_em");
        at->strokes = glGetUniformLocation(program, "u_strokes");
        at->edgeAlpha = glGetUniformLocation(program, "u_edgeAlpha");
        at->background = glGetUniformLocation(program, "u_background");
        at->accent = glGetUniformLocation(program, "u_accent");
        at->text = glGetUniformLocation(program, "u_text");
        at->hollowMix = glGetUniformLocation(program, "u_hollowMix");
    }

    static_assert(sizeof(ImDrawIdx) == 4, "the explorer's ImGui config draws with 32-bit indices");

    // The graph's vertex arrays: one instance per node or edge, four vertices from gl_VertexID.
    glGenVertexArrays(1, &nodeVao_);
    glGenBuffers(1, &nodeVbo_);
    glBindVertexArray(nodeVao_);
    glBindBuffer(GL_ARRAY_BUFFER, nodeVbo_);
    constexpr GLsizei kNode = sizeof(ui::GraphNode);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, kNode, byteOffset(offsetof(ui::GraphNode, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, kNode, byteOffset(offsetof(ui::GraphNode, colour)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_UNSIGNED_BYTE, GL_FALSE, kNode, byteOffset(offsetof(ui::GraphNode, shape)));
    for (GLuint a = 0; a < 3; ++a) glVertexAttribDivisor(a, 1);

    glGenVertexArrays(1, &edgeVao_);
    glGenBuffers(1, &edgeVbo_);
    glBindVertexArray(edgeVao_);
    glBindBuffer(GL_ARRAY_BUFFER, edgeVbo_);
    constexpr GLsizei kEdge = sizeof(ui::GraphEdge);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, kEdge, byteOffset(offsetof(ui::GraphEdge, ax)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, kEdge, byteOffset(offsetof(ui::GraphEdge, ra)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, kEdge, byteOffset(offsetof(ui::GraphEdge, colour)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 1, GL_UNSIGNED_BYTE, GL_FALSE, kEdge, byteOffset(offsetof(ui::GraphEdge, style)));
    for (GLuint a = 0; a < 4; ++a) glVertexAttribDivisor(a, 1);

    // The fixed state, for every frame: ImGui's blending, scissor on, nothing else.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glActiveTexture(GL_TEXTURE0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    // The font atlas grows with the reader's data up to this (WebGL 2 guarantees 2048).
    GLint maxTexture = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxTexture);
    if (maxTexture >= 2048) maxTextureSize_ = maxTexture;

    glBindVertexArray(0);
    program_ = imguiProgram_;
    vao_ = 0;
    arrayBuffer_ = edgeVbo_;
    texture_ = 0;
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "explorer_webgl2";
    return true;
}

void GlRenderer::uploadFonts() {
    ui::FontAtlas* atlas = ui::fontAtlas();
    if (!atlas) return;
    if (!fontTexture_) {
        glGenTextures(1, &fontTexture_);
        glBindTexture(GL_TEXTURE_2D, fontTexture_);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    } else {
        glBindTexture(GL_TEXTURE_2D, fontTexture_);
    }
    texture_ = fontTexture_;
    atlas->takeChange();
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas->width(), atlas->height(), 0, GL_RED, GL_UNSIGNED_BYTE, atlas->pixels());
    fontTextureHeight_ = atlas->height();
    frame_.bytesUploaded += static_cast<std::uint64_t>(atlas->width()) * static_cast<std::uint64_t>(atlas->height());
    ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(fontTexture_)));
}

void GlRenderer::updateFonts() {
    ui::FontAtlas* atlas = ui::fontAtlas();
    if (!atlas || !fontTexture_) return;
    const ui::AtlasChange change = atlas->takeChange();
    if (!change.any()) return;
    if (texture_ != fontTexture_) {
        glBindTexture(GL_TEXTURE_2D, fontTexture_);
        texture_ = fontTexture_;
    }
    const int width = atlas->width();
    if (change.whole || atlas->height() != fontTextureHeight_) {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, atlas->height(), 0, GL_RED, GL_UNSIGNED_BYTE, atlas->pixels());
        fontTextureHeight_ = atlas->height();
        frame_.bytesUploaded += static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(atlas->height());
        return;
    }
    for (const ui::AtlasChange::Rows& band : change.rows) {
        const int rows = band.end - band.begin;
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, band.begin, width, rows, GL_RED, GL_UNSIGNED_BYTE,
                        atlas->pixels() + static_cast<std::size_t>(band.begin) * static_cast<std::size_t>(width));
        frame_.bytesUploaded += static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(rows);
    }
}

//-----------------------------------------------------------------------------------------------
// [SECTION] ImGui's draw data
//-----------------------------------------------------------------------------------------------

void GlRenderer::useProgram(unsigned program) {
    if (program_ == program) return;
    glUseProgram(program);
    program_ = program;
}

void GlRenderer::bindVertexArray(unsigned vao) {
    if (vao_ == vao) return;
    glBindVertexArray(vao);
    vao_ = vao;
}

void GlRenderer::bindArrayBuffer(unsigned buffer) {
    if (arrayBuffer_ == buffer) return;
    glBindBuffer(GL_ARRAY_BUFFER, buffer);
    arrayBuffer_ = buffer;
}

void GlRenderer::setScissor(int x, int y, int width, int height) {
    if (scissor_[0] == x && scissor_[1] == y && scissor_[2] == width && scissor_[3] == height) return;
    glScissor(x, y, width, height);
    scissor_[0] = x;
    scissor_[1] = y;
    scissor_[2] = width;
    scissor_[3] = height;
}

void GlRenderer::useImGuiState(const ListBuffers& buffers) {
    useProgram(imguiProgram_);
    bindVertexArray(buffers.vao);
}

// The buffers last used for this list, or free ones, or new ones with their vertex array:
// ImDrawVert {pos, uv, col} and 32-bit indices (imconfig: ImDrawIdx).
GlRenderer::ListBuffers& GlRenderer::buffersFor(const ImDrawList* list) {
    ListBuffers* free = nullptr;
    for (ListBuffers& buffers : lists_) {
        if (buffers.owner == list) return buffers;
        // Buffers of a list drawn neither in this frame nor in the last are taken over.
        if (!free && buffers.usedInFrame + 1 < frameNumber_) free = &buffers;
    }
    if (!free) {
        free = &lists_.emplace_back();
        glGenVertexArrays(1, &free->vao);
        glGenBuffers(1, &free->vbo);
        glGenBuffers(1, &free->ibo);
        bindVertexArray(free->vao);
        bindArrayBuffer(free->vbo);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, free->ibo);
        glEnableVertexAttribArray(0);
        glEnableVertexAttribArray(1);
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), byteOffset(offsetof(ImDrawVert, pos)));
        glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), byteOffset(offsetof(ImDrawVert, uv)));
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), byteOffset(offsetof(ImDrawVert, col)));
    }
    free->owner = list;
    return *free;
}

// Sends the list's vertices and indices unless the buffers hold them already.
void GlRenderer::upload(ListBuffers& buffers, const ImDrawList& list) {
    const auto same = [](const auto& held, const auto& now) {
        return held.Size == now.Size &&
               (now.Size == 0 || std::memcmp(held.Data, now.Data, static_cast<std::size_t>(now.size_in_bytes())) == 0);
    };
    if (same(buffers.vertices, list.VtxBuffer) && same(buffers.indices, list.IdxBuffer)) return;
    bindVertexArray(buffers.vao);
    bindArrayBuffer(buffers.vbo);
    const auto vertexBytes = static_cast<GLsizeiptr>(list.VtxBuffer.size_in_bytes());
    const auto indexBytes = static_cast<GLsizeiptr>(list.IdxBuffer.size_in_bytes());
    glBufferData(GL_ARRAY_BUFFER, vertexBytes, list.VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, indexBytes, list.IdxBuffer.Data, GL_STREAM_DRAW);
    buffers.vertices = list.VtxBuffer;
    buffers.indices = list.IdxBuffer;
    frame_.bytesUploaded += static_cast<std::uint64_t>(vertexBytes + indexBytes);
}

void GlRenderer::render(const ImDrawData* data, ImU32 clear) {
    frame_ = FrameStats{};
    // Glyphs the frame added (runs drawn for the first time) go up before anything samples them.
    updateFonts();
    displayW_ = data->DisplaySize.x;
    displayH_ = data->DisplaySize.y;
    pixelScale_ = data->FramebufferScale.x;
    fbWidth_ = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
    fbHeight_ = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
    if (fbWidth_ <= 0 || fbHeight_ <= 0) return;
    if (viewport_[0] != fbWidth_ || viewport_[1] != fbHeight_) {
        glViewport(0, 0, fbWidth_, fbHeight_);
        viewport_[0] = fbWidth_;
        viewport_[1] = fbHeight_;
    }
    // The clear obeys the scissor: the whole framebuffer first.
    setScissor(0, 0, fbWidth_, fbHeight_);
    if (!clearSet_ || clear_ != clear) {
        const ImVec4 c = ImGui::ColorConvertU32ToFloat4(clear);
        glClearColor(c.x, c.y, c.z, 1.0f);
        clear_ = clear;
        clearSet_ = true;
    }
    glClear(GL_COLOR_BUFFER_BIT);

    ++frameNumber_;
    useProgram(imguiProgram_);
    // Display coordinates (DisplayPos at the top left) to clip space.
    const float L = data->DisplayPos.x, R = data->DisplayPos.x + data->DisplaySize.x;
    const float T = data->DisplayPos.y, B = data->DisplayPos.y + data->DisplaySize.y;
    const float projection[4] = {2.0f / (R - L), 2.0f / (T - B), (R + L) / (L - R), (T + B) / (B - T)};
    if (projection[0] != projection_[0] || projection[1] != projection_[1] || projection[2] != projection_[2] ||
        projection[3] != projection_[3]) {
        glUniform4f(projectionLocation_, projection[0], projection[1], projection[2], projection[3]);
        for (int i = 0; i < 4; ++i) projection_[i] = projection[i];
    }

    const ImVec2 clipOffset = data->DisplayPos;
    const ImVec2 clipScale = data->FramebufferScale;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        ListBuffers& buffers = buffersFor(list);
        buffers.usedInFrame = frameNumber_;
        bool uploaded = false;
        for (const ImDrawCmd& command : list->CmdBuffer) {
            if (command.UserCallback) {
                if (command.UserCallback == ui::drawGraphBatchCallback) {
                    if (command.UserCallbackData) drawGraph(*static_cast<const ui::GraphBatch*>(command.UserCallbackData), command);
                } else if (command.UserCallback != ImDrawCallback_ResetRenderState) {
                    command.UserCallback(list, &command);
                }
                useImGuiState(buffers);
                continue;
            }
            if (command.ElemCount == 0) continue;
            const ImVec2 min((command.ClipRect.x - clipOffset.x) * clipScale.x, (command.ClipRect.y - clipOffset.y) * clipScale.y);
            const ImVec2 max((command.ClipRect.z - clipOffset.x) * clipScale.x, (command.ClipRect.w - clipOffset.y) * clipScale.y);
            if (max.x <= min.x || max.y <= min.y) continue;
            // The list's geometry goes up with its first visible command (orphaning the buffer).
            if (!uploaded) {
                upload(buffers, *list);
                uploaded = true;
            }
            useImGuiState(buffers);
            setScissor(static_cast<int>(min.x), static_cast<int>(static_cast<float>(fbHeight_) - max.y),
                       static_cast<int>(max.x - min.x), static_cast<int>(max.y - min.y));
            const auto texture = static_cast<unsigned>(reinterpret_cast<std::intptr_t>(command.GetTexID()));
            if (texture != texture_) {
                glBindTexture(GL_TEXTURE_2D, texture);
                texture_ = texture;
            }
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount), GL_UNSIGNED_INT,
                           byteOffset(command.IdxOffset * sizeof(ImDrawIdx)));
            ++frame_.drawCalls;
        }
    }
    last_ = frame_;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] the graph batch
//-----------------------------------------------------------------------------------------------

void GlRenderer::drawGraph(const ui::GraphBatch& batch, const ImDrawCmd& command) {
    if (&batch != uploadedBatch_ || batch.version != uploadedVersion_) {
        bindVertexArray(0); // no vertex array: its element binding is left alone
        bindArrayBuffer(nodeVbo_);
        const auto nodeBytes = static_cast<GLsizeiptr>(batch.nodes.size() * sizeof(ui::GraphNode));
        glBufferData(GL_ARRAY_BUFFER, nodeBytes, batch.nodes.data(), GL_DYNAMIC_DRAW);
        bindArrayBuffer(edgeVbo_);
        const auto edgeBytes = static_cast<GLsizeiptr>(batch.edges.size() * sizeof(ui::GraphEdge));
        glBufferData(GL_ARRAY_BUFFER, edgeBytes, batch.edges.data(), GL_DYNAMIC_DRAW);
        frame_.bytesUploaded += static_cast<std::uint64_t>(nodeBytes + edgeBytes);
        ++frame_.graphUploads;
        uploadedBatch_ = &batch;
        uploadedVersion_ = batch.version;
        nodeCount_ = static_cast<int>(batch.nodes.size());
        edgeCount_ = static_cast<int>(batch.edges.size());
    }
    // Display coordinates start at the top left of the canvas (DisplayPos is 0, 0 for one viewport).
    const ImVec2 min(command.ClipRect.x * pixelScale_, command.ClipRect.y * pixelScale_);
    const ImVec2 max(command.ClipRect.z * pixelScale_, command.ClipRect.w * pixelScale_);
    if (max.x <= min.x || max.y <= min.y) return;
    setScissor(static_cast<int>(min.x), static_cast<int>(static_cast<float>(fbHeight_) - max.y),
               static_cast<int>(max.x - min.x), static_cast<int>(max.y - min.y));

    const ui::GraphView& view = batch.view;
    const auto setView = [&](const GraphLocations& at) {
        glUniform2f(at.viewport, displayW_, displayH_);
        glUniform2f(at.centre, view.centreX, view.centreY);
        glUniform2f(at.camera, view.cameraX, view.cameraY);
        glUniform2f(at.scale, view.scale, view.radiusScale);
        glUniform1f(at.em, view.em);
    };
    if (edgeCount_ > 0 && view.edgesShown) {
        useProgram(edgeProgram_);
        bindVertexArray(edgeVao_);
        setView(edgeAt_);
        float strokes[4 * ui::kEdgeStyleCount];
        for (std::size_t k = 0; k < ui::kEdgeStyleCount; ++k) {
            strokes[k * 4 + 0] = view.strokes[k].width;
            strokes[k * 4 + 1] = view.strokes[k].dash;
            strokes[k * 4 + 2] = view.strokes[k].gap;
            strokes[k * 4 + 3] = view.strokes[k].arrow;
        }
        glUniform4fv(edgeAt_.strokes, static_cast<GLsizei>(ui::kEdgeStyleCount), strokes);
        glUniform1f(edgeAt_.edgeAlpha, view.edgeAlpha);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, edgeCount_);
        ++frame_.drawCalls;
    }
    if (nodeCount_ > 0) {
        useProgram(nodeProgram_);
        bindVertexArray(nodeVao_);
        setView(nodeAt_);
        colourUniform(nodeAt_.background, view.background);
        colourUniform(nodeAt_.accent, view.accent);
        colourUniform(nodeAt_.text, view.text);
        glUniform1f(nodeAt_.hollowMix, view.hollowMix);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, nodeCount_);
        ++frame_.drawCalls;
    }
}

} // namespace explorer::web
