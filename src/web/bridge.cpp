// The bridge between the wasm and the page (bridge.hpp): every export the page calls, every hook
// out to it. The page side is web/host/*.js; the export list is whatever is marked
// EMSCRIPTEN_KEEPALIVE here (src/web/CMakeLists.txt adds nothing by hand).
//
// Conventions: strings come in as UTF-8 C strings (never null-checked by callers: a null is read
// as ""), strings go out through one scratch buffer valid until the next call, JSON is written by
// core/json_writer.hpp (invalid UTF-8 replaced, never thrown on).
#include "web/bridge.hpp"

#include "core/csv_import.hpp"
#include "core/data_export.hpp"
#include "core/dataset_format.hpp"
#include "core/dataset_load_job.hpp"
#include "core/dataset_loader.hpp"
#include "core/entity_description.hpp"
#include "core/intents.hpp"
#include "core/json_writer.hpp"
#include "core/text_format.hpp"
#include "core/reader_preferences.hpp"
#include "core/search.hpp"
#include "core/network_navigation.hpp"
#include "core/semantic_tree.hpp"
#include "core/view_state_codec.hpp"
#include "core/view_state_json.hpp"
#include "core/vocabulary.hpp"
#include "ui/theme.hpp"
#include "web/platform.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

//-----------------------------------------------------------------------------------------------
// Hooks out: calls into the page's Module.on* functions
//-----------------------------------------------------------------------------------------------

EM_JS(void, explorer_js_first_frame, (), {
    if (Module["onFirstFrame"]) Module["onFirstFrame"]();
});

EM_JS(void, explorer_js_webgl_unavailable, (const char* reason), {
    if (Module["onWebGlUnavailable"]) Module["onWebGlUnavailable"](UTF8ToString(reason));
});

EM_JS(void, explorer_js_state_change, (const char* state, const char* hash, int continuous), {
    if (Module["onStateChange"]) Module["onStateChange"](UTF8ToString(state), UTF8ToString(hash), continuous !== 0);
});

EM_JS(void, explorer_js_open_link, (const char* url), {
    if (Module["onOpenLink"]) Module["onOpenLink"](UTF8ToString(url));
});

EM_JS(void, explorer_js_action, (const char* name), {
    if (Module["onAction"]) Module["onAction"](UTF8ToString(name));
});

// The page writes a dataset's UTF-8 bytes straight into the module's memory (no JS string copied
// byte by byte): Module.onFillDataset(bytes, pointer), `bytes` a view of `length` + 1 bytes.
EM_JS(void, explorer_js_fill_dataset, (char* buffer, double length), {
    if (Module["onFillDataset"]) Module["onFillDataset"](HEAPU8.subarray(buffer, buffer + length + 1), buffer);
});

EM_JS(void, explorer_js_dataset_loaded, (int number, const char* answer), {
    if (Module["onDatasetLoaded"]) Module["onDatasetLoaded"](number, UTF8ToString(answer));
});

namespace explorer::web {

void notifyFirstFrame() { explorer_js_first_frame(); }

void notifyWebGlUnavailable(const std::string& reason) { explorer_js_webgl_unavailable(reason.c_str()); }

void notifyStateChange(const std::string& stateJson, const std::string& hash, bool continuous) {
    explorer_js_state_change(stateJson.c_str(), hash.c_str(), continuous ? 1 : 0);
}

void openLink(const std::string& url) { explorer_js_open_link(url.c_str()); }

void requestAction(ui::PageAction action) {
    const char* name = "";
    switch (action) {
    case ui::PageAction::CopyLink: name = "copy-link"; break;
    case ui::PageAction::SaveOffline: name = "save-offline"; break;
    case ui::PageAction::ExportPng: name = "export-png"; break;
    case ui::PageAction::ExportSvg: name = "export-svg"; break;
    case ui::PageAction::ExportCsv: name = "export-csv"; break;
    case ui::PageAction::ExportJson: name = "export-json"; break;
    case ui::PageAction::OpenDataset: name = "open-dataset"; break;
    }
    explorer_js_action(name);
}

} // namespace explorer::web

//-----------------------------------------------------------------------------------------------
// Exports in: what the page calls
//-----------------------------------------------------------------------------------------------

