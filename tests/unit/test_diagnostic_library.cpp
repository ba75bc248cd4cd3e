// Diagnostics that quote a library's message, in Kazakh and Russian (issue 17): the JSON parser's
// messages after "invalid JSON:" (every message of the installed nlohmann::json's lexer, every token
// name of its parser, read from its header, has a broken JSON text here that makes it, read by ereje's
// JSON reader), SQLite's messages from real broken databases read by ereje's SQLite reader, and
// libpq's common messages by their text. Each is translated whole: no word of English left outside
// quotes, and no notice. A message no wording knows stays English inside the translated sentence.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "core/DiagnosticText.hpp"
#include "input/JsonReader.hpp"
#include "input/SqliteReader.hpp"
#include "tests/unit/Support.hpp"

using namespace ereje;
using namespace ereje::test;
namespace fs = std::filesystem;

namespace {

// The words of two or more Latin letters left in `text` once quoted parts (backticks, single and
// double quotes), `kept`, code points (U+000A (LF), \u000A, \n, 0xEF) and the names of formats and
// programs are taken out.
std::vector<std::string> english_left(std::string text, const std::vector<std::string>& kept = {}) {
  for (const auto& k : kept)
    for (std::size_t at = text.find(k); at != std::string::npos; at = text.find(k)) text.replace(at, k.size(), " ");
  static const std::regex quoted(R"(`[^`]*`|'[^']*'|"[^"]*")");
  text = std::regex_replace(text, quoted, " ");
  static const std::regex codes(
      R"(U\+[0-9A-F]{4}(\.\.U\+[0-9A-F]{4})?( \([A-Z0-9]{2,3}\))?|\\u[0-9A-Fa-f]{4}|\\[bfnrt]|0x[0-9A-F]{2})");
  text = std::regex_replace(text, codes, " ");
  static const std::set<std::string> names = {"JSON", "UTF", "BOM", "true", "false", "null", "SQLite", "PostgreSQL",
                                              "CSV",  "URI",  "URL", "data", "md"};  // data.md
  std::vector<std::string> out;
  static const std::regex word("[A-Za-z_]{2,}");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it)
    if (!names.count(it->str())) out.push_back(it->str());
  return out;
}

// The diagnostic's message and help in `lang`: translated whole (no notice), no English left.
void check_translated(const Diagnostic& d, const std::vector<std::string>& kept = {}) {
  for (const char* lang : {"kk", "ru"}) {
    DiagnosticTranslator tr(lang);
    const Diagnostic t = tr(d);
    INFO(lang << ": " << d.message << "\n  gives: " << t.message << "\n  help: " << t.help);
    CHECK_FALSE(tr.missed());
    CHECK(t.message != d.message);
    CHECK(english_left(t.message, kept).empty());
    CHECK(english_left(t.help, kept).empty());
    for (const auto& n : t.notes) CHECK(english_left(n.message, kept).empty());
  }
}

// A message of `code` in `lang`: translated whole, no English left.
void check_text(const std::string& code, const std::string& en, const std::vector<std::string>& kept = {}) {
  for (const char* lang : {"kk", "ru"}) {
    bool partial = true;
    const auto t = translate_diagnostic_text(code, en, lang, &partial);
    INFO(lang << ": " << en << "\n  gives: " << t.value_or("(none)"));
    REQUIRE(t);
    CHECK_FALSE(partial);
    CHECK(english_left(*t, kept).empty());
    for (const auto& k : kept) CHECK(has(*t, k));  // names, hosts and paths kept as written
  }
}

// A broken JSON text and the message ereje gives for it after "invalid JSON: ".
struct JsonSample {
  std::string text;
  std::string message;
};

std::vector<JsonSample> json_samples() {
  std::vector<JsonSample> v = {
      // The lexer: strings.
      {R"([{"a": "x)", "invalid string: missing closing quote"},
      {R"([{"a": "\u12"}])", R"(invalid string: '\u' must be followed by 4 hex digits)"},
      {R"([{"a": "\uD800"}])", "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"},
      {R"([{"a": "\uD800\u0041"}])", "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"},
      {R"([{"a": "\uDC00"}])", "invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF"},
      {R"([{"a": "\x"}])", "invalid string: forbidden character after backslash"},
      // Numbers, literals, and a first character that begins like a byte order mark (U+FF01).
      {"[-]", "invalid number; expected digit after '-'"},
      {"[1.]", "invalid number; expected digit after '.'"},
      {"[1e]", "invalid number; expected '+', '-', or digit after exponent"},
      {"[1e+]", "invalid number; expected digit after exponent sign"},
      {"[tru]", "invalid literal"},
      {"['a']", "invalid literal"},
      {"\xEF\xBC\x81", "invalid BOM; must be 0xEF 0xBB 0xBF if given"},
      // The lexer's message where the parser expected a token.
      {"{-", "invalid number; expected digit after '-'; expected string literal"},
      {"[1 -", "invalid number; expected digit after '-'; expected ']'"},
      {R"({"a" -)", "invalid number; expected digit after '-'; expected ':'"},
      {R"([{"a": 1 -)", "invalid number; expected digit after '-'; expected '}'"},
      {"[1] -", "invalid number; expected digit after '-'; expected end of input"},
      {"{1.", "invalid number; expected digit after '.'; expected string literal"},
      {"[1] 1e", "invalid number; expected '+', '-', or digit after exponent; expected end of input"},
      {"[1 1e+", "invalid number; expected digit after exponent sign; expected ']'"},
      {R"({"a)", "invalid string: missing closing quote; expected string literal"},
      {"[1 x", "invalid literal; expected ']'"},
      {R"({"a" "\q")", "invalid string: forbidden character after backslash; expected ':'"},
      // The parser: each token it can meet where another was expected.
      {"[}", "unexpected '}'; expected '[', '{', or a literal"},
      {"[1 2]", "unexpected number literal; expected ']'"},
      {R"({"a" 1})", "unexpected number literal; expected ':'"},
      {R"([{"a": 1 "b")", "unexpected string literal; expected '}'"},
      {"[{1", "unexpected number literal; expected string literal"},
      {"[1] [", "unexpected '['; expected end of input"},
      {"[1] {", "unexpected '{'; expected end of input"},
      {"[1] ]", "unexpected ']'; expected end of input"},
      {"[1] :", "unexpected ':'; expected end of input"},
      {"[1] ,", "unexpected ','; expected end of input"},
      {"[1] true", "unexpected true literal; expected end of input"},
      {"[1] false", "unexpected false literal; expected end of input"},
      {"[1] null", "unexpected null literal; expected end of input"},
      {R"([1] "x")", "unexpected string literal; expected end of input"},
      {"[", "unexpected end of input; expected '[', '{', or a literal"},
      {R"([{"a": 1)", "unexpected end of input; expected '}'"},
      {"[1", "unexpected end of input; expected ']'"},
      {"[{", "unexpected end of input; expected string literal"},
      {R"([{"a")", "unexpected end of input; expected ':'"},
      {"[,", "unexpected ','; expected '[', '{', or a literal"},
  };
  // Every control character in a string, each with its own name and escapes.
  static const char* names[] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF",
                                "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
                                "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
  static const std::map<int, std::string> short_escape = {{8, "b"}, {9, "t"}, {10, "n"}, {12, "f"}, {13, "r"}};
  for (int c = 0; c < 0x20; ++c) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%04X", c);
    std::string m = std::string("invalid string: control character U+") + hex + " (" + names[c] + ") must be escaped to \\u" + hex;
    if (auto s = short_escape.find(c); s != short_escape.end()) m += " or \\" + s->second;
    v.push_back({std::string(R"([{"a": "x)") + static_cast<char>(c) + "\"}]", m});
  }
  v.push_back({std::string(R"({"a)") + '\n', "invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n; "
                                             "expected string literal"});
  return v;
}

