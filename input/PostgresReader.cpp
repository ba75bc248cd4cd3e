// PostgreSQL input: see PostgresReader.hpp. Values come in libpq's text format with DateStyle ISO:
// text and integers as written, booleans t/f read as true/false, dates as YYYY-MM-DD, NULL as
// missing. A char(n) value loses the trailing blanks PostgreSQL pads it with. A real or numeric,
// a timestamp or bytea in a column of data.md is an error: a code, a date or a boolean is never one.
#include "input/PostgresReader.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <memory>

#include "core/SharedLibrary.hpp"
#include "input/DbReader.hpp"

namespace ereje::input {
namespace {

// libpq is opened when a PostgreSQL URL is read, not when ereje starts (core/SharedLibrary.hpp).
#define EREJE_LIBPQ_FUNCTIONS(F)                                                                          \
  F(PQclear) F(PQconnectdbParams) F(PQerrorMessage) F(PQexec) F(PQfinish) F(PQfname) F(PQftype)       \
  F(PQgetisnull) F(PQgetlength) F(PQgetvalue) F(PQnfields) F(PQntuples) F(PQresultStatus) F(PQstatus)    \
  F(PQsendQuery) F(PQsetSingleRowMode) F(PQgetResult)
EREJE_LIBRARY_FUNCTIONS(Libpq, EREJE_LIBPQ_FUNCTIONS)

const Libpq& pq() {
  return load_once<Libpq>(EREJE_LIBPQ_SONAME, [](const std::string& why) {
    throw_input_error(data_error("data-db-error", "postgresql", 0, 0, {},
                                 fmt::format("cannot load the PostgreSQL client library: {}", why),
                                 "install it (Debian: apt-get install libpq5), or export the tables to CSV"));
  });
}

struct ConnCloser {
  void operator()(PGconn* c) const { pq().PQfinish(c); }
};
struct ResultCloser {
  void operator()(PGresult* r) const { pq().PQclear(r); }
};
using Conn = std::unique_ptr<PGconn, ConnCloser>;
using Result = std::unique_ptr<PGresult, ResultCloser>;

// Type oids of pg_type.h (stable across versions).
constexpr Oid kBool = 16, kBytea = 17, kBpchar = 1042, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700,
              kTimestamp = 1114, kTimestamptz = 1184, kMoney = 790;

std::string first_line(const char* message) {
  std::string s = message ? message : "";
  if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
  return s;
}

std::string quote_ident(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

Result exec(PGconn* c, const std::string& sql, const std::string& shown, const std::string& what) {
  Result r(pq().PQexec(c, sql.c_str()));
  const auto st = pq().PQresultStatus(r.get());
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
    throw_input_error(data_error("data-db-error", shown, 0, 0, {}, fmt::format("{}: {}", what, first_line(pq().PQerrorMessage(c))),
                                 "check that the user may read the tables of data.md in this database"));
  return r;
}

// A table's rows come one at a time (libpq's single-row mode), never as one result held whole: a
// view with no end, or a table larger than memory, stops at the limit on a table held in memory
// (as SQLite's does), with an error, and closing the connection stops the server's query.
void read_table(PGconn* c, DbRead& read, const TableSchema& ts, const std::string& name, bool ordered) {
  // ctid order is the table's physical order: the order rows were loaded in, for a table loaded
  // once. Views have no ctid; their rows come in the order the view gives.
  const std::string where = read.shown + ":" + ts.name;
  const std::string sql = "SELECT * FROM " + quote_ident(name) + (ordered ? " ORDER BY ctid" : "") + " LIMIT " +
                          std::to_string(kMaxRowsPerTable + 1);
  auto failed = [&] {
    throw_input_error(data_error("data-db-error", where, 0, 0, {},
                                 fmt::format("cannot read the table: {}", first_line(pq().PQerrorMessage(c))),
                                 "check that the user may read the tables of data.md in this database"));
  };
  if (!pq().PQsendQuery(c, sql.c_str()) || !pq().PQsetSingleRowMode(c)) failed();
  TextTable* t = nullptr;
  std::vector<std::string> header;
  std::vector<const ColumnSchema*> known;
  std::size_t bytes = 0;  // of the values read so far
  std::uint32_t number = 0;
  while (Result r{pq().PQgetResult(c)}) {
    const auto st = pq().PQresultStatus(r.get());
    if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK) failed();
    const int n = pq().PQnfields(r.get());
    if (!t) {  // the first result names the columns, even when there are no rows
      for (int i = 0; i < n; ++i) header.push_back(pq().PQfname(r.get(), i));
      t = &start_db_table(read, ts.name, header);
      for (const auto& h : header) known.push_back(is_derived(ts, h) ? nullptr : ts.column(h));
    }
    if (st != PGRES_SINGLE_TUPLE || pq().PQntuples(r.get()) != 1) continue;
    ++number;
    std::vector<std::string> rec;
    rec.reserve(header.size());
    for (int i = 0; i < n; ++i) {
      const auto h = static_cast<std::size_t>(i);
      if (pq().PQgetisnull(r.get(), 0, i)) {
        rec.emplace_back();
        continue;
      }
      std::string v(pq().PQgetvalue(r.get(), 0, i), static_cast<std::size_t>(pq().PQgetlength(r.get(), 0, i)));
      const Oid type = pq().PQftype(r.get(), i);
      if (known[h]) {
        if (type == kBool) {
          v = v == "t" ? "true" : v == "f" ? "false" : v;
        } else if (type == kBpchar) {
          while (!v.empty() && v.back() == ' ') v.pop_back();
        } else if (type == kFloat4 || type == kFloat8 || type == kNumeric || type == kMoney) {
          db_value_error(read, *t, number, header[h], fmt::format("holds the number {}", v),
                         "codes, texts and dates are text or date columns, booleans boolean: store it as one");
          v.clear();
        } else if (type == kTimestamp || type == kTimestamptz) {
          db_value_error(read, *t, number, header[h], fmt::format("holds the timestamp {}", v),
                         "store dates as the type date (or text YYYY-MM-DD)");
          v.clear();
        } else if (type == kBytea) {
          db_value_error(read, *t, number, header[h], "holds bytes (bytea)", "store the value as text");
          v.clear();
        }
      }
      rec.push_back(std::move(v));
    }
    // Counted as held in memory, as SQLite's rows are: each value with its string, each row with its vector.
    bytes += sizeof(rec);
    for (const auto& v : rec) bytes += sizeof(v) + (v.size() > 15 ? v.capacity() + 1 : 0);
    t->records.push_back(std::move(rec));
    t->lines.push_back(number);
    if (bytes > kMaxJsonBytes)
      throw_input_error(data_error("data-file-too-large", t->file, 0, 0, {},
                                   fmt::format("more than {} MiB of rows in memory, the limit for a table read "
                                               "from a database (stopped at row {})",
                                               kMaxJsonBytes >> 20, t->records.size()),
                                   "export a table this large as CSV: it is read in one pass, without that limit; "
                                   "or check that a view has an end"));
  }
  if (!t) failed();
}

}  // namespace

bool is_postgres_url(const std::string& data) {
  return data.rfind("postgresql://", 0) == 0 || data.rfind("postgres://", 0) == 0;
}

std::string redact_url(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const std::size_t start = scheme + 3;
  std::size_t end = url.find_first_of("/?#", start);
  if (end == std::string::npos) end = url.size();
  std::string out = url.substr(0, start);
  std::string authority = url.substr(start, end - start);
  if (auto at = authority.rfind('@'); at != std::string::npos) {
    std::string user = authority.substr(0, at);
    if (auto colon = user.find(':'); colon != std::string::npos) user.resize(colon);
    authority = user + "@" + authority.substr(at + 1);
  }
  out += authority;
  std::string rest = url.substr(end);
  // Query parameters: drop password=...
  if (auto q = rest.find('?'); q != std::string::npos) {
    std::string path = rest.substr(0, q), query = rest.substr(q + 1), kept;
    std::size_t i = 0;
    while (i <= query.size()) {
      std::size_t amp = query.find('&', i);
      if (amp == std::string::npos) amp = query.size();
      std::string param = query.substr(i, amp - i);
      if (!param.empty() && param.rfind("password=", 0) != 0) kept += (kept.empty() ? "" : "&") + param;
      i = amp + 1;
    }
    rest = kept.empty() ? path : path + "?" + kept;
  }
  return out + rest;
}

DataSet load_postgres(const std::string& url, std::shared_ptr<const Contract> contract, const std::vector<std::string>& needed) {
  // Messages name the database without the URL's parameters (and never with its password).
  std::string shown = redact_url(url);
  if (auto q = shown.find('?'); q != std::string::npos) shown.resize(q);
  // The URL's own settings first; then ours: UTF-8 text, and a bounded wait for an absent server.
  const char* keys[] = {"dbname", "client_encoding", "connect_timeout", "application_name", nullptr};
  const char* values[] = {url.c_str(), "UTF8", "10", "ereje", nullptr};
  Conn c(pq().PQconnectdbParams(keys, values, 1));
  if (!c || pq().PQstatus(c.get()) != CONNECTION_OK)
    throw_input_error(data_error(
        "data-db-connect", shown, 0, 0, {},
        fmt::format("cannot connect to the PostgreSQL database: {}", c ? first_line(pq().PQerrorMessage(c.get())) : "out of memory"),
        "check the URL (postgresql://USER@HOST:PORT/DATABASE) and that the server is running; give a password in "
        "PGPASSWORD or ~/.pgpass rather than in the URL"));
  exec(c.get(), "SET DateStyle = ISO; SET IntervalStyle = iso_8601", shown, "cannot set up the session");
  // One read-only snapshot: every table as of the same moment, and nothing written.
  exec(c.get(), "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", shown, "cannot start a read-only transaction");
  DbRead read;
  read.shown = shown;
  read.kind = "PostgreSQL database";
  Result list = exec(c.get(),
                     "SELECT c.relname, c.relkind FROM pg_catalog.pg_class c WHERE c.relkind IN ('r', 'v', 'm', 'f', 'p') "
                     "AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY c.relname",
                     shown, "cannot list the tables");
  std::vector<char> kinds;
  for (int i = 0; i < pq().PQntuples(list.get()); ++i) {
    read.present.push_back(pq().PQgetvalue(list.get(), i, 0));
    kinds.push_back(pq().PQgetvalue(list.get(), i, 1)[0]);
  }
  for (const auto& ts : contract->tables) {
    const std::string name = find_db_table(read, ts.name, true);
    if (name.empty()) continue;
    char kind = 'v';
    for (std::size_t i = 0; i < read.present.size(); ++i)
      if (read.present[i] == name) kind = kinds[i];
    read_table(c.get(), read, ts, name, kind == 'r' || kind == 'm');
  }
  exec(c.get(), "COMMIT", shown, "cannot end the transaction");
  c.reset();
  return finish_db(std::move(read), std::move(contract), needed, {}, true);
}

}  // namespace ereje::input
