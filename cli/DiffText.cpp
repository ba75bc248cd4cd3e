// `ereje diff` in text, Markdown and JSON: see DiffText.hpp.
#include "cli/DiffText.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/Common.hpp"
#include "cli/DiffCommon.hpp"
#include "cli/DiffMarkdown.hpp"
#include "cli/Output.hpp"
#include "cli/Html.hpp"
#include "core/Labels.hpp"

namespace ereje::cli {
namespace {

std::string signed_text(const Rational& r, int places) {
  std::string t = r.to_fixed(places);
  return r.sign() > 0 ? "+" + t : t;
}


std::string clause_title(const interp::ClauseDiff& d) {
  const auto* v = d.after ? d.after : d.before;
  return v && v->clause ? v->clause->title : "";
}

// The clause's title in `lang` (its `title kk`/`title ru`), else as written.
std::string clause_title(const interp::ClauseDiff& d, const std::string& lang) {
  const auto* v = d.after ? d.after : d.before;
  if (v && v->clause)
    for (const auto& t : v->clause->titles)
      if (t.lang == lang && !t.value.empty()) return t.value;
  return clause_title(d);
}

// The labels this output uses, by its own names (core/Labels.hpp holds their words).
const std::vector<LabelUse> kUses = {
    {"as_of", "difftext_as_of", false},
    {"data", "data", false},
    {"no_changes", "difftext_no_changes", false},
    {"contract", "data_contract", false},
    {"clause", "clause_heading", false},
    {"impact", "difftext_impact", false},
    {"no_moves", "difftext_no_moves", false},
    {"body", "body", false},
    {"clause_col", "clause", false},
    {"result", "result", false},
    {"before", "before", false},
    {"after", "after", false},
    {"delta", "delta", false},
    {"status", "status", false},
    {"who", "who", false},
    {"rise", "largest_rise", false},
    {"fall", "largest_fall", false},
    {"none", "none_word", false},
    {"ranks", "ranks", false},
    {"rank_move", "rank_move", false},
    {"attribution", "difftext_attribution", false},
    {"moved", "moved", false},
    {"status_only", "difftext_status_only", false},
};

// The words of the text output in kk, ru or en (numbers before nouns avoided where Russian would
// need agreement: "органов: 20").
const std::string& text_word(const std::string& lang, const std::string& key) {
  using Words = std::map<std::string, std::string>;
  static const std::map<std::string, Words> all{
      {"en", label_table(kUses, "en")}, {"ru", label_table(kUses, "ru")}, {"kk", label_table(kUses, "kk")}};
  auto l = all.find(lang);
  const Words& w = l == all.end() ? all.at("en") : l->second;
  auto it = w.find(key);
  return it == w.end() ? all.at("en").at(key) : it->second;
}

std::string status_move(const interp::Impact& im, const std::string& lang) {
  // Statuses in the report's words in Kazakh and Russian (html::status_label), the codes in English.
  const bool tr = lang == "kk" || lang == "ru";
  auto word = [&](bool present, interp::Status st) {
    if (!present) return label_text("absent", lang);
    return tr ? html::status_label(lang, st) : std::string(interp::status_name(st));
  };
  const std::string a = word(im.before_present, im.before_status), b = word(im.after_present, im.after_status);
  return a == b ? a : a + (tr ? " → " : " -> ") + b;
}


// Competition ranking ("1224"), highest value first, over the bodies with a value (by code).
std::map<std::string, int> ranks(const std::vector<std::pair<std::string, Rational>>& values) {
  auto v = values;
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return b.second < a.second; });
  std::map<std::string, int> out;
  for (std::size_t i = 0; i < v.size(); ++i)
    out[v[i].first] = (i > 0 && v[i].second == v[i - 1].second) ? out[v[i - 1].first] : static_cast<int>(i) + 1;
  return out;
}

}  // namespace

