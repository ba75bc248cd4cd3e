// Loading agency data from CSV, step one: bytes to records (RFC 4180, and the dialects of
// CsvDialect.hpp: `;` between fields, quotes inside unquoted fields), one pass with pointers.
// Both CSV readers use it: load_folder puts the fields straight into columns, parse_csv keeps them
// as a TextTable. A field's line and column are worked out only when something needs them.
#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Diagnostic.hpp"
#include "input/CsvDialect.hpp"
#include "input/Schema.hpp"

namespace ereje::input {

struct CsvRecord {
  // The fields, pointing into the file, or into the scanner's scratch space for a quoted field whose
  // text differs from its bytes (a doubled quote); valid until the next record.
  // At most the header's width are kept: a longer record is a ragged row, known from `count`.
  std::vector<std::string_view> fields;
  std::size_t count = 0;           // fields in the record
  const char* start = nullptr;     // its first byte
  std::uint32_t line = 0;          // the physical line of its first byte
  bool multiline = false;          // a quoted field holds a line break
  bool copied = false;             // a field is in the scratch space (reused by the next record)
};

// Where a field starts, for messages: line, column in code points (both 1-based) and that line.
struct CsvPlace {
  std::uint32_t line = 0, col = 0;
  std::string_view line_text;
};

class CsvScanner {
 public:
  // `text` is the file without its byte-order mark, `bom` the mark's length (for byte offsets in
  // messages). `table`, when given, lets an empty file's message list the header it should have.
  CsvScanner(std::string_view text, std::size_t bom, std::string display_name, const TableSchema* table);

  // The header row. With a table, the separator is first recognised from it (detect_separator):
  // `;` or `,`. Throws InputError on invalid UTF-8, a syntax error, an empty file, a duplicate
  // column name or more than kMaxColumns columns: one error, followed (but for invalid UTF-8, which
  // puts the whole file in doubt) by warnings().
  void read_header(std::vector<std::string>& names, std::vector<std::uint32_t>& cols, std::uint32_t& line);
  // The next record; false at the end of the file. Blank lines are skipped (they are not records).
  // Throws InputError, as read_header does, on invalid UTF-8, a syntax error, a ragged row, a field
  // or a record over its limit.
  bool next(CsvRecord& rec);

  // What was read as written but deserves a word (CsvDialect.hpp): one warning per kind, in the
  // order of their lines.
  std::vector<Diagnostic> warnings() const;
  // Quotes inside unquoted fields so far; those of a piece read by another scanner are added in
  // file order (add_stray_quotes), its lines shifted by `line_offset`.
  const StrayQuotes& stray_quotes() const { return stray_; }
  void add_stray_quotes(const StrayQuotes& piece, std::uint32_t line_offset) { stray_.add(piece, line_offset); }

  // Where field `field` of the record starting at `start` (on line `line`) begins.
  CsvPlace place(const char* start, std::uint32_t line, std::size_t field) const;
  // Line and column of every field of a record (what TextTable keeps).
  void place_all(const CsvRecord& rec, std::vector<std::uint32_t>& cols, std::vector<std::uint32_t>& lines) const;
  // From the start of a record, the start and line of the record `n` records further on.
  const char* skip(const char* start, std::uint32_t& line, std::size_t n) const;
  // The physical line starting at `start`, cut at kMaxShownLineBytes.
  std::string_view line_at(const char* start) const;
  // The text of physical line `line` (a walk from the top: for messages only).
  std::string_view line_text(std::uint32_t line) const;

  // Reading a file in pieces, one thread a piece (load_folder). A piece after the first starts at
  // a line start that is taken for a record's start, with no header: `expect_width` gives the
  // header's width and the file's separator. The piece before it stops there (next() returns
  // false) when its reading arrives exactly there: `stopped()`; when a quoted field spans the
  // point, reading goes on.
  void expect_width(std::size_t width, char separator) {
    width_ = width;
    use_separator(separator);
  }
  char separator() const { return sep_; }
  void stop_at(const char* stop) { stop_ = stop; }
  bool stopped() const { return stop_ != nullptr && p_ == stop_; }
  // Continues at `at`, the start of physical line `line`, counting `rows` records read so far.
  void seek(const char* at, std::uint32_t line, std::size_t rows) {
    p_ = line_start_ = at;
    line_ = line;
    rows_ = rows;
  }
  std::uint32_t line() const { return line_; }
  std::size_t rows() const { return rows_; }

  // Plain records at once, for the hot loop of load_folder: from the position, up to `max` records
  // that are ASCII, unquoted, end in LF or CRLF and have as many fields as the header. Field f of
  // the j-th goes to dest[f][at + j]; dest has the header's width + 64 entries (a chunk of 64 bytes
  // may hold that many fields past the header's before a ragged record is recognised; they are
  // written and dropped). Stops before anything else: a blank line, a quote, a byte of a non-ASCII
  // character, a stray CR, a ragged record, a record near a limit, the last 64 bytes of the text,
  // the point of stop_at. next() then reads that record and decides about it. Returns the number
  // of records read; the position, line and row count move on past them as next() would move them.
  std::size_t plain_records(std::string_view* const* dest, std::size_t at, std::size_t max);

  // Where the scan is: everything before it has been read and checked.
  const char* position() const { return p_; }
  const std::string& name() const { return name_; }

  [[noreturn]] void fail(std::string code, std::uint32_t line, const char* line_start, std::uint32_t col,
                         std::string message, std::string help) const;

 private:
  void use_separator(char separator);
  std::string_view read_plain();
  std::string_view read_quoted(std::size_t field);
  bool read_record(CsvRecord& rec, std::size_t keep);
  template <char Sep>
  bool fast_record(CsvRecord& rec, std::size_t keep);
  template <char Sep>
  std::size_t plain_records_sep(std::string_view* const* dest, std::size_t at, std::size_t max);
  void new_line(const char* next);
  std::uint32_t col_at(const char* line_start, const char* q) const;
  [[noreturn]] void fail_utf8() const;
  [[noreturn]] void raise(Diagnostic d) const;
  [[noreturn]] void fail_long_field(const char* start, std::uint32_t line, const char* line_start) const;
  [[gnu::cold, gnu::noinline]] void stray_quote(const char* field, const char* q);
  std::string& scratch(std::size_t field);

  const char* begin_;
  const char* p_;
  const char* end_;
  std::size_t bom_;
  char sep_ = ',';
  const bool* special_;  // the bytes that end a run of plain field text, with this separator
  std::uint32_t line_ = 1;
  const char* line_start_;
  std::size_t width_ = 0;  // fields in the header; 0 until it is read
  const char* stop_ = nullptr;
  std::size_t rows_ = 0;   // records after the header
  // Where the last record read ended (before its line break), for "too few fields".
  const char* rec_end_ = nullptr;
  std::uint32_t rec_end_line_ = 0;
  const char* rec_end_line_start_ = nullptr;
  std::string name_;
  const TableSchema* table_;
  std::deque<std::string> scratch_;  // a deque: growing it never moves the strings fields point into
  std::optional<Diagnostic> semicolon_;  // the warning for a file read with `;`
  StrayQuotes stray_;
  const char* stray_field_ = nullptr;  // the field whose stray quote was counted last
  bool copied_ = false;                // read_quoted unquoted a field into scratch space
};

}  // namespace ereje::input
