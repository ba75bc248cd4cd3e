// The fold of the aggregates (interpreter/Fold.hpp) on every path that computes one: the generic
// row loop (kernels off), the kernels at one, two and three threads, and a table of no body read
// with a per-body definition (every body's rows folded one body at a time). Every kind over no
// rows, one row, two rows and an undecided row, of a number column, of a day count and of a date:
// the same value, kind and status everywhere, and the values docs/language.md gives.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "input/CsvReader.hpp"
#include "input/DataSet.hpp"
#include "interpreter/Engine.hpp"
#include "interpreter/Evaluator.hpp"
#include "interpreter/Explainer.hpp"
#include "interpreter/Fold.hpp"
#include "interpreter/RuleSet.hpp"

using namespace ereje;
using namespace ereje::interp;

namespace {

// Two tables with the same rows: `items` belongs to the bodies; `shared` to none, its rows tied to
// a body by the body's `slot`, which a per-body definition reads, so that its aggregates are folded
// once for every body.
const char* const kRules =
    "table bodies \"the bodies\"\n"
    "  lists bodies by code\n"
    "  column code text \"the code\"\n"
    "  column slot whole \"the number that marks the body's rows of shared\"\n"
    "end\n"
    "table items \"rows of a body\"\n"
    "  per body by body\n"
    "  key body, item\n"
    "  column body text \"the body\"\n"
    "  column item text \"the item\"\n"
    "  column kept bool or empty \"passes the filter\"\n"
    "  column x whole or empty \"a number\"\n"
    "  column opened_on date or empty \"opened\"\n"
    "  column closed_on date or empty \"closed\"\n"
    "end\n"
    "table shared \"rows of no body\"\n"
    "  key item\n"
    "  column item text \"the item\"\n"
    "  column owner whole \"the slot of the body the row is for\"\n"
    "  column kept bool or empty \"passes the filter\"\n"
    "  column x whole or empty \"a number\"\n"
    "  column opened_on date or empty \"opened\"\n"
    "  column closed_on date or empty \"closed\"\n"
    "end\n"
    "act \"F\" \"folds\" in_force 2024-01-01\n";

// The aggregates: name -> (what is folded, the result that reads it). `T` is the table, `C` the
// filter; day counts and dates are turned into numbers for the results.
struct Aggregate {
  std::string name, expr, result;
};
const std::vector<Aggregate> kAggregates{
    {"count", "count T where C", "count"},
    {"sum_x", "sum T of x where C", "sum_x"},
    {"avg_x", "avg T of x where C", "avg_x"},
    {"min_x", "min T of x where C", "min_x"},
    {"max_x", "max T of x where C", "max_x"},
    {"single_x", "single T of x where C", "single_x"},
    {"sum_d", "sum T of closed_on - opened_on where C", "sum_d / days(1)"},
    {"avg_d", "avg T of closed_on - opened_on where C", "avg_d / days(1)"},
    {"min_d", "min T of closed_on - opened_on where C", "min_d / days(1)"},
    {"max_d", "max T of closed_on - opened_on where C", "max_d / days(1)"},
    {"single_d", "single T of closed_on - opened_on where C", "single_d / days(1)"},
    {"min_on", "min T of closed_on where C", "(min_on - 2024-01-01) / days(1)"},
    {"max_on", "max T of closed_on where C", "(max_on - 2024-01-01) / days(1)"},
    {"single_on", "single T of closed_on where C", "(single_on - 2024-01-01) / days(1)"},
};

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// One clause with every aggregate over `items` (prefix i_) and over `shared` (prefix s_).
std::string clause() {
  std::string c =
      "clause 1 \"Folds\"\n"
      "  title kk \"a\"\n"
      "  title ru \"b\"\n"
      "  evidence text reconstructed, variables reconstructed, formula reconstructed\n"
      "  let slot_ = single bodies of slot\n";
  std::string results;
  for (const auto& [prefix, table, filter] :
       {std::tuple{"i_", "items", "kept"}, std::tuple{"s_", "shared", "owner = slot_ and kept"}}) {
    for (const auto& a : kAggregates) {
      std::string e = replaced(replaced(a.expr, "T ", std::string(table) + " "), " C", std::string(" ") + filter);
      c += "  let " + std::string(prefix) + a.name + " = " + e + "\n";
      results += "  result r_" + std::string(prefix) + a.name + " = " +
                 replaced(a.result, a.name, std::string(prefix) + a.name) + " range 0..1000000 round 2\n";
    }
  }
  return c + results + "end\n";
}

// The rows of one body, as CSV fields after the body's column: kept, x, opened_on, closed_on.
//   N: none passes the filter (its values are empty: never read);
//   O: one row of its two (5; 3 days, to 2024-01-04);
//   T: two rows, one first in the table and one last, so that threads split them
//      (8; 8 days, to 2024-02-09, then 5; 3 days, to 2024-01-04);
//   U: an empty value early, then a row with one: the value is undecided;
//   F: a row with a value early, then an empty filter: the filter is undecided;
//   P: nothing in `shared`; in `items` enough rows that pass no filter for the kernels to split
//      the table between threads.
struct Row {
  std::string body, fields;
};
std::vector<Row> rows_in_order(std::size_t padding) {
  std::vector<Row> out{{"T", "true,8,2024-02-01,2024-02-09"}, {"U", "true,,,"}, {"F", "true,2,2024-03-01,2024-03-03"},
                       {"N", "false,,,"}};
  for (std::size_t i = 0; i < padding / 2; ++i) out.push_back({"P", "false,1,2024-01-01,2024-01-02"});
  out.push_back({"O", "true,5,2024-01-01,2024-01-04"});
  out.push_back({"O", "false,7,2024-01-01,2024-01-09"});
  for (std::size_t i = padding / 2; i < padding; ++i) out.push_back({"P", "false,1,2024-01-01,2024-01-02"});
  out.push_back({"U", "true,2,2024-03-01,2024-03-03"});
  out.push_back({"F", ",2,2024-03-01,2024-03-03"});
  out.push_back({"T", "true,5,2024-01-01,2024-01-04"});
  return out;
}

const std::vector<std::string> kBodies{"N", "O", "T", "U", "F", "P"};

struct Fixture {
  Diagnostics diags;
  RuleSet rules;
  Checked checked;
  input::DataSet data;
  Date as_of = *parse_date("2024-06-01");

