// Unit tests of the data-input layer: CSV and JSON readers, validation against data.md, folders.
// Each accepted oddity of real exports has a case, and each input error is checked for its words
// and for the line and column it points at (columns in code points, after Kazakh text too).
#include <catch2/catch.hpp>

#include <cstring>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "core/Date.hpp"
#include "input/CsvReader.hpp"
#include "input/DataSet.hpp"
#include "input/JsonReader.hpp"
#include "input/MappedFile.hpp"
#include "input/TextIndex.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <thread>
#include "tests/unit/Support.hpp"

using namespace ereje;
using namespace ereje::test;
using namespace ereje::input;
namespace fs = std::filesystem;

namespace {

template <class F>
InputError input_error(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e;
  }
  FAIL("expected an input error");
  return {};
}

const Diagnostic& first(const InputError& e) {
  REQUIRE_FALSE(e.diagnostics.list().empty());
  return e.diagnostics.list().front();
}

bool e_has_warning(const InputError& e, const std::string& code) {
  for (const auto& d : e.diagnostics.list())
    if (d.severity == Severity::Warning && d.code == code) return true;
  return false;
}


// The one diagnostic whose message contains `part`.
const Diagnostic& find(const InputError& e, const std::string& part) {
  for (const auto& d : e.diagnostics.list())
    if (has(d.message, part)) return d;
  FAIL("no diagnostic mentions `" << part << "`; got:\n" << render(e.diagnostics));
  return e.diagnostics.list().front();
}

const std::string kAgencies =
    "agency_id,name_kk,name_ru,kind\n"
    "MIN2,Министрлік,Министерство,central\n"
    "AKM1,Ақмола облысы әкімдігі,Акимат Акмолинской области,local\n";
const std::string kServices =
    "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n"
    "MIN2,S1,,full,false,true\n"
    "MIN2,S2,S1,partial,0,1\n"
    "AKM1,S1,,none,true,false\n";
const std::string kObjections =
    "agency_id,objection_id,clause,submitted_on,reviewed_on\n"
    "AKM1,O1,49,2024-03-01,2024-03-15\n"
    "AKM1,O2,50,2024-03-02,\n";
const std::string kSchedule =
    "stage,starts_on,ends_on\n"
    "objections_review,2024-03-01,2024-03-31\n";

// Builds a data set from CSV texts by table name, as load_folder would from files.
DataSet from_csv(const std::map<std::string, std::string>& files, const std::vector<std::string>& needed = {}) {
  std::map<std::string, TextTable> tables;
  for (const auto& [name, text] : files) tables[name] = parse_csv(text, name + ".csv", test::table_schema(name));
  return test::build_data("data", std::move(tables), needed);
}

std::map<std::string, std::string> valid_files() {
  return {{"agencies", kAgencies}, {"services", kServices}, {"objections", kObjections}, {"schedule", kSchedule}};
}

}  // namespace

// ---- CSV: what is accepted ----------------------------------------------------------------------

TEST_CASE("csv: records, lines and columns", "[input][csv]") {
  TextTable t = parse_csv("a,b,c\n1,22,333\n4,,6\n", "t.csv");
  REQUIRE(t.header == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(t.records.size() == 2);
  REQUIRE(t.records[0] == std::vector<std::string>{"1", "22", "333"});
  REQUIRE(t.records[1] == std::vector<std::string>{"4", "", "6"});
  REQUIRE(t.lines == std::vector<std::uint32_t>{2, 3});
  REQUIRE(t.cols[0] == std::vector<std::uint32_t>{1, 3, 6});
  REQUIRE(t.cols[1] == std::vector<std::uint32_t>{1, 3, 4});
  REQUIRE(t.header_line == 1);
  REQUIRE_FALSE(t.json);
}

TEST_CASE("csv: line ends and byte-order mark", "[input][csv]") {
  SECTION("byte-order mark is not part of the first column") {
    TextTable t = parse_csv("\xEF\xBB\xBF" "agency_id,kind\nA,local\n", "t.csv");
    REQUIRE(t.header[0] == "agency_id");
    REQUIRE(t.header_cols[0] == 1);
    REQUIRE(t.records[0] == std::vector<std::string>{"A", "local"});
  }
  SECTION("CRLF line ends") {
    TextTable t = parse_csv("a,b\r\n1,2\r\n3,4\r\n", "t.csv");
    REQUIRE(t.records.size() == 2);
    REQUIRE(t.records[1] == std::vector<std::string>{"3", "4"});
    REQUIRE(t.lines == std::vector<std::uint32_t>{2, 3});
  }
  SECTION("no line break after the last record") {
    TextTable t = parse_csv("a,b\n1,2", "t.csv");
    REQUIRE(t.records.size() == 1);
    REQUIRE(t.records[0] == std::vector<std::string>{"1", "2"});
    TextTable q = parse_csv("a,b\n1,\"2\"", "t.csv");
    REQUIRE(q.records[0][1] == "2");
    TextTable e = parse_csv("a,b\n1,", "t.csv");
    REQUIRE(e.records[0] == std::vector<std::string>{"1", ""});
    TextTable cr = parse_csv("a,b\r\n1,2\r", "t.csv");  // a CRLF file cut after its last CR
    REQUIRE(cr.records[0] == std::vector<std::string>{"1", "2"});
  }
  SECTION("header with no rows") {
    REQUIRE(parse_csv("a,b\n", "t.csv").records.empty());
    REQUIRE(parse_csv("a,b", "t.csv").records.empty());
    REQUIRE(parse_csv("a,b\r\n\r\n", "t.csv").records.empty());
  }
  SECTION("blank lines are not records; line numbers still count them") {
    TextTable t = parse_csv("\na,b\n1,2\n\n\r\n3,4\n\n\n", "t.csv");
    REQUIRE(t.header_line == 2);
    REQUIRE(t.records.size() == 2);
    REQUIRE(t.lines == std::vector<std::uint32_t>{3, 6});
  }
}

TEST_CASE("csv: quoted fields", "[input][csv]") {
  SECTION("commas and doubled quotes") {
    TextTable t = parse_csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"\"\n", "t.csv");
    REQUIRE(t.records[0] == std::vector<std::string>{"x, y", "say \"hi\"", ""});
    REQUIRE(t.cols[0] == std::vector<std::uint32_t>{1, 8, 21});
  }
  SECTION("line breaks inside kept as written, LF or CRLF") {
    TextTable t = parse_csv("a,b\r\n\"one\r\ntwo\",x\r\n\"three\nfour\",y\r\nlast,z\r\n", "t.csv");
    REQUIRE(t.records.size() == 3);
    REQUIRE(t.records[0] == std::vector<std::string>{"one\r\ntwo", "x"});
    REQUIRE(t.records[1] == std::vector<std::string>{"three\nfour", "y"});
    REQUIRE(t.lines == std::vector<std::uint32_t>{2, 4, 6});
    // The second field of a record spanning two lines sits on the second line, after `two",`.
    REQUIRE(t.line_of(0, 1) == 3);
    REQUIRE(t.col_of(0, 1) == 6);
    REQUIRE(t.line_of(2, 1) == 6);
  }
  SECTION("columns count code points, not bytes") {
    TextTable t = parse_csv("name,kind\nҚазақстан,local\n\"Қ,з\",x\n", "t.csv");
    REQUIRE(t.cols[0] == std::vector<std::uint32_t>{1, 11});
    REQUIRE(t.cols[1] == std::vector<std::uint32_t>{1, 7});
  }
}

// ---- CSV: errors --------------------------------------------------------------------------------

TEST_CASE("csv: invalid UTF-8", "[input][csv][error]") {
  auto e = input_error([] { parse_csv("a,b\nҚ,x\xFFy\n", "t.csv"); });
  const Diagnostic& d = first(e);
  REQUIRE(d.code == "data-invalid-utf8");
  REQUIRE(d.file == "t.csv");
  REQUIRE(has(d.message, "invalid UTF-8 at byte offset 8"));
  REQUIRE(d.line == 2);
  REQUIRE(d.column == 4);
  REQUIRE(has(d.help, "UTF-8"));
  REQUIRE(has(d.line_text, "\xEF\xBF\xBD"));  // shown as U+FFFD, never as the raw byte

  auto with_bom = input_error([] { parse_csv("\xEF\xBB\xBF" "a\n\xC0\n", "t.csv"); });
  REQUIRE(has(first(with_bom).message, "byte offset 5"));
  REQUIRE(first(with_bom).line == 2);
  REQUIRE(first(with_bom).column == 1);
}

TEST_CASE("csv: unterminated quoted field points at the opening quote", "[input][csv][error]") {
  auto e = input_error([] { parse_csv("a,b\n1,2\nҚазақ,\"open\n3,4\n5,6\n", "t.csv"); });
  const Diagnostic& d = first(e);
  REQUIRE(d.code == "data-unterminated-quote");
  REQUIRE(has(d.message, "unterminated quoted field"));
  REQUIRE(d.line == 3);
  REQUIRE(d.column == 7);
  REQUIRE(d.line_text == "Қазақ,\"open");
  REQUIRE_FALSE(d.help.empty());
}

TEST_CASE("csv: quotes in the wrong place", "[input][csv][error]") {
  SECTION("text after the closing quote") {
    auto e = input_error([] { parse_csv("a,b\n\"x\"y,2\n", "t.csv"); });
    REQUIRE(first(e).code == "data-text-after-quote");
    REQUIRE(first(e).line == 2);
    REQUIRE(first(e).column == 4);
  }
  SECTION("carriage return without line feed") {
    auto e = input_error([] { parse_csv("a,b\n1\r2,3\n", "t.csv"); });
    REQUIRE(first(e).code == "data-stray-cr");
    REQUIRE(first(e).column == 2);
  }
}

TEST_CASE("csv: empty file", "[input][csv][error]") {
  for (std::string text : {"", "\xEF\xBB\xBF", "\n", "\r\n\r\n"}) {
    auto e = input_error([&] { parse_csv(text, "agencies.csv", test::table_schema("agencies")); });
    const Diagnostic& d = first(e);
    REQUIRE(d.code == "data-empty-file");
    REQUIRE(has(d.message, "empty file: expected a header row with columns agency_id, name_kk, name_ru, kind"));
    REQUIRE(has(d.help, "agency_id,name_kk,name_ru,kind"));
  }
  // Derived columns are never asked for.
  auto s = input_error([] { parse_csv("", "services.csv", test::table_schema("services")); });
  REQUIRE(has(first(s).message, "parent_id, automation, portal_excluded, mobile"));
  REQUIRE_FALSE(has(first(s).message, "subtype"));
  auto plain = input_error([] { parse_csv("", "x.csv"); });
  REQUIRE(first(plain).message == "empty file: expected a header row");
}

TEST_CASE("csv: duplicate column in the header", "[input][csv][error]") {
  auto e = input_error([] { parse_csv("agency_id,kind,agency_id\nA,local,B\n", "t.csv"); });
  const Diagnostic& d = first(e);
  REQUIRE(d.code == "data-duplicate-column");
  REQUIRE(has(d.message, "duplicate column `agency_id`"));
  REQUIRE(d.line == 1);
  REQUIRE(d.column == 16);
  REQUIRE(d.notes.size() == 1);
  REQUIRE(has(d.notes[0].message, "line 1, column 1"));
  // Unnamed columns (trailing commas of spreadsheet exports) are not duplicates.
  REQUIRE(parse_csv("a,,\n1,,\n", "t.csv").records.size() == 1);
}

TEST_CASE("csv: ragged rows", "[input][csv][error]") {
  SECTION("more fields than the header") {
    auto e = input_error([] { parse_csv("a,b,c\n1,2,3\nҚазақстан,x,y,z\n", "t.csv"); });
    const Diagnostic& d = first(e);
    REQUIRE(d.code == "data-ragged-row");
    REQUIRE(has(d.message, "expected 3 fields as in the header, got 4"));
    REQUIRE(d.line == 3);
    REQUIRE(d.column == 15);
    REQUIRE(d.line_text == "Қазақстан,x,y,z");
    REQUIRE(has(d.help, "quotes"));
  }
  SECTION("fewer fields than the header") {
    auto e = input_error([] { parse_csv("a,b,c\r\n1,2\r\n", "t.csv"); });
    const Diagnostic& d = first(e);
    REQUIRE(has(d.message, "expected 3 fields as in the header, got 2"));
    REQUIRE(d.line == 2);
    REQUIRE(d.column == 4);
    REQUIRE(d.line_text == "1,2");
  }
  SECTION("after a record spanning lines") {
    auto e = input_error([] { parse_csv("a,b\n\"x\ny\",1,2\n", "t.csv"); });
    REQUIRE(first(e).line == 3);
    REQUIRE(first(e).column == 6);
    REQUIRE(first(e).line_text == "y\",1,2");
  }
}

TEST_CASE("csv: a file that cannot be read", "[input][csv][error]") {
  auto e = input_error([] { read_csv("/nonexistent/ereje/x.csv", "x.csv"); });
  REQUIRE(first(e).code == "data-unreadable");
  REQUIRE(first(e).file == "x.csv");
}

// ---- JSON ---------------------------------------------------------------------------------------

TEST_CASE("json: records, null and absent fields, booleans", "[input][json]") {
  TextTable t = parse_json(R"([
    {"agency_id": "A", "mobile": true, "name_kk": null},
    {"mobile": "0", "agency_id": "B", "extra": 5},
    {"agency_id": "C", "portal_excluded": false}
  ])",
                           "t.json", test::table_schema("services"));  // `extra` is no column of services: kept, unchecked
  REQUIRE(t.json);
  REQUIRE(t.header == std::vector<std::string>{"agency_id", "mobile", "name_kk", "extra", "portal_excluded"});
  REQUIRE(t.records.size() == 3);
  REQUIRE(t.records[0] == std::vector<std::string>{"A", "true", "", "", ""});
  REQUIRE(t.records[1] == std::vector<std::string>{"B", "0", "", "5", ""});
  REQUIRE(t.records[2] == std::vector<std::string>{"C", "", "", "", "false"});
  REQUIRE(t.lines == std::vector<std::uint32_t>{1, 2, 3});
  REQUIRE(t.cols[2] == std::vector<std::uint32_t>{1, 1, 1, 1, 1});
  REQUIRE(parse_json("\xEF\xBB\xBF[]", "t.json").records.empty());
}

