// Amendments that change one item of a clause (`amends`): the version they make, the tests they
// inherit, what `diff` says of them, and the errors when an item does not fit.
#include <catch2/catch.hpp>

#include "Support.hpp"
#include "grammar/Formatter.hpp"
#include "grammar/Parser.hpp"
#include "interpreter/Diff.hpp"
#include "interpreter/Evaluator.hpp"
#include "interpreter/RuleSet.hpp"
#include "interpreter/TestRunner.hpp"

using namespace ereje;
using namespace ereje::interp;

namespace {

std::string source(const std::string& rel) { return test::read_file(std::string(EREJE_SOURCE_DIR) + "/" + rel); }

struct Loaded {
  RuleSet rules;
  Checked checked;
  Diagnostics diags;
};

// The methodology's rule files and the given amendments, checked.
std::unique_ptr<Loaded> load(const std::vector<std::pair<std::string, std::string>>& more) {
  auto l = std::make_unique<Loaded>();
  std::vector<std::pair<std::string, std::string>> files{{"tables.ereje", source("rules/data/tables.ereje")},
                                                         {"2021-22599.ereje", source("rules/acts/2021-22599.ereje")},
                                                         {"2023-33140.ereje", source("rules/acts/2023-33140.ereje")}};
  files.insert(files.end(), more.begin(), more.end());
  l->rules = load_rules_from_text(files, l->diags);
  l->checked = check(l->rules, l->diags);
  l->diags.sort();
  return l;
}

const std::string kHeader =
    "act \"99999\" \"Test amendment\"\n  in_force 2025-01-01 \"for the tests\"\n  amends \"33140\"\n\n";

std::vector<std::string> codes(const Diagnostics& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds.list())
    if (d.severity == Severity::Error) out.push_back(d.code);
  return out;
}

const ClauseVersion& version(const RuleSet& rules, const std::string& number, const char* from) {
  const ClauseVersion* v = rules.in_force(number, *parse_date(from));
  REQUIRE(v != nullptr);
  return *v;
}

}  // namespace

TEST_CASE("amend: the version keeps every item it does not write, in its place, and replaces the ones it does",
          "[amend]") {
  // Changing k alone would contradict the inherited text ("5-ке тең"): the check says so (below).
  auto alone = load({{"amend.ereje", kHeader + "clause 52\n  amends 52\n  coefficient k = 6\nend\n"}});
  CHECK(codes(alone->diags) == std::vector<std::string>{"text-coefficient-value"});
  auto l = load({{"amend.ereje", kHeader + "clause 52\n  text kk replace \"5-ке тең\" with \"6-ға тең\"\n  amends 52\n"
                                           "  coefficient k = 6\n  let extra = 1\nend\n"}});
  INFO(render(l->diags));
  REQUIRE(codes(l->diags).empty());
  const ClauseVersion& before = version(l->rules, "52", "2024-12-31");
  const ClauseVersion& after = version(l->rules, "52", "2025-01-01");
  REQUIRE(after.written != nullptr);
  CHECK(after.as_written()->lets.size() == 1);  // as written: only the new definition
  const ast::Clause& c = *after.clause;
  // w, a, k, C in the order of act "33140", then the new `extra`.
  REQUIRE(c.order.size() == 5);
  CHECK(c.lets[0].name == "w");
  CHECK(c.lets[1].name == "a");
  CHECK(c.lets[2].name == "extra");
  REQUIRE(c.coefficients.size() == 1);
  CHECK(grammar::print_expr(*c.coefficients[0].value) == "6");
  CHECK(c.order[2].kind == ast::Clause::Item::Coefficient);  // k where it was
  CHECK(c.order[4].kind == ast::Clause::Item::Let);           // extra after the inherited items
  // Inherited items are the earlier act's own: their place, and so their act, is that file.
  CHECK(c.lets[0].value.get() == before.clause->lets[0].value.get());
  CHECK(l->rules.act_at(c.lets[0].span)->id == "33140");
  CHECK(l->rules.act_at(c.coefficients[0].span)->id == "99999");
  CHECK(c.titles.size() == before.clause->titles.size());
  CHECK(c.texts.size() == before.clause->texts.size());
  CHECK(c.title == before.clause->title);  // the heading too, when the amendment gives none
  // Evaluated: 3 mobile of 4 automated services is 3/4 * 6.
  std::map<std::string, input::TextTable> t;
  t["agencies"].header = {"agency_id"};
  t["agencies"].records = {{"A"}};
  t["services"].header = {"agency_id", "service_id", "parent_id", "automation", "portal_excluded", "mobile"};
  t["services"].records = {{"A", "s1", "", "full", "false", "true"},
                           {"A", "s2", "", "full", "false", "true"},
                           {"A", "s3", "", "partial", "false", "true"},
                           {"A", "s4", "", "partial", "false", "false"}};
  for (auto& [name, table] : t)
    for (std::size_t i = 0; i < table.records.size(); ++i) {
      table.lines.push_back(static_cast<std::uint32_t>(i + 2));
      table.cols.push_back(std::vector<std::uint32_t>(table.header.size(), 1));
    }
  input::DataSet data = test::build_data("<one body>", std::move(t), {"agencies", "services"});
  const Evaluation ev = evaluate(l->rules, l->checked, data, *parse_date("2025-01-01"), {&after});
  REQUIRE(ev.rows.size() == 1);
  CHECK(ev.rows[0].text() == "4.50");
}

