// Collecting the errors of data files (Reporter), and finding the line and column of a row's field
// when a message needs them (RowLocator): TableBuilder and the loader report through these.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/Diagnostic.hpp"
#include "input/CsvScanner.hpp"
#include "input/Limits.hpp"
#include "input/MappedFile.hpp"
#include "input/Schema.hpp"
#include "input/TextTable.hpp"

namespace ereje::input {

// Collects every error of every file, at most kMaxErrorsPerFile per file, then throws them all.
class Reporter {
 public:
  // Null when the file already has as many errors as we report.
  Diagnostic* add(Diagnostic d) {
    auto& n = per_file_[d.file];
    if (n >= kMaxErrorsPerFile) {
      overflowed_.insert(d.file);
      return nullptr;
    }
    ++n;
    list_.push_back(std::move(d));
    return &list_.back();
  }
  // True when an error about `file` would not be kept, and noted as such: a file with an error on
  // each of its million rows then costs no message work past the first few.
  bool saturated(const std::string& file) {
    auto it = per_file_.find(file);
    if (it == per_file_.end() || it->second < kMaxErrorsPerFile) return false;
    overflowed_.insert(file);
    return true;
  }
  bool empty() const { return list_.empty(); }
  // Throws every error kept, the last of each file that had more saying where its list stops.
  // `warnings` (the data set's so far) go with the errors.
  [[noreturn]] void raise(const std::vector<Diagnostic>& warnings = {});

 private:
  std::vector<Diagnostic> list_;  // add() hands out a pointer valid until the next add()
  std::map<std::string, std::size_t> per_file_;
  std::set<std::string> overflowed_;
};

// Line texts of a CSV file held as text, indexed only once a message needs one.
class SourceLines {
 public:
  explicit SourceLines(const std::string& source) : source_(source) {}
  // The text of line `n` (1-based), cut as messages quote it; empty past the end.
  std::string_view line(std::size_t n);

 private:
  const std::string& source_;
  std::vector<std::size_t> starts_;
};

// Finds a field of a row in its file, for messages: only errors ask, so it may take some work.
class RowLocator {
 public:
  virtual ~RowLocator() = default;
  // Line, column and line text of field `f` (header position) of row `r`.
  virtual CsvPlace place(std::size_t r, std::size_t f) = 0;
  // The text of physical line `n` (the header's, for a missing column).
  virtual std::string_view line(std::uint32_t n) = 0;
};

// Rows held as text, with their positions: JSON files, tests, rule-file tests.
class TextTableLocator final : public RowLocator {
 public:
  explicit TextTableLocator(TextTable tt) : tt_(std::move(tt)), lines_(tt_.source) {}
  const TextTable& table() const { return tt_; }
  CsvPlace place(std::size_t r, std::size_t f) override {
    const std::uint32_t line = tt_.line_of(r, f);
    return {line, tt_.col_of(r, f), lines_.line(line)};
  }
  std::string_view line(std::uint32_t n) override { return lines_.line(n); }

 private:
  TextTable tt_;
  SourceLines lines_;  // over tt_.source: declared after it
};

// Rows read straight from a mapped CSV file. Positions are not kept per row (that would double the
// memory of a table); the start of every kStride-th record is, and a message about a row reads
// forward from the nearest one.
class CsvLocator final : public RowLocator {
 public:
  // 256 records: a message reads at most a few kilobytes to find its row; the marks take 1/16 of
  // the memory of one int32 column.
  static constexpr std::size_t kStride = 256;
  struct Mark {
    std::size_t row;
    const char* start;
    std::uint32_t line;
  };

  // Maps `path` and starts a scanner after its byte-order mark, if any.
  CsvLocator(const std::string& path, const std::string& display_name, const TableSchema& ts);
  MappedFile& file() { return file_; }
  CsvScanner& scanner() { return scanner_; }
  std::string_view text() const { return file_.bytes().substr(bom_); }
  void at_row(std::size_t r, const CsvRecord& rec) { at_row(r, rec.start, rec.line); }
  // Row `r` starts at `start` in the mapping, on `line` (a record read from a copy of its bytes).
  void at_row(std::size_t r, const char* start, std::uint32_t line) {
    if (r % kStride == 0) marks_.push_back({r, start, line});
  }
  // The marks of a piece read by another thread, its rows and lines shifted to the whole file's.
  void add_marks(const std::vector<Mark>& marks, std::size_t row_offset, std::uint32_t line_offset) {
    for (const Mark& m : marks) marks_.push_back({m.row + row_offset, m.start, m.line + line_offset});
  }
  CsvPlace place(std::size_t r, std::size_t f) override;
  std::string_view line(std::uint32_t n) override { return scanner_.line_text(n); }

 private:
  MappedFile file_;
  std::size_t bom_;
  CsvScanner scanner_;
  std::vector<Mark> marks_;  // by row
};

// A piece of a file read by another thread: nothing asks it for positions (an error there sends
// the piece back to be read the ordinary way).
class NoLocator final : public RowLocator {
 public:
  CsvPlace place(std::size_t, std::size_t) override { return {}; }
  std::string_view line(std::uint32_t) override { return {}; }
};

}  // namespace ereje::input