TEST_CASE("json: errors", "[input][json][error]") {
  const TableSchema* services = test::table_schema("services");
  SECTION("a number where a code is expected") {
    auto e = input_error([&] {
      parse_json(R"([{"agency_id": "A", "service_id": "1"}, {"agency_id": "A", "service_id": 101}])", "s.json",
                 services);
    });
    const Diagnostic& d = first(e);
    REQUIRE(d.code == "data-json-value");
    REQUIRE(has(d.message, "record 2"));
    REQUIRE(has(d.message, "`service_id`"));
    REQUIRE(has(d.message, "number 101"));
    REQUIRE(has(d.help, "\"101\""));
    REQUIRE(d.line == 0);
  }
  SECTION("a number in an unknown field is ignored like any unknown column") {
    REQUIRE(parse_json(R"([{"agency_id": "A", "staff": 12, "tags": [1]}])", "s.json", services).records.size() == 1);
  }
  SECTION("nested objects and arrays") {
    auto e = input_error(
        [&] { parse_json(R"([{"agency_id": {"id": "A"}}, {"agency_id": ["A"]}])", "s.json", services); });
    REQUIRE(e.diagnostics.list().size() == 2);
    REQUIRE(has(find(e, "record 1").message, "an object"));
    REQUIRE(has(find(e, "record 2").message, "an array"));
  }
  SECTION("nesting a million deep, in an unknown field and in a column: read without recursion") {
    const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
    TextTable t = parse_json(R"([{"agency_id": "A", "tags": )" + deep + "}]", "s.json", services);
    REQUIRE(t.records.size() == 1);
    REQUIRE(t.records[0][0] == "A");
    auto e = input_error([&] { parse_json(R"([{"agency_id": )" + deep + "}]", "s.json", services); });
    REQUIRE(e.diagnostics.list().size() == 1);
    REQUIRE(has(first(e).message, "record 1: field `agency_id` holds an array"));
    // Unbalanced, as deep: the parser's error, with its position.
    auto u = input_error([&] { parse_json("[{\"tags\": " + std::string(1'000'000, '{'), "s.json", services); });
    REQUIRE(first(u).code == "data-invalid-json");
  }
  SECTION("a key written twice in one row: an error, not the last one winning") {
    auto e = input_error([&] {
      parse_json(R"([{"agency_id": "A", "service_id": "S1"}, {"agency_id": "A", "service_id": "S2", "agency_id": "B"}])",
                 "s.json", services);
    });
    REQUIRE(e.diagnostics.list().size() == 1);
    const Diagnostic& d = first(e);
    REQUIRE(d.code == "data-json-duplicate-key");
    REQUIRE(d.message == "record 2: the key `agency_id` is written twice in one row");
    REQUIRE(d.file == "s.json");
    // The same key in two rows, or inside a nested value, is no duplicate.
    REQUIRE(parse_json(R"([{"agency_id": "A", "x": {"k": 1, "k": 2}}, {"agency_id": "A"}])", "s.json", services)
                .records.size() == 2);
  }
  SECTION("a boolean in a text column") {
    auto e = input_error([&] { parse_json(R"([{"service_id": true}])", "s.json", services); });
    REQUIRE(has(first(e).message, "record 1: field `service_id` holds true"));
  }
  SECTION("truncated JSON becomes a position") {
    auto e = input_error([] { parse_json("[\n  {\"agency_id\": \"Қазақ\",\n", "t.json"); });
    const Diagnostic& d = first(e);
    REQUIRE(d.code == "data-invalid-json");
    REQUIRE(has(d.message, "invalid JSON"));
    REQUIRE_FALSE(has(d.message, "json.exception"));
    REQUIRE(d.line == 3);
    REQUIRE(d.column == 1);
  }
  SECTION("a bad literal points at its line and column") {
    auto e = input_error([] { parse_json("[\n {\"a\": \"Қ\", \"b\": tru}\n]", "t.json"); });
    REQUIRE(first(e).line == 2);
    REQUIRE(first(e).column == 21);  // where the parser gives up: just after `tru`
    REQUIRE_FALSE(has(first(e).message, "last read"));
  }
  SECTION("not an array of objects") {
    auto e = input_error([] { parse_json("  {\"agency_id\": \"A\"}", "t.json"); });
    REQUIRE(first(e).code == "data-json-shape");
    REQUIRE(has(first(e).message, "expected an array of objects"));
    REQUIRE(first(e).column == 3);
    auto r = input_error([] { parse_json(R"([{"a": "x"}, 5])", "t.json"); });
    REQUIRE(has(first(r).message, "record 2: expected an object"));
  }
  SECTION("empty file") {
    auto e = input_error([] { parse_json(" \n", "t.json"); });
    REQUIRE(has(first(e).message, "empty file"));
  }
  SECTION("invalid UTF-8") {
    auto e = input_error([] { parse_json("[{\"a\": \"\xD0\"}]", "t.json"); });
    REQUIRE(first(e).code == "data-invalid-utf8");
    REQUIRE(has(first(e).message, "byte offset 8"));
  }
}

// ---- validation and columns ---------------------------------------------------------------------

TEST_CASE("dataset: a valid folder as columns", "[input][dataset]") {
  DataSet ds = from_csv(valid_files(), {"services", "objections", "schedule"});
  REQUIRE(ds.tables.size() == test::contract()->tables.size());
  REQUIRE(ds.files == std::vector<std::string>{"agencies.csv", "services.csv", "objections.csv", "schedule.csv"});

  REQUIRE(ds.bodies.size() == 2);
  REQUIRE(ds.bodies[0].code == "AKM1");  // byte order, not file order
  REQUIRE(ds.bodies[0].kk_name == "Ақмола облысы әкімдігі");
  REQUIRE(ds.bodies[0].category == "local");
  REQUIRE(ds.bodies[1].code == "MIN2");
  REQUIRE(ds.bodies[1].ru_name == "Министерство");
  REQUIRE(ds.body_index("MIN2") == 1);
  REQUIRE(ds.body_index("nope") == -1);
  // Looked up through the hashed codes the loader keeps; a data set without them searches.
  REQUIRE(ds.body_codes == std::vector<std::string>{"AKM1", "MIN2"});
  DataSet plain;
  plain.bodies = ds.bodies;
  REQUIRE(plain.body_codes.empty());
  REQUIRE((plain.body_index("AKM1") == 0 && plain.body_index("MIN2") == 1 && plain.body_index("MIN") == -1));
  REQUIRE((ds.body_index("AKM1") == 0 && ds.body_index("MIN") == -1 && ds.body_index("") == -1));

  const Table& s = ds.table("services");
  REQUIRE(s.present);
  REQUIRE(s.file == "services.csv");
  REQUIRE(s.rows == 3);
  REQUIRE(s.columns.size() == s.schema->columns.size());
  REQUIRE(s.row_bodies() == std::vector<std::int32_t>{1, 1, 0});
  REQUIRE(s.lines.line(2) == 4);
  const Column& service = s.column("service_id");
  REQUIRE(service.dictionary == std::vector<std::string>{"S1", "S2"});
  REQUIRE(service.values == LargeVector<std::int32_t>{0, 1, 0});
  REQUIRE(service.code_of("S2") == 1);
  REQUIRE(service.code_of("S9") == -1);
  REQUIRE(s.column("parent_id").values == LargeVector<std::int32_t>{kMissing, 0, kMissing});
  REQUIRE(s.column("automation").values == LargeVector<std::int32_t>{2, 1, 0});
  REQUIRE(s.column("portal_excluded").values == LargeVector<std::int32_t>{0, 0, 1});
  REQUIRE(s.column("mobile").values == LargeVector<std::int32_t>{1, 1, 0});
  REQUIRE(s.column("subtype").values == LargeVector<std::int32_t>{0, 1, 0});
  REQUIRE(s.column("main").values == LargeVector<std::int32_t>{1, 0, 1});
  REQUIRE(s.column("main").present);

  const Table& o = ds.table("objections");
  REQUIRE(o.column("submitted_on").values[0] == make_date(2024, 3, 1).days);
  REQUIRE(o.column("reviewed_on").values == LargeVector<std::int32_t>{make_date(2024, 3, 15).days, kMissing});
  REQUIRE(o.row_bodies() == std::vector<std::int32_t>{0, 0});

  const Table& a = ds.table("agencies");
  REQUIRE(a.column("kind").values == LargeVector<std::int32_t>{0, 1});
  REQUIRE(a.row_bodies() == std::vector<std::int32_t>{1, 0});

  const Table& sch = ds.table("schedule");
  REQUIRE(sch.rows == 1);
  REQUIRE((!sch.has_bodies() && sch.row_bodies().empty()));
  REQUIRE(sch.column("ends_on").values[0] == make_date(2024, 3, 31).days);
  REQUIRE_THROWS_AS(sch.column("nope"), std::out_of_range);
}

TEST_CASE("dataset: accepted variations", "[input][dataset]") {
  SECTION("optional columns absent") {
    DataSet ds = from_csv({{"agencies", "agency_id\nB\nA\n"}});
    const Table& a = ds.table("agencies");
    REQUIRE(a.column("agency_id").present);
    REQUIRE_FALSE(a.column("name_kk").present);
    REQUIRE(a.column("kind").values == LargeVector<std::int32_t>{kMissing, kMissing});
    REQUIRE(ds.bodies[0].code == "A");
    REQUIRE(ds.bodies[0].category.empty());
  }
  SECTION("columns in any order, unknown columns ignored") {
    auto files = valid_files();
    files["services"] =
        "mobile,comment,automation,service_id,agency_id,portal_excluded,parent_id,subtype\n"
        "1,\"free, text\",full,S1,MIN2,0,,whatever\n";
    DataSet ds = from_csv(files);
    const Table& s = ds.table("services");
    REQUIRE(s.rows == 1);
    REQUIRE(s.column("automation").values[0] == 2);
    REQUIRE(s.column("mobile").values[0] == 1);
    REQUIRE(s.column("subtype").values[0] == 0);  // derived, never read from the file
    REQUIRE(s.column("main").values[0] == 1);
  }
  SECTION("a table with a header and no rows") {
    auto files = valid_files();
    files["objections"] = "agency_id,objection_id,clause,submitted_on,reviewed_on\r\n";
    DataSet ds = from_csv(files, {"objections"});
    REQUIRE(ds.table("objections").present);
    REQUIRE(ds.table("objections").rows == 0);
    REQUIRE(ds.table("objections").column("clause").values.empty());
  }
  SECTION("an absent table the rules do not need") {
    DataSet ds = from_csv({{"agencies", kAgencies}});
    const Table& o = ds.table("objections");
    REQUIRE_FALSE(o.present);
    REQUIRE(o.rows == 0);
    REQUIRE(o.columns.size() == o.schema->columns.size());
    REQUIRE(o.column("agency_id").values.empty());
    REQUIRE(ds.files == std::vector<std::string>{"agencies.csv"});
  }
  SECTION("JSON tables, with null, absent fields and string booleans") {
    std::map<std::string, TextTable> tables;
    tables["agencies"] = parse_json(R"([{"agency_id": "A", "kind": null}, {"agency_id": "B", "kind": "central"}])",
                                    "agencies.json", test::table_schema("agencies"));
    tables["services"] = parse_json(R"([
      {"agency_id": "A", "service_id": "1", "parent_id": null, "automation": "none", "portal_excluded": false, "mobile": "1"},
      {"agency_id": "A", "service_id": "2", "parent_id": "1", "automation": "full", "portal_excluded": "false", "mobile": true}
    ])",
                                    "services.json", test::table_schema("services"));
    tables["objections"] = parse_json("[]", "objections.json", test::table_schema("objections"));
    DataSet ds = test::build_data("data", std::move(tables), {"services", "objections"});
    REQUIRE(ds.table("agencies").column("kind").values == LargeVector<std::int32_t>{kMissing, 0});
    const Table& s = ds.table("services");
    REQUIRE(s.column("mobile").values == LargeVector<std::int32_t>{1, 1});
    REQUIRE(s.column("portal_excluded").values == LargeVector<std::int32_t>{0, 0});
    REQUIRE(s.column("subtype").values == LargeVector<std::int32_t>{0, 1});
    REQUIRE(s.lines.line(1) == 2);
    REQUIRE(ds.table("objections").present);
    REQUIRE(ds.table("objections").rows == 0);
  }
}

TEST_CASE("dataset: missing columns and values", "[input][dataset][error]") {
  SECTION("a required column missing from the header") {
    auto files = valid_files();
    files["services"] = "agency_id,service_id,parent_id,automation,Mobile,portal_excluded\nMIN2,S1,,full,1,0\n";
    auto e = input_error([&] { from_csv(files); });
    const Diagnostic& d = first(e);
    REQUIRE(d.code == "data-missing-column");
    REQUIRE(d.file == "services.csv");
    REQUIRE(has(d.message, "missing column `mobile`"));
    REQUIRE(has(d.message, "found: agency_id, service_id, parent_id, automation, Mobile, portal_excluded"));
    REQUIRE(has(d.help, "rename `Mobile` to `mobile` (column names are exact and case-sensitive)"));
    REQUIRE(d.line == 1);
    REQUIRE(d.column == 1);
    REQUIRE(e.diagnostics.list().size() == 1);
  }
  SECTION("several missing columns, one message") {
    auto files = valid_files();
    files["schedule"] = "stage,start,end\nreview,2024-01-01,2024-01-31\n";
    auto e = input_error([&] { from_csv(files); });
    REQUIRE(e.diagnostics.list().size() == 1);
    REQUIRE(has(first(e).message, "missing columns `starts_on`, `ends_on` in the header; found: stage, start, end"));
    REQUIRE(has(first(e).help, "`ends_on` is the stage's deadline"));
  }
  SECTION("a file without its header row") {
    auto files = valid_files();
    files["agencies"] = "MIN2,Министрлік,Министерство,central\n";
    auto e = input_error([&] { from_csv(files); });
    const Diagnostic& d = find(e, "missing column `agency_id`");
    REQUIRE(has(d.help, "the first line of the file must be the header naming the columns: agency_id,name_kk"));
  }
  SECTION("an empty value in a required column") {
    auto files = valid_files();
    files["services"] = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\nMIN2,S1,,full,,1\n";
    auto e = input_error([&] { from_csv(files); });
    const Diagnostic& d = first(e);
    REQUIRE(d.code == "data-empty-value");
    REQUIRE(has(d.message, "empty value in required column `portal_excluded`"));
    REQUIRE(d.line == 2);
    REQUIRE(d.column == 15);
    REQUIRE(d.line_text == "MIN2,S1,,full,,1");
  }
  SECTION("JSON: a missing value says record N") {
    std::map<std::string, TextTable> tables;
    tables["agencies"] = parse_json(R"([{"agency_id": "A"}, {"agency_id": null}])", "agencies.json");
    auto e = input_error([&] { test::build_data("data", std::move(tables), {}); });
    REQUIRE(has(first(e).message, "record 2: missing value for required field `agency_id`"));
  }
}

TEST_CASE("dataset: values of the wrong kind", "[input][dataset][error]") {
  SECTION("unknown enum value, with the nearest one") {
    auto files = valid_files();
    files["agencies"] = "agency_id,name_kk,name_ru,kind\nA1,Қазақстан,Казахстан,Local\nA2,,,regional\n";
    auto e = input_error([&] { from_csv(files); });
    const Diagnostic& d = find(e, "`Local`");
    REQUIRE(d.code == "data-unknown-value");
    REQUIRE(has(d.message, "unknown value `Local` in column `kind`: expected one of central, local"));
    REQUIRE(has(d.help, "did you mean `local`?"));
    REQUIRE(d.line == 2);
    REQUIRE(d.column == 24);  // counted in code points after the Kazakh and Russian names
    const Diagnostic& far = find(e, "`regional`");
    REQUIRE(far.line == 3);
    REQUIRE(far.column == 6);
    REQUIRE_FALSE(has(far.help, "did you mean"));
  }
  SECTION("typo in an enum value") {
    auto files = valid_files();
    files["services"] = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\nMIN2,S1,,parital,0,1\n";
    auto e = input_error([&] { from_csv(files); });
    REQUIRE(has(first(e).help, "did you mean `partial`?"));
  }
  SECTION("bad booleans") {
    auto files = valid_files();
    files["services"] =
        "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n"
        "MIN2,S1,,full,yes,1\n"
        "MIN2,S2,,full,0,TRUE\n"
        "MIN2,S3,,full,0, 1\n";
    auto e = input_error([&] { from_csv(files); });
    REQUIRE(e.diagnostics.list().size() == 3);
    const Diagnostic& yes = find(e, "`yes`");
    REQUIRE(yes.code == "data-bad-bool");
    REQUIRE(has(yes.message, "invalid boolean `yes` in column `portal_excluded`: expected true, false, 1 or 0"));
    REQUIRE(yes.line == 2);
    REQUIRE(yes.column == 15);
    REQUIRE(has(find(e, "`TRUE`").help, "write `true` exactly"));
    REQUIRE(find(e, "` 1`").column == 17);
  }
  SECTION("bad dates") {
    auto files = valid_files();
    files["objections"] =
        "agency_id,objection_id,clause,submitted_on,reviewed_on\n"
        "AKM1,O1,49,2024-02-30,\n"
        "AKM1,O2,49,30.01.2024,\n"
        "AKM1,O3,49,2024-1-5,2024-13-01\n"
        "AKM1,O4,49,2024-02-29,\n";  // a leap day is a real day
    auto e = input_error([&] { from_csv(files); });
    REQUIRE(e.diagnostics.list().size() == 4);
    const Diagnostic& feb = find(e, "`2024-02-30`");
    REQUIRE(feb.code == "data-bad-date");
    REQUIRE(has(feb.message, "in column `submitted_on`: there is no such day"));
    REQUIRE(feb.line == 2);
    REQUIRE(feb.column == 12);
    const Diagnostic& dotted = find(e, "`30.01.2024`");
    REQUIRE(has(dotted.message, "expected YYYY-MM-DD"));
    REQUIRE(has(dotted.help, "2024-01-30"));
    REQUIRE(has(find(e, "`2024-1-5`").message, "expected YYYY-MM-DD"));
    const Diagnostic& month = find(e, "`2024-13-01`");
    REQUIRE(has(month.message, "reviewed_on"));
    REQUIRE(month.column == 21);
  }
  SECTION("JSON: errors name the record") {
    std::map<std::string, TextTable> tables;
    tables["agencies"] = parse_json(R"([{"agency_id": "A"}, {"agency_id": "B", "kind": "Central"}])", "agencies.json");
    auto e = input_error([&] { test::build_data("data", std::move(tables), {}); });
    const Diagnostic& d = first(e);
    REQUIRE(d.file == "agencies.json");
    REQUIRE(has(d.message, "record 2: unknown value `Central` in column `kind`"));
    REQUIRE(d.line == 0);
  }
}

