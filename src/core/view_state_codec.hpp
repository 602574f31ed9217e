// The URL codec of the view state: a shared link carries the exact view in its fragment,
//   #v=1&view=matrix&sel=org:inria&q=open%20source&lang=fr&cam=1.6,120,-40&ax=models,data
// and opening the link restores it. The fragment is written by people as often as by the
// program (pasted, shortened, edited by hand, crafted by someone hostile), so decoding never
// trusts it: every key is checked and applied on its own, anything wrong is skipped and
// reported as a quiet notice, and the rest of the link still applies.
//
// Grammar (version 1). Keys are literal (never percent-decoded) and case-sensitive.
//
//   hash     = [ "#" ] [ piece *( "&" piece ) ]
//   piece    = "" / key "=" value                 ; split at the first "="; empty pieces
//                                                 ; ("a=1&&b=2", a trailing "&") are skipped
//   key      = *( any byte but "&" and "=" )      ; unknown ones (even "") are reported
//   value    = *( unreserved / ":" / "," / pct / other-byte ) ; other-byte: any byte but "&",
//                                                 ; taken literally (the encoder never
//                                                 ; writes one)
//   pct      = "%" HEXDIG HEXDIG                  ; either case; "%", "%4", "%ZZ" are errors
//   unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"
//
//   key      value after percent-decoding         in ViewState{} (written only when the
//                                                 ; field differs from `base`, see toHash)
//   v        "1"                                  1
//   view     network | matrix | table | projects  network
//   sel      id, or empty for "nothing selected"  empty
//   q        text, at most 200 code points        empty
//   lang     fr | en                              en
//   theme    auto | light | dark                  auto
//   cam      zoom "," x "," y, or "fit"           fit (the view frames the whole graph)
//            (three numbers; zoom in [0.05, 40], x and y in [-100000, 100000])
//   ax       id-list (axes)                       empty
//   sec      id-list (sectors)                    empty
//   type     id-list (organisation types)         empty
//   role     id-list (roles)                      empty
//   multi    "1" | "0"                            0
//   sort     column [ "-asc" / "-desc" ]          name (ascending)
//            column = name | type | projects | roles
//   data     id (short hash of the dataset), or empty for the built-in dataset
//
//   id       = ALNUM *63( ALNUM / ":" / "." / "_" / "-" )
//   id-list  = [ item *( "," item ) ]             ; split on literal commas, then each item
//                                                 ; is percent-decoded; empty items skipped,
//                                                 ; repeated items kept once, at most 32 items
//   number   = [ "-" ] 1*12DIGIT [ "." 1*12DIGIT ] ; no exponent, no "inf", no "nan"
//
// Decoded text must be valid UTF-8 (no overlong forms, no surrogates) without control
// characters (U+0000-U+001F, U+007F-U+009F); "+" is a plain plus sign, never a space.
//
// Encoding (toHash): keys in the order of the table above, "v=1" first; only the fields that
// differ from `base` are written, so the default state gives the empty string (a clean URL, no
// fragment). No "#" is prepended. Values are percent-encoded except unreserved characters,
// ":" and "," (commas inside list items are encoded). Camera values are written with
// 3 decimals for the zoom and 1 for x and y, trailing zeros dropped ("1.6,120,-40").
//
// Decoding rules (fromHash). The rules of each value once decoded live in
// view_state_settings.hpp, shared with setState (view_state_json.hpp):
//   - the first occurrence of a key wins; later ones are ignored (Duplicate), so text appended
//     to a shared link cannot override what the link said;
//   - a missing "v" means version 1; another version is reported (UnknownVersion) and the keys
//     are still read with the version-1 rules, best effort;
//   - a value that fails to decode or validate leaves that field as in `base`; an empty value
//     of sel, q, data or a list clears that field (an empty view, lang… is a BadValue);
//   - a list keeps its valid items and reports each rejected one; a list with items but none
//     valid leaves the field as in `base`;
//   - zoom is clamped to [0.05, 40] and x, y to [-100000, 100000] (OutOfRange, value applied),
//     then rounded like the encoder does (see canonicalCamera);
//   - a search over 200 code points is cut at 200 (TooLong, value applied);
//   - a hash over 12 KiB is read up to its last complete piece within 12 KiB (TooLong). Every
//     state within the per-field limits encodes to less than that;
//   - at most 16 notices are kept; the 16th becomes a MoreNotices notice counting the rest.
//
// Cost, within these limits: fromHash reads at most 12 KiB of the hash, each byte a bounded
// number of times, so it runs in O(min(n, 12 KiB)) time and memory for a hash of n bytes (the
// TooLong cut itself looks back at most 12 KiB); toHash is linear in the size of the state it
// writes; each notice costs O(kNoticeTextMaxChars), and at most kMaxNotices are kept.
// dropUnknownIds costs O(items × vocabulary size), items being at most 4 × kListMaxItems + 1.
//
// Ids are only checked for their shape here. Whether they exist in the dataset shown is the
// caller's business: dropUnknownIds does it once the dataset is loaded.
#pragma once

