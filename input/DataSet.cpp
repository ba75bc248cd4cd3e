// Second step of loading agency data: records checked against data.md and turned into columns.
// Records come straight from CsvScanner over a mapped file (load_folder), or from a TextTable (JSON
// files, tests, rule-file tests); one TableBuilder validates both, so both say the same. Every error
// names file, line and column; any error stops the run before a single result is computed.
#include "input/DataSet.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include <sys/mman.h>

#include "core/Date.hpp"
#include "core/Nearest.hpp"
#include "core/Timing.hpp"
#include "input/CsvReader.hpp"
#include "input/CsvScanner.hpp"
#include "input/JsonReader.hpp"
#include "input/MappedFile.hpp"
#include "input/Reporter.hpp"
#include "input/Wording.hpp"

namespace ereje::input {

namespace {
// true, false, 1 or 0 as 1 or 0; -1 for anything else. Byte compares, no call: two columns of
// every service row go through here.
// A number as data files write it: an optional `-`, digits, and for a decimal an optional `.` and
// more digits; nullopt for anything else (a `+`, an exponent, spaces, a decimal comma, `NaN`).
std::optional<Rational> number_value(std::string_view v, bool whole) {
  std::size_t i = v.size() > 1 && v[0] == '-' ? 1 : 0;
  const std::size_t start = i;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
  if (i == start) return std::nullopt;
  if (i < v.size() && v[i] == '.' && !whole) {
    const std::size_t frac = ++i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    if (i == frac) return std::nullopt;
  }
  if (i != v.size()) return std::nullopt;
  auto q = Rational::parse_decimal(v.substr(start));
  if (!q) return std::nullopt;
  return start ? -*q : *q;
}

std::int32_t bool_value(std::string_view v) {
  switch (v.size()) {
    case 1: return v[0] == '1' ? 1 : v[0] == '0' ? 0 : -1;
    case 4: return v[0] == 't' && v[1] == 'r' && v[2] == 'u' && v[3] == 'e' ? 1 : -1;
    case 5: return v[0] == 'f' && v[1] == 'a' && v[2] == 'l' && v[3] == 's' && v[4] == 'e' ? 0 : -1;
    default: return -1;
  }
}
}  // namespace

std::string read_file_text(const std::string& path, const std::string& display_name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw_input_error(data_error("data-unreadable", display_name, 0, 0, {},
                                 fmt::format("cannot read the file: {}", std::strerror(err))));
  }
  std::string text;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.seekg(0, std::ios::beg);
    in.read(text.data(), size);
  }
  if (!in)
    throw_input_error(data_error("data-unreadable", display_name, 0, 0, {}, "cannot read the file: read failed"));
  return text;
}

namespace {

// `needed` as load_folder has it: a table read only because a table read refers to it is named so.
Diagnostic missing_table_error(const std::string& folder, const TableSchema& ts, const Contract& contract,
                               const std::vector<std::string>& needed, const std::string& hint) {
  std::string help = hint;
  const Reference* by = nullptr;
  const TableSchema* from = nullptr;
  for (const auto& other : contract.tables)
    if (&other != &ts && std::find(needed.begin(), needed.end(), other.name) != needed.end())
      for (const auto& ref : other.references)
        if (!by && ref.table == ts.name) by = &ref, from = &other;
  if (help.empty() && ts.lists_bodies)
    help = fmt::format("every run reads `{}` ({}): put {}.csv or {}.json in the folder", ts.name, ts.meaning, ts.name,
                       ts.name);
  else if (help.empty() && by)
    help = fmt::format("`{}.{}` refers to `{}.{}` ({}), and a reference is checked against the rows it names: put {}.csv "
                       "or {}.json in the folder", from->name, by->column, ts.name, by->target, ts.meaning, ts.name,
                       ts.name);
  else if (help.empty())
    help = fmt::format("the rules in force read `{}` ({}): put {}.csv or {}.json in the folder", ts.name, ts.meaning,
                       ts.name, ts.name);
  return data_error("data-missing-table", folder, 0, 0, {},
                    fmt::format("missing data file {}.csv (or {}.json) in the data folder `{}`", ts.name, ts.name,
                                folder),
                    std::move(help));
}

bool is_needed(const TableSchema& ts, const std::vector<std::string>& needed) {
  return ts.lists_bodies || std::find(needed.begin(), needed.end(), ts.name) != needed.end();
}

// ---- memory ------------------------------------------------------------------------------------

// Runs a() on another thread and b() on this one when `threads` > 1, else one after the other. Each
// writes only what the other does not read. An exception from either is rethrown here, after both.
template <class A, class B>
void both(unsigned threads, A&& a, B&& b) {
  if (threads <= 1) {
    a();
    b();
    return;
  }
  std::exception_ptr failed;
  {
    std::jthread other([&] {
      try {
        a();
      } catch (...) {
        failed = std::current_exception();
      }
    });
    b();
  }
  if (failed) std::rethrow_exception(failed);
}

// ---- one table ---------------------------------------------------------------------------------

// Rows whose reference to another row of the same table and body is wrong, as (row, names itself),
// in file order: e.g. a subtype's parent_id must be the service_id of another service of the same
// body (`reference parent_id to services.service_id same body`).
using BadParents = std::vector<std::pair<std::uint32_t, bool>>;

// The reference that the key check of `ts` also checks: to the last column of a key (body column,
// code) from another column of the same table, within the same body. Null when there is none.
const Reference* self_reference(const TableSchema& ts) {
  if (!ts.per_agency || ts.key.size() != 2 || ts.key.front() != ts.body_column) return nullptr;
  for (const auto& r : ts.references)
    if (r.table == ts.name && r.same_body && r.target == ts.key.back() && r.column != r.target) {
      const ColumnSchema* c = ts.column(r.column);
      if (c && c->type == ColumnType::Text && !c->derived) return &r;
    }
  return nullptr;
}

// Validates the records of one table against its schema and encodes them into the table's columns,
// one record at a time; keeps what the checks across tables need to point back at fields.
class TableBuilder {
 public:
  TableBuilder(const TableSchema& ts, Table& t, std::string file, bool json, Reporter& reporter,
               std::unique_ptr<RowLocator> locator)
      : ts_(ts), t_(t), json_(json), reporter_(reporter), locator_(std::move(locator)) {
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
  // Starts row number `rows` (returned) of the table, from `line` of the file (record number in JSON).
  std::size_t start_row(std::uint32_t line) {
    stage_lines_[staged_] = line;
    return t_.rows++;
  }
  // The fields of row `r`: fields[h] under header column h, n of them (missing ones are empty).
  void encode_row(std::size_t r, const std::string_view* fields, std::size_t n);
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
  bool saturated() { return reporter_.saturated(t_.file); }
  const Table& table() const { return t_; }
  // services: the rows whose parent_id is wrong, found with the keys (reported with the checks
  // across tables, after unknown bodies).
  const BadParents& bad_parents() const { return bad_parents_; }
  // Rows whose parent has a parent itself, in file order: where a cycle of parents may be.
  const std::vector<std::uint32_t>& deep_parents() const { return deep_parents_; }
  // The data set's bodies, known before this table is finished (agencies is read first): finish
  // then sets each row's body itself, alongside the other passes over whole columns.
  void bodies_from(const DataSet* ds) { bodies_from_ = ds; }
  // Whether finish set each row's body; the rows whose body code is no body's, in file order.
  bool bodies_assigned() const { return bodies_assigned_; }
  const std::vector<std::uint32_t>& unknown_bodies() const { return unknown_; }

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
    // that a field is matched with a compare of two integers per value.
    static constexpr std::size_t kShortEnum = 8;
    std::size_t short_enum = 0;  // values in the arrays; 0: compare the text
    std::uint64_t enum_head[kShortEnum] = {};
    std::size_t enum_size[kShortEnum] = {};
  };
  // Rows are encoded into a small block per column (kStage rows) and copied into the columns a
  // block at a time: the hot loop writes to memory that stays in the cache, with no size checks.
  static constexpr std::size_t kStage = 256;
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
  // The hot path: inlined into encode_row; the error paths out of its way.
  [[gnu::always_inline]] inline void encode(std::size_t r, Slot& s, std::string_view v, std::int32_t& out);
  [[gnu::cold, gnu::noinline]] void empty_error(std::size_t r, const Slot& s);
  [[gnu::cold, gnu::noinline]] void enum_error(std::size_t r, const Slot& s, std::string_view v);
  [[gnu::cold, gnu::noinline]] void bool_error(std::size_t r, const Slot& s, std::string_view v);
  [[gnu::cold, gnu::noinline]] void date_error(std::size_t r, const Slot& s, std::string_view v);
  [[gnu::cold, gnu::noinline]] void number_error(std::size_t r, const Slot& s, std::string_view v);
  void unknown_columns(const std::vector<std::string>& names, const std::vector<std::uint32_t>& cols, std::uint32_t line);
  // Duplicate keys, subtypes' parents and (with bodies_from) each row's body, on up to `threads`.
  void check_keys(unsigned threads);
  std::string_view key_text(std::size_t r, std::size_t c) const {
    const Column& col = t_.columns[c];
    return col.dictionary[static_cast<std::size_t>(col.values[r])];
  }

