// Unit tests of the checker and of version resolution: one case per diagnostic code, each checked
// for its code, severity, position (line:column in code points), words and hint; then what must
// check cleanly: enum values on either side of a comparison, lists, the standard library on
// numbers and on dates, date arithmetic, and the real rules.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>

#include "interpreter/Checker.hpp"
#include "interpreter/RuleSet.hpp"
#include "tests/unit/Support.hpp"

using namespace ereje;
using namespace ereje::test;
namespace fs = std::filesystem;

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
  l->diags.sort();  // as the command line does: by position, the same problem reached twice once
  return l;
}

std::unique_ptr<Loaded> load(const std::string& text) { return load({{"t.ereje", text}}); }

// One act with clause 49, titles and evidence stated: `body` starts on line 7.
std::string clause_with(const std::string& body) {
  return "act \"1\" \"Test act\" in_force 2023-01-01\n"
         "\n"
         "clause 49 \"Automation\"\n"
         "  title kk \"Автоматтандыру\"\n"
         "  title ru \"Автоматизация\"\n"
         "  evidence text official, formula official\n" +
         body + "end\n";
}

std::string where(const Diagnostic& d) {
  return (d.span.valid() ? d.span.file->name : d.file) + ":" + std::to_string(d.span.line()) + ":" +
         std::to_string(d.span.column());
}


// The one diagnostic of a rule set, which must have `code`.
const Diagnostic& sole(const Loaded& l, const std::string& code) {
  INFO(render(l.diags));
  REQUIRE(l.diags.list().size() == 1);
  REQUIRE(l.diags.list()[0].code == code);
  return l.diags.list()[0];
}

// The one diagnostic with `code` among others.
const Diagnostic& one_of(const Loaded& l, const std::string& code) {
  const Diagnostic* found = nullptr;
  std::size_t n = 0;
  for (const auto& d : l.diags.list())
    if (d.code == code) { found = &d; ++n; }
  INFO(render(l.diags));
  REQUIRE(n == 1);
  return *found;
}

void clean(const Loaded& l) {
  INFO(render(l.diags));
  REQUIRE(l.diags.list().empty());
}

const ast::Clause& clause_of(const Loaded& l, const std::string& number, std::size_t version = 0) {
  const auto& vs = l.rules.clauses.at(number);
  REQUIRE(version < vs.size());
  REQUIRE(vs[version].clause);
  return *vs[version].clause;
}

const ast::Expr& let_value(const Loaded& l, const std::string& name) {
  for (const auto& l2 : clause_of(l, "49").lets)
    if (l2.name == name) return *l2.value;
  FAIL("no let " << name);
  throw;
}

interp::Type type_of(const Loaded& l, const ast::Expr& e) {
  auto it = l.checked.types.find(&e);
  REQUIRE(it != l.checked.types.end());
  return it->second;
}

// The enum binding of a bare word or string on one side of a comparison.
const interp::Binding& binding(const Loaded& l, const ast::Expr& e) {
  auto it = l.checked.bindings.find(&e);
  REQUIRE(it != l.checked.bindings.end());
  return it->second;
}

const char* const kGoodClause =
    "  let d = count services where automation = full \"fully automated\"\n"
    "  let n = count services \"all services\"\n"
    "  coefficient k = 10 \"coefficient\"\n"
    "  result T = d / n * k range 0..k \"score\"\n";

std::string act(const std::string& id, const std::string& date, const std::string& rest) {
  return "act \"" + id + "\" \"Act " + id + "\" in_force " + date + "\n\n" + rest;
}

std::string clause(const std::string& number, const std::string& extra = "") {
  return "clause " + number + " \"Automation\"\n"
         "  title kk \"Автоматтандыру\"\n"
         "  title ru \"Автоматизация\"\n"
         "  evidence text official, formula official\n" +
         extra + kGoodClause + "end\n";
}

}  // namespace

// ---- names --------------------------------------------------------------------------------------

TEST_CASE("checker: undefined-name", "[checker]") {
  auto l = load(clause_with("  let d = count services where automation = full \"x\"\n"
                            "  let n = count services \"x\"\n"
                            "  result T = d / nn * n range 0..10\n"));
  const Diagnostic& d = sole(*l, "undefined-name");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:9:18");
  CHECK(d.message == "`nn` is not defined in clause 49 (act \"1\")");
  CHECK(d.help == "did you mean `n`?");

  SECTION("inside a function: only parameters and as_of are visible") {
    auto f = load("act \"1\" \"Test act\" in_force 2023-01-01\n"
                  "function f(x) = x + y\n" +
                  clause_with("  let n = count services\n  result T = f(n) range 0..10\n").substr(39));
    const Diagnostic& e = sole(*f, "undefined-name");
    CHECK(where(e) == "t.ereje:2:21");
    CHECK(e.message == "function `f` has no parameter `y`");
    CHECK(e.help == "did you mean `x`?");
  }
  SECTION("no suggestion when nothing is close") {
    auto f = load(clause_with("  result T = completely_unknown range 0..10\n"));
    const Diagnostic& e = sole(*f, "undefined-name");
    CHECK(e.help == "define it with `let completely_unknown = …`");
  }
}

TEST_CASE("checker: undefined-function", "[checker]") {
  auto l = load(clause_with("  let d = count services \"x\"\n"
                            "  result T = shar(d, 2) range 0..10\n"));
  const Diagnostic& d = sole(*l, "undefined-function");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:8:14");
  CHECK(d.span.end - d.span.begin == 4);  // the name only
  CHECK(d.message == "no function named `shar`");
  CHECK(d.help == "did you mean `share`?");
}

TEST_CASE("checker: wrong-arguments", "[checker]") {
  auto l = load(clause_with("  let d = count services \"x\"\n"
                            "  result T = share(d) range 0..10\n"));
  const Diagnostic& d = sole(*l, "wrong-arguments");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:8:14");
  CHECK(d.span.end - d.span.begin == std::string("share(d)").size());
  CHECK(d.message == "`share` takes 2 arguments, not 1");

  auto b = load(clause_with("  let d = max objections of submitted_on\n"
                            "  result T = (d + days(1, 2) - d) / days(1) range 0..10\n"));
  const Diagnostic& e = sole(*b, "wrong-arguments");
  CHECK(where(e) == "t.ereje:8:19");
  CHECK(e.message == "`days` takes 1 argument, not 2");
}

TEST_CASE("checker: duplicate-name", "[checker]") {
  auto l = load(clause_with("  let d = count services \"x\"\n"
                            "  coefficient d = 2\n"
                            "  result T = d range 0..10\n"));
  const Diagnostic& d = one_of(*l, "duplicate-name");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:8:15");
  CHECK(d.message == "`d` is defined twice in clause 49 (act \"1\")");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].span.where() == "t.ereje:7:7");
  CHECK(d.notes[0].message == "first defined here");
  // A result and a definition may not share a name either.
  auto r = load(clause_with("  let T = count services\n  result T = T range 0..10\n"));
  CHECK(where(one_of(*r, "duplicate-name")) == "t.ereje:8:10");
}

