// Unit tests of the evaluator: aggregates per body over a small data set built from text tables,
// n/a for zero denominators and for `single` without exactly one row, out-of-range results kept and
// flagged, three-valued logic over empty cells, exact averages of day counts, aggregates over the
// schedule shared by every body, versions in force at a date, the order of result rows, and the
// example data against the values computed independently in its README.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "input/DataSet.hpp"
#include "interpreter/Checker.hpp"
#include "interpreter/Evaluator.hpp"
#include "interpreter/RuleSet.hpp"
#include "tests/unit/Support.hpp"

using namespace ereje;
using namespace ereje::test;
using interp::Status;

namespace {

struct Loaded {
  Diagnostics diags;
  interp::RuleSet rules;
  interp::Checked checked;
};

std::unique_ptr<Loaded> load(const std::vector<std::pair<std::string, std::string>>& files) {
  auto l = std::make_unique<Loaded>();
  l->rules = interp::load_rules_from_text(test::with_contract(files), l->diags);
  l->checked = interp::check(l->rules, l->diags);
  INFO(render(l->diags));
  REQUIRE(l->diags.error_count() == 0);
  return l;
}

Date date(const char* s) {
  auto d = parse_date(s);
  REQUIRE(d.has_value());
  return *d;
}

input::TextTable table(const std::string& name, std::vector<std::string> header,
                       std::vector<std::vector<std::string>> rows) {
  input::TextTable t;
  t.file = name + ".csv";
  t.header = std::move(header);
  t.records = std::move(rows);
  for (std::size_t i = 0; i < t.records.size(); ++i) t.lines.push_back(static_cast<std::uint32_t>(i + 2));
  return t;
}

const std::vector<std::string> kServices{"agency_id", "service_id", "parent_id", "automation", "portal_excluded", "mobile"};
const std::vector<std::string> kObjections{"agency_id", "objection_id", "clause", "submitted_on", "reviewed_on"};
const std::vector<std::string> kSchedule{"stage", "starts_on", "ends_on"};

// Three bodies: A with three services (one a subtype) and three reviewed objections, B with two
// services and one reviewed and one unreviewed objection, C with nothing at all.
input::DataSet standard_data() {
  std::map<std::string, input::TextTable> t;
  t["agencies"] = table("agencies", {"agency_id"}, {{"B"}, {"C"}, {"A"}});
  t["services"] = table("services", kServices,
                        {{"A", "S1", "", "full", "false", "true"},
                         {"A", "S2", "", "partial", "false", "false"},
                         {"A", "S3", "S1", "none", "false", "true"},
                         {"B", "S1", "", "full", "true", "false"},
                         {"B", "S2", "", "full", "false", "true"}});
  t["objections"] = table("objections", kObjections,
                          {{"A", "O1", "49", "2023-09-01", "2023-09-11"},
                           {"A", "O2", "49", "2023-09-02", "2023-09-04"},
                           {"A", "O3", "52", "2023-09-03", "2023-09-04"},
                           {"B", "O4", "49", "2023-09-10", "2023-10-20"},
                           {"B", "O5", "49", "2023-09-12", ""}});
  t["schedule"] = table("schedule", kSchedule,
                        {{"objections_review", "2023-10-01", "2023-10-15"}, {"appeals", "2023-11-01", "2023-11-30"}});
  return test::build_data("data", std::move(t), {});
}

const std::string kAct = "act \"1\" \"Test act\" in_force 2023-01-01\n\n";

struct Run {
  std::unique_ptr<Loaded> loaded;
  input::DataSet data;
  interp::Evaluation ev;
};

Run run(const std::string& clauses, const char* as_of = "2024-01-01", input::DataSet data = standard_data()) {
  Run r{load({{"t.ereje", kAct + clauses}}), std::move(data), {}};
  Date d = date(as_of);
  r.ev = interp::evaluate(r.loaded->rules, r.loaded->checked, r.data, d, r.loaded->rules.all_in_force(d));
  return r;
}

const interp::ResultRow& row(const Run& r, const std::string& agency, const std::string& clause,
                             const std::string& result) {
  const interp::ResultRow* found = nullptr;
  for (const auto& x : r.ev.rows)
    if (r.data.bodies[x.body].code == agency && x.version->number == clause && x.result == result) {
      REQUIRE(found == nullptr);
      found = &x;
    }
  if (!found) FAIL("no row " << agency << " " << clause << " " << result);
  return *found;
}

// "text status" of a row, e.g. "0.63 ok", " n/a".
std::string shown(const Run& r, const std::string& agency, const std::string& clause, const std::string& result) {
  const auto& x = row(r, agency, clause, result);
  return x.text() + " " + interp::status_name(x.status);
}

std::vector<const Diagnostic*> warnings(const Run& r, const std::string& code) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : r.ev.warnings.list())
    if (d.code == code) out.push_back(&d);
  return out;
}


