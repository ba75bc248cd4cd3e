// Agency data held as columns: one int32 vector (LargeVector) per column, text dictionary-encoded, rows
// grouped by body through a per-row body index. Built once per run; every clause reads the same columns.
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/Diagnostic.hpp"
#include "core/Rational.hpp"
#include "input/LargeVector.hpp"
#include "input/Limits.hpp"
#include "input/Schema.hpp"
#include "input/TextIndex.hpp"

namespace ereje::input {

// The missing value ("empty means missing") in every column encoding.
inline constexpr std::int32_t kMissing = std::numeric_limits<std::int32_t>::min();

struct Column {
  const ColumnSchema* schema = nullptr;
  // Text: index into `dictionary`; Enum: index into schema->enum_values; Bool: 0 or 1;
  // Date: days since 1970-01-01; Whole, Decimal: index into `numbers` (never a binary floating
  // point value). kMissing when the value is empty or the column is absent.
  LargeVector<std::int32_t> values;
  std::vector<std::string> dictionary;  // Text and numbers: distinct values (as written) in first-seen order
  std::vector<Rational> numbers;        // Whole and Decimal: the exact value of each dictionary entry
  bool present = true;                  // false when an optional column was absent from the file
  // false: a derived column, computed after reading (interp::prepare_data) and only when a rule
  // in force reads it; until then its values are empty, and reading it is a logic error.
  bool loaded = true;

  // Code of a text value, or -1 when no row has it (then an equality never matches).
  std::int32_t code_of(std::string_view text) const;

  TextIndex index;  // Text only: over `dictionary`; kept in step by the loader
};

// The line of each row in its file (CSV: the line where the record starts; JSON: the record's index
// + 1), kept as runs: rows whose line is their row number plus the same offset share one entry, so
// a file without blank lines or records over several lines takes one entry for all its rows.
class RowLines {
 public:
  // The line of the next row.
  void push(std::uint32_t line) {
    const std::int64_t offset = static_cast<std::int64_t>(line) - static_cast<std::int64_t>(rows_);
    if (runs_.empty() || runs_.back().offset != offset) runs_.push_back(Run{rows_, offset});
    ++rows_;
  }
  // The rows of `other` after these, their lines shifted by `shift`.
  void append(const RowLines& other, std::uint32_t shift) {
    for (const Run& run : other.runs_) {
      const std::int64_t offset = run.offset + shift - static_cast<std::int64_t>(rows_);
      if (runs_.empty() || runs_.back().offset != offset) runs_.push_back(Run{rows_ + run.first, offset});
    }
    rows_ += other.rows_;
  }
  // The line of `row`; 0 past the last row.
  std::uint32_t line(std::size_t row) const {
    if (row >= rows_) return 0;
    auto it = std::upper_bound(runs_.begin(), runs_.end(), row, [](std::size_t r, const Run& x) { return r < x.first; });
    return static_cast<std::uint32_t>(static_cast<std::int64_t>(row) + std::prev(it)->offset);
  }
  std::size_t size() const { return rows_; }
  bool empty() const { return rows_ == 0; }

 private:
  struct Run {
    std::size_t first;    // its first row
    std::int64_t offset;  // line - row, from `first` on
  };
  std::vector<Run> runs_;
  std::size_t rows_ = 0;
};

struct Table {
  const TableSchema* schema = nullptr;
  bool present = false;       // a file for it was found
  std::string file;           // path as given, for messages
  std::size_t rows = 0;
  std::vector<Column> columns;  // same order as schema->columns (derived columns included)
  LargeVector<std::int32_t> body;  // per-agency tables: index into DataSet::bodies for each row
  RowLines lines;  // each row's line in its file, for messages
  // How messages name a row: null for a CSV file (line and column); "record" (JSON: `lines` holds
  // the record's number) or "row" (a database table: its row number).
  const char* row_word = nullptr;

