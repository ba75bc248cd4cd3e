// Second step of loading agency data: records checked against data.md and turned into columns.
// Records come straight from CsvScanner over a mapped file (load_folder), or from a TextTable (JSON
// files, tests, rule-file tests); one TableBuilder validates both, so both say the same. Every error
// names file, line and column; any error stops the run before a single result is computed.
#pragma once
#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/Diagnostic.hpp"
#include "input/Reporter.hpp"
#include "input/Schema.hpp"
#include "input/Table.hpp"

namespace ereje::input {

// Thrown by a reader writing into columns that other readers write into at once (write_into,
// presize) when a text column's codes outgrow its two bytes a row: the column cannot be widened
// while the others write. The caller reads the table again with four-byte text (wide_text).
struct CodesTooWide : std::runtime_error {
  CodesTooWide() : std::runtime_error("a text column's codes outgrew two bytes while several readers wrote") {}
};

// Rows whose reference to another row of the same table and body is wrong, as (row, names itself),
// in file order: e.g. a subtype's parent_id must be the service_id of another service of the same
// body (`reference parent_id to services.service_id same body`).
using BadParents = std::vector<std::pair<std::uint32_t, bool>>;

// The reference that the key check of `ts` also checks: to the last column of a key (body column,
// code) from another column of the same table, within the same body. Null when there is none.
const Reference* self_reference(const TableSchema& ts);

// Validates the records of one table against its schema and encodes them into the table's columns,
// one record at a time; keeps what the checks across tables need to point back at fields.
class TableBuilder {
 public:
  TableBuilder(const TableSchema& ts, Table& t, std::string file, bool json, Reporter& reporter,
               std::unique_ptr<RowLocator> locator)
      : ts_(ts), t_(t), json_(json), reporter_(&reporter), locator_(std::move(locator)) {
    t_ = Table{};
    t_.schema = &ts_;
    t_.present = true;
    t_.file = std::move(file);
    if (json_) t_.row_word = "record";
  }

  // The file's header, checked against the schema; the columns it has are made ready for rows.
  // `json_without_records`: a JSON file with no records has no keys at all, and that is no error.
  void header(const std::vector<std::string>& names, const std::vector<std::uint32_t>& cols, std::uint32_t line,
              bool json_without_records);
  // Only the second part of header(): for a piece of a file whose header was checked already.
  void columns(const std::vector<std::string>& names);
  // Text columns at four bytes a row from the start (after header or columns, before any row):
  // for readers that write alongside others and could not widen a column later.
  void wide_text();
  // What is odd in the file but not wrong (columns the contract does not declare).
  std::vector<Diagnostic> warnings;
  // Where the rows go. By default into this builder's own table, whose columns grow as rows come.
  // A piece of a file read by another thread writes into the first reader's table instead, from
  // row `base` on, at most `limit` rows, into columns already sized for them (presize): nothing
  // is resized while several threads write, each into rows of its own.
  void write_into(Table& out, std::size_t base, std::size_t limit) {
    out_ = &out;
    base_ = base;
    limit_ = limit;
    fixed_ = true;
  }
  // This table's columns sized for `rows` rows at once (not written: see PageAllocator), and this
  // reader held to the first `limit` of them while pieces write further on.
  void presize(std::size_t rows, std::size_t limit);
  // Whether another row may be read (the limit of write_into or presize).
  bool room() const { return t_.rows < limit_; }
  // No piece writes any more: the limit is lifted and the columns may grow again.
  void unfix() {
    fixed_ = false;
    limit_ = kNoLimit;
  }
  // Takes the rows a piece wrote into this table from row `base` on (`piece`: the piece's own
  // table, which holds its dictionaries and row count; it read the rows that follow these in the
  // file): moved down to follow this table's rows, their lines shifted by `line_offset`, text
  // codes translated to this table's dictionaries in the piece's first-seen order. The result is
  // what one reader going through the whole file would have built.
  void take_piece(Table& piece, std::size_t base, std::uint32_t line_offset);
  void reserve(std::size_t rows);
  // Appends the rows staged so far to the columns (and their lines to the table's lines): done
  // by finish and take_piece; a reader calls it when it stops before finish.
  void flush();
  // Threads the passes over whole columns may use (the result never depends on it).
  void threads(unsigned n) { threads_ = std::max(1u, n); }
  // `--csv-dialect excel-ru`: also read the words Excel writes for true and false in a Russian or
  // Kazakh locale (ИСТИНА/ЛОЖЬ, ДА/НЕТ, АҚИҚАТ/ЖАЛҒАН, ИӘ/ЖОҚ) and a decimal comma (4,87).
  void excel_locale(bool on) { excel_ = on; }
  // Starts row number `rows` (returned) of the table, from `line` of the file (record number in JSON).
  std::size_t start_row(std::uint32_t line) {
    stage_lines_[staged_] = line;
    return t_.rows++;
  }
  // The fields of row `r`: fields[h] under header column h, n of them (missing ones are empty).
  // They are kept as views until the row's block is encoded (flush): `copied` says that some point
  // into memory the caller reuses for the next record (a quoted field with a doubled quote, which
  // the scanner unquotes into scratch space), and they are copied. Anything else they point into
  // must stay as it is until the next flush (a reader through windows flushes before it moves one).
  void encode_row(std::size_t r, const std::string_view* fields, std::size_t n, bool copied = false);
  // Rows straight from CsvScanner::plain_records: field h of staged row i is written to
  // batch_dest()[h][i] (past the header's width: to scratch), from row batch_at() on, at most
  // batch_room() rows (to the end of the block, or the limit); commit_batch(n, line) then takes
  // the n rows so written, on lines `line` on, as n calls of start_row and encode_row would.
  std::string_view* const* batch_dest() const { return dest_.data(); }
  std::size_t batch_at() const { return staged_; }
  std::size_t batch_room() const { return t_.rows < limit_ ? std::min(kStage - staged_, limit_ - t_.rows) : 0; }
  void commit_batch(std::size_t n, std::uint32_t line) {
    if (n > batch_room()) throw std::logic_error("TableBuilder::commit_batch: more rows than there is room for");
    for (std::size_t j = 0; j < n; ++j) stage_lines_[staged_ + j] = line + static_cast<std::uint32_t>(j);
    t_.rows += n;
    staged_ += n;
    if (staged_ == kStage) flush();
  }
  // Derived columns and keys, once every row is in.
  void finish();