std::string read_source(const std::string& relative) {
  std::ifstream in(std::string(EREJE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The rows of the first table after `heading` in the example's README: column name -> cell.
std::vector<std::map<std::string, std::string>> readme_table(const std::string& heading) {
  const std::string readme = read_source("examples/assessment-2023/README.md");
  std::size_t at = readme.find(heading);
  REQUIRE(at != std::string::npos);
  std::istringstream lines(readme.substr(at));
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> out;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("|", 0) != 0) {
      if (!header.empty()) break;  // the end of the table
      continue;
    }
    std::vector<std::string> cells;
    std::istringstream cs(line.substr(1));
    for (std::string c; std::getline(cs, c, '|');) {
      while (!c.empty() && c.front() == ' ') c.erase(0, 1);
      while (!c.empty() && c.back() == ' ') c.pop_back();
      cells.push_back(c);
    }
    if (header.empty()) {
      header = cells;
      continue;
    }
    if (!cells.empty() && !cells[0].empty() && cells[0][0] == '-') continue;  // |---|--:|
    REQUIRE(cells.size() == header.size());
    std::map<std::string, std::string> r;
    for (std::size_t i = 0; i < cells.size(); ++i) r[header[i]] = cells[i];
    out.push_back(std::move(r));
  }
  return out;
}

// A README cell ("7.67", "5.19 (out_of_range)", "n/a") in the form of `shown`.
std::string expected(const std::string& cell) {
  if (cell == "n/a") return " n/a";
  auto oor = cell.find(" (out_of_range)");
  if (oor != std::string::npos) return cell.substr(0, oor) + " out_of_range";
  return cell + " ok";
}

}  // namespace

TEST_CASE("evaluator: count, sum and shares per body", "[evaluator]") {
  Run r = run(
      "clause 1 \"aggregates\"\n"
      "  let all = count services\n"
      "  let mob = count services where mobile\n"
      "  let main_full = count services where main and automation = full\n"
      "  let subtypes = count services where subtype\n"
      "  let weight = sum services of if automation = full then 2 else 1\n"
      "  let share_mobile = mob / all\n"
      "  result n = all range 0..100 round 0\n"
      "  result m = mob range 0..100 round 0\n"
      "  result f = main_full range 0..100 round 0\n"
      "  result t = subtypes range 0..100 round 0\n"
      "  result w = weight range 0..100 round 0\n"
      "  result s = share_mobile range 0..1 round 4\n"
      "end\n");
  REQUIRE(r.data.bodies.size() == 3);
  CHECK(shown(r, "A", "1", "n") == "3 ok");
  CHECK(shown(r, "A", "1", "m") == "2 ok");
  CHECK(shown(r, "A", "1", "f") == "1 ok");
  CHECK(shown(r, "A", "1", "t") == "1 ok");
  CHECK(shown(r, "A", "1", "w") == "4 ok");
  CHECK(shown(r, "A", "1", "s") == "0.6667 ok");
  CHECK(row(r, "A", "1", "s").value.num == Rational(2) / Rational(3));  // exact until output
  CHECK(shown(r, "B", "1", "n") == "2 ok");
  CHECK(shown(r, "B", "1", "m") == "1 ok");
  CHECK(shown(r, "B", "1", "f") == "2 ok");
  CHECK(shown(r, "B", "1", "t") == "0 ok");
  CHECK(shown(r, "B", "1", "w") == "4 ok");
  CHECK(shown(r, "B", "1", "s") == "0.5000 ok");
  // A body missing from a table has zero rows there: counts and sums are 0, a share is n/a.
  CHECK(shown(r, "C", "1", "n") == "0 ok");
  CHECK(shown(r, "C", "1", "w") == "0 ok");
  CHECK(shown(r, "C", "1", "s") == " n/a");
  CHECK(row(r, "C", "1", "s").value.is_missing());
  CHECK(r.ev.warnings.empty());
  CHECK(r.ev.rows.size() == 18);
}