// Messages of the library that ereje's reader cannot meet (its UTF-8 check and its JSON without
// comments come first; the last token names are never said), worded all the same.
const std::vector<std::string> kUnreachableJson = {
    "invalid string: ill-formed UTF-8 byte",
    "invalid comment; missing closing '*/'",
    "invalid comment; expecting '/' or '*' after '/'",
    "unexpected <uninitialized>; expected ']'",
    "unexpected <parse error>; expected ']'",
    "unexpected unknown token; expected ']'",
};

// A string literal of C++ source from `at` (just after its opening quote), unescaped.
std::string literal_at(const std::string& text, std::size_t at) {
  std::string lit;
  for (std::size_t i = at; i < text.size() && text[i] != '"'; ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    lit += text[i];
  }
  return lit;
}

// nlohmann::json's lexer messages (`error_message = "…"`) and token names (`token_type_name`),
// read from the installed header; empty when it is not found.
std::pair<std::vector<std::string>, std::vector<std::string>> json_library_messages() {
  std::string text;
  std::string includes = EREJE_JSON_INCLUDES;
  for (std::size_t from = 0; from <= includes.size();) {
    std::size_t to = includes.find('|', from);
    if (to == std::string::npos) to = includes.size();
    const fs::path dir = includes.substr(from, to - from);
    from = to + 1;
    for (const char* f : {"nlohmann/detail/input/lexer.hpp", "nlohmann/json.hpp"})
      if (fs::exists(dir / f) && text.find("token_type_name") == std::string::npos) text += read_file(dir / f);
  }
  std::vector<std::string> messages, tokens;
  static const std::regex assign(R"re(error_message\s*=\s*")re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), assign); it != std::sregex_iterator(); ++it) {
    const std::string m = literal_at(text, static_cast<std::size_t>(it->position() + it->length()));
    if (!m.empty()) messages.push_back(m);
  }
  if (const auto at = text.find("token_type_name(const token_type t)"); at != std::string::npos) {
    const std::string body = text.substr(at, text.find("\n    }", at) - at);
    for (std::size_t r = body.find("return \""); r != std::string::npos; r = body.find("return \"", r + 1))
      tokens.push_back(literal_at(body, r + 8));
  }
  return {messages, tokens};
}

}  // namespace