TEST_CASE("dataset: keys and references", "[input][dataset][error]") {
  SECTION("duplicate agency_id, with the first occurrence") {
    auto files = valid_files();
    files["agencies"] = "agency_id,kind\nA,local\nB,local\nA,central\n";
    files["services"] = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n";
    files["objections"] = "agency_id,objection_id,clause,submitted_on,reviewed_on\n";
    auto e = input_error([&] { from_csv(files); });
    const Diagnostic& d = first(e);
    REQUIRE(d.code == "data-duplicate-key");
    REQUIRE(has(d.message, "duplicate agency_id `A`: already on line 2"));
    REQUIRE(d.line == 4);
    REQUIRE(d.column == 1);
    REQUIRE(d.notes.size() == 1);
    REQUIRE(has(d.notes[0].message, "line 2, column 1"));
  }
  SECTION("services are unique per body, not across bodies") {
    auto files = valid_files();
    files["services"] =
        "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n"
        "MIN2,S1,,full,0,1\n"
        "AKM1,S1,,full,0,1\n"
        "MIN2,S1,,none,0,1\n";
    auto e = input_error([&] { from_csv(files); });
    REQUIRE(e.diagnostics.list().size() == 1);
    const Diagnostic& d = first(e);
    REQUIRE(has(d.message, "duplicate service_id `S1` for agency_id `MIN2`: already on line 2"));
    REQUIRE(d.line == 4);
    REQUIRE(d.column == 6);
  }
  SECTION("duplicate objection_id and schedule stage") {
    auto files = valid_files();
    files["objections"] =
        "agency_id,objection_id,clause,submitted_on,reviewed_on\n"
        "AKM1,O1,49,2024-03-01,\n"
        "MIN2,O1,50,2024-03-01,\n";
    files["schedule"] = "stage,starts_on,ends_on\nreview,2024-01-01,2024-01-31\nreview,2024-02-01,2024-02-28\n";
    auto e = input_error([&] { from_csv(files); });
    REQUIRE(find(e, "duplicate objection_id `O1`").line == 3);
    REQUIRE(find(e, "duplicate stage `review`").file == "schedule.csv");
  }
  SECTION("JSON: duplicate key notes the first record") {
    std::map<std::string, TextTable> tables;
    tables["agencies"] = parse_json(R"([{"agency_id": "A"}, {"agency_id": "A"}])", "agencies.json");
    auto e = input_error([&] { test::build_data("data", std::move(tables), {}); });
    REQUIRE(has(first(e).message, "record 2: duplicate agency_id `A`: already on record 1"));
    REQUIRE(has(first(e).notes[0].message, "record 1"));
  }
  SECTION("a subtype whose parent is not a service of the same body") {
    auto files = valid_files();
    files["services"] =
        "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n"
        "MIN2,S1,,full,0,1\n"
        "AKM1,S2,S1,full,0,1\n"   // S1 exists, but for MIN2
        "MIN2,S3,S9,full,0,1\n"   // no S9 at all
        "MIN2,S4,S4,full,0,1\n"   // itself
        "MIN2,S5,S1,full,0,1\n";  // fine
    auto e = input_error([&] { from_csv(files); });
    REQUIRE(e.diagnostics.list().size() == 3);
    const Diagnostic& other = find(e, "body `AKM1`");
    REQUIRE(other.code == "data-unknown-parent");
    REQUIRE(has(other.message, "unknown service_id `S1` in column `parent_id`"));
    REQUIRE(other.line == 3);
    REQUIRE(other.column == 9);
    REQUIRE(find(e, "`S9`").line == 4);
    REQUIRE(find(e, "names the row itself").line == 5);
  }
  SECTION("an agency_id that is not in agencies") {
    auto files = valid_files();
    files["objections"] =
        "agency_id,objection_id,clause,submitted_on,reviewed_on\n"
        "AKM1,O1,49,2024-03-01,\n"
        "akm1,O2,49,2024-03-01,\n"
        "ZZZ,O3,49,2024-03-01,\n";
    auto e = input_error([&] { from_csv(files); });
    REQUIRE(e.diagnostics.list().size() == 2);
    const Diagnostic& d = find(e, "`akm1`");
    REQUIRE(d.code == "data-unknown-agency");
    REQUIRE(has(d.message, "unknown body `akm1` in column `agency_id`: it is not in agencies.csv"));
    REQUIRE(has(d.help, "did you mean `AKM1`?"));
    REQUIRE(d.line == 3);
    REQUIRE(d.column == 1);
    REQUIRE(find(e, "`ZZZ`").line == 4);
  }
  SECTION("every error of every file, up to the limit per file") {
    auto files = valid_files();
    std::string many = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n";
    for (int i = 0; i < 70; ++i) many += "MIN2,X" + std::to_string(i) + ",,full,maybe,1\n";
    files["services"] = many;
    files["schedule"] = "stage,starts_on,ends_on\nreview,2024-01-01,someday\n";
    auto e = input_error([&] { from_csv(files); });
    std::size_t in_services = 0;
    for (const auto& d : e.diagnostics.list()) in_services += d.file == "services.csv";
    REQUIRE(in_services == kMaxErrorsPerFile);
    REQUIRE(find(e, "`someday`").file == "schedule.csv");
    bool noted = false;
    for (const auto& d : e.diagnostics.list())
      for (const auto& n : d.notes) noted = noted || has(n.message, "stopping after 50 errors");
    REQUIRE(noted);
  }
}

TEST_CASE("dataset: rendered like every other diagnostic", "[input][dataset]") {
  auto files = valid_files();
  files["agencies"] = "agency_id,name_kk,kind\nA1,Қазақстан,locl\n";
  auto e = input_error([&] { from_csv(files); });
  const std::string text = render(e.diagnostics);
  REQUIRE(has(text, "agencies.csv:2:14: error: unknown value `locl` in column `kind`"));
  REQUIRE(has(text, " 2 | A1,Қазақстан,locl\n"));
  REQUIRE(has(text, "   |              ^\n"));
}

// ---- folders ------------------------------------------------------------------------------------

TEST_CASE("folder: loading files", "[input][folder]") {
  TempDir dir;
  dir.write("agencies.csv", "\xEF\xBB\xBF" + kAgencies);
  dir.write("services.json", R"([{"agency_id": "MIN2", "service_id": "S1", "parent_id": null, "automation": "full",
                                  "portal_excluded": false, "mobile": true}])");
  dir.write("notes.txt", "not a table");

  SECTION("CSV and JSON side by side; absent tables are empty") {
    DataSet ds = test::load_data_folder(dir.str(), {"services"});
    REQUIRE(ds.folder == dir.str());
    REQUIRE(ds.files.size() == 2);
    REQUIRE(has(ds.files[0], "agencies.csv"));
    REQUIRE(has(ds.files[1], "services.json"));
    REQUIRE(ds.table("services").rows == 1);
    REQUIRE(ds.table("services").row_bodies() == std::vector<std::int32_t>{1});
    REQUIRE_FALSE(ds.table("schedule").present);
    REQUIRE(ds.tables.count("objections") == 1);
  }
  SECTION("a needed table that is missing names the files it looked for") {
    auto e = input_error([&] { test::load_data_folder(dir.str(), {"services", "schedule"}); });
    const Diagnostic& d = first(e);
    REQUIRE(d.code == "data-missing-table");
    REQUIRE(has(d.message, "schedule.csv"));
    REQUIRE(has(d.message, "schedule.json"));
    REQUIRE(has(d.message, dir.str()));
  }
  SECTION("a file name in the wrong case is pointed out") {
    dir.write("Schedule.CSV", kSchedule);
    auto e = input_error([&] { test::load_data_folder(dir.str(), {"schedule"}); });
    REQUIRE(has(first(e).help, "found `Schedule.CSV`"));
  }
  SECTION("the same table as CSV and JSON") {
    dir.write("services.csv", kServices);
    auto e = input_error([&] { test::load_data_folder(dir.str(), {}); });
    REQUIRE(first(e).code == "data-ambiguous-table");
    REQUIRE(has(first(e).message, "both services.csv and services.json"));
  }
  SECTION("errors in the data name the file's path") {
    dir.write("objections.csv", "agency_id,objection_id,clause,submitted_on,reviewed_on\nAKM1,O1,49,2024-02-30,\n");
    auto e = input_error([&] { test::load_data_folder(dir.str(), {}); });
    REQUIRE(has(first(e).file, "objections.csv"));
    REQUIRE(first(e).line == 2);
  }
  SECTION("syntax errors of several files are reported together") {
    dir.write("objections.csv", "agency_id,objection_id\n\"open\n");
    dir.write("schedule.csv", "stage,stage\n");
    auto e = input_error([&] { test::load_data_folder(dir.str(), {}); });
    REQUIRE(e.diagnostics.list().size() == 2);
  }
}

TEST_CASE("folder: agencies and the folder itself", "[input][folder][error]") {
  SECTION("agencies is always needed") {
    TempDir dir;
    dir.write("services.csv", kServices);
    auto e = input_error([&] { test::load_data_folder(dir.str(), {}); });
    REQUIRE(has(first(e).message, "agencies.csv"));
    REQUIRE(has(first(e).message, "agencies.json"));
  }
  SECTION("a folder that does not exist") {
    auto e = input_error([] { test::load_data_folder("/nonexistent/ereje/data", {}); });
    REQUIRE(first(e).code == "data-no-folder");
    REQUIRE(has(first(e).message, "data folder `/nonexistent/ereje/data` does not exist"));
  }
  SECTION("a file instead of a folder") {
    TempDir dir;
    dir.write("agencies.csv", kAgencies);
    auto e = input_error([&] { test::load_data_folder((dir.path / "agencies.csv").string(), {}); });
    REQUIRE(has(first(e).message, "is not a folder"));
  }
  SECTION("build_dataset alone also requires the needed tables") {
    auto e = input_error([] { from_csv({{"agencies", kAgencies}}, {"schedule"}); });
    REQUIRE(first(e).code == "data-missing-table");
  }
}

// ---- a large file read in pieces ---------------------------------------------------------------
// LoadOptions::min_piece_bytes lets a small file be cut into pieces, one thread each: the result and
// every message must be those of one reader going through the file, whatever the cut.

namespace {

// Everything a run reads of a data set, as text: columns, dictionaries, row lines, bodies.
std::string dump(const DataSet& ds) {
  std::ostringstream out;
  for (const auto& b : ds.bodies) out << "body " << b.code << '|' << b.kk_name << '|' << b.ru_name << '|' << b.category << '\n';
  for (const auto& [name, t] : ds.tables) {
    out << "table " << name << " present=" << t.present << " rows=" << t.rows << '\n';
    for (const auto& c : t.columns) {
      out << " column " << (c.schema ? c.schema->name : "?") << " present=" << c.present << ":";
      for (std::size_t r = 0; r < c.values.size(); ++r) out << ' ' << c.values[r];
      out << "\n  dictionary:";
      for (const auto& d : c.dictionary) out << " [" << d << ']';
      out << '\n';
    }
    out << " lines:";
    for (std::size_t r = 0; r < t.lines.size(); ++r) out << ' ' << t.lines.line(r);
    out << "\n body:";
    for (auto b : t.row_bodies()) out << ' ' << b;
    out << '\n';
  }
  return out.str();
}

// A folder whose files have every shape the pieces must get right: quoted fields with commas,
// doubled quotes, line breaks (LF and CRLF) inside quotes, Kazakh text, CRLF line ends, subtypes.
void write_piece_folder(const TempDir& dir, std::size_t bodies, std::size_t services) {
  std::string agencies = "agency_id,name_kk,name_ru,kind\r\n";
  std::string rows = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n";
  const char* automation[] = {"none", "partial", "full"};
  for (std::size_t b = 0; b < bodies; ++b) {
    const std::string id = "B" + std::to_string(1000 + b);
    agencies += id + ",\"Әкімдік " + std::to_string(b) + ",\r\nбөлім \"\"" + std::to_string(b % 7) + "\"\"\",\"Акимат\n№" +
                std::to_string(b) + "\"," + (b % 3 ? "local" : "central") + "\r\n";
    for (std::size_t s = 0; s < services; ++s) {
      const bool subtype = s % 3 == 2;
      rows += id + ",S" + std::to_string((s * 7 + b) % 50) + "-" + std::to_string(s) + "," +
              (subtype ? "S" + std::to_string(((s - 1) * 7 + b) % 50) + "-" + std::to_string(s - 1) : "") + "," +
              automation[(s + b) % 3] + "," + ((s + b) % 11 ? "false" : "true") + "," + ((s * b) % 2 ? "1" : "0") +
              "\n";
    }
  }
  dir.write("agencies.csv", agencies);
  dir.write("services.csv", rows);
}

}  // namespace

TEST_CASE("folder: Excel's Russian locale (`--csv-dialect excel-ru`) reads as the plain file, in pieces too",
          "[input][folder][pieces][excel]") {
  TempDir plain, excel;
  write_piece_folder(plain, 60, 40);
  // The same files as Excel writes them in a Russian locale: `;` between fields, ИСТИНА/ЛОЖЬ.
  for (const char* name : {"agencies.csv", "services.csv"}) {
    std::string text = read_file(plain.path / name), out;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '"') quoted = !quoted;
      out += (c == ',' && !quoted) ? ';' : c;
    }
    for (auto [from, to] : {std::pair<std::string, std::string>{";true", ";ИСТИНА"}, {";false", ";ЛОЖЬ"}})
      for (std::size_t at; (at = out.find(from)) != std::string::npos;) out.replace(at, from.size(), to);
    excel.write(name, out);
  }
  const std::string one = dump(test::load_data_folder(plain.str(), {"services"}, LoadOptions{1, 64}));
  for (unsigned threads : {1u, 3u}) {
    LoadOptions o{threads, 1000};
    o.excel_locale = true;
    INFO("threads " << threads);
    CHECK(dump(test::load_data_folder(excel.str(), {"services"}, o)) == one);
  }
  // Without the option the words are errors that name it.
  try {
    test::load_data_folder(excel.str(), {"services"}, LoadOptions{1, 64});
    FAIL("ИСТИНА read without --csv-dialect excel-ru");
  } catch (const InputError& e) {
    REQUIRE_FALSE(e.diagnostics.list().empty());
    CHECK(e.diagnostics.list().front().code == "data-bad-bool");
    CHECK(has(e.diagnostics.list().front().help, "--csv-dialect excel-ru"));
  }
}

