// CSV to text records (RFC 4180) with the line and column of every field, for TextTable. The
// scanning itself is CsvScanner's, shared with load_folder's path straight into columns.
#include "input/CsvReader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "input/CsvScanner.hpp"

namespace ereje::input {

TextPosition position_of(std::string_view text, std::size_t offset) {
  TextPosition pos;
  offset = std::min(offset, text.size());
  std::size_t start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++pos.line;
      start = i + 1;
    }
  pos.col = static_cast<std::uint32_t>(utf8_length(text.substr(start, offset - start)) + 1);
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  pos.text = shown_line(text.substr(start, end - start));
  return pos;
}

std::size_t strip_bom(std::string& text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    text.erase(0, 3);
    return 3;
  }
  return 0;
}

std::string_view shown_line(std::string_view line) {
  if (line.size() <= kMaxShownLineBytes) return line;
  std::size_t cut = kMaxShownLineBytes;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut);
}

void check_utf8(std::string_view text, std::size_t bom, const std::string& display_name) {
  const std::size_t bad = utf8_invalid_at(text);
  if (bad == std::string::npos) return;
  TextPosition pos = position_of(text, bad);
  throw_input_error(data_error(
      "data-invalid-utf8", display_name, pos.line, pos.col, pos.text,
      fmt::format("invalid UTF-8 at byte offset {} of the file (byte 0x{:02X})", bad + bom,
                  static_cast<unsigned char>(text[bad])),
      "save the file as UTF-8 (in Excel: \"CSV UTF-8\"); it looks like another encoding such as Windows-1251"));
}

TextTable parse_csv(std::string text, const std::string& display_name, const TableSchema* table) {
  const std::size_t bom = strip_bom(text);
  CsvScanner scanner(text, bom, display_name, table);
  TextTable t;
  t.file = display_name;
  scanner.read_header(t.header, t.header_cols, t.header_line);
  CsvRecord rec;
  std::vector<std::uint32_t> cols, lines;
  while (scanner.next(rec)) {
    const std::size_t r = t.records.size();
    scanner.place_all(rec, cols, lines);
    if (lines.back() != lines.front()) t.field_lines.emplace(r, lines);
    t.lines.push_back(rec.line);
    t.records.emplace_back(rec.fields.begin(), rec.fields.end());
    t.cols.push_back(cols);
  }
  t.warnings = scanner.warnings();
  t.source = std::move(text);
  return t;
}

TextTable read_csv(const std::string& path, const std::string& display_name, const TableSchema* table) {
  return parse_csv(read_file_text(path, display_name), display_name, table);
}

}  // namespace ereje::input