TEST_CASE("every message of the JSON parser is translated whole into Kazakh and Russian", "[diagtext]") {
  const auto samples = json_samples();
  std::vector<std::string> said;
  for (const auto& s : samples) {
    INFO("JSON text: " << s.text);
    try {
      input::parse_json(s.text, "t.json");
      FAIL("the text is read without error");
    } catch (const InputError& e) {
      REQUIRE(e.diagnostics.list().size() == 1);
      const Diagnostic& d = e.diagnostics.list().front();
      CHECK(d.code == "data-invalid-json");
      CHECK(d.message == "invalid JSON: " + s.message);
      said.push_back(d.message);
      check_translated(d);
    }
  }
  for (const auto& m : kUnreachableJson) {
    check_text("data-invalid-json", "invalid JSON: " + m);
    said.push_back(m);
  }
  // Every message and token name of the installed library is in some sample: a newer version's
  // new message needs a sample here, and so a wording.
  const auto [messages, tokens] = json_library_messages();
  if (messages.empty()) WARN("nlohmann/json's header not found under " EREJE_JSON_INCLUDES ": its messages not listed");
  CHECK((messages.empty() || messages.size() >= 45));
  CHECK((messages.empty() || tokens.size() >= 15));
  auto in_some = [&](const std::string& part) {
    return std::any_of(said.begin(), said.end(), [&](const std::string& m) { return has(m, part); });
  };
  for (const auto& m : messages) {
    INFO("the lexer's message \"" << m << "\" is in no sample: add a broken JSON text and its wording");
    CHECK(in_some(m));
  }
  for (const auto& t : tokens) {
    INFO("the token name \"" << t << "\" is in no sample: add a broken JSON text and its wording");
    CHECK((in_some("unexpected " + t + ";") || in_some("; expected " + t)));
  }
}

