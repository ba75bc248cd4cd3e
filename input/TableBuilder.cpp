// One table checked against the contract and turned into columns (TableBuilder.hpp): the header,
// each field encoded (the hot loop of loading), the errors of a field, and what finish does at the
// end (the key checks are in KeyCheck.cpp).
#include "input/TableBuilder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/Date.hpp"
#include "core/Rational.hpp"
#include "input/Both.hpp"
#include "input/DataError.hpp"
#include "input/TextIndex.hpp"
#include "input/Wording.hpp"

namespace ereje::input {

namespace {
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

// true, false, 1 or 0 as 1 or 0; -1 for anything else. A compare of four bytes at once, no call:
// two columns of every service row go through here.
std::int32_t bool_value(std::string_view v) {
  auto word = [](const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  };
  // `true` and `false` without a branch on which (they come in no order a predictor learns): the
  // first four bytes and the last four, read for lengths 4 and 5 alike. Only `true` has both
  // `true`, and only `false` has `fals` then `alse` (of five bytes, the last four start at the
  // second: `true` twice would need its second byte both `t` and `r`).
  const std::size_t n = v.size();
  if (n - 4 <= 1) {
    const std::uint64_t both = word(v.data()) | std::uint64_t{word(v.data() + n - 4)} << 32;
    const std::uint64_t is_true = word("true") | std::uint64_t{word("true")} << 32;
    const std::uint64_t is_false = word("fals") | std::uint64_t{word("alse")} << 32;
    std::int32_t r = 2 * static_cast<std::int32_t>(both == is_true) + static_cast<std::int32_t>(both == is_false) - 1;
    // Opaque to the optimizer: else it turns the two compares back into branches on which word
    // came, where the callers test the result.
    __asm__("" : "+r"(r));
    return r;
  }
  if (n == 1) return v[0] == '1' ? 1 : v[0] == '0' ? 0 : -1;
  return -1;
}

// An enum value's place among 8: its head and length times the multiplier, top 3 bits.
std::size_t enum_place_of(std::uint64_t head, std::size_t size, std::uint64_t mul) {
  return static_cast<std::size_t>(((head ^ (std::uint64_t{size} << 56)) * mul) >> 61);
}
// A multiplier that gives each of the n values (heads and lengths) a place of its own, and the
// places' values (kShortEnum for an empty place); 0 when none of those tried does.
std::uint64_t enum_multiplier(const std::uint64_t* head, const std::size_t* size, std::size_t n, std::uint8_t* place) {
  for (std::uint64_t k = 0; k < 4096; ++k) {
    const std::uint64_t mul = (0x9E3779B97F4A7C15ull + k * 0xD1B54A32D192ED03ull) | 1;
    std::uint8_t at[8];
    std::fill(at, at + 8, static_cast<std::uint8_t>(8));
    bool distinct = true;
    for (std::size_t i = 0; i < n && distinct; ++i) {
      std::uint8_t& p = at[enum_place_of(head[i], size[i], mul)];
      distinct = p == 8;
      p = static_cast<std::uint8_t>(i);
    }
    if (distinct) {
      std::copy(at, at + 8, place);
      return mul;
    }
  }
  return 0;
}
// Excel's words for true and false in a Russian or Kazakh locale, and the yes/no people type:
// 1, 0, or -1 for anything else.
std::int32_t excel_bool_value(std::string_view v) {
  static const std::pair<std::string_view, std::int32_t> kWords[] = {
      {"ИСТИНА", 1}, {"Истина", 1}, {"истина", 1}, {"ЛОЖЬ", 0}, {"Ложь", 0}, {"ложь", 0},
      {"ДА", 1}, {"Да", 1}, {"да", 1}, {"НЕТ", 0}, {"Нет", 0}, {"нет", 0},
      {"АҚИҚАТ", 1}, {"Ақиқат", 1}, {"ақиқат", 1}, {"ЖАЛҒАН", 0}, {"Жалған", 0}, {"жалған", 0},
      {"ИӘ", 1}, {"Иә", 1}, {"иә", 1}, {"ЖОҚ", 0}, {"Жоқ", 0}, {"жоқ", 0}};
  for (const auto& [w, b] : kWords)
    if (v == w) return b;
  return -1;
}

// `4,87` as `4.87`: one comma between digits and no point; empty for anything else.
std::string comma_decimal(std::string_view v) {
  const std::size_t c = v.find(',');
  if (c == std::string_view::npos || v.find(',', c + 1) != std::string_view::npos || v.find('.') != std::string_view::npos)
    return {};
  std::string out(v);
  out[c] = '.';
  return out;
}
}  // namespace

Diagnostic* TableBuilder::field_error(std::string code, std::size_t r, int h, std::string message, std::string help) {
  if (json_)
    return reporter_->add(data_error(std::move(code), t_.file, 0, 0, {}, fmt::format("{}: {}", row_name(r), message),
                                    std::move(help)));
  const CsvPlace at = locator_->place(r, h < 0 ? 0 : static_cast<std::size_t>(h));
  return reporter_->add(
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
    Diagnostic* d = reporter_->add(data_error("data-duplicate-column", t_.file, json_ ? 0 : line, col,
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
    reporter_->add(data_error("data-missing-column", t_.file, 0, 0, {},
                             fmt::format("no record has the field{} {}; fields found: {}", plural, list, found),
                             std::move(help)));
  else
    reporter_->add(data_error("data-missing-column", t_.file, line, 1, locator_->line(line),
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
    t_.columns[c].bind(&ts_.columns[c]);
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
      static_assert(Slot::kShortEnum == 8, "enum_multiplier gives 8 places, 8 for an empty one");
      s.enum_size[Slot::kShortEnum] = std::numeric_limits<std::size_t>::max();  // no field is this long
      s.enum_mul = enum_multiplier(s.enum_head, s.enum_size, s.short_enum, s.enum_place);
    }
    slots_.push_back(s);
  }
  views_.assign(slots_.size() * kStage, std::string_view());
  sink_.assign(kStage, std::string_view());
  dest_.assign(names.size() + 64, sink_.data());
  for (std::size_t k = 0; k < slots_.size(); ++k) dest_[slots_[k].h] = views_.data() + k * kStage;
  stage_.assign(slots_.size() * kStage, 0);
  stage_lines_.assign(kStage, 0);
  staged_ = 0;
}

void TableBuilder::wide_text() {
  for (Column& c : t_.columns)
    if (c.values.half() && c.values.empty()) c.values.set_width(4);
}

void TableBuilder::flush() {
  if (staged_ == 0) return;
  const std::size_t at = base_ + written_, n = at + staged_;
  for (std::size_t k = 0; k < slots_.size(); ++k)
    encode_column(k, slots_[k], views_.data() + k * kStage, stage_.data() + k * kStage);
  if (!bad_.empty()) report_bad();
  kept_.clear();
  for (std::size_t k = 0; k < slots_.size(); ++k) {
    auto& values = out_->columns[slots_[k].c].values;
    if (values.size() < n) grow(values, n);
    // Widened by write when its codes outgrow two bytes, unless other readers write into it.
    if (!values.write(at, stage_.data() + k * kStage, staged_, !fixed_)) throw CodesTooWide();
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
    if (s.column->values.size() < base + n)
      throw std::logic_error("TableBuilder::take_piece: a column is shorter than the piece's rows");
    if (s.type == ColumnType::Text || is_number(s.type)) {
      ColumnValues& values = s.column->values;
      const Column& from = piece.columns[s.c];
      std::vector<std::int32_t> code(from.dictionary.size());
      for (std::size_t i = 0; i < from.dictionary.size(); ++i) {
        code[i] = s.column->index.intern(from.dictionary[i], s.column->dictionary);
        if (is_number(s.type) && static_cast<std::size_t>(code[i]) == s.column->numbers.size())
          s.column->numbers.push_back(from.numbers[i]);
      }
      // The first reader's and the piece's values together may not fit two bytes a row where each
      // did (the pieces are done: nothing else writes into the column).
      if (values.half() && s.column->dictionary.size() > static_cast<std::size_t>(ColumnValues::kMaxHalf) + 1) values.widen();
      // Front to back: row at + i is never after row base + i, which was read already.
      auto translate = [&](auto* v, auto missing) {
        for (std::size_t i = 0; i < n; ++i) {
          const auto c = v[base + i];
          v[at + i] = c == missing ? missing : static_cast<decltype(missing)>(code[static_cast<std::size_t>(c)]);
        }
      };
      if (values.half()) translate(values.halves(), ColumnValues::kMissingHalf);
      else translate(values.wide(), kMissing);
    } else if (at != base) {
      s.column->values.move(at, base, n);
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

// The staged rows' text fields of one column. Rows of one body come together: a body's code
// repeats row after row, and is recognised without a lookup. Where the value changes on most rows
// (a key's code), that check is dropped after the first thousand rows, and the block's values are
// looked up together (intern_batch), in the order of the rows, as one lookup after another would.
void TableBuilder::encode_text(std::size_t k, Slot& s, const std::string_view* v, std::int32_t* out) {
  Column& col = *s.column;
  const std::size_t n = staged_;
  std::size_t i = 0;
  for (; i < n && s.last != kNoCache; ++i) {
    const std::string_view t = v[i];
    if (t.empty()) {
      out[i] = kMissing;
      if (!s.may_be_empty) bad(i, k);
      continue;
    }
    if (s.last >= 0) {
      if (t.size() == s.last_size &&
          (t.size() <= 8 ? head_of(t) == s.last_head : same_text(col.dictionary[static_cast<std::size_t>(s.last)], t))) {
        ++s.repeats;
        out[i] = s.last;
        continue;
      }
      if (++s.changes == 1024 && s.repeats < 3 * 1024) {
        s.last = kNoCache;  // row i and the rest are looked up together below
        break;
      }
    }
    const std::int32_t code = col.index.intern(t, col.dictionary);
    s.last = code;
    s.last_size = t.size();
    s.last_head = t.size() <= 8 ? head_of(t) : 0;
    out[i] = code;
  }
  if (i < n) encode_together(k, s, v, out, i);
}

// Rows [from, staged_) of a text column looked up together. Where none is empty (a key's column),
// the codes are written straight to `out`; else the others are gathered first (no branch per
// field) and their codes put in place after.
void TableBuilder::encode_together(std::size_t k, Slot& s, const std::string_view* v, std::int32_t* out,
                                   std::size_t from) {
  Column& col = *s.column;
  const std::size_t n = staged_;
  std::size_t empty = 0;
  for (std::size_t i = from; i < n; ++i) empty += v[i].empty();
  if (empty == 0) return col.index.intern_batch(v + from, n - from, out + from, col.dictionary);
  std::string_view texts[kStage];
  std::uint16_t rows[kStage];
  std::size_t m = 0;
  for (std::size_t i = from; i < n; ++i) {
    texts[m] = v[i];
    rows[m] = static_cast<std::uint16_t>(i);
    m += !v[i].empty();
    out[i] = kMissing;
  }
  if (!s.may_be_empty)
    for (std::size_t i = from; i < n; ++i)
      if (v[i].empty()) bad(i, k);
  if (m == 0) return;
  std::int32_t codes[kStage];
  col.index.intern_batch(texts, m, codes, col.dictionary);
  for (std::size_t j = 0; j < m; ++j) out[rows[j]] = codes[j];
}

// Exact: the text is kept and read as a decimal fraction, never as a binary double.
void TableBuilder::encode_number(std::size_t k, Slot& s, const std::string_view* v, std::int32_t* out) {
  Column& col = *s.column;
  for (std::size_t i = 0; i < staged_; ++i) {
    const std::string_view t = v[i];
    out[i] = kMissing;
    if (t.empty()) {
      if (!s.may_be_empty) bad(i, k);
      continue;
    }
    std::int32_t code = col.index.find(t, col.dictionary);
    if (code < 0) {
      auto q = number_value(t, s.type == ColumnType::Whole);
      if (!q && excel_ && s.type == ColumnType::Decimal) {
        // A decimal comma, kept as the number with a point: the same value as `4.87` everywhere.
        const std::string point = comma_decimal(t);
        if (auto p = point.empty() ? std::nullopt : number_value(point, false)) {
          code = col.index.find(point, col.dictionary);
          if (code < 0) {
            code = col.index.intern(point, col.dictionary);
            col.numbers.push_back(std::move(*p));
          }
          out[i] = code;
          continue;
        }
      }
      if (!q) {
        bad(i, k);
        continue;
      }
      code = col.index.intern(t, col.dictionary);
      col.numbers.push_back(std::move(*q));
    }
    out[i] = code;
  }
}

void TableBuilder::encode_column(std::size_t k, Slot& s, const std::string_view* v, std::int32_t* out) {
  // Each loop: an empty field is missing, and wrong where the column may not be empty.
  auto each = [&](auto&& code) {
    for (std::size_t i = 0; i < staged_; ++i) {
      const std::string_view t = v[i];
      std::int32_t c = kMissing;
      if (t.empty() ? !s.may_be_empty : !code(t, c)) bad(i, k);
      out[i] = c;
    }
  };
  switch (s.type) {
    case ColumnType::Text: return encode_text(k, s, v, out);
    case ColumnType::Whole:
    case ColumnType::Decimal: return encode_number(k, s, v, out);
    case ColumnType::Enum:
      if (s.short_enum > 0)
        return each([&](std::string_view t, std::int32_t& c) {
          if (t.size() > 8) return false;
          const std::uint64_t head = head_of(t);
          if (s.enum_mul != 0) {  // the one value the field can be, by its place
            const std::size_t i = s.enum_place[enum_place_of(head, t.size(), s.enum_mul)];
            const bool hit = (s.enum_size[i] == t.size()) & (s.enum_head[i] == head);
            c = hit ? static_cast<std::int32_t>(i) : c;
            return hit;
          }
          for (std::size_t i = 0; i < s.short_enum; ++i)
            if (s.enum_size[i] == t.size() && s.enum_head[i] == head) {
              c = static_cast<std::int32_t>(i);
              return true;
            }
          return false;
        });
      return each([&](std::string_view t, std::int32_t& c) {
        const auto& values = s.column->schema->enum_values;
        for (std::size_t i = 0; i < values.size(); ++i)
          if (same_text(values[i], t)) {
            c = static_cast<std::int32_t>(i);
            return true;
          }
        return false;
      });
    case ColumnType::Bool:
      return each([&](std::string_view t, std::int32_t& c) {
        std::int32_t b = bool_value(t);
        if (b < 0 && excel_) b = excel_bool_value(t);
        if (b < 0) return false;
        c = b;
        return true;
      });
    case ColumnType::Date:
      return each([&](std::string_view t, std::int32_t& c) {
        const auto d = parse_date(t);
        if (!d) return false;
        c = d->days;
        return true;
      });
  }
}

// The errors of a block's wrong fields, in the order one row after another would meet them.
void TableBuilder::report_bad() {
  std::sort(bad_.begin(), bad_.end());
  for (const auto& [i, k] : bad_) {
    const Slot& s = slots_[k];
    const std::string_view v = views_[k * kStage + i];
    const std::size_t r = written_ + i;
    if (v.empty()) {
      empty_error(r, s);
      continue;
    }
    switch (s.type) {
      case ColumnType::Enum: enum_error(r, s, v); break;
      case ColumnType::Bool: bool_error(r, s, v); break;
      case ColumnType::Date: date_error(r, s, v); break;
      case ColumnType::Whole:
      case ColumnType::Decimal: number_error(r, s, v); break;
      case ColumnType::Text: throw std::logic_error("TableBuilder: a text field other than an empty one is never wrong");
    }
  }
  bad_.clear();
}

void TableBuilder::encode_row(std::size_t, const std::string_view* fields, std::size_t n, bool copied) {
  // No slot (a header naming no column of the table) has no block either: only the row is counted.
  std::string_view* at = slots_.empty() ? nullptr : views_.data() + staged_;
  for (const Slot& s : slots_) {
    std::string_view v = s.h < n ? fields[s.h] : std::string_view();
    if (copied && !v.empty()) v = kept_.emplace_back(v);
    *at = v;
    at += kStage;
  }
  if (++staged_ == kStage) flush();
}

// The error paths of the encoding, out of its way.

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
  else if (excel_bool_value(trim(v)) >= 0)
    help = fmt::format("`{}` is how Excel in a Russian or Kazakh locale writes {}: pass `--csv-dialect excel-ru` to read "
                       "such files, or write {}",
                       trim(v), excel_bool_value(trim(v)) ? "true" : "false", excel_bool_value(trim(v)) ? "true" : "false");
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
    help = whole ? fmt::format("`.` is the decimal point: write `{}`", std::string(t).replace(t.find(','), 1, "."))
                 : fmt::format("`.` is the decimal point: write `{}`, or pass `--csv-dialect excel-ru` to read a decimal "
                               "comma as Excel writes it in a Russian or Kazakh locale",
                               std::string(t).replace(t.find(','), 1, "."));
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
  // Day.month.year is how dates are usually typed here; show the same date the way we read it
  // (core/Date.hpp: the rule files' dates get the same hint).
  std::string help = "write dates as YYYY-MM-DD, e.g. 2024-01-31";
  if (auto iso = typed_date_as_iso(v)) help = fmt::format("write dates as YYYY-MM-DD: `{}` is {}", shown(v), *iso);
  field_error("data-bad-date", r, h,
              fmt::format("invalid date `{}` in column `{}`: expected YYYY-MM-DD", shown(v), cs.name),
              std::move(help));
}

void TableBuilder::finish() {
  flush();
  unfix();
  // Columns were sized ahead of the rows: cut to the rows read. Capacity never written holds no
  // memory (its pages were never touched); only a gross overestimate is given back.
  for (std::size_t c = 0; c < ts_.columns.size(); ++c) {
    ColumnValues& values = t_.columns[c].values;
    if (header_index_[c] < 0) {
      if (ts_.columns[c].derived) {  // computed after reading (interp::prepare_data), when read
        values.release();
        t_.columns[c].loaded = false;
        continue;
      }
      values.assign(t_.rows, kMissing);
      continue;
    }
    values.fit(t_.rows);
  }
  check_keys(threads_);
}

}  // namespace ereje::input