TEST_CASE("checker: result-reference", "[checker]") {
  auto l = load(clause_with("  let n = count services \"x\"\n"
                            "  result T = n range 0..100\n"
                            "  result U = T * 2 range 0..200\n"));
  const Diagnostic& d = sole(*l, "result-reference");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:9:14");
  CHECK(d.message == "`T` is a result; formulas use definitions and coefficients");
  CHECK(has(d.help, "`let`"));
}

TEST_CASE("checker: column-outside-rows", "[checker]") {
  auto l = load(clause_with("  let n = count services \"x\"\n"
                            "  result T = n + mobile range 0..10\n"));
  const Diagnostic& d = sole(*l, "column-outside-rows");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:8:18");
  CHECK(d.message == "`mobile` is a column of table `services`; it has a value only for one row");
  CHECK(d.help == "use it inside a row condition, e.g. `count services where mobile …`");
}

TEST_CASE("checker: unused-definition is a warning", "[checker]") {
  auto l = load(clause_with("  let n = count services \"x\"\n"
                            "  let unused = count services where mobile \"never used\"\n"
                            "  coefficient spare = 3 \"never used\"\n"
                            "  result T = n range 0..10\n"));
  INFO(render(l->diags));
  REQUIRE(l->diags.list().size() == 2);
  CHECK(l->diags.error_count() == 0);
  const Diagnostic& a = l->diags.list()[0];
  CHECK(a.code == "unused-definition");
  CHECK(a.severity == Severity::Warning);
  CHECK(where(a) == "t.ereje:8:7");
  CHECK(a.message == "definition `unused` of clause 49 (act \"1\") is not used by any result");
  const Diagnostic& b = l->diags.list()[1];
  CHECK(b.code == "unused-definition");
  CHECK(b.severity == Severity::Warning);
  CHECK(where(b) == "t.ereje:9:15");
  CHECK(b.message == "coefficient `spare` of clause 49 (act \"1\") is not used");

  SECTION("used through another definition, through a range, or by an obligation counts as used") {
    auto u = load(clause_with("  let a = count services\n"
                              "  let b = a * 2\n"
                              "  coefficient k = 10\n"
                              "  coefficient half = k / 2\n"
                              "  let deadline = single schedule of ends_on where stage = \"objections_review\"\n"
                              "  result T = b range 0..half\n"
                              "  obligation late over objections breach when submitted_on > deadline\n"));
    clean(*u);
  }
}

TEST_CASE("checker: cycle", "[checker]") {
  SECTION("among definitions") {
    auto l = load(clause_with("  let a = b + 1 \"x\"\n"
                              "  let b = a * 2 \"y\"\n"
                              "  result T = a range 0..10\n"));
    const Diagnostic& d = sole(*l, "cycle");
    CHECK(d.severity == Severity::Error);
    CHECK(where(d) == "t.ereje:7:7");
    CHECK(d.message == "definitions depend on each other: a -> b -> a");
    CHECK(has(d.help, "cannot use itself"));
  }
  SECTION("a coefficient on itself") {
    auto l = load(clause_with("  coefficient k = k + 1\n"
                              "  let n = count services\n"
                              "  result T = n range 0..k\n"));
    const Diagnostic& d = sole(*l, "cycle");
    CHECK(where(d) == "t.ereje:7:15");
    CHECK(d.message == "coefficient `k` depends on itself");
  }
  SECTION("a recursive function") {
    auto l = load("act \"1\" \"Test act\" in_force 2023-01-01\n"
                  "function f(x) = f(x)\n" +
                  clause_with("  let n = count services\n  result T = f(n) range 0..10\n").substr(39));
    const Diagnostic& d = sole(*l, "cycle");
    CHECK(where(d) == "t.ereje:2:17");
    CHECK(d.message == "function `f` calls itself");
    CHECK(d.help == "functions cannot be recursive");
  }
}

TEST_CASE("checker: not-constant", "[checker]") {
  auto l = load(clause_with("  let n = count services \"x\"\n"
                            "  coefficient k = n * 2 \"bad\"\n"
                            "  result T = n range 0..k\n"));
  const Diagnostic& d = sole(*l, "not-constant");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:8:19");
  CHECK(d.message == "`n` is not a constant: coefficients and ranges use numbers and other coefficients only");

  auto agg = load(clause_with("  coefficient k = count services\n  result T = k range 0..10\n"));
  const Diagnostic& a = sole(*agg, "not-constant");
  CHECK(where(a) == "t.ereje:7:19");
  CHECK(has(a.message, "`count` is not a constant"));

  auto bound = load(clause_with("  let n = count services\n  result T = n range 0..n\n"));
  CHECK(where(sole(*bound, "not-constant")) == "t.ereje:8:25");
  auto as_of = load(clause_with("  let n = count services\n  coefficient c = as_of\n  result T = n range 0..10\n"));
  CHECK(where(one_of(*as_of, "not-constant")) == "t.ereje:8:19");
}

// ---- tables, columns, values --------------------------------------------------------------------

TEST_CASE("checker: unknown-table", "[checker]") {
  auto l = load(clause_with("  let n = count servces \"x\"\n"
                            "  result T = n range 0..10\n"));
  const Diagnostic& d = sole(*l, "unknown-table");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:7:17");
  CHECK(d.span.end - d.span.begin == 7);
  CHECK(d.message == "unknown table `servces`");
  CHECK(d.help == "did you mean `services`?");

  auto far = load(clause_with("  let n = count zzzzzzzzzz\n  result T = n range 0..10\n"));
  CHECK(sole(*far, "unknown-table").help == "the tables are agencies, services, objections and schedule");
  auto ob = load(clause_with("  let n = count services\n  result T = n range 0..10\n"
                             "  obligation late over objectoins breach when true\n"));
  CHECK(where(sole(*ob, "unknown-table")) == "t.ereje:9:24");
}

TEST_CASE("checker: a name in a filter that is no column says so, with the nearest column", "[checker]") {
  auto l = load(clause_with("  let n = count services where mobil \"x\"\n"
                            "  result T = n range 0..10\n"));
  const Diagnostic& d = sole(*l, "not-a-column");
  CHECK(where(d) == "t.ereje:7:32");
  CHECK(d.message == "`mobil` is not a column of table `services`");
  CHECK(d.help == "did you mean `mobile`?");
  // Far from every column: the columns are listed, and a new one is declared in the contract.
  auto far = load(clause_with("  let n = count services where proactive \"x\"\n"
                              "  result T = n range 0..10\n"));
  const Diagnostic& f = sole(*far, "not-a-column");
  CHECK(f.help.rfind("its columns are agency_id, service_id, parent_id, automation, portal_excluded, mobile, subtype, main", 0) == 0);
  CHECK(has(f.help, "`column proactive TYPE"));
}