TEST_CASE("folder: a file read in pieces gives what one reader gives", "[input][folder][pieces]") {
  TempDir dir;
  write_piece_folder(dir, 60, 40);  // 2,400 services in about 90 KB; agencies in about 4 KB
  const std::string one = dump(test::load_data_folder(dir.str(), {"services"}, LoadOptions{1, 64}));
  REQUIRE(has(one, "rows=2400"));
  for (unsigned threads : {2u, 3u, 8u})
    for (std::size_t piece : {std::size_t{64}, std::size_t{1000}, std::size_t{7919}}) {
      INFO("threads " << threads << ", pieces of at least " << piece << " bytes");
      const std::uint64_t before = early_starts();
      REQUIRE(dump(test::load_data_folder(dir.str(), {"services"}, LoadOptions{threads, piece})) == one);
      // services.csv was begun before agencies.csv was read, its pieces read meanwhile.
      CHECK(early_starts() == before + 1);
    }
  // A table of bodies larger than the file read in pieces: the first reader's share of it is at
  // its smallest (half an equal part), the rest the same.
  TempDir large_bodies;
  write_piece_folder(large_bodies, 300, 3);  // 900 services in about 30 KB; agencies in about 20 KB
  const std::string alone = dump(test::load_data_folder(large_bodies.str(), {"services"}, LoadOptions{1, 64}));
  REQUIRE(has(alone, "rows=900"));
  for (unsigned threads : {2u, 3u, 8u})
    for (std::size_t piece : {std::size_t{64}, std::size_t{1000}}) {
      INFO("bodies' table larger: threads " << threads << ", pieces of at least " << piece << " bytes");
      const std::uint64_t before = early_starts();
      REQUIRE(dump(test::load_data_folder(large_bodies.str(), {"services"}, LoadOptions{threads, piece})) == alone);
      CHECK(early_starts() == before + 1);
    }
  // Without windows nothing is begun early: the mapping's readers report as they read.
  {
    const std::uint64_t before = early_starts();
    LoadOptions o{2, 64};
    o.window_bytes = 0;
    REQUIRE(dump(test::load_data_folder(dir.str(), {"services"}, o)) == one);
    CHECK(early_starts() == before);
  }
  // Without the derived columns (each row's body then set by the key checks, on two threads):
  // the same bodies, the same everything but the two columns left out.
  const std::string lean = dump(load_folder(dir.str(), test::contract(), {"services"}, LoadOptions{1, 64}));
  auto body_lines = [](const std::string& d) {
    std::string out;
    for (const auto& l : lines_of(d))
      if (l.rfind(" body:", 0) == 0) out += l + "\n";
    return out;
  };
  REQUIRE(body_lines(lean) == body_lines(one));
  REQUIRE(has(lean, " column main present=1:\n"));  // left out: no values
  for (unsigned threads : {2u, 3u}) {
    INFO("threads " << threads << ", without the derived columns");
    REQUIRE(dump(load_folder(dir.str(), test::contract(), {"services"}, LoadOptions{threads, 64})) == lean);
  }
}

// ---- a file read through windows (LoadOptions::window_bytes) -----------------------------------
// Rows are read from copies of a window of the file at a time, each cut after its last line break;
// a record the cut goes through, or any error, sends the file back to be read from its mapping.
// Whatever the window, the data, warnings and errors are the mapping's.

namespace {

LoadOptions windowed(unsigned threads, std::size_t piece, std::size_t window) {
  LoadOptions o{threads, piece};
  o.window_bytes = window;
  return o;
}

}  // namespace

TEST_CASE("folder: a file read through windows gives what its mapping gives", "[input][folder][windows]") {
  SECTION("quoted line breaks, CRLF, Kazakh text, in pieces or not") {
    TempDir dir;
    write_piece_folder(dir, 60, 40);
    const std::string one = dump(test::load_data_folder(dir.str(), {"services"}, windowed(1, 64, 0)));
    REQUIRE(has(one, "rows=2400"));
    for (std::size_t window : {1, 7, 16, 40, 64, 100, 999, 4096, 1 << 20})
      for (unsigned threads : {1u, 2u, 3u})
        for (std::size_t piece : {64, 1000}) {
          INFO("windows of " << window << " bytes, " << threads << " threads, pieces of at least " << piece);
          REQUIRE(dump(test::load_data_folder(dir.str(), {"services"}, windowed(threads, piece, window))) == one);
        }
  }
  SECTION("records shorter than a window are read through windows, not again from the mapping") {
    TempDir dir;
    dir.write("agencies.csv", "agency_id,name_kk\r\nA1,Әкімдік\r\nA2,Министрлік\r\n");
    std::string rows = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n";
    for (int i = 0; i < 3000; ++i)
      rows += std::string(i % 2 ? "A1" : "A2") + ",Қ" + std::to_string(i) + "," +
              (i % 5 == 4 ? "Қ" + std::to_string(i - 2) : "") + ",full,false,true" + (i % 7 ? "\n" : "\r\n") +
              (i % 97 == 0 ? "\n\r\n" : "");
    rows.pop_back();  // no line break after the last record
    dir.write("services.csv", rows);
    const std::string one = dump(test::load_data_folder(dir.str(), {"services"}, windowed(1, 64, 0)));
    REQUIRE(has(one, "rows=3000"));
    for (std::size_t window : {64, 65, 333, 4096, 1 << 20})
      for (unsigned threads : {1u, 2u, 3u}) {
        INFO("windows of " << window << " bytes, " << threads << " threads");
        const std::uint64_t before = window_rereads();
        REQUIRE(dump(test::load_data_folder(dir.str(), {"services"}, windowed(threads, 1000, window))) == one);
        REQUIRE(window_rereads() == before);
      }
    // A window shorter than a record: read again from the mapping, the same.
    const std::uint64_t before = window_rereads();
    REQUIRE(dump(test::load_data_folder(dir.str(), {"services"}, windowed(2, 1000, 20))) == one);
    REQUIRE(window_rereads() > before);
  }
  SECTION("a quoted line break that a window's end cuts: read again from the mapping") {
    TempDir dir;
    dir.write("agencies.csv", "agency_id\nA1\n");
    const std::string header = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n";
    std::string rows = header;
    for (int i = 0; i < 200; ++i) rows += "A1,S" + std::to_string(i) + ",,full,false,true\n";
    rows += "A1,\"two\nlines\",,full,false,true\n";
    for (int i = 200; i < 400; ++i) rows += "A1,S" + std::to_string(i) + ",,none,true,false\n";
    dir.write("services.csv", rows);
    const std::string one = dump(test::load_data_folder(dir.str(), {"services"}, windowed(1, 64, 0)));
    REQUIRE(has(one, "[two\nlines]"));
    // The first window ends just after the quoted line break.
    const std::size_t cut = rows.find("two\n") + 4 - header.size();
    for (std::size_t window : {std::size_t{100}, cut, cut + 1}) {
      INFO("windows of " << window << " bytes");
      const std::uint64_t before = window_rereads();
      REQUIRE(dump(test::load_data_folder(dir.str(), {"services"}, windowed(1, 64, window))) == one);
      if (window == cut) REQUIRE(window_rereads() > before);
      REQUIRE(dump(test::load_data_folder(dir.str(), {"services"}, windowed(2, 1000, window))) == one);
    }
  }
}

// Text columns are two bytes a row while their codes fit (ColumnValues::kMaxHalf), four after: a
// lone reader widens a column in place; readers in pieces each fitting but together not are
// widened when the pieces are appended; a piece whose own codes outgrow two bytes cannot widen
// what the others write into, and the file is read again from the mapping at four bytes.
TEST_CASE("folder: text columns two bytes a row until their codes outgrow them", "[input][folder][windows]") {
  auto folder = [](TempDir& dir, int rows) {
    dir.write("agencies.csv", "agency_id\nA1\nA2\n");
    std::string text = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n";
    for (int i = 0; i < rows; ++i)
      text += std::string(i % 3 ? "A1" : "A2") + ",S" + std::to_string(i) + "," + (i % 4 == 3 ? "S" + std::to_string(i - 3) : "") +
              ",full,false,true\n";
    dir.write("services.csv", text);
  };
  auto width = [](const DataSet& ds, const char* column) {
    const Table& t = ds.table("services");
    return t.columns[static_cast<std::size_t>(t.schema->column_index(column))].values.width();
  };
  SECTION("codes that fit: two bytes through windows, four from the mapping, the same values") {
    TempDir dir;
    folder(dir, 30000);
    const DataSet mapped = test::load_data_folder(dir.str(), {"services"}, windowed(1, 64, 0));
    CHECK(width(mapped, "service_id") == 4);
    for (unsigned threads : {1u, 3u}) {
      INFO(threads << " threads");
      const std::uint64_t before = window_rereads();
      const DataSet ds = test::load_data_folder(dir.str(), {"services"}, windowed(threads, 64, 4096));
      CHECK(window_rereads() == before);
      CHECK(width(ds, "agency_id") == 2);
      CHECK(width(ds, "service_id") == 2);
      CHECK(width(ds, "parent_id") == 2);
      CHECK(width(ds, "automation") == 1);
      CHECK(dump(ds) == dump(mapped));
    }
  }
  SECTION("70,000 service codes") {
    TempDir dir;
    folder(dir, 70000);
    const std::string one = dump(test::load_data_folder(dir.str(), {"services"}, windowed(1, 64, 0)));
    REQUIRE(has(one, "rows=70000"));
    // One reader: the column widened in place, nothing read again.
    std::uint64_t before = window_rereads();
    DataSet ds = test::load_data_folder(dir.str(), {"services"}, windowed(1, 64, 4096));
    CHECK(window_rereads() == before);
    CHECK(width(ds, "service_id") == 4);
    CHECK(width(ds, "parent_id") == 2);  // 17,500 codes
    CHECK(dump(ds) == one);
    // Three readers of about 23,000 codes each: widened when the pieces are appended.
    before = window_rereads();
    ds = test::load_data_folder(dir.str(), {"services"}, windowed(3, 64, 4096));
    CHECK(window_rereads() == before);
    CHECK(width(ds, "service_id") == 4);
    CHECK(dump(ds) == one);
  }
  SECTION("a piece of 70,000 codes: read again from the mapping") {
    TempDir dir;
    folder(dir, 140000);
    const std::string one = dump(test::load_data_folder(dir.str(), {"services"}, windowed(1, 64, 0)));
    const std::uint64_t before = window_rereads();
    const DataSet ds = test::load_data_folder(dir.str(), {"services"}, windowed(2, 64, 1 << 16));
    CHECK(window_rereads() == before + 1);
    CHECK(width(ds, "service_id") == 4);
    CHECK(dump(ds) == one);
  }
}

// The text-table path (JSON files, databases, rule-file tests) has one reader: its text columns
// start at two bytes and are widened in place at the first code past them.
TEST_CASE("dataset: a JSON file of 70,000 service codes", "[input][columns][json]") {
  std::string json = "[";
  for (int i = 0; i < 70000; ++i)
    json += std::string(i ? "," : "") + R"({"agency_id":"AKM1","service_id":"S)" + std::to_string(i) +
            R"(","parent_id":"","automation":"full","portal_excluded":false,"mobile":true})";
  json += "]";
  std::map<std::string, TextTable> tables;
  tables["agencies"] = parse_csv(kAgencies, "agencies.csv", test::table_schema("agencies"));
  tables["services"] = parse_json(json, "services.json", test::table_schema("services"));
  DataSet ds;
  try {
    ds = test::build_data("data", std::move(tables), {"services"});
  } catch (const InputError& e) {
    FAIL(render(e.diagnostics));
  }
  const Table& t = ds.table("services");
  const Column& sid = t.column("service_id");
  REQUIRE(t.rows == 70000);
  CHECK(sid.values.width() == 4);
  CHECK(t.column("agency_id").values.width() == 2);
  CHECK(sid.dictionary.size() == 70000);
  for (std::size_t r : {std::size_t{0}, std::size_t{65534}, std::size_t{65535}, std::size_t{69999}})
    CHECK(sid.dictionary[static_cast<std::size_t>(sid.values[r])] == "S" + std::to_string(r));
}

TEST_CASE("column values of one, two and four bytes a row", "[input][columns]") {
  ColumnValues v;
  v.set_width(2);
  v.resize(3);
  v.set(0, 7);
  v.set(1, kMissing);
  v.set(2, ColumnValues::kMaxHalf);
  CHECK(v.half());
  CHECK(v[0] == 7);
  CHECK(v[1] == kMissing);
  CHECK(v[2] == ColumnValues::kMaxHalf);
  // A block that fits, one that does not where the column may not widen, one where it may.
  const std::int32_t fit[] = {1, kMissing, 65534};
  CHECK(v.write(0, fit, 3, false));
  CHECK(v.half());
  CHECK((v[0] == 1 && v[1] == kMissing && v[2] == 65534));
  const std::int32_t big[] = {65535, kMissing};
  CHECK_FALSE(v.write(1, big, 2, false));
  CHECK(v.half());
  CHECK(v.write(1, big, 2));
  CHECK(v.width() == 4);
  CHECK((v[0] == 1 && v[1] == 65535 && v[2] == kMissing));
  // Blocks long enough for the eight-at-a-time conversion, with every kind of code at every
  // place of a group of eight, and one code past two bytes at each place in turn.
  const std::int32_t kinds[] = {0, 1, 32767, 32768, 65533, 65534, kMissing, 12345};
  std::vector<std::int32_t> block;
  for (int k = 0; k < 37; ++k) block.push_back(kinds[(k * 5 + k / 8) % 8]);
  ColumnValues z;
  z.set_width(2);
  z.resize(block.size() + 3);
  REQUIRE(z.write(3, block.data(), block.size(), false));
  REQUIRE(z.half());
  for (std::size_t i = 0; i < block.size(); ++i) REQUIRE(z[3 + i] == block[i]);
  for (std::size_t at = 0; at < block.size(); ++at) {
    std::vector<std::int32_t> over = block;
    over[at] = 65535 + static_cast<std::int32_t>(at);
    ColumnValues o;
    o.set_width(2);
    o.resize(over.size());
    INFO("code past two bytes at " << at);
    REQUIRE_FALSE(o.write(0, over.data(), over.size(), false));
    REQUIRE(o.write(0, over.data(), over.size()));
    REQUIRE(o.width() == 4);
    for (std::size_t i = 0; i < over.size(); ++i) REQUIRE(o[i] == over[i]);
  }
  // set and push_back widen a two-byte column too, keeping every row.
  ColumnValues w;
  w.set_width(2);
  for (std::int32_t i = 0; i < 5; ++i) w.push_back(i == 2 ? kMissing : i);
  w.push_back(1 << 20);
  CHECK(w.width() == 4);
  const LargeVector<std::int32_t> expect{0, 1, kMissing, 3, 4, 1 << 20};
  CHECK(w == expect);
  ColumnValues x;
  x.set_width(2);
  x.assign(4, kMissing);
  x.set(3, 70000);
  CHECK((x.width() == 4 && x[0] == kMissing && x[3] == 70000));
  // A filled column keeps its width; only 1, 2 and 4 exist.
  CHECK_THROWS_AS(x.set_width(2), std::logic_error);
  ColumnValues y;
  CHECK_THROWS_AS(y.set_width(3), std::logic_error);
  // Moved rows, at two bytes.
  ColumnValues m;
  m.set_width(2);
  for (std::int32_t i = 0; i < 6; ++i) m.push_back(i);
  m.move(0, 3, 3);
  CHECK((m[0] == 3 && m[1] == 4 && m[2] == 5));
}

// The readers of a file in pieces write into one table sized from the first MiB's lines: when
// that misjudges the rest (long lines first, short ones after), the first reader fills its share
// before the first piece's start and reads on alone, or a piece fills its share and is read
// again by the first reader. Either way the table is the one reader's.
TEST_CASE("folder: pieces whose rows the first MiB misjudges", "[input][folder][pieces]") {
  TempDir dir;
  dir.write("agencies.csv", "agency_id\nA1\nA2\n");
  const std::string pad(390, 'x');
  std::string rows = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n";
  std::size_t n = 0;
  while (rows.size() < 1'300'000) rows += "A1,L" + std::to_string(n++) + pad + ",,full,false,true\n";   // ~3,200 rows
  while (rows.size() < 3'300'000) rows += "A2,S" + std::to_string(n++) + ",,partial,true,false\n";  // ~70,000 rows
  dir.write("services.csv", rows);
  const std::string one = dump(test::load_data_folder(dir.str(), {"services"}, LoadOptions{1, 64}));
  REQUIRE(has(one, "rows=" + std::to_string(n)));
  for (unsigned threads : {2u, 3u, 5u}) {
    INFO("threads " << threads);
    REQUIRE(dump(test::load_data_folder(dir.str(), {"services"}, LoadOptions{threads, 64})) == one);
  }
}

