// Second step of loading agency data: text records (from CsvReader or JsonReader) checked against
// data.md and turned into columns. Every error names file, line and column; any error stops the
// run before a single result is computed, so there are never partial results.
#include "input/DataSet.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "core/Date.hpp"
#include "input/CsvReader.hpp"
#include "input/JsonReader.hpp"

namespace ereje::input {

// ---- small members of DataSet.hpp -------------------------------------------------------------

std::int32_t Column::code_of(std::string_view text) const {
  auto it = codes.find(text);
  return it == codes.end() ? -1 : it->second;
}

const Column& Table::column(std::string_view name) const {
  const int i = schema ? schema->column_index(name) : -1;
  if (i < 0 || static_cast<std::size_t>(i) >= columns.size())
    throw std::out_of_range(fmt::format("no column {} in table {}", name, schema ? schema->name : "?"));
  return columns[static_cast<std::size_t>(i)];
}

const Table& DataSet::table(std::string_view name) const {
  auto it = tables.find(std::string(name));
  if (it == tables.end()) throw std::out_of_range(fmt::format("no table {}", name));
  return it->second;
}

int DataSet::body_index(std::string_view agency_id) const {
  auto it = std::lower_bound(bodies.begin(), bodies.end(), agency_id,
                             [](const Body& b, std::string_view id) { return b.agency_id < id; });
  if (it == bodies.end() || it->agency_id != agency_id) return -1;
  return static_cast<int>(it - bodies.begin());
}

std::uint32_t TextTable::line_of(std::size_t r, std::size_t f) const {
  if (auto it = field_lines.find(r); it != field_lines.end() && f < it->second.size()) return it->second[f];
  return r < lines.size() ? lines[r] : 0;
}

std::uint32_t TextTable::col_of(std::size_t r, std::size_t f) const {
  return r < cols.size() && f < cols[r].size() ? cols[r][f] : 0;
}

bool is_derived(const TableSchema& table, std::string_view column) {
  return table.name == "services" && (column == "subtype" || column == "main");
}

std::vector<std::string> file_columns(const TableSchema& table) {
  std::vector<std::string> out;
  for (const auto& c : table.columns)
    if (!is_derived(table, c.name)) out.push_back(c.name);
  return out;
}

namespace {
std::string valid_utf8(std::string_view s) {
  std::string out;
  while (!s.empty()) {
    const std::size_t bad = utf8_invalid_at(s);
    if (bad == std::string_view::npos) {
      out += s;
      break;
    }
    out += s.substr(0, bad);
    out += "\xEF\xBF\xBD";
    s.remove_prefix(bad + 1);
  }
  return out;
}
}  // namespace

Diagnostic data_error(std::string code, std::string file, std::size_t line, std::size_t column,
                      std::string_view line_text, std::string message, std::string help) {
  Diagnostic d;
  d.code = std::move(code);
  d.file = std::move(file);
  d.line = line;
  d.column = column;
  d.line_text = valid_utf8(line_text);
  d.message = std::move(message);
  d.help = std::move(help);
  return d;
}

void throw_input_error(Diagnostic d) {
  InputError e;
  e.diagnostics.add(std::move(d));
  throw e;
}

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

// ---- wording helpers ---------------------------------------------------------------------------

// A value as shown inside a message: line breaks made visible, very long values cut.
std::string shown(std::string_view v) {
  constexpr std::size_t kMax = 60;
  std::string out;
  std::size_t i = 0;
  for (; i < v.size() && out.size() < kMax; ++i) {
    if (v[i] == '\n') out += "\\n";
    else if (v[i] == '\r') out += "\\r";
    else if (v[i] == '\t') out += "\\t";
    else out += v[i];
  }
  if (i < v.size()) {
    // Do not cut a character in half.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    out += "…";
  }
  return out;
}

std::string join(const std::vector<std::string>& names, std::size_t limit = 20) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) {
    if (i) out += ", ";
    out += names[i];
  }
  if (names.size() > limit) out += fmt::format(", … ({} in all)", names.size());
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The candidate a typo most likely meant: same up to case and surrounding spaces, else (for words,
// not codes) at most two edits away and fewer than the word's length. Codes get no edit-distance
// guess: `A2` for `A1` is another real body, and suggesting it would mislead.
enum class Guess { Word, Code };
std::optional<std::string> nearest(std::string_view value, const std::vector<std::string>& candidates,
                                   Guess kind = Guess::Word) {
  const std::string v = ascii_lower(trim(value));
  if (v.empty()) return std::nullopt;
  for (const auto& c : candidates)
    if (ascii_lower(c) == v) return c;
  if (kind == Guess::Code) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_d = 3;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(v, ascii_lower(c));
    if (d < best_d && d < c.size() && d < v.size()) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view value, const std::string& guess) {
  if (trim(value) == guess) return fmt::format("remove the spaces around `{}`", guess);
  if (ascii_lower(trim(value)) == ascii_lower(guess))
    return fmt::format("did you mean `{}`? values are case-sensitive", guess);
  return fmt::format("did you mean `{}`?", guess);
}

std::string file_name_of(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// ---- collecting errors -------------------------------------------------------------------------

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
  bool empty() const { return list_.empty(); }
  [[noreturn]] void raise() {
    for (const auto& file : overflowed_)
      for (auto it = list_.rbegin(); it != list_.rend(); ++it)
        if (it->file == file) {
          it->notes.push_back({Span{}, fmt::format("stopping after {} errors in this file", kMaxErrorsPerFile)});
          break;
        }
    InputError e;
    for (auto& d : list_) e.diagnostics.add(std::move(d));
    throw e;
  }

 private:
  std::vector<Diagnostic> list_;  // add() hands out a pointer valid until the next add()
  std::map<std::string, std::size_t> per_file_;
  std::set<std::string> overflowed_;
};

// Line texts of a CSV file, indexed only once a message needs one.
class SourceLines {
 public:
  explicit SourceLines(const std::string& source) : source_(source) {}
  std::string_view line(std::size_t n) {
    if (source_.empty() || n == 0) return {};
    if (starts_.empty()) {
      starts_.push_back(0);
      for (std::size_t i = 0; i < source_.size(); ++i)
        if (source_[i] == '\n') starts_.push_back(i + 1);
    }
    if (n > starts_.size()) return {};
    const std::size_t b = starts_[n - 1];
    std::size_t e = n < starts_.size() ? starts_[n] : source_.size();
    while (e > b && (source_[e - 1] == '\n' || source_[e - 1] == '\r')) --e;
    return std::string_view(source_).substr(b, e - b);
  }

 private:
  const std::string& source_;
  std::vector<std::size_t> starts_;
};

Diagnostic missing_table_error(const std::string& folder, const TableSchema& ts, bool always,
                               const std::string& hint) {
  std::string help = hint;
  if (help.empty())
    help = always ? fmt::format("every run reads `{}` ({}): put {}.csv or {}.json in the folder", ts.name, ts.meaning,
                                ts.name, ts.name)
                  : fmt::format("the rules in force read `{}` ({}): put {}.csv or {}.json in the folder", ts.name,
                                ts.meaning, ts.name, ts.name);
  return data_error("data-missing-table", folder, 0, 0, {},
                    fmt::format("missing data file {}.csv (or {}.json) in the data folder `{}`", ts.name, ts.name,
                                folder),
                    std::move(help));
}

bool is_needed(const TableSchema& ts, const std::vector<std::string>& needed) {
  return ts.name == "agencies" || std::find(needed.begin(), needed.end(), ts.name) != needed.end();
}

// ---- one table ---------------------------------------------------------------------------------

// Validates one TextTable against its schema and encodes its columns; keeps what the cross-table
// checks need to point back at fields.
class TableBuilder {
 public:
  TableBuilder(const TableSchema& ts, const TextTable& tt, Reporter& reporter)
      : ts_(ts), tt_(tt), reporter_(reporter), lines_(tt.source) {}

  Table build();
  // Header index of a schema column, -1 when the file lacks it.
  int header_index(std::string_view column) const {
    const int i = ts_.column_index(column);
    return i < 0 ? -1 : header_index_[static_cast<std::size_t>(i)];
  }
  std::string_view value(std::size_t r, int h) const {
    const auto& rec = tt_.records[r];
    return h >= 0 && static_cast<std::size_t>(h) < rec.size() ? std::string_view(rec[static_cast<std::size_t>(h)])
                                                              : std::string_view();
  }
  // "line 3" or "record 3": how a message names a row of this file.
  std::string row_name(std::size_t r) const {
    return fmt::format("{} {}", tt_.json ? "record" : "line", r < tt_.lines.size() ? tt_.lines[r] : r + 1);
  }
  Diagnostic* field_error(std::string code, std::size_t r, int h, std::string message, std::string help);

 private:
  void check_header();
  void encode(std::size_t r, std::size_t c, Column& col);
  void check_keys(const Table& t);

  const TableSchema& ts_;
  const TextTable& tt_;
  Reporter& reporter_;
  SourceLines lines_;
  std::vector<int> header_index_;  // per schema column
};

Diagnostic* TableBuilder::field_error(std::string code, std::size_t r, int h, std::string message, std::string help) {
  if (tt_.json)
    return reporter_.add(data_error(std::move(code), tt_.file, 0, 0, {},
                                    fmt::format("{}: {}", row_name(r), message), std::move(help)));
  const std::size_t f = h < 0 ? 0 : static_cast<std::size_t>(h);
  const std::uint32_t line = tt_.line_of(r, f);
  return reporter_.add(
      data_error(std::move(code), tt_.file, line, tt_.col_of(r, f), lines_.line(line), std::move(message), std::move(help)));
}

void TableBuilder::check_header() {
  header_index_.assign(ts_.columns.size(), -1);
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t h = 0; h < tt_.header.size(); ++h) {
    const std::string& name = tt_.header[h];
    if (name.empty()) continue;
    auto [it, fresh] = seen.emplace(name, h);
    if (!fresh) {
      // CsvReader reports this itself; here for tables built by hand.
      const std::size_t col = h < tt_.header_cols.size() ? tt_.header_cols[h] : 0;
      Diagnostic* d = reporter_.add(data_error("data-duplicate-column", tt_.file, tt_.json ? 0 : tt_.header_line, col,
                                               lines_.line(tt_.header_line),
                                               fmt::format("duplicate column `{}` in the header", name),
                                               "each column name may appear once; rename or remove one of them"));
      if (d) d->notes.push_back({Span{}, fmt::format("`{}` first appears as column {} of the header", name, it->second + 1)});
      continue;
    }
    const int c = ts_.column_index(name);
    if (c >= 0 && !is_derived(ts_, name)) header_index_[static_cast<std::size_t>(c)] = static_cast<int>(h);
  }
  // A JSON file with no records has no keys at all: it is the empty table, not a broken one.
  if (tt_.json && tt_.records.empty()) return;
  // All missing columns in one message: a file without its header row would otherwise give one
  // error per column, each repeating the same list.
  std::vector<std::string> missing, fixes;
  bool any_known = false;
  for (std::size_t c = 0; c < ts_.columns.size(); ++c) {
    const ColumnSchema& cs = ts_.columns[c];
    any_known = any_known || header_index_[c] >= 0;
    if (header_index_[c] >= 0 || cs.optional || is_derived(ts_, cs.name)) continue;
    missing.push_back(cs.name);
    if (auto guess = nearest(cs.name, tt_.header)) fixes.push_back(fmt::format("rename `{}` to `{}`", *guess, cs.name));
  }
  if (missing.empty()) return;
  std::string help;
  if (!any_known && !tt_.json) {
    std::string line;
    for (const auto& n : file_columns(ts_)) line += (line.empty() ? "" : ",") + n;
    help = "the first line of the file must be the header naming the columns: " + line;
  } else if (!fixes.empty()) {
    help = join(fixes) + " (column names are exact and case-sensitive)";
  } else {
    for (const auto& n : missing) {
      if (!help.empty()) help += "; ";
      help += fmt::format("`{}` is {}", n, ts_.column(n)->meaning);
    }
  }
  std::string names;
  for (const auto& n : missing) names += (names.empty() ? "`" : ", `") + n + "`";
  const char* plural = missing.size() == 1 ? "" : "s";
  const std::string found = tt_.header.empty() ? "none" : join(tt_.header);
  if (tt_.json)
    reporter_.add(data_error("data-missing-column", tt_.file, 0, 0, {},
                             fmt::format("no record has the field{} {}; fields found: {}", plural, names, found),
                             std::move(help)));
  else
    reporter_.add(data_error("data-missing-column", tt_.file, tt_.header_line, 1, lines_.line(tt_.header_line),
                             fmt::format("missing column{} {} in the header; found: {}", plural, names, found),
                             std::move(help)));
}

