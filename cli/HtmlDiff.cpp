// The amendment review as an HTML page: see HtmlDiff.hpp.
#include "cli/HtmlDiff.hpp"
#include "core/Labels.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "cli/DiffCommon.hpp"
#include "cli/Html.hpp"
#include "cli/Receipt.hpp"

namespace ereje::cli {
namespace {

using html::esc;
using html::label;
using html::labelf;

// Text for word_diff's marks (a function, not an overload set).
std::string esc_word(const std::string& s) { return esc(s); }

// `d` escaped, names and expressions in backticks as code.
std::string code_spans(const std::string& d) {
  std::string out;
  bool code = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= d.size(); ++i) {
    if (i == d.size() || d[i] == '`') {
      out += code ? "<code>" + esc(d.substr(start, i - start)) + "</code>" : esc(d.substr(start, i - start));
      code = !code;
      start = i + 1;
    }
  }
  return out;
}

// A legal text or title changed: the words removed struck (<del>), the words added in bold (<ins>),
// as the Markdown review has them (interp::word_diff).
std::string change_html(const interp::Change& ch, const interp::ClauseDiff& cd, const std::string& lang) {
  using K = interp::Change::Kind;
  if (ch.kind == K::TextChanged || ch.kind == K::TitleChanged) {
    const bool text = ch.kind == K::TextChanged;
    const std::string& what = label_text(text ? "text" : "title_word", lang);
    return fmt::format("{} {}: <span class=\"wdiff\">{}</span>", esc(what), esc(ch.subject),
                       interp::word_diff(ch.before, ch.after, {"<del>", "</del>", "<ins>", "</ins>", esc_word}));
  }
  return code_spans(describe_change(ch, cd, lang, false));
}

std::string status_move(const interp::Impact& im, const std::string& lang) {
  // Statuses in the report's words in Kazakh and Russian (html::status_label), the codes in English.
  auto word = [&lang](bool present, interp::Status st) {
    if (!present) return label(lang, "absent");
    return lang == "kk" || lang == "ru" ? html::status_label(lang, st) : std::string(interp::status_name(st));
  };
  std::string a = word(im.before_present, im.before_status), b = word(im.after_present, im.after_status);
  return a == b ? a : a + " → " + b;
}

std::string shown_value(const interp::Impact& im, bool before) {
  const bool present = before ? im.before_present : im.after_present;
  const std::string& text = before ? im.before_text : im.after_text;
  return present ? (text.empty() ? "n/a" : text) : "—";
}

}  // namespace

std::string signed_fixed(const Rational& r, int places) {
  std::string t = r.to_fixed(places);
  return r.sign() > 0 ? "+" + t : t;
}

std::string diff_clause_title(const interp::ClauseDiff& d, const std::string& lang) {
  const auto* v = d.after ? d.after : d.before;
  return v && v->clause ? html::clause_title(*v->clause, lang) : "";
}

