// `explain` is computed by the same engine as `run`: its value must match for every body, clause
// and date, and its steps must end in the result.
#include <catch2/catch.hpp>

#include <functional>
#include <map>

#include "Support.hpp"

#include "input/DataSet.hpp"
#include "interpreter/Explainer.hpp"

using namespace ereje;
using namespace ereje::interp;

TEST_CASE("explain matches run for every body, clause and version of the example", "[explain]") {
  const std::string root = EREJE_SOURCE_DIR;
  const RuleSet& rules = test::methodology().rules;
  const Checked& checked = test::methodology().checked;
  input::DataSet data = test::load_data_folder(root + "/examples/assessment-2023", {"services", "objections", "schedule"});
  std::size_t compared = 0;
  for (const char* day : {"2023-01-01", "2024-01-01"}) {
    Date as_of = *parse_date(day);
    auto versions = rules.all_in_force(as_of);
    Evaluation run = evaluate(rules, checked, data, as_of, versions);
    for (const auto* v : versions)
      for (std::size_t b = 0; b < data.bodies.size(); ++b) {
        Explanation x = explain(rules, checked, data, as_of, *v, b, false);
        for (const auto& r : x.results) {
          const ResultRow* row = nullptr;
          for (const auto& rr : run.rows)
            if (rr.body == b && rr.version == v && rr.result == r.name) row = &rr;
          REQUIRE(row != nullptr);
          CHECK(r.text == row->text());
          CHECK(r.status == row->status);
          // The last step of a formula is the result itself, exactly.
          if (!r.steps.empty() && !r.value.is_missing()) CHECK(r.steps.back().value.num == r.value.num);
          ++compared;
        }
      }
  }
  CHECK(compared == 20 * 2 + 20 * 3);
}

TEST_CASE("explain lists the matching rows with file and line", "[explain]") {
  const std::string root = EREJE_SOURCE_DIR;
  const RuleSet& rules = test::methodology().rules;
  const Checked& checked = test::methodology().checked;
  input::DataSet data = test::load_data_folder(root + "/examples/assessment-2023", {"services", "objections", "schedule"});
  Date as_of = *parse_date("2024-01-01");
  const ClauseVersion* v114 = rules.in_force("114", as_of);
  REQUIRE(v114 != nullptr);
  Explanation x = explain(rules, checked, data, as_of, *v114, static_cast<std::size_t>(data.body_index("MJ")), true);
  REQUIRE(x.results.size() == 1);
  REQUIRE(x.results[0].breach.size() == 1);
  const auto& rows = x.results[0].breach[0].matched_rows;
  REQUIRE(rows.size() == 2);  // MJ: one objection reviewed late, one never reviewed
  for (const auto& r : rows) {
    CHECK(r.file.find("objections.csv") != std::string::npos);
    CHECK(r.line > 1);
    CHECK(r.key.rfind("objection_id=", 0) == 0);
  }
  // The deadline the obligation uses is explained too.
  bool deadline = false;
  for (const auto& n : x.names) deadline |= n.name == "deadline" && n.value.show() == "2023-10-15";
  CHECK(deadline);
}