TEST_CASE("evaluator: a zero denominator makes the result n/a", "[evaluator]") {
  Run r = run(
      "clause 1 \"zero\"\n"
      "  let all = count services\n"
      "  let none_ = count services where automation = none\n"
      "  result never = 1 / (all - all) range 0..10\n"
      "  result share = none_ / all * 10 range 0..10\n"
      "  result zero_top = (all - all) / all range 0..10\n"
      "end\n");
  for (const char* body : {"A", "B", "C"}) {
    INFO(body);
    const auto& x = row(r, body, "1", "never");
    CHECK(x.status == Status::NotApplicable);
    CHECK(x.text().empty());
    CHECK(x.value.is_missing());
  }
  CHECK(shown(r, "A", "1", "share") == "3.33 ok");
  CHECK(shown(r, "B", "1", "share") == "0.00 ok");
  CHECK(shown(r, "C", "1", "share") == " n/a");
  CHECK(shown(r, "A", "1", "zero_top") == "0.00 ok");  // a zero numerator is a value
  CHECK(shown(r, "C", "1", "zero_top") == " n/a");
  CHECK(r.ev.warnings.empty());  // n/a is a policy, not a problem
}

TEST_CASE("evaluator: min, max, avg and sum of day counts, exact", "[evaluator]") {
  Run r = run(
      "clause 2 \"days\"\n"
      "  let total = sum objections of reviewed_on - submitted_on where not missing(reviewed_on)\n"
      "  let mean = avg objections of reviewed_on - submitted_on where not missing(reviewed_on)\n"
      "  let fastest = min objections of reviewed_on - submitted_on where not missing(reviewed_on)\n"
      "  let slowest = max objections of reviewed_on - submitted_on where not missing(reviewed_on)\n"
      "  let first = min objections of submitted_on\n"
      "  let last = max objections of submitted_on\n"
      "  result total_days = total / days(1) range 0..1000 round 0\n"
      "  result mean_days = mean / days(1) range 0..1000\n"
      "  result mean_long = mean / days(1) range 0..1000 round 6\n"
      "  result fastest_days = fastest / days(1) range 0..1000 round 0\n"
      "  result slowest_days = slowest / days(1) range 0..1000 round 0\n"
      "  result spread = (last - first) / days(1) range 0..1000 round 0\n"
      "  result moved = (first + mean - first) / days(1) range 0..1000 round 0\n"
      "  result half = (2023-01-01 + days(1.5) - 2023-01-01) / days(1) range 0..1000 round 0\n"
      "end\n");
  // A date moved by a fractional day count moves by the whole days in it (13/3 days: 4).
  CHECK(shown(r, "A", "2", "moved") == "4 ok");
  CHECK(shown(r, "A", "2", "half") == "1 ok");
  // A: 10, 2 and 1 days.
  CHECK(shown(r, "A", "2", "total_days") == "13 ok");
  CHECK(shown(r, "A", "2", "mean_days") == "4.33 ok");
  CHECK(shown(r, "A", "2", "mean_long") == "4.333333 ok");
  CHECK(row(r, "A", "2", "mean_days").value.num == Rational(13) / Rational(3));
  CHECK(row(r, "A", "2", "mean_days").value.show() == "13/3");
  CHECK(shown(r, "A", "2", "fastest_days") == "1 ok");
  CHECK(shown(r, "A", "2", "slowest_days") == "10 ok");
  CHECK(shown(r, "A", "2", "spread") == "2 ok");
  // B: the reviewed objection only.
  CHECK(shown(r, "B", "2", "total_days") == "40 ok");
  CHECK(shown(r, "B", "2", "mean_days") == "40.00 ok");
  CHECK(shown(r, "B", "2", "fastest_days") == "40 ok");
  CHECK(shown(r, "B", "2", "spread") == "2 ok");
  // C: a sum over no rows is 0 days; min, max and avg over no rows are n/a.
  CHECK(shown(r, "C", "2", "total_days") == "0 ok");
  CHECK(shown(r, "C", "2", "mean_days") == " n/a");
  CHECK(shown(r, "C", "2", "fastest_days") == " n/a");
  CHECK(shown(r, "C", "2", "slowest_days") == " n/a");
  CHECK(shown(r, "C", "2", "spread") == " n/a");
  CHECK(r.ev.warnings.empty());
}

