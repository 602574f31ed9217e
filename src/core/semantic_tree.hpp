// What a reader can reach in the explorer, as a tree of semantic nodes (ARIA roles, accessible
// names and descriptions, states, actions), built from the same data the canvas draws: the dataset,
// the reader's ViewState and the VisibleSet of the filters. It is plain data, in ViewState::lang,
// with no ImGui and no DOM: a page can mirror it as HTML over the canvas (one element per node,
// updated in place by id), a test can read it, and `semanticTreeJson` carries it to the page.
//
// The tree, from its root (a region named by the dataset's title):
//  - "settings": a group of three toggle buttons, "settings/lang/fr", "settings/lang/en" (the
//    language shown pressed) and "settings/theme" ("Dark theme", pressed when dark is shown);
//  - "views": a toolbar of four buttons (network, matrix, table, projects), the current one pressed;
//  - "search": a combobox holding ViewState::search; with a search, followed by "search/results",
//    a listbox of its best hits (at most SemanticLimits::results, ranked as search.hpp ranks them,
//    whatever the filters hide, as the canvas lists them), each an option
//    "search/results/<entity id>" selecting the entity, described by its type (and the alias that
//    matched); or, with no hit, by a paragraph "search/none" saying so;
//  - "view/<view>": a region for the current view only:
//     network  : with a selection, the selected node as an article "network/focus/<id>" that opens
//                with the node itself, "network/focus/<id>/node", an application (screen readers
//                hand it the keys: arrows step to connected nodes) read as a "network node"; the
//                article's description announces its
//                type, the projects it is a MEMBER of (with its roles), those it is only CONNECTED
//                to (through what) and its degree (links shown), then a list of its visible links,
//                by role rank, each a button to select the neighbour ("sits on the scientific council
//                of AI for Democracy"). Never a screen position: layout places carry no meaning.
//                Without a selection, two lists of entry points: the visible projects, and the
//                visible organisations members of two or more projects (organisationsInSeveralProjects);
//     matrix   : a grid: a header row (participant, then one column header per visible project), then
//                one row per visible participant linked to a visible project, sorted by
//                ViewState::sort (a roles sort shows as by name, as on screen): a row header (button
//                selecting the participant) and one cell per project naming the role(s) held
//                ("Partner (through ALMAnaCH)") or the connection ("Connected through Software
//                Heritage"), empty where there is no link;
//     table    : two grids, participants (name, type, projects, roles) and projects (name, axes,
//                sectors, lead, members), sorted by ViewState::sort (column headers carry the sort),
//                rows kept by ViewState::search as on screen;
//     projects : one article per visible project (heading with a select button, description, axes,
//                sectors, duration), then one list per role of its visible relations, in roleRank
//                order, each member a button.
//  - "details": with a selection, a region named by the entity: its type, aliases, description,
//    website link, "Member of" and "Connected to" lists, facts (disagreeing claims grouped), links
//    (relations, read from the entity) and the numbered sources they cite (citeSource, links to
//    http(s) pages only), numbered in the order the details panel numbers them; a close button;
//  - "legend": network (shapes of kinds, the ring, line styles) or matrix (the role glyphs present,
//    hollow glyphs, the connection mark); none for the table and the cards;
//  - "filters": a checkbox "member of two or more projects", a "show all" button, and one group of
//    checkboxes per vocabulary (axes, sectors, organisation types, roles: the terms the dataset
//    uses), each with its checked state.
//
// Members and connections always come from Dataset::membership / memberProjects / unitPath /
// connectionsOf (model.hpp, "Participation"), never from a count of their own. Under a roles
// filter, a cell or link whose relations are all hidden says nothing, as the canvas draws nothing.
//
// Names: a node's `name` is what it reads as. A node with children shows them (a mirror writes
// `name` as text only for nodes without children): a list item or a row header holding a button has
// the button's name, a list or a grid is named like an aria-label. `description` is extra text read
// after the name (aria-description), never the same words again.
//
// Ids are stable: a node's id depends only on what it stands for (entity ids, role ids, term ids,
// relation indices in the dataset), never on its position among its siblings, so a mirror updates
// in place. Entity ids never contain '/' (data/README.md), which separates the parts of an id:
// "matrix/row/org:inria", "matrix/cell/org:inria/project:scribe", "details/org:inria/member/project:scribe".
//
// Size and cost, with E entities, R relations, S sources, P visible projects and the limits below
// (every list or grid cut by a limit ends with an item saying how many more there are: "12 more
// visible participants not listed"), the view's part of the tree holds at most
//   matrix   (rows + 2) × (min(P, columns) + 3) nodes;   table   (rows + 2) × 16;
//   cards    rows × (3 × items + 8);                      network 2 × items + 5 with a selection,
//                                                                 4 × rows + 4 without;
// the details at most 8 × items + 2 × S + 20, the legend 15 + the roles, the filters 4 × items + 6:
// with the defaults, at most about 16,000 nodes whatever the dataset (100 cards of 50 members), and
// about 600 for the shipped data.
// Building costs O(E log E + R) for the visible rows and their sort, one Dataset::connectionsOf walk
// (O(E + R)) per matrix or table row listed and per participant the matrix examines without finding
// a membership (at most 2 × rows walks for the matrix, rows for the table), one describeEntity walk
// for the selection, and a membership count (O(E log E)) per project the network lists:
// O(E log E + R + rows × (E + R)) in all (under 5 ms for the shipped data).
#pragma once

