// Agency data held as columns: one vector of codes (ColumnValues) per column, text dictionary-encoded, rows
// grouped by body through their body column's codes. Built once per run; every clause reads the same columns.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/Diagnostic.hpp"
#include "core/Rational.hpp"
#include "input/ColumnValues.hpp"
#include "input/LargeVector.hpp"
#include "input/Schema.hpp"
#include "input/TextIndex.hpp"

namespace ereje::input {

struct Column {
  const ColumnSchema* schema = nullptr;
  // Text: index into `dictionary`; Enum: index into schema->enum_values; Bool: 0 or 1;
  // Date: days since 1970-01-01; Whole, Decimal: index into `numbers` (never a binary floating
  // point value). kMissing when the value is empty or the column is absent. One byte a row for
  // true/false and small enums (ColumnValues::narrow_for), two for text while its codes fit
  // (ColumnValues::width_for), set by bind.
  ColumnValues values;
  std::vector<std::string> dictionary;  // Text and numbers: distinct values (as written) in first-seen order
  std::vector<Rational> numbers;        // Whole and Decimal: the exact value of each dictionary entry
  bool present = true;                  // false when an optional column was absent from the file
  // false: a derived column, computed after reading (interp::prepare_data) and only when a rule
  // in force reads it; until then its values are empty, and reading it is a logic error.
  bool loaded = true;

  // The column's schema, and the width of its values.
  void bind(const ColumnSchema* s) {
    schema = s;
    values.set_width(s ? ColumnValues::width_for(*s) : 4);
  }

  // Code of a text value, or -1 when no row has it (then an equality never matches).
  std::int32_t code_of(std::string_view text) const { return index.find(text, dictionary); }

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

// Each row's body as the loops over a table's rows read it: the body column's code of the row
// (Code: its storage, 1, 2 or 4 bytes a row) looked up in a table of a body per code. A missing
// code (kMissing, or the narrow columns' markers, all far above any code as unsigned numbers)
// reads the table's last entry, -1, as a code of no body does.
template <class Code>
struct BodyOf {
  const Code* codes = nullptr;
  const std::int32_t* body_of = nullptr;
  std::uint32_t last = 0;  // body_of[last] is -1
  std::int32_t operator[](std::size_t r) const {
    return body_of[std::min(static_cast<std::uint32_t>(codes[r]), last)];
  }
};

struct Table {
  const TableSchema* schema = nullptr;
  bool present = false;       // a file for it was found
  std::string file;           // path as given, for messages
  std::size_t rows = 0;
  std::vector<Column> columns;  // same order as schema->columns (derived columns included)
  RowLines lines;  // each row's line in its file, for messages
  // How messages name a row: null for a CSV file (line and column); "record" (JSON: `lines` holds
  // the record's number) or "row" (a database table: its row number).
  const char* row_word = nullptr;

  const Column& column(std::string_view name) const;

  // Each row's body (its index in DataSet::bodies; -1 when the row's body code is missing or is no
  // body's), for a table per body once loaded (set_bodies). Not a column of its own: the body
  // column's codes, two bytes a row, looked up in a table of a body per code. A column of four
  // bytes a row was a fifth of the fresh memory of a run (bench/README.md), and filling it a pass.
  bool has_bodies() const { return body_column_ >= 0; }
  // f(BodyOf<Code>{...}) for the width of the body column's codes: the loops over rows take the
  // accessor of the width they find. Without bodies (a table not per body, or not loaded), an
  // accessor of no rows.
  template <class F>
  decltype(auto) with_bodies(F&& f) const {
    if (!has_bodies()) return f(BodyOf<std::int32_t>{nullptr, &kNoBody, 0});
    const ColumnValues& v = columns[static_cast<std::size_t>(body_column_)].values;
    const std::int32_t* const to = body_of_code_.data();
    const auto last = static_cast<std::uint32_t>(body_of_code_.size() - 1);
    if (v.half()) return f(BodyOf<std::uint16_t>{v.halves(), to, last});
    if (v.narrow()) return f(BodyOf<std::int8_t>{v.bytes(), to, last});
    return f(BodyOf<std::int32_t>{v.wide(), to, last});
  }
  // Row r's body (a branch on the codes' width: loops take with_bodies's accessor instead).
  std::int32_t body(std::size_t r) const {
    return with_bodies([r](const auto& b) { return b[r]; });
  }
  // Every row's body, in row order (empty without bodies): for tests and messages, not for loops.
  std::vector<std::int32_t> row_bodies() const {
    std::vector<std::int32_t> out;
    if (has_bodies())
      with_bodies([&](const auto& body) {
        for (std::size_t r = 0; r < rows; ++r) out.push_back(body[r]);
      });
    return out;
  }
  // The bodies of the rows: column `column`'s codes, code c of body body_of_code[c] (-1: none).
  void set_bodies(int column, std::vector<std::int32_t> body_of_code) {
    body_of_code.push_back(-1);  // for a missing code
    body_of_code_ = std::move(body_of_code);
    body_column_ = column;
  }

 private:
  static constexpr std::int32_t kNoBody = -1;
  int body_column_ = -1;
  std::vector<std::int32_t> body_of_code_;
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

  // The bodies' codes in the order of `bodies`, hashed (the loader's build_bodies): body_index
  // is then one lookup rather than a binary search of string compares (a table's every body code
  // is looked up once, thousands of them). Without them (a data set made otherwise), the search.
  std::vector<std::string> body_codes;
  TextIndex body_lookup;
};

// Columns of a table as they appear in files: the schema without the derived ones, which are
// computed from the others and a file must not need.
bool is_derived(const TableSchema& table, std::string_view column);
std::vector<std::string> file_columns(const TableSchema& table);

}  // namespace ereje::input