TEST_CASE("JSON parser messages: the words, and a message no wording knows", "[diagtext]") {
  auto kk = [](const std::string& en) { return translate_diagnostic_text("data-invalid-json", en, "kk").value_or("(none)"); };
  auto ru = [](const std::string& en) { return translate_diagnostic_text("data-invalid-json", en, "ru").value_or("(none)"); };
  CHECK(kk("invalid JSON: unexpected '}'; expected string literal") == "жарамсыз JSON: мәтін жолы күтілген еді, табылғаны: '}'");
  CHECK(ru("invalid JSON: unexpected '}'; expected string literal") ==
        "некорректный JSON: неожиданный символ '}'; ожидался строковый литерал");
  CHECK(ru("invalid JSON: unexpected end of input; expected '[', '{', or a literal") ==
        "некорректный JSON: неожиданный конец файла; ожидался символ '[' или '{' либо литерал");
  CHECK(kk("invalid JSON: invalid number; expected digit after '-'; expected ']'") ==
        "жарамсыз JSON: жарамсыз сан: '-' таңбасынан кейін цифр күтілген еді; ']' күтілген еді");
  CHECK(ru("invalid JSON: invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n") ==
        "некорректный JSON: некорректная строка: управляющий символ U+000A (LF) нужно записать как \\u000A или \\n");
  CHECK(kk("invalid JSON: the number 1e400 is too large") == "жарамсыз JSON: 1e400 саны тым үлкен");
  CHECK(ru("invalid JSON: the number here is too large") == "некорректный JSON: число здесь слишком велико");
  // A message a newer library might say: English after the translated head, and the notice.
  bool partial = false;
  CHECK(translate_diagnostic_text("data-invalid-json", "invalid JSON: unexpected banana; expected ']'", "kk", &partial) ==
        "жарамсыз JSON: unexpected banana; expected ']'");
  CHECK(partial);
  DiagnosticTranslator tr("ru");
  CHECK(tr.text("data-invalid-json", "invalid JSON: a message of a newer parser") ==
        "некорректный JSON: a message of a newer parser");
  CHECK(tr.missed());
}