#include "core/filters.hpp"
#include "core/model.hpp"
#include "core/view_state.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {

class JsonWriter;

// ARIA roles, serialised by toString as ARIA spells them ("columnheader", "gridcell").
enum class SemanticRole {
    Region,
    Heading,
    Paragraph,
    List,
    ListItem,
    Grid,
    Row,
    ColumnHeader,
    RowHeader,
    GridCell,
    Article,
    Link,
    Button,
    Checkbox,
    Group,
    Toolbar,
    Searchbox,
    Application, // the network's selected node: keys go to the page (arrows step to connected nodes)
    Combobox, // the search field: its results, when there are any, are the listbox after it
    Listbox,
    Option,
};

// What activating a node does (buttons, checkboxes, links); `target` says to what.
enum class SemanticAction {
    None,
    Select,       // select the entity whose id is `target`
    Deselect,     // clear the selection (the details' close button)
    SetView,      // show the view named `target` ("network", "matrix", "table", "projects")
    ToggleFilter, // toggle a filter: `target` is "<group>:<term id>" (group: axes, sectors, types,
                  // roles) or "multi" (member of two or more projects)
    ClearFilters, // show all
    OpenLink,     // open `href` in a new tab (links)
    SetLang,      // show the widget in the language `target` ("fr", "en")
    SetTheme,     // use the theme `target` ("light", "dark")
};

struct SemanticNode {
    std::string id;
    SemanticRole role = SemanticRole::Group;
    std::string name;        // the accessible name
    std::string description; // the accessible description; empty when none
    int level = 0;           // headings: 1–6; 0 otherwise
    std::optional<bool> checked; // checkboxes
    std::optional<bool> pressed; // toggle buttons (the view buttons)
    std::optional<bool> expanded; // the search combobox: whether its results are listed
    bool current = false;        // stands for the selected entity (aria-current)
    bool disabled = false;
    std::string sort;  // column headers of the sorted column: "ascending" or "descending"
    std::string href;  // links: an http(s) URL, never anything else
    std::string value; // searchbox, combobox: its text
    std::string roleDescription; // how the role reads (aria-roledescription): "network node"
    SemanticAction action = SemanticAction::None;
    std::string target; // see SemanticAction
    std::vector<SemanticNode> children;
};

// Bounds on the tree's size (see the cost above). The shipped dataset fits in the defaults whole.
struct SemanticLimits {
    std::size_t rows = 100;   // rows of each grid, entry points of each network list, project cards
    std::size_t columns = 40; // project columns of the matrix
    std::size_t items = 50;   // items of any other list: links, members of a card, lists of the details, filter terms
    std::size_t results = 12; // options of the search results (the canvas lists 12)
};

// What the tree cannot read from the state: whether the dark theme is shown (ViewState::theme
// Auto follows the system, which only the page knows). Without it, the theme button reads Dark
// as pressed only when ViewState::theme says so.
struct SemanticContext {
    std::optional<bool> darkShown;
};

