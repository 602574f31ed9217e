// The matrix: one row per participant linked to a visible project, one column per visible
// project, a symbol per role in each cell (or one ringed dot for a link through what the project
// builds on). The name column and the header row stay in place while the rest scrolls, so it
// reads on a phone as on a desktop.
#include "ui/entity_labels.hpp"
#include "ui/matrix_model.hpp"
#include "ui/strings.hpp"
#include "ui/views.hpp"
#include "ui/widgets.hpp"
#include "ui/text_runs.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace explorer::ui {
namespace {

enum class Shape { Star, Circle, Square, Diamond, TriangleUp, TriangleDown, TriangleRight, Hexagon, Pentagon, Plus, Bar, Dot, RingedDot };

// Each role's shape and colours come from its traits (core/vocabulary.hpp), so the matrix still
// reads without colour (colour-vision deficiencies, greyscale print).
constexpr ImU32 rgb(std::uint32_t hex) { return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF); }

struct GlyphStyle {
    Shape shape;
    ImU32 colour;
};

Shape shapeOf(explorer::RoleGlyph glyph) {
    switch (glyph) {
    case explorer::RoleGlyph::Star: return Shape::Star;
    case explorer::RoleGlyph::TriangleUp: return Shape::TriangleUp;
    case explorer::RoleGlyph::Circle: return Shape::Circle;
    case explorer::RoleGlyph::Square: return Shape::Square;
    case explorer::RoleGlyph::Diamond: return Shape::Diamond;
    case explorer::RoleGlyph::Hexagon: return Shape::Hexagon;
    case explorer::RoleGlyph::TriangleDown: return Shape::TriangleDown;
    case explorer::RoleGlyph::Pentagon: return Shape::Pentagon;
    case explorer::RoleGlyph::Plus: return Shape::Plus;
    case explorer::RoleGlyph::TriangleRight: return Shape::TriangleRight;
    case explorer::RoleGlyph::Bar: return Shape::Bar;
    case explorer::RoleGlyph::None: break;
    }
    return Shape::Dot;
}

// Roles without a glyph of their own (part_of, roles a dataset declares…) share a small dot in the
// muted text colour; the legend and the tooltip still name them.
GlyphStyle glyphFor(std::string_view role, const Palette& palette) {
    const RoleTraits& traits = roleTraits(role);
    if (traits.glyph == explorer::RoleGlyph::None) return {Shape::Dot, palette.textMuted};
    // Forced colours allow no colour of our own: the shapes alone tell the roles apart.
    if (palette.forced) return {shapeOf(traits.glyph), palette.text};
    return {shapeOf(traits.glyph), rgb(palette.dark ? traits.dark : traits.light)};
}

// A link through a foundation is drawn the same whatever its role: the tooltip names the role and
// the foundation. A ring around a dot, in the muted text colour, reads apart from the small dot
// (filled or hollow) of roles without a glyph of their own.
GlyphStyle foundationGlyph(const Palette& palette) { return {Shape::RingedDot, palette.textMuted}; }

GlyphStyle glyphFor(const Dataset& dataset, const CellMark& mark, const Palette& palette) {
    if (mark.throughFoundation()) return foundationGlyph(palette);
    return glyphFor(dataset.relations[mark.relation].role, palette);
}

std::vector<ImVec2> regularPolygon(ImVec2 centre, float radius, int sides, float startAngle) {
    std::vector<ImVec2> points;
    for (int i = 0; i < sides; ++i) {
        const float angle = startAngle + 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / static_cast<float>(sides);
        points.emplace_back(centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle));
    }
    return points;
}