// A report explains hundreds of bodies from one evaluation (explain_bodies): each explanation is
// the one `explain` gives for that body alone, to the rows it names, in any order of the bodies.
TEST_CASE("explain_bodies gives each body what explain gives it alone", "[explain]") {
  const std::string root = EREJE_SOURCE_DIR;
  const RuleSet& rules = test::methodology().rules;
  const Checked& checked = test::methodology().checked;
  input::DataSet data = test::load_data_folder(root + "/examples/assessment-2023", {"services", "objections", "schedule"});
  auto aggregates = [](const std::vector<ExplainedAggregate>& as) {
    std::string s;
    for (const auto& a : as) {
      s += a.text + "|" + a.table + "|" + std::to_string(a.rows) + "|" + std::to_string(a.matched) + "|" + a.value.show();
      for (const auto& r : a.matched_rows) s += "|" + r.file + ":" + std::to_string(r.line) + " " + r.key;
      s += "\n";
    }
    return s;
  };
  std::function<std::string(const Explanation&)> flat = [&](const Explanation& x) {
    std::string s = x.version->number + " body " + std::to_string(x.body) + "\n";
    for (const auto& n : x.names) s += n.name + "=" + n.value.show() + " " + n.expr + "\n" + aggregates(n.aggregates);
    for (const auto& r : x.results) {
      s += r.name + "=" + r.text + " " + std::string(status_name(r.status)) + " " + r.expr + " " + r.range + "\n";
      for (const auto& st : r.steps) s += "  " + st.substituted + " = " + st.value.show() + "\n";
      s += aggregates(r.aggregates) + aggregates(r.breach);
    }
    for (const auto& p : x.parts) s += "part " + flat(p);
    return s;
  };
  std::size_t compared = 0;
  for (const char* day : {"2023-01-01", "2024-01-01"}) {
    const Date as_of = *parse_date(day);
    for (const auto* v : rules.all_in_force(as_of)) {
      std::vector<std::size_t> bodies;
      for (std::size_t b = data.bodies.size(); b-- > 0;) bodies.push_back(b);  // backwards, on purpose
      bodies.push_back(3);                                                   // and one twice
      {  // all versions from one evaluation (the report's way): the same, without parts
        std::map<const ClauseVersion*, std::vector<std::size_t>> wanted;
        for (const auto* w : rules.all_in_force(as_of)) wanted[w] = bodies;
        const auto all = explain_versions(rules, checked, data, as_of, wanted);
        const auto& xs = all.at(v);
        REQUIRE(xs.size() == bodies.size());
        for (std::size_t k = 0; k < bodies.size(); ++k)
          CHECK(flat(xs[k]) == flat(explain(rules, checked, data, as_of, *v, bodies[k], false, false)));
      }
      for (bool rows : {false, true}) {
        const auto xs = explain_bodies(rules, checked, data, as_of, *v, bodies, rows);
        REQUIRE(xs.size() == bodies.size());
        for (std::size_t k = 0; k < bodies.size(); ++k) {
          CHECK(xs[k].body == bodies[k]);
          CHECK(flat(xs[k]) == flat(explain(rules, checked, data, as_of, *v, bodies[k], rows)));
          ++compared;
        }
      }
    }
  }
  CHECK(compared == 2 * 21 * (rules.all_in_force(*parse_date("2023-01-01")).size() + rules.all_in_force(*parse_date("2024-01-01")).size()));
  CHECK(compared > 2 * 21 * 4);
}

// Without rows, a count's matched rows are its value and its rows the body's (no second visit of
// the rows); with rows, every row is visited and listed: both must say the same numbers.
TEST_CASE("explain: a count's rows and matched rows are the same with and without listing them", "[explain]") {
  const std::string root = EREJE_SOURCE_DIR;
  const RuleSet& rules = test::methodology().rules;
  const Checked& checked = test::methodology().checked;
  input::DataSet data = test::load_data_folder(root + "/examples/assessment-2023", {"services", "objections", "schedule"});
  std::size_t aggregates = 0;
  for (const char* day : {"2023-01-01", "2024-01-01"}) {
    const Date as_of = *parse_date(day);
    for (const auto* v : rules.all_in_force(as_of)) {
      std::vector<std::size_t> bodies;
      for (std::size_t b = 0; b < data.bodies.size(); ++b) bodies.push_back(b);
      const auto counted = explain_bodies(rules, checked, data, as_of, *v, bodies, false);
      const auto listed = explain_bodies(rules, checked, data, as_of, *v, bodies, true);
      for (std::size_t k = 0; k < bodies.size(); ++k) {
        std::vector<const ExplainedAggregate*> a, b;
        for (const auto& n : counted[k].names) for (const auto& g : n.aggregates) a.push_back(&g);
        for (const auto& r : counted[k].results) for (const auto* gs : {&r.aggregates, &r.breach}) for (const auto& g : *gs) a.push_back(&g);
        for (const auto& n : listed[k].names) for (const auto& g : n.aggregates) b.push_back(&g);
        for (const auto& r : listed[k].results) for (const auto* gs : {&r.aggregates, &r.breach}) for (const auto& g : *gs) b.push_back(&g);
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
          INFO(v->number << " body " << data.bodies[bodies[k]].code << " " << a[i]->text);
          CHECK(a[i]->rows == b[i]->rows);
          CHECK(a[i]->matched == b[i]->matched);
          CHECK(b[i]->matched == b[i]->matched_rows.size());
          CHECK(a[i]->matched_rows.empty());
          ++aggregates;
        }
      }
    }
  }
  CHECK(aggregates > 20 * 8);
}
