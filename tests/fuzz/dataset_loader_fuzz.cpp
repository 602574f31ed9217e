// libFuzzer target: the JSON dataset loader (src/core/dataset_loader.hpp). Any text loads or is
// refused with problems, never both, never a crash, within the loader's limits.
// Built by the asan preset (fuzz_dataset_loader); seeds in corpus/dataset_loader.
#include "fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    explorer::fuzz::checkLoadResult(explorer::loadDataset(text));
    return 0;
}
