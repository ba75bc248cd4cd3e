// The compiled kernels (FastPass) against the generic evaluator: the same values, statuses and
// warnings on every clause we have, at one thread and at two, on data large enough to be split.
#include <catch2/catch.hpp>

#include "Support.hpp"
#include "input/CsvReader.hpp"
#include "input/LoadData.hpp"
#include "interpreter/DataRules.hpp"

#include <random>

#include "input/DataSet.hpp"
#include "interpreter/Evaluator.hpp"
#include "interpreter/RuleSet.hpp"

using namespace ereje;
using namespace ereje::interp;

TEST_CASE("kernels give what the generic evaluator gives, at any thread count", "[fastpass]") {
  const std::string root = EREJE_SOURCE_DIR;
  Diagnostics diags;
  // The methodology and the standard library's tests (aggregates of every kind, dates, or/and/not).
  RuleSet rules = load_rules({root + "/rules", root + "/tests/stdlib"}, diags);
  Checked checked = check(rules, diags);
  REQUIRE_FALSE(diags.has_errors());
  input::DataSet example = test::load_data_folder(root + "/examples/assessment-2023", {"services", "objections", "schedule"});
  input::DataSet big = test::synthetic_data(3000, 40, 7);  // about 120,000 services: split across threads
  for (const input::DataSet* data : {&example, &big}) {
    for (const char* day : {"2023-01-01", "2024-01-01"}) {
      Date as_of = *parse_date(day);
      auto versions = rules.all_in_force(as_of);
      auto generic = test::evaluation_lines(evaluate(rules, checked, *data, as_of, versions, {false, 1}));
      CHECK(test::evaluation_lines(evaluate(rules, checked, *data, as_of, versions, {true, 1})) == generic);
      CHECK(test::evaluation_lines(evaluate(rules, checked, *data, as_of, versions, {true, 2})) == generic);
      CHECK(test::evaluation_lines(evaluate(rules, checked, *data, as_of, versions, {true, 3})) == generic);
    }
  }
}

// Each row's body is its body column's code looked up (Table::with_bodies), at the codes' width:
// two bytes a row, and four once more than 65,535 body codes are in the column. Every row's body
// is the body of its code, and the kernels give what the generic evaluator gives at both widths.
TEST_CASE("rows find their bodies through the body column's codes, two bytes or four", "[fastpass][input]") {
  const RuleSet& rules = test::methodology().rules;
  const Checked& checked = test::methodology().checked;
  for (const std::size_t bodies : {std::size_t{300}, std::size_t{120000}}) {
    INFO(bodies << " bodies");
    input::DataSet data = test::synthetic_data(bodies, 1, 11);
    for (const char* name : {"agencies", "services", "objections"}) {
      const input::Table& t = data.table(name);
      const input::Column& ids = t.column(t.schema->body_column);
      REQUIRE(t.has_bodies());
      // Two-thirds of the bodies have services: 80,000 codes in services, more than two bytes hold.
      CHECK(ids.values.width() == (ids.dictionary.size() > 65535 ? 4 : 2));
      if (std::string(name) != "objections") CHECK(ids.values.width() == (bodies > 65535 ? 4 : 2));
      const std::vector<std::int32_t> all = t.row_bodies();
      REQUIRE(all.size() == t.rows);
      std::size_t wrong = 0;
      for (std::size_t r = 0; r < t.rows; ++r) {
        const int expected = data.body_index(ids.dictionary.at(static_cast<std::size_t>(ids.values[r])));
        wrong += expected < 0 || all[r] != expected || t.body(r) != expected;
      }
      CHECK(wrong == 0);
    }
    // The last body's code is the last one a column's dictionary holds: past 65,535 at four bytes.
    CHECK(data.table("agencies").body(bodies - 1) == data.body_index("B" + std::to_string(bodies - 1)));
    const Date as_of = *parse_date("2024-01-01");
    auto versions = rules.all_in_force(as_of);
    auto generic = test::evaluation_lines(evaluate(rules, checked, data, as_of, versions, {false, 1}));
    CHECK(test::evaluation_lines(evaluate(rules, checked, data, as_of, versions, {true, 1})) == generic);
    CHECK(test::evaluation_lines(evaluate(rules, checked, data, as_of, versions, {true, 2})) == generic);
  }
}

