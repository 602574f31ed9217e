// The rules of each setting of the view state, shared by the two ways a state comes in:
//   - a shared link (fromHash, view_state_codec.hpp) splits the fragment into pieces,
//     percent-decodes each value (each list item) and hands the decoded text here;
//   - the host's state object (applyStateJson, view_state_json.hpp) hands its JSON strings,
//     numbers and booleans here as they are: nothing is percent-encoded or decoded on that path.
// So a setting is accepted, clamped, cut or refused with the same notice whichever way it came.
//
// Internal to the core (the UI and the web bridge use fromHash / applyStateJson). Implemented in
// view_state_codec.cpp, next to the text and number rules of the link grammar it shares.
//
// Every function takes the decoded value and `shown`, the text a notice quotes when the value is
// refused or adjusted: the raw piece of the link for fromHash (so a notice shows what the link
// said, escapes included), the value as the host gave it for applyStateJson. Notices name the
// setting by its link key (keyOf: "sel", "ax", "cam"…), on both paths.
//
// Rules (the value columns of the grammar table in view_state_codec.hpp):
//   - text must be valid UTF-8 without control characters, else BadEncoding (for "multi" it is
//     a BadValue, for "v" an UnknownVersion, as for any other wrong text there);
//   - view, lang, theme: one of their names, else BadValue;
//   - sel, data: an id (isValidId) or empty (clears the field), else BadValue;
//   - q: cut at kSearchMaxCodePoints code points (TooLong, value applied);
//   - lists: empty items skipped, repeated items kept once, each bad item reported and dropped,
//     at most kListMaxItems items offered (TooManyItems, quoting the whole list, the rest not
//     read); a list with items but none valid leaves the field alone, an empty one clears it;
//   - cam: "fit", or zoom, x, y, each non-finite value replaced by its default and each one
//     brought within its range (OutOfRange, value applied), then rounded (canonicalCamera);
//   - sort: a column name, then "-asc" or "-desc" in a link (ascending when absent);
//   - multi: "1" or "0".
// A field is written only when its value is accepted (in whole, or clamped / cut as above);
// a refused value leaves it as it was.
//
// Cost: each function is linear in the bytes of the value it reads (a list stops reading at its
// (kListMaxItems + 1)-th non-empty item), plus O(kNoticeTextMaxChars) per notice.
#pragma once

#include "view_state.hpp"
#include "view_state_codec.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace explorer::settings {

// In the order of the grammar table (and of the keys toHash writes).
enum class Setting { Version, View, Selection, Search, Lang, Theme, Camera, Axes, Sectors, Types,
                     Roles, Multi, Sort, Dataset };
inline constexpr std::size_t kSettingCount = static_cast<std::size_t>(Setting::Dataset) + 1;

std::string_view keyOf(Setting setting);                      // "v", "view", "sel", "q"…
std::optional<Setting> settingFromKey(std::string_view key);  // exact, case-sensitive
bool isList(Setting setting);                                 // ax, sec, type, role

// Keeps a notice list short for the UI: at most kMaxNotices, the last of which becomes a
// MoreNotices notice counting the rest. Key and value are stored as noticeText shows them.
class NoticeSink {
public:
    explicit NoticeSink(std::vector<HashNotice>& notices) : notices_(notices) {}
    void add(std::string_view key, std::string_view shownValue, NoticeReason reason);

private:
    std::vector<HashNotice>& notices_;
};

// A value that could not even be decoded (a bad "%" escape in a link): the notice the setting
// gives for text it cannot read. The field is left alone.
void reportUndecodable(Setting setting, std::string_view shown, NoticeSink& sink);

// A decoded text value. For a list setting, `value` is split on its commas, each item quoting
// itself in notices (fromHash splits before decoding and calls applyList instead).
void applySetting(Setting setting, std::string_view value, std::string_view shown, ViewState& state,
                  NoticeSink& sink);

// One item of a list: its decoded text (nullopt when it could not be decoded) and what a notice
// about it quotes.
struct ListItem {
    std::optional<std::string_view> value;
    std::string_view shown;
};

// `setting` must be a list; `shownList` is what a TooManyItems notice quotes.
void applyList(Setting setting, std::span<const ListItem> items, std::string_view shownList,
               ViewState& state, NoticeSink& sink);

// nullopt: "fit" (the view frames the whole graph). Otherwise zoom, x, y.
void applyCamera(const std::optional<std::array<double, 3>>& zoomXY, std::string_view shown,
                 ViewState& state, NoticeSink& sink);

void applySort(std::string_view column, bool descending, std::string_view shown, ViewState& state,
               NoticeSink& sink);

} // namespace explorer::settings
