// The CSV dialects of CsvDialect.hpp: recognising `;` from a header, and the words of the warnings.
#include "input/CsvDialect.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "input/DataSet.hpp"

namespace ereje::input {

Separator detect_separator(std::string_view text, const TableSchema& table) {
  std::size_t i = 0;
  while (i < text.size() && (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] == '\n'))))
    ++i;  // blank lines before the header
  // The header's names split at `;`; a quote opens a field at its start (after either separator).
  // A header past the record limit is left to the scanner to report.
  const std::size_t end = std::min(text.size(), i + kMaxRecordBytes);
  std::vector<std::string> names(1);
  Separator found;
  bool quoted = false, field_start = true;
  for (; i < end; ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') names.back() += c;
      else if (i + 1 < end && text[i + 1] == '"') names.back() += text[++i];
      else quoted = false;
      continue;
    }
    if (c == '\n' || c == '\r') break;
    if (c == ',') return {};
    if (c == '"' && field_start) {
      quoted = true;
      field_start = false;
      continue;
    }
    field_start = c == ';';
    if (!field_start) {
      names.back() += c;
    } else {
      if (found.sep != ';') found = {';', i};
      names.emplace_back();
    }
  }
  if (found.sep != ';') return {};
  const std::vector<std::string> columns = file_columns(table);
  for (const auto& n : names)
    if (std::find(columns.begin(), columns.end(), n) != columns.end()) return found;
  return {};
}

Diagnostic semicolon_warning(const std::string& file, std::uint32_t line, std::uint32_t col, std::string_view line_text) {
  Diagnostic d = data_error("data-csv-semicolon", file, line, col, line_text,
                            "this file uses `;` as its separator: read with `;` between fields",
                            "Excel writes `;` between fields where a comma is the decimal separator (a Russian or "
                            "Kazakh locale); values are read as written, a comma in one stays a comma. Pass "
                            "`--csv-dialect excel-ru` to read such files as Excel meant them (also ИСТИНА/ЛОЖЬ and "
                            "decimal commas), or save as \"CSV UTF-8 (Comma delimited)\"");
  d.severity = Severity::Warning;
  return d;
}

void StrayQuotes::add(const StrayQuotes& later, std::uint32_t line_offset) {
  if (later.fields == 0) return;
  if (fields == 0) {
    line = later.line + line_offset;
    col = later.col;
    line_text = later.line_text;
  }
  fields += later.fields;
}

Diagnostic StrayQuotes::warning(const std::string& file) const {
  const std::string count = fields == 1 ? std::string("the only field of this file with one")
                                        : fmt::format("{} fields of this file have one; this is the first", fields);
  Diagnostic d = data_error("data-csv-stray-quote", file, line, col, line_text,
                            fmt::format("quote inside an unquoted field, read as a character of the value ({})", count),
                            "Excel and Python's csv module read it so too; if the quotes were meant to enclose the "
                            "value, put the whole value in quotes and write each quote inside it twice: \"a \"\"b\"\" c\"");
  d.severity = Severity::Warning;
  return d;
}

}  // namespace ereje::input
