// Collecting the errors of data files and finding where a row's field is (Reporter.hpp): the parts
// that only run once a message is being written.
#include "input/Reporter.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "input/CsvReader.hpp"

namespace ereje::input {

void Reporter::raise(const std::vector<Diagnostic>& warnings) {
  for (const auto& file : overflowed_)
    for (auto it = list_.rbegin(); it != list_.rend(); ++it)
      if (it->file == file) {
        it->notes.push_back({Span{}, fmt::format("stopping after {} errors in this file", kMaxErrorsPerFile)});
        break;
      }
  InputError e;
  for (auto& d : list_) e.diagnostics.add(std::move(d));
  for (const auto& w : warnings) e.diagnostics.add(w);
  throw e;
}

std::string_view SourceLines::line(std::size_t n) {
  if (source_.empty() || n == 0) return {};
  if (starts_.empty()) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < source_.size(); ++i)
      if (source_[i] == '\n') starts_.push_back(i + 1);
  }
  if (n > starts_.size()) return {};
  const std::size_t b = starts_[n - 1];
  std::size_t e = n < starts_.size() ? starts_[n] : source_.size();
  while (e > b && (source_[e - 1] == '\n' || source_[e - 1] == '\r')) --e;
  return shown_line(std::string_view(source_).substr(b, e - b));
}

CsvLocator::CsvLocator(const std::string& path, const std::string& display_name, const TableSchema& ts)
    : file_(path, display_name), bom_(file_.bytes().substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0),
      scanner_(file_.bytes().substr(bom_), bom_, display_name, &ts) {}

CsvPlace CsvLocator::place(std::size_t r, std::size_t f) {
  auto it = std::upper_bound(marks_.begin(), marks_.end(), r, [](std::size_t row, const Mark& m) { return row < m.row; });
  if (it == marks_.begin()) return {};
  --it;
  std::uint32_t line = it->line;
  const char* start = scanner_.skip(it->start, line, r - it->row);
  return scanner_.place(start, line, f);
}

}  // namespace ereje::input