  const TableSchema& ts_;
  Table& t_;
  bool json_;
  Reporter& reporter_;
  std::unique_ptr<RowLocator> locator_;
  unsigned threads_ = 1;           // for the passes over whole columns (take_piece, finish)
  std::vector<int> header_index_;  // per schema column
  std::vector<Slot> slots_;        // the schema's columns the file has, in schema order
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
  const DataSet* bodies_from_ = nullptr;
  bool bodies_assigned_ = false;
  std::vector<std::uint32_t> unknown_;
};

Diagnostic* TableBuilder::field_error(std::string code, std::size_t r, int h, std::string message, std::string help) {
  if (json_)
    return reporter_.add(data_error(std::move(code), t_.file, 0, 0, {}, fmt::format("{}: {}", row_name(r), message),
                                    std::move(help)));
  const CsvPlace at = locator_->place(r, h < 0 ? 0 : static_cast<std::size_t>(h));
  return reporter_.add(
      data_error(std::move(code), t_.file, at.line, at.col, at.line_text, std::move(message), std::move(help)));
}

void TableBuilder::header(const std::vector<std::string>& names, const std::vector<std::uint32_t>& cols,
                          std::uint32_t line, bool json_without_records) {
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t h = 0; h < names.size(); ++h) {
    const std::string& name = names[h];
    if (name.empty()) continue;
    auto [it, fresh] = seen.emplace(name, h);
    if (fresh) continue;
    // CsvScanner reports this itself; here for tables built by hand.
    const std::size_t col = h < cols.size() ? cols[h] : 0;
    Diagnostic* d = reporter_.add(data_error("data-duplicate-column", t_.file, json_ ? 0 : line, col,
                                             locator_->line(line),
                                             fmt::format("duplicate column `{}` in the header", name),
                                             "each column name may appear once; rename or remove one of them"));
    if (d) d->notes.push_back({Span{}, fmt::format("`{}` first appears as column {} of the header", name, it->second + 1)});
  }
  columns(names);
  if (json_without_records) return unknown_columns(names, cols, line);
  // All missing columns in one message: a file without its header row would otherwise give one
  // error per column, each repeating the same list.
  std::vector<std::string> missing, fixes;
  bool any_known = false;
  for (std::size_t c = 0; c < ts_.columns.size(); ++c) {
    const ColumnSchema& cs = ts_.columns[c];
    any_known = any_known || header_index_[c] >= 0;
    if (header_index_[c] >= 0 || cs.optional || is_derived(ts_, cs.name)) continue;
    missing.push_back(cs.name);
    if (auto guess = nearest(cs.name, names)) fixes.push_back(fmt::format("rename `{}` to `{}`", *guess, cs.name));
  }
  // The header's other columns get a warning each, unless a column is missing: that error lists
  // the header's columns already, and suggests the renames.
  if (missing.empty()) return unknown_columns(names, cols, line);
  std::string help;
  if (!any_known && !json_) {
    std::string header_line;
    for (const auto& n : file_columns(ts_)) header_line += (header_line.empty() ? "" : ",") + n;
    help = "the first line of the file must be the header naming the columns: " + header_line;
  } else if (!fixes.empty()) {
    help = join(fixes) + " (column names are exact and case-sensitive)";
  } else {
    for (const auto& n : missing) {
      if (!help.empty()) help += "; ";
      help += fmt::format("`{}` is {}", n, ts_.column(n)->meaning);
    }
  }
  std::string list;
  for (const auto& n : missing) list += (list.empty() ? "`" : ", `") + n + "`";
  const char* plural = missing.size() == 1 ? "" : "s";
  const std::string found = names.empty() ? "none" : join(names);
  if (json_)
    reporter_.add(data_error("data-missing-column", t_.file, 0, 0, {},
                             fmt::format("no record has the field{} {}; fields found: {}", plural, list, found),
                             std::move(help)));
  else
    reporter_.add(data_error("data-missing-column", t_.file, line, 1, locator_->line(line),
                             fmt::format("missing column{} {} in the header; found: {}", plural, list, found),
                             std::move(help)));
}

// Columns of the file that the contract in force does not declare are ignored, with one warning
// each: a misspelt name would otherwise leave a column of the data unread without a word.
void TableBuilder::unknown_columns(const std::vector<std::string>& names, const std::vector<std::uint32_t>& cols,
                                   std::uint32_t line) {
  std::vector<std::string> declared;
  for (const auto& c : ts_.columns)
    if (!c.derived) declared.push_back(c.name);
  std::set<std::string_view> seen;
  for (std::size_t h = 0; h < names.size(); ++h) {
    const std::string& name = names[h];
    if (name.empty() || !seen.insert(name).second || (ts_.column(name) && !ts_.column(name)->derived)) continue;
    std::string message, help;
    const ColumnSchema* later = nullptr;
    for (const auto& c : ts_.later)
      if (c.name == name) later = &c;
    if (const ColumnSchema* d = ts_.column(name)) {
      message = fmt::format("column `{}` is derived: computed from the other columns, so the file's values are ignored", name);
      help = d->meaning.empty() ? std::string("remove the column from the file") : fmt::format("`{}` is {}", name, d->meaning);
    } else if (later) {
      message = fmt::format("column `{}` is not in force on the date evaluated: it takes effect on {} (act \"{}\"); "
                            "its values are ignored", name, format_date(later->origin.from), later->origin.act);
      help = "evaluate as of that date or later to read it";
    } else {
      message = fmt::format("column `{}` is not declared by table `{}`: its values are ignored", name, ts_.name);
      if (auto guess = nearest(name, declared)) help = fmt::format("did you mean `{}`?", *guess);
      else help = fmt::format("the table's columns are {}; a clause reads a new column once the rules declare it "
                              "(`column {} TYPE \"…\"` in table `{}`)", join(declared), name, ts_.name);
    }
    const std::size_t col = h < cols.size() ? cols[h] : 0;
    warnings.push_back(data_error("data-unknown-column", t_.file, json_ ? 0 : line, json_ ? 0 : col,
                                  json_ ? std::string_view() : locator_->line(line), std::move(message), std::move(help)));
    warnings.back().severity = Severity::Warning;
  }
}

void TableBuilder::columns(const std::vector<std::string>& names) {
  header_index_.assign(ts_.columns.size(), -1);
  std::set<std::string_view> seen;
  for (std::size_t h = 0; h < names.size(); ++h) {
    const std::string& name = names[h];
    if (name.empty() || !seen.insert(name).second) continue;  // a repeated name: the first one counts
    const int c = ts_.column_index(name);
    if (c >= 0 && !is_derived(ts_, name)) header_index_[static_cast<std::size_t>(c)] = static_cast<int>(h);
  }
  t_.columns.resize(ts_.columns.size());
  slots_.clear();
  for (std::size_t c = 0; c < ts_.columns.size(); ++c) {
    t_.columns[c].schema = &ts_.columns[c];
    t_.columns[c].present = header_index_[c] >= 0 || is_derived(ts_, ts_.columns[c].name);
    if (header_index_[c] < 0) continue;
    Slot s;
    s.c = c;
    s.h = static_cast<std::size_t>(header_index_[c]);
    s.column = &t_.columns[c];
    s.type = ts_.columns[c].type;
    s.may_be_empty = ts_.columns[c].may_be_empty;
    const auto& values = ts_.columns[c].enum_values;
    if (s.type == ColumnType::Enum && values.size() <= Slot::kShortEnum &&
        std::all_of(values.begin(), values.end(), [](const std::string& v) { return !v.empty() && v.size() <= 8; })) {
      s.short_enum = values.size();
      for (std::size_t i = 0; i < values.size(); ++i) {
        s.enum_head[i] = head_of(values[i]);
        s.enum_size[i] = values[i].size();
      }
    }
    slots_.push_back(s);
  }
  stage_.assign(slots_.size() * kStage, 0);
  stage_lines_.assign(kStage, 0);
  staged_ = 0;
}

void TableBuilder::flush() {
  if (staged_ == 0) return;
  const std::size_t at = base_ + written_, n = at + staged_;
  for (std::size_t k = 0; k < slots_.size(); ++k) {
    auto& values = out_->columns[slots_[k].c].values;
    if (values.size() < n) grow(values, n);
    std::memcpy(values.data() + at, stage_.data() + k * kStage, staged_ * sizeof(std::int32_t));
  }
  for (std::size_t i = 0; i < staged_; ++i) t_.lines.push(stage_lines_[i]);  // this builder's own rows
  written_ += staged_;
  staged_ = 0;
}