TEST_CASE("evaluator: single needs exactly one row", "[evaluator]") {
  Run r = run(
      "clause 3 \"single\"\n"
      "  let full_mobile = single services of if mobile then 1 else 0 where automation = full\n"
      "  let review_end = single schedule of ends_on where stage = \"objections_review\"\n"
      "  let two_rows = single schedule of ends_on where starts_on > 2000-01-01\n"
      "  let no_row = single schedule of ends_on where stage = \"no such stage\"\n"
      "  result fm = full_mobile range 0..1 round 0\n"
      "  result re = (review_end - 2023-10-01) / days(1) range 0..100 round 0\n"
      "  result two = (two_rows - 2023-10-01) / days(1) range 0..100 round 0\n"
      "  result none_ = (no_row - 2023-10-01) / days(1) range 0..100 round 0\n"
      "end\n");
  CHECK(shown(r, "A", "3", "fm") == "1 ok");   // one fully automated service, in the app
  CHECK(shown(r, "B", "3", "fm") == " n/a");   // two rows: which one is meant is not known
  CHECK(shown(r, "C", "3", "fm") == " n/a");   // no row
  for (const char* body : {"A", "B", "C"}) {
    INFO(body);
    CHECK(shown(r, body, "3", "re") == "14 ok");
    CHECK(shown(r, body, "3", "two") == " n/a");
    CHECK(shown(r, body, "3", "none_") == " n/a");
  }
}

TEST_CASE("evaluator: a result outside its range is kept and flagged", "[evaluator]") {
  Run r = run(
      "clause 5 \"ranges\"\n"
      "  let all = count services\n"
      "  result hi = all range 0..2 round 0\n"
      "  result lo = all range 1..10 round 0\n"
      "end\n");
  const auto& a = row(r, "A", "5", "hi");
  CHECK(a.status == Status::OutOfRange);
  CHECK(a.text() == "3");  // not clamped to 2
  CHECK(a.value.num == Rational(3));
  CHECK(shown(r, "B", "5", "hi") == "2 ok");  // the bounds belong to the range
  CHECK(shown(r, "B", "5", "lo") == "2 ok");
  CHECK(shown(r, "C", "5", "lo") == "0 out_of_range");
  CHECK(shown(r, "A", "5", "lo") == "3 ok");
  auto w = warnings(r, "out-of-range");
  REQUIRE(w.size() == 2);
  REQUIRE(r.ev.warnings.list().size() == 2);
  for (const auto* d : w) {
    CHECK(d->severity == Severity::Warning);
    CHECK(d->file == "t.ereje");
  }
  CHECK(w[0]->line == 5);
  CHECK(w[0]->message ==
        "body A: clause 5 result hi = 3 is outside its range 0..2; kept, not clamped, and flagged out_of_range");
  CHECK(w[1]->line == 6);
  CHECK(has(w[1]->message, "body C: clause 5 result lo = 0 is outside its range 1..10"));
}