// Counts whose filters read only enum and boolean columns go through the pass by class of row
// (FastPass.cpp, ClassCounts): the same values and the same first undecided rows as the generic
// evaluator, with bodies whose rows are scattered through the file, an optional enum left empty
// (n/a, warned at its first row), filters of several columns at once, and at every thread count.
TEST_CASE("counts by class of row give what the generic evaluator gives", "[fastpass]") {
  Diagnostics diags;
  RuleSet rules = load_rules_from_text(test::with_contract(
      {{"t.ereje",
        "act \"1\" \"Test act\" in_force 2023-01-01\n\n"
        "clause 1 \"classes\"\n"
        "  let n_central = count agencies where kind = central\n"
        "  let local_ = count agencies where kind != central\n"
        "  let either = count agencies where kind = local or not (kind = local)\n"
        "  let mix = count services where (main and automation in [partial, full]) or (mobile and not portal_excluded)\n"
        "  let odd = count services where automation != none and not (mobile = portal_excluded)\n"
        "  let subs = count services where subtype and automation = full\n"
        "  let every = count services\n"
        "  let never = count services where mobile and false\n"
        "  result c = n_central range 0..10 round 0\n"
        "  result l = local_ range 0..10 round 0\n"
        "  result e = either range 0..10 round 0\n"
        "  result m = mix range 0..100000 round 0\n"
        "  result o = odd range 0..100000 round 0\n"
        "  result s = subs range 0..100000 round 0\n"
        "  result a = every range 0..100000 round 0\n"
        "  result z = never range 0..100000 round 0\n"
        "end\n"}}),
      diags);
  Checked checked = check(rules, diags);
  INFO(render(diags));
  REQUIRE_FALSE(diags.has_errors());

  std::mt19937 rng(11);
  std::map<std::string, input::TextTable> t;
  auto& ag = t["agencies"];
  ag.header = {"agency_id", "kind"};
  auto& sv = t["services"];
  sv.header = {"agency_id", "service_id", "parent_id", "automation", "portal_excluded", "mobile"};
  const char* levels[] = {"none", "partial", "full"};
  const char* kinds[] = {"central", "local", ""};
  const std::size_t bodies = 400;
  for (std::size_t b = 0; b < bodies; ++b) ag.records.push_back({"B" + std::to_string(b), kinds[rng() % 3]});
  // 150,000 rows in runs of 1 to 40 rows of a random body: a body's rows come in several runs.
  std::vector<std::size_t> next_service(bodies, 0);
  while (sv.records.size() < 150000) {
    const std::size_t b = rng() % bodies;
    for (std::size_t n = 1 + rng() % 40; n > 0; --n) {
      const std::size_t s = next_service[b]++;
      const bool sub = s > 0 && rng() % 3 == 0;
      sv.records.push_back({"B" + std::to_string(b), "S" + std::to_string(s), sub ? "S0" : "", levels[rng() % 3],
                            rng() % 5 ? "false" : "true", rng() % 2 ? "true" : "false"});
    }
  }
  for (auto* tt : {&ag, &sv})
    for (std::size_t i = 0; i < tt->records.size(); ++i) tt->lines.push_back(static_cast<std::uint32_t>(i + 2));
  input::DataSet data = test::build_data("<random>", std::move(t), {});

  const Date as_of = *parse_date("2024-01-01");
  auto versions = rules.all_in_force(as_of);
  auto generic = test::evaluation_lines(evaluate(rules, checked, data, as_of, versions, {false, 1}));
  std::size_t na = 0, warned = 0;
  for (const auto& line : generic) {
    na += line.find(" n/a ") != std::string::npos;
    warned += line.rfind("undecidable-row", 0) == 0;
  }
  CHECK(na > 50);      // bodies with no kind: c, l and e are n/a
  CHECK(warned >= 40);  // and each says which row (up to the cap on warnings)
  for (unsigned threads : {1u, 2u, 3u}) {
    auto fast = test::evaluation_lines(evaluate(rules, checked, data, as_of, versions, {true, threads}));
    // The first difference, if any, named.
    std::size_t i = 0;
    while (i < fast.size() && i < generic.size() && fast[i] == generic[i]) ++i;
    INFO("threads " << threads << ": " << (i < generic.size() ? generic[i] : "(end)") << " | "
                    << (i < fast.size() ? fast[i] : "(end)"));
    CHECK(fast == generic);
  }
}