void TableBuilder::take_piece(Table& piece, std::size_t base, std::uint32_t line_offset) {
  flush();
  const std::size_t at = t_.rows, n = piece.rows;
  if (out_ != &t_ || at > base || written_ != at || piece.lines.size() != n)
    throw std::logic_error("TableBuilder::take_piece: the piece's rows are not where they were written");
  auto one = [&](Slot& s) {
    std::int32_t* v = s.column->values.data();
    if (s.column->values.size() < base + n)
      throw std::logic_error("TableBuilder::take_piece: a column is shorter than the piece's rows");
    if (s.type == ColumnType::Text || is_number(s.type)) {
      const Column& from = piece.columns[s.c];
      std::vector<std::int32_t> code(from.dictionary.size());
      for (std::size_t i = 0; i < from.dictionary.size(); ++i) {
        code[i] = s.column->index.intern(from.dictionary[i], s.column->dictionary);
        if (is_number(s.type) && static_cast<std::size_t>(code[i]) == s.column->numbers.size())
          s.column->numbers.push_back(from.numbers[i]);
      }
      // Front to back: row at + i is never after row base + i, which was read already.
      for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t c = v[base + i];
        v[at + i] = c == kMissing ? kMissing : code[static_cast<std::size_t>(c)];
      }
    } else if (at != base) {
      std::memmove(v + at, v + base, n * sizeof(std::int32_t));
    }
    s.last = s.last == kNoCache ? kNoCache : -1;
  };
  // Each column on its own, the columns shared out between two threads by their cost: a text
  // column's codes are translated (about three times a plain move).
  std::vector<Slot*> mine, other;
  std::size_t cost_mine = 0, cost_other = 0;
  for (Slot& s : slots_) {
    const std::size_t cost = s.type == ColumnType::Text || is_number(s.type) ? 3 : 1;
    if (cost_other < cost_mine) other.push_back(&s), cost_other += cost;
    else mine.push_back(&s), cost_mine += cost;
  }
  both(
      threads_, [&] { for (Slot* s : other) one(*s); }, [&] { for (Slot* s : mine) one(*s); });
  t_.lines.append(piece.lines, line_offset);
  t_.rows += n;
  written_ += n;
  piece = Table{};
}

void TableBuilder::reserve(std::size_t rows) {
  if (fixed_) return;
  for (Slot& s : slots_)
    if (s.column->values.size() < rows) s.column->values.resize(rows);
}

void TableBuilder::presize(std::size_t rows, std::size_t limit) {
  flush();
  reserve(rows);
  fixed_ = true;
  limit_ = limit;
}

void TableBuilder::encode(std::size_t r, Slot& s, std::string_view v, std::int32_t& out) {
  if (v.empty()) {
    out = kMissing;
    if (!s.may_be_empty) empty_error(r, s);
    return;
  }
  switch (s.type) {
    case ColumnType::Text: {
      Column& col = *s.column;
      if (s.last >= 0) {
        // Rows of one body come together: its code repeats row after row. Where the value
        // changes on most rows (a key's code), the check is dropped after the first thousand rows.
        if (v.size() == s.last_size &&
            (v.size() <= 8 ? head_of(v) == s.last_head : same_text(col.dictionary[static_cast<std::size_t>(s.last)], v))) {
          ++s.repeats;
          out = s.last;
          return;
        }
        if (++s.changes == 1024 && s.repeats < 3 * 1024) s.last = kNoCache;
      }
      const std::int32_t code = col.index.intern(v, col.dictionary);
      if (s.last != kNoCache) {
        s.last = code;
        s.last_size = v.size();
        s.last_head = v.size() <= 8 ? head_of(v) : 0;
      }
      out = code;
      return;
    }
    case ColumnType::Enum: {
      if (s.short_enum > 0) {
        if (v.size() <= 8) {
          const std::uint64_t head = head_of(v);
          for (std::size_t i = 0; i < s.short_enum; ++i)
            if (s.enum_size[i] == v.size() && s.enum_head[i] == head) {
              out = static_cast<std::int32_t>(i);
              return;
            }
        }
      } else {
        const auto& values = s.column->schema->enum_values;
        for (std::size_t i = 0; i < values.size(); ++i)
          if (same_text(values[i], v)) {
            out = static_cast<std::int32_t>(i);
            return;
          }
      }
      out = kMissing;
      enum_error(r, s, v);
      return;
    }
    case ColumnType::Bool: {
      const std::int32_t b = bool_value(v);
      if (b >= 0) {
        out = b;
        return;
      }
      out = kMissing;
      bool_error(r, s, v);
      return;
    }
    case ColumnType::Date: {
      if (auto d = parse_date(v)) {
        out = d->days;
        return;
      }
      out = kMissing;
      date_error(r, s, v);
      return;
    }
    case ColumnType::Whole:
    case ColumnType::Decimal: {
      // Exact: the text is kept and read as a decimal fraction, never as a binary double.
      Column& col = *s.column;
      std::int32_t code = col.index.find(v, col.dictionary);
      if (code < 0) {
        auto q = number_value(v, s.type == ColumnType::Whole);
        if (!q) {
          out = kMissing;
          number_error(r, s, v);
          return;
        }
        code = col.index.intern(v, col.dictionary);
        col.numbers.push_back(std::move(*q));
      }
      out = code;
      return;
    }
  }
}

void TableBuilder::encode_row(std::size_t r, const std::string_view* fields, std::size_t n) {
  // No slot (a header naming no column of the table) has no block either: only the row is counted.
  std::int32_t* block = slots_.empty() ? nullptr : stage_.data() + staged_;
  for (Slot& s : slots_) {
    encode(r, s, s.h < n ? fields[s.h] : std::string_view(), *block);
    block += kStage;
  }
  if (++staged_ == kStage) flush();
}

// The error paths of encode, out of its way.

void TableBuilder::empty_error(std::size_t r, const Slot& s) {
  if (saturated()) return;
  const ColumnSchema& cs = *s.column->schema;
  const int h = static_cast<int>(s.h);
  if (json_)
    field_error("data-empty-value", r, h, fmt::format("missing value for required field `{}`", cs.name),
                fmt::format("`{}` is {}; every record needs it (not null, not absent)", cs.name, cs.meaning));
  else
    field_error("data-empty-value", r, h, fmt::format("empty value in required column `{}`", cs.name),
                fmt::format("`{}` is {}; every row needs one", cs.name, cs.meaning));
}

void TableBuilder::enum_error(std::size_t r, const Slot& s, std::string_view v) {
  if (saturated()) return;
  const ColumnSchema& cs = *s.column->schema;
  auto guess = nearest(v, cs.enum_values);
  field_error("data-unknown-value", r, static_cast<int>(s.h),
              fmt::format("unknown value `{}` in column `{}`: expected one of {}", shown(v), cs.name,
                          join(cs.enum_values)),
              guess ? did_you_mean(v, *guess) : fmt::format("`{}` is {}", cs.name, cs.meaning));
}

void TableBuilder::bool_error(std::size_t r, const Slot& s, std::string_view v) {
  if (saturated()) return;
  const ColumnSchema& cs = *s.column->schema;
  const std::string lower = ascii_lower(trim(v));
  std::string help = "write true or false (1 or 0 are also accepted), in lowercase and without spaces";
  if (lower == "true" || lower == "false" || lower == "1" || lower == "0")
    help = fmt::format("write `{}` exactly: lowercase, without spaces", lower);
  field_error("data-bad-bool", r, static_cast<int>(s.h),
              fmt::format("invalid boolean `{}` in column `{}`: expected true, false, 1 or 0", shown(v), cs.name),
              std::move(help));
}

void TableBuilder::number_error(std::size_t r, const Slot& s, std::string_view v) {
  if (saturated()) return;
  const ColumnSchema& cs = *s.column->schema;
  const bool whole = cs.type == ColumnType::Whole;
  std::string help = whole ? "write a whole number in digits, e.g. 12 or -3, without spaces or separators"
                           : "write the number with digits and `.` as the decimal point, e.g. 4.87";
  const std::string t(trim(v));
  if (t.find(',') != std::string::npos && number_value(std::string(t).replace(t.find(','), 1, "."), false))
    help = fmt::format("`.` is the decimal point: write `{}`", std::string(t).replace(t.find(','), 1, "."));
  else if (whole && number_value(t, false))
    help = "this column holds whole numbers; a fraction is not allowed here";
  else if (t != v && number_value(t, whole))
    help = "remove the spaces around the number";
  field_error("data-bad-number", r, static_cast<int>(s.h),
              fmt::format("invalid {} `{}` in column `{}`", whole ? "whole number" : "number", shown(v), cs.name),
              std::move(help));
}

void TableBuilder::date_error(std::size_t r, const Slot& s, std::string_view v) {
  if (saturated()) return;
  const ColumnSchema& cs = *s.column->schema;
  const int h = static_cast<int>(s.h);
  auto digit = [&](std::size_t i) { return i < v.size() && v[i] >= '0' && v[i] <= '9'; };
  const bool shaped = v.size() == 10 && v[4] == '-' && v[7] == '-' && digit(0) && digit(1) && digit(2) &&
                      digit(3) && digit(5) && digit(6) && digit(8) && digit(9);
  if (shaped) {
    const int month = (v[5] - '0') * 10 + (v[6] - '0');
    field_error("data-bad-date", r, h,
                fmt::format("invalid date `{}` in column `{}`: there is no such day", shown(v), cs.name),
                month >= 1 && month <= 12 ? "check the day: it is past the end of that month"
                                          : "months run from 01 to 12 (YYYY-MM-DD)");
    return;
  }
  // Day.month.year is how dates are usually typed here; show the same date the way we read it.
  std::string help = "write dates as YYYY-MM-DD, e.g. 2024-01-31";
  unsigned day = 0, month = 0, year = 0;
  char s1 = 0, s2 = 0;
  int used = 0;
  const std::string copy(v);
  if (std::sscanf(copy.c_str(), "%2u%c%2u%c%4u%n", &day, &s1, &month, &s2, &year, &used) == 5 &&
      static_cast<std::size_t>(used) == copy.size() && s1 == s2 && (s1 == '.' || s1 == '/') && year >= 1000) {
    const std::string iso = fmt::format("{:04}-{:02}-{:02}", year, month, day);
    if (parse_date(iso)) help = fmt::format("write dates as YYYY-MM-DD: `{}` is {}", shown(v), iso);
  }
  field_error("data-bad-date", r, h,
              fmt::format("invalid date `{}` in column `{}`: expected YYYY-MM-DD", shown(v), cs.name),
              std::move(help));
}