TEST_CASE("evaluator: three-valued logic over empty cells", "[evaluator]") {
  Run r = run(
      "clause 6 \"empty cells\"\n"
      "  let unguarded = count objections where reviewed_on > 2023-09-05\n"
      "  let guarded = count objections where not missing(reviewed_on) and reviewed_on > 2023-09-05\n"
      "  let guard_after = count objections where reviewed_on > 2023-09-05 and not missing(reviewed_on)\n"
      "  let open_or_late = count objections where missing(reviewed_on) or reviewed_on > 2023-09-05\n"
      "  let late_or_open = count objections where reviewed_on > 2023-09-05 or missing(reviewed_on)\n"
      "  let submitted = count objections where submitted_on > 2023-09-01\n"
      "  let true_and = count objections where submitted_on > 2000-01-01 and reviewed_on > 2023-09-05\n"
      "  let false_or = count objections where submitted_on < 2000-01-01 or reviewed_on > 2023-09-05\n"
      "  result u = unguarded range 0..10 round 0\n"
      "  result g = guarded range 0..10 round 0\n"
      "  result h = guard_after range 0..10 round 0\n"
      "  result o = open_or_late range 0..10 round 0\n"
      "  result p = late_or_open range 0..10 round 0\n"
      "  result s = submitted range 0..10 round 0\n"
      "  result ta = true_and range 0..10 round 0\n"
      "  result fo = false_or range 0..10 round 0\n"
      "end\n");
  // B's unreviewed objection leaves `reviewed_on > …` undecided: that body's count is n/a.
  CHECK(shown(r, "B", "6", "u") == " n/a");
  CHECK(shown(r, "A", "6", "u") == "1 ok");  // other bodies are not affected
  CHECK(shown(r, "C", "6", "u") == "0 ok");
  // false and n/a = false; true or n/a = true, whichever side the empty value is on.
  CHECK(shown(r, "B", "6", "g") == "1 ok");
  CHECK(shown(r, "B", "6", "h") == "1 ok");
  CHECK(shown(r, "B", "6", "o") == "2 ok");
  CHECK(shown(r, "B", "6", "p") == "2 ok");
  CHECK(shown(r, "A", "6", "g") == "1 ok");
  CHECK(shown(r, "A", "6", "o") == "1 ok");
  CHECK(shown(r, "B", "6", "s") == "2 ok");
  // true and n/a = n/a; false or n/a = n/a: still undecided.
  CHECK(shown(r, "B", "6", "ta") == " n/a");
  CHECK(shown(r, "B", "6", "fo") == " n/a");
  CHECK(shown(r, "A", "6", "ta") == "1 ok");
  CHECK(shown(r, "A", "6", "fo") == "1 ok");
  auto w = warnings(r, "undecidable-row");
  REQUIRE(w.size() == 3);  // one per undecided count of B
  REQUIRE(r.ev.warnings.list().size() == 3);
  for (const auto* x : w) CHECK(has(x->message, "body B"));
  const Diagnostic& d = *w[0];
  CHECK(d.severity == Severity::Warning);
  CHECK(d.file == "objections.csv");
  CHECK(d.line == 6);  // O5, the fifth record
  CHECK(has(d.message, "body B"));
  CHECK(has(d.message, "reviewed_on > 2023-09-05"));
  CHECK(has(d.message, "n/a"));
  CHECK(has(d.help, "missing("));
  CHECK(has(d.help, "t.ereje:4:"));
}

TEST_CASE("evaluator: an aggregate over the schedule serves every body", "[evaluator]") {
  const std::string rules =
      "clause 114 \"deadlines\"\n"
      "  let deadline = single schedule of ends_on where stage = \"objections_review\"\n"
      "  let stages = count schedule\n"
      "  let late = count objections where not missing(reviewed_on) and reviewed_on > deadline\n"
      "  let open_past = count objections where missing(reviewed_on) and as_of > deadline\n"
      "  result d = (deadline - 2023-10-01) / days(1) range 0..100 round 0\n"
      "  result st = stages range 0..10 round 0\n"
      "  result l = late range 0..10 round 0\n"
      "  result o = open_past range 0..10 round 0\n"
      "  obligation breaches over objections\n"
      "    breach when if missing(reviewed_on) then as_of > deadline else reviewed_on > deadline\n"
      "end\n";
  Run r = run(rules, "2024-01-01");
  for (const char* body : {"A", "B", "C"}) {
    INFO(body);
    CHECK(shown(r, body, "114", "d") == "14 ok");
    CHECK(shown(r, body, "114", "st") == "2 ok");
  }
  CHECK(shown(r, "A", "114", "l") == "0 ok");
  CHECK(shown(r, "B", "114", "l") == "1 ok");
  CHECK(shown(r, "B", "114", "o") == "1 ok");
  CHECK(shown(r, "C", "114", "l") == "0 ok");
  CHECK(shown(r, "A", "114", "breaches") == "0 ok");
  CHECK(shown(r, "B", "114", "breaches") == "2 ok");
  CHECK(shown(r, "C", "114", "breaches") == "0 ok");
  CHECK(row(r, "B", "114", "breaches").round == 0);
  CHECK(r.ev.warnings.empty());
  // On the deadline itself an unreviewed objection is not yet in breach.
  Run on_day = run(rules, "2023-10-15");
  CHECK(shown(on_day, "B", "114", "o") == "0 ok");
  CHECK(shown(on_day, "B", "114", "breaches") == "1 ok");
  Run after = run(rules, "2023-10-16");
  CHECK(shown(after, "B", "114", "breaches") == "2 ok");
}

