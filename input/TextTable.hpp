// The records of one table as text, with where each field was: what the CSV, JSON and database
// readers produce, and what build_dataset checks and turns into columns like a file.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/Diagnostic.hpp"

namespace ereje::input {

// One table's records as text ("" = missing); `file` stands in for the file name in messages.
struct TextTable {
  std::string file;  // for messages
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> records;
  std::vector<std::uint32_t> lines;      // line of each record
  std::vector<std::vector<std::uint32_t>> cols;  // column (code points) of each field, for messages

  // JSON: `lines` holds the record's 1-based index in the array and messages say "record N".
  bool json = false;
  std::uint32_t header_line = 1;            // CSV: blank lines before the header are skipped
  std::vector<std::uint32_t> header_cols;   // column of each header name (may be empty)
  // CSV: the file text (without byte-order mark), to quote the offending line in messages.
  std::string source;
  // CSV: for the rare record spanning several lines (a quoted line break), the physical line of
  // each of its fields, by record index; other records' fields all sit on `lines[r]`.
  std::unordered_map<std::size_t, std::vector<std::uint32_t>> field_lines;
  // CSV: the file's warnings (CsvScanner::warnings), which build_dataset passes on to the data set.
  std::vector<Diagnostic> warnings;

  // Physical line on which field `f` of record `r` starts (0 when unknown).
  std::uint32_t line_of(std::size_t r, std::size_t f) const {
    if (auto it = field_lines.find(r); it != field_lines.end() && f < it->second.size()) return it->second[f];
    return r < lines.size() ? lines[r] : 0;
  }
  // Column of field `f` of record `r` (0 when unknown).
  std::uint32_t col_of(std::size_t r, std::size_t f) const {
    return r < cols.size() && f < cols[r].size() ? cols[r][f] : 0;
  }
};

}  // namespace ereje::input
