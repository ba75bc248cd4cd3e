// `--format xlsx` for `run` and `diff` (libxlsxwriter): a summary sheet and one sheet per clause,
// numbers stored as numbers with the declared decimals, n/a as an empty cell with a note saying
// why, out-of-range values marked and noted, the header row frozen, text in UTF-8 as it is.
// The bytes are the same for the same input (the workbook's creation time is the as-of date).
#pragma once
#include <string>
#include <vector>

#include "cli/HtmlDiff.hpp"
#include "input/DataSet.hpp"
#include "interpreter/Evaluator.hpp"

namespace ereje::cli {

struct XlsxRun {
  const interp::RuleSet* rules = nullptr;
  const interp::Checked* checked = nullptr;
  const input::DataSet* data = nullptr;
  const interp::Evaluation* ev = nullptr;
  std::vector<const interp::ClauseVersion*> versions;
  Date as_of;
  std::string rules_shown, data_shown;
  std::string lang = "en";  // clause titles and the notes' wording
};

// The workbook's bytes; false with a message on `err` when libxlsxwriter fails.
bool results_xlsx(const XlsxRun& run, std::string& bytes, std::string& err);
bool diff_xlsx(const DiffView& view, std::string& bytes, std::string& err);

}  // namespace ereje::cli