TEST_CASE("checker: a table's key and body column, each problem reported once with its fix", "[checker][contract]") {
  struct Case {
    const char* table;  // a table declaration (after the contract of rules/data)
    const char* code;
    const char* where;
    const char* message;
  };
  // A derived column's type is known only once the checker has typed its expression: the key and
  // body-column checks have nothing to say about it, so `contract-derived-column` is the only error.
  // Two key columns swapped: the fix names the body column, then the other one.
  const Case cases[] = {
      {"table stages \"the stages\"\n"
       "  key code\n"
       "  column stage text \"the stage\"\n"
       "  derived code = stage \"the stage as a code\"\n"
       "end\n",
       "contract-derived-column", "t.ereje:2:7",
       "the key column `code` is a derived column; it must be a column the data file gives"},
      {"table visits \"visits\"\n"
       "  per body by who\n"
       "  key visit_id\n"
       "  column visit_id text \"the visit\"\n"
       "  column agency_id text \"the body\"\n"
       "  derived who = agency_id \"the body again\"\n"
       "end\n",
       "contract-derived-column", "t.ereje:2:3",
       "the body column `who` is a derived column; it must be a column the data file gives"},
      {"table answers \"answers\"\n"
       "  per body by agency_id\n"
       "  key answer_id, agency_id\n"
       "  column agency_id text \"the body\"\n"
       "  column answer_id text \"the answer\"\n"
       "end\n",
       "contract-key", "t.ereje:3:7",
       "a key of two columns starts with the body column: write `key agency_id, answer_id`"},
  };
  for (const Case& c : cases) {
    auto l = load(c.table);
    const Diagnostic& d = sole(*l, c.code);
    CHECK(where(d) == c.where);
    CHECK(d.message == c.message);
  }
}

TEST_CASE("checker: unknown-value", "[checker]") {
  SECTION("column first") {
    auto l = load(clause_with("  let n = count services where automation = partly \"x\"\n"
                              "  result T = n range 0..10\n"));
    const Diagnostic& d = sole(*l, "unknown-value");
    CHECK(d.severity == Severity::Error);
    CHECK(where(d) == "t.ereje:7:45");
    CHECK(d.message == "`partly` is not a value of column `automation`");
    CHECK(d.help == "did you mean `partial`?");
    CHECK(d.fix == "partial");  // the editor's quick fix
  }
  SECTION("value first") {
    auto l = load(clause_with("  let n = count services where partly = automation \"x\"\n"
                              "  result T = n range 0..10\n"));
    const Diagnostic& d = sole(*l, "unknown-value");
    CHECK(where(d) == "t.ereje:7:32");
    CHECK(d.help == "did you mean `partial`?");
  }
  SECTION("in a list, and as a string") {
    auto l = load(clause_with("  let n = count services where automation in [partial, ful] \"x\"\n"
                              "  let m = count services where automation = \"Full\"\n"
                              "  result T = n + m range 0..10\n"));
    INFO(render(l->diags));
    REQUIRE(l->diags.list().size() == 2);
    CHECK(where(l->diags.list()[0]) == "t.ereje:7:56");
    CHECK(l->diags.list()[0].help == "did you mean `full`?");
    CHECK(where(l->diags.list()[1]) == "t.ereje:8:45");
    CHECK(l->diags.list()[1].message == "`Full` is not a value of column `automation`");
    CHECK(l->diags.list()[0].fix == "full");
    CHECK(l->diags.list()[1].fix == "\"full\"");  // a string stays a string
  }
  SECTION("no suggestion lists the values") {
    auto l = load(clause_with("  let n = count services where automation = qqqqqqq\n  result T = n range 0..10\n"));
    CHECK(sole(*l, "unknown-value").help == "its values are none, partial, full");
    CHECK(sole(*l, "unknown-value").fix.empty());
  }
  SECTION("in a test's rows") {
    auto l = load(clause_with(std::string(kGoodClause) +
                              "  test \"t\"\n"
                              "    services: 1 row automation = ful\n"
                              "    expect T = 10\n"));
    const Diagnostic& d = sole(*l, "unknown-value");
    CHECK(where(d) == "t.ereje:12:34");
    CHECK(d.help == "did you mean `full`?");
    CHECK(d.fix == "full");
  }
}

TEST_CASE("checker: count-of and missing-of", "[checker]") {
  auto c = load(clause_with("  let n = count services of mobile \"x\"\n"
                            "  result T = n range 0..10\n"));
  const Diagnostic& d = sole(*c, "count-of");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:7:29");
  CHECK(d.message == "`count` counts rows and takes no `of`");
  CHECK(d.help == "remove `of …`");

  auto m = load(clause_with("  let n = sum services where mobile \"x\"\n"
                            "  result T = n range 0..10\n"));
  const Diagnostic& e = sole(*m, "missing-of");
  CHECK(e.severity == Severity::Error);
  CHECK(where(e) == "t.ereje:7:11");
  CHECK(e.message == "`sum` needs `of` and the value to aggregate, e.g. `sum services of COLUMN`");
}

TEST_CASE("checker: nested-aggregate", "[checker]") {
  auto l = load(clause_with("  let n = count services where (count services) > 1 \"x\"\n"
                            "  result T = n range 0..10\n"));
  const Diagnostic& d = sole(*l, "nested-aggregate");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:7:33");
  CHECK(d.message == "an aggregate cannot be used inside a row condition");
  CHECK(has(d.help, "`let`"));
}

TEST_CASE("checker: aggregate-in-function", "[checker]") {
  auto l = load("act \"1\" \"Test act\" in_force 2023-01-01\n"
                "\n"
                "function f(x) = count services\n" +
                clause_with("  let n = count services \"x\"\n  result T = f(n) range 0..10\n").substr(40));
  const Diagnostic& d = sole(*l, "aggregate-in-function");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:3:17");
  CHECK(d.message == "functions cannot read tables");
  CHECK(d.help == "pass the aggregate in as an argument");
}

TEST_CASE("checker: not-per-body", "[checker]") {
  auto l = load(clause_with("  let n = count services \"x\"\n"
                            "  result T = n range 0..10\n"
                            "  obligation late over schedule breach when ends_on > as_of \"x\"\n"));
  const Diagnostic& d = sole(*l, "not-per-body");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:9:24");
  CHECK(d.message == "an obligation checks the rows of one body; table `schedule` does not belong to a body");
}

TEST_CASE("checker: missing-range", "[checker]") {
  auto l = load(clause_with("  let n = count services \"x\"\n"
                            "  result T = n\n"));
  const Diagnostic& d = sole(*l, "missing-range");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:8:10");
  CHECK(d.message == "result `T` of clause 49 (act \"1\") has no declared range");
  CHECK(d.help == "add the range the law allows, e.g. `range 0..k`");
}

// ---- types --------------------------------------------------------------------------------------