// `run` leaves out the derived columns services.main and services.subtype when no version in force
// names them (interp::prepare_data): the results are the same, and a version that does
// name them, evaluated over such data by mistake, is a loud logic error, never a wrong number.
TEST_CASE("derived columns left out only when no version in force reads them", "[fastpass][derived]") {
  const std::string root = EREJE_SOURCE_DIR;
  const RuleSet& rules = test::methodology().rules;
  const Checked& checked = test::methodology().checked;
  const auto v2023 = rules.all_in_force(*parse_date("2023-01-01"));  // the 2021 wording: main services only
  const auto v2024 = rules.all_in_force(*parse_date("2024-01-01"));  // the 2023 wording: subtypes included
  CHECK(checked.reads_column(v2023, "services", "main"));
  CHECK_FALSE(checked.reads_column(v2024, "services", "main"));
  CHECK_FALSE(checked.reads_column(v2024, "services", "subtype"));
  CHECK(checked.reads_column(v2024, "services", "automation"));

  const std::string folder = root + "/examples/assessment-2023";
  const std::vector<std::string> needed{"services", "objections", "schedule"};
  const Date d2024 = *parse_date("2024-01-01"), d2023 = *parse_date("2023-01-01");
  auto read = [&](Date as_of) { return input::load_data(folder, *rules.contract, as_of, needed); };
  input::DataSet full = read(d2024);
  prepare_data(rules, checked, full, d2024, v2024, true);
  input::DataSet without = read(d2024);
  prepare_data(rules, checked, without, d2024, v2024);  // the 2023 wording reads neither
  CHECK_FALSE(without.table("services").column("main").loaded);
  CHECK(without.table("services").column("main").values.empty());
  CHECK(full.table("services").column("main").loaded);
  // Only `main`, as `run` and `diff` compute it for the 2021 wording, which names no `subtype`.
  input::DataSet with_main = read(d2023);
  prepare_data(rules, checked, with_main, d2023, v2023);
  CHECK(with_main.table("services").column("main").loaded);
  CHECK_FALSE(with_main.table("services").column("subtype").loaded);
  CHECK(with_main.table("services").column("main").values == full.table("services").column("main").values);
  for (bool kernels : {true, false}) {
    CHECK(test::evaluation_lines(evaluate(rules, checked, without, d2024, v2024, {kernels, 2})) ==
          test::evaluation_lines(evaluate(rules, checked, full, d2024, v2024, {kernels, 2})));
    CHECK(test::evaluation_lines(evaluate(rules, checked, with_main, d2023, v2023, {kernels, 2})) ==
          test::evaluation_lines(evaluate(rules, checked, full, d2023, v2023, {kernels, 2})));
    CHECK_THROWS_AS(evaluate(rules, checked, without, d2023, v2023, {kernels, 1}), std::logic_error);
  }
}