namespace {

// A SQLite database made by `sql` at `path`.
void make_db(const std::string& path, const std::string& sql) {
  fs::remove(path);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  INFO((error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// Writes `bytes` into the file at `offset`.
void overwrite(const std::string& path, std::streamoff offset, const std::string& bytes) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(offset);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The data-db-error that reading `path` with ereje's SQLite reader gives.
Diagnostic sqlite_error(const std::string& path) {
  try {
    input::load_sqlite(path, contract(), {"agencies"});
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics.list())
      if (d.code == "data-db-error") return d;
    FAIL("no data-db-error among: " << render(e.diagnostics));
  }
  FAIL("the database is read without error");
  return {};
}

}  // namespace

TEST_CASE("SQLite's messages from broken databases are translated whole into Kazakh and Russian", "[diagtext]") {
  TempDir dir;
  const std::string rows =
      "CREATE TABLE agencies (agency_id TEXT, name_kk TEXT, name_ru TEXT, kind TEXT);"
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
      "INSERT INTO agencies SELECT printf('A%04d', i), printf('%0100d', i), NULL, 'central' FROM n;";
  struct Case {
    std::string name, message;
    std::vector<std::string> kept;
  };
  std::vector<Case> cases;

  // A CSV file named .db.
  dir.write("text.db", "agency_id,name_kk,name_ru,kind\nMJ,x,y,central\n");
  cases.push_back({"text.db", "cannot read the SQLite database: file is not a database", {}});
  // A database whose table's pages are overwritten (a copy cut or damaged on the way).
  make_db(dir.str("damaged.db"), rows);
  overwrite(dir.str("damaged.db"), 4096 * 2 + 10, std::string(3000, '\xA5'));
  cases.push_back({"damaged.db", "cannot read the table: database disk image is malformed", {}});
  // One whose schema does not parse.
  make_db(dir.str("schema.db"), "CREATE TABLE agencies (agency_id TEXT); PRAGMA writable_schema = ON;"
                                "UPDATE sqlite_master SET sql = 'CREATE TABLE agencies (agency_id' WHERE name = 'agencies';");
  cases.push_back({"schema.db", "cannot read the SQLite database: malformed database schema (agencies) - incomplete input",
                   {"agencies"}});
  // One written by a newer SQLite (schema format 9).
  make_db(dir.str("newer.db"), "CREATE TABLE agencies (agency_id TEXT);");
  overwrite(dir.str("newer.db"), 44, std::string("\0\0\0\x09", 4));
  cases.push_back({"newer.db", "cannot read the SQLite database: unsupported file format", {}});
  // Views that read what is not there: a dropped table, a column, a function of an extension.
  make_db(dir.str("view_table.db"), "CREATE TABLE old (a); CREATE VIEW agencies AS SELECT * FROM old; DROP TABLE old;");
  cases.push_back({"view_table.db", "cannot read the table: no such table: main.old", {"main.old"}});
  make_db(dir.str("view_column.db"), "CREATE TABLE old (a); CREATE VIEW agencies AS SELECT agency_id FROM old;");
  cases.push_back({"view_column.db", "cannot read the table: no such column: agency_id", {"agency_id"}});
  make_db(dir.str("view_function.db"), "CREATE TABLE old (a); CREATE VIEW agencies AS SELECT ext_upper(a) AS agency_id FROM old;");
  cases.push_back({"view_function.db", "cannot read the table: no such function: ext_upper", {"ext_upper"}});
  // A folder where the file should be (the reader called on it directly: `--data` reads a folder).
  fs::create_directories(dir.str("folder.db"));
  cases.push_back({"folder.db", "cannot open the SQLite database: disk I/O error", {}});

  for (const auto& c : cases) {
    INFO(c.name);
    const Diagnostic d = sqlite_error(dir.str(c.name));
    CHECK(d.message == c.message);
    check_translated(d, c.kept);
  }

  // A database locked by a writer past the reader's wait (5 s).
  {
    make_db(dir.str("locked.db"), rows);
    sqlite3* writer = nullptr;
    REQUIRE(sqlite3_open(dir.str("locked.db").c_str(), &writer) == SQLITE_OK);
    REQUIRE(sqlite3_exec(writer, "BEGIN EXCLUSIVE; DELETE FROM agencies WHERE rowid = 1;", nullptr, nullptr, nullptr) == SQLITE_OK);
    const Diagnostic d = sqlite_error(dir.str("locked.db"));
    sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(writer);
    CHECK(d.message == "cannot read the SQLite database: database is locked");
    check_translated(d);
  }
}

TEST_CASE("database client messages: SQLite's others and libpq's common ones, and one no wording knows", "[diagtext]") {
  // SQLite's messages no file made here gives (a root user's tests meet no permission).
  for (const char* m : {"unable to open database file", "attempt to write a readonly database", "database or disk is full",
                        "database table is locked", "access permission denied", "string or blob too big", "out of memory"})
    check_text("data-db-error", std::string("cannot open the SQLite database: ") + m);
  check_text("data-db-error", "cannot read the table: no such module: fts5", {"fts5"});
  check_text("data-db-error", "cannot read the table: no such collation sequence: kk_KZ", {"kk_KZ"});
  check_text("data-db-error", "cannot read the table: view agencies is circularly defined", {"agencies"});
  check_text("data-db-error", "cannot read the SQLite database: malformed database schema (v) - near \"FORM\": syntax error", {"(v)"});
  // libpq's first line: the connection's failure, with the system's, the resolver's or the server's reason.
  const std::string c = "cannot connect to the PostgreSQL database: ";
  const std::vector<std::pair<std::string, std::vector<std::string>>> connect = {
      {R"(connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory)",
       {R"("/var/run/postgresql/.s.PGSQL.5432")"}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: Connection refused)", {R"("db.local" (10.0.0.7))"}},
      {R"(connection to server at "127.0.0.1", port 5433 failed: Connection timed out)", {R"("127.0.0.1")"}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: No route to host)", {R"("db.local")"}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: Network is unreachable)", {R"("db.local")"}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: timeout expired)", {R"("db.local")"}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: server closed the connection unexpectedly)",
       {R"("db.local")"}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: FATAL:  password authentication failed for user "ann")",
       {R"("ann")"}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: FATAL:  database "assess" does not exist)",
       {R"("assess")"}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: FATAL:  role "ann" does not exist)", {R"("ann")"}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: FATAL:  no pg_hba.conf entry for host "10.0.0.9", user "ann", database "assess", no encryption)",
       {"pg_hba.conf", R"("10.0.0.9")"}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: FATAL:  no pg_hba.conf entry for host "10.0.0.9", user "ann", database "assess", SSL encryption)",
       {"pg_hba.conf", "SSL"}},
      {R"(connection to server on socket "/tmp/.s.PGSQL.5432" failed: FATAL:  Peer authentication failed for user "ann")",
       {"peer"}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: FATAL:  the database system is starting up)", {}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: FATAL:  the database system is shutting down)", {}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: FATAL:  sorry, too many clients already)", {}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: FATAL:  permission denied for database "assess")",
       {}},
      {R"(connection to server at "db.local" (10.0.0.7), port 5432 failed: fe_sendauth: no password supplied)", {}},
      {R"(could not translate host name "db.lokal" to address: Name or service not known)", {R"("db.lokal")"}},
      {R"(could not translate host name "db.local" to address: Temporary failure in name resolution)", {}},
      {R"(invalid URI query parameter: "sslmod")", {R"("sslmod")"}},
      {R"(invalid port number: "54x")", {R"("54x")"}},
  };
  for (const auto& [m, kept] : connect) check_text("data-db-connect", c + m, kept);
  check_text("data-db-connect",
             "check the URL (postgresql://USER@HOST:PORT/DATABASE) and that the server is running; give a password in "
             "PGPASSWORD or ~/.pgpass rather than in the URL",
             {"postgresql://USER@HOST:PORT/DATABASE", "PGPASSWORD", "~/.pgpass"});
  // The server's errors while reading, and the client library that is not installed.
  check_text("data-db-error", "cannot read the table: ERROR:  permission denied for table services", {"services"});
  for (const char* m : {"cannot list the tables: server closed the connection unexpectedly",
                        "cannot set up the session: FATAL:  terminating connection due to administrator command",
                        "cannot start a read-only transaction: no connection to the server",
                        "cannot end the transaction: ERROR:  canceling statement due to statement timeout"})
    check_text("data-db-error", m);
  check_text("data-db-error",
             "cannot load the PostgreSQL client library: libpq.so.5: cannot open shared object file: No such file or directory",
             {"libpq.so.5"});
  check_text("data-db-error", "install it (Debian: apt-get install libpq5), or export the tables to CSV",
             {"Debian: apt-get install libpq5"});
  check_text("data-db-error",
             "cannot load the SQLite library: libsqlite3.so.0: cannot open shared object file: No such file or directory",
             {"libsqlite3.so.0"});
  check_text("data-db-error", "install it (Debian: apt-get install libsqlite3-0), or export the tables to CSV",
             {"Debian: apt-get install libsqlite3-0"});
  // The exact words, with names, hosts and socket paths as written.
  auto kk = [](const char* code, const std::string& en) { return translate_diagnostic_text(code, en, "kk").value_or("(none)"); };
  auto ru = [](const char* code, const std::string& en) { return translate_diagnostic_text(code, en, "ru").value_or("(none)"); };
  CHECK(ru("data-db-connect", c + R"(connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory)") ==
        R"(не удаётся подключиться к базе данных PostgreSQL: не удалось подключиться к серверу через сокет "/var/run/postgresql/.s.PGSQL.5432": нет такого файла или каталога)");
  CHECK(kk("data-db-connect", c + R"(connection to server at "h" (1.2.3.4), port 5432 failed: FATAL:  database "x" does not exist)") ==
        R"(PostgreSQL дерекқорына қосылу мүмкін емес: "h" (1.2.3.4) серверіне 5432 порты арқылы қосылу сәтсіз аяқталды: сервер бас тартты: "x" дерекқоры жоқ)");
  CHECK(ru("data-db-error", "cannot read the SQLite database: file is not a database") ==
        "не удаётся прочитать базу данных SQLite: файл не является базой данных");
  CHECK(kk("data-db-error", "cannot read the table: no such table: main.old") == "кестені оқу мүмкін емес: main.old кестесі жоқ");
  // A message no wording knows: English inside the translated sentence, and the notice.
  bool partial = false;
  CHECK(translate_diagnostic_text("data-db-connect", c + R"(connection to server at "h" (1.2.3.4), port 5432 failed: FATAL:  something new)",
                                  "ru", &partial) ==
        R"(не удаётся подключиться к базе данных PostgreSQL: не удалось подключиться к серверу "h" (1.2.3.4), порт 5432: сервер отказал: something new)");
  CHECK(partial);
  DiagnosticTranslator tr("kk");
  CHECK(tr.text("data-db-error", "cannot read the SQLite database: a message of a newer SQLite") ==
        "SQLite дерекқорын оқу мүмкін емес: a message of a newer SQLite");
  CHECK(tr.missed());
}