TEST_CASE("folder: errors in a file read in pieces are those of one reader", "[input][folder][pieces][error]") {
  TempDir dir;
  write_piece_folder(dir, 40, 30);
  auto errors_at = [&](unsigned threads) {
    return render(input_error([&] { test::load_data_folder(dir.str(), {"services"}, LoadOptions{threads, 64}); }).diagnostics);
  };
  auto lines_of = [&](const std::string& name) {
    std::ifstream in(dir.path / name, std::ios::binary);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
  };
  auto write_lines = [&](const std::string& name, const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    dir.write(name, text);
  };
  SECTION("validation errors late in the file, and a duplicate key across pieces") {
    auto lines = lines_of("services.csv");
    lines[900] = "B1030,S1-x,,sometimes,false,true";  // bad enum near the end
    lines[1100] = lines[1099];                         // duplicate key
    lines[600] = "B1019,S1-m,,full,maybe,true";        // bad boolean in the first piece
    write_lines("services.csv", lines);
    const std::string one = errors_at(1);
    REQUIRE(has(one, "services.csv:901:"));
    REQUIRE(has(one, "sometimes"));
    REQUIRE(has(one, "data-duplicate-key"));
    REQUIRE(has(one, "maybe"));
    REQUIRE(errors_at(2) == one);
    REQUIRE(errors_at(5) == one);
  }
  SECTION("an unterminated quote in a later piece") {
    auto lines = lines_of("services.csv");
    lines[1000] = "B1033,\"S9,,full,false,true";
    write_lines("services.csv", lines);
    const std::string one = errors_at(1);
    REQUIRE(has(one, "services.csv:1001:7"));
    REQUIRE(errors_at(2) == one);
    REQUIRE(errors_at(4) == one);
  }
  SECTION("a ragged row in a later piece") {
    auto lines = lines_of("services.csv");
    lines[1150] = "B1038,S1-zz,,full,false";
    write_lines("services.csv", lines);
    const std::string one = errors_at(1);
    REQUIRE(has(one, "services.csv:1151:"));
    REQUIRE(errors_at(3) == one);
  }
  SECTION("every check across rows in both halves of the bodies (keys, parents, unknown bodies)") {
    // Without the derived columns the key checks split the bodies between two threads.
    auto lines = lines_of("services.csv");
    lines[100] = lines[99];                              // duplicate key, first half
    lines[1100] = lines[1099];                           // duplicate key, second half
    lines[200] = "B1006,S1-p,S9-nowhere,full,false,true";  // unknown parent, first half
    lines[1000] = "B1033,S1-q,S1-q,full,false,true";       // its own parent, second half
    lines[300] = "X999,S1-yy,,full,false,true";            // unknown body, first half
    lines[1150] = "X998,S1-zz,,full,false,true";           // unknown body, second half
    write_lines("services.csv", lines);
    auto lean_errors = [&](unsigned threads) {
      return render(input_error([&] { test::load_data_folder(dir.str(), {"services"}, LoadOptions{threads, 64}); }).diagnostics);
    };
    const std::string one = errors_at(1);
    REQUIRE(has(one, "services.csv:101:"));
    REQUIRE(has(one, "services.csv:1101:"));
    REQUIRE(has(one, "S9-nowhere"));
    REQUIRE(has(one, "names the row itself"));
    REQUIRE(has(one, "services.csv:301:1"));
    REQUIRE(has(one, "services.csv:1151:1"));
    REQUIRE(lean_errors(1) == one);
    REQUIRE(lean_errors(2) == one);
    REQUIRE(lean_errors(3) == one);
  }
  SECTION("bodies missing from agencies, in several pieces") {
    auto lines = lines_of("services.csv");
    lines[300] = "X999,S1-yy,,full,false,true";
    lines[1150] = "X998,S1-zz,,full,false,true";
    write_lines("services.csv", lines);
    const std::string one = errors_at(1);
    REQUIRE(has(one, "services.csv:301:1"));
    REQUIRE(has(one, "services.csv:1151:1"));
    REQUIRE(errors_at(3) == one);
  }
}

// RowLines keeps each row's line as runs of rows with the same offset: the same lines as a plain
// list, through blank lines, records over several lines, and pieces appended with a shift.
TEST_CASE("row lines: runs give each row's line", "[input][lines]") {
  std::mt19937 rng(7);
  RowLines lines, first, second;
  std::vector<std::uint32_t> expected;
  std::uint32_t line = 2;
  for (int r = 0; r < 5000; ++r) {
    (r < 3000 ? first : second).push(r < 3000 ? line : line - 3000);  // the second part counts from 1 again
    expected.push_back(line);
    line += rng() % 10 == 0 ? 1 + rng() % 4 : 1;  // now and then a blank line or a record of several lines
  }
  lines.append(first, 0);
  lines.append(second, 3000);
  REQUIRE(lines.size() == expected.size());
  for (std::size_t r = 0; r < expected.size(); ++r) REQUIRE(lines.line(r) == expected[r]);
  CHECK(lines.line(expected.size()) == 0);
  RowLines plain;
  for (std::uint32_t r = 0; r < 100000; ++r) plain.push(r + 2);
  CHECK(plain.line(99999) == 100001);
}

// A header that names no column of the table (found by fuzz_data under UBSan): its rows are
// counted and the missing columns reported, with no column storage touched.
TEST_CASE("folder: a header naming no known column, over many rows", "[input][folder][error]") {
  TempDir dir;
  std::string agencies = "ageal,nom\n";
  for (int i = 0; i < 600; ++i) agencies += "A" + std::to_string(i) + ",x\n";
  dir.write("agencies.csv", agencies);
  const std::string text = render(input_error([&] { test::load_data_folder(dir.str(), {}); }).diagnostics);
  CHECK(has(text, "agencies.csv:1:1"));
  CHECK(has(text, "missing column"));
  // The same through text tables (the path the fuzzer took; its input is
  // fuzz/corpus/data/regression_no_known_columns, which CI's fuzz step replays under clang's UBSan).
  std::map<std::string, TextTable> tables;
  TextTable& t = tables["agencies"];
  t.file = "agencies.csv";
  t.header = {"ageal"};
  for (std::uint32_t i = 0; i < 600; ++i) {
    t.records.push_back({"A" + std::to_string(i)});
    t.lines.push_back(i + 2);
  }
  const std::string again = render(input_error([&] { test::build_data("x", std::move(tables), {}); }).diagnostics);
  CHECK(has(again, "missing column"));
}

namespace {
// A contract written in a test, loaded and checked; `rules` holds what the contract points into.
struct TestContract {
  interp::RuleSet rules;
  std::shared_ptr<const Contract> contract;
};
TestContract contract_of(const std::string& text) {
  Diagnostics d;
  TestContract out;
  out.rules = interp::load_rules_from_text({{"t.ereje", text}}, d);
  INFO(render(d));
  REQUIRE_FALSE(d.has_errors());
  out.contract = std::make_shared<const Contract>(out.rules.contract->at(Date{0}));
  return out;
}
}  // namespace

TEST_CASE("references: two enum columns are compared by value, whatever the order of their lists",
          "[input][reference]") {
  // `grade` lists [high, low] and `level` [low, high]: `low` is a level listed, `high` is not.
  const TestContract tc = contract_of(
        "table bodies \"the bodies\"\n"
        "  lists bodies by agency_id\n"
        "  column agency_id text \"the code\"\n"
        "end\n"
        "table levels \"the levels\"\n"
        "  key code\n"
        "  column code text \"the code\"\n"
        "  column level enum [low, high] \"the level\"\n"
        "end\n"
        "table grades \"the grades\"\n"
        "  per body by agency_id\n"
        "  key grade_id\n"
        "  column agency_id text \"the body\"\n"
        "  column grade_id text \"the code\"\n"
        "  column grade enum [high, low] \"the grade\"\n"
        "  reference grade to levels.level \"a level listed\"\n"
        "end\n");
  const auto& contract = tc.contract;
  auto tables = [] {
    std::map<std::string, TextTable> t;
    t["bodies"] = parse_csv("agency_id\nA\n", "bodies.csv");
    t["levels"] = parse_csv("code,level\nL1,low\n", "levels.csv");
    t["grades"] = parse_csv("agency_id,grade_id,grade\nA,G1,low\nA,G2,high\n", "grades.csv");
    return t;
  };
  const InputError e = input_error([&] { build_dataset("t", contract, tables(), {"bodies", "levels", "grades"}); });
  INFO(render(e.diagnostics));
  REQUIRE(e.diagnostics.list().size() == 1);
  const Diagnostic& bad = first(e);
  CHECK(bad.code == "data-unknown-reference");
  CHECK(bad.line == 3);
  CHECK(bad.column == 6);
  CHECK(bad.message == "unknown level `high` in column `grade`: no row of levels.csv has it");
  // Once `high` is listed too, every grade is.
  auto fixed = tables();
  fixed["levels"] = parse_csv("code,level\nL1,low\nL2,high\n", "levels.csv");
  CHECK(build_dataset("t", contract, std::move(fixed), {"bodies", "levels", "grades"}).tables.at("grades").rows == 2);
}

// Enum fields are matched by the one value their place names, booleans by two words compared at
// once (TableBuilder, encode_column): every value of an enum of eight values that share their
// first bytes is read as itself, and no near miss is read as any.
TEST_CASE("enum and boolean fields: every value read as itself, no near miss read at all", "[input]") {
  const TestContract tc = contract_of(
      "table bodies \"the bodies\"\n"
      "  lists bodies by agency_id\n"
      "  column agency_id text \"the code\"\n"
      "  column level enum [a, ab, abc, abcd, abcde, abcdef, abcdefg, abcdefgh] \"the level\"\n"
      "  column flag bool \"the flag\"\n"
      "end\n");
  const auto& contract = tc.contract;
  const std::vector<std::string> levels = {"a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh"};
  const std::vector<std::pair<std::string, int>> flags = {{"true", 1}, {"false", 0}, {"1", 1}, {"0", 0}};
  std::string csv = "agency_id,level,flag\n";
  for (std::size_t i = 0; i < 64; ++i)
    csv += "B" + std::to_string(i) + "," + levels[(i * 5) % 8] + "," + flags[(i * 3) % 4].first + "\n";
  std::map<std::string, TextTable> good;
  good["bodies"] = parse_csv(csv, "bodies.csv");
  const DataSet ds = build_dataset("t", contract, std::move(good), {"bodies"});
  const Table& t = ds.table("bodies");
  REQUIRE(t.rows == 64);
  for (std::size_t i = 0; i < 64; ++i) {
    CHECK(t.column("level").values[i] == static_cast<std::int32_t>((i * 5) % 8));
    CHECK(t.column("flag").values[i] == flags[(i * 3) % 4].second);
  }
  // Near misses, one a row: each an error of its own, in its own column.
  const std::vector<std::string> bad_levels = {"b", "abcdefghi", "abcdefgH", "A", "abce", "ba", "abcdefh", "bcd"};
  const std::vector<std::string> bad_flags = {"True", "tru", "truee", "ttrue", "fals", "falsee", "FALSE", "2"};
  std::string wrong = "agency_id,level,flag\n";
  for (std::size_t i = 0; i < 8; ++i) wrong += "B" + std::to_string(i) + "," + bad_levels[i] + "," + bad_flags[i] + "\n";
  std::map<std::string, TextTable> bad;
  bad["bodies"] = parse_csv(wrong, "bodies.csv");
  const InputError e = input_error([&] { build_dataset("t", contract, std::move(bad), {"bodies"}); });
  const std::string all = render(e.diagnostics);
  INFO(all);
  CHECK(e.diagnostics.list().size() == 16);
  for (std::size_t i = 0; i < 8; ++i) {
    CHECK(has(all, "unknown value `" + bad_levels[i] + "` in column `level`"));
    CHECK(has(all, "`" + bad_flags[i] + "`"));
  }
}

// ---- CSV as registries write it (input/CsvDialect.hpp) ----------------------------------------
// Every case is read both ways, parse_csv + build_dataset and load_folder (the fast path) in one
// piece and in pieces of 64 bytes on 2, 3 and 8 threads: values, warnings and errors must agree.

namespace {

std::string render_all(const std::vector<Diagnostic>& list) {
  std::string out;
  for (const auto& d : list) out += render(d);
  return out;
}

// The windows a CSV file is read through (LoadOptions::window_bytes): none (the mapping only), a
// few bytes (most records cut, read again from the mapping), a few records, the default.
const std::size_t kWindows[] = {0, 23, 64, LoadOptions{}.window_bytes};

// Writes `files` (table -> CSV text) into `dir` and reads them both ways; the data set read from
// text, once every reading gave the same data and the same warnings.
DataSet read_both_ways(const TempDir& dir, const std::map<std::string, std::string>& files,
                       const std::vector<std::string>& needed = {}) {
  std::map<std::string, TextTable> tables;
  for (const auto& [name, text] : files) {
    dir.write(name + ".csv", text);
    tables[name] = parse_csv(text, dir.str(name + ".csv"), table_schema(name));
  }
  DataSet by_text = build_dataset(dir.str(), contract(), std::move(tables), needed);
  const std::string data = dump(by_text), warnings = render_all(by_text.warnings);
  for (unsigned threads : {1u, 2u, 3u, 8u})
    for (std::size_t window : kWindows) {
      INFO("load_folder on " << threads << " threads, pieces of at least 64 bytes, windows of " << window << " bytes");
      LoadOptions o{threads, 64};
      o.window_bytes = window;
      DataSet ds = load_folder(dir.str(), contract(), needed, o);
      CHECK(dump(ds) == data);
      REQUIRE(render_all(ds.warnings) == warnings);
    }
  return by_text;
}

// The same for files with errors: what both ways report (errors and warnings, rendered), once
// every reading reported the same.
std::string errors_both_ways(const TempDir& dir, const std::map<std::string, std::string>& files,
                             const std::vector<std::string>& needed = {}) {
  // As load_folder does: every file read, syntax errors first and alone, with the warnings so far.
  std::map<std::string, TextTable> tables;
  InputError syntax;
  std::vector<Diagnostic> warnings;
  for (const auto& [name, text] : files) {
    dir.write(name + ".csv", text);
    try {
      tables[name] = parse_csv(text, dir.str(name + ".csv"), table_schema(name));
      warnings.insert(warnings.end(), tables[name].warnings.begin(), tables[name].warnings.end());
    } catch (const InputError& e) {
      syntax.diagnostics.append(e.diagnostics);
    }
  }
  for (const auto& w : warnings) syntax.diagnostics.add(w);
  const std::string expected = syntax.diagnostics.has_errors()
                                   ? render(syntax.diagnostics)
                                   : render(input_error([&] { build_dataset(dir.str(), contract(), std::move(tables), needed); }).diagnostics);
  for (unsigned threads : {1u, 2u, 3u, 8u})
    for (std::size_t window : kWindows) {
      INFO("load_folder on " << threads << " threads, pieces of at least 64 bytes, windows of " << window << " bytes");
      LoadOptions o{threads, 64};
      o.window_bytes = window;
      REQUIRE(render(input_error([&] { load_folder(dir.str(), contract(), needed, o); }).diagnostics) == expected);
    }
  return expected;
}

// A services file of `rows` rows for bodies A1 and A2, `row(i)` writing row i (from 0).
template <class Row>
std::string services_of(std::size_t rows, Row&& row) {
  std::string text = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n";
  for (std::size_t i = 0; i < rows; ++i) text += row(i) + "\n";
  return text;
}

// A warning's severity, code, place and quoted line.
void require_warning(const Diagnostic& w, const std::string& code, std::size_t line, std::size_t col,
                     const std::string& line_text) {
  REQUIRE(w.severity == Severity::Warning);
  REQUIRE(w.code == code);
  REQUIRE(w.line == line);
  REQUIRE(w.column == col);
  REQUIRE(w.line_text == line_text);
}

const std::string kTwoBodies = "agency_id,name_ru,kind\nA1,Акимат,local\nA2,Министерство,central\n";

}  // namespace