TEST_CASE("amend: a result's range or rounding changes alone; words of the text change everywhere they occur",
          "[amend]") {
  auto l = load({{"amend.ereje", kHeader + "clause 52\n"
                                           "  text kk replace \"коэффициент 5-ке тең\" with \"коэффициент 6-ға тең\"\n"
                                           "  text kk replace \"мемлекеттік\" with \"МЕМЛЕКЕТТІК\"\n"
                                           "  amends 52\n"
                                           "  coefficient k = 6\n"
                                           "  result C range 0..4 round 1\n"
                                           "end\n"}});
  INFO(render(l->diags));
  REQUIRE(codes(l->diags).empty());
  const ClauseVersion& before = version(l->rules, "52", "2024-12-31");
  const ast::Clause& c = *version(l->rules, "52", "2025-01-01").clause;
  REQUIRE(c.results.size() == 1);
  const ast::Result& r = c.results[0];
  CHECK(r.value.get() == before.clause->results[0].value.get());  // the formula is the old one
  CHECK(grammar::print_expr(*r.range_hi) == "4");
  CHECK(r.round == 1);
  CHECK(l->rules.act_at(r.range_span)->id == "99999");
  REQUIRE(c.texts.size() == 1);
  const std::string& t = c.texts[0].value;
  CHECK(t.find("коэффициент 6-ға тең") != std::string::npos);
  CHECK(t.find("5-ке") == std::string::npos);
  CHECK(t.find("мемлекеттік") == std::string::npos);  // every occurrence
  CHECK(t.find("МЕМЛЕКЕТТІК") != std::string::npos);
  // The text's value agrees with k = 6: the text-to-formula check is satisfied.
  for (const auto& d : l->diags.list()) CHECK(d.code != "text-coefficient-value");
}

TEST_CASE("amend: the inherited tests run against the new version; a test restated under its name replaces it",
          "[amend]") {
  auto plain = load({{"amend.ereje", kHeader + "clause 52\n  amends 52\n  coefficient k = 6\n"
                                                "  text kk replace \"5-ке тең\" with \"6-ға тең\"\nend\n"}});
  INFO(render(plain->diags));
  REQUIRE(codes(plain->diags).empty());
  std::map<std::string, bool> of_amendment;
  for (const auto& o : run_tests(plain->rules, plain->checked))
    if (o.version->act->id == "99999") of_amendment[o.test->name] = o.passed;
  // The five tests of 52 in act "33140", now with k = 6: the n/a case still passes, the others fail.
  REQUIRE(of_amendment.size() == 5);
  CHECK(of_amendment.at("nothing automated: not applicable"));
  CHECK_FALSE(of_amendment.at("mobile share of automated services"));
  CHECK_FALSE(of_amendment.at("rounding: 5/3 prints as 1.67"));

  auto restated = load({{"amend.ereje", kHeader + "clause 52\n  amends 52\n  coefficient k = 6\n"
                                                   "  text kk replace \"5-ке тең\" with \"6-ға тең\"\n\n"
                                                   "  test \"rounding: 5/3 prints as 1.67\"\n"
                                                   "    services: 1 row automation = full and mobile = true, 2 rows automation = partial\n"
                                                   "    expect C = 2.00\n"
                                                   "  test \"a new case\"\n    services: 0 rows\n    expect C = n/a\nend\n"}});
  INFO(render(restated->diags));
  REQUIRE(codes(restated->diags).empty());
  std::vector<std::pair<std::string, bool>> tests;
  for (const auto& o : run_tests(restated->rules, restated->checked))
    if (o.version->act->id == "99999") tests.push_back({o.test->name, o.passed});
  REQUIRE(tests.size() == 6);  // five inherited (one restated in its place) and one new, last
  CHECK(tests[4] == std::pair<std::string, bool>{"rounding: 5/3 prints as 1.67", true});
  CHECK(tests[5] == std::pair<std::string, bool>{"a new case", true});
}

