// `ereje diff --format markdown`: the amendment review for a memo, in kk, ru or en (DiffMarkdown.cpp).
#pragma once
#include <string>

#include "core/Date.hpp"
#include "input/DataSet.hpp"
#include "interpreter/Diff.hpp"

namespace ereje::cli {

struct MarkdownReview {
  std::string before_shown, after_shown;
  Date before_as_of, after_as_of;
  const input::DataSet* data = nullptr;  // with --data: the impact and its attribution
  std::size_t affected = 0;
  std::string rise, fall;  // "MF clause 49 T +1.97", or empty
  std::size_t rank_changes = 0;
  std::string lang = "en";
  std::string data_before_shown, data_after_shown;  // two data sets (`--data-before`, `--data-after`)
};

// Legal text changes as words struck through and in bold, an added or repealed clause shown whole,
// body names beside codes, and a change that moved many bodies alike said once.
std::string render_markdown_review(const interp::RuleDiff& d, const MarkdownReview& r);

}  // namespace ereje::cli