TEST_CASE("csv dialect: a quote inside an unquoted field is a character, with one warning per file", "[input][csv][dialect]") {
  SECTION("one field") {
    TextTable t = parse_csv("a,b\nҚазақстан,ab\"c\n", "t.csv");
    REQUIRE(t.records[0] == std::vector<std::string>{"Қазақстан", "ab\"c"});
    REQUIRE(t.warnings.size() == 1);
    const Diagnostic& w = t.warnings[0];
    require_warning(w, "data-csv-stray-quote", 2, 13, "Қазақстан,ab\"c");  // columns in code points
    REQUIRE(w.file == "t.csv");
    REQUIRE(w.message == "quote inside an unquoted field, read as a character of the value (the only field of this file with one)");
    REQUIRE(has(w.help, "Excel and Python's csv module read it so too"));
    REQUIRE(has(w.help, "\"a \"\"b\"\" c\""));
  }
  SECTION("fields counted once however many quotes they hold; a field starting with a quote is quoted") {
    TextTable t = parse_csv(
        "place,lat\n"
        "A,37°36'37.8\"N\n"
        "B,\"quoted \"\"ok\"\"\"\n"
        "x\"y\"z,1\"\n"
        "\"C\",2\n",
        "t.csv");
    REQUIRE(t.records == std::vector<std::vector<std::string>>{
                             {"A", "37°36'37.8\"N"}, {"B", "quoted \"ok\""}, {"x\"y\"z", "1\""}, {"C", "2"}});
    REQUIRE(t.warnings.size() == 1);
    REQUIRE(t.warnings[0].line == 2);
    REQUIRE(t.warnings[0].column == 13);
    REQUIRE(has(t.warnings[0].message, "(3 fields of this file have one; this is the first)"));
    REQUIRE(t.cols[2] == std::vector<std::uint32_t>{1, 7});
  }
  SECTION("in the header too") {
    TextTable t = parse_csv("a\"b,c\n1,2\n", "t.csv");
    REQUIRE(t.header == std::vector<std::string>{"a\"b", "c"});
    REQUIRE(t.warnings.size() == 1);
    REQUIRE(t.warnings[0].line == 1);
    REQUIRE(t.warnings[0].column == 2);
  }
  SECTION("a file without one has no warning") {
    REQUIRE(parse_csv("a,b\n\"x\",\"y \"\"z\"\"\"\n", "t.csv").warnings.empty());
  }
  SECTION("a quoted field with text after its closing quote is still an error, with the warnings so far") {
    auto e = input_error([] { parse_csv("a,b\nx\"y,1\n\"ab\"cd,2\n", "t.csv"); });
    REQUIRE(e.diagnostics.list().size() == 2);
    REQUIRE(first(e).code == "data-text-after-quote");
    REQUIRE(first(e).line == 3);
    REQUIRE(first(e).column == 5);
    REQUIRE(e.diagnostics.list()[1].code == "data-csv-stray-quote");
    REQUIRE(e.diagnostics.list()[1].line == 2);
  }
}

TEST_CASE("csv dialect: stray quotes read alike by parse_csv and load_folder, in pieces", "[input][csv][dialect][folder]") {
  TempDir dir;
  const std::string services = services_of(1500, [](std::size_t i) {
    const std::string id = i % 97 == 5 ? "S\"" + std::to_string(i) + "\"x" : "S" + std::to_string(i);
    return std::string(i % 2 ? "A1," : "A2,") + id + ",," + (i % 3 ? "full" : "none") + ",false,true";
  });
  const DataSet ds = read_both_ways(dir, {{"agencies", "agency_id,name_ru,kind\nA1,Акимат \"Алматы\",local\nA2,x,central\n"},
                                          {"services", services}},
                                    {"services"});
  REQUIRE(ds.bodies[0].ru_name == "Акимат \"Алматы\"");
  const Column& id = ds.table("services").column("service_id");
  REQUIRE(id.code_of("S\"5\"x") >= 0);
  REQUIRE(id.code_of("S\"1460\"x") >= 0);
  REQUIRE(ds.warnings.size() == 2);  // agencies', then services'
  REQUIRE(ds.warnings[0].file == dir.str("agencies.csv"));
  REQUIRE(ds.warnings[0].line == 2);
  REQUIRE(ds.warnings[0].column == 11);
  REQUIRE(has(ds.warnings[0].message, "the only field"));
  REQUIRE(ds.warnings[1].file == dir.str("services.csv"));
  REQUIRE(ds.warnings[1].line == 7);  // row 5 of the data
  REQUIRE(ds.warnings[1].column == 5);
  REQUIRE(ds.warnings[1].line_text == "A1,S\"5\"x,,full,false,true");
  REQUIRE(has(ds.warnings[1].message, "(16 fields of this file have one; this is the first)"));
}

// Plain records of fewer than 64 bytes are split from masks of the 64 bytes at their start
// (CsvScanner::plain_records); everything else among them goes the general way, record by record:
// the same data whichever way, at every thread count and window (read_both_ways).
TEST_CASE("csv: records of every kind among short plain ones read as the general path reads them",
          "[input][csv][folder]") {
  TempDir dir;
  auto services = [](bool empty_keys) {
    return services_of(3000, [empty_keys](std::size_t i) {
    const std::string body = i % 2 ? "A1," : "A2,", id = "S" + std::to_string(i);
    if (i < 2) return body + "P,,full,false,true";  // each body's main service P
    switch (i % 40) {
      case 3: return body + "\"" + id + "\",,full,false,true";                        // a quoted field
      case 7: return body + id + ",,none,false,false\r";                             // CRLF
      case 11: return body + id + ",P,partial,true,true\n";                          // then a blank line
      case 13: return body + id + "-" + std::string(70, 'x') + ",,full,false,true";  // longer than 64 bytes
      case 17: return body + id + "-Қ,,full,false,true";                              // non-ASCII
      case 19: return body + id + " ,,partial,true,false";                            // a space at a field's end
      case 23: return body + id + ",P,none,true,true";                                 // a subtype
      case 29: return body + id + "\"q,,full,false,true";                             // a quote inside a field
      case 31: return empty_keys ? std::string("A2,,,full,false,true") : body + id + ",,full,false,true";  // an empty key
      case 37: return body + id + (empty_keys ? ",,full,false,true,x" : ",,full,false,true");  // a field too many
      case 39: return body + id + (empty_keys ? ",full,false,true" : ",,full,false,true");     // a field too few
      default: return body + id + (i % 3 ? ",," : ",P,") + "full,false,true";
    }
    });
  };
  SECTION("valid rows") {
    const DataSet ds = read_both_ways(dir, {{"agencies", kTwoBodies}, {"services", services(false)}}, {"services"});
    const Table& t = ds.table("services");
    const Column& id = t.column("service_id");
    auto id_of = [&](std::size_t r) { return id.dictionary.at(static_cast<std::size_t>(id.values[r])); };
    CHECK(id_of(3) == "S3");
    CHECK(id_of(13) == "S13-" + std::string(70, 'x'));
    CHECK(id_of(17) == "S17-Қ");
    CHECK(id_of(19) == "S19 ");
    CHECK(id_of(29) == "S29\"q");
    CHECK(t.lines.line(12) == 15);  // after the blank line that follows row 11
    CHECK(t.rows == 3000);
  }
  SECTION("ragged records among them: the same errors both ways") {
    const std::string text = errors_both_ways(dir, {{"agencies", kTwoBodies}, {"services", services(true)}}, {"services"});
    CHECK(has(text, "fields"));  // the ragged records, reported first and alone
  }
}

TEST_CASE("csv dialect: warnings come with the errors when the data has some", "[input][csv][dialect][folder][error]") {
  TempDir dir;
  SECTION("a value read with its quote, then not valid") {
    const std::string services = services_of(800, [](std::size_t i) {
      return std::string("A1,S") + std::to_string(i) + ",," + (i == 700 ? "fu\"ll" : "full") + ",false,true";
    });
    const std::string text = errors_both_ways(dir, {{"agencies", kTwoBodies}, {"services", services}}, {"services"});
    REQUIRE(has(text, "services.csv:702:10: error: unknown value `fu\"ll` in column `automation`"));
    REQUIRE(has(text, "services.csv:702:12: warning: quote inside an unquoted field"));
  }
  SECTION("a syntax error in one file, a stray quote in it and in another") {
    const std::string services = services_of(600, [](std::size_t i) {
      return std::string("A1,S") + std::to_string(i) + (i == 3 ? "\"" : "") + ",," + (i == 500 ? "\"full\"x" : "full") +
             ",false,true";
    });
    const std::string text =
        errors_both_ways(dir, {{"agencies", "agency_id,kind\nA\"1,local\n"}, {"services", services}}, {"services"});
    REQUIRE(has(text, "agencies.csv:2:2: warning: quote inside an unquoted field"));
    REQUIRE(has(text, "services.csv:5:6: warning: quote inside an unquoted field"));
    REQUIRE(has(text, "services.csv:502:16: error: unexpected text after the closing quote"));
  }
}

TEST_CASE("csv dialect: CRLF inside quotes kept, positions after a record over several lines", "[input][csv][dialect][folder]") {
  TempDir dir;
  const std::string agencies =
      "agency_id,name_ru,kind\r\n"
      "A1,\"Акимат\r\nг. Алматы\",local\r\n"
      "A2,\"x\ny\",central\r\n";
  std::string services = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\r\n";
  for (int i = 0; i < 400; ++i)
    services += std::string(i % 2 ? "A1" : "A2") + ",\"S" + std::to_string(i) + (i % 5 ? "" : "\r\nsecond line") +
                "\",,full,false,true\r\n";
  const DataSet ds = read_both_ways(dir, {{"agencies", agencies}, {"services", services}}, {"services"});
  REQUIRE(ds.warnings.empty());
  REQUIRE(ds.bodies[0].ru_name == "Акимат\r\nг. Алматы");
  REQUIRE(ds.bodies[1].ru_name == "x\ny");
  const Table& s = ds.table("services");
  REQUIRE(s.column("service_id").code_of("S10\r\nsecond line") >= 0);
  REQUIRE(s.lines.line(0) == 2);
  REQUIRE(s.lines.line(1) == 4);  // after the two lines of row 0
  REQUIRE(s.lines.line(399) == 2 + 399 + 80);

  // A bad value after a field over two lines: on the second line, its column counted from there.
  std::string bad = agencies + "A3,\"Акимат\r\nобласти\",centr\r\n";
  const std::string text = errors_both_ways(dir, {{"agencies", bad}, {"services", services}}, {"services"});
  REQUIRE(has(text, "agencies.csv:7:10: error: unknown value `centr` in column `kind`"));
  REQUIRE(has(text, " 7 | области\",centr\n"));
}

TEST_CASE("csv dialect: a file separated by `;` is recognised from its header", "[input][csv][dialect]") {
  const TableSchema* agencies = table_schema("agencies");
  SECTION("read with `;`, one warning at the header's first `;`; commas in values stay commas") {
    TextTable t = parse_csv(
        "agency_id;name_kk;name_ru;kind\n"
        "A1;Алматы, әкімдік;\"Акимат; г. Алматы\";local\n"
        "A2;2,5;\"x\"\"y\";central\n",
        "agencies.csv", agencies);
    REQUIRE(t.header == std::vector<std::string>{"agency_id", "name_kk", "name_ru", "kind"});
    REQUIRE(t.records == std::vector<std::vector<std::string>>{{"A1", "Алматы, әкімдік", "Акимат; г. Алматы", "local"},
                                                                {"A2", "2,5", "x\"y", "central"}});
    REQUIRE(t.cols[0] == std::vector<std::uint32_t>{1, 4, 20, 40});
    REQUIRE(t.warnings.size() == 1);
    const Diagnostic& w = t.warnings[0];
    require_warning(w, "data-csv-semicolon", 1, 10, "agency_id;name_kk;name_ru;kind");
    REQUIRE(w.message == "this file uses `;` as its separator: read with `;` between fields");
    REQUIRE(has(w.help, "a comma in one stays a comma"));
  }
  SECTION("after a byte-order mark and blank lines, with CRLF, a quoted name, and a stray quote") {
    TextTable t = parse_csv("\xEF\xBB\xBF\r\n\"agency_id\";\"kind, or not\"\r\nA\"1;local\r\n", "agencies.csv", agencies);
    REQUIRE(t.header == std::vector<std::string>{"agency_id", "kind, or not"});
    REQUIRE(t.records[0] == std::vector<std::string>{"A\"1", "local"});
    REQUIRE(t.warnings.size() == 2);
    REQUIRE(t.warnings[0].code == "data-csv-semicolon");
    REQUIRE(t.warnings[0].line == 2);
    REQUIRE(t.warnings[0].column == 12);
    REQUIRE(t.warnings[1].code == "data-csv-stray-quote");
    REQUIRE(t.warnings[1].line == 3);
  }
  SECTION("not recognised: a comma outside quotes, no known name, no table, no `;`") {
    for (const char* text : {"agency_id;name_kk,kind\nA;B,local\n", "code;type\nA;local\n", "agency_id\nA;B\n"}) {
      INFO(text);
      TextTable t = parse_csv(text, "agencies.csv", agencies);
      REQUIRE(t.warnings.empty());
      REQUIRE(t.records[0].size() == t.header.size());
    }
    TextTable plain = parse_csv("agency_id;kind\nA;local\n", "agencies.csv");
    REQUIRE(plain.header == std::vector<std::string>{"agency_id;kind"});
    REQUIRE(plain.warnings.empty());
  }
  SECTION("errors are worded for `;`") {
    auto longer = input_error([&] { parse_csv("agency_id;kind\nA;local;x\n", "agencies.csv", agencies); });
    REQUIRE(first(longer).code == "data-ragged-row");
    REQUIRE(first(longer).column == 9);
    REQUIRE(has(first(longer).help, "a value holding a `;` must be in quotes: \"a; b\""));
    REQUIRE(e_has_warning(longer, "data-csv-semicolon"));
    auto shorter = input_error([&] { parse_csv("agency_id;kind;name_ru\nA;local\n", "agencies.csv", agencies); });
    REQUIRE(has(first(shorter).help, "(a;;c)"));
  }
}

