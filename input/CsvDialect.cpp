// The CSV dialects of CsvDialect.hpp: the words of the warnings.
#include "input/CsvDialect.hpp"

#include <fmt/format.h>

#include "input/DataSet.hpp"

namespace ereje::input {

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
