// The range analysis of `check` (interpreter/Range*.cpp): what it finds on the methodology's own
// rules, that every counterexample it reports passes when pasted into its clause, and a property
// test over generated clauses: a proved result never comes out of range on random data, and a
// reported counterexample always does.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>

#include "Support.hpp"
#include "interpreter/Range.hpp"
#include "interpreter/TestRunner.hpp"

using namespace ereje;

namespace {

struct Loaded {
  interp::RuleSet rules;
  interp::Checked checked;
  Diagnostics diags;
};

std::unique_ptr<Loaded> load(const std::vector<std::pair<std::string, std::string>>& files) {
  auto l = std::make_unique<Loaded>();
  l->rules = interp::load_rules_from_text(files, l->diags);
  l->checked = interp::check(l->rules, l->diags);
  return l;
}

std::vector<std::pair<std::string, std::string>> read_rules(const std::string& folder) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& f : interp::rule_files_in(folder)) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    files.emplace_back(f, ss.str());
  }
  return files;
}

std::string test_name(const std::string& block) {
  const auto a = block.find('"'), b = block.find('"', a + 1);
  return block.substr(a + 1, b - a - 1);
}

// The files with `block` pasted into the clause of `f` (before its `end`), loaded, checked, and the
// pasted test run: whether it passes (with the failures when not).
bool pasted_passes(std::vector<std::pair<std::string, std::string>> files, const interp::RangeFinding& f,
                   std::string& why) {
  const ast::Clause& c = *f.version->clause;
  const std::string& name = c.end_span.file->name;
  for (auto& [file, text] : files) {
    if (file != name) continue;
    std::size_t at = text.rfind('\n', c.end_span.begin);
    at = at == std::string::npos ? 0 : at + 1;
    text.insert(at, f.test);
  }
  auto l = load(files);
  if (l->diags.has_errors()) {
    why = render(l->diags);
    return false;
  }
  for (const auto& o : interp::run_tests(l->rules, l->checked))
    if (o.test->name == test_name(f.test) && o.version->number == f.version->number &&
        o.version->from == f.version->from) {
      for (const auto& s : o.failures) why += s + "\n";
      return o.passed;
    }
  why = "the pasted test was not run";
  return false;
}

const interp::RangeFinding* finding(const interp::RangeReport& r, const std::string& clause, const std::string& from,
                                    const std::string& result) {
  for (const auto& f : r.findings)
    if (f.version->number == clause && f.version->label() == from && f.result == result) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("range analysis: the methodology's clauses, and every counterexample pasted into its clause passes") {
  const auto files = read_rules(std::string(EREJE_SOURCE_DIR) + "/rules");
  auto l = load(files);
  REQUIRE_FALSE(l->diags.has_errors());
  const interp::RangeReport rep = interp::analyse_ranges(l->rules, l->checked, l->diags);
  using K = interp::RangeFinding::Kind;
  const auto* base49 = finding(rep, "49", "2021-04-20", "T");
  const auto* base52 = finding(rep, "52", "2021-04-20", "C");
  const auto* new49 = finding(rep, "49", "2023-07-24", "T");
  const auto* new52 = finding(rep, "52", "2023-07-24", "C");
  REQUIRE(base49);
  REQUIRE(base52);
  REQUIRE(new49);
  REQUIRE(new52);
  CHECK(base49->kind == K::Proved);
  CHECK(base52->kind == K::CanLeave);
  CHECK(new49->kind == K::CanLeave);
  CHECK(new49->value == "20.00");
  CHECK(new52->kind == K::CanLeave);
  std::size_t pasted = 0;
  for (const auto& f : rep.findings) {
    if (f.kind != K::CanLeave) continue;
    std::string why;
    const bool ok = pasted_passes(files, f, why);
    INFO(f.test << why);
    CHECK(ok);
    ++pasted;
  }
  CHECK(pasted == 3);
}

TEST_CASE("range analysis: an invariant that forbids the hole proves the result") {
  const std::string act = R"(act "1" "t"
  in_force 2023-01-01

extend table services
  invariant excluded_not_automated = not portal_excluded or automation = none
    for clause 49 error "an excluded service is not automated"
end

clause 49 "t"
  let c = count services where automation = partial "c"
  let d = count services where automation = full "d"
  let n = count services where not portal_excluded "n"
  coefficient p = 0.5 "p"
  coefficient k = 10 "k"
  result T = (p * c + d) / n * k range 0..k round 2 "T"
end
)";
  auto l = load(test::with_contract({{"a.ereje", act}}));
  REQUIRE_FALSE(l->diags.has_errors());
  const auto rep = interp::analyse_ranges(l->rules, l->checked, l->diags);
  REQUIRE(rep.findings.size() == 1);
  CHECK(rep.findings[0].kind == interp::RangeFinding::Kind::Proved);
}

// ---- property test over generated clauses ----