TEST_CASE("checker: type-mismatch", "[checker]") {
  struct Case {
    std::string body, where, message;
  };
  const std::vector<Case> cases = {
      {"  let n = count services \"x\"\n  let due = max objections of submitted_on \"y\"\n  result T = due + n range 0..10\n",
       "t.ereje:9:14", "cannot add a number to a date"},
      {"  let n = count services where automation \"x\"\n  result T = n range 0..10\n", "t.ereje:7:32",
       "the condition after `where` must be true or false, not text"},
      {"  result T = as_of range 0..1\n", "t.ereje:7:14", "result `T` must be a number, but this is a date"},
      {"  coefficient k = true\n  let n = count services\n  result T = if k then n else 0 range 0..10\n", "t.ereje:7:19",
       "coefficient `k` must be a number, not true/false"},
      {"  let n = count services\n  result T = n range 0..true\n", "t.ereje:8:25", "a range bound must be a number, not true/false"},
      {"  let a = min objections of submitted_on\n  let b = max objections of submitted_on\n"
       "  result T = if b - a > 10 then 1 else 0 range 0..1\n",
       "t.ereje:9:17", "cannot compare a number of days with a number"},
      {"  let a = min objections of submitted_on\n  let b = max objections of submitted_on\n"
       "  result T = (a + b - a) / days(1) range 0..1\n",
       "t.ereje:9:15", "cannot add a date to a date"},
      {"  let a = min objections of submitted_on\n  result T = (a - 3 - a) / days(1) range 0..1\n", "t.ereje:8:15",
       "cannot subtract a number from a date"},
      {"  let a = min objections of submitted_on\n  result T = a * 2 range 0..1\n", "t.ereje:8:14",
       "cannot multiply a date by a number"},
      {"  let n = count services\n  result T = if not n then 1 else 0 range 0..1\n", "t.ereje:8:17",
       "`not` needs a condition (true/false), not a number"},
      {"  let n = count services where service_id < \"S2\"\n  result T = n range 0..10\n", "t.ereje:7:32",
       "`<` orders numbers, dates and day counts, not text"},
      {"  let n = count services where service_id = 5\n  result T = n range 0..10\n", "t.ereje:7:32",
       "cannot compare text with a number"},
      {"  let n = count services where mobile and 1\n  result T = n range 0..10\n", "t.ereje:7:32",
       "`and` joins conditions (true/false), not a number"},
      {"  let n = count services where mobile in [1]\n  result T = n range 0..10\n", "t.ereje:7:43",
       "the list holds a number, but the value is true/false"},
      {"  result T = if true then 1 else as_of range 0..1\n", "t.ereje:7:14",
       "the branches of `if` differ: a number and a date"},
      {"  result T = if 1 then 1 else 0 range 0..1\n", "t.ereje:7:17",
       "the condition of `if` must be true or false, not a number"},
      {"  result T = year(5) range 0..3000\n", "t.ereje:7:19", "`year` needs a date here, not a number"},
      {"  let n = count services\n  result T = round(n, n) range 0..10\n", "t.ereje:8:23",
       "the number of decimals of `round` must be a whole number from 0 to 18, written out"},
      {"  let s = sum services of service_id\n  result T = s range 0..10\n", "t.ereje:7:27",
       "`sum` adds up numbers or day counts, not text"},
      {"  let s = max services of mobile\n  result T = s range 0..10\n", "t.ereje:7:27",
       "`max` compares numbers, dates or day counts, not true/false"},
      {"  let n = count services\n  obligation late over objections breach when submitted_on\n  result T = n range 0..10\n",
       "t.ereje:8:47", "the breach condition must be true or false, but this is a date"},
  };
  for (const auto& c : cases) {
    auto l = load(clause_with(c.body));
    INFO("body:\n" << c.body);
    const Diagnostic& d = sole(*l, "type-mismatch");
    CHECK(d.severity == Severity::Error);
    CHECK(where(d) == c.where);
    CHECK(d.message == c.message);
  }

  SECTION("the hint for a date plus a number") {
    auto l = load(clause_with("  let due = max objections of submitted_on\n  result T = (due + 3 - due) / days(1) range 0..10\n"));
    CHECK(sole(*l, "type-mismatch").help == "to move a date by a number of days write `days(n)`: `d + days(3)`");
  }
  SECTION("values in a test's rows") {
    auto l = load(clause_with(std::string(kGoodClause) +
                              "  test \"t\"\n"
                              "    services: 1 row mobile = 1 and service_id = S1 and automation = 3\n"
                              "    objections: 1 row submitted_on = \"2023-01-01\"\n"
                              "    expect T = 10\n"));
    INFO(render(l->diags));
    REQUIRE(l->diags.list().size() == 4);
    std::vector<std::string> got;
    for (const auto& d : l->diags.list()) got.push_back(where(d) + " " + d.code + " " + d.message);
    CHECK(got == std::vector<std::string>{
                     "t.ereje:12:30 type-mismatch column `mobile` takes true or false",
                     "t.ereje:12:49 type-mismatch column `service_id` takes text in double quotes",
                     "t.ereje:12:69 type-mismatch column `automation` takes one of: none, partial, full",
                     "t.ereje:13:38 type-mismatch column `submitted_on` takes a date such as 2023-10-15",
                 });
  }
}

// ---- clauses and evidence -----------------------------------------------------------------------

TEST_CASE("checker: duplicate-evidence", "[checker]") {
  auto l = load(clause_with("  evidence text seed\n" + std::string(kGoodClause)));
  const Diagnostic& d = sole(*l, "duplicate-evidence");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:7:12");
  CHECK(d.message == "the evidence for the text is stated twice");
}

TEST_CASE("checker: missing-evidence and missing-title are warnings", "[checker]") {
  auto none = load("act \"1\" \"Test act\" in_force 2023-01-01\n\nclause 49 \"X\"\n" + std::string(kGoodClause) + "end\n");
  INFO(render(none->diags));
  REQUIRE(none->diags.list().size() == 2);
  CHECK(none->diags.error_count() == 0);
  const Diagnostic& e = one_of(*none, "missing-evidence");
  CHECK(e.severity == Severity::Warning);
  CHECK(where(e) == "t.ereje:3:8");
  CHECK(e.message == "clause 49 (act \"1\") does not state its evidence");
  const Diagnostic& t = one_of(*none, "missing-title");
  CHECK(t.severity == Severity::Warning);
  CHECK(where(t) == "t.ereje:3:8");
  CHECK(t.message == "clause 49 (act \"1\") lacks its Kazakh and Russian titles");

  auto no_text = load("act \"1\" \"T\" in_force 2023-01-01\nclause 49\n  title kk \"Қ\"\n  evidence formula seed\n" +
                      std::string(kGoodClause) + "end\n");
  INFO(render(no_text->diags));
  REQUIRE(no_text->diags.list().size() == 2);
  CHECK(one_of(*no_text, "missing-evidence").message == "clause 49 (act \"1\") does not state the evidence for its text");
  CHECK(one_of(*no_text, "missing-title").message == "clause 49 (act \"1\") lacks its Russian title");
  auto no_kk = load("act \"1\" \"T\" in_force 2023-01-01\nclause 49\n  title ru \"Р\"\n  evidence text seed\n" +
                    std::string(kGoodClause) + "end\n");
  CHECK(sole(*no_kk, "missing-title").message == "clause 49 (act \"1\") lacks its Kazakh title");
}

// ---- tests inside clauses -----------------------------------------------------------------------

