// Where a row of the loaded data is (RowPositions.hpp): a database row or JSON record by its key, a
// CSV row by its line and column, found by reading the file again.
#include "input/RowPositions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "input/CsvReader.hpp"
#include "input/DataError.hpp"
#include "input/Wording.hpp"

namespace ereje::input {

Diagnostic RowPositions::diagnostic(std::size_t row, std::string_view column, std::string code, std::string message,
                                    std::string help) {
  const Table& t = table_;
  const std::uint32_t line = t.lines.line(row);
  if (t.row_word) {
    // A database row (or JSON record) is found by its key: "row 7 (body `MJ`, code `S1`)".
    std::string key;
    for (const auto& k : t.schema->key) {
      const int c = t.schema->column_index(k);
      if (c < 0) continue;
      const Column& col = t.columns[static_cast<std::size_t>(c)];
      const std::int32_t v = col.values.empty() ? kMissing : col.values[row];
      key += fmt::format("{}{} {}", key.empty() ? "" : ", ", k,
                         v == kMissing ? std::string("empty") : "`" + shown(col.dictionary[static_cast<std::size_t>(v)]) + "`");
    }
    return data_error(std::move(code), t.file, 0, 0, {},
                      fmt::format("{} {}{}: {}", t.row_word, line, key.empty() ? "" : " (" + key + ")", message),
                      std::move(help));
  }
  if (!read_) {
    read_ = true;
    try {
      text_ = read_csv(t.file, t.file, t.schema);
    } catch (const InputError&) {
      // The file changed or went away since it was read: the row's line is still known.
    }
  }
  std::size_t col = 0;
  std::uint32_t at = line;
  std::string_view line_text;
  if (text_ && row < text_->records.size()) {
    const auto h = std::find(text_->header.begin(), text_->header.end(), column);
    const std::size_t f = h == text_->header.end() ? 0 : static_cast<std::size_t>(h - text_->header.begin());
    at = text_->line_of(row, f);
    col = text_->col_of(row, f);
    // The quoted line: from the file's text, at line `at`.
    const std::string& src = text_->source;
    std::size_t b = 0;
    for (std::uint32_t l = 1; l < at && b != std::string::npos; ++l) {
      b = src.find('\n', b);
      if (b != std::string::npos) ++b;
    }
    if (b != std::string::npos && b <= src.size()) {
      std::size_t e = src.find('\n', b);
      line_text = std::string_view(src).substr(b, (e == std::string::npos ? src.size() : e) - b);
      if (!line_text.empty() && line_text.back() == '\r') line_text.remove_suffix(1);
    }
  }
  return data_error(std::move(code), t.file, at, col, shown_line(line_text), std::move(message), std::move(help));
}

}  // namespace ereje::input