TEST_CASE("csv dialect: a `;` file reads as its comma twin, by parse_csv and load_folder, in pieces", "[input][csv][dialect][folder]") {
  // The same rows written twice: with `,` and with `;` (quoting what holds the separator).
  auto write = [](char sep) {
    auto field = [sep](const std::string& v) {
      return v.find_first_of(std::string("\"\r\n") + sep) == std::string::npos
                 ? v
                 : "\"" + std::regex_replace(v, std::regex("\""), "\"\"") + "\"";
    };
    auto line = [&](const std::vector<std::string>& fields) {
      std::string out;
      for (const auto& f : fields) out += (out.empty() ? "" : std::string(1, sep)) + field(f);
      return out + "\r\n";
    };
    std::map<std::string, std::string> files;
    files["agencies"] = line({"agency_id", "name_ru", "kind"});
    for (int b = 0; b < 30; ++b)
      files["agencies"] += line({"B" + std::to_string(b), "Акимат, № " + std::to_string(b) + "; отдел\r\n\"2,5\"", b % 2 ? "local" : "central"});
    files["services"] = line({"agency_id", "service_id", "parent_id", "automation", "portal_excluded", "mobile"});
    for (int s = 0; s < 1200; ++s)
      files["services"] += line({"B" + std::to_string(s / 3 % 30), "S" + std::to_string(s) + (s % 7 ? "" : ",x;y"),
                                 s % 3 == 2 ? "S" + std::to_string(s - 1) + ((s - 1) % 7 ? "" : ",x;y") : "",
                                 s % 2 ? "full" : "partial", "false", s % 5 ? "true" : "false"});
    return files;
  };
  TempDir commas, semicolons;
  const DataSet a = read_both_ways(commas, write(','), {"services"});
  const DataSet b = read_both_ways(semicolons, write(';'), {"services"});
  REQUIRE(dump(b) == dump(a));
  REQUIRE(a.warnings.empty());
  REQUIRE(b.warnings.size() == 2);
  REQUIRE(b.warnings[0].file == semicolons.str("agencies.csv"));
  REQUIRE(b.warnings[1].file == semicolons.str("services.csv"));
  for (const auto& w : b.warnings) {
    REQUIRE(w.code == "data-csv-semicolon");
    REQUIRE(w.line == 1);
    REQUIRE(w.column == 10);
  }
  REQUIRE(b.bodies[0].ru_name == "Акимат, № 0; отдел\r\n\"2,5\"");
  REQUIRE(b.table("services").column("service_id").code_of("S7,x;y") >= 0);

  // An error late in a `;` file: found and worded alike, whoever reads that piece.
  auto files = write(';');
  files["services"] += "B1;S-late;;sometimes;false;true\r\n";
  const std::string text = errors_both_ways(semicolons, files, {"services"});
  REQUIRE(has(text, "services.csv:1202:12: error: unknown value `sometimes`"));
  REQUIRE(has(text, "services.csv:1:10: warning: this file uses `;` as its separator"));
}

// A file truncated by another program while it is mapped: reading past its new end would be a
// SIGBUS that kills the process. The handler (input/MappedFile.cpp) maps zeros over the lost pages
// and counts the change instead; reading before the new end still sees the file.
TEST_CASE("a mapped file truncated while read: zeros and a count, no SIGBUS", "[input][mapped]") {
  test::TempDir dir;
  const std::string text(3 << 20, 'x');
  dir.write("big.csv", text);
  MappedFile file(dir.str("big.csv"), "big.csv");
  REQUIRE(file.bytes().size() == text.size());
  REQUIRE(file.bytes()[100] == 'x');
  const std::uint64_t before = MappedFile::changes();
  REQUIRE(::truncate(dir.str("big.csv").c_str(), 4096) == 0);
  // Past the new end: what a read there sees once the handler mended the mapping.
  volatile const char* p = file.bytes().data();
  const char far = p[(2 << 20) + 5];
  CHECK(far == '\0');
  CHECK(MappedFile::changes() == before + 1);
  CHECK(p[(3 << 20) - 1] == '\0');           // the rest of the mapping was mended at once
  CHECK(MappedFile::changes() == before + 1);  // no second fault
  CHECK(p[10] == 'x');                         // before the new end, the file as it was
}

// The windows of the CSV reader are copies made with read calls (MappedFile::copy): the bytes of
// the mapping at any offset, fewer once the file is shorter, none past its end.
TEST_CASE("a mapped file's bytes copied a window at a time", "[input][mapped][windows]") {
  test::TempDir dir;
  std::string text;
  for (int i = 0; text.size() < (1 << 20) + 77; ++i) text += "A" + std::to_string(i) + ",Әкімдік,\"x\"\"y\"\r\n";
  dir.write("big.csv", text);
  MappedFile file(dir.str("big.csv"), "big.csv");
  REQUIRE(file.mapped());
  std::string out(5000, '\0');
  for (std::size_t offset : {std::size_t{0}, std::size_t{1}, std::size_t{4095}, text.size() / 2, text.size() - 4000}) {
    INFO("offset " << offset);
    REQUIRE(file.copy(offset, out.data(), 4000) == 4000);
    REQUIRE(out.substr(0, 4000) == text.substr(offset, 4000));
  }
  REQUIRE(file.copy(text.size() - 10, out.data(), 4000) == 10);
  REQUIRE(out.substr(0, 10) == text.substr(text.size() - 10));
  REQUIRE(file.copy(text.size(), out.data(), 4000) == 0);
  REQUIRE(::truncate(dir.str("big.csv").c_str(), 4096) == 0);
  REQUIRE(file.copy(4000, out.data(), 4000) == 96);  // the file as it is now
  REQUIRE(file.copy(8192, out.data(), 4000) == 0);
}

// A file written in place while it is read (same length, so no SIGBUS and no shorter file): its
// times move, and the load says so instead of giving results from a text that was never whole.
// Another thread rewrites one byte of services.csv with the same byte, over and over.
TEST_CASE("a data file rewritten in place while read is data-unreadable", "[input][mapped]") {
  test::TempDir dir;
  for (const char* t : {"agencies", "services", "objections", "schedule"}) {
    std::ifstream in(std::string(EREJE_SOURCE_DIR) + "/examples/assessment-2023/" + t + ".csv", std::ios::binary);
    dir.write(std::string(t) + ".csv", std::string(std::istreambuf_iterator<char>(in), {}));
  }
  const std::vector<std::string> needed = {"services", "objections", "schedule"};
  REQUIRE_NOTHROW(load_folder(dir.str(), contract(), needed, LoadOptions{1, 64}));  // quiet: it reads
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    const std::string path = dir.str("services.csv");
    while (!stop.load()) {
      const int fd = ::open(path.c_str(), O_WRONLY);
      if (fd >= 0) {
        (void)!::pwrite(fd, "a", 1, 0);  // the file starts with `agency_id`: the same byte
        ::close(fd);
      }
    }
  });
  // One thread; then two, services.csv begun before agencies.csv is read (its check then spans both).
  for (unsigned threads : {1u, 2u}) {
    INFO(threads << " threads");
    int said = 0;
    const std::uint64_t early = early_starts();
    for (int i = 0; i < 200 && said == 0; ++i) {
      try {
        load_folder(dir.str(), contract(), needed, LoadOptions{threads, 64});
      } catch (const ereje::InputError& e) {
        const std::string text = render(e.diagnostics);
        INFO(text);
        CHECK(text.find("services.csv: error: the file changed while it was read: it was written to or replaced") !=
              std::string::npos);
        CHECK(e.diagnostics.list().size() == 1);
        ++said;
      }
    }
    CHECK(said == 1);
    CHECK((early_starts() > early) == (threads > 1));
  }
  stop = true;
  writer.join();
}

// The key checks of a table whose bodies' rows are interleaved (one bit per body and code, no
// grouping) find what they find in the same rows put together body by body (a pass per body):
// the same diagnostics, each naming the same row, whatever the order and the threads.
TEST_CASE("keys: rows in any order give the same findings", "[input][folder][keys][order]") {
  TempDir dir;
  write_piece_folder(dir, 40, 30);
  std::vector<std::string> lines;
  {
    std::ifstream in(dir.path / "services.csv", std::ios::binary);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
  }
  const std::string header = lines.front();
  std::vector<std::string> rows(lines.begin() + 1, lines.end());
  auto write = [&](const std::vector<std::string>& body) {
    std::string text = header + "\n";
    for (const auto& l : body) text += l + "\n";
    dir.write("services.csv", text);
  };
  auto agency = [](const std::string& l) { return l.substr(0, l.find(',')); };
  // Each finding with the rows it names written out: the line numbers differ between orders, the
  // rows do not.
  auto findings = [&](unsigned threads, const std::vector<std::string>& body) {
    write(body);
    const std::string text =
        render(input_error([&] { test::load_data_folder(dir.str(), {"services"}, LoadOptions{threads, 1u << 20}); }).diagnostics);
    std::vector<std::string> blocks;
    std::istringstream in(text);
    const std::regex place(R"(services\.csv:(\d+):(\d+))"), line(R"(line (\d+)(, column )?(\d*))");
    auto row_of = [&](const std::string& n) { return body.at(std::stoul(n) - 2); };
    for (std::string l; std::getline(in, l);) {
      std::smatch m;
      std::string out;
      for (auto s = l; std::regex_search(s, m, place) || std::regex_search(s, m, line); s = m.suffix()) {
        out += m.prefix().str() + "<" + row_of(m[1]) + ">:" + m[m.size() - 1].str();
        l = m.suffix();
      }
      out += l;
      if (out.rfind(" ", 0) == 0 || out.rfind("  =", 0) == 0) {
        // Notes and help kept; the source lines and their gutter (whose width follows the line
        // number) left out: the row is named in the message.
        if (!blocks.empty() && out.find('|') == std::string::npos) blocks.back() += "\n" + out;
      } else {
        blocks.push_back(out);
      }
    }
    std::sort(blocks.begin(), blocks.end());
    return blocks;
  };
  // Errors of every kind the key checks find, in bodies of both halves.
  rows[100] = rows[99];                                // duplicate key
  rows[1000] = rows[990];                              // duplicate key, further away
  rows[1001] = rows[990];                              // and a third time
  rows[200] = "B1006,S1-p,S9-nowhere,full,false,true";  // unknown parent
  rows[1100] = "B1036,S1-q,S1-q,full,false,true";       // its own parent
  rows[300] = "X999,S1-yy,,full,false,true";            // unknown body
  rows[400] = "B1013,C1,C3,full,false,true";            // a cycle of three
  rows[401] = "B1013,C3,C2,full,false,true";
  rows[402] = "B1013,C2,C1,full,false,true";
  std::vector<std::string> shuffled = rows;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(12));
  std::vector<std::string> grouped = shuffled;  // each body's rows together, in the shuffled order
  std::stable_sort(grouped.begin(), grouped.end(), [&](const auto& a, const auto& b) { return agency(a) < agency(b); });
  const auto want = findings(1, grouped);
  REQUIRE(want.size() >= 7);
  for (const char* code : {"data-duplicate-key", "data-unknown-parent", "names the row itself", "data-parent-cycle", "X999"})
    CHECK(std::any_of(want.begin(), want.end(), [&](const std::string& b) { return has(b, code); }));
  CHECK(findings(1, shuffled) == want);
  CHECK(findings(2, shuffled) == want);
  CHECK(findings(2, grouped) == want);
  // Without errors, each row's body is the same whatever the order.
  SECTION("bodies of the rows") {
    std::vector<std::string> clean(lines.begin() + 1, lines.end());
    std::shuffle(clean.begin(), clean.end(), std::mt19937(5));
    auto bodies_of = [&](const std::vector<std::string>& body, unsigned threads) {
      write(body);
      const DataSet ds = test::load_data_folder(dir.str(), {"services"}, LoadOptions{threads, 1u << 20});
      const Table& t = ds.tables.at("services");
      const Column& id = t.column("service_id");
      std::vector<std::string> out;
      for (std::size_t r = 0; r < t.rows; ++r)
        out.push_back(ds.bodies.at(static_cast<std::size_t>(t.body(r))).code + "/" + id.dictionary.at(static_cast<std::size_t>(id.values[r])));
      std::sort(out.begin(), out.end());
      return out;
    };
    std::vector<std::string> together = clean;
    std::stable_sort(together.begin(), together.end(), [&](const auto& a, const auto& b) { return agency(a) < agency(b); });
    const auto want_bodies = bodies_of(together, 1);
    REQUIRE(want_bodies.size() == 1200);
    CHECK(bodies_of(clean, 1) == want_bodies);
    CHECK(bodies_of(clean, 2) == want_bodies);
  }
}

// Past 65,536 rows the runs of a key's first column (each body's rows together) are looked for on
// two threads, over two halves cut where the body changes: a body whose rows make two runs, in one
// half or one in each, is no run, and its rows are checked as one group all the same.
TEST_CASE("keys: a large table's runs found in two halves give the findings of one pass", "[input][folder][keys][order]") {
  TempDir dir;
  write_piece_folder(dir, 700, 100);  // 70,000 rows, each body's 100 together
  std::vector<std::string> lines;
  {
    std::ifstream in(dir.path / "services.csv", std::ios::binary);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
  }
  const std::string header = lines.front();
  const std::vector<std::string> rows(lines.begin() + 1, lines.end());
  REQUIRE(rows.size() == 70000);
  REQUIRE(rows[2].find(",,") == std::string::npos);  // a subtype of body B1000: its parent is rows[1]
  auto errors = [&](unsigned threads, const std::vector<std::string>& body) {
    std::string text = header + "\n";
    for (const auto& l : body) text += l + "\n";
    dir.write("services.csv", text);
    try {
      test::load_data_folder(dir.str(), {"services"}, LoadOptions{threads, 1u << 20});
    } catch (const InputError& e) {
      return render(e.diagnostics);
    }
    return std::string("no error");
  };
  // Runs only, the middle inside body B1349's run: a duplicate key there.
  std::vector<std::string> runs = rows;
  runs[34950] = runs[34949];
  // B1000's subtype moved to the end (its parent stays in the first half) and a repeat of B1000's
  // first row after it: two runs of B1000, one in each half.
  std::vector<std::string> halves = rows;
  halves.erase(halves.begin() + 2);
  halves.push_back(rows[2]);
  halves.push_back(rows[0]);
  // The same two rows inside the first half, between other bodies' runs.
  std::vector<std::string> first_half = rows;
  first_half.erase(first_half.begin() + 2);
  first_half.insert(first_half.begin() + 20000, {rows[2], rows[0]});
  for (const auto* body : {&runs, &halves, &first_half}) {
    const std::string one = errors(1, *body);
    INFO(one);
    CHECK(errors(2, *body) == one);
    CHECK(errors(3, *body) == one);
    // One duplicate each, no parent reported missing: B1000's rows are one group.
    CHECK(has(one, "data-duplicate-key"));
    CHECK_FALSE(has(one, "data-unknown-parent"));
    CHECK(one.find("data-duplicate-key") == one.rfind("data-duplicate-key"));
  }
}

TEST_CASE("contract: in force on a date, shared per set of tables and columns in force", "[input][contract]") {
  Contract whole;
  TableSchema t;
  t.name = "services";
  ColumnSchema a;
  a.name = "agency_id";
  ColumnSchema later;
  later.name = "proactive";
  later.type = ColumnType::Bool;
  later.origin = Origin{"2", make_date(2025, 1, 1), "later.ereje:3"};
  t.columns = {a, later};
  TableSchema newer;
  newer.name = "visits";
  newer.origin = Origin{"3", make_date(2026, 1, 1), "visits.ereje:1"};
  whole.tables = {t, newer};

  const auto y2024 = whole.in_force_on(make_date(2024, 6, 1));
  const auto y2024b = whole.in_force_on(make_date(2024, 12, 31));
  const auto y2025 = whole.in_force_on(make_date(2025, 1, 1));
  const auto y2026 = whole.in_force_on(make_date(2026, 3, 1));
  CHECK(y2024.get() == y2024b.get());  // the same tables and columns in force: one object
  CHECK(y2024.get() != y2025.get());
  REQUIRE(y2024->find("services"));
  CHECK(y2024->find("services")->columns.size() == 1);
  CHECK(y2024->find("services")->later.size() == 1);
  CHECK(!y2024->find("visits"));
  CHECK(y2025->find("services")->columns.size() == 2);
  CHECK(!y2025->find("visits"));
  CHECK(y2026->find("visits"));
  // Each the same as `at`.
  for (const Date d : {make_date(2024, 6, 1), make_date(2025, 1, 1), make_date(2026, 3, 1)}) {
    const Contract direct = whole.at(d);
    const auto shared = whole.in_force_on(d);
    REQUIRE(direct.tables.size() == shared->tables.size());
    for (std::size_t i = 0; i < direct.tables.size(); ++i) {
      CHECK(direct.tables[i].name == shared->tables[i].name);
      CHECK(direct.tables[i].columns.size() == shared->tables[i].columns.size());
    }
  }
  // A copy changed after the original was asked keeps no stale answer.
  Contract copy = whole;
  copy.tables.pop_back();
  CHECK(!copy.in_force_on(make_date(2026, 3, 1))->find("visits"));
  CHECK(whole.in_force_on(make_date(2026, 3, 1))->find("visits"));
}