  explicit Fixture(std::size_t padding) {
    rules = load_rules_from_text({{"t.ereje", std::string(kRules) + clause()}}, diags);
    checked = check(rules, diags);
    if (diags.has_errors()) return;
    auto contract = std::make_shared<const input::Contract>(rules.contract->at(as_of));
    std::map<std::string, input::TextTable> t;
    std::string bodies = "code,slot\n", items = "body,item,kept,x,opened_on,closed_on\n",
                shared = "item,owner,kept,x,opened_on,closed_on\n";
    for (std::size_t b = 0; b < kBodies.size(); ++b) bodies += kBodies[b] + "," + std::to_string(b + 1) + "\n";
    std::size_t n = 0;
    for (const Row& r : rows_in_order(padding)) {
      const std::string item = "I" + std::to_string(++n);
      items += r.body + "," + item + "," + r.fields + "\n";
      if (r.body == "P") continue;
      const auto slot = std::find(kBodies.begin(), kBodies.end(), r.body) - kBodies.begin() + 1;
      shared += item + "," + std::to_string(slot) + "," + r.fields + "\n";
    }
    t["bodies"] = input::parse_csv(bodies, "bodies.csv");
    t["items"] = input::parse_csv(items, "items.csv");
    t["shared"] = input::parse_csv(shared, "shared.csv");
    data = input::build_dataset("folds", contract, std::move(t), {"items", "shared"});
  }
};

std::string described(const Value& v) { return v.is_missing() ? "n/a" : v.show() + " (" + kind_name(v.kind) + ")"; }

// The result rows ("T r_i_sum_x 13.00 ok"), then the warnings, in order.
std::vector<std::string> rows_of(const Evaluation& ev, const input::DataSet& data) {
  std::vector<std::string> out;
  for (const auto& r : ev.rows)
    out.push_back(data.bodies[r.body].code + " " + r.result + " " + r.text() + " " + status_name(r.status));
  for (const auto& w : ev.warnings.list()) out.push_back(w.code + " " + w.message + " line " + std::to_string(w.line));
  return out;
}

// One evaluation: every definition's value for every body ("i_sum_d N" -> "0 days (days)"), then the
// results' rows and the warnings, in order.
struct Outcome {
  std::map<std::string, std::string> values;
  std::vector<std::string> rows;
};

Outcome evaluated(const Fixture& f, bool kernels, unsigned threads) {
  Outcome o;
  Evaluation ev;
  engine::Engine e(f.rules, f.checked, f.data, f.as_of, ev);
  e.use_fast = kernels;
  e.threads = threads;
  e.evaluate(f.rules.all_in_force(f.as_of));
  engine::ClauseEval& ce = *e.clause_evals.front();
  for (std::size_t i = 0; i < ce.clause.lets.size(); ++i) {
    e.ensure_let(ce, i);
    for (std::size_t b = 0; b < f.data.bodies.size(); ++b)
      o.values[ce.clause.lets[i].name + " " + f.data.bodies[b].code] = described(ce.lets[i][b]);
  }
  o.rows = rows_of(ev, f.data);
  return o;
}

// What docs/language.md gives for every aggregate and body, the same over both tables.
std::map<std::string, std::string> expected_values() {
  const std::string na = "n/a";
  std::map<std::string, std::map<std::string, std::string>> by_aggregate{
      {"count", {{"N", "0 (number)"}, {"O", "1 (number)"}, {"T", "2 (number)"}, {"U", "2 (number)"}, {"F", na}, {"P", "0 (number)"}}},
      {"sum_x", {{"N", "0 (number)"}, {"O", "5 (number)"}, {"T", "13 (number)"}, {"U", na}, {"F", na}, {"P", "0 (number)"}}},
      {"avg_x", {{"N", na}, {"O", "5 (number)"}, {"T", "6.5 (number)"}, {"U", na}, {"F", na}, {"P", na}}},
      {"min_x", {{"N", na}, {"O", "5 (number)"}, {"T", "5 (number)"}, {"U", na}, {"F", na}, {"P", na}}},
      {"max_x", {{"N", na}, {"O", "5 (number)"}, {"T", "8 (number)"}, {"U", na}, {"F", na}, {"P", na}}},
      {"single_x", {{"N", na}, {"O", "5 (number)"}, {"T", na}, {"U", na}, {"F", na}, {"P", na}}},
      {"sum_d", {{"N", "0 days (days)"}, {"O", "3 days (days)"}, {"T", "11 days (days)"}, {"U", na}, {"F", na}, {"P", "0 days (days)"}}},
      {"avg_d", {{"N", na}, {"O", "3 days (days)"}, {"T", "5.5 days (days)"}, {"U", na}, {"F", na}, {"P", na}}},
      {"min_d", {{"N", na}, {"O", "3 days (days)"}, {"T", "3 days (days)"}, {"U", na}, {"F", na}, {"P", na}}},
      {"max_d", {{"N", na}, {"O", "3 days (days)"}, {"T", "8 days (days)"}, {"U", na}, {"F", na}, {"P", na}}},
      {"single_d", {{"N", na}, {"O", "3 days (days)"}, {"T", na}, {"U", na}, {"F", na}, {"P", na}}},
      {"min_on", {{"N", na}, {"O", "2024-01-04 (date)"}, {"T", "2024-01-04 (date)"}, {"U", na}, {"F", na}, {"P", na}}},
      {"max_on", {{"N", na}, {"O", "2024-01-04 (date)"}, {"T", "2024-02-09 (date)"}, {"U", na}, {"F", na}, {"P", na}}},
      {"single_on", {{"N", na}, {"O", "2024-01-04 (date)"}, {"T", na}, {"U", na}, {"F", na}, {"P", na}}},
  };
  std::map<std::string, std::string> out;
  for (const auto& [aggregate, bodies] : by_aggregate)
    for (const auto& [body, value] : bodies)
      for (const char* prefix : {"i_", "s_"}) out[prefix + aggregate + " " + body] = value;
  for (std::size_t b = 0; b < kBodies.size(); ++b) out["slot_ " + kBodies[b]] = std::to_string(b + 1) + " (number)";
  return out;
}

// The entries where two maps differ, for the failure message.
std::string differences(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b) {
  std::string out;
  for (const auto& [k, v] : a) {
    auto it = b.find(k);
    if (it == b.end() || it->second != v) out += "\n  " + k + ": " + v + " | " + (it == b.end() ? "(none)" : it->second);
  }
  for (const auto& [k, v] : b)
    if (!a.count(k)) out += "\n  " + k + ": (none) | " + v;
  return out;
}

}  // namespace