#include "model.hpp"
#include "view_state.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {

// Inverse of the toString functions of view_state.hpp; nullopt for anything else (exact,
// case-sensitive match).
std::optional<View> viewFromString(std::string_view text);
std::optional<Theme> themeFromString(std::string_view text);
std::optional<Lang> langFromString(std::string_view text);
std::optional<SortColumn> sortColumnFromString(std::string_view text);

inline constexpr int kHashVersion = 1;
inline constexpr std::size_t kHashMaxBytes = 12 * 1024;
inline constexpr std::size_t kSearchMaxCodePoints = 200;
inline constexpr std::size_t kListMaxItems = 32;
inline constexpr std::size_t kIdMaxLength = 64;
inline constexpr double kZoomMin = 0.05;
inline constexpr double kZoomMax = 40.0;
inline constexpr double kCameraCoordinateMax = 100000.0; // |x| and |y|
inline constexpr std::size_t kMaxNotices = 16;
inline constexpr std::size_t kNoticeTextMaxChars = 40;

// Why part of a link was not applied as written.
enum class NoticeReason {
    UnknownKey,     // a key this version does not know
    MissingValue,   // a piece without "="
    BadEncoding,    // bad percent escape, invalid UTF-8, control character
    BadValue,       // decodes fine but is not a valid value for the key
    UnknownVersion, // "v" is not 1
    Duplicate,      // the key was already given; the first one was kept
    TooLong,        // the search text or the whole hash was cut
    TooManyItems,   // a list had more than kListMaxItems items; the first ones were kept
    OutOfRange,     // a camera value was brought back within its range
    UnknownId,      // a well-formed id that the dataset does not have (dropUnknownIds)
    MoreNotices,    // stands for further notices not kept; `value` holds their count
    OtherDataset,   // the link was made on another dataset (`data`, its content hash, in `value`;
                    // empty for the built-in one); the platform adds it, the codec never does
    TooDeep,        // a value of the state object nested deeper than kStateJsonMaxDepth
                    // (view_state_json.hpp); a link never gives it
};

std::string_view toString(NoticeReason reason); // "unknown_key", "bad_value"… for logs

struct HashNotice {
    std::string key;   // the key concerned (empty for the hash as a whole)
    std::string value; // the raw text at fault, as found in the hash
    NoticeReason reason = NoticeReason::BadValue;
    bool operator==(const HashNotice&) const = default;
};
// `key` and `value` are safe to show as they are: printable ASCII only (other bytes and the
// space appear as %XX), at most kNoticeTextMaxChars characters, then "..." when cut (so at most
// kNoticeTextMaxChars + 3 in all). A cut never falls inside a character: the bytes of one
// UTF-8 character, a "%XX" escape of the hash, and the escapes that together spell one character
// ("%C3%A9") are kept together or dropped together.

struct HashDecode {
    ViewState state;                 // base with the valid parts of the hash applied
    std::vector<HashNotice> notices; // in the order of the hash; empty for a clean link
};

// `raw` (any bytes) as a notice's key or value shows it, by the rule above. Reads at most the
// bytes it keeps: O(kNoticeTextMaxChars) whatever the length of `raw`.
std::string noticeText(std::string_view raw);

// Pure functions. fromHash(toHash(s, base), base).state == s, without notices, for every state
// s within the limits above whose camera is canonical (canonicalCamera(c) == c) and is the
// default Camera when cameraSet is false. Pass the same base to both: the defaults of the page
// (e.g. the language of the article hosting the widget), not a reader's preferences.
std::string toHash(const ViewState& state, const ViewState& base = ViewState{});
HashDecode fromHash(std::string_view hash, const ViewState& base = ViewState{});

// The camera as it comes out of a link: non-finite values replaced by the defaults, clamped
// to the ranges above, zoom rounded to 3 decimals and x, y to 1 decimal.
Camera canonicalCamera(const Camera& camera);

// ^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$, the id shape of the dataset format.
bool isValidId(std::string_view text);

// Clears a selection the dataset does not have and drops filter values that are not in its
// vocabularies (axes, sectors, types, roles), adding an UnknownId notice for each (same cap
// as fromHash). Expects dataset.buildIndex() to have run. The dataset id (`data`) is left
// alone: choosing the dataset is the loader's business.
void dropUnknownIds(ViewState& state, const Dataset& dataset, std::vector<HashNotice>& notices);

// One short sentence for the reader, in the language asked, naming the setting concerned.
std::string describe(const HashNotice& notice, Lang lang);

} // namespace explorer