// A key column takes a new value on most rows: past the first thousand, its values are looked up a
// block of rows at a time (TextIndex::intern_batch). The codes, the dictionary and its order must
// be those of one lookup at a time, whatever the batch sizes, repeats inside a batch and growth.
TEST_CASE("text index: a batch gives the codes one lookup at a time gives", "[input][textindex]") {
  std::mt19937 rng(7);
  std::vector<std::string> pool;  // three letters only: many values share their first 8 bytes
  for (int i = 0; i < 3000; ++i) {
    std::string v;
    for (std::size_t k = 0, len = 1 + rng() % 20; k < len; ++k) v += static_cast<char>('A' + rng() % 3);
    pool.push_back(v);
  }
  TextIndex one, many;
  std::vector<std::string> d_one, d_many;
  std::vector<std::int32_t> c_one, c_many;
  while (c_one.size() < 40000) {
    const std::size_t n = 1 + rng() % 256;
    std::vector<std::string> batch;
    for (std::size_t k = 0; k < n; ++k) batch.push_back(pool[rng() % pool.size()]);
    const std::vector<std::string_view> views(batch.begin(), batch.end());
    std::vector<std::int32_t> codes(n);
    if (rng() % 4 == 0)
      for (std::size_t k = 0; k < n; ++k) codes[k] = many.intern(views[k], d_many);
    else
      many.intern_batch(views.data(), n, codes.data(), d_many);
    for (const auto& v : batch) c_one.push_back(one.intern(v, d_one));
    c_many.insert(c_many.end(), codes.begin(), codes.end());
  }
  REQUIRE(c_many == c_one);
  REQUIRE(d_many == d_one);
  REQUIRE(d_many.size() > 1000);
  for (std::size_t k = 0; k < d_many.size(); ++k) REQUIRE(many.find(d_many[k], d_many) == static_cast<std::int32_t>(k));
  REQUIRE(many.find("not a value", d_many) == -1);
}

// The slot of a value depends on a key drawn once a process: values made so that a fixed hash
// would put them all in one run of slots (here: 20,000 values whose first 8 bytes, folded as an
// unkeyed multiply-by-a-constant hash folds them, differ only in bits that carry into nothing the
// slot number reads) still find their slots in a few probes. A data file is hostile input: had
// they shared a run, each lookup would read thousands of slots and a large file would never load.
TEST_CASE("text index: values made to collide under a fixed hash still spread", "[input][textindex]") {
  std::vector<std::string> crafted;
  const std::uint64_t base = 0x3030303030303053ull;  // "S0000000"
  const std::uint64_t folded = base ^ (base >> 29);
  for (std::uint64_t k = 0; k < 20000; ++k) {
    const std::uint64_t y = folded ^ (k << 48);
    const std::uint64_t x = y ^ (y >> 29) ^ (y >> 58);  // the value whose fold is y
    std::string v(8, '\0');
    std::memcpy(v.data(), &x, 8);
    crafted.push_back(v);
    crafted.push_back(v + "-LONGER-THAN-EIGHT");  // and longer values with the same first 8 bytes
  }
  const std::vector<std::string_view> views(crafted.begin(), crafted.end());
  TextIndex index;
  std::vector<std::string> dictionary;
  std::vector<std::int32_t> codes(views.size());
  index.intern_batch(views.data(), views.size(), codes.data(), dictionary);
  REQUIRE(dictionary.size() == crafted.size());
  index.intern_batch(views.data(), views.size(), codes.data(), dictionary);  // found, not added
  REQUIRE(dictionary.size() == crafted.size());
  for (std::size_t i = 0; i < codes.size(); ++i) REQUIRE(codes[i] == static_cast<std::int32_t>(i));
  CHECK(index.longest_probe() < 100);
  TextIndex one;
  std::vector<std::string> d_one;
  for (const auto& v : crafted) one.intern(v, d_one);
  CHECK(one.longest_probe() < 100);
  REQUIRE(d_one == dictionary);
}

// Registries' codes share their first bytes (`S0001`, `S0001-01`): under every key they spread.
// The hash once folded the product's halves and took their low bits, which the codes' high bytes
// reach little: about one key in eight then put them in runs of hundreds of slots (on these 13,500
// codes, 619 slots at worst over these 64 keys; 26 now).
TEST_CASE("text index: codes sharing their first bytes spread under every key", "[input][textindex]") {
  std::vector<std::string> codes;
  for (int i = 1; i <= 3000; ++i) {
    const std::string main = fmt::format("S{:04}", i);
    codes.push_back(main);
    for (int j = 1; j <= i % 8; ++j) codes.push_back(fmt::format("{}-{:02}", main, j));
  }
  const std::vector<std::string_view> views(codes.begin(), codes.end());
  std::mt19937_64 keys(5);
  std::size_t worst = 0;
  for (int k = 0; k < 64; ++k) {
    TextIndex index(keys());
    std::vector<std::string> dictionary;
    std::vector<std::int32_t> got(views.size());
    index.intern_batch(views.data(), views.size(), got.data(), dictionary);
    REQUIRE(dictionary == codes);
    worst = std::max(worst, index.longest_probe());
  }
  CHECK(worst < 100);
}

// The same, read from a file: a key column with a new value on every row, some values quoted with
// doubled quotes (their bytes live only while their record is read) and some longer than 8 bytes,
// read whole and in pieces. Every row's value and the dictionary's first-seen order as written;
// a repeat far into the file named with its first row.
TEST_CASE("folder: a key column new on every row keeps each row's value, in pieces too", "[input][folder][pieces][keys]") {
  TempDir dir;
  dir.write("agencies.csv", "agency_id\nA1\nA2\n");
  std::string rows = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n";
  std::vector<std::string> ids;
  for (int i = 0; i < 6000; ++i) {
    std::string id = "S" + std::to_string(i * 7919 % 6000);
    std::string field = id;
    if (i % 5 == 0) id = "S\"" + std::to_string(i) + "\"", field = "\"S\"\"" + std::to_string(i) + "\"\"\"";
    else if (i % 5 == 1) id = "SERVICE-WITH-A-LONG-CODE-" + std::to_string(i), field = id;
    ids.push_back(id);
    rows += std::string(i < 3000 ? "A1" : "A2") + "," + field + ",,none,false,false\n";
  }
  dir.write("services.csv", rows);
  for (unsigned threads : {1u, 2u, 3u})
    for (std::size_t piece : {std::size_t{64}, std::size_t{7919}, std::size_t{1} << 20}) {
      INFO("threads " << threads << ", pieces of at least " << piece << " bytes");
      const DataSet ds = test::load_data_folder(dir.str(), {"services"}, LoadOptions{threads, piece});
      const Column& col = ds.table("services").column("service_id");
      std::vector<std::string> first_seen;
      std::set<std::string> seen;
      for (const auto& id : ids)
        if (seen.insert(id).second) first_seen.push_back(id);
      REQUIRE(col.dictionary == first_seen);
      for (std::size_t r = 0; r < ids.size(); ++r) {
        INFO("row " << r);
        REQUIRE(col.dictionary.at(static_cast<std::size_t>(col.values[r])) == ids[r]);
        REQUIRE(col.code_of(ids[r]) == col.values[r]);
      }
    }
  // A repeat of row 5,000's key (same body) on the last row: found, and named with its first line.
  rows += "A2," + std::string("SERVICE-WITH-A-LONG-CODE-4996") + ",,none,false,false\n";
  dir.write("services.csv", rows);
  for (unsigned threads : {1u, 2u}) {
    const InputError e = input_error([&] { test::load_data_folder(dir.str(), {"services"}, LoadOptions{threads, 64}); });
    const Diagnostic& d = find(e, "duplicate service_id `SERVICE-WITH-A-LONG-CODE-4996`");
    REQUIRE(d.line == 6002);
    REQUIRE(has(d.message, "already on line 4998"));
  }
}

// A text column that may be empty and takes a new value on most of its other rows (a subtype's
// parent_id, rows in threes: a main service and two subtypes of it): past the first thousand
// changes its values are looked up together, the empty fields set aside first. Each row keeps its
// value or stays missing, whatever the pieces and threads, and the dictionary is in first-seen order.
TEST_CASE("folder: a column new on most rows with empty fields between keeps each row's value", "[input][folder][pieces][keys]") {
  TempDir dir;
  dir.write("agencies.csv", "agency_id\nA1\nA2\n");
  std::string rows = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n";
  std::vector<std::string> parents;  // "" where the row has none
  for (int i = 0; i < 9000; ++i) {
    const std::string main = "S" + std::to_string(i / 3 * 7 % 9000) + (i / 3 % 4 == 0 ? "-A-LONGER-CODE" : "");
    const std::string id = i % 3 == 0 ? main : main + "-0" + std::to_string(i % 3);
    parents.push_back(i % 3 == 0 ? "" : main);
    rows += std::string(i < 4500 ? "A1" : "A2") + "," + id + "," + parents.back() + ",none,false,false\n";
  }
  dir.write("services.csv", rows);
  std::vector<std::string> first_seen;
  std::set<std::string> seen;
  for (const auto& p : parents)
    if (!p.empty() && seen.insert(p).second) first_seen.push_back(p);
  for (unsigned threads : {1u, 2u, 3u})
    for (std::size_t piece : {std::size_t{64}, std::size_t{7919}, std::size_t{1} << 20}) {
      INFO("threads " << threads << ", pieces of at least " << piece << " bytes");
      const DataSet ds = test::load_data_folder(dir.str(), {"services"}, LoadOptions{threads, piece});
      const Column& col = ds.table("services").column("parent_id");
      REQUIRE(col.dictionary == first_seen);
      for (std::size_t r = 0; r < parents.size(); ++r) {
        INFO("row " << r);
        if (parents[r].empty()) REQUIRE(col.values[r] == kMissing);
        else REQUIRE(col.dictionary.at(static_cast<std::size_t>(col.values[r])) == parents[r]);
      }
    }
  // service_id may not be empty: its empty fields among the values looked up together (past row
  // 3,000, where every row's service_id is new) are each reported, in file order.
  std::string gaps;
  std::size_t line = 1;
  for (std::size_t from = 0, to; from < rows.size(); from = to + 1, ++line) {
    to = rows.find('\n', from);
    std::string row = rows.substr(from, to - from);
    if (line == 4002 || line == 4003 || line == 7002) row = row.substr(0, 3) + row.substr(row.find(',', 3));
    gaps += row + "\n";
  }
  dir.write("services.csv", gaps);
  for (unsigned threads : {1u, 2u})
    for (std::size_t piece : {std::size_t{64}, std::size_t{1} << 20}) {
      INFO("threads " << threads << ", pieces of at least " << piece << " bytes");
      const InputError e =
          input_error([&] { test::load_data_folder(dir.str(), {"services"}, LoadOptions{threads, piece}); });
      std::vector<std::size_t> lines;
      for (const Diagnostic& d : e.diagnostics.list()) {
        INFO(d.message);
        REQUIRE(has(d.message, "empty value in required column `service_id`"));
        lines.push_back(d.line);
      }
      REQUIRE(lines == std::vector<std::size_t>{4002, 4003, 7002});
    }
}

// ---- plain records a batch at a time (CsvScanner::plain_records) -------------------------------
// load_folder takes runs of plain records (ASCII, unquoted, LF or CRLF, as many fields as the
// header) straight into the staged columns, 64 bytes of masks at a time, and any other record one
// at a time. Records of every shape, at every offset within a 64-byte chunk and across chunks,
// mixed: what a batch reads must be exactly what parse_csv reads, and the errors those of one row
// after another.

TEST_CASE("folder: plain records read a batch at a time give what one record at a time gives", "[input][folder][batch]") {
  // The same random records with `,` or `;` between fields.
  auto write = [](char sep) {
    std::mt19937 rng(20261207);
    auto pick = [&](unsigned n) { return static_cast<unsigned>(rng() % n); };
    const std::string s(1, sep);
    std::string services = "agency_id" + s + "service_id" + s + "parent_id" + s + "automation" + s + "portal_excluded" + s + "mobile\n";
    const char* automation[] = {"none", "partial", "full"};
    for (int i = 0; i < 4000; ++i) {
      // Codes of 1 to 140 bytes: records from 20 to 300 bytes, their starts at every offset.
      std::string id = "S" + std::to_string(i) + std::string(pick(5) == 0 ? pick(140) : pick(12), 'x');
      const std::string agency = "B" + std::to_string(pick(40));
      std::string before;  // blank lines before the record
      switch (pick(40)) {
        case 0: id = "\"" + id + s + "quoted\""; break;     // a quoted field holding the separator
        case 1: id = "\"" + id + "\"\"q\"\"\""; break;      // a doubled quote: unquoted into scratch
        case 2: id = "Қ" + id; break;                      // a non-ASCII byte
        case 3: id = id + "\"x"; break;                    // a stray quote inside an unquoted field
        case 4: before = "\n"; break;
        case 5: before = "\r\n\r\n"; break;
        case 6: id = "\"" + id + "\nline\""; break;        // a quoted line break
        default: break;
      }
      services += before + agency + s + id + s + s + automation[pick(3)] + s + (pick(2) ? "true" : "false") + s +
                  (pick(2) ? "1" : "0") + (pick(4) == 0 ? "\r\n" : "\n");
    }
    services.pop_back();  // the last record without its line break
    if (services.back() == '\r') services.pop_back();
    // Bodies one to a line (a table of one column: a blank line is no record), blank lines between.
    std::string agencies = "agency_id\n";
    for (int b = 0; b < 40; ++b) agencies += "B" + std::to_string(b) + (b % 7 == 3 ? "\n\n" : b % 5 == 1 ? "\r\n\r\n" : "\n");
    return std::map<std::string, std::string>{{"agencies", agencies}, {"services", services}};
  };
  TempDir commas, semicolons;
  const DataSet ds = read_both_ways(commas, write(','), {"services"});
  REQUIRE(ds.bodies.size() == 40);
  REQUIRE(ds.table("services").rows == 4000);
  // Every shape was met.
  auto any = [&](const std::string& part) {
    const auto& d = ds.table("services").column("service_id").dictionary;
    return std::any_of(d.begin(), d.end(), [&](const std::string& v) { return has(v, part); });
  };
  for (const char* part : {",quoted", "\"q\"", "Қ", "\"x", "\nline"}) REQUIRE(any(part));
  REQUIRE(read_both_ways(semicolons, write(';'), {"services"}).table("services").rows == 4000);
}

TEST_CASE("folder: errors of a batch come row by row, and within a row column by column", "[input][folder][batch][error]") {
  std::string services = "agency_id,service_id,parent_id,automation,portal_excluded,mobile\n";
  for (int i = 0; i < 600; ++i) {
    std::string id = "S" + std::to_string(i), automation = "full", portal = "false", mobile = "true";
    if (i == 10) automation = "sometimes", mobile = "yes";  // two errors on one row, right to left in the block's columns
    if (i == 11) id = "";
    if (i == 300) portal = "nah";
    services += "A1," + id + ",," + automation + "," + portal + "," + mobile + "\n";
  }
  TempDir dir;
  const std::string text = errors_both_ways(dir, {{"agencies", "agency_id\nA1\n"}, {"services", services}}, {"services"});
  const InputError e = input_error([&] { load_folder(dir.str(), contract(), {"services"}, LoadOptions{1, 64}); });
  std::vector<std::pair<std::string, std::uint32_t>> got;
  for (const auto& d : e.diagnostics.list()) got.emplace_back(d.code, d.line);
  REQUIRE(got.size() >= 4);
  got.resize(4);
  REQUIRE(got == std::vector<std::pair<std::string, std::uint32_t>>{
                     {"data-unknown-value", 12}, {"data-bad-bool", 12}, {"data-empty-value", 13}, {"data-bad-bool", 302}});
  REQUIRE(has(text, "services.csv:12:"));
}
