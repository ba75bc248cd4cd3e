// Clauses that build on clauses: totals, ranks and grades computed alike on every evaluation path,
// totals exact from exact parts, and diff's attribution of a total's move across the clauses it reads.
#include <catch2/catch.hpp>

#include "Support.hpp"
#include "interpreter/Diff.hpp"
#include "interpreter/Evaluator.hpp"
#include "interpreter/RuleSet.hpp"

using namespace ereje;
using namespace ereje::interp;

namespace {


struct Loaded {
  RuleSet rules;
  Checked checked;
};

Loaded load(const std::vector<std::string>& paths) {
  Loaded l;
  Diagnostics diags;
  l.rules = load_rules(paths, diags);
  l.checked = check(l.rules, diags);
  INFO(render(diags));
  REQUIRE_FALSE(diags.has_errors());
  return l;
}

}  // namespace

TEST_CASE("composition: the generic path and the kernels give every value, status and warning alike, at 1, 2 and 3 threads",
          "[compose][fastpass]") {
  const std::string root = EREJE_SOURCE_DIR;
  Loaded l = load({root + "/rules", root + "/examples/block-total/rules"});
  input::DataSet example =
      test::load_data_folder(root + "/examples/assessment-2023", {"agencies", "services", "objections", "schedule"});
  input::DataSet big = test::synthetic_data(3000, 40, 7);  // about 120,000 services: split across threads
  const Date as_of = *parse_date("2024-01-01");
  const auto versions = l.rules.all_in_force(as_of);
  for (const input::DataSet* data : {&example, &big}) {
    const Evaluation reference = evaluate(l.rules, l.checked, *data, as_of, versions, {false, 1});
    const auto generic = test::evaluation_lines(reference, true);
    // The totals, ranks and grades are there (not an empty comparison).
    std::size_t ranks = 0, grades = 0;
    for (const auto& r : reference.rows) {
      ranks += r.kind == OutputKind::Rank;
      grades += r.kind == OutputKind::Grade;
    }
    CHECK(ranks == 2 * data->bodies.size());
    CHECK(grades == data->bodies.size());
    for (unsigned threads : {1u, 2u, 3u}) {
      INFO("threads " << threads);
      CHECK(test::evaluation_lines(evaluate(l.rules, l.checked, *data, as_of, versions, {true, threads}), true) == generic);
      CHECK(test::evaluation_lines(evaluate(l.rules, l.checked, *data, as_of, versions, {false, threads}), true) == generic);
    }
  }
}

TEST_CASE("composition: a clause evaluated alone computes the clauses it reads, and reports only itself", "[compose]") {
  const std::string root = EREJE_SOURCE_DIR;
  Loaded l = load({root + "/rules", root + "/examples/block-total/rules"});
  input::DataSet data =
      test::load_data_folder(root + "/examples/assessment-2023", {"agencies", "services", "objections", "schedule"});
  const Date as_of = *parse_date("2024-01-01");
  const ClauseVersion* block = l.rules.in_force("900", as_of);
  REQUIRE(block);
  Evaluation alone = evaluate(l.rules, l.checked, data, as_of, {block});
  Evaluation all = evaluate(l.rules, l.checked, data, as_of, l.rules.all_in_force(as_of));
  std::vector<std::string> from_all;
  for (const auto& r : all.rows)
    if (r.version == block) from_all.push_back(r.result + " " + r.value.show() + " " + status_name(r.status));
  std::vector<std::string> from_alone;
  for (const auto& r : alone.rows) {
    CHECK(r.version == block);
    from_alone.push_back(r.result + " " + r.value.show() + " " + status_name(r.status));
  }
  CHECK(from_alone == from_all);
  CHECK(from_alone.size() == 4 * data.bodies.size());
}

TEST_CASE("composition: a total is computed from exact parts, not from their printed values", "[compose]") {
  Diagnostics diags;
  RuleSet rules = load_rules_from_text(
      test::with_contract({{"t.ereje",
                            "act \"1\" \"Test act\" in_force 2023-01-01\n"
                            "clause 1 \"a\"\n  result A = 1.005 range 0..10 round 2\nend\n"
                            "clause 2 \"b\"\n  result B = 2.005 range 0..10 round 2\nend\n"
                            "clause 3 \"total\"\n"
                            "  result S = total of A of clause 1, B of clause 2 when n/a total n/a range 0..20 round 2\n"
                            "end\n"}}),
      diags);
  Checked checked = check(rules, diags);
  REQUIRE_FALSE(diags.has_errors());
  std::map<std::string, input::TextTable> t;
  t["agencies"].header = {"agency_id"};
  t["agencies"].records = {{"X"}};
  t["agencies"].lines = {2};
  t["agencies"].cols = {{1}};
  input::DataSet data = test::build_data("<one body>", std::move(t), {"agencies"});
  const Date day = *parse_date("2024-01-01");
  Evaluation ev = evaluate(rules, checked, data, day, rules.all_in_force(day));
  std::map<std::string, const ResultRow*> by;
  for (const auto& r : ev.rows) by[r.version->number] = &r;
  REQUIRE(by.size() == 3);
  // 1.005 and 2.005 print as 1.01 and 2.01 (half up): their printed sum is 3.02. The total is
  // 3.010 exactly, and prints 3.01.
  CHECK(by["1"]->text() == "1.01");
  CHECK(by["2"]->text() == "2.01");
  CHECK(by["3"]->value.num == *Rational::parse_decimal("3.01"));
  CHECK(by["3"]->text() == "3.01");
}

TEST_CASE("composition: diff splits a total's move across the changes of every clause it reads, exactly", "[compose][diff]") {
  const std::string root = EREJE_SOURCE_DIR;
  Loaded old_rules = load({root + "/rules", root + "/examples/block-total/rules"});
  Loaded new_rules = load({root + "/rules", root + "/examples/block-total/weights-2"});
  input::DataSet data =
      test::load_data_folder(root + "/examples/assessment-2023", {"agencies", "services", "objections", "schedule"});
  const Date day = *parse_date("2024-01-01");
  RuleDiff d = diff_rules({&old_rules.rules, &old_rules.checked, day}, {&new_rules.rules, &new_rules.checked, day}, &data);
  std::size_t totals = 0;
  for (const auto& im : d.impacts) {
    if (!im.delta) continue;
    Rational sum;
    for (const auto& [label, part] : im.parts) sum = sum + part;
    INFO(im.clause << " " << im.result << " body " << im.body);
    CHECK(!im.parts.empty());
    CHECK(sum == *im.delta);
    if (im.clause == "900" && im.result == "S") ++totals;
  }
  CHECK(totals > 5);
}