TEST_CASE("fold: partial folds merged in row order give the fold of all rows, at every split", "[fold]") {
  using ast::AggregateKind;
  // Values with ties and an undecided row (kMiss here) at several places.
  const std::vector<std::vector<std::int64_t>> sequences{
      {}, {7}, {7, 3}, {3, 7, 3, 9, 9, -2}, {5, fast::kMiss, 4}, {fast::kMiss}, {1, 2, fast::kMiss}};
  for (AggregateKind kind : {AggregateKind::Count, AggregateKind::Sum, AggregateKind::Avg, AggregateKind::Min,
                             AggregateKind::Max, AggregateKind::Single}) {
    for (Kind unit : {Kind::Number, Kind::Days, Kind::Date}) {
      for (const auto& seq : sequences) {
        auto fold_of = [&](std::size_t begin, std::size_t end) {
          fold::IntFold f;
          for (std::size_t i = begin; i < end && !f.undecided(); ++i) {
            if (seq[i] == fast::kMiss) f.undecide(i);
            else if (kind == AggregateKind::Count) f.count();
            else f.add(kind, seq[i]);
          }
          return f;
        };
        const Value whole = fold_of(0, seq.size()).finish(kind, unit);
        for (std::size_t i = 0; i <= seq.size(); ++i)
          for (std::size_t j = i; j <= seq.size(); ++j) {
            fold::IntFold merged;
            merged.merge(kind, fold_of(0, i));
            merged.merge(kind, fold_of(i, j));
            merged.merge(kind, fold_of(j, seq.size()));
            INFO("kind " << ast::to_string(kind) << ", split at " << i << " and " << j << " of " << seq.size());
            CHECK(described(merged.finish(kind, unit)) == described(whole));
            CHECK(merged.undecided_at == fold_of(0, seq.size()).undecided_at);
          }
      }
    }
  }
  // The rules themselves, on integers.
  CHECK(described(fold::IntFold{}.finish(AggregateKind::Sum, Kind::Days)) == "0 days (days)");
  CHECK(described(fold::IntFold{}.finish(AggregateKind::Sum, Kind::Number)) == "0 (number)");
  CHECK(described(fold::IntFold{}.finish(AggregateKind::Count, Kind::Number)) == "0 (number)");
  for (AggregateKind kind : {AggregateKind::Avg, AggregateKind::Min, AggregateKind::Max, AggregateKind::Single})
    CHECK(fold::IntFold{}.finish(kind, Kind::Days).is_missing());
  fold::IntFold two;
  two.add(AggregateKind::Single, 4);
  CHECK(described(two.finish(AggregateKind::Single, Kind::Date)) == "1970-01-05 (date)");
  two.add(AggregateKind::Single, 4);
  CHECK(two.finish(AggregateKind::Single, Kind::Date).is_missing());
}

