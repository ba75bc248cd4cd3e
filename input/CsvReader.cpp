// CSV to text records (RFC 4180), one pass with pointers over the whole file held in memory.
// Positions are kept as we go (record line, field column in code points) so that every later
// validation error can point at the spot in the file.
#include "input/CsvReader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace ereje::input {
namespace {

class CsvParser {
 public:
  CsvParser(const std::string& text, std::string name, const TableSchema* table)
      : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), line_start_(begin_),
        mark_(begin_), name_(std::move(name)), table_(table) {}

  TextTable run();

 private:
  // Reads one record; false at the end of the file. Blank lines before it are skipped.
  bool read_record(std::vector<std::string>& fields, std::vector<std::uint32_t>& cols,
                   std::vector<std::uint32_t>& lines);
  void read_quoted(std::string& value);
  void read_plain(std::string& value);

  // Column (code points, 1-based) of a position on the current line. Fields are visited left to
  // right, so counting from the previous mark keeps a line's columns linear in its length.
  std::uint32_t col_at(const char* q) {
    if (mark_ < line_start_ || q < mark_) {
      mark_ = line_start_;
      mark_col_ = 1;
    }
    mark_col_ += static_cast<std::uint32_t>(utf8_length(std::string_view(mark_, static_cast<std::size_t>(q - mark_))));
    mark_ = q;
    return mark_col_;
  }
  // "\n", "\r\n", or a "\r" that ends the file (a CRLF file cut after its last CR).
  bool at_line_end(const char* q) const {
    return q < end_ && (*q == '\n' || (*q == '\r' && (q + 1 == end_ || q[1] == '\n')));
  }
  void skip_line_end() {
    if (*p_ == '\r') ++p_;
    if (p_ < end_) ++p_;
    new_line(p_);
  }
  void new_line(const char* next) {
    ++line_;
    line_start_ = next;
  }
  std::string_view physical_line(const char* start) const {
    const char* e = start;
    while (e < end_ && *e != '\n') ++e;
    if (e > start && e[-1] == '\r') --e;
    return std::string_view(start, static_cast<std::size_t>(e - start));
  }
  // Only on the way to an error: a walk from the top is cheaper than keeping every line start.
  const char* start_of_line(std::uint32_t line) const {
    const char* ls = begin_;
    for (std::uint32_t l = 1; l < line && ls < end_; ++l) {
      const void* nl = std::memchr(ls, '\n', static_cast<std::size_t>(end_ - ls));
      ls = nl ? static_cast<const char*>(nl) + 1 : end_;
    }
    return ls;
  }
  [[noreturn]] void fail(std::string code, std::uint32_t line, const char* line_start, std::uint32_t col,
                         std::string message, std::string help) const {
    throw_input_error(data_error(std::move(code), name_, line, col, physical_line(line_start), std::move(message),
                                 std::move(help)));
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  std::uint32_t line_ = 1;
  const char* line_start_;
  const char* mark_;
  std::uint32_t mark_col_ = 1;
  // Where the last record ended (before its line break), for "too few fields".
  std::uint32_t end_line_ = 1, end_col_ = 1;
  const char* end_line_start_ = nullptr;
  std::string name_;
  const TableSchema* table_;
};

bool CsvParser::read_record(std::vector<std::string>& fields, std::vector<std::uint32_t>& cols,
                            std::vector<std::uint32_t>& lines) {
  // A blank line is not a record: a record with one empty field would be ragged for every table
  // we have, and spreadsheets and hand edits leave blank lines (often at the end) that mean nothing.
  while (at_line_end(p_)) skip_line_end();
  fields.clear();
  cols.clear();
  lines.clear();
  if (p_ == end_) return false;
  for (;;) {
    lines.push_back(line_);
    cols.push_back(col_at(p_));
    fields.emplace_back();
    if (p_ < end_ && *p_ == '"')
      read_quoted(fields.back());
    else
      read_plain(fields.back());
    if (p_ < end_ && *p_ == ',') {
      ++p_;
      continue;
    }
    end_line_ = line_;
    end_col_ = col_at(p_);
    end_line_start_ = line_start_;
    if (p_ < end_) skip_line_end();  // read_plain and read_quoted stop nowhere else
    return true;
  }
}

void CsvParser::read_quoted(std::string& value) {
  const std::uint32_t open_line = line_;
  const char* open_line_start = line_start_;
  const std::uint32_t open_col = col_at(p_);
  const char* run = ++p_;
  for (;;) {
    if (p_ == end_)
      fail("data-unterminated-quote", open_line, open_line_start, open_col,
           "unterminated quoted field: this opening quote is never closed",
           "end the field with a quote; a quote inside a quoted field is written twice (\"\")");
    const char c = *p_;
    if (c == '"') {
      value.append(run, p_);
      if (p_ + 1 < end_ && p_[1] == '"') {
        value += '"';
        p_ += 2;
        run = p_;
        continue;
      }
      ++p_;
      break;
    }
    if (c == '\n') {
      // A quoted line break is kept as "\n" whether the file uses LF or CRLF, so that the same
      // data gives the same values on every system.
      const char* e = p_;
      if (e > run && e[-1] == '\r') --e;
      value.append(run, e);
      value += '\n';
      new_line(++p_);
      run = p_;
      continue;
    }
    ++p_;
  }
  if (p_ == end_ || *p_ == ',' || at_line_end(p_)) return;
  fail("data-text-after-quote", line_, line_start_, col_at(p_),
       "unexpected text after the closing quote of a quoted field",
       "put the whole value inside the quotes and write a quote inside it twice: \"say \"\"yes\"\"\"");
}

void CsvParser::read_plain(std::string& value) {
  const char* start = p_;
  while (p_ < end_) {
    const char c = *p_;
    if (c == ',' || c == '\n') break;
    if (c == '\r') {
      if (at_line_end(p_)) break;
      fail("data-stray-cr", line_, line_start_, col_at(p_), "carriage return without a line feed inside a field",
           "save the file with LF or CRLF line ends, or put a value holding a line break in quotes");
    }
    if (c == '"')
      fail("data-stray-quote", line_, line_start_, col_at(p_), "quote in the middle of an unquoted field",
           "put the whole value in quotes and write the quote twice: \"a \"\"b\"\" c\"");
    ++p_;
  }
  value.assign(start, p_);
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

TextTable CsvParser::run() {
  TextTable t;
  t.file = name_;
  std::vector<std::string> fields;
  std::vector<std::uint32_t> cols, lines;

  if (!read_record(fields, cols, lines)) {
    std::string message = "empty file: expected a header row";
    std::string help = "a table with no rows still needs its header line";
    if (table_) {
      auto names = file_columns(*table_);
      message += " with columns " + join(names);
      std::string line;
      for (const auto& n : names) line += (line.empty() ? "" : ",") + n;
      help += ": " + line;
    }
    throw_input_error(data_error("data-empty-file", name_, 1, 1, {}, std::move(message), std::move(help)));
  }
  t.header_line = lines.front();
  t.header = fields;
  t.header_cols = cols;
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    // An empty name is an unnamed (so unknown, ignored) column; spreadsheets export several.
    if (t.header[i].empty()) continue;
    auto [it, fresh] = seen.emplace(t.header[i], i);
    if (fresh) continue;
    Diagnostic d = data_error("data-duplicate-column", name_, lines[i], cols[i], physical_line(start_of_line(lines[i])),
                              fmt::format("duplicate column `{}` in the header", t.header[i]),
                              "each column name may appear once; rename or remove one of them");
    d.notes.push_back({Span{}, fmt::format("`{}` first appears at line {}, column {}", t.header[i], lines[it->second],
                                           cols[it->second])});
    throw_input_error(std::move(d));
  }
  const std::size_t width = t.header.size();
  while (read_record(fields, cols, lines)) {
    if (fields.size() != width) {
      const bool more = fields.size() > width;
      std::string message = fmt::format("expected {} field{} as in the header, got {}", width, width == 1 ? "" : "s",
                                        fields.size());
      if (more) {
        fail("data-ragged-row", lines[width], start_of_line(lines[width]), cols[width], std::move(message),
             "a value holding a comma must be in quotes: \"a, b\"");
      }
      fail("data-ragged-row", end_line_, end_line_start_, end_col_, std::move(message),
           "every row needs a field for each header column; leave a missing value empty (a,,c)");
    }
    const std::size_t r = t.records.size();
    if (lines.back() != lines.front()) t.field_lines.emplace(r, lines);
    t.lines.push_back(lines.front());
    t.records.push_back(std::move(fields));
    t.cols.push_back(std::move(cols));
    fields = {};
    cols = {};
  }
  return t;
}

}  // namespace

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
  pos.text = text.substr(start, end - start);
  return pos;
}

std::size_t strip_bom(std::string& text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    text.erase(0, 3);
    return 3;
  }
  return 0;
}

void check_utf8(const std::string& text, std::size_t bom, const std::string& display_name) {
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
  check_utf8(text, strip_bom(text), display_name);
  CsvParser parser(text, display_name, table);
  TextTable t = parser.run();
  t.source = std::move(text);
  return t;
}

TextTable read_csv(const std::string& path, const std::string& display_name, const TableSchema* table) {
  return parse_csv(read_file_text(path, display_name), display_name, table);
}

}  // namespace ereje::input