namespace {

const char* kContract = R"(table units "the bodies"
  lists bodies by id
  key id
  column id text "id"
end

table items "rows of a body"
  per body by unit
  key unit, code
  column unit text "body"
  column code text "code"
  column level enum [low, mid, high] "level"
  column flag bool "flag"
  column tag text or empty "tag"
end
)";

std::string pick(std::mt19937& g, const std::vector<std::string>& v) {
  return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(g)];
}
int num(std::mt19937& g, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(g); }

std::string condition(std::mt19937& g, int depth) {
  static const std::vector<std::string> atoms = {"level = low", "level = high",   "level in [mid, high]",
                                                 "flag",        "not flag",       "missing(tag)",
                                                 "tag = \"a\"", "tag != \"a\"",   "level != mid"};
  if (depth > 1 || num(g, 0, 2) == 0) return pick(g, atoms);
  const std::string op = num(g, 0, 1) ? " and " : " or ";
  return "(" + condition(g, depth + 1) + op + condition(g, depth + 1) + ")";
}

std::string linear(std::mt19937& g, int lets, bool nonneg) {
  std::string out;
  for (int i = 0; i < lets; ++i) {
    const int k = num(g, nonneg ? 0 : -1, 2);
    if (k == 0) continue;
    out += (out.empty() ? "" : " + ") + (k == 1 ? "" : "(" + std::to_string(k) + ") * ") + "x" + std::to_string(i);
  }
  return out.empty() ? "x0" : out;
}

std::string rows(std::mt19937& g) {
  std::string out;
  const int groups = num(g, 0, 3);
  for (int i = 0; i < groups; ++i) {
    std::string grp = std::to_string(num(g, 1, 3)) + " rows level = " + pick(g, {"low", "mid", "high"});
    if (num(g, 0, 1)) grp += " and flag = true";
    const int tag = num(g, 0, 2);
    if (tag == 1) grp += " and tag = \"a\"";
    if (tag == 2) grp += " and tag = \"b\"";
    out += (out.empty() ? "" : ", ") + grp;
  }
  return out.empty() ? "0 rows" : out;
}

std::string clause(std::mt19937& g) {
  const int lets = num(g, 2, 3);
  std::string c = "clause 1 \"generated\"\n";
  for (int i = 0; i < lets; ++i)
    c += "  let x" + std::to_string(i) + " = count items" + (num(g, 0, 4) ? " where " + condition(g, 0) : "") +
         " \"x\"\n";
  c += "  coefficient k = " + std::to_string(num(g, 1, 10)) + " \"k\"\n";
  const int shape = num(g, 0, 3);
  std::string value;
  if (shape == 0) value = "(" + linear(g, lets, false) + ") * k";
  else value = "(" + linear(g, lets, shape != 1) + ") / (" + linear(g, lets, true) + ") * k";
  const std::string lo = num(g, 0, 3) ? "0" : "-" + std::to_string(num(g, 1, 5));
  const std::string hi = num(g, 0, 1) ? "k" : std::to_string(num(g, 1, 20));
  c += "  result T = " + value + " range " + lo + ".." + hi + " round 2 \"T\"\n";
  for (int t = 0; t < 12; ++t) c += "  test \"r" + std::to_string(t) + "\"\n    items: " + rows(g) + "\n    expect T = n/a\n";
  return c + "end\n";
}

}  // namespace

TEST_CASE("range analysis property: proved results stay in range, counterexamples leave it") {
  std::mt19937 g(20240515);
  std::size_t proved = 0, leaves = 0, evaluated = 0;
  for (int n = 0; n < 300; ++n) {
    const std::string text = "act \"1\" \"generated\"\n  in_force 2024-01-01\n\n" + clause(g);
    std::vector<std::pair<std::string, std::string>> files = {{"contract.ereje", kContract}, {"gen.ereje", text}};
    auto l = load(files);
    INFO(text);
    REQUIRE_FALSE(l->diags.has_errors());
    Diagnostics diags;
    const auto rep = interp::analyse_ranges(l->rules, l->checked, diags);
    REQUIRE(rep.findings.size() == 1);
    const auto& f = rep.findings[0];
    INFO(rep.lines[0]);
    if (f.kind == interp::RangeFinding::Kind::Proved) {
      ++proved;
      for (const auto& t : f.version->clause->tests) {
        std::vector<interp::ResultRow> out;
        interp::run_test(l->rules, l->checked, *f.version, t, &out);
        for (const auto& r : out) {
          INFO(t.name << ": T = " << r.value.show());
          CHECK(r.status != interp::Status::OutOfRange);
          ++evaluated;
        }
      }
    } else if (f.kind == interp::RangeFinding::Kind::CanLeave) {
      ++leaves;
      std::string why;
      const bool ok = pasted_passes(files, f, why);
      INFO(f.test << why);
      CHECK(ok);
    }
  }
  CHECK(proved >= 30);
  CHECK(leaves >= 30);
  CHECK(evaluated >= 300);
}
