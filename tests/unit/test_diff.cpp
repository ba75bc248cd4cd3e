// Unit tests of the semantic diff: word-level text diff, the changes found for the 2023 act, and
// attribution parts that sum exactly to every delta.
#include <catch2/catch.hpp>

#include "Support.hpp"
#include <fmt/format.h>

#include "input/DataSet.hpp"
#include "interpreter/Diff.hpp"

using namespace ereje;
using namespace ereje::interp;

namespace {

struct Loaded {
  RuleSet rules;
  Checked checked;
  Diagnostics diags;
};

Loaded load(const std::vector<std::string>& paths) {
  Loaded l;
  l.rules = load_rules(paths, l.diags);
  l.checked = check(l.rules, l.diags);
  return l;
}

std::vector<std::string> described(const ClauseDiff& c) {
  std::vector<std::string> out;
  for (const auto& ch : c.changes) out.push_back(describe(ch));
  return out;
}

const std::string kRoot = EREJE_SOURCE_DIR;

}  // namespace

TEST_CASE("word_diff marks removed and added words around common ones", "[diff]") {
  CHECK(word_diff("a b c", "a b c") == "a b c");
  CHECK(word_diff("Оценка по формуле.", "Оценка по новой формуле.") == "Оценка по {+новой+} формуле.");
  CHECK(word_diff("one two three", "one three") == "one [-two-] three");
  CHECK(word_diff("old text", "new text") == "[-old-] {+new+} text");
  CHECK(word_diff("", "added") == "{+added+}");
  // Spacing alone is not a change.
  CHECK(word_diff("a  b", "a b") == "a b");
}

TEST_CASE("the 2023 act against the base: exactly the changes to 49, 52 and 114", "[diff]") {
  Loaded l = load({kRoot + "/rules"});
  REQUIRE_FALSE(l.diags.has_errors());
  DiffSide before{&l.rules, &l.checked, *parse_date("2023-01-01")};
  DiffSide after{&l.rules, &l.checked, *parse_date("2024-01-01")};
  RuleDiff d = diff_rules(before, after, nullptr);
  REQUIRE(d.clauses.size() == 3);
  CHECK(d.clauses[0].number == "49");
  CHECK(d.clauses[1].number == "52");
  CHECK(d.clauses[2].number == "114");
  auto c49 = described(d.clauses[0]);
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  CHECK(has(c49, "term `main` removed from the filter of `c`"));
  CHECK(has(c49, "term `main` removed from the filter of `d`"));
  CHECK(has(c49, "term `main` removed from the filter of `n`"));
  CHECK(has(c49, "term `not portal_excluded` added to the filter of `n`"));
  CHECK(has(c49, "evidence for the text: reconstructed -> seed"));
  // Coefficients are unchanged: p and k are not mentioned.
  for (const auto& s : c49) CHECK(s.find("coefficient") == std::string::npos);
  auto c52 = described(d.clauses[1]);
  CHECK(has(c52, "term `main` removed from the filter of `w`"));
  CHECK(has(c52, "term `main` removed from the filter of `a`"));
  auto c114 = described(d.clauses[2]);
  CHECK(std::any_of(c114.begin(), c114.end(), [](const std::string& s) { return s.rfind("result `breaches` added", 0) == 0; }));
}

TEST_CASE("attribution parts sum exactly to every body's delta", "[diff]") {
  Loaded l = load({kRoot + "/rules"});
  input::DataSet data = test::load_data_folder(kRoot + "/examples/assessment-2023", {"services", "objections", "schedule"});
  DiffSide before{&l.rules, &l.checked, *parse_date("2023-01-01")};
  DiffSide after{&l.rules, &l.checked, *parse_date("2024-01-01")};
  RuleDiff d = diff_rules(before, after, &data);
  std::size_t with_parts = 0;
  for (const auto& im : d.impacts) {
    if (!im.delta) continue;
    Rational sum;
    for (const auto& p : im.parts) sum = sum + p.second;
    CHECK(sum == *im.delta);
    with_parts += !im.parts.empty();
  }
  CHECK(with_parts >= 30);
  // The Ministry of Finance: 9.42 -> 11.39, the commission's exclusion alone adds 1.87.
  int mf = data.body_index("MF");
  const Impact* t = nullptr;
  for (const auto& im : d.impacts)
    if (static_cast<int>(im.body) == mf && im.clause == "49") t = &im;
  REQUIRE(t != nullptr);
  CHECK(t->before_text == "9.42");
  CHECK(t->after_text == "11.39");
  CHECK(t->after_status == Status::OutOfRange);
  REQUIRE(t->parts.size() == 4);
  CHECK(t->parts[3].first == "term `not portal_excluded` added to the filter of `n`");
  CHECK(t->parts[3].second == *Rational::parse_decimal("1.87"));
}