namespace {

using explorer::web::Platform;
using explorer::web::platform;
using explorer::web::wake;
using explorer::JsonWriter;

std::string_view text(const char* value) { return value ? std::string_view(value) : std::string_view(); }

// Backing store for strings returned to the page: valid until the next call.
const char* answer(std::string value) {
    static std::string scratch;
    scratch = std::move(value);
    return scratch.c_str();
}

const char* answer(JsonWriter& json) { return answer(json.take()); }

std::string noticesJson(const std::vector<explorer::HashNotice>& notices, explorer::Lang lang) {
    JsonWriter list;
    list.beginArray();
    for (const explorer::HashNotice& notice : notices) {
        list.beginObject()
            .field("key", notice.key)
            .field("reason", explorer::toString(notice.reason))
            .field("message", explorer::describe(notice, lang))
            .endObject();
    }
    return list.endArray().take();
}

// Applies a decoded state (a link, the host's setState, the page's defaults) through the same
// path as the reader's own changes; shows what was not applied as a quiet notice. Returns the
// notices.
const char* applyDecoded(Platform& p, explorer::HashDecode decoded, bool showNotices, bool fromLink) {
    if (p.app.hasDataset()) explorer::dropUnknownIds(decoded.state, p.app.dataset(), decoded.notices);
    p.app.dispatch(explorer::intent::ReplaceState{decoded.state, fromLink});
    std::string notices = noticesJson(decoded.notices, p.app.state().lang);
    if (showNotices && !decoded.notices.empty()) p.app.showNotices(std::move(decoded.notices));
    wake();
    return answer(std::move(notices));
}

explorer::LoadResult loadAs(std::string_view data, std::string_view format) {
    return format == "csv" ? explorer::loadCsvDataset(data) : explorer::loadDataset(data);
}

std::string cssColour(ImU32 colour) {
    return explorer::formattedText("#%02X%02X%02X", (colour >> IM_COL32_R_SHIFT) & 0xFF, (colour >> IM_COL32_G_SHIFT) & 0xFF,
                                   (colour >> IM_COL32_B_SHIFT) & 0xFF);
}

void writeRect(JsonWriter& out, float x, float y, float width, float height) {
    const auto round2 = [](float v) { return std::round(static_cast<double>(v) * 100.0) / 100.0; };
    out.beginObject().field("x", round2(x)).field("y", round2(y)).field("width", round2(width)).field("height", round2(height));
    out.endObject();
}


bool& mirrorDirty() {
    static bool dirty = true;
    return dirty;
}

// A loaded dataset handed to the app; returns {"ok", "problems": [{"line", "column", "pointer",
// "code", "message"}]} (explorer_load_dataset_text).
std::string useLoadedDataset(Platform& p, explorer::LoadResult result, std::string_view data) {
    std::string fingerprint = result.dataset ? explorer::datasetFingerprint(data) : std::string();
    if (fingerprint == p.builtinFingerprint) fingerprint.clear();
    const auto problems = p.app.useLoaded(std::move(result), std::move(fingerprint));
    mirrorDirty() = true;
    const explorer::Lang lang = p.app.state().lang;
    JsonWriter out;
    out.beginObject().field("ok", problems.empty()).key("problems").beginArray();
    for (const explorer::Problem& problem : problems) {
        out.beginObject()
            .field("line", problem.line)
            .field("column", problem.column)
            .field("pointer", problem.pointer)
            .field("code", explorer::toString(problem.code))
            .field("message", explorer::describe(problem, lang))
            .endObject();
    }
    out.endArray().endObject();
    wake();
    return out.take();
}

// ---- The semantic tree for the page's mirror (web/host/mirror.js)

// The tree is built again only when the state or the dataset changed; the rectangles of the
// entities it names are read again only when a frame was drawn since the last answer.
struct MirrorCache {
    bool valid = false;
    std::string stateKey;
    const void* dataset = nullptr;
    std::size_t datasetEntities = 0;
    explorer::SemanticNode root;
    explorer::ViewState state; // the one the tree was built for: its "lang" and "view"
    double frame = -1;
    std::string answer;
};

MirrorCache& mirrorCache() {
    static MirrorCache cache;
    return cache;
}

// Builds the tree again when the state or the dataset changed. False without a dataset.
bool refreshMirrorTree(Platform& p) {
    MirrorCache& c = mirrorCache();
    if (!p.app.hasDataset()) {
        c.valid = false;
        return false;
    }
    const explorer::ViewState& state = p.app.state();
    // The tree does not depend on the camera: panning and zooming only move the rectangles.
    explorer::ViewState keyed = state;
    keyed.camera = explorer::Camera{};
    keyed.cameraSet = false;
    std::string key = explorer::stateToJson(keyed) + (p.app.darkThemeActive() ? "/dark" : "/light");
    const explorer::Dataset& dataset = p.app.dataset();
    if (c.valid && key == c.stateKey && c.dataset == &dataset && c.datasetEntities == dataset.entities.size() &&
        !mirrorDirty())
        return true;
    c.root = explorer::buildSemanticTree(dataset, state, p.app.visible(), {},
                                         explorer::SemanticContext{p.app.darkThemeActive()});
    c.state = state;
    c.stateKey = std::move(key);
    c.dataset = &dataset;
    c.datasetEntities = dataset.entities.size();
    c.valid = true;
    c.frame = -1;
    mirrorDirty() = false;
    return c.valid;
}

// Adds "rect" (CSS px, relative to the canvas) to every node of the tree the views placed in the
// last frame (ExplorerApp::placeOf: toolbar, settings, filters, details, legend, cells, headers,
// cards…), and otherwise, in the view's region, to every node that selects an entity drawn there.
// Written after the node's children (semantic_tree.hpp, SemanticNodeAddition): where the page
// has always found it.
void addRect(const explorer::ui::ExplorerApp& app, JsonWriter& out, const explorer::SemanticNode& node,
             const std::vector<const explorer::SemanticNode*>& ancestors) {
    const std::string& id = node.id;
    const auto viewRegion = [](const explorer::SemanticNode* n) { return n->id.rfind("view/", 0) == 0; };
    const bool inView = viewRegion(&node) || std::any_of(ancestors.begin(), ancestors.end(), viewRegion);
    std::optional<explorer::ui::ScreenRect> rect = app.placeOf(id);
    if (!rect && inView && node.action == explorer::SemanticAction::Select && !node.target.empty()) {
        rect = app.locate(node.target);
    }
    // The selected node's article in the network, and the node in it, stand over the node (the
    // keyboard's ring, touch exploration).
    constexpr std::string_view kFocus = "network/focus/";
    if (!rect && id.rfind(kFocus, 0) == 0) {
        const std::string_view rest = std::string_view(id).substr(kFocus.size());
        const std::size_t slash = rest.find('/');
        if (slash == std::string_view::npos || rest.substr(slash) == "/node") rect = app.locate(rest.substr(0, slash));
    }
    if (rect && rect->width > 0 && rect->height > 0) {
        out.key("rect");
        writeRect(out, rect->x, rect->y, rect->width, rect->height);
    }
}

} // namespace