std::vector<ImVec2> outlineOf(Shape shape, ImVec2 c, float r) {
    constexpr float up = -std::numbers::pi_v<float> / 2.0f;
    switch (shape) {
    case Shape::Square: return {{c.x - r * 0.8f, c.y - r * 0.8f}, {c.x + r * 0.8f, c.y - r * 0.8f},
                                {c.x + r * 0.8f, c.y + r * 0.8f}, {c.x - r * 0.8f, c.y + r * 0.8f}};
    case Shape::Diamond: return regularPolygon(c, r, 4, up);
    case Shape::TriangleUp: return regularPolygon({c.x, c.y + r * 0.15f}, r * 1.05f, 3, up);
    case Shape::TriangleDown: return regularPolygon({c.x, c.y - r * 0.15f}, r * 1.05f, 3, -up);
    case Shape::TriangleRight: return regularPolygon({c.x - r * 0.15f, c.y}, r * 1.05f, 3, 0.0f);
    case Shape::Hexagon: return regularPolygon(c, r, 6, 0.0f);
    case Shape::Pentagon: return regularPolygon(c, r, 5, up);
    case Shape::Bar: return {{c.x - r, c.y - r * 0.4f}, {c.x + r, c.y - r * 0.4f}, {c.x + r, c.y + r * 0.4f},
                             {c.x - r, c.y + r * 0.4f}};
    case Shape::Star: {
        std::vector<ImVec2> points;
        for (int i = 0; i < 10; ++i) {
            const float radius = i % 2 == 0 ? r * 1.1f : r * 0.48f;
            const float angle = up + std::numbers::pi_v<float> * static_cast<float>(i) / 5.0f;
            points.emplace_back(c.x + radius * std::cos(angle), c.y + radius * std::sin(angle));
        }
        return points;
    }
    case Shape::Plus: {
        const float a = r * 0.33f;
        return {{c.x - a, c.y - r}, {c.x + a, c.y - r}, {c.x + a, c.y - a}, {c.x + r, c.y - a},
                {c.x + r, c.y + a}, {c.x + a, c.y + a}, {c.x + a, c.y + r}, {c.x - a, c.y + r},
                {c.x - a, c.y + a}, {c.x - r, c.y + a}, {c.x - r, c.y - a}, {c.x - a, c.y - a}};
    }
    case Shape::Circle:
    case Shape::Dot:
    case Shape::RingedDot: break;
    }
    return {};
}

// Filled for a direct link, hollow for a link through a team or programme. The ringed dot has a
// single look.
void drawGlyph(ImDrawList* draw, ImVec2 centre, float radius, GlyphStyle style, bool filled) {
    const float thickness = std::max(1.2f, radius * 0.3f);
    if (style.shape == Shape::RingedDot) {
        const float ringThickness = std::max(1.0f, radius * 0.2f);
        draw->AddCircle(centre, radius * 0.9f - ringThickness * 0.5f, style.colour, 0, ringThickness);
        draw->AddCircleFilled(centre, radius * 0.32f, style.colour);
        return;
    }
    if (style.shape == Shape::Circle || style.shape == Shape::Dot) {
        const float r = style.shape == Shape::Dot ? radius * 0.6f : radius * 0.9f;
        if (filled) {
            draw->AddCircleFilled(centre, r, style.colour);
        } else {
            draw->AddCircle(centre, r - thickness * 0.5f, style.colour, 0, thickness);
        }
        return;
    }
    const std::vector<ImVec2> points = outlineOf(style.shape, centre, radius);
    const int count = static_cast<int>(points.size());
    if (!filled) {
        draw->AddPolyline(points.data(), count, style.colour, ImDrawFlags_Closed, thickness);
    } else if (style.shape == Shape::Star || style.shape == Shape::Plus) {
        // Concave, but every edge is seen from the centre: a fan of triangles fills it.
        for (int i = 0; i < count; ++i) {
            draw->AddTriangleFilled(centre, points[i], points[(i + 1) % count], style.colour);
        }
    } else {
        draw->AddConvexPolyFilled(points.data(), count, style.colour);
    }
}

float glyphRadius() { return ImGui::GetTextLineHeight() * 0.36f; }
float glyphStep() { return ImGui::GetTextLineHeight() * 0.95f; }

// A glyph as an inline item of one text line.
void glyphItem(GlyphStyle style, bool filled) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float size = ImGui::GetTextLineHeight();
    ImGui::Dummy(ImVec2(size, size));
    drawGlyph(ImGui::GetWindowDrawList(), ImVec2(min.x + size * 0.5f, min.y + size * 0.5f), glyphRadius(), style, filled);
}