// Whole numbers and dates near their limits: the kernels must never overflow 64 bits nor wrap a
// date around. A product of three columns of values near 2^31 (past 2^64), a date moved by
// millions of days (past year 9999: n/a), and sums of both, each the same through the kernels as
// through the generic evaluator's exact rationals.
TEST_CASE("kernels near the limits of whole numbers and dates give what the generic evaluator gives",
          "[fastpass][limits]") {
  Diagnostics d;
  RuleSet rules = load_rules_from_text(
      {{"t.ereje",
        "table bodies \"the bodies\"\n"
        "  lists bodies by code\n"
        "  column code text \"the code\"\n"
        "end\n"
        "table items \"the items\"\n"
        "  per body by body\n"
        "  key item\n"
        "  column body text \"the body\"\n"
        "  column item text \"the item\"\n"
        "  column x whole \"a large number\"\n"
        "  column shift whole \"days\"\n"
        "  column on date \"a date\"\n"
        "end\n"
        "act \"L\" \"limits\" in_force 2024-01-01\n"
        "clause 1 \"Limits\"\n"
        "  title kk \"a\"\n"
        "  title ru \"b\"\n"
        "  evidence text reconstructed, variables reconstructed, formula reconstructed\n"
        "  let cube = sum items of x * x * x \"past 2^64\"\n"
        "  let square = sum items of x * x \"below 2^64 per row, past it summed\"\n"
        "  let later = count items where on + days(shift) > 2024-01-01 \"moved dates\"\n"
        "  let far = count items where missing(on + days(shift)) \"dates moved past 9999\"\n"
        "  let back = count items where on - days(shift) < 1900-01-01 \"moved back\"\n"
        "  result C = cube range 0..10000000000000000000000000000000 round 0 \"c\"\n"
        "  result S = square range 0..1000000000000000000000000 round 0 \"s\"\n"
        "  result L = later range 0..10 round 0 \"l\"\n"
        "  result F = far range 0..1000 round 0 \"f\"\n"
        "  result B = back range 0..10 round 0 \"b\"\n"
        "end\n"}},
      d);
  Checked checked = check(rules, d);
  INFO(render(d));
  REQUIRE_FALSE(d.has_errors());
  auto contract = std::make_shared<const input::Contract>(rules.contract->at(*parse_date("2024-06-01")));
  std::map<std::string, input::TextTable> t;
  t["bodies"] = input::parse_csv("code\nA\nB\n", "bodies.csv");
  std::string items = "body,item,x,shift,on\n";
  for (int i = 0; i < 300; ++i)
    items += (i % 2 ? "A," : "B,") + std::to_string(i) + "," + std::to_string(2147483000 - i * 7919) + "," +
             std::to_string(i % 3 ? 1000 + i : 3000000 + i) + "," + (i % 5 ? "2023-05-01" : "9999-12-01") + "\n";
  t["items"] = input::parse_csv(items, "items.csv");
  input::DataSet data = input::build_dataset("limits", contract, std::move(t), {"items"});
  const Date as_of = *parse_date("2024-06-01");
  auto versions = rules.all_in_force(as_of);
  auto generic = test::evaluation_lines(evaluate(rules, checked, data, as_of, versions, {false, 1}));
  std::string all;
  for (const auto& row : generic) all += row + "\n";
  INFO(all);
  CHECK(test::evaluation_lines(evaluate(rules, checked, data, as_of, versions, {true, 1})) == generic);
  CHECK(test::evaluation_lines(evaluate(rules, checked, data, as_of, versions, {true, 2})) == generic);
  // By hand (Python's integers): the sums of cubes of A's (odd) and B's (even) items.
  CHECK(std::count(generic.begin(), generic.end(), "0 1 C 1483063425326409738002800627500 ok") == 1);
  CHECK(std::count(generic.begin(), generic.end(), "1 1 C 1483079841177043341350927745000 ok") == 1);
  // Every fifth item is on 9999-12-01 and every third moves by 3,000,000 days: 70 items per body
  // land past 9999, n/a in `on + days(shift)`, never wrapped around into a date before 2024.
  CHECK(std::count(generic.begin(), generic.end(), "0 1 F 70 ok") == 1);
  CHECK(std::count(generic.begin(), generic.end(), "1 1 F 70 ok") == 1);
}