void explorer::web::finishDatasetLoad(ui::ExplorerApp::FinishedLoad finished) {
    Platform& p = platform();
    const std::string result = useLoadedDataset(p, finished.job->take(), finished.job->text());
    finished.job.reset(); // the text is not needed any more: freed before the page is told
    explorer_js_dataset_loaded(finished.number, result.c_str());
}

extern "C" {

// ---- Start, size, power

// Creates the WebGL2 context and ImGui. 0 on success, 1 when WebGL2 is unavailable (the page then
// shows its message; nothing else is called).
EMSCRIPTEN_KEEPALIVE int explorer_init(int systemDark) { return explorer::web::startPlatform(systemDark != 0) ? 0 : 1; }

EMSCRIPTEN_KEEPALIVE void explorer_resize(double cssWidth, double cssHeight, double pixelRatio) {
    explorer::web::resize(cssWidth, cssHeight, pixelRatio);
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

EMSCRIPTEN_KEEPALIVE void explorer_set_interactive(int interactive) {
    platform().app.setInteractive(interactive != 0);
    wake();
}

EMSCRIPTEN_KEEPALIVE void explorer_draw_now() { explorer::web::drawNow(); }

EMSCRIPTEN_KEEPALIVE void explorer_draw_pending() { explorer::web::drawPending(); }

EMSCRIPTEN_KEEPALIVE double explorer_frames() { return platform().framesDrawn; }

// ---- Datasets

// What the page must know before handing the module a file: {"maxInputBytes", "maxEntities",
// "maxRelations", "maxSearchChars"} (dataset_loader.hpp, view_state_codec.hpp).
EMSCRIPTEN_KEEPALIVE const char* explorer_limits_json() {
    JsonWriter out;
    out.beginObject()
        .field("maxInputBytes", explorer::kMaxInputBytes)
        .field("maxEntities", explorer::kMaxEntities)
        .field("maxRelations", explorer::kMaxRelations)
        .field("maxSearchChars", explorer::kSearchMaxCodePoints)
        .endObject();
    return answer(out);
}

// "json" or "csv" for a file of that name starting with `head` (dataset_format.hpp).
EMSCRIPTEN_KEEPALIVE const char* explorer_detect_format(const char* fileName, const char* head) {
    return answer(std::string(explorer::toString(explorer::detectDatasetFormat(text(fileName), text(head)))));
}

// The dataset the page was delivered with ("json" or "csv"). Returns the number of problems
// (0 = accepted); a rejected one is listed in the widget.
EMSCRIPTEN_KEEPALIVE int explorer_load_dataset(const char* data, const char* format) {
    Platform& p = platform();
    const auto problems = p.app.useLoaded(loadAs(text(data), text(format)));
    if (problems.empty()) p.builtinFingerprint = explorer::datasetFingerprint(text(data));
    mirrorDirty() = true;
    p.app.takePageEffects(); // the page's own dataset is where it starts, not a reader's step
    wake();
    return static_cast<int>(problems.size());
}

// A dataset the reader or the host brings. Returns {"ok", "problems": [{"line", "column",
// "pointer", "code", "message"}]}; a rejected dataset changes nothing (the widget lists the
// problems). An accepted one is recorded in the state (`data`, its content hash) so that links say
// which dataset they show; selection and filter values it does not have are dropped, with notices.
EMSCRIPTEN_KEEPALIVE const char* explorer_load_dataset_text(const char* data, const char* format) {
    Platform& p = platform();
    return answer(useLoadedDataset(p, loadAs(text(data), text(format)), text(data)));
}

// The same, in slices (ExplorerApp::startLoad): the dataset shown stays in use until the new one
// is read, a slice at a time, with a progress bar. The page gives the text's size in UTF-8 bytes,
// then fills the module's buffer when asked (Module.onFillDataset). Returns the load's number;
// Module.onDatasetLoaded(number, answer) tells the page when it is done, `answer` being what
// explorer_load_dataset_text returns. A load started while one runs replaces it (the replaced
// one is never answered).
EMSCRIPTEN_KEEPALIVE int explorer_load_dataset_start(double byteLength, const char* format) {
    Platform& p = platform();
    const std::size_t length = std::isfinite(byteLength) && byteLength > 0 ? static_cast<std::size_t>(byteLength) : 0;
    std::string data(length + 1, '\0'); // the page's writer ends with a NUL
    explorer_js_fill_dataset(data.data(), static_cast<double>(length));
    data.resize(length);
    const int number = p.app.startLoad(std::move(data), text(format) == "csv" ? explorer::DatasetFormat::Csv
                                                                                : explorer::DatasetFormat::Json);
    explorer::web::startLoading();
    return number;
}

// ---- Exports

// What the reader sees, as a file: "relations.csv", "entities.csv", "data.json" (the visible part,
// in the explorer's JSON format), "network.svg", or "caption.json" (title, legend, source line and
// colours, for the PNG the page composes). `permalink` goes into the SVG's footer.
EMSCRIPTEN_KEEPALIVE const char* explorer_export(const char* kind, const char* permalink) {
    Platform& p = platform();
    const std::string_view what = text(kind);
    if (!p.app.hasDataset()) return answer(std::string());
    const explorer::Dataset& dataset = p.app.dataset();
    const explorer::VisibleSet& visible = p.app.visible();
    const explorer::Lang lang = p.app.state().lang;
    if (what == "relations.csv") return answer(explorer::relationsCsv(dataset, visible, lang));
    if (what == "entities.csv") return answer(explorer::entitiesCsv(dataset, visible, lang));
    if (what == "data.json") return answer(explorer::visibleDatasetJson(dataset, visible));
    if (what == "network.svg") {
        // The core lays the visible network out itself, as `explorer-data svg` does: the same bytes
        // for the same state, whichever view is on screen.
        explorer::SvgOptions options = explorer::networkSvgOptions(dataset, lang, p.app.darkThemeActive());
        options.permalink = std::string(text(permalink));
        options.width = static_cast<int>(std::lround(std::max(640.0, p.cssWidth)));
        return answer(explorer::networkSvg(dataset, visible, lang, options));
    }
    if (what == "caption.json") {
        const explorer::ui::Palette& palette = p.app.activePalette(); // the colours of the canvas it frames
        const explorer::ui::ScreenRect view = p.app.viewRect();
        JsonWriter out;
        out.beginObject().key("view");
        writeRect(out, view.x, view.y, view.width, view.height);
        out.field("title", dataset.title.get(lang)).field("source", explorer::attributionLine(dataset, lang));
        out.key("legend").beginArray();
        for (std::size_t k = 0; k < explorer::kEntityKindCount; ++k) {
            const auto entityKind = static_cast<explorer::EntityKind>(k);
            if (dataset.count(entityKind) == 0) continue;
            const explorer::KindTraits& traits = explorer::kindTraits(entityKind);
            out.beginObject()
                .field("label", traits.label.get(lang))
                .field("shape", traits.shape)
                .field("colour", cssColour(palette.kind[k]))
                .endObject();
        }
        out.endArray()
            .field("background", cssColour(palette.background))
            .field("text", cssColour(palette.text))
            .field("muted", cssColour(palette.textMuted))
            .endObject();
        return answer(out);
    }
    return answer(std::string());
}

// ---- Host API: queries

// {"projects", "organisations", "models", "initiatives", "links", "sources", "missingGlyphs",
// "loading": null, or {"progress": 0 to 1} while a dataset is read in slices (the counts are still
// those of the dataset shown)}
EMSCRIPTEN_KEEPALIVE const char* explorer_summary_json() {
    const explorer::ui::Summary s = platform().app.summary();
    JsonWriter out;
    out.beginObject()
        .field("projects", s.projects)
        .field("organisations", s.organisations)
        .field("models", s.models)
        .field("initiatives", s.initiatives)
        .field("links", s.links)
        .field("sources", s.sources)
        .field("missingGlyphs", s.missingGlyphs)
        .key("loading");
    if (s.loading) {
        out.beginObject().field("progress", *s.loading).endObject();
    } else {
        out.null();
    }
    out.endObject();
    return answer(out);
}

EMSCRIPTEN_KEEPALIVE const char* explorer_selection() { return answer(platform().app.state().selection); }

// {"x", "y", "width", "height"} in CSS pixels, from the last frame drawn; null when the entity is
// not drawn in the current view. What the page asks to point at is scrolled into sight first.
EMSCRIPTEN_KEEPALIVE const char* explorer_locate_json(const char* id) {
    Platform& p = platform();
    if (!p.app.locate(text(id))) {
        p.app.reveal(text(id));
        wake();
        explorer::web::drawPending();
    }
    const auto rect = p.app.locate(text(id));
    JsonWriter out;
    if (rect) writeRect(out, rect->x, rect->y, rect->width, rect->height);
    else out.null();
    return answer(out);
}

// explorer.describe(id): entity_description.hpp; null for an unknown id.
EMSCRIPTEN_KEEPALIVE const char* explorer_describe_json(const char* id) {
    Platform& p = platform();
    const auto entity = p.app.hasDataset() ? p.app.dataset().findEntity(text(id)) : std::nullopt;
    return answer(entity ? explorer::describeEntityJson(p.app.dataset(), *entity, p.app.state().lang) : std::string("null"));
}

EMSCRIPTEN_KEEPALIVE const char* explorer_get_state_json() { return answer(explorer::stateToJson(platform().app.state())); }

// The fragment for the current state (no "#"), relative to the defaults.
EMSCRIPTEN_KEEPALIVE const char* explorer_get_hash() {
    Platform& p = platform();
    return answer(explorer::toHash(p.app.state(), p.base));
}

// ---- Host API: changes

// Selects an entity by id ("" clears). 1, or 0 for an unknown id (nothing changes).
EMSCRIPTEN_KEEPALIVE int explorer_select(const char* id) {
    const bool ok = platform().app.select(text(id));
    wake();
    return ok ? 1 : 0;
}

// network | matrix | table | projects. 0 for another name (nothing changes).
EMSCRIPTEN_KEEPALIVE int explorer_set_view(const char* name) {
    const auto view = explorer::viewFromString(text(name));
    if (!view) return 0;
    platform().app.dispatch(explorer::intent::ShowView{*view});
    wake();
    return 1;
}

// Applies any part of the state object (view_state_json.hpp). Returns the notices.
EMSCRIPTEN_KEEPALIVE const char* explorer_set_state_json(const char* json) {
    Platform& p = platform();
    return applyDecoded(p, explorer::applyStateJson(text(json), p.app.state()), false, false);
}

// The page's defaults (its language, options from data attributes or the query string), as a state
// object. Links are written relative to them; the current state starts from them.
EMSCRIPTEN_KEEPALIVE const char* explorer_set_defaults_json(const char* json) {
    Platform& p = platform();
    explorer::HashDecode decoded = explorer::applyStateJson(text(json), explorer::ViewState{});
    p.base = decoded.state;
    return applyDecoded(p, std::move(decoded), true, true);
}

// Opens the view a link's fragment describes (relative to the defaults). Shows a quiet notice for
// the parts not applied, and returns them.
EMSCRIPTEN_KEEPALIVE const char* explorer_apply_hash(const char* hash) {
    Platform& p = platform();
    explorer::HashDecode decoded = explorer::fromHash(text(hash), p.base);
    // A link made on another dataset opens on the data shown here, with a notice, not a wrong
    // picture of the other one: its selection and filters may name things this dataset lacks.
    if (decoded.state.dataset != p.app.state().dataset) {
        decoded.notices.insert(decoded.notices.begin(),
                               explorer::HashNotice{"data", decoded.state.dataset, explorer::NoticeReason::OtherDataset});
        decoded.state.dataset = p.app.state().dataset;
    }
    // Applying a link is not a reader's step: it adds no history entry of its own (intents.hpp).
    return applyDecoded(p, std::move(decoded), true, true);
}

// ---- The mirror: what a reader can reach, as DOM over the canvas (web/host/mirror.js)

// The semantic tree (semantic_tree.hpp, semanticTreeJson) with, added here:
//  - "rect": {"x", "y", "width", "height"} in CSS px relative to the canvas, where the node was
//    drawn in the last frame (addRect), on every node the views place and on the nodes of the
//    current view's region that select an entity drawn;
//  - "selection": {"id", "name"} or null, and "shown": {"entities", "projects", "organisations"}
//    (what the filters leave visible), for the page's announcements.
// null without a dataset. Built again only when the state changed; rectangles read again only
// when a frame was drawn since the last call; otherwise the same text as before.
EMSCRIPTEN_KEEPALIVE const char* explorer_semantic_tree_json() {
    Platform& p = platform();
    explorer::web::drawPending(); // the visible set and the rectangles of the state just set
    if (!refreshMirrorTree(p)) return answer(std::string("null"));
    MirrorCache& c = mirrorCache();
    if (c.frame == p.framesDrawn && !c.answer.empty()) return c.answer.c_str();
    const explorer::Dataset& dataset = p.app.dataset();
    const explorer::VisibleSet& visible = p.app.visible();
    std::size_t entities = 0, projects = 0, organisations = 0;
    for (std::size_t i = 0; i < dataset.entities.size(); ++i) {
        if (i < visible.entity.size() && !visible.entity[i]) continue;
        ++entities;
        if (dataset.entities[i].kind == explorer::EntityKind::Project) ++projects;
        if (dataset.entities[i].kind == explorer::EntityKind::Organisation) ++organisations;
    }
    JsonWriter out;
    out.beginObject();
    explorer::writeSemanticTreeMembers(
        out, c.root, c.state,
        [&p](JsonWriter& o, const explorer::SemanticNode& node, const std::vector<const explorer::SemanticNode*>& ancestors) {
            addRect(p.app, o, node, ancestors);
        });
    const auto selected = dataset.findEntity(p.app.state().selection);
    out.key("selection");
    if (selected) {
        out.beginObject().field("id", dataset.entities[*selected].id).field("name", dataset.entities[*selected].name).endObject();
    } else {
        out.null();
    }
    out.key("shown").beginObject().field("entities", entities).field("projects", projects).field("organisations", organisations);
    out.endObject();
    // The canvas field's colours, for the page's real search field drawn over it.
    const ImGuiStyle& style = ImGui::GetStyle();
    const auto css = [](const ImVec4& c) { return cssColour(ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, 1.0f))); };
    const explorer::ui::Palette& palette = p.app.activePalette();
    out.key("colours")
        .beginObject()
        .field("frame", css(style.Colors[ImGuiCol_FrameBg]))
        .field("text", cssColour(palette.text))
        .field("muted", cssColour(palette.textMuted))
        .field("surface", cssColour(palette.surface))
        .field("border", cssColour(palette.border))
        .field("accent", cssColour(palette.accent))
        .field("accentText", cssColour(palette.accentText))
        .endObject();
    out.endObject();
    c.answer = out.take();
    c.frame = p.framesDrawn;
    return c.answer.c_str();
}