// Returns the span of its items, for the legend's place in the semantic tree.
ItemSpan drawLegend(const Dataset& dataset, const MatrixLegendContent& content, UiContext& ui) {
    const std::vector<std::string>& roles = content.roles;
    const bool anyThroughUnit = content.anyThroughUnit;
    const bool anyThroughFoundation = content.anyThroughFoundation;
    if (ui.fonts.small) ImGui::PushFont(ui.fonts.small);
    const float size = ImGui::GetTextLineHeight();
    const float gap = ImGui::GetStyle().ItemInnerSpacing.x;
    const float maxWidth = ImGui::GetContentRegionAvail().x;
    ItemSpan span;
    // The item's id in the semantic tree is "legend/<key><role>" ("legend/role/lead", "legend/connection").
    const auto legendItem = [&](GlyphStyle style, bool filled, const std::string& label, std::string_view key,
                                std::string_view role, FlowLayout& flow) {
        const float width = std::min(size + gap + ImGui::CalcTextSize(label.c_str()).x, maxWidth);
        flow.next(width + ImGui::GetStyle().ItemSpacing.x);
        const ImVec2 min = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(width, size));
        placeLastItem(ui, "legend/", key, role);
        span.addLastItem();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        drawGlyph(draw, ImVec2(min.x + size * 0.5f, min.y + size * 0.5f), glyphRadius(), style, filled);
        const ImVec2 textMin(min.x + size + gap, min.y);
        ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.textMuted);
        ImGui::RenderTextEllipsis(draw, textMin, ImVec2(min.x + width, min.y + size), min.x + width, min.x + width,
                                  label.c_str(), nullptr, nullptr);
        ImGui::PopStyleColor();
    };
    FlowLayout flow;
    for (const std::string& role : roles) {
        legendItem(glyphFor(role, ui.palette), true, roleLabel(dataset, role, ui.lang), "role/", role, flow);
    }
    if (anyThroughUnit) {
        legendItem(GlyphStyle{Shape::Circle, ui.palette.textMuted}, false, tr(Str::LegendThroughUnit, ui.lang),
                   "through-unit", {}, flow);
    }
    if (anyThroughFoundation) {
        legendItem(foundationGlyph(ui.palette), true, tr(Str::LegendThroughFoundation, ui.lang), "connection", {}, flow);
    }
    if (ui.fonts.small) ImGui::PopFont();
    placeRect(ui, span.min, span.max, "legend/items");
    return span;
}

void cellTooltip(const Dataset& dataset, const MatrixCell& cell, const UiContext& ui) {
    const std::vector<std::string> sentences = cellSentences(dataset, cell, ui.lang);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
    for (std::size_t i = 0; i < cell.marks.size(); ++i) {
        const CellMark& mark = cell.marks[i];
        glyphItem(glyphFor(dataset, mark, ui.palette), mark.direct());
        ImGui::SameLine();
        wrappedText(sentences[i]);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// The glyphs of one cell, left to right: one per distinct (role, direct or not), and a single
// ringed dot for all links through foundations, since two teams with the same role would only
// repeat a symbol; the tooltip lists every link.
void cellGlyphs(const Dataset& dataset, const MatrixCell& cell, ImVec2 min, float width, const Palette& palette) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float step = glyphStep();
    const float lineHeight = ImGui::GetTextLineHeight();
    enum class Link { Direct, ThroughUnit, ThroughFoundation };
    std::vector<std::pair<std::string_view, Link>> drawn;
    float x = min.x + step * 0.5f;
    for (const CellMark& mark : cell.marks) {
        const Link link = mark.direct() ? Link::Direct : mark.throughUnit() ? Link::ThroughUnit : Link::ThroughFoundation;
        const std::string_view role =
            link == Link::ThroughFoundation ? std::string_view{} : std::string_view(dataset.relations[mark.relation].role);
        const std::pair<std::string_view, Link> key{role, link};
        if (std::find(drawn.begin(), drawn.end(), key) != drawn.end()) continue;
        if (x + step * 0.5f > min.x + width) {
            // No room left: an ellipsis says there is more, the tooltip says what.
            draw->AddText(ImVec2(x - step * 0.5f, min.y), palette.textMuted, "…");
            return;
        }
        drawn.push_back(key);
        drawGlyph(draw, ImVec2(x, min.y + lineHeight * 0.5f), glyphRadius(), glyphFor(dataset, mark, palette), mark.direct());
        x += step;
    }
}

// Column order. On a narrow screen the type column moves after the projects, so the first
// project columns show beside the frozen names without scrolling.
struct MatrixColumns {
    int name = 0;
    int count = 1;
    int type = 2;
    int firstProject = 3;
    static MatrixColumns forWidth(float available, float em, std::size_t projects) {
        if (available >= em * 40.0f) return MatrixColumns{0, 2, 1, 3};
        return MatrixColumns{0, 1, 2 + static_cast<int>(projects), 2};
    }
};

// ImGui tables hold at most 512 columns (IMGUI_TABLE_MAX_COLUMNS).
constexpr std::size_t kMaxProjectColumns = 500;

std::string headerLabel(std::string_view text, std::string_view stableId) {
    return std::string(text) + "###" + std::string(stableId);
}

} // namespace