// Enum and boolean columns keep a byte a row (input/ColumnValues.hpp), an enum of more than 127
// values four bytes: counts over either width, by the class pass and by the generic evaluator,
// equal counts made here from the records themselves, with bodies' rows in no order, the last
// byte code (126) and the missing value among them, at one thread and at two.
TEST_CASE("enum and boolean columns of one byte and of four give the same counts", "[fastpass][width]") {
  std::string big_values, small_values;
  for (int i = 0; i < 130; ++i) big_values += (i ? ", v" : "v") + std::to_string(i);
  for (int i = 0; i < 127; ++i) small_values += (i ? ", w" : "w") + std::to_string(i);
  Diagnostics diags;
  RuleSet rules = load_rules_from_text(
      {{"t.ereje",
        "table bodies \"the bodies\"\n"
        "  lists bodies by agency_id\n"
        "  key agency_id\n"
        "  column agency_id text \"the code\"\n"
        "end\n"
        "table items \"the items\"\n"
        "  per body by agency_id\n"
        "  column agency_id text \"the body\"\n"
        "  column big enum [" + big_values + "] optional \"130 values\"\n"
        "  column small enum [" + small_values + "] optional \"127 values\"\n"
        "  column flag bool optional \"a flag\"\n"
        "  derived no_flag = missing(flag) \"no flag given\"\n"
        "end\n"
        "act \"1\" \"Test act\" in_force 2023-01-01\n\n"
        "clause 1 \"widths\"\n"
        "  evidence text reconstructed, variables reconstructed, formula reconstructed\n"
        "  let a = count items where big = v129\n"
        "  let b = count items where big in [v0, v127] and small = w126\n"
        "  let c = count items where small = w126 and not missing(flag) and flag\n"
        "  let d = count items where no_flag and small != w0\n"
        "  let e = count items where big != v128\n"
        "  result ra = a range 0..100000 round 0\n"
        "  result rb = b range 0..100000 round 0\n"
        "  result rc = c range 0..100000 round 0\n"
        "  result rd = d range 0..100000 round 0\n"
        "  result re = e range 0..100000 round 0\n"
        "end\n"}},
      diags);
  Checked checked = check(rules, diags);
  INFO(render(diags));
  REQUIRE_FALSE(diags.has_errors());

  std::mt19937 rng(5);
  std::map<std::string, input::TextTable> t;
  auto& bt = t["bodies"];
  bt.header = {"agency_id"};
  auto& it = t["items"];
  it.header = {"agency_id", "big", "small", "flag"};
  const std::size_t bodies = 60;
  for (std::size_t b = 0; b < bodies; ++b) bt.records.push_back({"B" + std::to_string(b)});
  // Expected counts per body, made from the records. A condition on an empty value is n/a unless
  // the rest of the row decides it (false and n/a is false), and one n/a row makes the body's
  // count n/a: `na` marks those.
  struct Want {
    long n[5] = {};
    bool na[5] = {};
  };
  std::vector<Want> want(bodies);
  for (std::size_t r = 0; r < 40000; ++r) {
    const std::size_t b = rng() % bodies;
    // Mostly the values at the ends of each list; a few empty `big` values in bodies 0 and 1 only.
    const int bi = static_cast<int>(rng() % 4 == 0 ? 126 + rng() % 4 : rng() % 130);
    const int si = static_cast<int>(rng() % 3 == 0 ? 126 : rng() % 127);
    const int fl = static_cast<int>(rng() % 3);  // 0 false, 1 true, 2 empty
    const bool empty_big = b < 2 && rng() % 50 == 0;
    it.records.push_back({"B" + std::to_string(b), empty_big ? "" : "v" + std::to_string(bi), "w" + std::to_string(si),
                          fl == 2 ? "" : fl ? "true" : "false"});
    Want& w = want[b];
    auto add = [&](int k, int truth) {  // 1 true, 0 false, 2 n/a
      if (truth == 2) w.na[k] = true;
      else w.n[k] += truth;
    };
    add(0, empty_big ? 2 : bi == 129);
    add(1, si != 126 ? 0 : empty_big ? 2 : (bi == 0 || bi == 127));
    add(2, si == 126 && fl == 1);
    add(3, fl == 2 && si != 0);
    add(4, empty_big ? 2 : bi != 128);
  }
  for (auto* tt : {&bt, &it})
    for (std::size_t i = 0; i < tt->records.size(); ++i) tt->lines.push_back(static_cast<std::uint32_t>(i + 2));
  const Date as_of = *parse_date("2024-01-01");
  auto contract = std::make_shared<const input::Contract>(rules.contract->at(as_of));
  input::DataSet data = input::build_dataset("<random>", contract, std::move(t), {"bodies", "items"});
  prepare_data(rules, checked, data, as_of, {}, true);
  const input::Table& items = data.table("items");
  CHECK_FALSE(items.column("big").values.narrow());
  CHECK(items.column("small").values.narrow());
  CHECK(items.column("flag").values.narrow());
  CHECK(items.column("no_flag").values.narrow());

  auto versions = rules.all_in_force(as_of);
  const auto generic = evaluate(rules, checked, data, as_of, versions, {false, 1});
  // The generic evaluator against the counts made here.
  std::size_t checked_values = 0, na = 0;
  for (const auto& row : generic.rows) {
    const std::size_t b = static_cast<std::size_t>(std::stoi(data.bodies[row.body].code.substr(1)));
    const auto k = static_cast<std::size_t>(row.result[1] - 'a');
    REQUIRE(k < 5);
    INFO(row.result << " of body " << b);
    if (want[b].na[k]) {
      CHECK(row.value.is_missing());
      ++na;
    } else {
      REQUIRE_FALSE(row.value.is_missing());
      CHECK(row.value.num == Rational(want[b].n[k]));
      ++checked_values;
    }
  }
  CHECK(na >= 2);
  CHECK(checked_values > 3 * bodies);
  const auto lines = test::evaluation_lines(generic);
  for (unsigned threads : {1u, 2u}) CHECK(test::evaluation_lines(evaluate(rules, checked, data, as_of, versions, {true, threads})) == lines);
}