TEST_CASE("amend: an amendment of an amendment builds on it; diff names exactly the change", "[amend]") {
  auto l = load({{"a1.ereje", kHeader + "clause 52\n  amends 52\n  coefficient k = 6\n"
                                        "  text kk replace \"5-ке тең\" with \"6-ға тең\"\nend\n"},
                 {"a2.ereje", "act \"100000\" \"Second\" in_force 2026-01-01 amends \"99999\"\n\n"
                              "clause 52\n  amends 52\n  result C round 3\nend\n"}});
  INFO(render(l->diags));
  REQUIRE(codes(l->diags).empty());
  const ast::Clause& c = *version(l->rules, "52", "2026-01-01").clause;
  CHECK(grammar::print_expr(*c.coefficients[0].value) == "6");  // from the first amendment
  CHECK(c.results[0].round == 3);                               // from the second
  // Between the two amendments only the rounding moved.
  RuleDiff d = diff_rules({&l->rules, &l->checked, *parse_date("2025-06-01")},
                          {&l->rules, &l->checked, *parse_date("2026-01-01")}, nullptr);
  REQUIRE(d.clauses.size() == 1);
  std::vector<std::string> kinds;
  for (const auto& ch : d.clauses[0].changes) kinds.push_back(kind_name(ch.kind));
  CHECK(kinds == std::vector<std::string>{"new_version", "rounding_changed"});
  CHECK(describe(d.clauses[0].changes[0]) ==
        "new version: act \"100000\" from 2026-01-01, amending act \"99999\" from 2025-01-01");
}

TEST_CASE("amend: items that do not fit the version amended are errors, never silently kept", "[amend]") {
  struct Case { std::string body, code; };
  for (const Case& k : std::vector<Case>{
           {"  amends 52\n  text kk replace \"no such words\" with \"x\"\n", "amend-words-not-found"},
           {"  amends 52\n  text ru replace \"5\" with \"6\"\n", "amend-words-not-found"},  // 52 has no ru text
           {"  amends 52\n  let k = 6\n", "amend-kind-changed"},
           {"  amends 52\n  result CC range 0..6\n", "amend-unknown-result"},
           {"  amends 52\n  coefficient k = 6\n  coefficient k = 7\n", "duplicate-name"},
           {"  amends 52\n  replaces 52\n  let w = count services\n", "replaces-and-amends"},
           {"  amends 49\n", "replaces-other"},
           {"  replaces 52\n  text kk replace \"5\" with \"6\"\n  let w = 1\n", "change-without-amends"},
       }) {
    auto l = load({{"amend.ereje", kHeader + "clause 52\n" + k.body + "end\n"}});
    INFO(k.body << render(l->diags));
    const auto found = codes(l->diags);
    CHECK(std::find(found.begin(), found.end(), k.code) != found.end());
  }
  auto first = load({{"new.ereje", kHeader + "clause 60\n  amends 60\n  let n = count services\n"
                                             "  result S = n range 0..10\nend\n"}});
  CHECK(codes(first->diags) == std::vector<std::string>{"nothing-to-amend"});
  auto gap = load({{"repeal.ereje", kHeader + "repeals 52\n"},
                   {"later.ereje", "act \"100000\" \"Later\" in_force 2026-01-01\n\nclause 52\n  amends 52\n  coefficient k = 6\nend\n"}});
  const auto gap_codes = codes(gap->diags);
  CHECK(std::find(gap_codes.begin(), gap_codes.end(), "version-gap") != gap_codes.end());
}

TEST_CASE("amend: fmt writes the new items back unchanged", "[amend][fmt]") {
  const std::string text = kHeader +
                           "clause 52\n"
                           "  text kk replace \"коэффициент 5-ке тең\" with \"коэффициент 6-ға тең\"\n"
                           "  amends 52\n"
                           "\n"
                           "  coefficient k = 6\n"
                           "  result C range 0..k round 1 \"a new rounding\"\n"
                           "end\n";
  Diagnostics diags;
  auto src = std::make_shared<SourceFile>("amend.ereje", text);
  std::string formatted = grammar::format_file(grammar::parse_file(src, diags));
  INFO(render(diags));
  REQUIRE_FALSE(diags.has_errors());
  CHECK(formatted == text);
}
