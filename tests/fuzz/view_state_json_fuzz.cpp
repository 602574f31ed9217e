// libFuzzer target: the state object of the host API (src/core/view_state_json.hpp,
// applyStateJson). Any text gives a state and notices that are safe to show, never a crash, and
// the state read back through getState sets the same view again without notices.
// Seeds in corpus/view_state_json.
#include "fuzz_support.hpp"

#include "core/view_state_json.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using explorer::fuzz::require;

void check(std::string_view input, const explorer::ViewState& base) {
    const explorer::HashDecode applied = explorer::applyStateJson(input, base);
    require(applied.notices.size() <= explorer::kMaxNotices);
    for (const explorer::HashNotice& notice : applied.notices) {
        require(notice.key.size() <= explorer::kNoticeTextMaxChars + 3);
        require(notice.value.size() <= explorer::kNoticeTextMaxChars + 3);
        require(explorer::fuzz::isPrintableAscii(notice.key));
        require(explorer::fuzz::isPrintableAscii(notice.value));
        require(!explorer::describe(notice, explorer::Lang::Fr).empty());
        require(!explorer::describe(notice, explorer::Lang::En).empty());
    }
    const std::string json = explorer::stateToJson(applied.state);
    const explorer::HashDecode again = explorer::applyStateJson(json, explorer::ViewState{});
    require(again.notices.empty());
    require(again.state == applied.state);
    require(explorer::stateToJson(again.state) == json);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    check(input, explorer::ViewState{});
    explorer::ViewState base;
    base.view = explorer::View::Matrix;
    base.selection = "org:inria";
    base.search = "données";
    base.lang = explorer::Lang::Fr;
    base.theme = explorer::Theme::Dark;
    base.cameraSet = true;
    base.camera = explorer::Camera{1.6f, 120.0f, -40.0f};
    base.filters.axes = {"models"};
    base.filters.multiProjectOnly = true;
    base.sort = explorer::TableSort{explorer::SortColumn::Roles, true};
    base.dataset = "abc123";
    check(input, base);
    return 0;
}
