// What the review formats of `ereje diff` share (Markdown, HTML, XLSX; cli/DiffCommon.cpp): a change
// that moved many bodies alike, said once, and the words for comparing two data sets.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/Rational.hpp"
#include "input/DataSet.hpp"
#include "interpreter/Diff.hpp"

namespace ereje::cli {

// One change of the rules (or the data's step) that alone moved one result of at least three
// bodies: said once instead of once per body.
struct CommonMove {
  std::string clause, result, change;  // `change`: the attribution's label ("coefficient `k`: 10 -> 8")
  std::vector<const interp::Impact*> impacts;
  std::optional<Rational> factor;  // every body's value multiplied by this one factor, when one
  Rational lo, hi;                 // the least and the greatest delta
  int round = 2;
};
// In the order of (clause, result, change); `at_least` bodies each.
std::vector<CommonMove> common_moves(const interp::RuleDiff& d, std::size_t at_least = 3);
// "clause 49 `T`: coefficient `k`: 10 -> 8: 3 bodies, each ×4/5 (-20 %)", or "…, from -1.66 to -1.00",
// in kk, ru or en; names in backticks, nothing escaped.
std::string common_move_text(const CommonMove& m, const std::string& lang, const interp::RuleDiff& d);
// "×4/5" and "-20 %".
std::string factor_text(const Rational& ratio);
std::string percent_text(const Rational& ratio);

// Words of the review in kk, ru or en (English for an unknown language or key): "common" (the
// heading of the common moves), and for two data sets "data_compared" ({} before, {} after),
// "rules_same", "appeared", "gone".
const std::string& diff_word(const std::string& lang, const std::string& key);

// "act "X" from D" in kk, ru or en (cli/DiffWords.cpp).
std::string version_in(const interp::ClauseVersion& v, const std::string& lang);
// One change of the rules in kk or ru (English, interp::describe, otherwise): names in backticks;
// `markdown` escapes pipes for a table cell.
std::string describe_change(const interp::Change& c, const interp::ClauseDiff& cd, const std::string& lang,
                            bool markdown);
// An attribution part's label (interp::describe of a change of `d`) in the review's language; the
// label as it is when it names no change of `d` (the data's step, the date's).
std::string part_label(const std::string& label, const interp::RuleDiff& d, const std::string& lang);
// The note of a move that is not split into parts (interp::Impact::attribution_note) in kk or ru;
// as it is in English or when it is not one of the catalogue's notes.
std::string attribution_note_text(const std::string& note, const std::string& lang);

}  // namespace ereje::cli
