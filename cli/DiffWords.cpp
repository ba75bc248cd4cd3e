// The changes of `ereje diff` in the review's language (kk, ru; English otherwise), shared by the
// Markdown, HTML and text outputs.
#include <fmt/format.h>

#include <string>

#include "cli/DiffCommon.hpp"
#include "core/Labels.hpp"

namespace ereje::cli {

// "act "X" from D" in the review's language.
std::string version_in(const interp::ClauseVersion& v, const std::string& lang) {
  return fmt::format(fmt::runtime(label_text("version_in", lang)), v.act->id, v.label());
}

// One change in the review's language; English (describe) for what has no wording here yet.
std::string describe_change(const interp::Change& c, const interp::ClauseDiff& cd, const std::string& lang, bool markdown) {
  using K = interp::Change::Kind;
  // In Markdown a description goes into a table cell or a list: its pipes escaped, nothing else.
  auto cell = [markdown](const std::string& s) {
    if (!markdown) return s;
    std::string out;
    for (char ch : s) out += ch == '|' ? std::string("\\|") : std::string(1, ch);
    return out;
  };
  if (lang != "ru" && lang != "kk") return cell(interp::describe(c));
  // The words are the label catalogue's (core/Labels.cpp), the English ones interp::describe's.
  auto say = [&lang](const char* key, const auto&... args) {
    return fmt::format(fmt::runtime(label_text(key, lang)), args...);
  };
  const std::string code = "`" + c.subject + "`";
  auto subject = [&](const std::string& what) {
    return what == "text" || what == "variables" || what == "formula" ? label_text("evidence_for_" + what, lang) : what;
  };
  switch (c.kind) {
    case K::ClauseAdded:
      return cd.after ? say("change_clause_added", version_in(*cd.after, lang)) : cell(interp::describe(c));
    case K::ClauseRemoved:
      return cd.before ? say("change_clause_removed", version_in(*cd.before, lang)) : cell(interp::describe(c));
    case K::NewVersion:
      if (!cd.before || !cd.after) break;
      return say(c.detail == "amends" ? "change_new_version_amending" : "change_new_version_replacing",
                 version_in(*cd.after, lang), version_in(*cd.before, lang));
    case K::InForceMoved: return say("change_in_force", c.before, c.after);
    case K::EvidenceChanged: {
      auto level = [&lang](const std::string& level_code) {
        const std::string key = "evidence_level_" + level_code;
        for (const auto& l : output_labels())
          if (key == l.key) return label_text(key, lang);
        return level_code;
      };
      return say("change_evidence", subject(c.subject), level(c.before), level(c.after));
    }
    case K::CoefficientAdded: return say("change_coefficient_added", code, c.after);
    case K::CoefficientRemoved: return say("change_coefficient_removed", code, c.before);
    case K::CoefficientChanged: return say("change_coefficient", code, c.before, c.after);
    case K::DefinitionAdded: return say("change_definition_added", code, cell(c.after));
    case K::DefinitionRemoved: return say("change_definition_removed", code, cell(c.before));
    case K::DefinitionChanged: return say("change_definition", code, cell(c.before), cell(c.after));
    case K::FilterTermAdded: return say("change_term_added", code, "`" + c.detail + "`");
    case K::FilterTermRemoved: return say("change_term_removed", code, "`" + c.detail + "`");
    case K::ResultAdded: return say("change_result_added", code, cell(c.after));
    case K::ResultRemoved: return say("change_result_removed", code, cell(c.before));
    case K::ResultChanged: return say("change_result", code, cell(c.before), cell(c.after));
    case K::RangeChanged: return say("change_range", code, c.before, c.after);
    case K::RoundingChanged: return say("change_rounding", code, c.before, c.after);
    case K::ObligationChanged: return say("change_obligation", code, cell(c.before), cell(c.after));
    case K::TitleChanged: return say("change_title", c.subject, c.detail);
    case K::TextChanged: return say("change_text", c.subject, c.detail);
    case K::TotalChanged: {
      // The part of the total that changed, said in English by interp/Diff.cpp with one of the
      // catalogue's total_part… labels: found by that label's English words, said in the review's.
      std::string what = c.detail;
      for (const char* key : {"total_part_weight", "total_part_when_na", "total_part", "total_na_policy"}) {
        const std::string& en = label_text(key, "en");
        const std::size_t hole = en.find("{0}");
        if (hole == std::string::npos) {
          if (what == en) {
            what = label_text(key, lang);
            break;
          }
          continue;
        }
        const std::string head = en.substr(0, hole), end = en.substr(hole + 3);
        if (what.size() >= head.size() + end.size() && what.compare(0, head.size(), head) == 0 &&
            what.compare(what.size() - end.size(), end.size(), end) == 0) {
          what = say(key, what.substr(head.size(), what.size() - head.size() - end.size()));
          break;
        }
      }
      if (c.before.empty()) return say("change_total_added", code, what, cell(c.after));
      if (c.after.empty()) return say("change_total_removed", code, what, cell(c.before));
      return say("change_total", code, what, cell(c.before), cell(c.after));
    }
    case K::AsOfMoved: return say("change_as_of", c.before, c.after);
  }
  return cell(interp::describe(c));
}

namespace {
template <typename... A>
std::string say_in(const std::string& lang, const char* key, const A&... args) {
  return fmt::format(fmt::runtime(label_text(key, lang)), args...);
}
}  // namespace

std::string part_label(const std::string& label, const interp::RuleDiff& d, const std::string& lang) {
  if (lang != "kk" && lang != "ru") return label;
  for (const auto& cd : d.clauses)
    for (const auto& ch : cd.changes)
      if (interp::describe(ch) == label) return describe_change(ch, cd, lang, false);
  // The steps interp::diff_rules labels itself (interpreter/Diff.cpp, cli/cmd_diff.cpp).
  if (label == label_text("part_other_changes", "en")) return label_text("part_other_changes", lang);
  if (auto m = match_label("part_of_clause", label))  // a change of a clause this one reads
    for (const auto& cd : d.clauses)
      if (cd.number == (*m)[0]) return say_in(lang, "part_of_clause", cd.number, part_label((*m)[1], d, lang));
  if (auto m = match_label("change_as_of", label)) return say_in(lang, "change_as_of", (*m)[0], (*m)[1]);
  if (auto m = match_label("part_data", label)) return say_in(lang, "part_data", (*m)[0], (*m)[1]);
  // Steps that did not check alone, merged with the next one: "A; B".
  if (const std::size_t semi = label.find("; "); semi != std::string::npos) {
    const std::string head = part_label(label.substr(0, semi), d, lang);
    if (head != label.substr(0, semi)) return head + "; " + part_label(label.substr(semi + 2), d, lang);
  }
  return label;
}

std::string attribution_note_text(const std::string& note, const std::string& lang) {
  if (lang != "kk" && lang != "ru") return note;
  for (const char* key : {"note_grade_moves", "note_data_or_date", "note_na_step", "note_status_changed"})
    if (note == label_text(key, "en")) return label_text(key, lang);
  if (auto m = match_label("note_not_split", note)) {
    const std::string& why = (*m)[0];
    if (why == label_text("not_split_invariant", "en")) return say_in(lang, "note_not_split", label_text("not_split_invariant", lang));
    if (auto w = match_label("not_split_table", why)) return say_in(lang, "note_not_split", say_in(lang, "not_split_table", (*w)[0]));
    if (auto w = match_label("not_split_column", why))
      return say_in(lang, "note_not_split", say_in(lang, "not_split_column", (*w)[0], (*w)[1]));
    if (auto w = match_label("not_split_derived", why))
      return say_in(lang, "note_not_split", say_in(lang, "not_split_derived", (*w)[0], (*w)[1], (*w)[2]));
  }
  return note;
}

}  // namespace ereje::cli