TEST_CASE("checker: the tables and expectations of rule-file tests", "[checker]") {
  auto with_test = [](const std::string& test_lines) {
    return load(clause_with(std::string(kGoodClause) + "  test \"t\"\n" + test_lines));
  };
  SECTION("duplicate-test-table") {
    auto l = with_test("    services: 1 row automation = full\n    services: 1 row automation = none\n    expect T = 10\n");
    const Diagnostic& d = sole(*l, "duplicate-test-table");
    CHECK(d.severity == Severity::Error);
    CHECK(where(d) == "t.ereje:13:5");
    CHECK(d.message == "table `services` is given twice in this test");
  }
  SECTION("derived-column") {
    auto l = with_test("    services: 1 row automation = full and subtype = true, 1 row main = false\n    expect T = 10\n");
    INFO(render(l->diags));
    REQUIRE(l->diags.list().size() == 2);
    const Diagnostic& d = l->diags.list()[0];
    CHECK(d.code == "derived-column");
    CHECK(d.severity == Severity::Error);
    CHECK(where(d) == "t.ereje:12:43");
    CHECK(d.message == "`subtype` is worked out from parent_id and cannot be set");
    CHECK(d.help == "set `parent_id` instead");
    CHECK(l->diags.list()[1].code == "derived-column");
    CHECK(where(l->diags.list()[1]) == "t.ereje:12:65");
  }
  SECTION("duplicate-assignment") {
    auto l = with_test("    services: 1 row automation = full and automation = none\n    expect T = 10\n");
    const Diagnostic& d = sole(*l, "duplicate-assignment");
    CHECK(where(d) == "t.ereje:12:43");
    CHECK(d.message == "column `automation` is set twice in these rows");
  }
  SECTION("unknown-column") {
    auto l = with_test("    services: 1 row automaton = full\n    expect T = 10\n");
    const Diagnostic& d = sole(*l, "unknown-column");
    CHECK(d.severity == Severity::Error);
    CHECK(where(d) == "t.ereje:12:21");
    CHECK(d.message == "table `services` has no column `automaton`");
    CHECK(d.help == "did you mean `automation`?");
    auto far = with_test("    schedule: 1 row zzzzzzzz = 1\n    expect T = 10\n");
    CHECK(sole(*far, "unknown-column").help == "its columns are stage, starts_on, ends_on");
  }
  SECTION("unknown table in a test") {
    auto l = with_test("    service: 1 row automation = full\n    expect T = 10\n");
    const Diagnostic& d = sole(*l, "unknown-table");
    CHECK(where(d) == "t.ereje:12:5");
    CHECK(d.help == "did you mean `services`?");
  }
  SECTION("unknown-result") {
    auto l = with_test("    services: 1 row automation = full\n    expect Q = 10\n");
    const Diagnostic& d = sole(*l, "unknown-result");
    CHECK(d.severity == Severity::Error);
    CHECK(where(d) == "t.ereje:13:12");
    CHECK(d.message == "clause 49 (act \"1\") has no result `Q`");
    CHECK(d.help == "did you mean `T`?");
  }
  SECTION("bad-expectation") {
    auto l = with_test("    services: 1 row automation = full\n    expect T = d\n    expect T = 1 + 2\n    expect T = -3\n    expect T = n/a\n");
    INFO(render(l->diags));
    REQUIRE(l->diags.list().size() == 2);
    CHECK(l->diags.list()[0].code == "bad-expectation");
    CHECK(where(l->diags.list()[0]) == "t.ereje:13:16");
    CHECK(l->diags.list()[0].message == "an expected value is a number such as 7.00, or n/a");
    CHECK(where(l->diags.list()[1]) == "t.ereje:14:16");
  }
}

// ---- versions (the resolver) --------------------------------------------------------------------

TEST_CASE("resolver: act-without-date", "[checker][versions]") {
  auto l = load("act \"1\" \"No date\"\n\n" + clause("49"));
  const Diagnostic& d = sole(*l, "act-without-date");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:1:1");
  CHECK(d.message == "act \"1\" has no in-force date");
  CHECK(d.help == "add `in_force YYYY-MM-DD` after the act's title");
}

TEST_CASE("resolver: clause-outside-act", "[checker][versions]") {
  auto l = load(clause("49"));
  const Diagnostic& d = sole(*l, "clause-outside-act");
  CHECK(where(d) == "t.ereje:1:8");
  CHECK(d.message == "clause 49 is not inside an act");
  CHECK(has(d.help, "act \"NUMBER\""));
  auto r = load("repeals 52 \"x\"\n");
  const Diagnostic& e = sole(*r, "clause-outside-act");
  CHECK(where(e) == "t.ereje:1:1");
  CHECK(e.message == "a repeal must belong to an act");
  CHECK(l->rules.clauses.empty());
}

TEST_CASE("resolver: duplicate-act", "[checker][versions]") {
  auto l = load({{"a.ereje", act("1", "2023-01-01", clause("49"))}, {"b.ereje", act("1", "2024-01-01", "")}});
  const Diagnostic& d = sole(*l, "duplicate-act");
  CHECK(where(d) == "b.ereje:1:1");
  CHECK(d.message == "act \"1\" is declared in two files");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].span.where() == "a.ereje:1:1");
}

TEST_CASE("resolver: nothing-to-repeal", "[checker][versions]") {
  auto l = load(act("1", "2023-01-01", "repeals 52 \"never existed\"\n"));
  const Diagnostic& d = sole(*l, "nothing-to-repeal");
  CHECK(where(d) == "t.ereje:3:1");
  CHECK(d.message == "clause 52 is repealed, but no version of it is on file");

  auto twice = load({{"a.ereje", act("1", "2023-01-01", clause("49"))},
                     {"b.ereje", act("2", "2024-01-01", "repeals 49\n")},
                     {"c.ereje", act("3", "2025-01-01", "repeals 49\n")}});
  const Diagnostic& e = sole(*twice, "nothing-to-repeal");
  CHECK(where(e) == "c.ereje:3:1");
  CHECK(e.message == "clause 49 is repealed twice");
  CHECK(e.notes.at(0).span.where() == "b.ereje:3:1");
}

TEST_CASE("resolver: nothing-to-replace", "[checker][versions]") {
  auto l = load(act("1", "2023-01-01", clause("49", "  replaces 49\n")));
  const Diagnostic& d = sole(*l, "nothing-to-replace");
  CHECK(where(d) == "t.ereje:7:3");
  CHECK(d.message == "clause 49 replaces an earlier version, but none is on file");
}

TEST_CASE("resolver: replaces-other", "[checker][versions]") {
  auto l = load({{"a.ereje", act("1", "2023-01-01", clause("49"))},
                 {"b.ereje", act("2", "2024-01-01", clause("49", "  replaces 50\n"))}});
  const Diagnostic& d = sole(*l, "replaces-other");
  CHECK(where(d) == "b.ereje:7:3");
  CHECK(d.message == "clause 49 says it replaces clause 50");
  CHECK(d.help == "a new wording keeps its number: write `replaces 49`");
}

TEST_CASE("resolver: overlapping-versions", "[checker][versions]") {
  SECTION("the same day") {
    auto l = load({{"a.ereje", act("1", "2023-01-01", clause("49"))},
                   {"b.ereje", act("2", "2023-01-01", clause("49", "  replaces 49\n"))}});
    const Diagnostic& d = sole(*l, "overlapping-versions");
    CHECK(where(d) == "b.ereje:3:8");
    CHECK(d.message == "two versions of clause 49 are in force from the same day, 2023-01-01");
    CHECK(d.notes.at(0).span.where() == "a.ereje:3:8");
  }
  SECTION("a later version that does not say what it replaces") {
    auto l = load({{"a.ereje", act("1", "2023-01-01", clause("49"))},
                   {"b.ereje", act("2", "2024-01-01", clause("49"))}});
    const Diagnostic& d = sole(*l, "overlapping-versions");
    CHECK(where(d) == "b.ereje:3:8");
    CHECK(d.message ==
          "clause 49 is already in force from 2023-01-01 (act \"1\"); a later version must say what it replaces");
    CHECK(d.help == "add `replaces 49` to the new wording");
  }
  SECTION("a clause's own date decides, not its act's") {
    auto l = load({{"a.ereje", act("1", "2023-01-01", clause("49"))},
                   {"b.ereje", act("2", "2024-01-01", clause("49", "  replaces 49\n  in_force 2023-01-01\n"))}});
    CHECK(sole(*l, "overlapping-versions").message ==
          "two versions of clause 49 are in force from the same day, 2023-01-01");
  }
}