void TableBuilder::encode(std::size_t r, std::size_t c, Column& col) {
  const ColumnSchema& cs = ts_.columns[c];
  const int h = header_index_[c];
  const std::string_view v = value(r, h);
  std::int32_t& out = col.values[r];
  if (v.empty()) {
    out = kMissing;
    if (cs.may_be_empty) return;
    if (tt_.json)
      field_error("data-empty-value", r, h, fmt::format("missing value for required field `{}`", cs.name),
                  fmt::format("`{}` is {}; every record needs it (not null, not absent)", cs.name, cs.meaning));
    else
      field_error("data-empty-value", r, h, fmt::format("empty value in required column `{}`", cs.name),
                  fmt::format("`{}` is {}; every row needs one", cs.name, cs.meaning));
    return;
  }
  switch (cs.type) {
    case ColumnType::Text: {
      auto it = col.codes.find(v);
      if (it == col.codes.end()) {
        it = col.codes.emplace(std::string(v), static_cast<std::int32_t>(col.dictionary.size())).first;
        col.dictionary.emplace_back(v);
      }
      out = it->second;
      return;
    }
    case ColumnType::Enum: {
      auto it = std::find(cs.enum_values.begin(), cs.enum_values.end(), v);
      if (it != cs.enum_values.end()) {
        out = static_cast<std::int32_t>(it - cs.enum_values.begin());
        return;
      }
      out = kMissing;
      auto guess = nearest(v, cs.enum_values);
      field_error("data-unknown-value", r, h,
                  fmt::format("unknown value `{}` in column `{}`: expected one of {}", shown(v), cs.name,
                              join(cs.enum_values)),
                  guess ? did_you_mean(v, *guess) : fmt::format("`{}` is {}", cs.name, cs.meaning));
      return;
    }
    case ColumnType::Bool: {
      if (v == "true" || v == "1") {
        out = 1;
        return;
      }
      if (v == "false" || v == "0") {
        out = 0;
        return;
      }
      out = kMissing;
      const std::string lower = ascii_lower(trim(v));
      std::string help = "write true or false (1 or 0 are also accepted), in lowercase and without spaces";
      if (lower == "true" || lower == "false" || lower == "1" || lower == "0")
        help = fmt::format("write `{}` exactly: lowercase, without spaces", lower);
      field_error("data-bad-bool", r, h,
                  fmt::format("invalid boolean `{}` in column `{}`: expected true, false, 1 or 0", shown(v), cs.name),
                  std::move(help));
      return;
    }
    case ColumnType::Date: {
      if (auto d = parse_date(v)) {
        out = d->days;
        return;
      }
      out = kMissing;
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
      return;
    }
  }
}

