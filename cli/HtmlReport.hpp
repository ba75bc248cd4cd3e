// `ereje report`: the results of a run as one self-contained HTML page for people: a ranking of all
// bodies per clause (inline SVG bars), the distribution of values, the bodies with n/a or
// out_of_range results and why, and a section per body with its values and the explain steps.
#pragma once
#include <string>
#include <vector>

#include "input/DataSet.hpp"
#include "interpreter/Evaluator.hpp"
#include "interpreter/Explainer.hpp"

namespace ereje::cli {

struct ReportInput {
  const interp::RuleSet* rules = nullptr;
  const interp::Checked* checked = nullptr;
  const input::DataSet* data = nullptr;
  const interp::Evaluation* ev = nullptr;
  std::vector<const interp::ClauseVersion*> versions;  // in force at as_of, clause order
  Date as_of;
  std::string lang = "en";
  std::string rules_shown, data_shown;  // as given on the command line
};

// Bodies past this many get their values but not their explain steps (each explanation evaluates
// its clause again; a page of thousands of them would be unreadable anyway).
inline constexpr std::size_t kMaxExplainedBodies = 300;
// Past this many bodies the page is laid out for a national assessment: a ranking chart shows the
// first and last kRankingEnds places (and kRankingApart of those out of range and n/a), each body's
// place is in its own section, and the bodies' sections are grouped, kBodiesPerGroup to a group.
inline constexpr std::size_t kFullRankingBodies = 60;
inline constexpr std::size_t kRankingEnds = 20;
inline constexpr std::size_t kRankingApart = 10;
inline constexpr std::size_t kBodiesPerGroup = 100;

std::string report_html(const ReportInput& in);

// Why a result is n/a or out of range, in `lang`, from its explanation (shared with XLSX notes).
std::string why_not_ok(const interp::ResultRow& row, const interp::Explanation& x, const interp::Evaluation& ev,
                       const input::DataSet& data, const std::string& lang);

}  // namespace ereje::cli