// The rows of each value of a text column (rows where it is missing belong to none): group k is
// rows order[b..e) of code `code` when `order` is set, else rows b..e-1 themselves, in file order.
// Registry exports list a body's rows together: then each group is one run of rows and needs no
// index; otherwise a counting sort by code builds one (4 bytes a row).
struct Groups {
  struct Group {
    std::int32_t code;
    std::uint32_t b, e;
  };
  std::vector<Group> list;            // runs in file order, or codes in ascending order
  std::vector<std::uint32_t> order;   // empty when every group is one run
  std::size_t missing = 0;            // rows in no group

  Groups(const LargeVector<std::int32_t>& codes, std::size_t distinct) {
    const std::size_t rows = codes.size();
    bool runs = true;
    {
      std::vector<char> seen(distinct, 0);
      for (std::size_t r = 0, e; r < rows && runs; r = e) {
        const std::int32_t c = codes[r];
        for (e = r + 1; e < rows && codes[e] == c;) ++e;
        if (c == kMissing) {
          missing += e - r;
          continue;
        }
        runs = !seen[static_cast<std::size_t>(c)];
        seen[static_cast<std::size_t>(c)] = 1;
        list.push_back({c, static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(e)});
      }
    }
    if (runs) return;
    list.clear();
    missing = 0;
    std::vector<std::uint32_t> start(distinct + 1, 0);
    for (std::int32_t c : codes)
      if (c != kMissing) ++start[static_cast<std::size_t>(c) + 1];
      else ++missing;
    for (std::size_t c = 0; c < distinct; ++c) start[c + 1] += start[c];
    order.resize(start[distinct]);
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::size_t r = 0; r < rows; ++r)
      if (codes[r] != kMissing) order[fill[static_cast<std::size_t>(codes[r])]++] = static_cast<std::uint32_t>(r);
    for (std::size_t c = 0; c < distinct; ++c)
      if (start[c] < start[c + 1]) list.push_back({static_cast<std::int32_t>(c), start[c], start[c + 1]});
  }
  // Calls fn(code, order or nullptr, b, e) for groups [from, to).
  template <class F>
  void each(std::size_t from, std::size_t to, F&& fn) const {
    for (std::size_t k = from; k < to; ++k) fn(list[k].code, order.empty() ? nullptr : order.data(), list[k].b, list[k].e);
  }
  // The group where the second of two halves of about the same number of rows starts.
  std::size_t middle() const {
    std::size_t total = 0, half = 0, k = 0;
    for (const Group& g : list) total += g.e - g.b;
    for (; k < list.size() && half < total / 2; ++k) half += list[k].e - list[k].b;
    return k;
  }
};

void TableBuilder::check_keys(unsigned threads) {
  std::vector<std::size_t> key;  // schema indices
  for (const auto& k : ts_.key) key.push_back(static_cast<std::size_t>(ts_.column_index(k)));
  for (auto k : key)
    if (header_index_[k] < 0) return;  // already reported as a missing column
  // Key columns are text, and no key of data.md has more than two.
  if (key.size() > 2) throw std::logic_error("check_keys: keys of more than two columns are not supported");
  for (auto k : key)
    if (ts_.columns[k].type != ColumnType::Text) throw std::logic_error("check_keys: key columns are text");
  // Every repeat as (row, first row with that key). Each key column's values are dictionary codes,
  // so the first occurrence of a code (or of a code within a body's group) is found by array lookup.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> repeats;
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  const Column& last = t_.columns[key.back()];
  std::vector<std::uint32_t> first(last.dictionary.size(), kNone);
  if (key.size() == 1) {
    for (std::size_t r = 0; r < t_.rows; ++r) {
      const std::int32_t code = last.values[r];
      if (code == kMissing) continue;
      std::uint32_t& f = first[static_cast<std::size_t>(code)];
      if (f == kNone) f = static_cast<std::uint32_t>(r);
      else repeats.emplace_back(static_cast<std::uint32_t>(r), f);
    }
  } else {
    const Column& group = t_.columns[key.front()];
    // services: once a body's service_ids are marked, each subtype's parent is looked up among
    // them (parent code -> service code, or -1 when no row has it as a service_id).
    const Reference* ref = self_reference(ts_);
    const int parent_c = ref ? ts_.column_index(ref->column) : -1;
    const bool parents = parent_c >= 0 && header_index_[static_cast<std::size_t>(parent_c)] >= 0;
    const Column* parent = parents ? &t_.columns[static_cast<std::size_t>(parent_c)] : nullptr;
    // Without a branch on whether a row has a parent (a third of them, in no order a predictor
    // learns): parent code p is looked up at p + 1, a missing parent at 0, which gives -2. Marks
    // are kept for codes -2 .. n-1: -2 (no parent) is always marked, -1 (no such service) never.
    std::vector<std::int32_t> as_service;
    if (parents) {
      as_service.resize(parent->dictionary.size() + 1);
      as_service[0] = -2;
      for (std::size_t i = 0; i < parent->dictionary.size(); ++i) as_service[i + 1] = last.code_of(parent->dictionary[i]);
    }
    const Groups groups(group.values, group.dictionary.size());
    // Each row's body in the same pass, when the groups are the bodies' (the body column) and every
    // row has one: the body of each code, -1 for a code that is no body's.
    const bool bodies = bodies_from_ && ts_.per_agency && ts_.columns[key.front()].name == ts_.body_column &&
                        groups.missing == 0;
    std::vector<std::int32_t> body_of;
    if (bodies) {
      body_of.resize(group.dictionary.size());
      for (std::size_t i = 0; i < group.dictionary.size(); ++i) body_of[i] = bodies_from_->body_index(group.dictionary[i]);
      t_.body.resize(t_.rows);  // not written (PageAllocator): every row is in exactly one group
    }
    // One half of the groups: repeats, bad parents and rows of no body, each in its own lists.
    struct Half {
      std::vector<std::pair<std::uint32_t, std::uint32_t>> repeats;
      BadParents bad;
      std::vector<std::uint32_t> unknown;
      std::vector<std::uint32_t> deep;  // rows whose parent has a parent itself (parent_cycles)
    };
    auto half_pass = [&](std::size_t from, std::size_t to, Half& out) {
      // The codes of the current group as one bit each: a few kilobytes, in the first-level cache
      // (an array of a word per code is read at random places and costs a cache miss a row).
      std::vector<std::uint64_t> marks((last.dictionary.size() + 2 + 63) / 64 + 1, 0);
      marks[0] = 1;  // code -2
      // The codes of the group's rows that have a parent: a parent among them is a chain of two or
      // more, which may close into a cycle (checked after the pass, on those rows only).
      std::vector<std::uint64_t> sub_marks(parents ? marks.size() : 0, 0);
      std::unordered_map<std::int32_t, std::uint32_t> firsts;  // a group's first row of each code, at a repeat
      std::vector<std::uint32_t> pending;  // rows whose parent was not marked yet when met
      auto marked = [](const std::uint64_t* mark, std::int32_t code) {
        return (mark[(static_cast<std::size_t>(code) + 2) >> 6] >> ((static_cast<std::size_t>(code) + 2) & 63)) & 1;
      };
      // One pass over a group's rows (row(i) for i in [b, e)): repeats found, codes marked, each
      // parent looked up among the codes marked so far, the row's body set; the few whose parent
      // comes later in the group (or never) are looked up again at its end.
      auto group_pass = [&](std::int32_t g, std::size_t b, std::size_t e, auto row) {
        const std::int32_t* const codes = last.values.data();  // locals: they stay in registers
        const std::int32_t* const parent_codes = parents ? parent->values.data() : nullptr;
        const std::int32_t* const service_of = as_service.data();
        std::uint64_t* const mark = marks.data();
        std::int32_t* const body = bodies ? t_.body.data() : nullptr;
        const std::int32_t body_here = bodies ? body_of[static_cast<std::size_t>(g)] : -1;
        if (pending.size() < e - b) pending.resize(e - b);
        std::uint32_t* const pend = pending.data();
        std::size_t n_pending = 0;
        bool mapped = false;
        // Unmarked after the group: the whole array when it is smaller than the group, else the
        // words of the group's codes.
        auto unmark = [&](std::vector<std::uint64_t>& bits) {
          if (bits.size() <= e - b) {
            std::fill(bits.begin(), bits.end(), 0);
            return;
          }
          for (std::size_t i = b; i < e; ++i) {
            const std::int32_t code = codes[row(i)];
            if (code != kMissing) bits[(static_cast<std::size_t>(code) + 2) >> 6] = 0;
          }
        };
        for (std::size_t i = b; i < e; ++i) {
          const std::uint32_t r = row(i);
          const std::int32_t code = codes[r];
          if (body) body[r] = body_here;
          if (code != kMissing) {
            if (marked(mark, code)) [[unlikely]] {
              if (!mapped) {
                firsts.clear();
                for (std::size_t j = b; j < i; ++j)
                  if (codes[row(j)] != kMissing) firsts.emplace(codes[row(j)], row(j));
                mapped = true;
              }
              out.repeats.emplace_back(r, firsts.at(code));
            }
            mark[(static_cast<std::size_t>(code) + 2) >> 6] |= std::uint64_t{1} << ((static_cast<std::size_t>(code) + 2) & 63);
            if (mapped) firsts.emplace(code, r);
          }
          if (parent_codes) {
            const std::int32_t p = parent_codes[r];
            const std::int32_t p_code = service_of[p == kMissing ? 0 : static_cast<std::size_t>(p) + 1];
            pend[n_pending] = r;
            n_pending += !marked(mark, p_code) | (code == p_code);
            if (p != kMissing && code != kMissing)
              sub_marks[(static_cast<std::size_t>(code) + 2) >> 6] |= std::uint64_t{1} << ((static_cast<std::size_t>(code) + 2) & 63);
          }
        }
        if (parent_codes) {
          const std::uint64_t* const sub = sub_marks.data();
          for (std::size_t i = b; i < e; ++i) {
            const std::uint32_t r = row(i);
            const std::int32_t p = parent_codes[r];
            if (p == kMissing) continue;
            const std::int32_t p_code = service_of[static_cast<std::size_t>(p) + 1];
            if (p_code >= 0 && p_code != codes[r] && marked(sub, p_code)) [[unlikely]]
              out.deep.push_back(r);
          }
          unmark(sub_marks);
        }
        if (body && body_here < 0)
          for (std::size_t i = b; i < e; ++i) out.unknown.push_back(row(i));
        for (std::size_t k = 0; k < n_pending; ++k) {
          const std::uint32_t r = pend[k];
          const std::int32_t p = parent_codes[r];
          const std::int32_t p_code = service_of[p == kMissing ? 0 : static_cast<std::size_t>(p) + 1];
          if (codes[r] == p_code) out.bad.emplace_back(r, true);
          else if (!marked(mark, p_code)) out.bad.emplace_back(r, false);
        }
        unmark(marks);
        marks[0] |= 1;
      };
      groups.each(from, to, [&](std::int32_t g, const std::uint32_t* order, std::size_t b, std::size_t e) {
        if (order) group_pass(g, b, e, [order](std::size_t i) { return order[i]; });
        else group_pass(g, b, e, [](std::size_t i) { return static_cast<std::uint32_t>(i); });
      });
    };
    // The two halves of the groups on two threads (each row is in one group: no row is written
    // twice), their findings then put in file order.
    Half a, b;
    const std::size_t mid = threads > 1 ? groups.middle() : groups.list.size();
    both(
        threads, [&] { half_pass(mid, groups.list.size(), b); }, [&] { half_pass(0, mid, a); });
    repeats = std::move(a.repeats);
    repeats.insert(repeats.end(), b.repeats.begin(), b.repeats.end());
    bad_parents_ = std::move(a.bad);
    bad_parents_.insert(bad_parents_.end(), b.bad.begin(), b.bad.end());
    deep_parents_ = std::move(a.deep);
    deep_parents_.insert(deep_parents_.end(), b.deep.begin(), b.deep.end());
    std::sort(deep_parents_.begin(), deep_parents_.end());
    if (bodies) {
      unknown_ = std::move(a.unknown);
      unknown_.insert(unknown_.end(), b.unknown.begin(), b.unknown.end());
      std::sort(unknown_.begin(), unknown_.end());
      bodies_assigned_ = true;
    }
    std::sort(repeats.begin(), repeats.end());
    std::sort(bad_parents_.begin(), bad_parents_.end());
  }
  // Reported in file order, as a reader meets them.
  const int h_last = header_index(ts_.key.back());
  for (const auto& [r, f] : repeats) {
    if (saturated()) break;
    const std::string& last_name = ts_.key.back();
    std::string message = fmt::format("duplicate {} `{}`", last_name, shown(key_text(r, key.back())));
    for (std::size_t i = 0; i + 1 < ts_.key.size(); ++i)
      message += fmt::format(" for {} `{}`", ts_.key[i], shown(key_text(r, key[i])));
    message += fmt::format(": already on {}", row_name(f));
    std::string help = ts_.key.size() == 1 ? fmt::format("each {} must be unique in the table", last_name)
                                           : fmt::format("each ({}) must be unique in the table", join(ts_.key));
    if (Diagnostic* d = field_error("data-duplicate-key", r, h_last, std::move(message), std::move(help))) {
      if (json_) {
        d->notes.push_back({Span{}, fmt::format("first occurrence: {}", row_name(f))});
      } else {
        const CsvPlace at = locator_->place(f, static_cast<std::size_t>(h_last));
        d->notes.push_back({Span{}, fmt::format("first occurrence: line {}, column {}", at.line, at.col)});
      }
    }
  }
}