void drawMatrixView(const Dataset& dataset, const ViewState& state, UiContext& ui) {
    const Palette& p = ui.palette;
    // Rows built once per dataset, filters and language (ViewRows), sorted once per sort.
    ParticipantRowsCache ownRows;
    ParticipantRowsCache& data = ui.rows ? ui.rows->matrix : ownRows;
    refreshRows(data, dataset, ui.visible,
                RowsKey{&dataset, dataset.entities.size(), dataset.relations.size(), state.filters, ui.lang}, true);
    const std::vector<MatrixCell>& cells = data.cells;
    const std::vector<ParticipantRow>& rows = data.rows();
    std::vector<std::size_t> projects = data.projects;

    // On a phone the legend would take a fifth of the height: it folds under one line, which
    // ImGui keeps open or closed from frame to frame.
    const float em = ImGui::GetFontSize();
    const float available = ImGui::GetContentRegionAvail().x;
    ItemSpan legend;
    if (available >= em * 40.0f) {
        legend = drawLegend(dataset, data.legend, ui);
    } else {
        const std::string legendLabel = std::string(tr(Str::MatrixLegend, ui.lang)) + "###matrix-legend";
        const bool open = ImGui::TreeNodeEx(legendLabel.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
        // Folded, the legend region is its line, where the reader opens it.
        const ImVec2 lineMin = ImGui::GetItemRectMin();
        const ImVec2 lineMax = ImGui::GetItemRectMax();
        if (open) {
            legend = drawLegend(dataset, data.legend, ui);
            ImGui::TreePop();
        }
        legend.add(lineMin, lineMax);
    }
    placeRect(ui, legend.min, legend.max, "legend");
    if (rows.empty() || projects.empty()) {
        mutedText(tr(Str::NothingToShow, ui.lang), p.textMuted);
        return;
    }
    if (projects.size() > kMaxProjectColumns) {
        projects.resize(kMaxProjectColumns);
        ImGui::PushTextWrapPos(0);
        mutedText(tr(Str::TooManyProjectColumns, ui.lang), p.warning);
        ImGui::PopTextWrapPos();
    }
    const MatrixColumns columns = MatrixColumns::forWidth(available, em, projects.size());
    // Columns of the projects shown (at most kMaxProjectColumns): a small map, not one slot per
    // entity, so a frame costs nothing in the size of the dataset.
    std::unordered_map<std::size_t, int> columnOfProject;
    columnOfProject.reserve(projects.size());
    std::vector<std::size_t> projectOfColumn(projects.size() + 3, dataset.entities.size());
    for (std::size_t i = 0; i < projects.size(); ++i) {
        const int column = columns.firstProject + static_cast<int>(i);
        columnOfProject[projects[i]] = column;
        projectOfColumn[static_cast<std::size_t>(column)] = projects[i];
    }
    const auto columnOf = [&](std::size_t project) {
        const auto found = columnOfProject.find(project);
        return found == columnOfProject.end() ? -1 : found->second;
    };
    const std::optional<std::size_t> selected = dataset.findEntity(state.selection);
    const int selectedColumn = selected ? columnOf(*selected) : -1;

    // The widest name, measured once per build of the rows and font size.
    if (data.nameFontSize != em) {
        data.longestName = 0.0f;
        if (ui.fonts.bold) ImGui::PushFont(ui.fonts.bold);
        for (const ParticipantRow& row : rows) {
            data.longestName = std::max(data.longestName, ImGui::CalcTextSize(dataset.entities[row.entity].name.c_str()).x);
        }
        if (ui.fonts.bold) ImGui::PopFont();
        data.nameFontSize = em;
    }
    const float longestName = data.longestName;
    // The name column stays put while the others scroll: never more than ~40 % of the width.
    const float nameWidth = std::clamp(longestName + em * 0.5f, em * 5.0f, std::max(em * 5.0f, std::min(em * 12.0f, available * 0.4f)));

    const int columnCount = 3 + static_cast<int>(projects.size());
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                       ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit |
                                       ImGuiTableFlags_NoSavedSettings;
    if (!ImGui::BeginTable("##matrix", columnCount, kFlags)) return;

    const std::string nameHeader = headerLabel(tr(Str::ColumnName, ui.lang), "name");
    const std::string typeHeader = headerLabel(tr(Str::ColumnType, ui.lang), "type");
    const std::string countHeader = headerLabel(tr(Str::ColumnProjects, ui.lang), "projects");
    const float minProjectWidth = glyphStep() * 3.0f;
    for (int column = 0; column < columnCount; ++column) {
        if (column == columns.name) {
            ImGui::TableSetupColumn(nameHeader.c_str(), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoHide,
                                    nameWidth, static_cast<ImGuiID>(SortColumn::Name));
        } else if (column == columns.type) {
            ImGui::TableSetupColumn(typeHeader.c_str(), ImGuiTableColumnFlags_WidthFixed, em * 7.0f,
                                    static_cast<ImGuiID>(SortColumn::Type));
        } else if (column == columns.count) {
            ImGui::TableSetupColumn(countHeader.c_str(),
                                    ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                                    ImGui::CalcTextSize(tr(Str::ColumnProjects, ui.lang)).x + em * 1.4f,
                                    static_cast<ImGuiID>(SortColumn::Projects));
        } else {
            const Entity& entity = dataset.entities[projectOfColumn[static_cast<std::size_t>(column)]];
            const std::string_view header = displayText(entity.name);
            const float width = std::clamp(ImGui::CalcTextSize(header.data(), header.data() + header.size()).x + em * 0.3f,
                                           minProjectWidth, std::max(minProjectWidth, em * 7.0f));
            ImGui::TableSetupColumn(headerLabel(header, entity.id).c_str(),
                                    ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, width);
        }
    }
    ImGui::TableSetupScrollFreeze(1, 1);

    // The matrix has no roles column: a roles sort chosen in the table shows here as by name.
    const TableSort shown = state.sort.column == SortColumn::Roles ? TableSort{} : state.sort;
    showTableSort(shown);

    // Header row, submitted cell by cell so project headers select their project (sorting by a
    // project column would mean nothing).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int column = 0; column < columnCount; ++column) {
        if (!ImGui::TableSetColumnIndex(column)) continue;
        const std::size_t project = projectOfColumn[static_cast<std::size_t>(column)];
        if (project >= dataset.entities.size()) {
            ImGui::TableHeader(ImGui::TableGetColumnName(column));
            // The tree's grid has no type or count column (semantic_tree.cpp, matrixView).
            if (column == columns.name) placeLastItem(ui, "matrix/col/name");
            continue;
        }
        const bool isSelected = column == selectedColumn;
        if (isSelected) {
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, withAlpha(p.accent, 0.25f));
            ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
        }
        if (ui.fonts.bold && isSelected) ImGui::PushFont(ui.fonts.bold);
        ImGui::TableHeader(ImGui::TableGetColumnName(column));
        if (ui.fonts.bold && isSelected) ImGui::PopFont();
        if (isSelected) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) {
            ui.hovered = static_cast<long long>(project);
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        }
        if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) ui.intents.send(intent::Select{dataset.entities[project].id});
        locateLastItem(ui, project);
        placeLastItem(ui, "matrix/col/", dataset.entities[project].id);
        placeLastItem(ui, "matrix/col/", dataset.entities[project].id, "/select");
    }

    const TableSort now = tableSort(shown);
    if (now != shown) ui.intents.send(intent::SetSort{now});
    sortRows(data, dataset, now, ui.lang);

    const ImU32 selectedRowColour = withAlpha(p.accent, 0.16f);
    const ImU32 selectedColumnColour = withAlpha(p.accent, 0.10f);
    std::vector<const MatrixCell*> cellOfColumn(static_cast<std::size_t>(columnCount), nullptr); // the row drawn
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    includeRevealedRow(clipper, revealedRowIndex(rows, ui.reveal));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const ParticipantRow& row = rows[static_cast<std::size_t>(i)];
            const Entity& entity = dataset.entities[row.entity];
            const bool rowSelected = state.selection == entity.id;
            ImGui::TableNextRow();
            if (rowSelected) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, selectedRowColour);
            if (selectedColumn >= 0) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, selectedColumnColour, selectedColumn);
            ImGui::PushID(entity.id.data(), entity.id.data() + entity.id.size());

            ImGui::TableSetColumnIndex(columns.name);
            // Organisations in two projects or more are what the matrix is for: their names stand out.
            const bool multiProject = row.projects.size() >= 2;
            if (nameCell(entity.name, rowSelected, multiProject ? ui.fonts.bold : ui.fonts.body)) {
                ui.intents.send(intent::Select{entity.id});
            }
            revealIfTarget(ui, row.entity);
            if (ImGui::IsItemHovered()) ui.hovered = static_cast<long long>(row.entity);
            locateLastItem(ui, row.entity);
            placeLastItem(ui, "matrix/row/", entity.id, "/name");
            placeLastItem(ui, "matrix/row/", entity.id, "/name/select");

            if (ImGui::TableSetColumnIndex(columns.type)) cellText(typeLabel(dataset, entity, ui.lang), p.textMuted);
            if (ImGui::TableSetColumnIndex(columns.count)) cellText(std::to_string(row.projects.size()), p.text);

            // Every project column in sight, empty cells included: the tree's grid has them all,
            // and a reader exploring by touch finds each where it is.
            std::fill(cellOfColumn.begin(), cellOfColumn.end(), nullptr);
            const auto first = std::lower_bound(cells.begin(), cells.end(), row.entity,
                                                [](const MatrixCell& cell, std::size_t e) { return cell.participant < e; });
            for (auto cell = first; cell != cells.end() && cell->participant == row.entity; ++cell) {
                const int column = columnOf(cell->project);
                if (column >= 0) cellOfColumn[static_cast<std::size_t>(column)] = &*cell;
            }
            for (std::size_t k = 0; k < projects.size(); ++k) {
                const int column = columns.firstProject + static_cast<int>(k);
                if (!ImGui::TableSetColumnIndex(column)) continue;
                const Entity& project = dataset.entities[projects[k]];
                const ImVec2 min = ImGui::GetCursorScreenPos();
                const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
                const MatrixCell* cell = cellOfColumn[static_cast<std::size_t>(column)];
                if (!cell) {
                    placeRect(ui, min, ImVec2(min.x + width, min.y + ImGui::GetTextLineHeight()), "matrix/cell/", entity.id,
                              "/", project.id);
                    continue;
                }
                ImGui::PushID(project.id.data(), project.id.data() + project.id.size());
                if (ImGui::InvisibleButton("##cell", ImVec2(width, ImGui::GetTextLineHeight()))) {
                    ui.intents.send(intent::Select{entity.id});
                }
                placeLastItem(ui, "matrix/cell/", entity.id, "/", project.id);
                if (ImGui::IsItemHovered()) {
                    ui.hovered = static_cast<long long>(row.entity);
                    cellTooltip(dataset, *cell, ui);
                }
                cellGlyphs(dataset, *cell, min, width, p);
                ImGui::PopID();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    placeLastItem(ui, "matrix");
}

} // namespace explorer::ui