TEST_CASE("resolver: version-gap", "[checker][versions]") {
  auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.ereje", act("1", "2023-01-01", clause("49"))},
      {"b.ereje", act("2", "2024-01-01", "repeals 49 \"repealed\"\n")},
      {"c.ereje", act("3", "2025-01-01", clause("49", "  replaces 49\n"))}};
  auto l = load(files);
  const Diagnostic& d = sole(*l, "version-gap");
  CHECK(where(d) == "c.ereje:7:3");
  CHECK(d.message ==
        "clause 49 replaces a version that was repealed on 2024-01-01: it was not in force from then until 2025-01-01");
  CHECK(d.notes.at(0).span.where() == "b.ereje:3:1");
  // Re-enacting without `replaces` is how a repealed clause comes back.
  files[2].second = act("3", "2025-01-01", clause("49"));
  auto back = load(files);
  clean(*back);
  REQUIRE(back->rules.clauses.at("49").size() == 3);
  CHECK(back->rules.in_force("49", *parse_date("2024-06-01")) == nullptr);
  CHECK(back->rules.in_force("49", *parse_date("2025-01-01")) == &back->rules.clauses.at("49")[2]);
}

TEST_CASE("resolver: duplicate-function", "[checker][versions]") {
  auto l = load("function share(a, b) = a / b\n");
  const Diagnostic& d = sole(*l, "duplicate-function");
  CHECK(where(d) == "t.ereje:1:10");
  CHECK(d.message == "function `share` is defined twice");
  CHECK(d.notes.at(0).span.where() == "<stdlib>/prelude.ereje:8:10");
}

TEST_CASE("rule set: missing paths and empty folders", "[checker][versions]") {
  TempDir dir;
  Diagnostics ds;
  interp::load_rules({(dir.path / "nowhere").string(), dir.path.string()}, ds);
  REQUIRE(ds.list().size() == 2);
  CHECK(ds.list()[0].code == "no-such-path");
  CHECK(ds.list()[0].file == (dir.path / "nowhere").string());
  CHECK(ds.list()[1].code == "no-rules");
  CHECK(ds.list()[1].file == dir.path.string());
}

TEST_CASE("resolver: reserved-name", "[checker][versions]") {
  auto l = load("function round(x) = x\n");
  const Diagnostic& d = sole(*l, "reserved-name");
  CHECK(d.severity == Severity::Error);
  CHECK(where(d) == "t.ereje:1:10");
  CHECK(d.message == "`round` is a built-in function and cannot be redefined");
  CHECK(l->rules.functions.count("round") == 0);
  for (const char* name : {"missing", "days", "year", "month", "day"}) {
    auto m = load(std::string("function ") + name + "(x) = x\n");
    INFO(name);
    CHECK(sole(*m, "reserved-name").message == std::string("`") + name + "` is a built-in function and cannot be redefined");
  }
}

TEST_CASE("rule set: too-many-clauses", "[checker][versions][limits]") {
  std::string text = "act \"1\" \"T\" in_force 2023-01-01\n";
  for (int i = 1; i <= 10001; ++i) text += "clause " + std::to_string(i) + "\nend\n";
  Diagnostics ds;
  interp::RuleSet rules = interp::load_rules_from_text({{"big.ereje", text}}, ds);
  std::vector<const Diagnostic*> over;
  for (const auto& d : ds.list())
    if (d.code == "too-many-clauses") over.push_back(&d);
  REQUIRE(over.size() == 1);
  CHECK(over[0]->severity == Severity::Error);
  CHECK(over[0]->span.where() == "big.ereje:20002:8");  // clause 10001
  CHECK(over[0]->message == "more than 10000 clauses in the rule set, the limit");
  CHECK(rules.clauses.size() == 10000);
  CHECK(rules.clauses.count("10001") == 0);
}

TEST_CASE("checker: a column of another table", "[checker]") {
  auto l = load(clause_with("  let n = count services where submitted_on > 2023-01-01\n"
                            "  result T = n range 0..10\n"));
  const Diagnostic& d = sole(*l, "column-outside-rows");
  CHECK(where(d) == "t.ereje:7:32");
  CHECK(d.message == "`submitted_on` is a column of table `objections`, not of `services`");
  CHECK(has(d.help, "these rows come from `services`"));
}

TEST_CASE("checker: function bodies are checked even when no clause calls them", "[checker]") {
  auto l = load("function g(x) = nope(x) + y\nfunction h(x) = count services\n");
  INFO(render(l->diags));
  REQUIRE(l->diags.list().size() == 3);
  CHECK(l->diags.list()[0].code == "undefined-function");
  CHECK(where(l->diags.list()[0]) == "t.ereje:1:17");
  CHECK(l->diags.list()[0].message == "no function named `nope`");
  CHECK(l->diags.list()[1].code == "undefined-name");
  CHECK(where(l->diags.list()[1]) == "t.ereje:1:27");
  CHECK(l->diags.list()[1].message == "function `g` has no parameter `y`");
  CHECK(l->diags.list()[2].code == "aggregate-in-function");
  CHECK(where(l->diags.list()[2]) == "t.ereje:2:17");
}

TEST_CASE("checker: too-deep, a long chain of definitions", "[checker][limits]") {
  std::string body = "  let a0 = count services\n";
  for (int i = 1; i <= 600; ++i) body += "  let a" + std::to_string(i) + " = a" + std::to_string(i - 1) + " + 1\n";
  body += "  result T = a600 range 0..100000\n";
  auto l = load(clause_with(body));
  const Diagnostic& d = sole(*l, "too-deep");
  CHECK(d.severity == Severity::Error);
  CHECK(d.message == "formula nested too deeply through definitions and function calls: more than 1000 levels, the limit");
  CHECK(has(d.help, "shorten the chain"));
  // A chain of a hundred is fine.
  std::string short_body = "  let a0 = count services\n";
  for (int i = 1; i <= 100; ++i) short_body += "  let a" + std::to_string(i) + " = a" + std::to_string(i - 1) + " + 1\n";
  short_body += "  result T = a100 range 0..100000\n";
  clean(*load(clause_with(short_body)));
}

TEST_CASE("checker: too-large, functions that multiply the work", "[checker][limits]") {
  std::string text = "act \"1\" \"Test act\" in_force 2023-01-01\nfunction f0(x) = x + 1\n";
  for (int i = 1; i <= 24; ++i)
    text += "function f" + std::to_string(i) + "(x) = f" + std::to_string(i - 1) + "(x) + f" + std::to_string(i - 1) + "(x)\n";
  text += clause_with("  let n = count services\n  result T = f24(n) range 0..100000\n").substr(39);
  auto l = load(text);
  const Diagnostic& d = sole(*l, "too-large");
  CHECK(d.severity == Severity::Error);
  CHECK(d.message ==
        "formulas of clause 49 (act \"1\") expand to more than 1000000 operations once every function call is "
        "replaced by its body, the limit");
}