void TableBuilder::check_keys(const Table& t) {
  std::vector<std::size_t> key;  // schema indices
  for (const auto& k : ts_.key) key.push_back(static_cast<std::size_t>(ts_.column_index(k)));
  for (auto k : key)
    if (header_index_[k] < 0) return;  // already reported as a missing column
  // Key columns are text, and no key of data.md has more than two: the pair of dictionary codes,
  // packed in 64 bits, identifies a key exactly and hashes fast on a million rows.
  if (key.size() > 2) throw std::logic_error("check_keys: keys of more than two columns are not supported");
  std::unordered_map<std::uint64_t, std::size_t> first;
  first.reserve(t.rows);
  for (std::size_t r = 0; r < t.rows; ++r) {
    std::uint64_t packed = 0;
    bool missing = false;
    for (auto k : key) {
      const std::int32_t code = t.columns[k].values[r];
      missing = missing || code == kMissing;
      packed = (packed << 32) | static_cast<std::uint32_t>(code);
    }
    if (missing) continue;
    auto [it, fresh] = first.emplace(packed, r);
    if (fresh) continue;
    const std::string& last = ts_.key.back();
    std::string message = fmt::format("duplicate {} `{}`", last, shown(value(r, header_index(last))));
    for (std::size_t i = 0; i + 1 < ts_.key.size(); ++i)
      message += fmt::format(" for {} `{}`", ts_.key[i], shown(value(r, header_index(ts_.key[i]))));
    message += fmt::format(": already on {}", row_name(it->second));
    std::string help = ts_.key.size() == 1 ? fmt::format("each {} must be unique in the table", last)
                                           : fmt::format("each ({}) must be unique in the table", join(ts_.key));
    if (Diagnostic* d = field_error("data-duplicate-key", r, header_index(last), std::move(message), std::move(help))) {
      const std::size_t f = static_cast<std::size_t>(header_index(last));
      d->notes.push_back({Span{}, tt_.json ? fmt::format("first occurrence: {}", row_name(it->second))
                                           : fmt::format("first occurrence: line {}, column {}",
                                                         tt_.line_of(it->second, f), tt_.col_of(it->second, f))});
    }
  }
}

