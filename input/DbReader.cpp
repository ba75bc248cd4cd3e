// Tables read out of a database, validated like files. See DbReader.hpp.
#include "input/DbReader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace ereje::input {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string column_list(const TableSchema& ts) {
  std::string out;
  for (const auto& c : file_columns(ts)) out += (out.empty() ? "" : ", ") + c;
  return out;
}

// What messages need of a table once build_dataset has consumed it: each row's number and key.
struct RowKeys {
  std::string file;
  std::vector<std::uint32_t> numbers;
  std::vector<std::string> keys;  // "body `MJ`, code `S1`": the key columns' names and values
};

RowKeys keys_of(const TextTable& t, const TableSchema& ts) {
  RowKeys k{t.file, t.lines, {}};
  std::vector<std::pair<std::string, std::size_t>> cols;
  for (const auto& name : ts.key)
    if (auto h = std::find(t.header.begin(), t.header.end(), name); h != t.header.end())
      cols.push_back({name, static_cast<std::size_t>(h - t.header.begin())});
  k.keys.reserve(t.records.size());
  for (const auto& rec : t.records) {
    std::string key;
    for (const auto& [name, h] : cols)
      key += fmt::format("{}{} {}", key.empty() ? "" : ", ", name, rec[h].empty() ? std::string("empty") : "`" + rec[h] + "`");
    k.keys.push_back(std::move(key));
  }
  return k;
}

// "row 7 (body `MJ`, code `S1`)": the row's number and its key, so that a reader can find
// it with a query whatever the number means in that database.
std::string row_label(const RowKeys& t, std::uint32_t number) {
  auto it = std::find(t.numbers.begin(), t.numbers.end(), number);
  if (it == t.numbers.end()) return fmt::format("row {}", number);
  const std::string& key = t.keys[static_cast<std::size_t>(it - t.numbers.begin())];
  return key.empty() ? fmt::format("row {}", number) : fmt::format("row {} ({})", number, key);
}

// Rewrites the words of messages meant for JSON files ("record 3", "field") into a database's.
void rewrite(Diagnostic& d, const RowKeys& t) {
  auto rows = [&](std::string& s, bool with_key) {
    std::string out;
    std::size_t i = 0;
    while (true) {
      const std::size_t at = s.find("record ", i);
      if (at == std::string::npos || at + 7 >= s.size() || !std::isdigit(static_cast<unsigned char>(s[at + 7]))) {
        out += s.substr(i);
        break;
      }
      std::size_t end = at + 7;
      while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
      const auto number = static_cast<std::uint32_t>(std::stoul(s.substr(at + 7, end - at - 7)));
      out += s.substr(i, at - i) + (with_key ? row_label(t, number) : fmt::format("row {}", number));
      i = end;
    }
    s = out;
  };
  auto replace = [](std::string& s, std::string_view from, std::string_view to) {
    if (auto at = s.find(from); at != std::string::npos) s.replace(at, from.size(), to);
  };
  // The row a message is about gets its key; "already on record 3" and notes refer back to it.
  const bool leading = d.message.rfind("record ", 0) == 0;
  if (leading) {
    const std::size_t colon = d.message.find(": ");
    std::string head = d.message.substr(0, colon), tail = colon == std::string::npos ? "" : d.message.substr(colon);
    rows(head, true);
    rows(tail, false);
    d.message = head + tail;
  }
  replace(d.message, "missing value for required field", "missing value (NULL or empty) in required column");
  replace(d.help, "every record needs it (not null, not absent)", "every row needs one (not NULL, not empty)");
  if (d.message.rfind("no record has the field", 0) == 0) {
    replace(d.message, "no record has the field", "the table has no column");
    replace(d.message, "fields found:", "columns found:");
  }
  for (auto& n : d.notes) rows(n.message, true);
}

}  // namespace

bool is_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    std::uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n;
  }
  return true;
}

TextTable& start_db_table(DbRead& read, const std::string& name, std::vector<std::string> header) {
  TextTable& t = read.tables[name];
  t.file = read.shown + ":" + name;
  t.json = true;  // no line and column: messages name the row
  t.header = std::move(header);
  return t;
}

void db_value_error(DbRead& read, const TextTable& table, std::uint32_t row, const std::string& column,
                    std::string message, std::string help) {
  read.errors.push_back({table.file, column, std::move(message), std::move(help), row});
}