// ---- what checks cleanly ------------------------------------------------------------------------

TEST_CASE("checker: enum values resolve on either side of a comparison and in lists", "[checker]") {
  auto k = load(clause_with("  let a = count services where automation = full\n"
                            "  let b = count services where full = automation\n"
                            "  let c = count services where automation in [partial, full]\n"
                            "  let d = count services where automation != \"none\"\n"
                            "  result T = a + b + c + d range 0..1000\n"));
  clean(*k);
  auto filter = [&](const std::string& name) -> const ast::Expr& {
    return *std::get<ast::Aggregate>(let_value(*k, name).node).filter;
  };
  const auto& eq_a = std::get<ast::Binary>(filter("a").node);
  const interp::Binding& full_a = binding(*k, *eq_a.rhs);
  CHECK(full_a.kind == interp::Binding::Kind::EnumValue);
  CHECK(full_a.text == "full");
  CHECK(full_a.code == 2);
  CHECK(binding(*k, *eq_a.lhs).kind == interp::Binding::Kind::Column);

  const auto& eq_b = std::get<ast::Binary>(filter("b").node);
  const interp::Binding& full_b = binding(*k, *eq_b.lhs);
  CHECK(full_b.kind == interp::Binding::Kind::EnumValue);
  CHECK(full_b.code == 2);
  CHECK(binding(*k, *eq_b.rhs).kind == interp::Binding::Kind::Column);

  const auto& in = std::get<ast::InList>(filter("c").node);
  REQUIRE(in.items.size() == 2);
  CHECK(binding(*k, *in.items[0]).text == "partial");
  CHECK(binding(*k, *in.items[0]).code == 1);
  CHECK(binding(*k, *in.items[1]).code == 2);

  const auto& ne = std::get<ast::Binary>(filter("d").node);
  CHECK(binding(*k, *ne.rhs).kind == interp::Binding::Kind::EnumValue);
  CHECK(binding(*k, *ne.rhs).code == 0);

  CHECK(type_of(*k, filter("a")) == interp::Type::Bool);
  CHECK(type_of(*k, filter("c")) == interp::Type::Bool);
  CHECK(k->checked.tables_used == std::set<std::string>{"services"});
}

TEST_CASE("checker: the standard library on numbers and on dates", "[checker]") {
  auto l = load(clause_with(
      "  let a = count services where automation = full\n"
      "  let n = count services\n"
      "  let numbers = max(a, n) + min(a, n) + clamp(a, 0, 10) + share(a, n) + percent(a, n) + round(share(a, n), 2)\n"
      "  let first = min objections of submitted_on\n"
      "  let deadline = single schedule of ends_on where stage = \"objections_review\"\n"
      "  let earliest = min(first, deadline)\n"
      "  let latest = max(first, deadline)\n"
      "  let bounded = clamp(first, deadline, deadline + days(30))\n"
      "  let moved = add_days(first, 7)\n"
      "  let gap = days_between(first, deadline)\n"
      "  let late = is_late(first, deadline)\n"
      "  let shortest = min(gap, days(3))\n"
      "  result T = numbers + (if late then gap / days(1) else shortest / days(1)) + year(earliest) - month(latest)"
      " + day(bounded) + (moved - first) / days(1) range 0..100000\n"));
  clean(*l);
  using interp::Type;
  CHECK(type_of(*l, let_value(*l, "numbers")) == Type::Number);
  CHECK(type_of(*l, let_value(*l, "earliest")) == Type::Date);  // min of two dates is a date
  CHECK(type_of(*l, let_value(*l, "latest")) == Type::Date);
  CHECK(type_of(*l, let_value(*l, "bounded")) == Type::Date);
  CHECK(type_of(*l, let_value(*l, "moved")) == Type::Date);
  CHECK(type_of(*l, let_value(*l, "gap")) == Type::Days);
  CHECK(type_of(*l, let_value(*l, "late")) == Type::Bool);
  CHECK(type_of(*l, let_value(*l, "shortest")) == Type::Days);
  CHECK(l->checked.calls.at(&let_value(*l, "earliest"))->name == "min");
  CHECK(l->checked.tables_used == std::set<std::string>{"objections", "schedule", "services"});

  SECTION("a function that does not fit its arguments is reported") {
    auto bad = load(clause_with("  let first = min objections of submitted_on\n"
                                "  result T = (min(first, 3) - first) / days(1) range 0..10\n"));
    INFO(render(bad->diags));
    CHECK(bad->diags.has_errors());
    bool found = false;
    for (const auto& d : bad->diags.list()) found |= d.code == "type-mismatch" && d.message == "cannot compare a date with a number";
    CHECK(found);
  }
}

TEST_CASE("checker: date arithmetic has its own types", "[checker]") {
  auto l = load(clause_with("  let d1 = min objections of submitted_on\n"
                            "  let d2 = max objections of submitted_on\n"
                            "  let later = d1 + days(3)\n"
                            "  let earlier = d1 - days(3)\n"
                            "  let also_later = days(3) + d1\n"
                            "  let span = d2 - d1\n"
                            "  let long = d2 - d1 > days(10)\n"
                            "  let twice = span * 2\n"
                            "  let half = span / 2\n"
                            "  let ratio = span / days(1)\n"
                            "  let total = span + days(1) - days(2)\n"
                            "  let back = -span\n"
                            "  let on_time = d2 <= as_of\n"
                            "  result T = if long and on_time then ratio else (twice + half + total + back) / days(1)"
                            " + (later - earlier + (also_later - d1)) / days(1) range 0..1000\n"));
  clean(*l);
  using interp::Type;
  CHECK(type_of(*l, let_value(*l, "later")) == Type::Date);
  CHECK(type_of(*l, let_value(*l, "earlier")) == Type::Date);
  CHECK(type_of(*l, let_value(*l, "also_later")) == Type::Date);
  CHECK(type_of(*l, let_value(*l, "span")) == Type::Days);
  CHECK(type_of(*l, let_value(*l, "long")) == Type::Bool);
  CHECK(type_of(*l, let_value(*l, "twice")) == Type::Days);
  CHECK(type_of(*l, let_value(*l, "half")) == Type::Days);
  CHECK(type_of(*l, let_value(*l, "ratio")) == Type::Number);
  CHECK(type_of(*l, let_value(*l, "total")) == Type::Days);
  CHECK(type_of(*l, let_value(*l, "back")) == Type::Days);
  CHECK(type_of(*l, let_value(*l, "on_time")) == Type::Bool);
  // Each definition comes after those it uses.
  const auto& cc = l->checked.clauses.at(&l->rules.clauses.at("49")[0]);
  const auto& lets = clause_of(*l, "49").lets;
  std::vector<std::string> order;
  for (std::size_t i : cc.let_order) order.push_back(lets[i].name);
  auto at = [&](const std::string& n) { return std::find(order.begin(), order.end(), n) - order.begin(); };
  CHECK(order.size() == lets.size());
  CHECK(at("d1") < at("span"));
  CHECK(at("span") < at("twice"));
  CHECK(at("span") < at("total"));
}

