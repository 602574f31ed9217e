// The view state as a plain JSON object, for the host page: explorer.getState() returns it,
// explorer.setState(partial) and the postMessage API accept any part of it.
//
//   { "view": "network", "selection": "org:inria" | null, "lang": "fr", "theme": "auto",
//     "search": "", "filters": { "axes": [], "sectors": [], "types": [], "roles": [],
//     "multiProject": false }, "camera": { "zoom": 1.6, "x": 120, "y": -40 } | null,
//     "sort": { "column": "name", "descending": false }, "dataset": "" }
//
// camera null means "fit the whole graph". setState validates each setting by the same rules as
// a shared link (view_state_settings.hpp, the ones fromHash applies once it has percent-decoded
// a piece), but straight from the JSON values: no URL fragment is built, nothing is percent-
// encoded or decoded, so a string reaches the state byte for byte and the link's own limits (the
// 12 KiB of kHashMaxBytes, Duplicate, UnknownVersion) do not apply. Each key is checked on its
// own; a bad key or value is skipped with a notice and the rest applies.
#pragma once

#include "view_state.hpp"
#include "view_state_codec.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace explorer {

std::string stateToJson(const ViewState& state);

// Objects and arrays inside one another that applyStateJson reads: a valid state object nests
// three deep ({"filters": {"axes": [...]}}), so anything near this depth is a mistake or an
// attack (a value 15,000 deep used to overflow the wasm's 1 MiB stack).
inline constexpr std::size_t kStateJsonMaxDepth = 16;

// Applies the keys present in `json` (an object) on top of `current`. Keys absent keep their
// value; filters may be given in part ({"filters": {"axes": ["models"]}} leaves the others).
// Text that is not a JSON object changes nothing and gives one BadValue notice.
// A setting whose value nests deeper than kStateJsonMaxDepth (the object itself counts as the
// first level) is not read: it gets one TooDeep notice ({key: "filters.axes", value: ""}) and
// the other keys still apply. Rejected values are shown in notices by their first characters,
// by the rule of view_state_codec.hpp (printable ASCII, at most kNoticeTextMaxChars + "..."):
// a value of the wrong JSON type as compact JSON ({key: "lang", value: "42"}), a string the
// setting refuses as the string itself ({key: "sel", value: "a&b"}), named by its link key.
// Notices come in key order (members are read sorted), those about the object's shape (wrong
// type, unknown key, TooDeep) first, then those of the settings' checks; at most kMaxNotices,
// the last one a MoreNotices counting the entries left off.
//
// Cost: O(n log n) time (members are kept in sorted maps) and O(n) memory for a text of n bytes,
// whatever its nesting: the parser keeps its stack on the heap, and nothing after it recurses
// deeper than kStateJsonMaxDepth. Checking the settings is linear in the bytes of their values
// (a list reads at most kListMaxItems + 1 non-empty items). A notice costs
// O(kNoticeTextMaxChars), however large the value it shows.
HashDecode applyStateJson(std::string_view json, const ViewState& current);

// `text` as a JSON string literal, quotes included (invalid UTF-8 replaced by U+FFFD).
std::string jsonString(std::string_view text);

} // namespace explorer