TEST_CASE("fold: every aggregate over no, one, two and undecided rows is the same on every path", "[fold][fastpass]") {
  // More rows than the kernels' pass takes on one thread (FastPass.cpp, run): T's two rows, U's and
  // F's fall in different threads' slices, whose folds are merged.
  Fixture f(100000);
  INFO(render(f.diags));
  REQUIRE_FALSE(f.diags.has_errors());
  const auto expected = expected_values();
  const Outcome generic = evaluated(f, false, 1);
  INFO("generic: " << differences(expected, generic.values));
  CHECK(generic.values == expected);
  for (const char* body : {"body U: ", "body F: "}) {
    INFO("an undecidable-row warning for " << body);
    CHECK(std::any_of(generic.rows.begin(), generic.rows.end(),
                      [&](const std::string& r) { return r.rfind("undecidable-row " + std::string(body), 0) == 0; }));
  }
  for (unsigned threads : {1u, 2u, 3u}) {
    const Outcome fast = evaluated(f, true, threads);
    INFO("kernels at " << threads << " threads: " << differences(generic.values, fast.values));
    CHECK(fast.values == generic.values);
    CHECK(fast.rows == generic.rows);
  }
  // The public entry point gives the same results.
  Evaluation ev = evaluate(f.rules, f.checked, f.data, f.as_of, f.rules.all_in_force(f.as_of), {true, 2});
  CHECK(rows_of(ev, f.data) == generic.rows);
  // A result is n/a exactly where its definition is.
  for (const auto& r : ev.rows) {
    const std::string name = r.result.substr(2) + " " + f.data.bodies[r.body].code;
    INFO(name);
    CHECK((r.status == Status::NotApplicable) == (expected.at(name) == "n/a"));
  }
}