Summary summarize(const interp::RuleDiff& d, const input::DataSet& before_data, const input::DataSet& after_data) {
  const interp::Evaluation& before = d.before_results;
  const interp::Evaluation& after = d.after_results;
  Summary s;
  for (const auto& im : d.impacts) {
    s.affected.insert(im.who->code);
    if (im.kind == interp::OutputKind::Rank || im.kind == interp::OutputKind::Grade) continue;  // a place, not a score
    if (im.delta && im.delta->sign() > 0 && (!s.rise || *s.rise->delta < *im.delta)) s.rise = &im;
    if (im.delta && im.delta->sign() < 0 && (!s.fall || *im.delta < *s.fall->delta)) s.fall = &im;
  }
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, Rational>>> bv, av;
  // Scores are ranked here, highest first; a rank the rules declare is its own (its ties and
  // placements are the rule's), and a grade is no number.
  auto scored = [](const interp::ResultRow& r) {
    return !r.value.is_missing() && (r.kind == interp::OutputKind::Result || r.kind == interp::OutputKind::Obligation);
  };
  auto code_before = [&](const interp::ResultRow& r) { return before_data.bodies[r.body].code; };
  auto code_after = [&](const interp::ResultRow& r) { return after_data.bodies[r.body].code; };
  for (const auto& r : before.rows)
    if (scored(r)) bv[{r.version->number, r.result}].push_back({code_before(r), r.value.num.round(r.round)});
  for (const auto& r : after.rows)
    if (scored(r)) av[{r.version->number, r.result}].push_back({code_after(r), r.value.num.round(r.round)});
  std::map<std::tuple<std::string, std::string, std::string>, int> declared;
  for (const auto& r : before.rows)
    if (r.kind == interp::OutputKind::Rank && !r.value.is_missing())
      declared[{code_before(r), r.version->number, r.result}] = static_cast<int>(r.value.num.to_int64());
  for (const auto& r : after.rows)
    if (auto it = declared.find({code_after(r), r.version->number, r.result});
        r.kind == interp::OutputKind::Rank && !r.value.is_missing() && it != declared.end() &&
        it->second != static_cast<int>(r.value.num.to_int64()))
      s.rank_moves.push_back({code_after(r), r.version->number, r.result, it->second, static_cast<int>(r.value.num.to_int64())});
  for (const auto& [key, vals] : av) {
    if (!bv.count(key)) continue;
    auto rb = ranks(bv[key]), ra = ranks(vals);
    for (const auto& [body, rank] : ra)
      if (rb.count(body) && rb[body] != rank) s.rank_moves.push_back({body, key.first, key.second, rb[body], rank});
  }
  std::stable_sort(s.rank_moves.begin(), s.rank_moves.end(), [](const RankMove& a, const RankMove& b) {
    return std::abs(a.after - a.before) > std::abs(b.after - b.before);
  });
  return s;
}