void TableBuilder::finish() {
  flush();
  unfix();
  // Columns were sized ahead of the rows: cut to the rows read. Capacity never written holds no
  // memory (its pages were never touched); only a gross overestimate is given back.
  for (std::size_t c = 0; c < ts_.columns.size(); ++c) {
    LargeVector<std::int32_t>& values = t_.columns[c].values;
    if (header_index_[c] < 0) {
      if (ts_.columns[c].derived) {  // computed after reading (interp::prepare_data), when read
        LargeVector<std::int32_t>().swap(values);
        t_.columns[c].loaded = false;
        continue;
      }
      fill_large(values, t_.rows, kMissing);
      continue;
    }
    values.resize(t_.rows);
    if (values.capacity() > 2 * t_.rows + 4096) values.shrink_to_fit();
  }
  check_keys(threads_);
}

Table absent_table(const TableSchema& ts) {
  Table t;
  t.schema = &ts;
  t.present = false;
  t.columns.resize(ts.columns.size());
  for (std::size_t c = 0; c < ts.columns.size(); ++c) {
    t.columns[c].schema = &ts.columns[c];
    t.columns[c].present = false;
  }
  return t;
}

// ---- across tables -----------------------------------------------------------------------------

// Every body code of a table whose rows belong to bodies must be in the table of bodies: `unknown`
// holds the rows whose code is none (found while each row's body was set), in file order.
void check_agencies(const Table& agencies, const Table& t, const std::vector<std::uint32_t>& unknown,
                    TableBuilder& b) {
  const Column& known = agencies.column(agencies.schema->body_column);
  const std::string& column = t.schema->body_column;
  const Column& ids = t.column(column);
  const int h = b.header_index(column);
  // An empty table of bodies (a JSON file `[]` has not even a header) knows no body: every row of
  // another table is then a row of an unknown body, as with any other table of bodies.
  if (!ids.present) return;
  for (const std::uint32_t r : unknown) {
    if (b.saturated()) break;
    const std::string& id = ids.dictionary[static_cast<std::size_t>(ids.values[r])];
    auto guess = nearest(id, known.dictionary, Guess::Code);
    b.field_error("data-unknown-agency", r, h,
                  fmt::format("unknown body `{}` in column `{}`: it is not in {}", shown(id), column,
                              file_name_of(agencies.file)),
                  guess ? did_you_mean(id, *guess)
                        : fmt::format("add the body to {} or correct the code", file_name_of(agencies.file)));
  }
}

// Each row's body (its index in ds.bodies, -1 when its body code is missing or no body's): one pass
// that writes the column once. Returns the rows whose code is there but is no body's.
std::vector<std::uint32_t> assign_bodies(const DataSet& ds, Table& t) {
  const Column& ids = t.column(t.schema->body_column);
  std::vector<std::int32_t> body_of(ids.dictionary.size());
  for (std::size_t i = 0; i < ids.dictionary.size(); ++i) body_of[i] = ds.body_index(ids.dictionary[i]);
  std::vector<std::uint32_t> unknown;
  build_large(t.body, t.rows, [&](std::size_t r) {
    const std::int32_t code = ids.values[r];
    if (code == kMissing) return std::int32_t{-1};
    const std::int32_t body = body_of[static_cast<std::size_t>(code)];
    if (body < 0) unknown.push_back(static_cast<std::uint32_t>(r));
    return body;
  });
  return unknown;
}

void check_parents(const Table& table, const BadParents& bad, TableBuilder& b) {
  const Reference& ref = *self_reference(*table.schema);
  const Column& agency = table.column(table.schema->body_column);
  const Column& parent = table.column(ref.column);
  const int h = b.header_index(ref.column);
  for (const auto& [r, self] : bad) {
    if (b.saturated()) break;
    const std::string& p = parent.dictionary[static_cast<std::size_t>(parent.values[r])];
    if (self) {
      b.field_error("data-unknown-parent", r, h,
                    fmt::format("`{}` `{}` names the row itself: it is the row's own {}", ref.column, shown(p), ref.target),
                    fmt::format("`{}` refers to another row of the same body (`reference {} to {}.{} same body`)",
                                ref.column, ref.column, ref.table, ref.target));
      continue;
    }
    const std::string& a = agency.dictionary[static_cast<std::size_t>(agency.values[r])];
    b.field_error("data-unknown-parent", r, h,
                  fmt::format("unknown {} `{}` in column `{}`: body `{}` has no row with that {}", ref.target, shown(p),
                              ref.column, shown(a), ref.target),
                  ref.meaning.empty()
                      ? fmt::format("`{}` is the {} of another row of the same body", ref.column, ref.target)
                      : ref.meaning);
  }
}

