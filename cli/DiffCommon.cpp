// See DiffCommon.hpp.
#include "cli/DiffCommon.hpp"
#include "core/Labels.hpp"

#include <fmt/format.h>

#include <map>
#include <tuple>

namespace ereje::cli {
namespace {

using Words = std::map<std::string, std::string>;

// The labels this output uses, by its own names (core/Labels.hpp holds their words).
const std::vector<LabelUse> kUses = {
    {"common", "common", false},
    {"same_factor", "same_factor", false},
    {"same_change", "same_change", false},
    {"data_compared", "data_compared", false},
    {"rules_same", "rules_same", false},
    {"appeared", "appeared", false},
    {"gone", "gone", false},
};


const Words& words(const std::string& lang) {
  static const std::map<std::string, Words> all{
      {"en", label_table(kUses, "en")}, {"ru", label_table(kUses, "ru")}, {"kk", label_table(kUses, "kk")}};
  auto it = all.find(lang);
  return it == all.end() ? all.at("en") : it->second;
}

std::string signed_text(const Rational& v, int round) {
  const std::string s = v.round(round).to_fixed(round);
  return v.sign() > 0 ? "+" + s : s;
}

}  // namespace

const std::string& diff_word(const std::string& lang, const std::string& key) {
  const Words& w = words(lang);
  auto it = w.find(key);
  return it == w.end() ? words("en").at(key) : it->second;
}

std::vector<CommonMove> common_moves(const interp::RuleDiff& d, std::size_t at_least) {
  // A result moved by a single change for every body, by the same factor (a coefficient: "×6/5
  // (+20 %)") or not.
  struct Group {
    std::vector<const interp::Impact*> impacts;
    bool same_factor = true;
    std::optional<Rational> factor;
  };
  std::map<std::tuple<std::string, std::string, std::string>, Group> groups;
  for (const auto& im : d.impacts) {
    if (!im.delta || im.parts.size() != 1) continue;
    Group& g = groups[{im.clause, im.result, im.parts.front().first}];
    g.impacts.push_back(&im);
    if (im.before.is_missing() || im.after.is_missing() || im.before.num.sign() == 0) {
      g.same_factor = false;
      continue;
    }
    const Rational f = im.after.num / im.before.num;
    if (g.factor && !(*g.factor == f)) g.same_factor = false;
    g.factor = f;
  }
  std::vector<CommonMove> out;
  for (auto& [key, g] : groups) {
    if (g.impacts.size() < at_least) continue;
    CommonMove m;
    std::tie(m.clause, m.result, m.change) = key;
    m.lo = m.hi = *g.impacts.front()->delta;
    for (const auto* im : g.impacts) {
      if (*im->delta < m.lo) m.lo = *im->delta;
      if (m.hi < *im->delta) m.hi = *im->delta;
    }
    m.round = g.impacts.front()->round;
    if (g.same_factor) m.factor = g.factor;
    m.impacts = std::move(g.impacts);
    out.push_back(std::move(m));
  }
  return out;
}

std::string percent_text(const Rational& ratio) {
  const Rational pct = (ratio - Rational(1)) * Rational(100);
  std::string s = pct.round(2).to_fixed(2);
  while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
    const bool dot = s.back() == '.';
    s.pop_back();
    if (dot) break;
  }
  return (pct.sign() > 0 ? "+" : "") + s + " %";
}

std::string factor_text(const Rational& ratio) { return "×" + ratio.to_exact(); }

std::string common_move_text(const CommonMove& m, const std::string& lang, const interp::RuleDiff& d) {
  const std::string change = part_label(m.change, d, lang);
  if (m.factor)
    return fmt::format(fmt::runtime(diff_word(lang, "same_factor")), m.clause, m.result, change, m.impacts.size(),
                       factor_text(*m.factor), percent_text(*m.factor));
  return fmt::format(fmt::runtime(diff_word(lang, "same_change")), m.clause, m.result, change, m.impacts.size(),
                     signed_text(m.lo, m.round), signed_text(m.hi, m.round));
}

}  // namespace ereje::cli
