// `ereje whatif`: the values changed by --set are the engine's own, the least change --target
// reports is the true least one (brute force over small data), and a what-if receipt replays.
#include <catch2/catch.hpp>

#include "Support.hpp"

#include "cli/Commands.hpp"
#include "interpreter/WhatIf.hpp"

using namespace ereje;
using namespace ereje::interp;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = EREJE_SOURCE_DIR;

struct Loaded {
  RuleSet rules;
  Checked checked;
  input::DataSet data;
};

const Loaded& shipped() {
  static const Loaded l = [] {
    Loaded out;
    Diagnostics diags;
    out.rules = load_rules({kRoot + "/rules"}, diags);
    out.checked = check(out.rules, diags);
    if (diags.has_errors()) throw std::logic_error(render(diags));
    out.data = test::load_data_folder(kRoot + "/examples/assessment-2023", {"services", "objections", "schedule"});
    return out;
  }();
  return l;
}

Target target(const std::string& result, bool at_least, const std::string& value) {
  return Target{result, at_least, *Rational::parse_decimal(value)};
}

}  // namespace

TEST_CASE("whatif --set: the result after is the engine's with the value given", "[whatif]") {
  const Loaded& l = shipped();
  const Date as_of = *parse_date("2024-01-01");
  const ClauseVersion* v = l.rules.in_force("49", as_of);
  REQUIRE(v != nullptr);
  for (std::size_t b = 0; b < l.data.bodies.size(); ++b) {
    SetAnswer a = what_if_set(l.rules, l.checked, l.data, as_of, *v, b, {{"d", "d + 3"}, {"k", "k * 2"}});
    REQUIRE(a.changes.size() == 2);
    REQUIRE(a.changes[0].after.num == a.changes[0].before.num + Rational(3));
    CHECK(a.changes[1].after.num == Rational(20));
    Value c, d, n;
    for (const auto& x : a.before.names) {
      if (x.name == "c") c = x.value;
      if (x.name == "n") n = x.value;
    }
    d = a.changes[0].after;
    REQUIRE(a.after.results.size() == 1);
    if (n.num.is_zero()) {
      CHECK(a.after.results[0].value.is_missing());
      continue;
    }
    // T = (p c + d) / n k, with d + 3 and k = 20; the range 0..k moves with k.
    const Rational t = (Rational::parse_decimal("0.5")->operator*(c.num) + d.num) / n.num * Rational(20);
    CHECK(a.after.results[0].value.num == t);
    CHECK(a.after.results[0].status == (t <= Rational(20) ? Status::Ok : Status::OutOfRange));
    CHECK(a.before.results[0].value.num != a.after.results[0].value.num);
  }
}

TEST_CASE("whatif --set: bad names and formulas are errors with a hint", "[whatif]") {
  const Loaded& l = shipped();
  const Date as_of = *parse_date("2024-01-01");
  const ClauseVersion* v = l.rules.in_force("49", as_of);
  auto fails = [&](const std::vector<SetRequest>& s, const std::string& part) {
    try {
      what_if_set(l.rules, l.checked, l.data, as_of, *v, 0, s);
      FAIL("no error");
    } catch (const WhatIfError& e) {
      CHECK_THAT(std::string(e.what()) + " | " + e.help, Catch::Contains(part));
    }
  };
  fails({{"dd", "3"}}, "did you mean `d`?");
  fails({{"d", "d +"}}, "is not a formula");
  fails({{"d", "x + 1"}}, "`x` is not a definition of clause 49");
  fails({{"d", "d > 1"}}, "only numbers");
  fails({{"k", "1 / 0"}}, "no value");
  fails({{"d", "1"}, {"d", "2"}}, "given twice");
  CHECK_THROWS_AS(parse_target("T=>3"), WhatIfError);
  CHECK_THROWS_AS(parse_target(">=3"), WhatIfError);
  CHECK_THROWS_AS(parse_target("T>=x"), WhatIfError);
  CHECK(parse_target(" C <= 2.5 ").value == *Rational::parse_decimal("2.5"));
  CHECK_THROWS_AS(what_if_target(l.rules, l.checked, l.data, as_of, *v, 0, target("C", true, "1")), WhatIfError);
}