// Parents that form a cycle (S2's parent is S4, S4's is S3, S3's is S2): each row's parent exists,
// so no other check fails, yet none of them is a main row, and a count by main rows drops them
// all. Every row of a cycle has a parent that has a parent: the key check lists those rows
// (`deep`, rare: none in a registry of two levels), and only they are followed.
void check_parent_cycles(const Table& table, const std::vector<std::uint32_t>& deep, TableBuilder& b) {
  if (deep.empty()) return;
  const Reference& ref = *self_reference(*table.schema);
  const Column& agency = table.column(table.schema->body_column);
  const Column& parent = table.column(ref.column);
  const Column& own = table.column(ref.target);
  auto key = [&](std::uint32_t r, std::int32_t code) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(agency.values[r])) << 32) | static_cast<std::uint32_t>(code);
  };
  std::unordered_map<std::uint64_t, std::uint32_t> row_of;  // (body, own code) -> deep row
  for (const std::uint32_t r : deep)
    if (agency.values[r] != kMissing && own.values[r] != kMissing) row_of.emplace(key(r, own.values[r]), r);
  auto next = [&](std::uint32_t r) -> std::int64_t {
    const std::int32_t p = parent.values[r];
    if (p == kMissing || agency.values[r] == kMissing) return -1;
    const std::int32_t o = own.code_of(parent.dictionary[static_cast<std::size_t>(p)]);
    if (o < 0) return -1;
    auto it = row_of.find(key(r, o));
    return it == row_of.end() ? std::int64_t{-1} : static_cast<std::int64_t>(it->second);
  };
  std::unordered_map<std::uint32_t, std::uint8_t> state;  // 1: on the walk now, 2: done
  const int h = b.header_index(ref.column);
  for (const std::uint32_t start : deep) {
    if (state.count(start)) continue;
    std::vector<std::uint32_t> walk;
    std::int64_t r = start;
    while (r >= 0) {
      const auto u = static_cast<std::uint32_t>(r);
      if (auto st = state.find(u); st != state.end()) {
        if (st->second == 1 && !b.saturated()) {
          // A cycle, from u around to u: said once, at its first row in the file.
          std::vector<std::uint32_t> cycle(std::find(walk.begin(), walk.end(), u), walk.end());
          std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
          std::string path;
          for (const std::uint32_t c : cycle)
            path += "`" + shown(own.dictionary[static_cast<std::size_t>(own.values[c])]) + "` → ";
          path += "`" + shown(own.dictionary[static_cast<std::size_t>(own.values[cycle.front()])]) + "`";
          b.field_error("data-parent-cycle", cycle.front(), h,
                        fmt::format("the `{}` of body `{}` form a cycle: {}; none of them is a main row", ref.column,
                                    shown(agency.dictionary[static_cast<std::size_t>(agency.values[cycle.front()])]),
                                    path),
                        fmt::format("a chain of `{}` ends at a row whose `{}` is empty: correct one of them", ref.column,
                                    ref.column));
        }
        break;
      }
      state[u] = 1;
      walk.push_back(u);
      r = next(u);
    }
    for (const std::uint32_t w : walk) state[w] = 2;
  }
}

// Every other reference (`reference COLUMN to TABLE.TARGET [same body]`): each value present in
// COLUMN must be a value of TABLE.TARGET (of the same body's rows with `same body`). The reference
// that the key check covers (self_reference) is not checked again.
void check_references(const DataSet& ds, const Table& t, TableBuilder& b) {
  const TableSchema& ts = *t.schema;
  for (const auto& ref : ts.references) {
    if (&ref == self_reference(ts)) continue;
    const int h = b.header_index(ref.column);
    auto target_it = ds.tables.find(ref.table);
    if (h < 0 || target_it == ds.tables.end()) continue;
    const Table& target = target_it->second;
    const int tc = target.schema->column_index(ref.target);
    const int fc = ts.column_index(ref.column);
    if (tc < 0 || fc < 0 || !target.present) continue;
    const Column& from = t.columns[static_cast<std::size_t>(fc)];
    const Column& to = target.columns[static_cast<std::size_t>(tc)];
    // (body, code of the value in `to`), or (-1, code) when bodies do not matter.
    std::set<std::pair<std::int32_t, std::int32_t>> present;
    for (std::size_t r = 0; r < target.rows; ++r) {
      if (to.values.empty() || to.values[r] == kMissing) continue;
      present.insert({ref.same_body && !target.body.empty() ? target.body[r] : -1, to.values[r]});
    }
    auto text_of = [](const Column& c, std::int32_t v) -> std::string {
      const auto code = static_cast<std::size_t>(v);
      if (c.schema->type == ColumnType::Enum) return c.schema->enum_values[code];
      if (c.schema->type == ColumnType::Text || is_number(c.schema->type)) return c.dictionary[code];
      return std::to_string(v);
    };
    for (std::size_t r = 0; r < t.rows; ++r) {
      if (b.saturated()) break;
      if (from.values.empty() || from.values[r] == kMissing) continue;
      const std::string value = text_of(from, from.values[r]);
      std::int32_t code = from.values[r];
      if (to.schema->type == ColumnType::Text || is_number(to.schema->type)) code = to.code_of(value);
      // Two enum columns may list their values in different orders: compare the values, not their
      // positions in two lists.
      if (to.schema->type == ColumnType::Enum) {
        const auto& values = to.schema->enum_values;
        const auto it = std::find(values.begin(), values.end(), value);
        code = it == values.end() ? -1 : static_cast<std::int32_t>(it - values.begin());
      }
      const std::int32_t body = ref.same_body && !t.body.empty() ? t.body[r] : -1;
      if (code >= 0 && present.count({body, code})) continue;
      b.field_error("data-unknown-reference", r, h,
                    fmt::format("unknown {} `{}` in column `{}`: no row of {} has it{}", ref.target, shown(value),
                                ref.column, file_name_of(target.file.empty() ? ref.table : target.file),
                                ref.same_body ? " for the same body" : ""),
                    ref.meaning.empty() ? fmt::format("`{}` refers to `{}.{}`", ref.column, ref.table, ref.target)
                                        : ref.meaning);
    }
  }
}

// The contract's tables with the table of bodies first: its rows are the bodies the other tables'
// rows are checked against as they are read.
std::vector<const TableSchema*> bodies_first(const Contract& contract) {
  std::vector<const TableSchema*> out;
  for (const auto& t : contract.tables)
    if (t.lists_bodies) out.push_back(&t);
  for (const auto& t : contract.tables)
    if (!t.lists_bodies) out.push_back(&t);
  return out;
}

// ---- a data set --------------------------------------------------------------------------------

// A data set being built: the builders outlive their tables' rows, for the checks across tables.
struct Loading {
  DataSet ds;
  Reporter reporter;
  std::map<std::string, std::unique_ptr<TableBuilder>> builders;
  unsigned threads = 1;  // for the passes over whole tables
  bool bodies_built = false;  // ds.bodies made from agencies (build_bodies)
};

// One table from text records.
void build_from_text(const TableSchema& ts, TextTable text, Loading& L) {
  L.ds.warnings.insert(L.ds.warnings.end(), text.warnings.begin(), text.warnings.end());
  auto locator = std::make_unique<TextTableLocator>(std::move(text));
  const TextTable& tt = locator->table();  // owned by the builder from here on
  Table& t = L.ds.tables[ts.name];
  auto b = std::make_unique<TableBuilder>(ts, t, tt.file, tt.json, L.reporter, std::move(locator));
  b->header(tt.header, tt.header_cols, tt.header_line, tt.json && tt.records.empty());
  if (tt.records.size() > kMaxRowsPerTable) {
    L.reporter.add(data_error("data-too-many-rows", tt.file, 0, 0, {},
                              fmt::format("more than {} rows in the table, the limit", kMaxRowsPerTable),
                              "that is 25,000 rows for each of 4,000 bodies: check that this is the right file"));
  } else {
    b->reserve(tt.records.size());
    std::vector<std::string_view> fields;
    for (std::size_t r = 0; r < tt.records.size(); ++r) {
      const auto& rec = tt.records[r];
      b->start_row(r < tt.lines.size() ? tt.lines[r] : static_cast<std::uint32_t>(r + 1));
      if (rec.size() != tt.header.size()) {
        // CsvScanner reports this itself; here for tables built by hand.
        b->field_error("data-ragged-row", r, 0,
                       fmt::format("expected {} fields as in the header, got {}", tt.header.size(), rec.size()),
                       "every row needs a field for each header column");
      }
      fields.assign(rec.begin(), rec.end());
      b->encode_row(r, fields.data(), fields.size());
    }
  }
  b->finish();
  L.builders[ts.name] = std::move(b);
}

// ---- a CSV file, in pieces -------------------------------------------------------------------

// At most this many pieces of a file: past it, the merging on one thread is what takes the time.
constexpr std::size_t kMaxPieces = 8;