TEST_CASE("identical rules report nothing; a coefficient change is one step", "[diff]") {
  const std::string act = R"(act "1" "t" in_force 2023-01-01
clause 49 "x"
  title kk "x"
  title ru "x"
  evidence text official, formula official
  let n = count services "all"
  coefficient k = 10 "scale"
  result T = n / 4 * k range 0..k
end
)";
  Diagnostics d1, d2;
  RuleSet a = load_rules_from_text(test::with_contract({{"a.ereje", act}}), d1);
  std::string changed = act;
  changed.replace(changed.find("k = 10"), 6, "k = 8");
  RuleSet b = load_rules_from_text(test::with_contract({{"b.ereje", changed}}), d2);
  Checked ca = check(a, d1), cb = check(b, d2);
  REQUIRE_FALSE(d1.has_errors());
  REQUIRE_FALSE(d2.has_errors());
  Date day = *parse_date("2023-06-01");
  CHECK_FALSE(diff_rules({&a, &ca, day}, {&a, &ca, day}, nullptr).changed());
  RuleDiff d = diff_rules({&a, &ca, day}, {&b, &cb, day}, nullptr);
  REQUIRE(d.clauses.size() == 1);
  REQUIRE(d.clauses[0].changes.size() == 1);
  CHECK(describe(d.clauses[0].changes[0]) == "coefficient `k`: 10 -> 8");
  CHECK(d.clauses[0].changes[0].affects_values);
}

TEST_CASE("a diff with the aggregate cache is the diff without it", "[diff][cache]") {
  Loaded l = load({kRoot + "/rules"});
  input::DataSet data = test::load_data_folder(kRoot + "/examples/assessment-2023", {"services", "objections", "schedule"});
  DiffSide before{&l.rules, &l.checked, *parse_date("2023-01-01")};
  DiffSide after{&l.rules, &l.checked, *parse_date("2024-01-01")};
  auto shown = [&](const RuleDiff& d) {
    std::string out;
    for (const auto& im : d.impacts) {
      out += fmt::format("{} {} {} {} -> {} ({})", data.bodies[im.body].code, im.clause, im.result, im.before_text,
                         im.after_text, im.attribution_note);
      for (const auto& [label, part] : im.parts) out += " [" + label + ": " + part.to_exact() + "]";
      out += "\n";
    }
    for (const auto* ev : {&d.before_results, &d.after_results})
      for (const auto& r : ev->rows) out += data.bodies[r.body].code + " " + r.result + " " + r.text() + "\n";
    return out;
  };
  const std::string plain = shown(diff_rules(before, after, &data));
  AggregateCache cache;
  const std::string cached = shown(diff_rules(before, after, &data, &cache));
  CHECK(cached == plain);
  CHECK(cache.hits > 0);
  CHECK(plain.find("MF 49 T 9.42 -> 11.39") != std::string::npos);
}

TEST_CASE("two data sets: bodies matched by code, the data's part first, the parts still sum to each delta", "[diff]") {
  Loaded l = load({kRoot + "/tests/golden/diff/coefficient_changed/old"});
  Loaded m = load({kRoot + "/tests/golden/diff/coefficient_changed/new"});
  REQUIRE_FALSE(l.diags.has_errors());
  REQUIRE_FALSE(m.diags.has_errors());
  const std::vector<std::string> tables{"services", "objections", "schedule"};
  input::DataSet old_data = test::load_data_folder(kRoot + "/tests/golden/diff/data", tables);
  input::DataSet new_data = test::load_data_folder(kRoot + "/tests/golden/diff/data_next", tables);
  // A0 comes first in the new data: A1 and A2 are not at the places they had.
  REQUIRE(new_data.body_index("A1") != old_data.body_index("A1"));
  const Date day = *parse_date("2023-01-01");
  DataPair pair{&old_data, &new_data, "data", true, ""};
  RuleDiff d = diff_rules({&l.rules, &l.checked, day}, {&m.rules, &m.checked, day}, pair);
  CHECK(d.two_data);
  CHECK(d.differs());
  CHECK(d.bodies == 4);
  REQUIRE(d.appeared.size() == 1);
  CHECK(d.appeared[0]->code == "A0");
  REQUIRE(d.gone.size() == 1);
  CHECK(d.gone[0]->code == "A3");
  const Impact* a1 = nullptr;
  for (const auto& im : d.impacts) {
    CHECK(im.who->code != "A0");
    CHECK(im.who == &new_data.bodies[im.body]);
    if (!im.delta) continue;
    Rational sum;
    for (const auto& p : im.parts) sum = sum + p.second;
    CHECK(sum == *im.delta);
    if (im.who->code == "A1" && im.clause == "49") a1 = &im;
  }
  // A1's clause 49: 5.00 -> 5.33, +1.67 from its data (a service now partly automated), -1.34 from k.
  REQUIRE(a1 != nullptr);
  CHECK(a1->before_text == "5.00");
  CHECK(a1->after_text == "5.33");
  REQUIRE(a1->parts.size() == 2);
  CHECK(a1->parts[0].first == "data");
  CHECK(a1->parts[0].second.to_fixed(2) == "1.67");
  CHECK(a1->parts[1].second.to_fixed(2) == "-1.34");
  // The same data on both sides: no move, nothing in one only.
  DataPair same{&old_data, &old_data, "data", true, ""};
  RuleDiff e = diff_rules({&l.rules, &l.checked, day}, {&l.rules, &l.checked, day}, same);
  CHECK_FALSE(e.differs());
  CHECK(e.impacts.empty());
}
