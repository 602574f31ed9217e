// Interface strings in French and English. Data texts come from the dataset; these are the words
// of the explorer itself. Every entry has both languages (checked by tests/ui).
#pragma once

#include "core/model.hpp"

#include <cstddef>

namespace explorer::ui {

enum class Str : std::size_t {
    AppTitle,
    ViewNetwork,
    ViewMatrix,
    ViewTable,
    ViewProjects,
    Language,
    ThemeLight,
    ThemeDark,
    Lead,
    LeadUnknown,
    Members,
    Sources,
    Axes,
    Sectors,
    Duration,
    Months,
    Size,
    NoDataset,
    DatasetRejected,
    DatasetRejectedHint,
    Close,
    // Matrix and table views
    ColumnName,
    ColumnType,
    ColumnProjects,
    ColumnRoles,
    TabParticipants,
    ThroughUnit,
    LegendThroughUnit,
    NothingToShow,
    TooManyProjectColumns,
    // App shell: search, filters, details
    SearchHint,
    SearchNoResults,
    SearchMatched,
    Filters,
    FiltersClear,
    FiltersMultiProject,
    FilterTypes,
    FilterRoles,
    Relations,
    Facts,
    SourcesDisagree,
    LayerArticle,
    LayerExternal,
    Country,
    Website,
    InProjects,
    OpenInNewTab,
    Licences,
    Aliases,
    // Network view
    NetworkLegend,
    NetworkShowAll,
    NetworkZoomIn,
    NetworkZoomOut,
    NetworkOrgPublic,
    NetworkOrgPrivate,
    NetworkOrgCivil,
    NetworkSeveralProjects,
    NetworkEdgeMember,
    NetworkEdgeSupport,
    NetworkEdgeLineage,
    NetworkEdgePartOf,
    NetworkInOneProject,
    NetworkInProjects,
    NetworkHint,
    NetworkLayingOut, // "{n}" is replaced by the share done, in percent
    MatrixLegend,
    // Matrix: participation through what a project builds on
    LegendThroughFoundation,
    FoundationOfProject, // "{foundation}" and "{project}" are replaced by names
    ConnectedTo,         // details: heading of the projects an entity is only connected to
    // Share and export menu
    ShareMenu,
    CopyLink,
    SaveOffline,
    ExportPng,
    ExportSvg,
    ExportCsv,
    ExportJson,
    OpenDataset,
    OpenDatasetHint,
    // Characters of the dataset that no font of the reader's browser has ("{n}": how many)
    MissingGlyphs,
    // A dataset being read in slices while the current one stays on screen ("{n}": percent done)
    LoadingDataset,
    Count,
};

const char* tr(Str id, Lang lang);

} // namespace explorer::ui