unsigned threads_for(const LoadOptions& options) {
  if (options.threads > 0) return options.threads;
  if (const char* env = std::getenv("EREJE_THREADS")) {
    const int n = std::atoi(env);
    if (n >= 1 && n <= 256) return static_cast<unsigned>(n);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}
// Pages behind a reader go back to the page cache this many bytes at a time.
constexpr std::size_t kReleaseBytes = std::size_t{8} << 20;

// Reads the records of `scanner` into `b` until it stops, numbering rows on from `r`; returns the
// row count after. `on_row(r, rec)` sees each record first and may stop the reading (false). The
// columns are sized once, from the first rows' length and the bytes left up to `end`: growing by
// doubling would copy each column a dozen times and leave up to half of it unused.
template <class OnRow>
std::size_t read_rows(CsvScanner& scanner, TableBuilder& b, std::size_t r, const char* end, const MappedFile& file,
                      OnRow&& on_row) {
  constexpr std::size_t kSample = 1024;
  CsvRecord rec;
  const std::size_t first_row = r;
  const char* first = scanner.position();
  const char* released = first;
  while (b.room() && scanner.next(rec)) {
    if (!on_row(r, rec)) break;
    b.start_row(rec.line);
    b.encode_row(r, rec.fields.data(), rec.fields.size());
    ++r;
    if (r - first_row == kSample) {
      const auto done = static_cast<std::size_t>(scanner.position() - first);
      const auto left = static_cast<std::size_t>(end - scanner.position());
      b.reserve(r + left * kSample / std::max<std::size_t>(1, done) * 21 / 20 + kSample);
    }
    if (r % 4096 == 0 && static_cast<std::size_t>(rec.start - released) > kReleaseBytes) {
      file.release(released, rec.start);
      released = rec.start;
    }
  }
  b.flush();
  return r;
}

// A piece of a CSV file after the first, read by its own thread into its own table. Its start is a
// guess: the start of a line, taken for the start of a record.
struct Piece {
  const char* begin = nullptr;
  const char* end = nullptr;
  std::size_t base = 0, limit = 0;  // rows of the first reader's table it may write
  Table table;                      // its dictionaries and row count (the rows are in the first reader's)
  Reporter reporter;
  std::vector<CsvLocator::Mark> marks;  // rows and lines counted from the piece's start
  std::uint32_t end_line = 1;           // the line at its end, counted likewise
  StrayQuotes stray_quotes;             // lines counted likewise
  bool ok = false;                      // read to its end with no error of any kind
};

// One piece, on its own thread. Any error, or anything thrown, only marks the piece as not read:
// the main thread then reads it again itself, and reports what it finds in the ordinary way.
void read_piece(Piece& piece, const TableSchema& ts, const std::vector<std::string>& names, char separator,
                const std::string& file, const MappedFile& mapped, Table& first) {
  try {
    CsvScanner scanner(std::string_view(piece.begin, static_cast<std::size_t>(piece.end - piece.begin)), 0, file, &ts);
    scanner.expect_width(names.size(), separator);
    TableBuilder b(ts, piece.table, file, false, piece.reporter, std::make_unique<NoLocator>());
    b.columns(names);
    b.write_into(first, piece.base, piece.limit);
    read_rows(scanner, b, 0, piece.end, mapped, [&](std::size_t r, const CsvRecord& rec) {
      if (r % CsvLocator::kStride == 0) piece.marks.push_back({r, rec.start, rec.line});
      return piece.reporter.empty();
    });
    piece.end_line = scanner.line();
    piece.stray_quotes = scanner.stray_quotes();
    piece.ok = piece.reporter.empty() && scanner.position() == piece.end;
  } catch (...) {
    piece.ok = false;
  }
}

// One table from a CSV file, straight into columns: the fields of a record are encoded while it is
// current and never copied. Throws InputError (the file's one syntax error); validation errors go
// to the reporter.
//
// A large file is read in pieces at once, one thread each, all writing into this table (each into
// rows of its own), and the pieces' rows are then moved down to follow the first's in file order
// (TableBuilder::take_piece): the table, its dictionaries' order and every message are exactly
// those of one reader from start to end, whatever the number of threads. A piece is used only when
// its guessed start proves to be a record's start (the first reader stops exactly there) and it
// read without any error within its share of rows; otherwise the main thread reads on from there.
void load_csv(const TableSchema& ts, const std::string& path, const LoadOptions& options, Loading& L) {
  auto locator = std::make_unique<CsvLocator>(path, path, ts);
  CsvLocator& csv = *locator;
  CsvScanner& scanner = csv.scanner();
  std::vector<std::string> names;
  std::vector<std::uint32_t> cols;
  std::uint32_t header_line = 1;
  scanner.read_header(names, cols, header_line);
  Table& t = L.ds.tables[ts.name];
  auto b = std::make_unique<TableBuilder>(ts, t, path, false, L.reporter, std::move(locator));
  b->header(names, cols, header_line, false);
  b->threads(threads_for(options));
  if (L.bodies_built) b->bodies_from(&L.ds);

  const MappedFile& file = csv.file();
  const std::string_view text = csv.text();
  const char* end = text.data() + text.size();
  const auto data_bytes = static_cast<std::size_t>(end - scanner.position());
  const std::size_t parts = std::min({std::size_t{threads_for(options)}, kMaxPieces,
                                      std::max<std::size_t>(1, data_bytes / std::max<std::size_t>(1, options.min_piece_bytes))});
  std::vector<Piece> pieces;
  for (std::size_t k = 1; k < parts; ++k) {
    const char* guess = scanner.position() + data_bytes / parts * k;
    const void* nl = std::memchr(guess, '\n', static_cast<std::size_t>(end - guess));
    const char* start = nl ? static_cast<const char*>(nl) + 1 : end;
    if (start >= end || (!pieces.empty() && start <= pieces.back().begin)) break;
    if (!pieces.empty()) pieces.back().end = start;
    pieces.emplace_back().begin = start;
    pieces.back().end = end;
  }
  // The rows each reader writes, in one table sized for all of them: lines per byte from the data's
  // first MiB, rows estimated 5 % high. The first reader stops at its share (then the pieces are
  // dropped and it reads on); a piece that would pass its share stops and is read again.
  if (!pieces.empty()) {
    const char* first = scanner.position();
    const std::size_t sample = std::min<std::size_t>(data_bytes, std::size_t{1} << 20);
    const auto lines = static_cast<std::size_t>(std::count(first, first + sample, '\n')) + 1;
    auto rows_in = [&](std::size_t bytes) { return (bytes / sample * lines + bytes % sample * lines / sample) * 21 / 20 + 4096; };
    std::size_t base = rows_in(static_cast<std::size_t>(pieces.front().begin - first));
    const std::size_t own = base;
    for (Piece& piece : pieces) {
      piece.base = base;
      piece.limit = rows_in(static_cast<std::size_t>(piece.end - piece.begin));
      base += piece.limit;
    }
    b->presize(base, own);
  }
  std::vector<std::jthread> threads;  // after `pieces` and `b`: joined before either goes
  const char separator = scanner.separator();
  for (Piece& piece : pieces)
    threads.emplace_back(
        [&piece, &ts, &names, separator, &path, &file, &t] { read_piece(piece, ts, names, separator, path, file, t); });
  if (!pieces.empty()) scanner.stop_at(pieces.front().begin);

  auto mark = [&csv](std::size_t r, const CsvRecord& rec) {
    csv.at_row(r, rec);
    return true;
  };
  std::size_t rows = 0;
  {
    Phase ph(fmt::format("data: {}: read (first piece)", ts.name));
    rows = read_rows(scanner, *b, 0, end, file, mark);
  }
  {
    Phase ph(fmt::format("data: {}: wait for the other pieces", ts.name));
    for (auto& th : threads) th.join();
  }
  std::optional<Phase> ph_append(std::in_place, fmt::format("data: {}: append the pieces", ts.name));
  // When the first reader went past the first piece's start inside a quoted field, it read on to
  // the end of the file itself, and the pieces are dropped.
  if (scanner.stopped()) {
    std::uint32_t line = scanner.line();  // at the start of the next piece
    std::size_t k = 0;
    for (; k < pieces.size(); ++k) {
      Piece& piece = pieces[k];
      if (!piece.ok || rows + piece.table.rows > kMaxRowsPerTable) break;
      csv.add_marks(piece.marks, rows, line - 1);
      scanner.add_stray_quotes(piece.stray_quotes, line - 1);
      rows += piece.table.rows;
      b->take_piece(piece.table, piece.base, line - 1);
      line += piece.end_line - 1;
    }
    scanner.stop_at(nullptr);
    b->unfix();
    if (k < pieces.size()) {
      scanner.seek(pieces[k].begin, line, rows);
      rows = read_rows(scanner, *b, rows, end, file, mark);
    }
  } else if (!pieces.empty() && scanner.position() != end) {
    // The first reader filled its share before the first piece's start (its rows were estimated
    // low): it reads on to the end itself, over whatever the pieces wrote.
    scanner.stop_at(nullptr);
    b->unfix();
    rows = read_rows(scanner, *b, rows, end, file, mark);
  }
  b->unfix();
  ph_append.reset();
  Phase ph_finish(fmt::format("data: {}: keys, derived columns", ts.name));
  b->finish();
  for (auto& w : scanner.warnings()) L.ds.warnings.push_back(std::move(w));
  L.builders[ts.name] = std::move(b);
}

// The data set's bodies in byte order of their codes (std::string compares as unsigned bytes): the
// output order. Once, as soon as the table of bodies is read.
void build_bodies(Loading& L) {
  DataSet& ds = L.ds;
  const TableSchema* bodies = ds.contract->bodies();
  if (L.bodies_built || !bodies || !ds.tables.at(bodies->name).present) return;
  const Table& a = ds.tables.at(bodies->name);
  std::string kk, ru;
  for (const auto& [lang, column] : bodies->body_names) {
    if (lang == "kk") kk = column;
    if (lang == "ru") ru = column;
  }
  auto text = [&](const std::string& name, std::size_t r) -> std::string {
    if (name.empty() || a.schema->column_index(name) < 0) return {};
    const Column& c = a.column(name);
    if (!c.present || c.values.empty() || c.values[r] == kMissing) return {};
    const auto code = static_cast<std::size_t>(c.values[r]);
    return c.schema->type == ColumnType::Enum ? c.schema->enum_values[code] : c.dictionary[code];
  };
  for (std::size_t r = 0; r < a.rows; ++r)
    ds.bodies.push_back(Body{text(bodies->body_column, r), text(kk, r), text(ru, r), text(bodies->category_column, r)});
  std::sort(ds.bodies.begin(), ds.bodies.end(), [](const Body& x, const Body& y) { return x.code < y.code; });
  L.bodies_built = true;
}

// Bodies in output order and each row's body, then the checks across tables.
DataSet finish_dataset(Loading& L) {
  Phase ph("data: bodies, across tables");
  DataSet& ds = L.ds;
  auto& builders = L.builders;
  build_bodies(L);
  // Each row's body; then the errors across tables, in the order a reader meets them: unknown
  // bodies first, then subtypes' parents (found with the keys of services).
  std::map<std::string, std::vector<std::uint32_t>> unknown;  // per table: rows of no known body
  for (auto& [name, t] : ds.tables) {
    if (!t.present || !t.schema->per_agency) continue;
    auto b = builders.find(name);
    if (b != builders.end() && b->second->bodies_assigned()) unknown[name] = b->second->unknown_bodies();
    else unknown[name] = assign_bodies(ds, t);
  }
  // In the contract's order of tables, as before: unknown bodies, then references.
  const TableSchema* bodies = ds.contract->bodies();
  if (bodies && builders.count(bodies->name)) {
    const Table& table_of_bodies = ds.tables.at(bodies->name);
    for (const auto& ts : ds.contract->tables)
      if (auto it = builders.find(ts.name); ts.per_agency && it != builders.end())
        check_agencies(table_of_bodies, ds.tables.at(ts.name), unknown[ts.name], *it->second);
  }
  for (const auto& ts : ds.contract->tables)
    if (auto it = builders.find(ts.name); it != builders.end() && self_reference(ts))
    {
      check_parents(ds.tables.at(ts.name), it->second->bad_parents(), *it->second);
      check_parent_cycles(ds.tables.at(ts.name), it->second->deep_parents(), *it->second);
    }
  for (const auto& ts : ds.contract->tables)
    if (auto it = builders.find(ts.name); it != builders.end())
      check_references(ds, ds.tables.at(ts.name), *it->second);
  for (const TableSchema* ts : bodies_first(*ds.contract))
    if (auto it = builders.find(ts->name); it != builders.end())
      for (auto& w : it->second->warnings) ds.warnings.push_back(std::move(w));
  if (!L.reporter.empty()) L.reporter.raise(ds.warnings);
  builders.clear();  // they point into the tables, which move out with the data set
  return std::move(ds);
}

}  // namespace