  // Header index of a schema column, -1 when the file lacks it.
  int header_index(std::string_view column) const {
    const int i = ts_.column_index(column);
    return i < 0 ? -1 : header_index_[static_cast<std::size_t>(i)];
  }
  // "line 3" or "record 3": how a message names a row of this file.
  std::string row_name(std::size_t r) const {
    return fmt::format("{} {}", json_ ? "record" : "line", line_of_row(r));
  }
  Diagnostic* field_error(std::string code, std::size_t r, int h, std::string message, std::string help);
  bool saturated() { return reporter_->saturated(t_.file); }
  // Where this builder's errors go from now on (a reader trying a faster way first keeps them
  // apart until it knows the way worked: LoadFolder.cpp).
  void report_to(Reporter& reporter) { reporter_ = &reporter; }
  const Table& table() const { return t_; }
  // services: the rows whose parent_id is wrong, found with the keys (reported with the checks
  // across tables, after unknown bodies).
  const BadParents& bad_parents() const { return bad_parents_; }
  // Rows whose parent has a parent itself, in file order: where a cycle of parents may be.
  const std::vector<std::uint32_t>& deep_parents() const { return deep_parents_; }

 private:
  // A column of the schema that the file has: where its field is and how to encode it.
  struct Slot {
    std::size_t c = 0;  // schema index
    std::size_t h = 0;  // header index
    Column* column = nullptr;
    ColumnType type = ColumnType::Text;
    bool may_be_empty = false;
    std::int32_t last = -1;     // Text: the previous row's code (-1 before the first; kNoCache)
    std::uint32_t repeats = 0;  // rows equal to the one before
    std::uint32_t changes = 0;  // rows different from the one before
    std::uint64_t last_head = 0;  // Text: the previous row's value's head_of and length
    std::size_t last_size = 0;
    // Enum of at most kShortEnum values of at most 8 bytes each: their head_of and lengths, so
    // that a field is matched with a compare of two integers. Each value has a place of its own
    // among 8 (the head and length times `enum_mul`, top 3 bits; a multiplier found at bind
    // time): a field's place names the one value it can be, found without a branch (values come
    // in no order a predictor learns). Entry kShortEnum matches nothing (an empty place).
    static constexpr std::size_t kShortEnum = 8;
    std::size_t short_enum = 0;  // values in the arrays; 0: compare the text
    std::uint64_t enum_mul = 0;  // 0: no multiplier found, each value compared in turn
    std::uint8_t enum_place[8] = {};
    std::uint64_t enum_head[kShortEnum + 1] = {};
    std::size_t enum_size[kShortEnum + 1] = {};
  };
  // Rows are staged as views of their fields, kStage rows at a time, and encoded a column at a
  // time when the block is full (flush): one loop per column with its type's code and no switch
  // per field, a key column's new values looked up together (intern_batch), the codes written to
  // a small block that stays in the cache and copied into the column at once.
  static constexpr std::size_t kStage = 256;
  static_assert(kStage <= 65536, "a staged row is a 16-bit index (encode_text)");
  // The line (record) of row r, staged or not.
  std::uint32_t line_of_row(std::size_t r) const {
    if (r < written_) return t_.lines.line(r);
    // The row being encoded is at staged_.
    const std::size_t i = r - written_;
    return i <= staged_ && i < stage_lines_.size() ? stage_lines_[i] : static_cast<std::uint32_t>(r + 1);
  }
  // `v` made at least n long; never while pieces write (fixed_).
  template <class V>
  void grow(V& v, std::size_t n) {
    if (fixed_) throw std::logic_error("TableBuilder: a column sized for several readers would grow");
    v.resize(std::max(n, v.size() + v.size() / 2));
  }
  static constexpr std::size_t kNoLimit = std::numeric_limits<std::size_t>::max();
  static constexpr std::int32_t kNoCache = -2;
  // The staged rows' fields of slot s (views), encoded into `out`: one loop per type. A field
  // that is wrong gets kMissing and is added to bad_ (row, slot); its error is reported by
  // report_bad, in the order of the rows and of the columns within a row.
  void encode_column(std::size_t k, Slot& s, const std::string_view* v, std::int32_t* out);
  void encode_text(std::size_t k, Slot& s, const std::string_view* v, std::int32_t* out);
  void encode_together(std::size_t k, Slot& s, const std::string_view* v, std::int32_t* out, std::size_t from);
  void encode_number(std::size_t k, Slot& s, const std::string_view* v, std::int32_t* out);
  void report_bad();
  void bad(std::size_t i, std::size_t k) { bad_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k)}); }
  // The error paths, out of the way of the loops.
  [[gnu::cold, gnu::noinline]] void empty_error(std::size_t r, const Slot& s);
  [[gnu::cold, gnu::noinline]] void enum_error(std::size_t r, const Slot& s, std::string_view v);
  [[gnu::cold, gnu::noinline]] void bool_error(std::size_t r, const Slot& s, std::string_view v);
  [[gnu::cold, gnu::noinline]] void date_error(std::size_t r, const Slot& s, std::string_view v);
  [[gnu::cold, gnu::noinline]] void number_error(std::size_t r, const Slot& s, std::string_view v);
  void unknown_columns(const std::vector<std::string>& names, const std::vector<std::uint32_t>& cols, std::uint32_t line);
  // Duplicate keys and subtypes' parents, on up to `threads`.
  void check_keys(unsigned threads);
  std::string_view key_text(std::size_t r, std::size_t c) const {
    const Column& col = t_.columns[c];
    return col.dictionary[static_cast<std::size_t>(col.values[r])];
  }

  const TableSchema& ts_;
  Table& t_;
  bool json_;
  Reporter* reporter_;
  std::unique_ptr<RowLocator> locator_;
  unsigned threads_ = 1;           // for the passes over whole columns (take_piece, finish)
  bool excel_ = false;             // excel_locale
  std::vector<int> header_index_;  // per schema column
  std::vector<Slot> slots_;        // the schema's columns the file has, in schema order
  std::vector<std::string_view> views_;    // kStage fields per slot, the staged rows' (encode_row)
  std::vector<std::string_view> sink_;     // kStage fields of the header's columns that are no slot's
  std::vector<std::string_view*> dest_;    // per header column and 64 past them: views_ or sink_
  std::deque<std::string> kept_;           // copies of the staged fields that could not be kept as views
  std::vector<std::pair<std::uint32_t, std::uint32_t>> bad_;  // (staged row, slot) of the wrong fields
  std::vector<std::int32_t> stage_;        // kStage values per slot
  std::vector<std::uint32_t> stage_lines_;  // kStage lines
  std::size_t staged_ = 0;                  // rows staged, not yet in the columns
  Table* out_ = &t_;                        // where rows are written (write_into)
  std::size_t base_ = 0;                    // out_'s row of this builder's first row
  std::size_t limit_ = kNoLimit;            // rows this builder may write
  std::size_t written_ = 0;                 // rows written to out_ (the first written_ rows)
  bool fixed_ = false;                      // out_'s columns must not be resized
  BadParents bad_parents_;
  std::vector<std::uint32_t> deep_parents_;
};

}  // namespace ereje::input