// Regression (was a bug): an aggregate over the
// schedule (a table with no bodies) is computed once, with the definitions of the first body, even
// when its condition uses a per-body definition. B's first objection is 2023-09-10, after the first
// stage ended, so B must count 1 stage, not A's 2.
TEST_CASE("evaluator: a schedule aggregate that uses a per-body definition", "[evaluator]") {
  input::DataSet data = [] {
    std::map<std::string, input::TextTable> t;
    t["agencies"] = table("agencies", {"agency_id"}, {{"A"}, {"B"}});
    t["services"] = table("services", kServices, {});
    t["objections"] = table("objections", kObjections,
                            {{"A", "O1", "49", "2023-01-01", ""}, {"B", "O2", "49", "2023-09-10", ""}});
    t["schedule"] = table("schedule", kSchedule,
                          {{"early", "2023-01-01", "2023-06-01"}, {"objections_review", "2023-10-01", "2023-10-15"}});
    return test::build_data("data", std::move(t), {});
  }();
  Run r = run(
      "clause 1 \"x\"\n"
      "  let first = min objections of submitted_on\n"
      "  let later = count schedule where ends_on > first\n"
      "  result n = later range 0..10 round 0\n"
      "end\n",
      "2024-01-01", std::move(data));
  CHECK(shown(r, "A", "1", "n") == "2 ok");
  CHECK(shown(r, "B", "1", "n") == "1 ok");
}

TEST_CASE("evaluator: the version in force at the as-of date", "[evaluator][versions]") {
  auto l = load({{"a.ereje",
                  "act \"1\" \"Base\" in_force 2021-01-01\n"
                  "clause 7 \"Seven\"\n  result v = 1 range 0..10 round 0\nend\n"
                  "clause 8 \"Eight\"\n  result w = 8 range 0..10 round 0\nend\n"},
                 {"b.ereje",
                  "act \"2\" \"Amendment\" in_force 2022-06-01\n"
                  "clause 7 \"Seven, new wording\"\n  replaces 7\n  result v = 2 range 0..10 round 0\nend\n"
                  "clause 9 \"Nine, from its own date\"\n  in_force 2022-07-01\n  result z = 9 range 0..10 round 0\nend\n"},
                 {"c.ereje", "act \"3\" \"Repeal\" in_force 2023-01-01\nrepeals 7\n"}});
  const interp::RuleSet& rules = l->rules;
  auto act_of = [&](const std::string& n, const char* d) -> std::string {
    const interp::ClauseVersion* v = rules.in_force(n, date(d));
    return v ? v->act->id + "@" + v->label() : "none";
  };
  CHECK(act_of("7", "2020-12-31") == "none");
  CHECK(act_of("7", "2021-01-01") == "1@2021-01-01");
  CHECK(act_of("7", "2022-05-31") == "1@2021-01-01");
  CHECK(act_of("7", "2022-06-01") == "2@2022-06-01");
  CHECK(act_of("7", "2022-12-31") == "2@2022-06-01");
  CHECK(act_of("7", "2023-01-01") == "none");  // repealed
  CHECK(act_of("7", "2030-01-01") == "none");
  CHECK(act_of("8", "2030-01-01") == "1@2021-01-01");
  CHECK(act_of("9", "2022-06-30") == "none");  // its own date, not its act's
  CHECK(act_of("9", "2022-07-01") == "2@2022-07-01");
  CHECK(act_of("nope", "2022-07-01") == "none");
  CHECK(rules.earliest() == date("2021-01-01"));
  REQUIRE(rules.clauses.at("7").size() == 3);
  CHECK(rules.clauses.at("7")[0].until == date("2022-06-01"));
  CHECK(rules.clauses.at("7")[1].until == date("2023-01-01"));
  CHECK(rules.clauses.at("7")[2].repeal != nullptr);

  auto numbers = [&](const char* d) {
    std::vector<std::string> out;
    for (const auto* v : rules.all_in_force(date(d))) out.push_back(v->number);
    return out;
  };
  CHECK(numbers("2020-01-01").empty());
  CHECK(numbers("2022-06-15") == std::vector<std::string>{"7", "8"});
  CHECK(numbers("2022-07-01") == std::vector<std::string>{"7", "8", "9"});
  CHECK(numbers("2023-01-01") == std::vector<std::string>{"8", "9"});

  input::DataSet data = standard_data();
  auto value_of_7 = [&](const char* d) -> std::string {
    auto ev = interp::evaluate(rules, l->checked, data, date(d), rules.all_in_force(date(d)));
    std::string out;
    for (const auto& x : ev.rows)
      if (x.version->number == "7" && data.bodies[x.body].code == "A") out += x.text() + "@" + x.version->label();
    return out.empty() ? "none" : out;
  };
  CHECK(value_of_7("2021-01-01") == "1@2021-01-01");
  CHECK(value_of_7("2022-05-31") == "1@2021-01-01");
  CHECK(value_of_7("2022-06-01") == "2@2022-06-01");
  CHECK(value_of_7("2023-01-01") == "none");
}