DataSet build_dataset(std::string folder, std::shared_ptr<const Contract> contract,
                      std::map<std::string, TextTable> tables, const std::vector<std::string>& needed) {
  for (const auto& n : needed)
    if (!contract->find(n)) throw std::invalid_argument(fmt::format("build_dataset: no table {} in the contract", n));
  Loading L;
  L.ds.contract = std::move(contract);
  L.ds.folder = std::move(folder);
  for (const auto& ts : L.ds.contract->tables)
    if (is_needed(ts, needed) && !tables.count(ts.name))
      L.reporter.add(missing_table_error(L.ds.folder, ts, *L.ds.contract, needed, {}));
  for (const TableSchema* p : bodies_first(*L.ds.contract)) {
    const TableSchema& ts = *p;
    auto it = tables.find(ts.name);
    if (it == tables.end()) {
      L.ds.tables.emplace(ts.name, absent_table(ts));
      continue;
    }
    L.ds.files.push_back(it->second.file);
    build_from_text(ts, std::move(it->second), L);
  }
  return finish_dataset(L);
}

DataSet load_folder(const std::string& folder, std::shared_ptr<const Contract> contract,
                    const std::vector<std::string>& needed, const LoadOptions& options) {
  namespace fs = std::filesystem;
  for (const auto& n : needed)
    if (!contract->find(n)) throw std::invalid_argument(fmt::format("load_folder: no table {} in the contract", n));
  const TableSchema* bodies = contract->bodies();
  const std::string example = bodies ? bodies->name + ".csv" : std::string("one file per table");
  std::error_code ec;
  const fs::path dir(folder);
  if (!fs::exists(dir, ec))
    throw_input_error(data_error("data-no-folder", folder, 0, 0, {},
                                 fmt::format("data folder `{}` does not exist", folder),
                                 fmt::format("give --data the folder that holds {} and the other tables", example)));
  if (!fs::is_directory(dir, ec))
    throw_input_error(data_error("data-no-folder", folder, 0, 0, {}, fmt::format("`{}` is not a folder", folder),
                                 fmt::format("give --data the folder that holds {} and the other tables", example)));

  std::vector<std::string> entries;  // file names in the folder, for "did you mean" on a missing file
  for (const auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e.path().filename().string());

  Loading L;
  L.ds.contract = std::move(contract);
  L.ds.folder = folder;
  L.threads = threads_for(options);
  struct Found {
    const TableSchema* table;
    fs::path path;
    bool json;
  };
  std::vector<Found> found;
  for (const TableSchema* table : bodies_first(*L.ds.contract)) {
    const TableSchema& ts = *table;
    const fs::path csv = dir / (ts.name + ".csv"), json = dir / (ts.name + ".json");
    const bool has_csv = fs::is_regular_file(csv, ec), has_json = fs::is_regular_file(json, ec);
    // A table's name taken by something that is no regular file (a folder, a FIFO, a device, a
    // socket): said as it is. (A link to a regular file is a regular file.)
    const fs::path* odd = nullptr;
    fs::file_status odd_status;
    for (const fs::path* p : {&csv, &json}) {
      const fs::file_status st = fs::status(*p, ec);
      if (!odd && fs::exists(st) && !fs::is_regular_file(st)) odd = p, odd_status = st;
    }
    if (odd && is_needed(ts, needed)) {
      const char* what = fs::is_directory(odd_status) ? "a folder"
                         : fs::is_fifo(odd_status)    ? "a named pipe (FIFO)"
                         : fs::is_socket(odd_status)  ? "a socket"
                         : fs::is_block_file(odd_status) || fs::is_character_file(odd_status) ? "a device"
                                                                                              : "not a regular file";
      L.reporter.add(data_error("data-not-a-file", odd->string(), 0, 0, {},
                                fmt::format("`{}` in the data folder is {}, not a file", odd->filename().string(), what),
                                fmt::format("table `{}` is read from a regular file: put its rows in {}", ts.name,
                                            odd->filename().string())));
      continue;
    }
    if (has_csv && has_json) {
      L.reporter.add(data_error("data-ambiguous-table", folder, 0, 0, {},
                                fmt::format("both {0}.csv and {0}.json are in the data folder `{1}`", ts.name, folder),
                                fmt::format("keep one of them: each table comes from exactly one file")));
    } else if (has_csv || has_json) {
      found.push_back({&ts, has_csv ? csv : json, has_json});
    } else if (is_needed(ts, needed)) {
      std::string hint;
      for (const auto& name : entries) {
        const fs::path p(name);
        if (ascii_lower(p.stem().string()) != ts.name) continue;
        const std::string ext = ascii_lower(p.extension().string());
        hint = ext == ".csv" || ext == ".json"
                   ? fmt::format("found `{}`: file names are case-sensitive; rename it to {}{}", name, ts.name, ext)
                   : fmt::format("found `{}`: save it as CSV UTF-8 named {}.csv", name, ts.name);
        break;
      }
      L.reporter.add(missing_table_error(folder, ts, *L.ds.contract, needed, hint));
    }
  }
  if (!L.reporter.empty()) L.reporter.raise();

  for (const auto& ts : L.ds.contract->tables) L.ds.tables.emplace(ts.name, absent_table(ts));
  InputError read_errors;
  for (const auto& f : found) {
    const std::string shown_name = f.path.string();
    const std::uint64_t changes = MappedFile::changes();
    // A file shortened while it was read (MappedFile.hpp) read as zeros past its new end: what
    // came of it, errors included, is not to be trusted, and only the change is reported.
    auto changed = [&] {
      if (MappedFile::changes() == changes) return false;
      read_errors.diagnostics.add(data_error("data-unreadable", shown_name, 0, 0, {},
                                             "the file changed while it was read: it became shorter",
                                             "read the data again once nothing writes to it"));
      return true;
    };
    try {
      if (f.json) build_from_text(*f.table, read_json(shown_name, shown_name, f.table), L);
      else load_csv(*f.table, shown_name, options, L);
      if (changed()) continue;
      L.ds.files.push_back(shown_name);
      if (f.table->lists_bodies && read_errors.diagnostics.empty()) build_bodies(L);
    } catch (const InputError& e) {
      // Keep reading: a broken services.csv should not hide a broken objections.csv. Errors in the
      // values of the files read so far wait: they are reported only if every file reads.
      if (!changed()) read_errors.diagnostics.append(e.diagnostics);
    }
  }
  if (!read_errors.diagnostics.empty()) {
    for (const auto& w : L.ds.warnings) read_errors.diagnostics.add(w);
    throw read_errors;
  }
  return finish_dataset(L);
}

}  // namespace ereje::input
