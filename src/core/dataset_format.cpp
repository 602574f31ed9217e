#include "core/dataset_format.hpp"

#include "core/raw_text.hpp"

#include <algorithm>
#include <cctype>

namespace explorer {
namespace {

bool endsWithIgnoringCase(std::string_view text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    return std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
}

} // namespace

DatasetFormat detectDatasetFormat(std::string_view fileName, std::string_view head) {
    if (endsWithIgnoringCase(fileName, ".json")) return DatasetFormat::Json;
    for (std::string_view suffix : {".csv", ".tsv", ".txt"}) {
        if (endsWithIgnoringCase(fileName, suffix)) return DatasetFormat::Csv;
    }
    if (head.starts_with(kUtf8ByteOrderMark)) head.remove_prefix(kUtf8ByteOrderMark.size());
    for (const char c : head) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        return c == '{' || c == '[' ? DatasetFormat::Json : DatasetFormat::Csv;
    }
    return DatasetFormat::Csv;
}

std::string_view toString(DatasetFormat format) { return format == DatasetFormat::Json ? "json" : "csv"; }

} // namespace explorer