// Performs the action of the tree's node `nodeId` (select, deselect, setView, toggleFilter,
// clearFilters, openLink) through the same path as a click on the canvas: app.dispatch, or the
// openLink hook for links. 1 when something was done, 0 for an unknown node or one without action.
EMSCRIPTEN_KEEPALIVE int explorer_activate(const char* nodeId) {
    Platform& p = platform();
    if (!refreshMirrorTree(p)) return 0;
    const explorer::SemanticNode* node = explorer::findSemanticNode(mirrorCache().root, text(nodeId));
    if (!node) return 0;
    const std::string target = node->target;
    switch (node->action) {
    case explorer::SemanticAction::None: return 0;
    case explorer::SemanticAction::Select: p.app.dispatch(explorer::intent::Select{target}); break;
    case explorer::SemanticAction::Deselect: p.app.dispatch(explorer::intent::Select{std::string()}); break;
    case explorer::SemanticAction::SetView: {
        const auto view = explorer::viewFromString(target);
        if (!view) return 0;
        p.app.dispatch(explorer::intent::ShowView{*view});
        break;
    }
    case explorer::SemanticAction::ToggleFilter: {
        explorer::Filters filters = p.app.state().filters;
        if (target == "multi") {
            filters.multiProjectOnly = !filters.multiProjectOnly;
        } else {
            const std::size_t colon = target.find(':');
            if (colon == std::string::npos) return 0;
            const std::string group = target.substr(0, colon);
            const std::string term = target.substr(colon + 1);
            std::vector<std::string>* list = group == "axes"      ? &filters.axes
                                             : group == "sectors" ? &filters.sectors
                                             : group == "types"   ? &filters.types
                                             : group == "roles"   ? &filters.roles
                                                                  : nullptr;
            if (!list) return 0;
            const auto found = std::find(list->begin(), list->end(), term);
            if (found == list->end()) list->push_back(term);
            else list->erase(found);
        }
        p.app.dispatch(explorer::intent::SetFilters{std::move(filters)});
        break;
    }
    case explorer::SemanticAction::ClearFilters: p.app.dispatch(explorer::intent::SetFilters{explorer::Filters{}}); break;
    case explorer::SemanticAction::SetLang:
        p.app.dispatch(explorer::intent::SetLang{target == "fr" ? explorer::Lang::Fr : explorer::Lang::En});
        break;
    case explorer::SemanticAction::SetTheme:
        p.app.dispatch(explorer::intent::SetTheme{target == "dark" ? explorer::Theme::Dark : explorer::Theme::Light});
        break;
    case explorer::SemanticAction::OpenLink:
        if (!explorer::semantic::isWebUrl(node->href)) return 0;
        explorer::web::openLink(node->href);
        return 1;
    }
    wake();
    return 1;
}