Table TableBuilder::build() {
  Table t;
  t.schema = &ts_;
  t.present = true;
  t.file = tt_.file;
  t.rows = tt_.records.size();
  check_header();
  t.columns.resize(ts_.columns.size());
  for (std::size_t c = 0; c < ts_.columns.size(); ++c) {
    t.columns[c].schema = &ts_.columns[c];
    t.columns[c].values.assign(t.rows, kMissing);
    t.columns[c].present = header_index_[c] >= 0 || is_derived(ts_, ts_.columns[c].name);
  }
  t.origin.resize(t.rows);
  for (std::size_t r = 0; r < t.rows; ++r) {
    t.origin[r].line = r < tt_.lines.size() ? tt_.lines[r] : static_cast<std::uint32_t>(r + 1);
    if (tt_.records[r].size() != tt_.header.size()) {
      // CsvReader reports this itself; here for tables built by hand.
      field_error("data-ragged-row", r, 0,
                  fmt::format("expected {} fields as in the header, got {}", tt_.header.size(), tt_.records[r].size()),
                  "every row needs a field for each header column");
    }
    for (std::size_t c = 0; c < ts_.columns.size(); ++c)
      if (header_index_[c] >= 0) encode(r, c, t.columns[c]);
  }
  if (ts_.name == "services") {
    const auto& parent = t.columns[static_cast<std::size_t>(ts_.column_index("parent_id"))].values;
    auto& subtype = t.columns[static_cast<std::size_t>(ts_.column_index("subtype"))].values;
    auto& main = t.columns[static_cast<std::size_t>(ts_.column_index("main"))].values;
    for (std::size_t r = 0; r < t.rows; ++r) {
      subtype[r] = parent[r] != kMissing ? 1 : 0;
      main[r] = 1 - subtype[r];
    }
  }
  check_keys(t);
  return t;
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

// Every agency_id of services and objections must be a body of agencies.
void check_agencies(const Table& agencies, const TextTable& agencies_text, const Table& t, TableBuilder& b) {
  const Column& known = agencies.column("agency_id");
  const Column& ids = t.column("agency_id");
  const int h = b.header_index("agency_id");
  if (!known.present || !ids.present) return;
  std::vector<char> ok(ids.dictionary.size());
  for (std::size_t i = 0; i < ids.dictionary.size(); ++i) ok[i] = known.code_of(ids.dictionary[i]) >= 0;
  for (std::size_t r = 0; r < t.rows; ++r) {
    const std::int32_t code = ids.values[r];
    if (code == kMissing || ok[static_cast<std::size_t>(code)]) continue;
    const std::string& id = ids.dictionary[static_cast<std::size_t>(code)];
    auto guess = nearest(id, known.dictionary, Guess::Code);
    b.field_error("data-unknown-agency", r, h,
                  fmt::format("unknown body `{}` in column `agency_id`: it is not in {}", shown(id),
                              file_name_of(agencies_text.file)),
                  guess ? did_you_mean(id, *guess)
                        : fmt::format("add the body to {} or correct the code", file_name_of(agencies_text.file)));
  }
}

// A subtype's parent_id must be the service_id of another service of the same body.
void check_parents(const Table& services, TableBuilder& b) {
  const Column& agency = services.column("agency_id");
  const Column& service = services.column("service_id");
  const Column& parent = services.column("parent_id");
  if (!agency.present || !service.present || !parent.present) return;
  auto pair = [](std::int32_t agency_code, std::int32_t service_code) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(agency_code)) << 32) |
           static_cast<std::uint32_t>(service_code);
  };
  std::vector<std::int32_t> as_service(parent.dictionary.size());  // parent code -> service code or -1
  for (std::size_t i = 0; i < parent.dictionary.size(); ++i) as_service[i] = service.code_of(parent.dictionary[i]);
  std::unordered_set<std::uint64_t> have;  // (agency code, service code) of every service
  have.reserve(services.rows);
  for (std::size_t r = 0; r < services.rows; ++r)
    if (agency.values[r] != kMissing && service.values[r] != kMissing)
      have.insert(pair(agency.values[r], service.values[r]));
  const int h = b.header_index("parent_id");
  for (std::size_t r = 0; r < services.rows; ++r) {
    if (parent.values[r] == kMissing || agency.values[r] == kMissing) continue;
    const std::string& p = parent.dictionary[static_cast<std::size_t>(parent.values[r])];
    const std::string& a = agency.dictionary[static_cast<std::size_t>(agency.values[r])];
    if (service.values[r] != kMissing && service.dictionary[static_cast<std::size_t>(service.values[r])] == p) {
      b.field_error("data-unknown-parent", r, h, fmt::format("service `{}` names itself as its parent", shown(p)),
                    "leave parent_id empty for a main service; for a subtype, give its main service's service_id");
      continue;
    }
    const std::int32_t p_code = as_service[static_cast<std::size_t>(parent.values[r])];
    if (p_code >= 0 && have.count(pair(agency.values[r], p_code))) continue;
    b.field_error("data-unknown-parent", r, h,
                  fmt::format("unknown parent service `{}`: body `{}` has no service with that service_id", shown(p),
                              shown(a)),
                  "a subtype's parent_id is the service_id of its main service, listed for the same body");
  }
}

}  // namespace

