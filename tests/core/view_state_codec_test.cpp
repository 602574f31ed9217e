// The shared-link codec: what a reader sends is what the next reader sees, and no link, however
// broken or hostile, crashes the widget or sneaks in anything but plain text and known ids.
#include "core/view_state_codec.hpp"
#include "core/view_state_settings.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <iomanip>
#include <limits>
#include <ostream>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace explorer {

// Readable failures: a state prints as its own link plus the exact camera. Static: found by
// argument-dependent lookup, yet private to this file in the shared test executable.
static void PrintTo(const ViewState& state, std::ostream* out) {
    *out << '"' << toHash(state) << "\" camera(" << std::setprecision(9) << state.camera.zoom << ','
         << state.camera.x << ',' << state.camera.y << (state.cameraSet ? ", set)" : ", unset)");
}

namespace {

using NoticeKeys = std::vector<std::pair<std::string, NoticeReason>>;

NoticeKeys keysOf(const std::vector<HashNotice>& notices) {
    NoticeKeys keys;
    for (const HashNotice& notice : notices) keys.emplace_back(notice.key, notice.reason);
    return keys;
}

ViewState stateWith(const std::function<void(ViewState&)>& change) {
    ViewState state;
    change(state);
    return state;
}

std::size_t codePointCount(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

bool isPrintableAscii(std::string_view text) {
    for (const char c : text) {
        if (c <= 0x20 || c >= 0x7F) return false;
    }
    return true;
}

// Text a reader could type or paste, heavy on what a link must escape (joiners, flags, a
// right-to-left override and a byte-order mark included).
constexpr std::array<std::string_view, 39> kSearchPieces{
    "a", "Z", "7", " ", "é", "à", "ç", "Œ", "ß", "€", "漢字", "🙂", "👩‍💻", "🇫🇷", "&", "=", "#", "%",
    "%20", "+", ",", ":", ";", "?", "/", "~", "'", "\"", "<script>", "javascript:", "\\", "{", "}",
    "données", "Mistral 7B", "OpenLLM-France", "\u00A0", "\u202E", "\uFEFF",
};

// -------------------------------------------------------------------------------------------
// Seeded generator of valid states. mt19937 is specified bit for bit, and only `%` is used on
// its output, so the same seed gives the same states with every standard library.

class StateGenerator {
public:
    explicit StateGenerator(std::uint32_t seed) : random_(seed) {}

    ViewState next() {
        ViewState state;
        state.view = static_cast<View>(below(4));
        if (chance(60)) state.selection = id();
        if (chance(50)) state.search = searchText();
        state.lang = chance(50) ? Lang::Fr : Lang::En;
        state.theme = static_cast<Theme>(below(3));
        if (chance(50)) {
            state.cameraSet = true;
            state.camera = canonicalCamera(camera());
        }
        state.filters.axes = idList();
        state.filters.sectors = idList();
        state.filters.types = idList();
        state.filters.roles = idList();
        state.filters.multiProjectOnly = chance(30);
        state.sort = TableSort{static_cast<SortColumn>(below(4)), chance(50)};
        if (chance(30)) state.dataset = id();
        return state;
    }

    std::uint32_t below(std::uint32_t bound) { return static_cast<std::uint32_t>(random_() % bound); }
    bool chance(std::uint32_t percent) { return below(100) < percent; }

private:
    std::string id() {
        constexpr std::string_view kFirst = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        constexpr std::string_view kRest = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:._-";
        const std::size_t length = chance(5) ? kIdMaxLength : 1 + below(24);
        std::string text(1, kFirst[below(static_cast<std::uint32_t>(kFirst.size()))]);
        while (text.size() < length) text += kRest[below(static_cast<std::uint32_t>(kRest.size()))];
        return text;
    }

    std::vector<std::string> idList() {
        std::vector<std::string> items;
        if (chance(40)) return items;
        const std::uint32_t wanted = chance(3) ? static_cast<std::uint32_t>(kListMaxItems) : 1 + below(6);
        while (items.size() < wanted) {
            std::string item = id();
            if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(std::move(item));
        }
        return items;
    }

    std::string searchText() {
        const std::size_t wanted = chance(5) ? kSearchMaxCodePoints : below(40);
        std::string text;
        while (true) {
            const std::string_view piece = kSearchPieces[below(static_cast<std::uint32_t>(kSearchPieces.size()))];
            if (codePointCount(text) + codePointCount(piece) > wanted) break;
            text += piece;
        }
        return text;
    }

    float uniform(float low, float high) {
        const float unit = static_cast<float>(below(1'000'001)) / 1'000'000.0f;
        return low + (high - low) * unit;
    }

    Camera camera() {
        switch (below(4)) {
        case 0: return Camera{static_cast<float>(kZoomMin), static_cast<float>(-kCameraCoordinateMax),
                              static_cast<float>(kCameraCoordinateMax)};
        case 1: return Camera{static_cast<float>(kZoomMax), -0.0f, 0.04f};
        case 2: return Camera{uniform(0.05f, 3.0f), uniform(-2000.0f, 2000.0f), uniform(-2000.0f, 2000.0f)};
        default:
            return Camera{uniform(0.05f, 40.0f), uniform(-100000.0f, 100000.0f), uniform(-100000.0f, 100000.0f)};
        }
    }

    std::mt19937 random_;
};

// ------------------------------------------------------------------------------------------- enums

TEST(ViewStateNames, EveryValueReadsBackAndOthersAreRejected) {
    for (const View view : {View::Network, View::Matrix, View::Table, View::Projects}) {
        EXPECT_EQ(viewFromString(toString(view)), view);
    }
    for (const Theme theme : {Theme::Auto, Theme::Light, Theme::Dark}) {
        EXPECT_EQ(themeFromString(toString(theme)), theme);
    }
    for (const Lang lang : {Lang::Fr, Lang::En}) EXPECT_EQ(langFromString(toString(lang)), lang);
    for (const SortColumn column : {SortColumn::Name, SortColumn::Type, SortColumn::Projects, SortColumn::Roles}) {
        EXPECT_EQ(sortColumnFromString(toString(column)), column);
    }
    EXPECT_EQ(toString(View::Projects), "projects");
    EXPECT_EQ(toString(Theme::Dark), "dark");
    EXPECT_EQ(toString(Lang::Fr), "fr");
    EXPECT_EQ(toString(SortColumn::Roles), "roles");
    EXPECT_FALSE(viewFromString("Network"));
    EXPECT_FALSE(viewFromString(""));
    EXPECT_FALSE(themeFromString("night"));
    EXPECT_FALSE(langFromString("de"));
    EXPECT_FALSE(sortColumnFromString("name "));
}

TEST(ViewStateIds, ShapeOfTheDatasetFormat) {
    EXPECT_TRUE(isValidId("org:inria"));
    EXPECT_TRUE(isValidId("model:mistral-7b"));
    EXPECT_TRUE(isValidId("a"));
    EXPECT_TRUE(isValidId(std::string(64, 'x')));
    EXPECT_FALSE(isValidId(std::string(65, 'x')));
    EXPECT_FALSE(isValidId(""));
    EXPECT_FALSE(isValidId(":org"));
    EXPECT_FALSE(isValidId("-org"));
    EXPECT_FALSE(isValidId("org inria"));
    EXPECT_FALSE(isValidId("org/inria"));
    EXPECT_FALSE(isValidId("inría"));
}

// ------------------------------------------------------------------------------------------- encoding

TEST(ToHash, DefaultStateGivesACleanUrl) {
    EXPECT_EQ(toHash(ViewState{}), "");
    const ViewState french = stateWith([](ViewState& s) { s.lang = Lang::Fr; });
    EXPECT_EQ(toHash(french, french), "");
}

TEST(ToHash, WritesKeysInTheDocumentedOrder) {
    const ViewState state = stateWith([](ViewState& s) {
        s.view = View::Matrix;
        s.selection = "org:inria";
        s.search = "IA & communs, 100% libre #1";
        s.lang = Lang::Fr;
        s.theme = Theme::Dark;
        s.cameraSet = true;
        s.camera = Camera{1.6f, 120.0f, -40.0f};
        s.filters.axes = {"models", "data"};
        s.filters.sectors = {"law"};
        s.filters.types = {"startup", "public_research"};
        s.filters.roles = {"lead"};
        s.filters.multiProjectOnly = true;
        s.sort = TableSort{SortColumn::Projects, true};
        s.dataset = "3f2a9c1b";
    });
    EXPECT_EQ(toHash(state),
              "v=1&view=matrix&sel=org:inria&q=IA%20%26%20communs,%20100%25%20libre%20%231&lang=fr"
              "&theme=dark&cam=1.6,120,-40&ax=models,data&sec=law&type=startup,public_research"
              "&role=lead&multi=1&sort=projects-desc&data=3f2a9c1b");
}

TEST(ToHash, EscapesEverythingButUnreservedColonAndComma) {
    const ViewState state = stateWith([](ViewState& s) { s.search = "é+<a href='x'>~_.-:,\"/?"; });
    EXPECT_EQ(toHash(state), "v=1&q=%C3%A9%2B%3Ca%20href%3D%27x%27%3E~_.-:,%22%2F%3F");
}

TEST(ToHash, AListItemNeverSplitsIntoTwo) {
    // Not a valid id, so the link cannot carry it; it must not come back as filters "a" and "b".
    const ViewState state = stateWith([](ViewState& s) { s.filters.axes = {"a,b", "models"}; });
    const std::string hash = toHash(state);
    EXPECT_EQ(hash, "v=1&ax=a%2Cb,models");
    const HashDecode decoded = fromHash(hash);
    EXPECT_EQ(decoded.state.filters.axes, (std::vector<std::string>{"models"}));
    EXPECT_EQ(keysOf(decoded.notices), (NoticeKeys{{"ax", NoticeReason::BadValue}}));
}

TEST(ToHash, CameraIsRoundedAndWrittenWithoutNoise) {
    const ViewState state = stateWith([](ViewState& s) {
        s.cameraSet = true;
        s.camera = Camera{1.23456f, 10.04f, -0.04f};
    });
    EXPECT_EQ(toHash(state), "v=1&cam=1.235,10,0");
    const ViewState huge = stateWith([](ViewState& s) {
        s.cameraSet = true;
        s.camera = Camera{1000.0f, 1e9f, std::numeric_limits<float>::quiet_NaN()};
    });
    EXPECT_EQ(toHash(huge), "v=1&cam=40,100000,0");
}

TEST(ToHash, OnlyWhatDiffersFromTheBaseIsWritten) {
    // The widget sits in a French article: French is the page's default, English must be said.
    const ViewState base = stateWith([](ViewState& s) { s.lang = Lang::Fr; });
    const ViewState english = stateWith([](ViewState& s) { s.lang = Lang::En; });
    EXPECT_EQ(toHash(english, base), "v=1&lang=en");
    EXPECT_EQ(fromHash("v=1&lang=en", base).state.lang, Lang::En);

    const ViewState framedBase = stateWith([](ViewState& s) {
        s.cameraSet = true;
        s.camera = Camera{2.0f, 10.0f, 10.0f};
        s.filters.axes = {"models"};
    });
    const ViewState fitted;
    EXPECT_EQ(toHash(fitted, framedBase), "v=1&cam=fit&ax=");
    EXPECT_EQ(fromHash(toHash(fitted, framedBase), framedBase).state, fitted);
}

// ------------------------------------------------------------------------------------------- decoding

TEST(FromHash, ReadsTheExampleLink) {
    const HashDecode decoded = fromHash("#v=1&view=network&sel=org:inria&lang=en&cam=1.6,120,-40");
    EXPECT_TRUE(decoded.notices.empty());
    EXPECT_EQ(decoded.state.view, View::Network);
    EXPECT_EQ(decoded.state.selection, "org:inria");
    EXPECT_EQ(decoded.state.lang, Lang::En);
    EXPECT_TRUE(decoded.state.cameraSet);
    EXPECT_EQ(decoded.state.camera, (Camera{1.6f, 120.0f, -40.0f}));
}

TEST(FromHash, KeepsTheBaseForWhatTheLinkDoesNotSay) {
    const ViewState base = stateWith([](ViewState& s) {
        s.lang = Lang::Fr;
        s.theme = Theme::Dark;
        s.selection = "org:cnrs";
    });
    const HashDecode decoded = fromHash("v=1&view=table&sel=org:inria", base);
    EXPECT_EQ(decoded.state.view, View::Table);
    EXPECT_EQ(decoded.state.selection, "org:inria");
    EXPECT_EQ(decoded.state.lang, Lang::Fr);
    EXPECT_EQ(decoded.state.theme, Theme::Dark);
    EXPECT_EQ(fromHash("v=1&sel=", base).state.selection, "");
}

TEST(RoundTrip, GeneratedStatesComeBackExactlyWithoutNotices) {
    StateGenerator generator(20240521);
    for (int i = 0; i < 2500; ++i) {
        const ViewState state = generator.next();
        const std::string hash = toHash(state);
        const HashDecode decoded = fromHash(hash);
        ASSERT_EQ(decoded.state, state) << hash;
        ASSERT_TRUE(decoded.notices.empty()) << hash << " first notice: " << toString(decoded.notices[0].reason);
        ASSERT_EQ(toHash(decoded.state), hash);
        ASSERT_EQ(fromHash("#" + hash).state, state);
        ASSERT_LE(hash.size(), kHashMaxBytes);
    }
}

TEST(RoundTrip, TheLargestStateFitsTheHashCap) {
    // Every field at its limit, with the characters that cost the most once escaped.
    std::string fourByteText;
    for (std::size_t i = 0; i < kSearchMaxCodePoints; ++i) fourByteText += "🙂";
    std::vector<std::string> longIds;
    for (std::size_t i = 0; i < kListMaxItems; ++i) {
        longIds.push_back(std::to_string(i) + std::string(kIdMaxLength - std::to_string(i).size(), '-'));
    }
    const ViewState state = stateWith([&](ViewState& s) {
        s.view = View::Projects;
        s.selection = std::string(kIdMaxLength, 's');
        s.search = fourByteText;
        s.lang = Lang::Fr;
        s.theme = Theme::Light;
        s.cameraSet = true;
        s.camera = Camera{0.123f, -99999.9f, -99999.9f};
        s.filters = Filters{longIds, longIds, longIds, longIds, true};
        s.sort = TableSort{SortColumn::Projects, true};
        s.dataset = std::string(kIdMaxLength, 'd');
    });
    const std::string hash = toHash(state);
    EXPECT_LE(hash.size(), kHashMaxBytes);
    const HashDecode decoded = fromHash(hash);
    EXPECT_EQ(decoded.state, state);
    EXPECT_TRUE(decoded.notices.empty());
}

TEST(RoundTrip, GeneratedStatesAgainstAGeneratedBase) {
    StateGenerator generator(7);
    for (int i = 0; i < 600; ++i) {
        const ViewState base = generator.next();
        ViewState state = generator.chance(20) ? base : generator.next();
        if (generator.chance(30)) state.lang = base.lang;
        const std::string hash = toHash(state, base);
        const HashDecode decoded = fromHash(hash, base);
        ASSERT_EQ(decoded.state, state) << hash;
        ASSERT_TRUE(decoded.notices.empty()) << hash;
        ASSERT_EQ(hash.empty(), state == base);
    }
}

TEST(RoundTrip, CameraEncodingIsStableAfterOneDecode) {
    StateGenerator generator(99);
    for (int i = 0; i < 5000; ++i) {
        ViewState state;
        state.cameraSet = true;
        // Raw floats, not canonical: one decode makes them canonical, then nothing moves.
        state.camera = Camera{static_cast<float>(generator.below(4'000'000)) / 99'991.0f + 0.05f,
                              static_cast<float>(generator.below(2'000'000)) / 9.7f - 100'000.0f,
                              static_cast<float>(generator.below(200'000)) / 977.0f - 100.0f};
        const std::string once = toHash(state);
        const HashDecode decoded = fromHash(once);
        ASSERT_TRUE(decoded.notices.empty()) << once;
        ASSERT_EQ(decoded.state.camera, canonicalCamera(state.camera)) << once;
        ASSERT_EQ(toHash(decoded.state), once);
        ASSERT_EQ(canonicalCamera(decoded.state.camera), decoded.state.camera);
    }
}

// ------------------------------------------------------------------------------------------- hostile

struct HostileCase {
    std::string hash;
    ViewState expected;
    NoticeKeys notices;
};

std::vector<HostileCase> hostileCorpus() {
    using R = NoticeReason;
    const std::string emoji = "%F0%9F%99%82";
    std::string fortyItems;
    std::vector<std::string> firstThirtyTwo;
    for (int i = 0; i < 40; ++i) {
        const std::string item = "axis" + std::to_string(i);
        fortyItems += (i ? "," : "") + item;
        if (i < 32) firstThirtyTwo.push_back(item);
    }
    return {
        {"", ViewState{}, {}},
        {"#", ViewState{}, {}},
        {"&&&", ViewState{}, {}},
        {"#v=1&view=matrix&&sel=org:inria&", stateWith([](ViewState& s) {
             s.view = View::Matrix;
             s.selection = "org:inria";
         }), {}},
        {"view", ViewState{}, {{"view", R::MissingValue}}},
        {"sel=org:inria&bogus&lang=fr", stateWith([](ViewState& s) {
             s.selection = "org:inria";
             s.lang = Lang::Fr;
         }), {{"bogus", R::MissingValue}}},
        {"v=1&view=matrix&zoom=3", stateWith([](ViewState& s) { s.view = View::Matrix; }),
         {{"zoom", R::UnknownKey}}},
        {"v=2&view=table", stateWith([](ViewState& s) { s.view = View::Table; }), {{"v", R::UnknownVersion}}},
        {"v=one&v=1", ViewState{}, {{"v", R::UnknownVersion}, {"v", R::Duplicate}}},
        {"v=1&view=Matrix", ViewState{}, {{"view", R::BadValue}}},
        {"view=&lang=fr", stateWith([](ViewState& s) { s.lang = Lang::Fr; }), {{"view", R::BadValue}}},
        {"view=matrix&view=table", stateWith([](ViewState& s) { s.view = View::Matrix; }),
         {{"view", R::Duplicate}}},
        {"view=graph&view=table", ViewState{}, {{"view", R::BadValue}, {"view", R::Duplicate}}},
        {"sel=org:inria&sel=org:cnrs", stateWith([](ViewState& s) { s.selection = "org:inria"; }),
         {{"sel", R::Duplicate}}},
        {"lang=fr&lang=en", stateWith([](ViewState& s) { s.lang = Lang::Fr; }), {{"lang", R::Duplicate}}},
        {"sel=%&view=table", stateWith([](ViewState& s) { s.view = View::Table; }), {{"sel", R::BadEncoding}}},
        {"q=%4", ViewState{}, {{"q", R::BadEncoding}}},
        {"q=%ZZ&view=table", stateWith([](ViewState& s) { s.view = View::Table; }), {{"q", R::BadEncoding}}},
        {"q=%C3%28&lang=fr", stateWith([](ViewState& s) { s.lang = Lang::Fr; }), {{"q", R::BadEncoding}}},
        {"q=caf%C3%A9", stateWith([](ViewState& s) { s.search = "café"; }), {}},
        {"q=caf\xC3\xA9", stateWith([](ViewState& s) { s.search = "café"; }), {}},
        {"q=caf\xE9", ViewState{}, {{"q", R::BadEncoding}}},
        {"q=%00abc", ViewState{}, {{"q", R::BadEncoding}}},
        {std::string("q=a\0b&view=table", 16), stateWith([](ViewState& s) { s.view = View::Table; }),
         {{"q", R::BadEncoding}}},
        {std::string("vi\0ew=table&theme=dark", 22), stateWith([](ViewState& s) { s.theme = Theme::Dark; }),
         {{std::string("vi\0ew", 5), R::UnknownKey}}},
        {"q=%E0%80%80", ViewState{}, {{"q", R::BadEncoding}}},       // overlong NUL
        {"q=%ED%A0%80", ViewState{}, {{"q", R::BadEncoding}}},       // lone surrogate
        {"q=%F4%90%80%80", ViewState{}, {{"q", R::BadEncoding}}},    // past U+10FFFF
        {"q=%F0%9F%99", ViewState{}, {{"q", R::BadEncoding}}},       // cut emoji
        {"q=line%0Abreak", ViewState{}, {{"q", R::BadEncoding}}},
        {"q=%C2%85", ViewState{}, {{"q", R::BadEncoding}}},          // C1 control
        {"q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
         stateWith([](ViewState& s) { s.search = "<script>alert(1)</script>"; }), {}},
        {"q=<img src=x onerror=alert(1)>",
         stateWith([](ViewState& s) { s.search = "<img src=x onerror=alert(1)>"; }), {}},
        {"q=javascript:alert(document.cookie)",
         stateWith([](ViewState& s) { s.search = "javascript:alert(document.cookie)"; }), {}},
        {"q='%22;DROP%20TABLE%20x;--", stateWith([](ViewState& s) { s.search = "'\";DROP TABLE x;--"; }), {}},
        {"q=a+b", stateWith([](ViewState& s) { s.search = "a+b"; }), {}},
        {"q=a=b=c", stateWith([](ViewState& s) { s.search = "a=b=c"; }), {}},
        {"q=" + std::string(250, 'x'), stateWith([](ViewState& s) { s.search = std::string(200, 'x'); }),
         {{"q", R::TooLong}}},
        {"q=" + std::string(199, 'a') + emoji + emoji + emoji,
         stateWith([](ViewState& s) { s.search = std::string(199, 'a') + "🙂"; }), {{"q", R::TooLong}}},
        {"sel=javascript:alert(1)", ViewState{}, {{"sel", R::BadValue}}},
        {"sel=%3Cscript%3E&view=matrix", stateWith([](ViewState& s) { s.view = View::Matrix; }),
         {{"sel", R::BadValue}}},
        {"sel=%22%20onmouseover%3D%22x", ViewState{}, {{"sel", R::BadValue}}},
        {"sel=org%3Ainria", stateWith([](ViewState& s) { s.selection = "org:inria"; }), {}},
        {"sel=" + std::string(65, 'o'), ViewState{}, {{"sel", R::BadValue}}},
        {"sel=" + std::string(64, 'o'), stateWith([](ViewState& s) { s.selection = std::string(64, 'o'); }), {}},
        {"sel=-org", ViewState{}, {{"sel", R::BadValue}}},
        {"sel=org:inria,org:cnrs", ViewState{}, {{"sel", R::BadValue}}},
        {"cam=abc", ViewState{}, {{"cam", R::BadValue}}},
        {"cam=1e999,NaN,inf", ViewState{}, {{"cam", R::BadValue}}},
        {"cam=1.5,2", ViewState{}, {{"cam", R::BadValue}}},
        {"cam=1,2,3,4", ViewState{}, {{"cam", R::BadValue}}},
        {"cam=1,,3", ViewState{}, {{"cam", R::BadValue}}},
        {"cam=+1,2,3", ViewState{}, {{"cam", R::BadValue}}},
        {"cam=.5,1,1", ViewState{}, {{"cam", R::BadValue}}},
        {"cam=1.,1,1", ViewState{}, {{"cam", R::BadValue}}},
        {"cam=0x10,1,1", ViewState{}, {{"cam", R::BadValue}}},
        {"cam=1234567890123,1,1", ViewState{}, {{"cam", R::BadValue}}},
        {"cam=100,0,0", stateWith([](ViewState& s) {
             s.cameraSet = true;
             s.camera = Camera{40.0f, 0.0f, 0.0f};
         }), {{"cam", R::OutOfRange}}},
        {"cam=0,-200000,5", stateWith([](ViewState& s) {
             s.cameraSet = true;
             s.camera = Camera{0.05f, -100000.0f, 5.0f};
         }), {{"cam", R::OutOfRange}}},
        {"cam=-3,1,1", stateWith([](ViewState& s) {
             s.cameraSet = true;
             s.camera = Camera{0.05f, 1.0f, 1.0f};
         }), {{"cam", R::OutOfRange}}},
        {"cam=1.23456,10.04,-0.04", stateWith([](ViewState& s) {
             s.cameraSet = true;
             s.camera = Camera{1.235f, 10.0f, 0.0f};
         }), {}},
        {"cam=1,2,3&cam=4,5,6", stateWith([](ViewState& s) {
             s.cameraSet = true;
             s.camera = Camera{1.0f, 2.0f, 3.0f};
         }), {{"cam", R::Duplicate}}},
        {"cam=fit", ViewState{}, {}},
        {"ax=models,%ZZ,law", stateWith([](ViewState& s) { s.filters.axes = {"models", "law"}; }),
         {{"ax", R::BadEncoding}}},
        {"ax=models,,models,law,", stateWith([](ViewState& s) { s.filters.axes = {"models", "law"}; }), {}},
        {"ax=a%2Cb", ViewState{}, {{"ax", R::BadValue}}},
        {"ax=" + fortyItems, stateWith([&](ViewState& s) { s.filters.axes = firstThirtyTwo; }),
         {{"ax", R::TooManyItems}}},
        {"sec=<b>,law", stateWith([](ViewState& s) { s.filters.sectors = {"law"}; }), {{"sec", R::BadValue}}},
        {"type=startup&role=lead,partner&multi=1", stateWith([](ViewState& s) {
             s.filters.types = {"startup"};
             s.filters.roles = {"lead", "partner"};
             s.filters.multiProjectOnly = true;
         }), {}},
        {"multi=yes", ViewState{}, {{"multi", R::BadValue}}},
        {"sort=projects-desc", stateWith([](ViewState& s) { s.sort = TableSort{SortColumn::Projects, true}; }), {}},
        {"sort=roles", stateWith([](ViewState& s) { s.sort = TableSort{SortColumn::Roles, false}; }), {}},
        {"sort=name-up&sort=type-desc", ViewState{}, {{"sort", R::BadValue}, {"sort", R::Duplicate}}},
        {"sort=-desc", ViewState{}, {{"sort", R::BadValue}}},
        {"lang=de&theme=dark", stateWith([](ViewState& s) { s.theme = Theme::Dark; }), {{"lang", R::BadValue}}},
        {"data=3f2a9c", stateWith([](ViewState& s) { s.dataset = "3f2a9c"; }), {}},
        {"data=..%2F..%2Fetc%2Fpasswd", ViewState{}, {{"data", R::BadValue}}},
        {"data=https://evil.example/x.json", ViewState{}, {{"data", R::BadValue}}},
        {"%76=1&view=table", stateWith([](ViewState& s) { s.view = View::Table; }), {{"%76", R::UnknownKey}}},
        {"=abc", ViewState{}, {{"", R::UnknownKey}}},
        {"VIEW=matrix", ViewState{}, {{"VIEW", R::UnknownKey}}},
        {"##view=matrix", ViewState{}, {{"#view", R::UnknownKey}}},
        {"?view=matrix", ViewState{}, {{"?view", R::UnknownKey}}},
    };
}

TEST(FromHash, HostileLinksApplyTheirValidPartsAndSayWhatWasDropped) {
    const std::vector<HostileCase> corpus = hostileCorpus();
    ASSERT_GE(corpus.size(), 40u);
    for (const HostileCase& hostile : corpus) {
        SCOPED_TRACE(testing::Message() << "hash: " << hostile.hash);
        const HashDecode decoded = fromHash(hostile.hash);
        EXPECT_EQ(decoded.state, hostile.expected);
        NoticeKeys expectedKeys = hostile.notices;
        for (auto& [key, reason] : expectedKeys) {
            std::string shown;
            for (const char c : key) {
                if (c == '\0') {
                    shown += "%00";
                } else {
                    shown += c;
                }
            }
            key = shown;
        }
        EXPECT_EQ(keysOf(decoded.notices), expectedKeys);
        for (const HashNotice& notice : decoded.notices) {
            EXPECT_TRUE(isPrintableAscii(notice.key) || notice.key.empty());
            EXPECT_TRUE(isPrintableAscii(notice.value) || notice.value.empty());
        }
        EXPECT_EQ(fromHash(toHash(decoded.state)).state, decoded.state);
    }
}

TEST(FromHash, NoticeShowsTheRawTextSafelyAndShortened) {
    const HashDecode decoded = fromHash("q=%C3%28&sel=%3Cscript%3E" + std::string(100, 'x'));
    ASSERT_EQ(decoded.notices.size(), 2u);
    EXPECT_EQ(decoded.notices[0].value, "%C3%28");
    EXPECT_EQ(decoded.notices[1].value.substr(0, 14), "%3Cscript%3Exx");
    EXPECT_EQ(decoded.notices[1].value.size(), kNoticeTextMaxChars + 3);
    EXPECT_TRUE(decoded.notices[1].value.ends_with("..."));

    const HashDecode rawBytes = fromHash("zz=\x01\xFF<b>&q=ok");
    ASSERT_EQ(rawBytes.notices.size(), 1u);
    EXPECT_EQ(rawBytes.notices[0].value, "%01%FF<b>");
    EXPECT_EQ(rawBytes.state.search, "ok");
}

TEST(FromHash, ListItemNoticesNameTheItemAtFault) {
    const HashDecode decoded = fromHash("ax=models,bad%20id,law");
    EXPECT_EQ(decoded.state.filters.axes, (std::vector<std::string>{"models", "law"}));
    ASSERT_EQ(decoded.notices.size(), 1u);
    EXPECT_EQ(decoded.notices[0].value, "bad%20id");
}

TEST(FromHash, AListWithNothingUsableLeavesTheBaseFilter) {
    const ViewState base = stateWith([](ViewState& s) { s.filters.sectors = {"law"}; });
    EXPECT_EQ(fromHash("sec=%3C%3E,%ZZ", base).state.filters.sectors, base.filters.sectors);
    EXPECT_TRUE(fromHash("sec=", base).state.filters.sectors.empty());
}

TEST(FromHash, OverlongHashKeepsOnlyWholePiecesWithinTheCap) {
    // "theme=dark" straddles the cap: cutting it could leave "theme=da", so it is dropped whole.
    std::string hash = "view=matrix";
    hash.append(kHashMaxBytes - hash.size() - 4, '&');
    hash += "theme=dark&lang=fr";
    const HashDecode decoded = fromHash("#" + hash);
    EXPECT_EQ(decoded.state.view, View::Matrix);
    EXPECT_EQ(decoded.state.theme, Theme::Auto);
    EXPECT_EQ(decoded.state.lang, Lang::En);
    EXPECT_EQ(keysOf(decoded.notices), (NoticeKeys{{"", NoticeReason::TooLong}}));

    const HashDecode megabyte = fromHash("q=" + std::string(1'000'000, 'a'));
    EXPECT_EQ(megabyte.state.search, "");
    EXPECT_EQ(keysOf(megabyte.notices), (NoticeKeys{{"", NoticeReason::TooLong}}));
}

TEST(FromHash, NoticesAreCappedWithACountOfTheRest) {
    std::string hash = "view=table";
    for (int i = 0; i < 100; ++i) hash += "&junk" + std::to_string(i) + "=1";
    const HashDecode decoded = fromHash(hash);
    EXPECT_EQ(decoded.state.view, View::Table);
    ASSERT_EQ(decoded.notices.size(), kMaxNotices);
    EXPECT_EQ(decoded.notices.front().key, "junk0");
    EXPECT_EQ(decoded.notices.back().reason, NoticeReason::MoreNotices);
    EXPECT_EQ(decoded.notices.back().value, std::to_string(100 - (kMaxNotices - 1)));
}

TEST(CanonicalCamera, ReplacesNonFiniteValuesAndIsIdempotent) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    EXPECT_EQ(canonicalCamera(Camera{nan, inf, -inf}), Camera{});
    EXPECT_EQ(canonicalCamera(Camera{0.0f, 3e5f, -3e5f}), (Camera{0.05f, 100000.0f, -100000.0f}));
    const Camera once = canonicalCamera(Camera{3.14159f, 123.456f, -0.05f});
    EXPECT_EQ(once, (Camera{3.142f, 123.5f, -0.1f}));
    EXPECT_EQ(canonicalCamera(once), once);
}

// ------------------------------------------------------------------------------------------- fuzz

// Random bytes, and valid links with random damage: neither may crash, and whatever comes out
// is a state a link can carry exactly.
TEST(FromHash, RandomInputAlwaysGivesAShareableState) {
    std::mt19937 random(424242);
    StateGenerator generator(31337);
    const auto below = [&](std::size_t bound) { return static_cast<std::size_t>(random() % bound); };
    const std::vector<std::string> tokens = {
        "&", "=", ",", "%", "%2", "%C3", "%A9", "%00", "%FF", "%25", "#", "v=1", "view=", "sel=",
        "q=", "cam=", "ax=", "sec=", "type=", "role=", "multi=", "sort=", "data=", "lang=", "theme=",
        "fit", "-", ".", "9", "1e9", "org:inria", "\xC3", "\xA9", "\xF0\x9F\x99\x82", std::string(1, '\0')};
    std::size_t withNotices = 0;
    for (int i = 0; i < 24000; ++i) {
        std::string input;
        if (i % 2 == 0) {
            const std::size_t length = below(i % 100 == 0 ? 20000 : 200);
            for (std::size_t j = 0; j < length; ++j) input += static_cast<char>(random() & 0xFF);
        } else {
            input = toHash(generator.next());
            const std::size_t edits = 1 + below(6);
            for (std::size_t e = 0; e < edits && !input.empty(); ++e) {
                const std::size_t at = below(input.size());
                switch (below(3)) {
                case 0: input.erase(at, 1 + below(8)); break;
                case 1: input.insert(at, tokens[below(tokens.size())]); break;
                default: input[at] = static_cast<char>(random() & 0xFF); break;
                }
            }
        }
        const HashDecode decoded = fromHash(input);
        ASSERT_LE(decoded.notices.size(), kMaxNotices);
        if (!decoded.notices.empty()) ++withNotices;
        for (const HashNotice& notice : decoded.notices) {
            ASSERT_LE(notice.value.size(), kNoticeTextMaxChars + 3);
            ASSERT_TRUE(notice.value.empty() || isPrintableAscii(notice.value));
            ASSERT_TRUE(notice.key.empty() || isPrintableAscii(notice.key));
            ASSERT_FALSE(describe(notice, Lang::Fr).empty());
        }
        const std::string again = toHash(decoded.state);
        const HashDecode redecoded = fromHash(again);
        ASSERT_EQ(redecoded.state, decoded.state) << again;
        ASSERT_TRUE(redecoded.notices.empty()) << again;
        ASSERT_EQ(toHash(redecoded.state), again);
    }
    EXPECT_GT(withNotices, 10000u); // the damage does reach the decoder's error paths
}

// ------------------------------------------------------------------------------------------- dataset

Dataset smallDataset() {
    Dataset dataset;
    dataset.axes = {{"models", {"Modèles", "Models"}}, {"data", {"Données", "Data"}}};
    dataset.sectors = {{"law", {"Droit", "Law"}}};
    dataset.types = {{"startup", {"Jeune pousse", "Start-up"}}};
    dataset.roles = {{"lead", {"Pilote", "Lead"}}};
    Entity inria;
    inria.id = "org:inria";
    inria.name = "Inria";
    Entity scribe;
    scribe.id = "project:scribe";
    scribe.kind = EntityKind::Project;
    scribe.name = "Scribe";
    dataset.entities = {inria, scribe};
    dataset.buildIndex();
    return dataset;
}

TEST(DropUnknownIds, ClearsWhatTheDatasetDoesNotHave) {
    const Dataset dataset = smallDataset();
    HashDecode decoded = fromHash("sel=org:nowhere&ax=models,robots&sec=law&type=startup,bank&role=ghost&view=table");
    ASSERT_TRUE(decoded.notices.empty());
    dropUnknownIds(decoded.state, dataset, decoded.notices);
    EXPECT_EQ(decoded.state.selection, "");
    EXPECT_EQ(decoded.state.filters.axes, (std::vector<std::string>{"models"}));
    EXPECT_EQ(decoded.state.filters.sectors, (std::vector<std::string>{"law"}));
    EXPECT_EQ(decoded.state.filters.types, (std::vector<std::string>{"startup"}));
    EXPECT_TRUE(decoded.state.filters.roles.empty());
    EXPECT_EQ(decoded.state.view, View::Table);
    using R = NoticeReason;
    EXPECT_EQ(keysOf(decoded.notices),
              (NoticeKeys{{"sel", R::UnknownId}, {"ax", R::UnknownId}, {"type", R::UnknownId}, {"role", R::UnknownId}}));
    EXPECT_EQ(decoded.notices[0].value, "org:nowhere");
    EXPECT_EQ(decoded.notices[1].value, "robots");
}

TEST(DropUnknownIds, KeepsAKnownSelectionOfAnyKind) {
    const Dataset dataset = smallDataset();
    ViewState state = fromHash("sel=project:scribe&ax=data").state;
    std::vector<HashNotice> notices;
    dropUnknownIds(state, dataset, notices);
    EXPECT_EQ(state.selection, "project:scribe");
    EXPECT_EQ(state.filters.axes, (std::vector<std::string>{"data"}));
    EXPECT_TRUE(notices.empty());
}

// ------------------------------------------------------------------------------------------- messages

TEST(Describe, EveryReasonHasASentenceInBothLanguages) {
    using R = NoticeReason;
    for (const R reason : {R::UnknownKey, R::MissingValue, R::BadEncoding, R::BadValue, R::UnknownVersion,
                           R::Duplicate, R::TooLong, R::TooManyItems, R::OutOfRange, R::UnknownId,
                           R::MoreNotices}) {
        const HashNotice notice{"q", "x%20y", reason};
        const std::string french = describe(notice, Lang::Fr);
        const std::string english = describe(notice, Lang::En);
        SCOPED_TRACE(std::string(toString(reason)));
        EXPECT_FALSE(french.empty());
        EXPECT_FALSE(english.empty());
        EXPECT_NE(french, english);
        EXPECT_EQ(french.find('{'), std::string::npos);
        EXPECT_EQ(english.find('{'), std::string::npos);
        EXPECT_NE(toString(reason), "");
    }
}

TEST(Describe, NamesTheSettingInTheReadersLanguage) {
    const HashNotice search{"q", "%ZZ", NoticeReason::BadEncoding};
    EXPECT_NE(describe(search, Lang::Fr).find("recherche"), std::string::npos);
    EXPECT_NE(describe(search, Lang::En).find("search"), std::string::npos);
    // French spacing: a no-break space keeps the guillemets with their word.
    EXPECT_NE(describe(search, Lang::Fr).find("«\u00A0recherche\u00A0»"), std::string::npos);

    const HashNotice unknown{"zoom", "3", NoticeReason::UnknownKey};
    EXPECT_NE(describe(unknown, Lang::En).find("zoom"), std::string::npos);

    const HashNotice bad{"view", "graph", NoticeReason::BadValue};
    EXPECT_NE(describe(bad, Lang::En).find("graph"), std::string::npos);
    EXPECT_NE(describe(bad, Lang::Fr).find("vue"), std::string::npos);

    const HashNotice more{"", "12", NoticeReason::MoreNotices};
    EXPECT_NE(describe(more, Lang::Fr).find("12"), std::string::npos);
    const HashNotice wholeLink{"", "&q=aaaa", NoticeReason::TooLong};
    EXPECT_NE(describe(wholeLink, Lang::En).find("link"), std::string::npos);
}

// fromHash percent-decodes each piece and hands it to the settings (view_state_settings.hpp),
// the rules applyStateJson uses too: the decoded value given straight to them sets the same
// state with the same notices, the link only quoting its raw text where the value is refused.
TEST(Settings, TheDecodedValueGivesWhatTheLinkGives) {
    struct Case {
        settings::Setting setting;
        std::string raw;     // as a link writes it
        std::string decoded; // the same value, percent-decoded
    };
    const ViewState base = stateWith([](ViewState& s) {
        s.view = View::Table;
        s.selection = "org:inria";
        s.search = "base";
        s.cameraSet = true;
        s.camera = Camera{2.0f, 5.0f, 5.0f};
        s.filters.sectors = {"law"};
        s.filters.multiProjectOnly = true;
        s.sort = TableSort{SortColumn::Roles, true};
    });
    using settings::Setting;
    const std::vector<Case> cases{
        {Setting::Version, "1", "1"},
        {Setting::Version, "2", "2"},
        {Setting::View, "matrix", "matrix"},
        {Setting::View, "pie", "pie"},
        {Setting::View, "%07", "\x07"},
        {Setting::Selection, "", ""},
        {Setting::Selection, "org:cnrs", "org:cnrs"},
        {Setting::Selection, "a%26b%3Dc", "a&b=c"},
        {Setting::Search, "100%25%20%26%20a%3Db%20%23x%20%C3%A9", "100% & a=b #x \xC3\xA9"},
        {Setting::Search, std::string(201, 'a'), std::string(201, 'a')},
        {Setting::Search, "%C3%28", "\xC3("},
        {Setting::Lang, "fr", "fr"},
        {Setting::Theme, "Dark", "Dark"},
        {Setting::Camera, "fit", "fit"},
        {Setting::Camera, "1.6,120,-40", "1.6,120,-40"},
        {Setting::Camera, "99,0,200000", "99,0,200000"},
        {Setting::Camera, "1,2", "1,2"},
        {Setting::Camera, "1e3,0,0", "1e3,0,0"},
        {Setting::Multi, "0", "0"},
        {Setting::Multi, "yes", "yes"},
        {Setting::Sort, "projects-desc", "projects-desc"},
        {Setting::Sort, "type", "type"},
        {Setting::Sort, "name-up", "name-up"},
        {Setting::Sort, "size", "size"},
        {Setting::Dataset, "abc123", "abc123"},
        {Setting::Dataset, "%20", " "},
        {Setting::Sectors, "models,data,models,bad%20id,,x", "models,data,models,bad id,,x"},
        {Setting::Sectors, "", ""},
    };
    for (const Case& c : cases) {
        const std::string key(settings::keyOf(c.setting));
        const HashDecode linked = fromHash(key + "=" + c.raw, base);
        ViewState direct = base;
        std::vector<HashNotice> notices;
        settings::NoticeSink sink(notices);
        settings::applySetting(c.setting, c.decoded, c.raw, direct, sink);
        EXPECT_EQ(direct, linked.state) << key << "=" << c.raw;
        EXPECT_EQ(notices, linked.notices) << key << "=" << c.raw;
    }
}

TEST(Settings, ListsAndCameraTakeTypedValues) {
    ViewState state;
    std::vector<HashNotice> notices;
    settings::NoticeSink sink(notices);
    const std::vector<settings::ListItem> items{
        {"models", "models"}, {"", ""}, {"a,b", "a,b"}, {std::nullopt, "%ZZ"}, {"models", "models"}, {"data", "data"}};
    settings::applyList(settings::Setting::Axes, items, "whole list", state, sink);
    EXPECT_EQ(state.filters.axes, (std::vector<std::string>{"models", "data"}));
    EXPECT_EQ(keysOf(notices), (NoticeKeys{{"ax", NoticeReason::BadValue}, {"ax", NoticeReason::BadEncoding}}));
    EXPECT_EQ(notices[0].value, "a,b");

    notices.clear();
    settings::applyCamera(std::array<double, 3>{100.0, 1.25, -7.0}, "shown", state, sink);
    EXPECT_TRUE(state.cameraSet);
    EXPECT_EQ(state.camera, (Camera{40.0f, 1.3f, -7.0f}));
    EXPECT_EQ(keysOf(notices), (NoticeKeys{{"cam", NoticeReason::OutOfRange}}));
    EXPECT_EQ(notices[0].value, "shown");
    settings::applyCamera(std::nullopt, "", state, sink);
    EXPECT_FALSE(state.cameraSet);
    EXPECT_EQ(state.camera, Camera{});

    notices.clear();
    settings::applySort("projects", true, "projects-desc", state, sink);
    EXPECT_EQ(state.sort, (TableSort{SortColumn::Projects, true}));
    settings::applySort("projects-desc", false, "projects-desc-asc", state, sink);
    EXPECT_EQ(state.sort, (TableSort{SortColumn::Projects, true})) << "refused: left as it was";
    EXPECT_EQ(keysOf(notices), (NoticeKeys{{"sort", NoticeReason::BadValue}}));
}

} // namespace
} // namespace explorer