std::string find_db_table(const DbRead& read, const std::string& name, bool exact) {
  for (const auto& p : read.present)
    if (p == name) return p;
  if (!exact)
    for (const auto& p : read.present)
      if (lower(p) == name) return p;
  return {};
}

DataSet finish_db(DbRead read, std::shared_ptr<const Contract> contract, const std::vector<std::string>& needed,
                  std::vector<std::string> files, bool exact) {
  InputError missing;
  for (const auto& ts : contract->tables) {
    const bool is_needed = ts.lists_bodies || std::find(needed.begin(), needed.end(), ts.name) != needed.end();
    if (!is_needed || read.tables.count(ts.name)) continue;
    std::string help = fmt::format("{} `{}` ({}): create the table with the columns {}",
                                   ts.lists_bodies ? "every run reads" : "the rules in force read", ts.name,
                                   ts.meaning, column_list(ts));
    for (const auto& p : read.present)
      if (exact && lower(p) == ts.name)
        help = fmt::format("found the table `{}`: quoted table names are case-sensitive in PostgreSQL; rename it to {}",
                           p, ts.name);
    missing.diagnostics.add(data_error("data-missing-table", read.shown, 0, 0, {},
                                       fmt::format("missing table `{}` in the {} `{}`", ts.name, read.kind, read.shown),
                                       std::move(help)));
  }
  if (!missing.diagnostics.empty()) throw missing;
  // Values that could not be read as text are reported with the validation errors of the rest,
  // which then do not also call them empty.
  std::vector<RowKeys> keys;  // what messages need once build_dataset has consumed the tables
  for (const auto& [name, t] : read.tables) keys.push_back(keys_of(t, *contract->find(name)));
  auto keys_for = [&](const std::string& file) -> const RowKeys* {
    for (const auto& k : keys)
      if (k.file == file) return &k;
    return nullptr;
  };
  InputError out;
  std::set<std::string> unread;  // file, row, column of each value not read
  // A column of the wrong type gives the same error on every row: the first few are enough.
  constexpr std::size_t kShownPerColumn = 5;
  std::map<std::string, std::size_t> per_column;
  for (const auto& v : read.errors) {
    unread.insert(fmt::format("{}\n{}\n{}", v.table, v.row, v.column));
    ++per_column[v.table + "\n" + v.column];
  }
  std::map<std::string, std::size_t> counts = per_column;
  per_column.clear();
  for (const auto& v : read.errors) {
    if (++per_column[v.table + "\n" + v.column] > kShownPerColumn) continue;
    const RowKeys* k = keys_for(v.table);
    out.diagnostics.add(data_error("data-db-value", v.table, 0, 0, {},
                                   fmt::format("{}: column `{}` {}", k ? row_label(*k, v.row) : fmt::format("row {}", v.row),
                                               v.column, v.message),
                                   v.help));
  }
  for (const auto& [where, n] : counts) {
    if (n <= kShownPerColumn) continue;
    const std::size_t nl = where.find('\n');
    Diagnostic note = data_error("data-db-value", where.substr(0, nl), 0, 0, {},
                                 fmt::format("{} more rows like these in column `{}`", n - kShownPerColumn,
                                             where.substr(nl + 1)));
    note.severity = Severity::Note;
    out.diagnostics.add(std::move(note));
  }
  DataSet ds;
  try {
    ds = build_dataset(read.shown, contract, std::move(read.tables), needed);
    for (auto& [name, t] : ds.tables) t.row_word = "row";
  } catch (const InputError& e) {
    for (Diagnostic d : e.diagnostics.list()) {
      if (d.code == "data-empty-value" && d.message.rfind("record ", 0) == 0) {
        const std::size_t tick = d.message.find('`'), end = d.message.rfind('`');
        const std::string column = tick < end ? d.message.substr(tick + 1, end - tick - 1) : "";
        const std::string row = d.message.substr(7, d.message.find(':') - 7);
        if (unread.count(d.file + "\n" + row + "\n" + column)) continue;
      }
      if (const RowKeys* k = keys_for(d.file)) rewrite(d, *k);
      out.diagnostics.add(std::move(d));
    }
    throw out;
  }
  if (out.diagnostics.error_count() > 0) throw out;
  ds.files = std::move(files);
  return ds;
}

}  // namespace ereje::input
