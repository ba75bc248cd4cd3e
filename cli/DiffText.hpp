// `ereje diff` in text (a terminal), Markdown and JSON, and the summary of a review that every
// format shows (bodies affected, largest moves, rank changes): cli/DiffText.cpp.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "core/Date.hpp"
#include "input/DataSet.hpp"
#include "interpreter/Diff.hpp"

namespace ereje::cli {

// One side of a diff as headings show it.
struct DiffSideShown {
  std::string shown;       // the rules: a path, or REV:PATH
  Date as_of;
  std::string data_shown;  // with --data-before/--data-after: this side's data
};

struct RankMove {
  std::string agency, clause, result;
  int before = 0, after = 0;
};

struct Summary {
  std::set<std::string> affected;  // body codes
  const interp::Impact* rise = nullptr;
  const interp::Impact* fall = nullptr;
  std::vector<RankMove> rank_moves;
};

// Bodies are compared by code: each side's results are over its own data set (the same one, or
// two with --data-before and --data-after).
Summary summarize(const interp::RuleDiff& d, const input::DataSet& before_data, const input::DataSet& after_data);

struct Colours {
  bool on = false;
  std::string green(const std::string& s) const { return on ? "\033[32m" + s + "\033[0m" : s; }
  std::string red(const std::string& s) const { return on ? "\033[31m" + s + "\033[0m" : s; }
  std::string bold(const std::string& s) const { return on ? "\033[1m" + s + "\033[0m" : s; }
};

std::string render_text(const interp::RuleDiff& d, const DiffSideShown& a, const DiffSideShown& b,
                        const input::DataSet* data, const Summary* sum, const Colours& c,
                        const std::string& lang = "en");
std::string render_markdown(const interp::RuleDiff& d, const DiffSideShown& a, const DiffSideShown& b,
                            const input::DataSet* data, const Summary& sum, const std::string& lang);
std::string render_json(const interp::RuleDiff& d, const DiffSideShown& a, const DiffSideShown& b,
                        const input::DataSet* data, const Summary* sum);

}  // namespace ereje::cli
