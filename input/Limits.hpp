// Limits of the input layer: what one data file may hold before it is refused with an error that
// names it. The readers (CSV, JSON, databases) and the loader check them.
#pragma once
#include <cstddef>

namespace ereje::input {

// Most errors in one data file reported before giving up: enough to fix a batch, few enough to read.
inline constexpr std::size_t kMaxErrorsPerFile = 50;

// Limits on data files. Each is far above any real assessment (a few thousand bodies, a few hundred
// services each) and turns a wrong or damaged file into an error that names it, instead of a run
// that exhausts memory. Every one is reported as an input error with file and line.
//
// One field: a code or a name is a few hundred bytes at most. A field past 1 MiB is nearly always a
// quote left open that swallowed the rest of the file.
inline constexpr std::size_t kMaxFieldBytes = std::size_t{1} << 20;
// One record (a line, or the lines of a record with quoted line breaks): 16 fields at the field
// limit. Bounds the memory one record can take and the text an error message quotes.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{16} << 20;
// Columns in a header: data.md has six at most; a spreadsheet export adds a few empty ones. A header
// of millions of commas would otherwise become millions of column names.
inline constexpr std::size_t kMaxColumns = 1000;
// Rows in one table: 25,000 services for each of 4,000 bodies. Row numbers and dictionary codes are
// 32-bit, and at 40 bytes a row the columns of this many rows already take 4 GB.
inline constexpr std::size_t kMaxRowsPerTable = 100'000'000;
// A JSON file is parsed whole into a document about ten times its size; CSV, read in one pass
// straight into columns, has no such limit (only the row limit above).
inline constexpr std::size_t kMaxJsonBytes = std::size_t{256} << 20;
// The text of a line quoted in a message: lines longer than this are cut (the message still gives
// the column). A message must not copy a whole damaged file.
inline constexpr std::size_t kMaxShownLineBytes = std::size_t{64} << 10;

}  // namespace ereje::input