TEST_CASE("evaluator: rows are sorted by body, clause number and result name", "[evaluator]") {
  CHECK(interp::clause_number_less("49", "49-1"));
  CHECK(interp::clause_number_less("49-1", "52"));
  CHECK(interp::clause_number_less("52", "114"));
  CHECK(interp::clause_number_less("49-1", "49-2"));
  CHECK(interp::clause_number_less("49-2", "49-10"));
  CHECK(interp::clause_number_less("9", "10"));
  CHECK_FALSE(interp::clause_number_less("114", "52"));
  CHECK_FALSE(interp::clause_number_less("49-1", "49"));
  CHECK_FALSE(interp::clause_number_less("49", "49"));

  input::DataSet data = [] {
    std::map<std::string, input::TextTable> t;
    t["agencies"] = table("agencies", {"agency_id"}, {{"b-body"}, {"Ә"}, {"a"}, {"A"}});
    return test::build_data("data", std::move(t), {});
  }();
  std::string rules;
  for (const char* n : {"114", "52", "49-1", "49"})
    rules += std::string("clause ") + n + " \"x\"\n  result b = 1 range 0..1\n  result a = 0 range 0..1\nend\n";
  Run r = run(rules, "2024-01-01", std::move(data));
  std::vector<std::string> got;
  for (const auto& x : r.ev.rows) got.push_back(r.data.bodies[x.body].code + " " + x.version->number + " " + x.result);
  std::vector<std::string> want;
  for (const char* body : {"A", "a", "b-body", "Ә"})  // agency ids in byte order
    for (const char* clause : {"49", "49-1", "52", "114"})
      for (const char* result : {"a", "b"}) want.push_back(std::string(body) + " " + clause + " " + result);
  CHECK(got == want);
}

TEST_CASE("evaluator: the example data as of 2024-01-01", "[evaluator][example]") {
  Diagnostics ds;
  interp::RuleSet rules = interp::load_rules({std::string(EREJE_SOURCE_DIR) + "/rules"}, ds);
  interp::Checked checked = interp::check(rules, ds);
  REQUIRE(ds.error_count() == 0);
  std::vector<std::string> needed(checked.tables_used.begin(), checked.tables_used.end());
  input::DataSet data = test::load_data_folder(std::string(EREJE_SOURCE_DIR) + "/examples/assessment-2023", needed);
  REQUIRE(data.bodies.size() == 20);
  Date as_of = date("2024-01-01");
  Run r{nullptr, std::move(data), {}};
  r.ev = interp::evaluate(rules, checked, r.data, as_of, rules.all_in_force(as_of));

  CHECK(shown(r, "ACSA", "49", "T") == "0.63 ok");  // 0.625, a tie rounded half up
  CHECK(row(r, "ACSA", "49", "T").value.num == *Rational::parse_decimal("0.625"));
  CHECK(shown(r, "MF", "49", "T") == "11.39 out_of_range");
  CHECK(shown(r, "AKM-ULY", "49", "T") == " n/a");
  CHECK(shown(r, "AKM-ABA", "52", "C") == " n/a");
  CHECK(shown(r, "AKM-ABA", "49", "T") == "0.00 ok");
  CHECK(shown(r, "MJ", "114", "breaches") == "2 ok");
  CHECK(row(r, "MJ", "114", "breaches").version->label() == "2023-07-24");
  CHECK(r.ev.rows.size() == 60);

  // Every body against the README's table, which generate.py computed with exact fractions.
  std::size_t compared = 0;
  for (const auto& cells : readme_table("### As of 2024-01-01")) {
    const std::string& agency = cells.at("agency_id");
    INFO("agency " << agency);
    CHECK(shown(r, agency, "49", "T") == expected(cells.at("49 T")));
    CHECK(shown(r, agency, "52", "C") == expected(cells.at("52 C")));
    CHECK(shown(r, agency, "114", "breaches") == expected(cells.at("114 breaches")));
    ++compared;
  }
  CHECK(compared == 20);
  // The two out-of-range results (MDDIAI 52 and MF 49) are flagged, and nothing else is.
  CHECK(warnings(r, "out-of-range").size() == 2);
}