// ---- Reader preferences (web/host/preferences.js)

// What the reader asked their browser for, read by the page from media queries (and again on
// each change): {"reducedMotion": bool, "contrast": "more" | "no-preference", "forcedColors": null
// | {"canvas", "canvasText", "linkText", "highlight", "highlightText", "grayText", "buttonFace",
// "buttonText"} as "#rrggbb", "minimumFontSize": CSS px} (core/reader_preferences.hpp). 1 when
// applied; 0 for anything else (not JSON, a wrong type, a bad colour), which changes nothing.
EMSCRIPTEN_KEEPALIVE int explorer_set_preferences_json(const char* json) {
    const std::optional<explorer::ReaderPreferences> preferences = explorer::readerPreferencesFromJson(text(json));
    if (!preferences) return 0;
    platform().app.setPreferences(*preferences);
    wake();
    return 1;
}

// The page holds the real search field over the canvas's (web/host/mirror.js): 1 from then on.
EMSCRIPTEN_KEEPALIVE void explorer_set_search_in_page(int inPage) {
    platform().app.setSearchInPage(inPage != 0);
    wake();
}

// The keyboard in the mirror (web/host/mirror.js), for what the DOM cannot do alone:
//  - "left" | "right" | "up" | "down": in the network, selects the node connected to `from` (an
//    entity id; the selection when empty) lying that way on screen (network_navigation.hpp);
//  - "zoom-in" | "zoom-out" | "fit": the network's camera, as its + / − / fit buttons;
//  - "reveal": brings `from` into sight (the network's camera follows it; lists scroll to it);
//  - "search": `from` is the text of the page's search field (an intent SetSearch).
// Answers {"done": bool, "selection": id | null, "say": what to announce, "" for nothing}.
EMSCRIPTEN_KEEPALIVE const char* explorer_navigate(const char* command, const char* from) {
    Platform& p = platform();
    const std::string what(text(command));
    struct {
        bool done = false;
        std::string say;
    } result;
    const auto finish = [&]() {
        const std::string& selection = p.app.state().selection;
        JsonWriter out;
        out.beginObject().field("done", result.done).key("selection");
        if (selection.empty()) out.null();
        else out.value(selection);
        out.field("say", result.say).endObject();
        return answer(out);
    };
    if (!p.app.hasDataset() || !p.app.interactive()) return finish();
    const explorer::Dataset& dataset = p.app.dataset();
    const bool network = p.app.state().view == explorer::View::Network;
    if (what == "search") { // the page's search field, typed into: as the canvas field's typing
        p.app.dispatch(explorer::intent::SetSearch{std::string(text(from))});
        wake();
        explorer::web::drawPending();
        result.done = true;
        return finish();
    }
    std::string fromId(text(from));
    if (fromId.empty()) fromId = p.app.state().selection;
    if (what == "reveal") {
        if (!dataset.findEntity(fromId)) return finish();
        p.app.reveal(fromId);
        wake();
        explorer::web::drawPending();
        result.done = true;
        return finish();
    }
    if (!network) return finish();
    if (what == "zoom-in" || what == "zoom-out") {
        p.app.zoomNetwork(what == "zoom-in" ? 1 : -1);
    } else if (what == "fit") {
        p.app.fitNetwork();
    } else if (const auto direction = explorer::directionFromString(what)) {
        const auto start = dataset.findEntity(fromId);
        if (!start) return finish();
        std::vector<explorer::NodePlace> places;
        for (const auto& node : p.app.networkNodes()) places.push_back({node.entity, node.x, node.y});
        const auto next = explorer::neighbourInDirection(dataset, p.app.visible(), *start, *direction, places);
        const explorer::Lang lang = p.app.state().lang;
        if (!next) {
            result.say = explorer::noStepAnnouncement(dataset, *start, *direction, lang);
            return finish();
        }
        p.app.dispatch(explorer::intent::Select{dataset.entities[*next].id});
        result.say = explorer::stepAnnouncement(dataset, p.app.visible(), *start, *next, lang);
    } else {
        return finish();
    }
    wake();
    explorer::web::drawPending();
    result.done = true;
    return finish();
}

} // extern "C"