// The tree for this state (rules above). A VisibleSet whose sizes do not match the dataset counts
// as "everything visible". A selection that names no entity is ignored.
SemanticNode buildSemanticTree(const Dataset& dataset, const ViewState& state, const VisibleSet& visible,
                               const SemanticLimits& limits = {}, const SemanticContext& context = {});

// The tree as JSON for the page: {"version": 1, "lang": "fr", "view": "network", "nodes": N,
// "root": NODE}, NODE = {"id", "role", "name", "description"?, "level"?, "checked"?, "pressed"?,
// "current"?, "disabled"?, "sort"?, "href"?, "expanded"?, "value"?, "roledescription"?, "action"?: {"type": "select" |
// "deselect" | "setView" | "toggleFilter" | "clearFilters" | "openLink" | "setLang" | "setTheme",
// "target"?}, "children"?: [NODE…]}. Members that carry their default (empty, 0, false, none) are
// left out, but a searchbox's or combobox's "value" and a combobox's "expanded". Keys in this order; invalid
// UTF-8 is replaced by U+FFFD. Linear in the size of the tree.
std::string semanticTreeJson(const SemanticNode& root, const ViewState& state);

// Members a writer adds to a node's object, after those above (its "children" included): the
// page's mirror adds where each node was drawn. `ancestors` runs from the root to the node's parent.
using SemanticNodeAddition =
    std::function<void(JsonWriter& out, const SemanticNode& node, const std::vector<const SemanticNode*>& ancestors)>;

// The members of semanticTreeJson's object, "version" to "root", into an object `out` has begun:
// the page's mirror writes its own members after them, and adds to every node with `addition`.
void writeSemanticTreeMembers(JsonWriter& out, const SemanticNode& root, const ViewState& state,
                              const SemanticNodeAddition& addition = {});

// Nodes in the tree, the root included.
std::size_t semanticNodeCount(const SemanticNode& root);

// The first node with this id, depth first, or nullptr.
const SemanticNode* findSemanticNode(const SemanticNode& root, std::string_view id);

std::string_view toString(SemanticRole role);
std::string_view toString(SemanticAction action);

} // namespace explorer

// Phrases the tree and the static page (static_page.hpp) share, in `lang`. A namespace of their
// own, so that argument-dependent lookup never mixes them up with the UI's helpers of the same name.
namespace explorer::semantic {

// What an entity is: an organisation's type as the dataset labels it ("Public research body"), the
// kind for every other entity ("Model", "Project").
std::string typeLabel(const Dataset& dataset, const Entity& entity, Lang lang);

// A vocabulary term's label; the id itself when the dataset does not declare it.
std::string termLabel(const std::vector<Term>& terms, std::string_view id, Lang lang);

// How an entity is a member of a project, read from the entity, with the project's name:
// "sits on the scientific council of AI for Democracy", "is a partner of Scribe (through ALMAnaCH)".
// Several roles in the project are joined with " and " / " et ". Empty when it is not a member.
// O(d log d) for an entity with d relations.
std::string memberPhrase(const Dataset& dataset, std::size_t entity, std::size_t project, Lang lang);

// "CC-SWH (through Software Heritage)"; the project's name alone when the entity holds the
// relation itself.
std::string connectionPhrase(const Dataset& dataset, std::size_t entity, const Dataset::Connection& connection,
                             Lang lang);

// An entity's place among the projects, in one sentence, from Dataset::memberProjects and
// connectionsOf (whole dataset): "Inria — Public research body — member of 2 projects: sits on the
// scientific council of AI for Democracy, is a partner of Scribe (through ALMAnaCH); connected to
// CC-SWH (through Software Heritage)". For a project: its type, its number of members and its lead.
// At most 10 projects of each kind are named, then "and N more". O(E log E + R).
std::string entitySummary(const Dataset& dataset, std::size_t entity, Lang lang);

// Whether `url` may be a link: an http:// or https:// URL (scheme in any case) with no control
// character or space.
bool isWebUrl(std::string_view url);

} // namespace explorer::semantic
