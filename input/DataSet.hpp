// Agency data held as columns: one int32 vector per column, text dictionary-encoded, rows grouped
// by body through a per-row body index. Built once per run; every clause reads the same columns.
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/Diagnostic.hpp"
#include "input/Schema.hpp"

namespace ereje::input {

// The missing value ("empty means missing") in every column encoding.
inline constexpr std::int32_t kMissing = std::numeric_limits<std::int32_t>::min();

struct Column {
  const ColumnSchema* schema = nullptr;
  // Text: index into `dictionary`; Enum: index into schema->enum_values; Bool: 0 or 1;
  // Date: days since 1970-01-01. kMissing when the value is empty or the column is absent.
  std::vector<std::int32_t> values;
  std::vector<std::string> dictionary;  // Text only: distinct values in first-seen order
  bool present = true;                  // false when an optional column was absent from the file

  // Code of a text value, or -1 when no row has it (then an equality never matches).
  std::int32_t code_of(std::string_view text) const;

  // Text only: dictionary value -> code, so that code_of and the loader stay O(1) per lookup.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::int32_t, TextHash, std::equal_to<>> codes;
};

struct RowOrigin {
  std::uint32_t line = 0;  // 1-based line of the record's first line in its file (CSV), or array index + 1 (JSON)
};

struct Table {
  const TableSchema* schema = nullptr;
  bool present = false;       // a file for it was found
  std::string file;           // path as given, for messages
  std::size_t rows = 0;
  std::vector<Column> columns;  // same order as schema->columns (derived columns included)
  std::vector<std::int32_t> body;  // per-agency tables: index into DataSet::bodies for each row
  std::vector<RowOrigin> origin;

  const Column& column(std::string_view name) const;
};

struct Body {
  std::string agency_id;
  std::string name_kk, name_ru, kind;  // empty when missing
};

struct DataSet {
  std::string folder;
  std::vector<Body> bodies;           // sorted by agency_id (byte order): the output order
  std::map<std::string, Table> tables;  // by table name; every schema table has an entry
  std::vector<std::string> files;     // every file read, for receipts

  const Table& table(std::string_view name) const;
  int body_index(std::string_view agency_id) const;  // -1 when unknown
};

// Reads a data folder (NAME.csv or NAME.json per table). `needed` lists the tables the rules in
// force read: each must be present; the agencies table always is. Any contract violation of
// data.md throws InputError with diagnostics naming file, line and column.
DataSet load_folder(const std::string& folder, const std::vector<std::string>& needed);

// Builds a DataSet from already-parsed text rows (used by rule-file tests and by the readers):
// `tables[name]` holds the records of one table as text ("" = missing). Validates exactly like a
// file; `TextTable::file` stands in for the file name in messages.
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

  // Physical line on which field `f` of record `r` starts (0 when unknown).
  std::uint32_t line_of(std::size_t r, std::size_t f) const;
  // Column of field `f` of record `r` (0 when unknown).
  std::uint32_t col_of(std::size_t r, std::size_t f) const;
};
DataSet build_dataset(std::string folder, std::map<std::string, TextTable> tables,
                      const std::vector<std::string>& needed);

// Columns of a table as they appear in files: the schema without the derived ones
// (services.subtype and services.main), which the loader computes and a file must not need.
bool is_derived(const TableSchema& table, std::string_view column);
std::vector<std::string> file_columns(const TableSchema& table);

// The whole file as one string; InputError naming `display_name` when it cannot be read.
std::string read_file_text(const std::string& path, const std::string& display_name);

// A diagnostic about a data file at a line and column (both 0 when it concerns the whole file).
// Bytes of `line_text` that are not UTF-8 are shown as U+FFFD so the terminal gets valid text.
Diagnostic data_error(std::string code, std::string file, std::size_t line, std::size_t column,
                      std::string_view line_text, std::string message, std::string help = {});
[[noreturn]] void throw_input_error(Diagnostic d);

// Most errors in one data file reported before giving up: enough to fix a batch, few enough to read.
inline constexpr std::size_t kMaxErrorsPerFile = 50;

}  // namespace ereje::input