std::string render_text(const interp::RuleDiff& d, const DiffSideShown& a, const DiffSideShown& b, const input::DataSet* data,
                        const Summary* sum, const Colours& c, const std::string& lang) {
  auto W = [&](const char* key) -> const std::string& { return text_word(lang, key); };
  auto F = [&](const char* key, auto&&... args) { return fmt::format(fmt::runtime(W(key)), args...); };
  std::string out = F("as_of", a.shown, format_date(a.as_of)) + "  ->  " + F("as_of", b.shown, format_date(b.as_of)) + "\n";
  if (d.two_data) out += fmt::format("{} {}  ->  {}\n", W("data"), a.data_shown, b.data_shown);
  if (!d.changed()) out += "\n" + (d.two_data ? diff_word(lang, "rules_same") : W("no_changes")) + "\n";
  if (!d.contract.empty()) {
    out += "\n" + c.bold(W("contract")) + "\n";
    for (const auto& ch : d.contract) out += "  - " + interp::describe(ch, lang) + "\n";
  }
  for (const auto& cd : d.clauses) {
    out += "\n" + c.bold(F("clause", cd.number, clause_title(cd, lang))) + "\n";
    for (const auto& ch : cd.changes) out += "  - " + describe_change(ch, cd, lang, false) + "\n";
  }
  if (!data) return out;
  out += fmt::format("\n{}\n", c.bold(F("impact", d.bodies, sum->affected.size())));
  for (const auto* key : {"appeared", "gone"}) {
    const auto& list = std::string(key) == "appeared" ? d.appeared : d.gone;
    if (list.empty()) continue;
    out += "  " + diff_word(lang, key) + ":";
    for (const auto* body : list) out += " " + body->code;
    out += "\n";
  }
  if (d.impacts.empty()) return out + "  " + W("no_moves") + "\n";
  std::vector<std::vector<std::string>> rows{
      {W("body"), W("clause_col"), W("result"), W("before"), W("after"), W("delta"), W("status")}};
  for (const auto& im : d.impacts)
    rows.push_back({im.who->code, im.clause, im.result,
                    im.before_present ? (im.before_text.empty() ? "n/a" : im.before_text) : "",
                    im.after_present ? (im.after_text.empty() ? "n/a" : im.after_text) : "",
                    im.delta ? signed_text(*im.delta, im.round) : "", status_move(im, lang)});
  std::vector<std::size_t> w(rows[0].size(), 0);
  for (const auto& r : rows)
    for (std::size_t i = 0; i < r.size(); ++i) w[i] = std::max(w[i], utf8_length(r[i]));
  for (std::size_t k = 0; k < rows.size(); ++k) {
    std::string line = " ";
    for (std::size_t i = 0; i < rows[k].size(); ++i) {
      bool right = i == 1 || (i >= 3 && i <= 5);
      std::string cell = right ? pad_left(rows[k][i], w[i]) : pad_right(rows[k][i], w[i]);
      if (i == 5 && k > 0 && !rows[k][i].empty()) cell = rows[k][i][0] == '+' ? c.green(cell) : c.red(cell);
      line += " " + cell;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  auto who = [&](const interp::Impact* im) {
    return F("who", im->who->code, im->clause, im->result, signed_text(*im->delta, im->round));
  };
  out += "\n";
  out += W("rise") + ": " + (sum->rise ? who(sum->rise) : W("none")) + "\n";
  out += W("fall") + ": " + (sum->fall ? who(sum->fall) : W("none")) + "\n";
  out += F("ranks", sum->rank_moves.size()) + "\n";
  for (std::size_t i = 0; i < sum->rank_moves.size() && i < 10; ++i) {
    const auto& m = sum->rank_moves[i];
    out += "  " + F("rank_move", m.agency, m.clause, m.result, m.before, m.after) + "\n";
  }
  out += "\n" + c.bold(W("attribution")) + "\n";
  std::size_t status_only = 0;
  for (const auto& im : d.impacts) {
    if (!im.delta) {  // a status change has no numeric move to split: the table above shows it
      ++status_only;
      continue;
    }
    out += "  " + F("moved", im.who->code, im.clause, im.result, im.delta ? signed_text(*im.delta, im.round) : status_move(im, lang)) + "\n";
    for (const auto& [label, part] : im.parts)
      out += fmt::format("    {:>8}  {}\n", signed_text(part, im.round), part_label(label, d, lang));
    if (!im.attribution_note.empty()) out += "    (" + attribution_note_text(im.attribution_note, lang) + ")\n";
  }
  if (status_only) out += "  " + F("status_only", status_only) + "\n";
  return out;
}


std::string render_markdown(const interp::RuleDiff& d, const DiffSideShown& a, const DiffSideShown& b, const input::DataSet* data,
                     const Summary& sum, const std::string& lang) {
  auto moved = [&](const interp::Impact* im) {
    if (!im) return std::string();
    const std::string code = im->who->code, delta = signed_text(*im->delta, im->round);
    return fmt::format(fmt::runtime(text_word(lang, "who")), code, im->clause, im->result, delta);
  };
  MarkdownReview r{a.shown, b.shown, a.as_of, b.as_of, data, sum.affected.size(), data ? moved(sum.rise) : "",
                   data ? moved(sum.fall) : "", sum.rank_moves.size(), lang, a.data_shown, b.data_shown};
  return render_markdown_review(d, r);
}

std::string render_json(const interp::RuleDiff& d, const DiffSideShown& a, const DiffSideShown& b, const input::DataSet* data,
                        const Summary* sum) {
  using J = nlohmann::ordered_json;
  J j;
  j["before"] = {{"rules", a.shown}, {"as_of", format_date(a.as_of)}};
  j["after"] = {{"rules", b.shown}, {"as_of", format_date(b.as_of)}};
  if (d.two_data) {
    j["before"]["data"] = a.data_shown;
    j["after"]["data"] = b.data_shown;
  }
  auto version = [](const interp::ClauseVersion* v) -> J {
    if (!v) return nullptr;
    return {{"act", v->act->id}, {"from", v->label()}, {"file", v->clause ? v->clause->number_span.where() : ""}};
  };
  j["contract"] = J::array();
  for (const auto& ch : d.contract)
    j["contract"].push_back({{"kind", interp::kind_name(ch.kind)}, {"table", ch.table}, {"subject", ch.subject},
                             {"before", ch.before}, {"after", ch.after}, {"description", interp::describe(ch)}});
  j["clauses"] = J::array();
  for (const auto& cd : d.clauses) {
    J cj{{"clause", cd.number}, {"title", clause_title(cd)}, {"before", version(cd.before)}, {"after", version(cd.after)}};
    cj["changes"] = J::array();
    for (const auto& ch : cd.changes)
      cj["changes"].push_back({{"kind", interp::kind_name(ch.kind)}, {"subject", ch.subject}, {"before", ch.before},
                               {"after", ch.after}, {"detail", ch.detail}, {"description", interp::describe(ch)},
                               {"affects_values", ch.affects_values},
                               {"before_at", ch.old_at.valid() ? ch.old_at.where() : ""},
                               {"after_at", ch.new_at.valid() ? ch.new_at.where() : ""}});
    j["clauses"].push_back(cj);
  }
  if (data) {
    J imp{{"bodies", d.bodies}, {"affected", sum->affected.size()}};
    auto ref = [&](const interp::Impact* im) -> J {
      if (!im) return nullptr;
      return {{kResultsBodyColumn, im->who->code}, {"clause", im->clause}, {"result", im->result},
              {"delta", signed_text(*im->delta, im->round)}};
    };
    if (d.two_data) {  // bodies in one data set only, by code
      imp["appeared"] = J::array();
      for (const auto* body : d.appeared) imp["appeared"].push_back(body->code);
      imp["gone"] = J::array();
      for (const auto* body : d.gone) imp["gone"].push_back(body->code);
    }
    imp["largest_rise"] = ref(sum->rise);
    imp["largest_fall"] = ref(sum->fall);
    imp["rank_changes"] = J::array();
    for (const auto& m : sum->rank_moves)
      imp["rank_changes"].push_back({{kResultsBodyColumn, m.agency}, {"clause", m.clause}, {"result", m.result},
                                     {"before", m.before}, {"after", m.after}});
    imp["rows"] = J::array();
    for (const auto& im : d.impacts) {
      J r{{kResultsBodyColumn, im.who->code}, {"clause", im.clause}, {"result", im.result},
          {"before", im.before_present ? J(im.before_text) : J(nullptr)},
          {"after", im.after_present ? J(im.after_text) : J(nullptr)},
          {"delta", im.delta ? J(signed_text(*im.delta, im.round)) : J(nullptr)},
          {"before_status", im.before_present ? J(interp::status_name(im.before_status)) : J("absent")},
          {"after_status", im.after_present ? J(interp::status_name(im.after_status)) : J("absent")}};
      r["attribution"] = J::array();
      for (const auto& [label, part] : im.parts) r["attribution"].push_back({{"change", label}, {"delta", signed_text(part, im.round)}});
      r["attribution_note"] = im.attribution_note;
      imp["rows"].push_back(r);
    }
    j["impact"] = imp;
  }
  return j.dump(2) + "\n";
}

}  // namespace ereje::cli