TEST_CASE("evaluator: the example data before 2023 uses the base versions", "[evaluator][example]") {
  Diagnostics ds;
  interp::RuleSet rules = interp::load_rules({std::string(EREJE_SOURCE_DIR) + "/rules"}, ds);
  interp::Checked checked = interp::check(rules, ds);
  REQUIRE(ds.error_count() == 0);
  std::vector<std::string> needed(checked.tables_used.begin(), checked.tables_used.end());
  Date as_of = date("2023-01-01");
  Run r{nullptr, test::load_data_folder(std::string(EREJE_SOURCE_DIR) + "/examples/assessment-2023", needed), {}};
  r.ev = interp::evaluate(rules, checked, r.data, as_of, rules.all_in_force(as_of));

  std::size_t compared = 0;
  for (const auto& cells : readme_table("### Before 2023")) {
    const std::string& agency = cells.at("agency_id");
    INFO("agency " << agency);
    CHECK(shown(r, agency, "49", "T") == expected(cells.at("49 T")));
    CHECK(shown(r, agency, "52", "C") == expected(cells.at("52 C")));
    CHECK(row(r, agency, "49", "T").version->label() == "2021-04-20");
    ++compared;
  }
  CHECK(compared == 20);
  // The base version of 114 is text only: no result for it.
  for (const auto& x : r.ev.rows) CHECK(x.version->number != "114");
  CHECK(r.ev.rows.size() == 40);
}

// An AggregateCache keeps aggregates that read only columns and literals between evaluations over the
// same data (diff's attribution stages): what comes out of the cache must be what computing gives,
// warnings included; anything that reads a definition, coefficient or function is never cached.
TEST_CASE("evaluator: aggregates from the cache equal computed ones, warnings included", "[evaluator][cache]") {
  auto l = load({{"t.ereje", kAct +
                                 "clause 7 \"cached\"\n"
                                 "  coefficient k = 1 \"a coefficient\"\n"
                                 "  let automated = count services where automation = full\n"
                                 "  let open = count objections where reviewed_on > 2023-09-05\n"
                                 "  let scaled = count services where mobile and k > 0\n"
                                 "  let late = count objections where reviewed_on > as_of\n"
                                 "  result f = automated range 0..10 round 0\n"
                                 "  result o = open range 0..10 round 0\n"
                                 "  result s = scaled range 0..10 round 0\n"
                                 "  result l = late range 0..10 round 0\n"
                                 "end\n"}});
  input::DataSet data = standard_data();
  const Date d = date("2024-01-01");
  auto versions = l->rules.all_in_force(d);
  auto text = [&](const interp::Evaluation& ev) {
    std::string out;
    for (const auto& r : ev.rows) out += data.bodies[r.body].code + " " + r.result + " " + r.text() + "\n";
    out += render(ev.warnings);
    return out;
  };
  const std::string plain = text(interp::evaluate(l->rules, l->checked, data, d, versions));
  REQUIRE(has(plain, "undecidable-row"));  // B's unreviewed objection leaves `open` n/a

  interp::AggregateCache cache;
  interp::EvaluateOptions with_cache;
  with_cache.cache = &cache;
  CHECK(text(interp::evaluate(l->rules, l->checked, data, d, versions, with_cache)) == plain);
  CHECK(cache.hits == 0);
  // automated, open and late (as_of is part of the key); not scaled, which reads a coefficient.
  CHECK(cache.entries.size() == 3);
  CHECK(text(interp::evaluate(l->rules, l->checked, data, d, versions, with_cache)) == plain);
  CHECK(cache.hits == 3);
  // Another date: `late` is computed again, the others come from the cache.
  const std::string later = text(interp::evaluate(l->rules, l->checked, data, date("2023-09-30"), versions));
  CHECK(text(interp::evaluate(l->rules, l->checked, data, date("2023-09-30"), versions, with_cache)) == later);
  CHECK(cache.hits == 5);
  CHECK(cache.entries.size() == 4);
  // Other data: the cache starts again.
  input::DataSet other = standard_data();
  CHECK(text(interp::evaluate(l->rules, l->checked, other, d, versions, with_cache)) == plain);
  CHECK(cache.data == &other);
  CHECK(cache.entries.size() == 3);
}