DataSet build_dataset(std::string folder, std::map<std::string, TextTable> tables,
                      const std::vector<std::string>& needed) {
  for (const auto& n : needed)
    if (!find_table(n)) throw std::invalid_argument(fmt::format("build_dataset: no table {} in the schema", n));
  DataSet ds;
  ds.folder = std::move(folder);
  Reporter reporter;
  for (const auto& ts : schema())
    if (is_needed(ts, needed) && !tables.count(ts.name))
      reporter.add(missing_table_error(ds.folder, ts, ts.name == "agencies", {}));

  std::map<std::string, TableBuilder> builders;
  for (const auto& ts : schema()) {
    auto it = tables.find(ts.name);
    if (it == tables.end()) {
      ds.tables.emplace(ts.name, absent_table(ts));
      continue;
    }
    ds.files.push_back(it->second.file);
    auto& b = builders.emplace(ts.name, TableBuilder(ts, it->second, reporter)).first->second;
    ds.tables.emplace(ts.name, b.build());
  }

  if (builders.count("agencies")) {
    const Table& agencies = ds.tables.at("agencies");
    for (const char* name : {"services", "objections"})
      if (auto it = builders.find(name); it != builders.end())
        check_agencies(agencies, tables.at("agencies"), ds.tables.at(name), it->second);
  }
  if (auto it = builders.find("services"); it != builders.end()) check_parents(ds.tables.at("services"), it->second);
  if (!reporter.empty()) reporter.raise();

  // Bodies in agency_id byte order (std::string compares as unsigned bytes): the output order.
  if (ds.tables.at("agencies").present) {
    const Table& a = ds.tables.at("agencies");
    auto text = [&](const char* name, std::size_t r) -> std::string {
      const Column& c = a.column(name);
      if (!c.present || c.values[r] == kMissing) return {};
      const auto code = static_cast<std::size_t>(c.values[r]);
      return c.schema->type == ColumnType::Enum ? c.schema->enum_values[code] : c.dictionary[code];
    };
    for (std::size_t r = 0; r < a.rows; ++r)
      ds.bodies.push_back(Body{text("agency_id", r), text("name_kk", r), text("name_ru", r), text("kind", r)});
    std::sort(ds.bodies.begin(), ds.bodies.end(),
              [](const Body& x, const Body& y) { return x.agency_id < y.agency_id; });
  }
  for (auto& [name, t] : ds.tables) {
    if (!t.present || !t.schema->per_agency) continue;
    const Column& ids = t.column("agency_id");
    std::vector<std::int32_t> body_of(ids.dictionary.size());
    for (std::size_t i = 0; i < ids.dictionary.size(); ++i) body_of[i] = ds.body_index(ids.dictionary[i]);
    t.body.resize(t.rows);
    for (std::size_t r = 0; r < t.rows; ++r)
      t.body[r] = ids.values[r] == kMissing ? -1 : body_of[static_cast<std::size_t>(ids.values[r])];
  }
  return ds;
}

