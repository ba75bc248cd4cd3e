// `ereje diff --format html`: the amendment review as one self-contained HTML page (the changes per
// clause, the impact chart and table, the attribution of every move, rank changes), and the
// description of a review that the XLSX writer shares.
#pragma once
#include <string>
#include <vector>

#include "input/DataSet.hpp"
#include "interpreter/Diff.hpp"

namespace ereje::cli {

// What cmd_diff computed, as the page and the workbook show it.
struct DiffView {
  const interp::RuleDiff* diff = nullptr;
  std::string before_shown, after_shown;
  Date before_as_of, after_as_of;
  const input::DataSet* data = nullptr;  // null without --data: changes only
  std::size_t affected = 0;
  const interp::Impact* rise = nullptr;
  const interp::Impact* fall = nullptr;
  struct RankMove {
    std::string agency, clause, result;
    int before = 0, after = 0;
  };
  std::vector<RankMove> rank_moves;
  std::string lang = "en";
  std::string data_before_shown, data_after_shown;  // two data sets (`--data-before`, `--data-after`)
};

std::string diff_html(const DiffView& v);

// Shared with the workbook: "+0.63", "-0.37", "0.00".
std::string signed_fixed(const Rational& r, int places);
// A clause's title in the view's language, from the new version (else the old one).
std::string diff_clause_title(const interp::ClauseDiff& d, const std::string& lang);

}  // namespace ereje::cli
