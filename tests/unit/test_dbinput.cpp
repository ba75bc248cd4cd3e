// Unit tests of the database inputs' shared parts: URL redaction, the dispatch of --data, UTF-8
// checks, and a SQLite file made here read like the CSV folder (tests/db/ has the end-to-end cases).
#include <catch2/catch.hpp>

#include "Support.hpp"
#include <sqlite3.h>

#include <filesystem>

#include "input/DbReader.hpp"
#include "input/LoadData.hpp"
#include "input/PostgresReader.hpp"
#include "input/SqliteReader.hpp"

using namespace ereje;
using namespace ereje::input;
namespace fs = std::filesystem;

TEST_CASE("a PostgreSQL URL is shown without its password") {
  CHECK(redact_url("postgresql://ann:s3cret@db.local:5432/assess") == "postgresql://ann@db.local:5432/assess");
  CHECK(redact_url("postgresql://ann@db.local/assess?password=x&sslmode=require") ==
        "postgresql://ann@db.local/assess?sslmode=require");
  CHECK(redact_url("postgres://db.local/assess?password=x") == "postgres://db.local/assess");
  CHECK(redact_url("postgresql:///assess") == "postgresql:///assess");
  CHECK(shown_data("examples/assessment-2023") == "examples/assessment-2023");
  CHECK(is_postgres_url("postgres://x/y"));
  CHECK_FALSE(is_postgres_url("data/postgresql"));
}

TEST_CASE("UTF-8 check of database text") {
  CHECK(is_utf8("Ұлытау облысының әкімдігі"));
  CHECK(is_utf8(""));
  CHECK_FALSE(is_utf8("\xC0\xAF"));          // overlong
  CHECK_FALSE(is_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_utf8("abc\xE9"));           // Windows-1251 byte
}

TEST_CASE("a SQLite database reads like the folder, and names table, row and column in errors") {
  const fs::path dir = fs::temp_directory_path() / "ereje-unit-sqlite";
  fs::create_directories(dir);
  const std::string path = (dir / "d.db").string();
  fs::remove(path);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db,
                       "CREATE TABLE agencies (agency_id TEXT, name_kk TEXT, name_ru TEXT, kind TEXT);"
                       "INSERT INTO agencies VALUES ('MJ', 'Әділет министрлігі', NULL, 'central');"
                       "CREATE TABLE Services (agency_id, service_id, parent_id, automation, portal_excluded INTEGER, mobile);"
                       "INSERT INTO Services VALUES ('MJ', 'S1', NULL, 'full', 0, 'true');"
                       "INSERT INTO Services VALUES ('MJ', 'S2', 'S1', 'partly', 1, 'false');",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);

  SECTION("an error names DATABASE:TABLE, the rowid with the key, and the column") {
    try {
      test::load_any(path, {"services"});
      FAIL("expected an input error");
    } catch (const InputError& e) {
      REQUIRE(e.diagnostics.list().size() == 1);
      const auto& d = e.diagnostics.list().front();
      CHECK(d.file == path + ":services");
      CHECK(d.code == "data-unknown-value");
      CHECK(d.message.rfind("row 2 (agency_id `MJ`, service_id `S2`): unknown value `partly` in column `automation`", 0) == 0);
    }
  }
  SECTION("a missing table the rules need is named with the columns to create") {
    try {
      load_sqlite(path, test::contract(), {"objections"});
      FAIL("expected an input error");
    } catch (const InputError& e) {
      const auto& d = e.diagnostics.list().front();
      CHECK(d.code == "data-missing-table");
      CHECK(d.message == "missing table `objections` in the SQLite database `" + path + "`");
      CHECK(d.help.find("agency_id, objection_id, clause, submitted_on, reviewed_on") != std::string::npos);
    }
  }
  SECTION("valid rows: values as in a CSV file; table names match whatever their case") {
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "UPDATE Services SET automation = 'partial' WHERE rowid = 2", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    DataSet ds = test::load_any(path, {"services"});
    REQUIRE(ds.bodies.size() == 1);
    CHECK(ds.bodies[0].kk_name == "Әділет министрлігі");
    CHECK(ds.bodies[0].ru_name.empty());
    const Table& s = ds.table("services");
    CHECK(s.rows == 2);
    CHECK(s.column("portal_excluded").values == input::LargeVector<std::int32_t>{0, 1});
    CHECK(s.column("mobile").values == input::LargeVector<std::int32_t>{1, 0});
    CHECK(ds.files == std::vector<std::string>{path});
  }
  fs::remove_all(dir);
}
