// Exports of what the reader sees: the visible relations and entities as CSV, the visible part
// of the dataset as a dataset file of its own, the network as a standalone SVG picture; and a
// short fingerprint of a dataset's text for URLs.
//
// Every export takes the Dataset and the VisibleSet the views show (filters.hpp). Flags missing
// from a VisibleSet shorter than the dataset count as hidden. Entities and relations keep the
// dataset's order. The outputs are UTF-8 text with '\n' line ends; they never depend on the
// platform or the locale (numbers are written with '.').
#pragma once

#include "core/filters.hpp"
#include "core/model.hpp"
#include "core/raw_text.hpp"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {

// A short content hash of a dataset's text, to name a reader-supplied dataset in a URL: 8
// lower-case hexadecimal digits (FNV-1a 64 folded to 32 bits) of the exact bytes, a leading UTF-8
// byte order mark excepted. It matches the id pattern ^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$. Not a
// security measure: it tells datasets apart, it does not authenticate them.
std::string datasetFingerprint(std::string_view text);

// ---- CSV (RFC 4180: a field is quoted when it holds a comma, a quote or a line break, and a
// quote inside it is doubled; one header line; '\n' line ends; UTF-8 without byte order mark)
//
// Spreadsheet safety: a field starting with = + - @, a tab or a carriage return would run as a
// formula in spreadsheet applications (a hostile name such as "=HYPERLINK(…)"); such a field is
// written with a leading apostrophe, as OWASP advises. Ids never start that way; names rarely do.
//
// Spreadsheet applications in French locales read UTF-8 only when the file starts with a byte
// order mark: a download meant for them may prepend kUtf8ByteOrderMark (raw_text.hpp;
// loadCsvDataset accepts it).

// One field as every CSV the explorer writes has it: the spreadsheet guard, then the quoting.
std::string csvField(std::string_view text);
// The fields as one CSV line: csvField of each, separated by commas, then '\n'.
void appendCsvRow(std::string& out, std::initializer_list<std::string_view> fields);

// Visible relations, one line each:
//   source_id,source_name,target_id,target_name,role,role_label,sources,source_urls
// role_label is the role's label in `lang` (its id when the dataset does not label it);
// sources are the cited source ids joined with ';'; source_urls the URLs of those of them that
// have one, in the same order, joined with ';'.
std::string relationsCsv(const Dataset& dataset, const VisibleSet& visible, Lang lang);

// Visible entities, one line each:
//   id,kind,name,type,type_label,country,projects,description
// kind is "project", "organisation", "model" or "initiative"; type and type_label (in `lang`)
// are empty except for organisations; projects are the names of the visible projects the entity
// is a member of (Dataset::memberProjects; connections are not membership), joined with ';' (empty for a project); description is in
// `lang`, falling back to the other language when it is missing.
std::string entitiesCsv(const Dataset& dataset, const VisibleSet& visible, Lang lang);

// ---- Dataset file

// A `communs-explorer/1` document (data/README.md) holding the visible entities and relations,
// the sources they (and the call) cite and nothing else, the vocabulary they use (axes and
// sectors of visible projects, organisation types and roles that are not built in), the title
// and the call. Written with two-space indentation, keys in the format's order.
//
// For a Dataset that loadDataset produced, the document loads again with loadDataset without
// any problem, and gives the same entities, relations, facts and sources (restricted to what is
// visible). Three adjustments keep it valid: the call's `launched_by` is left out when that
// entity is hidden; a text given in one language only is written in both (as the UI shows it);
// and since the format requires at least one source, the dataset's first source is kept when
// nothing shown cites any (an empty view, a dataset without entities or call), so that even an
// export of nothing loads again: a dataset with no entities and no relations.
// A Dataset built otherwise (loadCsvDataset) may lack what the format requires (descriptions,
// source dates, organisation types, the URL of the shared "import" source): those fields are
// left out rather than invented, so loadDataset names each gap to fill in.
// Cost: linear in the size of the dataset (each entity, relation, source and term is written or
// looked up once, through hash sets), time and memory.
std::string visibleDatasetJson(const Dataset& dataset, const VisibleSet& visible);

// The line a picture of the data is signed with: the article layer's outlets and dates, then the
// other public sources ("Source : Silicon.fr (juin 2024) et sources publiques citées dans
// l’explorateur"), in `lang`.
std::string attributionLine(const Dataset& dataset, Lang lang);

// ---- Network picture

// A node as the network places it, in layout units (graph_layout.hpp): the entity's index, the
// centre and the radius (NetworkNode of network_layout.hpp; NetworkScene::placedNodes in the UI).
struct SvgNode {
    std::size_t entity = 0;
    float x = 0.0f;
    float y = 0.0f;
    float radius = 0.0f;
};

struct SvgOptions {
    std::string title;      // header line, and the document's <title>
    std::string sourceLine; // footer: "Source : …"
    std::string permalink;  // footer, second line, as plain text (no link element)
    bool dark = false;      // the dark colours of core/palette.hpp instead of the light ones
    int width = 960;        // width attribute in px (clamped to 240 … 8000); the height follows
};

// A standalone SVG 1.1 document: a header with the title and a legend of the kinds drawn, the
// network, and a footer with the source line and the permalink. Edges are lines in the style of
// their role (RoleTraits::edge, vocabulary.hpp, as on screen: thicker for Lead, dashed for Support,
// dotted for Lineage) drawn under the nodes; nodes are shapes by kind (square: project, circle:
// organisation, diamond: model, hexagon: initiative) in the widget's kind colours (palette.hpp),
// each with its name below it and a <title> tooltip.
//
// Drawn: the nodes whose entity exists, is visible and has finite coordinates (an entity given
// twice is drawn once, at its first position); the visible relations whose two ends are drawn,
// one line each. The layout is scaled to fit the width (at most 1.5 times its size); labels are
// cut to 40 characters. Every text is XML-escaped, control characters and invalid UTF-8 are
// replaced, and the document has no script, no style sheet, no link and no external reference
// (fonts: the widget's stack, kFontStack of font_stack.hpp, ending with the generic sans-serif, so
// that a viewer shows every script its system has a font for). Texts are written as text, never as
// glyph outlines, byte for byte as the dataset spells them (cut at 40 characters for labels).
// Node shapes carry class="node <kind>", edges class="edge".
std::string networkSvg(const Dataset& dataset, const VisibleSet& visible, const std::vector<SvgNode>& nodes, Lang lang,
                       const SvgOptions& options);

// The same picture with the network laid out here, to the end (settledNetworkLayout,
// network_layout.hpp): the places the widget shows once still, whatever it is drawing now. What
// the widget's "SVG of the network" and `explorer-data svg` write; for the same dataset, visible
// set, language and options, the bytes are the same as networkSvg(…, nodes, …) given the nodes of
// the widget's NetworkScene::placedNodes(). Costs one layout of the visible graph (a few ms for
// the shipped dataset; about 300 iterations of graph_layout.hpp for a large one).
std::string networkSvg(const Dataset& dataset, const VisibleSet& visible, Lang lang, const SvgOptions& options);

// The widget's options for that picture: the dataset's title and attributionLine() in `lang`, the
// colours; no permalink, the default width (the page adds both).
SvgOptions networkSvgOptions(const Dataset& dataset, Lang lang, bool dark);

} // namespace explorer