DataSet load_folder(const std::string& folder, const std::vector<std::string>& needed) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir(folder);
  if (!fs::exists(dir, ec))
    throw_input_error(data_error("data-no-folder", folder, 0, 0, {},
                                 fmt::format("data folder `{}` does not exist", folder),
                                 "give --data the folder that holds agencies.csv, services.csv and the other tables"));
  if (!fs::is_directory(dir, ec))
    throw_input_error(data_error("data-no-folder", folder, 0, 0, {}, fmt::format("`{}` is not a folder", folder),
                                 "give --data the folder that holds agencies.csv, services.csv and the other tables"));

  std::vector<std::string> entries;  // file names in the folder, for "did you mean" on a missing file
  for (const auto& e : fs::directory_iterator(dir, ec)) entries.push_back(e.path().filename().string());

  Reporter reporter;
  struct Found {
    const TableSchema* table;
    fs::path path;
    bool json;
  };
  std::vector<Found> found;
  for (const auto& ts : schema()) {
    const fs::path csv = dir / (ts.name + ".csv"), json = dir / (ts.name + ".json");
    const bool has_csv = fs::is_regular_file(csv, ec), has_json = fs::is_regular_file(json, ec);
    if (has_csv && has_json) {
      reporter.add(data_error("data-ambiguous-table", folder, 0, 0, {},
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
      reporter.add(missing_table_error(folder, ts, ts.name == "agencies", hint));
    }
  }
  if (!reporter.empty()) reporter.raise();

  std::map<std::string, TextTable> tables;
  InputError read_errors;
  for (const auto& f : found) {
    const std::string shown_name = f.path.string();
    try {
      tables.emplace(f.table->name, f.json ? read_json(shown_name, shown_name, f.table)
                                           : read_csv(shown_name, shown_name, f.table));
    } catch (const InputError& e) {
      // Keep reading: a broken services.csv should not hide a broken objections.csv.
      read_errors.diagnostics.append(e.diagnostics);
    }
  }
  if (!read_errors.diagnostics.empty()) throw read_errors;
  return build_dataset(folder, std::move(tables), needed);
}

}  // namespace ereje::input
