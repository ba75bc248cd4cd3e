// `ereje diff --format markdown`: the amendment review a lawyer pastes into a memo.
#include "cli/DiffMarkdown.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <set>

#include "cli/DiffCommon.hpp"
#include "cli/Html.hpp"
#include "cli/Output.hpp"
#include "core/Labels.hpp"
#include "interpreter/Diff.hpp"

namespace ereje::cli {
namespace {

using Labels = std::map<std::string, std::string>;

// The labels this output uses, by its own names (core/Labels.hpp holds their words).
const std::vector<LabelUse> kUses = {
    {"title", "diff_title", false},
    {"compared", "diffmd_compared", false},
    {"changes", "changes", false},
    {"none", "no_changes", false},
    {"contract", "data_contract", false},
    {"clause", "clause", true},
    {"clause_col", "clause", false},
    {"whole_added", "whole_added", false},
    {"whole_removed", "whole_removed", false},
    {"impact", "impact", false},
    {"summary", "impact_summary", false},
    {"none_word", "none_word", false},
    {"absent", "absent", false},
    {"body", "body", false},
    {"name", "name", false},
    {"result", "result", false},
    {"before", "before", false},
    {"after", "after", false},
    {"delta", "delta", false},
    {"status", "status", false},
    {"attribution", "attribution", false},
    {"attribution_intro", "diffmd_attribution_intro", false},
    {"part", "part", false},
    {"change", "diffmd_change", false},
    {"text", "text", false},
    {"title_word", "title_word", false},
    {"clause_heading", "clause_heading", false},
};


const Labels& labels(const std::string& lang) {
  static const std::map<std::string, Labels> all{
      {"en", label_table(kUses, "en")}, {"ru", label_table(kUses, "ru")}, {"kk", label_table(kUses, "kk")}};
  auto it = all.find(lang);
  return it == all.end() ? all.at("en") : it->second;
}

// Escapes what Markdown would read as markup in a table cell or in running text.
std::string md(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '|' || ch == '*' || ch == '~' || ch == '_' || ch == '`' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

// A description that quotes names in backticks (`k`), kept as code; only the pipe is escaped.
std::string cell(const std::string& s) {
  std::string out;
  for (char ch : s) out += ch == '|' ? std::string("\\|") : std::string(1, ch);
  return out;
}

std::string signed_text(const Rational& v, int round) {
  const std::string s = v.round(round).to_fixed(round);
  return v.sign() > 0 ? "+" + s : s;
}

std::string title_in(const ast::Clause& c, const std::string& lang) {
  for (const auto& t : c.titles)
    if (t.lang == lang) return t.value;
  return c.title;
}

// The clause as written, whole: its titles and texts as prose, its items as the rule file has them.
std::string whole_clause(const interp::ClauseVersion& v, const std::string& heading) {
  const ast::Clause& c = *v.as_written();
  std::string out = "\n**" + heading + "**\n\n";
  for (const auto& t : c.titles) out += fmt::format("- {}: {}\n", t.lang, md(t.value));
  for (const auto& t : c.texts) out += fmt::format("\n> ({}) {}\n", t.lang, md(t.value));
  const SourceFile* file = c.span.file;
  const std::uint32_t end = c.end_span.valid() ? c.end_span.end : c.span.end;
  if (file && end > c.span.begin) out += "\n```\n" + file->text.substr(c.span.begin, end - c.span.begin) + "\n```\n";
  return out;
}


}  // namespace

std::string render_markdown_review(const interp::RuleDiff& d, const MarkdownReview& r) {
  const Labels& L = labels(r.lang);
  auto F = [&](const char* key, auto&&... args) { return fmt::format(fmt::runtime(L.at(key)), args...); };
  std::string out = "# " + L.at("title") + "\n\n";
  out += F("compared", r.before_shown, format_date(r.before_as_of), r.after_shown, format_date(r.after_as_of)) + "\n";
  if (d.two_data)
    out += fmt::format(fmt::runtime(diff_word(r.lang, "data_compared")), r.data_before_shown, r.data_after_shown) + "\n";
  out += "\n## " + L.at("changes") + "\n";
  if (!d.changed()) out += "\n" + (d.two_data ? diff_word(r.lang, "rules_same") : L.at("none")) + "\n";
  if (!d.contract.empty()) {
    out += "\n### " + L.at("contract") + "\n\n";
    for (const auto& ch : d.contract) out += "- " + cell(interp::describe(ch, r.lang)) + "\n";
  }
  // Words removed from a text struck through, words added in bold.
  interp::DiffMarks marks{"~~", "~~", "**", "**", md};
  for (const auto& cd : d.clauses) {
    const interp::ClauseVersion* v = cd.after ? cd.after : cd.before;
    const std::string title = v && v->clause ? md(title_in(*v->clause, r.lang)) : "";
    out += "\n### " + fmt::format(fmt::runtime(L.at("clause_heading")), cd.number, title) + "\n\n";
    for (const auto& ch : cd.changes) {
      using K = interp::Change::Kind;
      if (ch.kind == K::TextChanged || ch.kind == K::TitleChanged)
        out += fmt::format("- {} ({}): {}\n", L.at(ch.kind == K::TextChanged ? "text" : "title_word"), ch.subject,
                           interp::word_diff(ch.before, ch.after, marks));
      else
        out += "- " + describe_change(ch, cd, r.lang, true) + "\n";
      if (ch.kind == K::ClauseAdded && cd.after && cd.after->clause) out += whole_clause(*cd.after, L.at("whole_added"));
      if (ch.kind == K::ClauseRemoved && cd.before && cd.before->clause) out += whole_clause(*cd.before, L.at("whole_removed"));
    }
  }
  if (!r.data) return out;
  auto name_of = [&](const interp::Impact& im) { return body_name_in(*im.who, r.lang); };
  bool names = false;
  for (const auto& im : d.impacts) names = names || !name_of(im).empty();
  out += "\n## " + L.at("impact") + "\n\n" +
         F("summary", r.affected, d.bodies, r.rise.empty() ? L.at("none_word") : r.rise,
           r.fall.empty() ? L.at("none_word") : r.fall, r.rank_changes) + "\n\n";
  out += "| " + L.at("body") + (names ? " | " + L.at("name") : "") + " | " + L.at("clause_col") + " | " + L.at("result") +
         " | " + L.at("before") + " | " + L.at("after") + " | " + L.at("delta") + " | " + L.at("status") + " |\n";
  out += std::string("|---") + (names ? "|---" : "") + "|--:|---|--:|--:|--:|---|\n";
  for (const auto& im : d.impacts) {
    // Statuses in the words of the report (one catalogue of labels, cli/Html.cpp).
    auto status = [&](bool present, interp::Status st) { return present ? html::status_label(r.lang, st) : L.at("absent"); };
    std::string status_before = status(im.before_present, im.before_status);
    std::string status_after = status(im.after_present, im.after_status);
    out += fmt::format("| {}{} | {} | {} | {} | {} | {} | {} |\n", md(im.who->code),
                       names ? " | " + md(name_of(im)) : "", im.clause, md(im.result),
                       im.before_present ? (im.before_text.empty() ? "n/a" : im.before_text) : "",
                       im.after_present ? (im.after_text.empty() ? "n/a" : im.after_text) : "",
                       im.delta ? signed_text(*im.delta, im.round) : "",
                       status_before == status_after ? status_before : status_before + " → " + status_after);
  }

  // A body in one data set only: no move to show, listed apart.
  for (const auto* key : {"appeared", "gone"}) {
    const auto& list = std::string(key) == "appeared" ? d.appeared : d.gone;
    if (list.empty()) continue;
    out += "\n### " + diff_word(r.lang, key) + "\n\n";
    for (const auto* b : list)
      out += "- " + md(b->code) + (body_name_in(*b, r.lang).empty() ? "" : " — " + md(body_name_in(*b, r.lang))) + "\n";
  }

  // One change that moved many bodies alike is said once (cli/DiffCommon.cpp).
  std::set<const interp::Impact*> collapsed;
  std::string common;
  for (const auto& m : common_moves(d)) {
    collapsed.insert(m.impacts.begin(), m.impacts.end());
    common += "- " + cell(common_move_text(m, r.lang, d)) + "\n";
  }
  out += "\n## " + L.at("attribution") + "\n\n" + L.at("attribution_intro") + "\n";
  if (!common.empty()) out += "\n### " + diff_word(r.lang, "common") + "\n\n" + common;
  bool header = false;
  for (const auto& im : d.impacts) {
    if (!im.delta || collapsed.count(&im)) continue;
    if (!header) {
      out += "\n| " + L.at("body") + " | " + L.at("clause_col") + " | " + L.at("result") + " | " + L.at("part") + " | " +
             L.at("change") + " |\n|---|--:|---|--:|---|\n";
      header = true;
    }
    for (const auto& [label, part] : im.parts)
      out += fmt::format("| {} | {} | {} | {} | {} |\n", md(im.who->code), im.clause, md(im.result),
                         signed_text(part, im.round), cell(part_label(label, d, r.lang)));
    if (!im.attribution_note.empty())
      out += fmt::format("| {} | {} | {} |  | {} |\n", md(im.who->code), im.clause, md(im.result),
                         cell(attribution_note_text(im.attribution_note, r.lang)));
  }
  return out;
}

}  // namespace ereje::cli