std::string diff_html(const DiffView& v) {
  const auto& d = *v.diff;
  const std::string& lang = v.lang;
  const auto* data = v.data;
  auto who = [&](const interp::Impact* im) {
    return im ? fmt::format("{} · {} {} · {}", im->who->code, im->clause, im->result,
                            signed_fixed(*im->delta, im->round))
              : label(lang, "none_word");
  };
  auto impact_anchor = [](std::size_t i) { return fmt::format("move-{}", i); };

  std::string b;
  b += "<header class=\"top\">";
  b += fmt::format("<h1>{}</h1>", esc(label(lang, "diff_title")));
  b += fmt::format("<p class=\"meta\">{}: <code>{}</code> → {}: <code>{}</code></p>", esc(label(lang, "before")),
                   esc(labelf(lang, "compared", {v.before_shown, format_date(v.before_as_of)})), esc(label(lang, "after")),
                   esc(labelf(lang, "compared", {v.after_shown, format_date(v.after_as_of)})));
  if (d.two_data)
    b += fmt::format("<p class=\"meta\" id=\"data-compared\">{}</p>",
                     code_spans(fmt::format(fmt::runtime(diff_word(lang, "data_compared")), v.data_before_shown, v.data_after_shown)));
  b += "</header>";

  b += "<div class=\"cards\" id=\"summary\">";
  auto card = [&](const std::string& n, const std::string& l) {
    b += fmt::format("<div class=\"card\"><div class=\"n\">{}</div><div class=\"l\">{}</div></div>", esc(n), esc(l));
  };
  card(std::to_string(d.clauses.size()), label(lang, "changes"));
  if (data) {
    card(fmt::format("{} / {}", v.affected, d.bodies), labelf(lang, "affected", {std::to_string(v.affected), std::to_string(d.bodies)}));
    card(v.rise ? signed_fixed(*v.rise->delta, v.rise->round) : "—", label(lang, "largest_rise") + ": " + who(v.rise));
    card(v.fall ? signed_fixed(*v.fall->delta, v.fall->round) : "—", label(lang, "largest_fall") + ": " + who(v.fall));
    card(std::to_string(v.rank_moves.size()), label(lang, "rank_changes"));
  }
  b += "</div>";

  b += "<nav class=\"toc\"><ol>";
  b += fmt::format("<li><a href=\"#changes\">{}</a></li>", esc(label(lang, "changes")));
  if (!d.contract.empty())
    b += fmt::format("<li><a href=\"#contract\">{}</a></li>", esc(label(lang, "contract_changes")));
  if (data) {
    b += fmt::format("<li><a href=\"#impact\">{}</a></li>", esc(label(lang, "impact")));
    b += fmt::format("<li><a href=\"#attribution\">{}</a></li>", esc(label(lang, "attribution")));
    b += fmt::format("<li><a href=\"#ranks\">{}</a></li>", esc(label(lang, "rank_changes")));
  }
  b += "</ol></nav>";

  // The changes, clause by clause, in the terms of the language.
  b += fmt::format("<section id=\"changes\"><h2>{}</h2>", esc(label(lang, "changes")));
  if (d.clauses.empty()) b += "<p>" + esc(d.two_data && !d.changed() ? diff_word(lang, "rules_same") : label(lang, "no_changes")) + "</p>";
  for (const auto& cd : d.clauses) {
    b += fmt::format("<div class=\"clause-changes\" data-clause=\"{}\"><h3>{} — {}</h3><ul class=\"changes\">",
                     esc(cd.number), esc(fmt::format(fmt::runtime(label_text("clause_n", lang)), cd.number)),
                     esc(diff_clause_title(cd, lang)));
    for (const auto& ch : cd.changes)
      b += fmt::format("<li data-kind=\"{}\"{}>{}</li>", interp::kind_name(ch.kind),
                       ch.affects_values ? " class=\"affects\"" : "", change_html(ch, cd, lang));
    b += "</ul></div>";
  }
  b += "</section>";

  // The data contract in force on each side's date, compared: tables, columns, references and
  // invariants added, removed or changed.
  if (!d.contract.empty()) {
    b += fmt::format("<section id=\"contract\"><h2>{}</h2><ul class=\"changes\">", esc(label(lang, "contract_changes")));
    for (const auto& ch : d.contract)
      b += fmt::format("<li data-kind=\"{}\" data-table=\"{}\">{}</li>", interp::kind_name(ch.kind), esc(ch.table),
                       code_spans(interp::describe(ch, lang)));
    b += "</ul></section>";
  }

  if (data) {
    // The impact: a diverging chart of every move, then the table.
    b += fmt::format("<section id=\"impact\"><h2>{}</h2><p class=\"meta\">{}</p>", esc(label(lang, "impact")),
                     esc(labelf(lang, "affected", {std::to_string(v.affected), std::to_string(d.bodies)})));
    if (d.impacts.empty()) {
      b += "<p>" + esc(label(lang, "no_moves")) + "</p>";
    } else {
      // The chart shows numeric moves; moves of status only (absent -> ok, n/a -> ok) are in the table.
      std::vector<html::Move> moves;
      std::size_t status_moves = 0;
      for (std::size_t i = 0; i < d.impacts.size(); ++i) {
        const auto& im = d.impacts[i];
        if (!im.delta) {
          ++status_moves;
          continue;
        }
        html::Move m;
        m.label = fmt::format("{} · {} {}", im.who->code, im.clause, im.result);
        m.href = "#" + impact_anchor(i);
        m.detail = fmt::format("{} → {} ({})", shown_value(im, true), shown_value(im, false), status_move(im, lang));
        if (im.delta) {
          m.value = html::chart_value(*im.delta);
          m.text = signed_fixed(*im.delta, im.round);
        } else {
          m.text = status_move(im, lang);
        }
        moves.push_back(std::move(m));
      }
      b += fmt::format("<figure id=\"impact-chart\"><figcaption>{}</figcaption>{}</figure>", esc(label(lang, "moves")),
                       html::diverging_chart(moves, label(lang, "moves")));
      if (status_moves)
        b += "<p class=\"meta\">" + esc(labelf(lang, "status_only", {std::to_string(status_moves)})) + "</p>";
      b += fmt::format(
          "<table id=\"impact-table\"><thead><tr><th>{}</th><th></th><th class=\"num\">{}</th><th>{}</th><th class=\"num\">{}"
          "</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead><tbody>",
          esc(label(lang, "body")), esc(label(lang, "clause")), esc(label(lang, "result")), esc(label(lang, "before")),
          esc(label(lang, "after")), esc(label(lang, "delta")), esc(label(lang, "status")));
      for (std::size_t i = 0; i < d.impacts.size(); ++i) {
        const auto& im = d.impacts[i];
        const bool oor = (im.after_present && im.after_status == interp::Status::OutOfRange);
        b += fmt::format(
            "<tr class=\"{}\" data-agency=\"{}\" data-clause=\"{}\"><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td>"
            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num {}\">{}</td><td class=\"nowrap\">{}</td></tr>",
            oor ? "oor" : "", esc(im.who->code), esc(im.clause), esc(im.who->code),
            esc(html::body_name(*im.who, lang)), esc(im.clause), esc(im.result), esc(shown_value(im, true)),
            esc(shown_value(im, false)), im.delta ? (im.delta->sign() > 0 ? "pos" : "neg") : "",
            im.delta ? esc(signed_fixed(*im.delta, im.round)) : "", esc(status_move(im, lang)));
      }
      b += "</tbody></table>";
    }
    // A body in one data set only: no move to show, listed apart.
    for (const auto* key : {"appeared", "gone"}) {
      const auto& list = std::string(key) == "appeared" ? d.appeared : d.gone;
      if (list.empty()) continue;
      b += fmt::format("<h3>{}</h3><ul class=\"bodies\" id=\"{}\">", esc(diff_word(lang, key)), key);
      for (const auto* body : list)
        b += fmt::format("<li data-agency=\"{0}\">{0}{1}</li>", esc(body->code),
                         html::body_name(*body, lang).empty() ? "" : " — " + esc(html::body_name(*body, lang)));
      b += "</ul>";
    }
    b += "</section>";

    // Attribution: the part of each change in each move; a change that moved many bodies alike
    // said once (cli/DiffCommon.cpp), its moves still in the table below.
    b += fmt::format("<section id=\"attribution\"><h2>{}</h2><p class=\"meta\">{}</p>", esc(label(lang, "attribution")),
                     esc(label(lang, "attribution_intro")));
    if (const auto common = common_moves(d); !common.empty()) {
      b += fmt::format("<h3>{}</h3><ul class=\"changes\" id=\"common-moves\">", esc(diff_word(lang, "common")));
      for (const auto& m : common)
        b += fmt::format("<li data-clause=\"{}\" data-bodies=\"{}\">{}</li>", esc(m.clause), m.impacts.size(),
                         code_spans(common_move_text(m, lang, d)));
      b += "</ul>";
    }
    double max_part = 0;
    for (const auto& im : d.impacts)
      for (const auto& [lbl, part] : im.parts) max_part = std::max(max_part, std::fabs(html::chart_value(part)));
    std::size_t status_only = 0;
    b += fmt::format("<table id=\"attribution-table\"><thead><tr><th>{}</th><th class=\"num\">{}</th><th>{}</th><th></th>"
                     "</tr></thead><tbody>",
                     esc(label(lang, "body")), esc(label(lang, "part")), esc(label(lang, "change")));
    for (std::size_t i = 0; i < d.impacts.size(); ++i) {
      const auto& im = d.impacts[i];
      if (!im.delta) {
        ++status_only;
        continue;
      }
      b += fmt::format("<tr id=\"{}\" class=\"move-head\" data-agency=\"{}\"><td><b>{} · {} {}</b></td><td class=\"num\"><b>{}</b>"
                       "</td><td>{}</td><td></td></tr>",
                       impact_anchor(i), esc(im.who->code), esc(im.who->code),
                       esc(im.clause), esc(im.result), esc(signed_fixed(*im.delta, im.round)),
                       esc(fmt::format("{} → {}", shown_value(im, true), shown_value(im, false))));
      for (const auto& [lbl, part] : im.parts) {
        b += fmt::format("<tr class=\"part\"><td></td><td class=\"num {}\">{}</td><td>{}</td><td>{}</td></tr>",
                         part.sign() > 0 ? "pos" : part.sign() < 0 ? "neg" : "", esc(signed_fixed(part, im.round)),
                         esc(part_label(lbl, d, lang)), html::mini_bar(html::chart_value(part), max_part));
      }
      if (!im.attribution_note.empty())
        b += fmt::format("<tr class=\"part\"><td></td><td></td><td colspan=\"2\" class=\"meta\">{}</td></tr>",
                         esc(attribution_note_text(im.attribution_note, lang)));
    }
    b += "</tbody></table>";
    if (status_only) b += "<p class=\"meta\">" + esc(labelf(lang, "status_only", {std::to_string(status_only)})) + "</p>";
    b += "</section>";

    // Rank changes.
    b += fmt::format("<section id=\"ranks\"><h2>{}</h2>", esc(label(lang, "rank_changes")));
    if (v.rank_moves.empty()) {
      b += "<p>" + esc(label(lang, "none")) + "</p>";
    } else {
      b += fmt::format("<table><thead><tr><th>{}</th><th class=\"num\">{}</th><th>{}</th><th class=\"num\">{}</th>"
                       "<th class=\"num\">{}</th></tr></thead><tbody>",
                       esc(label(lang, "body")), esc(label(lang, "clause")), esc(label(lang, "result")),
                       esc(label(lang, "before")), esc(label(lang, "after")));
      for (const auto& m : v.rank_moves)
        b += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num {}\">{}"
                         "</td></tr>",
                         esc(m.agency), esc(m.clause), esc(m.result), m.before, m.after < m.before ? "pos" : "neg", m.after);
      b += "</tbody></table>";
    }
    b += "</section>";
  }
  b += fmt::format("<footer>{}</footer>", esc(labelf(lang, "generated", {kEngineVersion})));
  return html::page(lang, label(lang, "diff_title"), b);
}

}  // namespace ereje::cli
