// SQLite input: see SqliteReader.hpp. Values are taken as SQLite stores them: TEXT as written,
// INTEGER as its decimal digits (so a boolean stored as 0/1 reads as 0/1), NULL as missing; a REAL
// or a BLOB in a column of data.md is an error, since a code, a date or a boolean is never one.
#include "input/SqliteReader.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "core/SharedLibrary.hpp"
#include "input/DbReader.hpp"

namespace ereje::input {
namespace {

// libsqlite3 is opened when a SQLite database is read, not when ereje starts: linked, it cost
// every command 0.4 to 0.6 ms of the loader's work (bench/README.md, tenth session).
#define EREJE_SQLITE_FUNCTIONS(F)                                                                            \
  F(sqlite3_bind_text) F(sqlite3_busy_timeout) F(sqlite3_close) F(sqlite3_column_bytes) F(sqlite3_column_count) \
  F(sqlite3_column_double) F(sqlite3_column_int64) F(sqlite3_column_name) F(sqlite3_column_text)              \
  F(sqlite3_column_type) F(sqlite3_errmsg) F(sqlite3_exec) F(sqlite3_finalize) F(sqlite3_open_v2)            \
  F(sqlite3_prepare_v2) F(sqlite3_step)
EREJE_LIBRARY_FUNCTIONS(Libsqlite, EREJE_SQLITE_FUNCTIONS)

const Libsqlite& sq() {
  return load_once<Libsqlite>(EREJE_SQLITE_SONAME, [](const std::string& why) {
    throw_input_error(data_error("data-db-error", "sqlite", 0, 0, {}, fmt::format("cannot load the SQLite library: {}", why),
                                 "install it (Debian: apt-get install libsqlite3-0), or export the tables to CSV"));
  });
}

struct DbCloser {
  void operator()(sqlite3* db) const { sq().sqlite3_close(db); }
};
struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sq().sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtCloser>;

std::string quote_ident(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

[[noreturn]] void fail(const std::string& shown, const std::string& what, sqlite3* db, std::string help = {}) {
  throw_input_error(data_error("data-db-error", shown, 0, 0, {},
                               fmt::format("{}: {}", what, db ? sq().sqlite3_errmsg(db) : "out of memory"),
                               help.empty() ? "check that the file is a SQLite 3 database holding the tables of data.md"
                                            : std::move(help)));
}

Stmt prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  if (sq().sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return Stmt{};
  return Stmt{s};
}

void read_table(sqlite3* db, DbRead& read, const TableSchema& ts, const std::string& real_name) {
  // rowid gives messages a row number a user can query (`WHERE rowid = 7`); views and WITHOUT ROWID
  // tables have none, and their rows are numbered from 1 in the order read.
  // A view is read as it comes, never sorted: a view may have no end (a recursive one), and only
  // the row limit, applied by SQLite (LIMIT), stops it. A table is read in rowid order, which
  // costs nothing. A rowid past 2^32 (rowids are 64-bit) cannot be a row's number here: then the
  // rows are numbered 1, 2, 3, … in rowid order, as those of a view are, never a rowid cut short.
  const std::string limit = " LIMIT " + std::to_string(kMaxRowsPerTable + 1);
  bool is_view = false;
  {
    Stmt kind = prepare(db, "SELECT type FROM sqlite_master WHERE name = ?1");
    if (kind) {
      sq().sqlite3_bind_text(kind.get(), 1, real_name.c_str(), -1, SQLITE_TRANSIENT);
      if (sq().sqlite3_step(kind.get()) == SQLITE_ROW)
        is_view = std::string_view(reinterpret_cast<const char*>(sq().sqlite3_column_text(kind.get(), 0))) == "view";
    }
  }
  bool rowids_fit = true;
  if (!is_view) {
    Stmt range = prepare(db, "SELECT min(rowid), max(rowid) FROM " + quote_ident(real_name));
    if (range && sq().sqlite3_step(range.get()) == SQLITE_ROW && sq().sqlite3_column_type(range.get(), 0) != SQLITE_NULL)
      rowids_fit = sq().sqlite3_column_int64(range.get(), 0) >= 1 && sq().sqlite3_column_int64(range.get(), 1) < (std::int64_t{1} << 32);
  }
  Stmt s = is_view ? Stmt{} : prepare(db, "SELECT rowid, * FROM " + quote_ident(real_name) + " ORDER BY rowid" + limit);
  const bool rowid_column = s != nullptr;  // column 0 is the rowid
  const bool with_rowid = rowid_column && rowids_fit;  // rows numbered by their rowid
  if (!s) s = prepare(db, "SELECT * FROM " + quote_ident(real_name) + limit);
  if (!s) fail(read.shown + ":" + ts.name, "cannot read the table", db);
  const int n = sq().sqlite3_column_count(s.get());
  const int first = rowid_column ? 1 : 0;
  std::vector<std::string> header;
  for (int i = first; i < n; ++i) header.push_back(sq().sqlite3_column_name(s.get(), i));
  TextTable& t = start_db_table(read, ts.name, header);
  // Only the columns of the schema are checked for their storage class: others are ignored, as in CSV.
  std::vector<const ColumnSchema*> known;
  for (const auto& h : header) known.push_back(is_derived(ts, h) ? nullptr : ts.column(h));
  std::uint32_t ordinal = 0;
  std::size_t bytes = 0;  // of the values read so far
  int rc;
  while ((rc = sq().sqlite3_step(s.get())) == SQLITE_ROW) {
    ++ordinal;
    const auto number = with_rowid ? static_cast<std::uint32_t>(sq().sqlite3_column_int64(s.get(), 0)) : ordinal;
    std::vector<std::string> rec;
    rec.reserve(header.size());
    for (int i = first; i < n; ++i) {
      const auto h = static_cast<std::size_t>(i - first);
      const ColumnSchema* cs = known[h];
      switch (sq().sqlite3_column_type(s.get(), i)) {
        case SQLITE_NULL:
          rec.emplace_back();
          break;
        case SQLITE_INTEGER:
          rec.push_back(std::to_string(sq().sqlite3_column_int64(s.get(), i)));
          break;
        case SQLITE_FLOAT:
          rec.emplace_back();
          if (cs)
            db_value_error(read, t, number, header[h],
                           fmt::format("holds the real number {}", sq().sqlite3_column_double(s.get(), i)),
                           cs && is_number(cs->type)
                               ? "a REAL is a binary approximation: store the exact decimal as TEXT (e.g. '4.87') or INTEGER"
                               : "codes, texts and dates are TEXT, booleans INTEGER 0/1 or TEXT true/false: store it as one");
          break;
        case SQLITE_BLOB:
          rec.emplace_back();
          if (cs) db_value_error(read, t, number, header[h], "holds a BLOB", "store the value as TEXT (UTF-8)");
          break;
        default: {
          const auto* p = reinterpret_cast<const char*>(sq().sqlite3_column_text(s.get(), i));
          std::string v(p ? p : "", static_cast<std::size_t>(sq().sqlite3_column_bytes(s.get(), i)));
          if (cs && !is_utf8(v)) {
            db_value_error(read, t, number, header[h], "holds text that is not UTF-8",
                           "store text as UTF-8 (a database created with another encoding needs converting)");
            v.clear();
          }
          rec.push_back(std::move(v));
        }
      }
    }
    // Counted as held in memory: each value with its string, each row with its vector.
    bytes += sizeof(rec);
    for (const auto& v : rec) bytes += sizeof(v) + (v.size() > 15 ? v.capacity() + 1 : 0);
    t.records.push_back(std::move(rec));
    t.lines.push_back(number);
    if (t.records.size() > kMaxRowsPerTable) break;  // build_dataset reports it
    // A table is read whole into memory before it is checked, as a JSON file is: past JSON's limit
    // on bytes, it stops (a view with no end among them) with an error instead of all the memory.
    if (bytes > kMaxJsonBytes)
      throw_input_error(data_error("data-file-too-large", t.file, 0, 0, {},
                                   fmt::format("more than {} MiB of rows in memory, the limit for a table read "
                                               "from a database (stopped at row {})",
                                               kMaxJsonBytes >> 20, t.records.size()),
                                   "export a table this large as CSV: it is read in one pass, without that limit; "
                                   "or check that a view has an end"));
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(t.file, "cannot read the table", db);
}

}  // namespace

bool looks_like_sqlite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[16] = {};
  in.read(head, 16);
  return in.gcount() == 16 && std::string(head, 16) == std::string("SQLite format 3\0", 16);
}

DataSet load_sqlite(const std::string& path, std::shared_ptr<const Contract> contract, const std::vector<std::string>& needed) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw_input_error(data_error("data-no-folder", path, 0, 0, {}, fmt::format("SQLite database `{}` does not exist", path),
                                 "give --data a data folder, a SQLite database file or a postgresql:// URL"));
  sqlite3* raw = nullptr;
  // Read-only: a run never changes its input, and needs no write access to the file or its folder.
  const int rc = sq().sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) fail(path, "cannot open the SQLite database", db.get());
  sq().sqlite3_busy_timeout(db.get(), 5000);
  DbRead read;
  read.shown = path;
  read.kind = "SQLite database";
  // One read transaction: every table from the same state of the file.
  if (sq().sqlite3_exec(db.get(), "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
    fail(path, "cannot read the SQLite database", db.get());
  Stmt list = prepare(db.get(), "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name");
  if (!list) fail(path, "cannot read the SQLite database", db.get());
  while (sq().sqlite3_step(list.get()) == SQLITE_ROW)
    read.present.push_back(reinterpret_cast<const char*>(sq().sqlite3_column_text(list.get(), 0)));
  list.reset();
  for (const auto& ts : contract->tables) {
    const std::string name = find_db_table(read, ts.name, false);
    if (!name.empty()) read_table(db.get(), read, ts, name);
  }
  sq().sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr);
  db.reset();
  return finish_db(std::move(read), std::move(contract), needed, {path}, false);
}

}  // namespace ereje::input