TEST_CASE("whatif --target: the least change reported is the least brute force finds", "[whatif]") {
  const Loaded& l = shipped();
  const Date as_of = *parse_date("2024-01-01");
  const std::int64_t kBound = 40;  // brute force over 0..kBound
  std::size_t compared = 0, unreachable = 0;
  for (const char* clause : {"49", "52"}) {
    const ClauseVersion* v = l.rules.in_force(clause, as_of);
    REQUIRE(v != nullptr);
    const std::string result = v->clause->results.front().name;
    for (std::size_t b = 0; b < l.data.bodies.size(); b += 3) {
      for (const auto& t : {target(result, true, "4"), target(result, true, "9.5"), target(result, false, "1"),
                            target(result, true, "11"), target(result, false, "0")}) {
        TargetAnswer a = what_if_target(l.rules, l.checked, l.data, as_of, *v, b, t);
        if (a.reached_now) continue;
        for (const auto& n : a.names) {
          REQUIRE(n.current.kind == Kind::Number);
          const std::int64_t x0 = n.current.num.to_int64();
          std::size_t let = 0;
          while (v->clause->lets[let].name != n.name) ++let;
          std::optional<std::int64_t> best;
          for (std::int64_t d = 1; d <= kBound - x0 && !best; ++d)
            for (std::int64_t x : {x0 + d, x0 - d}) {
              if (x < 0 || best) continue;
              Overrides ov{v->number, b, {{let, Value::number(Rational(x))}}, {}};
              EvaluateOptions opts;
              opts.overrides = &ov;
              Evaluation ev = evaluate(l.rules, l.checked, l.data, as_of, {v}, opts);
              for (const auto& r : ev.rows)
                if (r.body == b && r.result == result && reaches({r.value, r.status}, t)) best = x - x0;
            }
          INFO("clause " << clause << " body " << l.data.bodies[b].code << " " << n.name << " target "
                         << (t.at_least ? ">= " : "<= ") << t.value.to_exact());
          if (best) {
            REQUIRE(n.search.found);
            CHECK(n.search.change == *best);
            CHECK(reaches(n.search.at, t));
            ++compared;
          } else {
            // None within the bound: the answer is unreachable, or a larger change.
            CHECK((!n.search.found || n.search.change > kBound - x0 || n.search.change < -(kBound - x0)));
            if (!n.search.found) {
              CHECK(n.search.reason != Reason::None);
              ++unreachable;
            }
          }
        }
      }
    }
  }
  CHECK(compared > 10);
  CHECK(unreachable > 5);
}

TEST_CASE("whatif search: non-monotone formulas, bisection, and the reasons", "[whatif]") {
  auto num = [](Rational q) { return Outcome{Value::number(std::move(q)), Status::Ok}; };
  // Reached only at one value far from the start, with worse values around it.
  Search s = least_change([&](std::int64_t x) { return num(x == 37 ? Rational(10) : Rational(x % 5)); }, 3,
                          target("R", true, "10"));
  CHECK(s.found);
  CHECK(s.change == 34);
  CHECK_FALSE(s.bisection);
  // A decrease nearer than any increase.
  s = least_change([&](std::int64_t x) { return num(Rational((x - 20) * (x - 20))); }, 24, target("R", false, "1"));
  CHECK(s.change == -3);
  // Past the linear scan: bisection, said.
  s = least_change([&](std::int64_t x) { return num(Rational(x)); }, 0, target("R", true, "123456"));
  CHECK(s.found);
  CHECK(s.change == 123456);
  CHECK(s.bisection);
  // Unreachable: each reason.
  s = least_change([&](std::int64_t) { return num(Rational(2)); }, 5, target("R", true, "3"));
  CHECK(s.reason == Reason::NoDependence);
  s = least_change([&](std::int64_t) { return Outcome{Value::missing(), Status::NotApplicable}; }, 5, target("R", true, "3"));
  CHECK(s.reason == Reason::NaEverywhere);
  s = least_change([&](std::int64_t x) { return num(Rational(10) / Rational(x + 1)); }, 5, target("R", true, "20"));
  CHECK(s.reason == Reason::Limit);
  CHECK(s.limit.num == Rational(0));
  CHECK(s.cap_hit);
  s = least_change(
      [&](std::int64_t x) { return Outcome{Value::number(Rational(x)), x > 10 ? Status::OutOfRange : Status::Ok}; }, 2,
      target("R", true, "11"));
  CHECK(s.reason == Reason::OutOfRangeOnly);
}

TEST_CASE("a what-if receipt replays, and names the data file that changed", "[whatif][receipt]") {
  test::TempDir dir;
  fs::create_directories(dir.path / "data");
  for (const auto& e : fs::directory_iterator(kRoot + "/examples/assessment-2023"))
    fs::copy_file(e.path(), dir.path / "data" / e.path().filename());
  const std::string receipt = dir.str("whatif.receipt.json");
  std::ostringstream out, err;
  cli::WhatIfOptions o;
  o.rules = {"rules"};  // as a commission's clerk would: from the folder of the rules
  const fs::path before = fs::current_path();
  fs::current_path(kRoot);
  o.data = dir.str("data");
  o.agency = "MJ";
  o.clause = "49";
  o.as_of = "2024-01-01";
  o.set = {"d=d+3"};
  o.lang = "ru";
  o.receipt = receipt;
  const int code = cli::run_whatif(o, out, err);
  fs::current_path(before);
  REQUIRE(code == 0);
  std::string text = test::read_file(receipt);
  CHECK(test::has(text, "\"name\": \"whatif\""));
  CHECK(test::has(text, "\"d=d+3\""));
  CHECK(test::has(text, "\"answer\""));
  {
    std::ostringstream rout, rerr;
    INFO(rout.str() << rerr.str());
    CHECK(cli::run_replay({.receipt = receipt, .root = kRoot, .data = dir.str("data")}, rout, rerr) == 0);
    CHECK(test::has(rout.str(), "the same answer, byte for byte"));
  }
  // A service of MJ becomes fully automated: the data file and the answer changed.
  std::ofstream(dir.path / "data" / "services.csv", std::ios::binary | std::ios::app)
      << "MJ,S9999,,full,false,false\n";
  {
    std::ostringstream rout, rerr;
    CHECK(cli::run_replay({.receipt = receipt, .root = kRoot, .data = dir.str("data")}, rout, rerr) == 1);
    INFO(rout.str() << rerr.str());
    CHECK(test::has(rout.str(), "data file services.csv changed"));
    CHECK(test::has(rout.str(), "the answer differs"));
  }
}