// Regression: a table of no body read with a per-body definition folded an empty sum of day counts
// into a plain 0, where the per-body pass (and the kernels) gave 0 days.
TEST_CASE("fold: a sum of day counts over no rows is 0 days on every path", "[fold]") {
  Fixture f(10);
  INFO(render(f.diags));
  REQUIRE_FALSE(f.diags.has_errors());
  for (bool kernels : {false, true})
    for (unsigned threads : {1u, 2u, 3u}) {
      const Outcome o = evaluated(f, kernels, threads);
      INFO((kernels ? "kernels" : "generic") << " at " << threads << " threads");
      for (const char* body : {"N", "P"}) {
        CHECK(o.values.at(std::string("i_sum_d ") + body) == "0 days (days)");
        CHECK(o.values.at(std::string("s_sum_d ") + body) == "0 days (days)");
      }
    }
  // `explain` shows the definitions with the engine's values.
  const ClauseVersion& version = *f.rules.all_in_force(f.as_of).front();
  for (const char* body : {"N", "P"}) {
    std::size_t b = 0;
    while (b < f.data.bodies.size() && f.data.bodies[b].code != body) ++b;
    REQUIRE(b < f.data.bodies.size());
    Explanation x = explain(f.rules, f.checked, f.data, f.as_of, version, b, false);
    std::map<std::string, std::string> shown;
    for (const auto& n : x.names) shown[n.name] = described(n.value);
    CHECK(shown.at("i_sum_d") == "0 days (days)");
    CHECK(shown.at("s_sum_d") == "0 days (days)");
  }
}

// The results of many bodies (engine::Engine::for_bodies): the first sixteenth evaluated on the
// calling thread and timed, the rest shared out between threads only when it would take longer
// than kWorthThreads there. Whichever way, every body's result is the one one thread gives.
TEST_CASE("fold: results of 1,000 bodies shared out between threads or not are the same", "[fold][threads]") {
  Diagnostics diags;
  const std::string text = std::string(kRules) +
                           "clause 1 \"Many bodies\"\n"
                           "  title kk \"a\"\n"
                           "  title ru \"b\"\n"
                           "  evidence text reconstructed, variables reconstructed, formula reconstructed\n"
                           "  let s = sum items of x where kept\n"
                           "  let n = count items where kept\n"
                           "  result r = s * 3 / 7 + n range 0..1000000 round 3\n"
                           "end\n";
  RuleSet rules = load_rules_from_text({{"t.ereje", text}}, diags);
  Checked checked = check(rules, diags);
  REQUIRE_FALSE(diags.has_errors());
  const Date as_of = *parse_date("2024-06-01");
  auto contract = std::make_shared<const input::Contract>(rules.contract->at(as_of));
  std::string bodies = "code,slot\n", items = "body,item,kept,x,opened_on,closed_on\n";
  for (int b = 0; b < 1000; ++b) {
    bodies += "B" + std::to_string(b) + "," + std::to_string(b) + "\n";
    for (int i = 0; i < b % 4; ++i)
      items += "B" + std::to_string(b) + ",I" + std::to_string(i) + "," + (i % 3 ? "true" : "false") + "," +
               std::to_string(b * 7 + i) + ",2024-01-01,2024-01-02\n";
  }
  std::map<std::string, input::TextTable> t;
  t["bodies"] = input::parse_csv(bodies, "bodies.csv");
  t["items"] = input::parse_csv(items, "items.csv");
  t["shared"] = input::parse_csv("item,owner,kept,x,opened_on,closed_on\n", "shared.csv");
  const input::DataSet data = input::build_dataset("many", contract, std::move(t), {"items", "shared"});
  auto rows = [&](unsigned threads, double worth, std::size_t& shared_out) {
    Evaluation ev;
    engine::Engine e(rules, checked, data, as_of, ev);
    e.threads = threads;
    e.worth_threads = worth;
    e.evaluate(rules.all_in_force(as_of));
    shared_out = e.calls_on_threads;
    return rows_of(ev, data);
  };
  std::size_t none = 0, some = 0, cheap = 0;
  const std::vector<std::string> one = rows(1, 0.0, none);
  REQUIRE(one.size() == 1000);
  REQUIRE(none == 0);
  // B6: two rows, one kept (x = 43): 43 * 3 / 7 + 1 = 19.4285...
  REQUIRE(std::find(one.begin(), one.end(), "B6 r 19.429 ok") != one.end());
  for (unsigned threads : {2u, 3u}) {
    INFO("threads " << threads);
    REQUIRE(rows(threads, 0.0, some) == one);
    REQUIRE(some > 0);
    REQUIRE(rows(threads, 3600.0, cheap) == one);
    REQUIRE(cheap == 0);
  }
}