  const Column& column(std::string_view name) const;
};

struct Body {
  std::string code;                     // the table of bodies' body column
  std::string kk_name, ru_name, category;  // the columns the contract names for them; empty when missing
};

struct DataSet {
  std::shared_ptr<const Contract> contract;  // the contract in force that the data was read with
  std::string folder;
  std::vector<Body> bodies;           // sorted by code (byte order): the output order
  std::map<std::string, Table> tables;  // by table name; every schema table has an entry
  std::vector<std::string> files;     // every file read, for receipts
  // What was read but deserves a word: a CSV file's dialect (CsvDialect.hpp), columns no table
  // declares. By file in the order they were read, the same whatever the number of threads. When
  // the data has errors, these come with them in the InputError instead.
  std::vector<Diagnostic> warnings;

  const Table& table(std::string_view name) const;
  int body_index(std::string_view code) const;  // -1 when unknown
};

// How load_folder reads. The result never depends on it: only the time it takes.
struct LoadOptions {
  // Threads for reading one large CSV file in pieces; 0: EREJE_THREADS if set, else the machine's
  // cores (as the evaluator counts them).
  unsigned threads = 0;
  // A file is cut into pieces of at least this many bytes: below it, another thread costs more
  // than it saves. (Small values let tests cut small files.)
  std::size_t min_piece_bytes = std::size_t{8} << 20;
};

// Reads a data folder (NAME.csv or NAME.json per table) against `contract` (the contract in force:
// Contract::at). `needed` lists the tables the rules in force read: each must be present; the
// table of bodies always is. Any contract violation throws InputError with diagnostics naming
// file, line and column. Derived columns are left for interp::prepare_data. A CSV file is read in
// one pass from a memory map straight into the columns, its pages let go behind the reading: the
// memory a run holds is the columns', not the files'.
DataSet load_folder(const std::string& folder, std::shared_ptr<const Contract> contract,
                    const std::vector<std::string>& needed, const LoadOptions& options = {});

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
  // CSV: the file's warnings (CsvScanner::warnings), which build_dataset passes on to the data set.
  std::vector<Diagnostic> warnings;

  // Physical line on which field `f` of record `r` starts (0 when unknown).
  std::uint32_t line_of(std::size_t r, std::size_t f) const;
  // Column of field `f` of record `r` (0 when unknown).
  std::uint32_t col_of(std::size_t r, std::size_t f) const;
};
DataSet build_dataset(std::string folder, std::shared_ptr<const Contract> contract,
                      std::map<std::string, TextTable> tables, const std::vector<std::string>& needed);

// Columns of a table as they appear in files: the schema without the derived ones, which are
// computed from the others and a file must not need.
bool is_derived(const TableSchema& table, std::string_view column);
std::vector<std::string> file_columns(const TableSchema& table);

// Diagnostics about fields of rows read before (an invariant a row breaks): the row's file, line
// and the column of its field (a CSV file's line and column, the line quoted; a JSON file's record;
// a database table's row and key). A CSV file is read again, once, on the first message.
class RowPositions {
 public:
  explicit RowPositions(const Table& table) : table_(table) {}
  Diagnostic diagnostic(std::size_t row, std::string_view column, std::string code, std::string message,
                        std::string help);

 private:
  const Table& table_;
  bool read_ = false;
  std::optional<TextTable> text_;  // the CSV file as records with positions, when it could be read
};

// The whole file as one string; InputError naming `display_name` when it cannot be read.
std::string read_file_text(const std::string& path, const std::string& display_name);

// A diagnostic about a data file at a line and column (both 0 when it concerns the whole file).
// Bytes of `line_text` that are not UTF-8 are shown as U+FFFD so the terminal gets valid text.
Diagnostic data_error(std::string code, std::string file, std::size_t line, std::size_t column,
                      std::string_view line_text, std::string message, std::string help = {});
[[noreturn]] void throw_input_error(Diagnostic d);

}  // namespace ereje::input