TEST_CASE("checker: every problem is reported, not only the first", "[checker]") {
  auto l = load(clause_with("  let n = count servces\n"
                            "  let m = count services where automation = partly\n"
                            "  result T = n + m + q range 0..10\n"
                            "  result U = n\n"));
  INFO(render(l->diags));
  std::vector<std::string> codes;
  for (const auto& d : l->diags.list()) codes.push_back(d.code);
  std::sort(codes.begin(), codes.end());
  CHECK(codes == std::vector<std::string>{"missing-range", "undefined-name", "unknown-table", "unknown-value"});
}

TEST_CASE("checker: the methodology's rules check with no error and no warning", "[checker][rules]") {
  Diagnostics ds;
  interp::RuleSet rules = interp::load_rules({std::string(EREJE_SOURCE_DIR) + "/rules"}, ds);
  interp::Checked checked = interp::check(rules, ds);
  INFO(render(ds));
  CHECK(ds.error_count() == 0);
  CHECK(ds.warning_count() == 0);
  REQUIRE(rules.files.size() == 4);  // the standard library, the data contract and the two acts
  CHECK(rules.clause_numbers() == std::vector<std::string>{"49", "52", "114"});
  for (const auto& [number, versions] : rules.clauses) {
    INFO("clause " << number);
    REQUIRE(versions.size() == 2);
    CHECK(versions[0].label() == "2021-04-20");
    CHECK(versions[1].label() == "2023-07-24");
    CHECK(versions[0].until == parse_date("2023-07-24"));
    CHECK_FALSE(versions[1].until.has_value());
    CHECK(checked.clauses.count(&versions[0]) == 1);
    CHECK(checked.clauses.count(&versions[1]) == 1);
  }
  CHECK(checked.tables_used == std::set<std::string>{"objections", "schedule", "services"});
  CHECK(rules.earliest() == parse_date("2021-04-20"));
}

// The legal text against the formula (interpreter/LegalText.cpp), on the methodology's own acts.
TEST_CASE("checker: paragraph 49 with k = 12 contradicts its Kazakh text, which says 10", "[checker][legal-text]") {
  auto read = [](const std::string& rel) {
    std::ifstream in(std::string(EREJE_SOURCE_DIR) + "/" + rel, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  std::string act = read("rules/acts/2023-33140.ereje");
  const std::string was = "coefficient k = 10 \"brings the result to a share value";
  REQUIRE(act.find(was) != std::string::npos);
  auto check_with = [&](const std::string& text) {
    auto l = std::make_unique<Loaded>();
    l->rules = interp::load_rules_from_text(
        {{"tables.ereje", read("rules/data/tables.ereje")}, {"2021-22599.ereje", read("rules/acts/2021-22599.ereje")},
         {"2023-33140.ereje", text}},
        l->diags);
    l->checked = interp::check(l->rules, l->diags);
    return l;
  };
  auto same = check_with(act);
  same->diags.sort();
  INFO(render(same->diags));
  CHECK(same->diags.error_count() == 0);  // as written, the text and the formula agree
  CHECK(same->diags.warning_count() == 0);
  // The text's Cyrillic с is the code's Latin c: said once, as a note, naming both letters.
  REQUIRE(same->diags.list().size() == 1);
  CHECK(same->diags.list()[0].code == "text-letter-twin");
  CHECK(same->diags.list()[0].severity == Severity::Note);
  CHECK(same->diags.list()[0].message ==
        "the legal text of clause 49 (act \"33140\") writes Cyrillic с (U+0441) where the code has Latin c (U+0063): "
        "read as the same letter");

  std::string changed = act;
  changed.replace(changed.find(was), std::string("coefficient k = 10").size(), "coefficient k = 12");
  auto l = check_with(changed);
  INFO(render(l->diags));
  REQUIRE(l->diags.error_count() == 1);
  REQUIRE(l->diags.warning_count() == 0);
  const Diagnostic& d = *std::find_if(l->diags.list().begin(), l->diags.list().end(),
                                      [](const Diagnostic& x) { return x.severity == Severity::Error; });
  CHECK(d.code == "text-coefficient-value");
  CHECK(d.message == "coefficient `k` of clause 49 (act \"33140\") is 12, but its Kazakh text says 10");
  CHECK(d.span.file->text.substr(d.span.begin, d.span.end - d.span.begin) == "12");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].span.file->text.substr(d.notes[0].span.begin, d.notes[0].span.end - d.notes[0].span.begin) == "10");
}

TEST_CASE("checker: the letters a legal text defines, in Kazakh and Russian phrasing", "[checker][legal-text]") {
  auto l = load(clause_with("  text ru \"где: T – оценка; d – число услуг; n – всего; q – коэффициент, равный 0,5;\"\n"
                            "  let d = count services where automation = full\n"
                            "  let n = count services\n"
                            "  coefficient q = 0.5\n"
                            "  result T = d / n * q range 0..1\n"));
  INFO(render(l->diags));
  CHECK(l->diags.error_count() == 0);  // 0,5 with a decimal comma is 0.5
  auto k = load(clause_with("  text kk \"мұнда: T – баға; k – коэффициент (осы көрсеткіш бойынша коэффициент 5-ке тең);\"\n"
                            "  coefficient k = 6\n"
                            "  result T = k range 0..10\n"));
  INFO(render(k->diags));
  REQUIRE(k->diags.error_count() == 1);
  CHECK(k->diags.list()[0].code == "text-coefficient-value");
  CHECK(k->diags.list()[0].message.find("is 6, but its Kazakh text says 5") != std::string::npos);
}

// A misspelt name in a data contract: the help's "did you mean" is also the editor's quick fix.
TEST_CASE("checker: the data contract's misspelt names carry their quick fix", "[checker]") {
  auto l = load({{"x.ereje", "act \"1\" \"Test act\" in_force 2023-01-01\n"
                             "table visits \"visits\"\n"
                             "  per body by agency_id\n"
                             "  key agency_id, visit_idd\n"
                             "  column agency_id text \"the body\"\n"
                             "  column visit_id text \"the visit\"\n"
                             "  reference agency_id to agencie.agency_id \"the body visited\"\n"
                             "end\n"
                             "extend table servics\n"
                             "  column urgent bool optional \"urgent\"\n"
                             "end\n"}});
  INFO(render(l->diags));
  bool column = false, table = false, extended = false;
  for (const auto& d : l->diags.list()) {
    if (d.code == "contract-unknown-column" && d.message.find("visit_idd") != std::string::npos) column = d.fix == "visit_id";
    if (d.code == "unknown-table" && d.message.find("agencie") != std::string::npos) table = d.fix == "agencies";
    if (d.code == "unknown-table" && d.message.find("servics") != std::string::npos) extended = d.fix == "services";
  }
  CHECK(column);
  CHECK(table);
  CHECK(extended);
}

TEST_CASE("checker: a file part of a misspelt act points at the act's number, with its quick fix", "[checker]") {
  auto l = load({{"a.ereje", "act \"33140\" \"Test act\" in_force 2023-01-01\n"},
                 {"b.ereje", "part of act \"33104\"\n"}});
  bool found = false;
  for (const auto& d : l->diags.list())
    if (d.code == "unknown-act") {
      found = true;
      CHECK(where(d) == "b.ereje:1:13");
      CHECK(d.help == "did you mean act \"33140\"?");
      CHECK(d.fix == "\"33140\"");
    }
  CHECK(found);
}
