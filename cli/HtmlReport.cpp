// The HTML report: see HtmlReport.hpp. Every value shown is the results table's text (rounded
// exactly, half up); doubles only place bars.
#include "cli/HtmlReport.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <optional>
#include <tuple>

#include "cli/Html.hpp"
#include "core/Labels.hpp"
#include "core/Timing.hpp"
#include "input/Both.hpp"
#include "interpreter/FastPass.hpp"
#include "cli/Output.hpp"
#include "cli/Receipt.hpp"

namespace ereje::cli {
namespace {

using html::esc;
using html::label;
using html::labelf;

// "0..k = 0..10" -> (0, 10); nullopt for bounds that are not numbers.
std::optional<std::pair<Rational, Rational>> parse_range(const std::string& range) {
  std::string r = range;
  if (auto eq = r.rfind(" = "); eq != std::string::npos) r = r.substr(eq + 3);
  auto dots = r.find("..");
  if (dots == std::string::npos) return std::nullopt;
  auto number = [](const std::string& s) -> std::optional<Rational> {
    if (auto slash = s.find('/'); slash != std::string::npos) {
      auto a = Rational::parse_decimal(s.substr(0, slash)), b = Rational::parse_decimal(s.substr(slash + 1));
      if (a && b && !b->is_zero()) return *a / *b;
      return std::nullopt;
    }
    return Rational::parse_decimal(s);
  };
  auto lo = number(r.substr(0, dots)), hi = number(r.substr(dots + 2));
  if (!lo || !hi) return std::nullopt;
  return std::make_pair(*lo, *hi);
}

// The shown part of a range: "0..10" of "0..k = 0..10".
std::string range_values(const std::string& range) {
  auto eq = range.rfind(" = ");
  return eq == std::string::npos ? range : range.substr(eq + 3);
}

std::string status_badge(interp::Status s, const std::string& lang) {
  switch (s) {
    case interp::Status::Ok: return "<span class=\"badge ok\" data-status=\"ok\">" + esc(label(lang, "status_ok")) + "</span>";
    case interp::Status::NotApplicable:
      return "<span class=\"badge na\" data-status=\"n/a\">n/a · " + esc(label(lang, "status_na")) + "</span>";
    case interp::Status::OutOfRange:
      return "<span class=\"badge oor\" data-status=\"out_of_range\">" + esc(label(lang, "status_oor")) + "</span>";
    case interp::Status::Unranked:
      return "<span class=\"badge na\" data-status=\"unranked\">" + esc(label(lang, "status_unranked")) + "</span>";
    case interp::Status::PlacedLast:
      return "<span class=\"badge oor\" data-status=\"placed_last\">" + esc(label(lang, "status_last")) + "</span>";
  }
  return "";
}

// One result of one clause over every body: a column of the ranking and of the distribution.
struct Series {
  const interp::ClauseVersion* version = nullptr;
  std::string result;
  int round = 2;
  bool obligation = false;
  std::string range;  // as explained, "" for obligations
  std::vector<const interp::ResultRow*> rows;
};

std::string anchor(std::size_t body) { return fmt::format("body-{}", body); }
std::string series_anchor(const Series& s) { return "clause-" + s.version->number + "-" + s.result; }

std::string exact(const interp::Value& v) {
  std::string s = v.show();
  if ((v.kind == interp::Kind::Number || v.kind == interp::Kind::Days) && s.find('/') != std::string::npos)
    s += " ≈ " + v.num.to_fixed(6);
  return s;
}

std::string aggregate_text(const interp::ExplainedAggregate& a, const std::string& lang) {
  return labelf(lang, "matched", {std::to_string(a.matched), std::to_string(a.rows), a.table}) + " (" + a.file + ")";
}

// The explain steps of one clause for one body, as in `ereje explain`.
std::string explanation_html(const interp::Explanation& x, const std::string& lang) {
  std::string out;
  if (x.results.empty()) return "<p class=\"meta\">" + esc(label(lang, "no_result")) + "</p>";
  for (const auto& r : x.results) {
    out += fmt::format("<p><b>{}</b> <code>{} = {}</code></p>", esc(r.obligation ? label(lang, "obligation") : label(lang, "result")),
                       esc(r.name), esc(r.expr));
    out += "<table class=\"names\"><tbody>";
    for (const auto& n : x.names) {
      const bool coef = n.kind == interp::ExplainedName::Kind::Coefficient;
      std::string where;
      for (const auto& a : n.aggregates) where += (where.empty() ? "" : "; ") + aggregate_text(a, lang);
      out += fmt::format("<tr><td><code>{}{}</code></td><td><code>{}</code></td><td class=\"num\">{}</td><td>{}</td></tr>",
                         coef ? esc(label(lang, "coefficient")) + " " : "", esc(n.name), esc(n.expr), esc(exact(n.value)),
                         esc(where.empty() ? ast::described_in(lang, n.description, n.descriptions) : where));
    }
    out += "</tbody></table>";
    if (!r.obligation && !r.steps.empty()) {
      std::size_t w1 = 0, w2 = 0;
      for (const auto& s : r.steps) {
        w1 = std::max(w1, utf8_length(s.expr));
        w2 = std::max(w2, utf8_length(s.substituted));
      }
      out += "<div class=\"meta\">" + esc(label(lang, "steps")) + ":</div><pre class=\"steps\">";
      for (const auto& s : r.steps)
        out += esc(fmt::format("{} = {} = {}", pad_right(s.expr, w1), pad_right(s.substituted, w2), exact(s.value))) + "\n";
      out += "</pre>";
    }
    for (const auto& a : r.breach) out += "<p>" + esc(label(lang, "breaches")) + ": " + esc(aggregate_text(a, lang)) + "</p>";
    out += fmt::format("<p><code>{} = {}</code>", esc(r.name), esc(exact(r.value)));
    if (!r.value.is_missing()) out += " · " + esc(labelf(lang, "rounded", {std::to_string(r.round), r.text}));
    out += " · " + status_badge(r.status, lang);
    if (!r.range.empty()) out += " · " + esc(label(lang, "range")) + " <code>" + esc(r.range) + "</code>";
    out += "</p>";
  }
  return out;
}

}  // namespace

std::string why_not_ok(const interp::ResultRow& row, const interp::Explanation& x, const interp::Evaluation& ev,
                       const input::DataSet& data, const std::string& lang) {
  std::vector<std::string> parts;
  for (const auto& r : x.results) {
    if (r.name != row.result) continue;
    if (row.kind == interp::OutputKind::Rank || row.kind == interp::OutputKind::Grade) {
      // Never ranked or graded as if it were valid: its subject is n/a or out of range.
      for (const auto& s : ev.rows)
        if (s.body == row.body && s.version == row.version && s.kind == interp::OutputKind::Result &&
            r.expr.find(" of " + s.result) != std::string::npos)
          parts.push_back(labelf(lang, "reason_subject", {r.expr, s.result + " " + interp::status_name(s.status)}));
      if (parts.empty()) parts.push_back(labelf(lang, "reason_subject", {r.expr, interp::status_name(row.status)}));
      continue;
    }
    if (row.status == interp::Status::OutOfRange) {
      auto range = parse_range(r.range);
      const bool below = range && row.value.num.round(row.round) < range->first;
      parts.push_back(labelf(lang, below ? "reason_below" : "reason_above", {row.text(), range_values(r.range)}));
      continue;
    }
    // n/a: the first step without a value says where; a division by zero says why.
    for (const auto& s : r.steps) {
      if (!s.value.is_missing()) continue;
      const bool div0 = s.substituted.size() >= 4 && s.substituted.compare(s.substituted.size() - 4, 4, " / 0") == 0;
      if (div0) parts.push_back(labelf(lang, "reason_div0", {s.expr, s.substituted}));
      break;
    }
    if (parts.empty())
      for (const auto& n : x.names)
        if (n.value.is_missing()) parts.push_back(labelf(lang, "reason_missing", {n.name}));
  }
  const std::string who = "body " + data.bodies[row.body].code + ":";
  for (const auto& w : ev.warnings.list())
    if (w.code == "undecidable-row" && w.message.rfind(who, 0) == 0) parts.push_back(w.message.substr(who.size() + 1));
  if (parts.empty()) parts.push_back(label(lang, "reason_unknown"));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::string report_html(const ReportInput& in) {
  const auto& data = *in.data;
  const auto& ev = *in.ev;
  const std::string& lang = in.lang;
  const std::string as_of = format_date(in.as_of);

  // Explanations: every body up to the limit, and every body with a result to explain.
  // Worked out per clause version for all those bodies at once, from one evaluation of it (one
  // per body would evaluate the clause for every body each time: hours at a national scale).
  std::map<std::pair<std::size_t, const interp::ClauseVersion*>, interp::Explanation> expl;
  {
    std::map<const interp::ClauseVersion*, std::set<std::size_t>> wanted;
    for (const auto* v : in.versions)
      for (std::size_t i = 0; i < std::min(data.bodies.size(), kMaxExplainedBodies); ++i) wanted[v].insert(i);
    for (const auto& r : ev.rows) {
      auto& set = wanted[r.version];
      if (r.status != interp::Status::Ok || set.empty()) set.insert(r.body);  // and each series' first body
    }
    std::map<const interp::ClauseVersion*, std::vector<std::size_t>> lists;
    for (const auto& [v, set] : wanted) lists[v].assign(set.begin(), set.end());
    Phase phase("report: explanations");
    auto xs = interp::explain_versions(*in.rules, *in.checked, data, in.as_of, lists);
    for (auto& [v, list] : xs)
      for (std::size_t k = 0; k < list.size(); ++k) expl.emplace(std::make_pair(lists[v][k], v), std::move(list[k]));
  }
  auto explanation = [&](std::size_t body, const interp::ClauseVersion* v) -> const interp::Explanation& {
    auto it = expl.find(std::make_pair(body, v));
    if (it == expl.end())  // not foreseen above: explained alone
      it = expl.emplace(std::make_pair(body, v), interp::explain(*in.rules, *in.checked, data, in.as_of, *v, body, false, false)).first;
    return it->second;
  };

  std::optional<Phase> phase(std::in_place, "report: overview, charts, results to look at");
  // Series in clause order, then result order of the rows.
  std::vector<Series> series;
  for (const auto* v : in.versions) {
    std::vector<std::string> names;
    // Charts are of values: a rank or a grade is shown with the body, not charted.
    for (const auto& r : ev.rows)
      if (r.version == v && (r.kind == interp::OutputKind::Result || r.kind == interp::OutputKind::Obligation) &&
          std::find(names.begin(), names.end(), r.result) == names.end())
        names.push_back(r.result);
    for (const auto& name : names) {
      Series s;
      s.version = v;
      s.result = name;
      for (const auto& r : ev.rows)
        if (r.version == v && r.result == name) {
          s.rows.push_back(&r);
          s.round = r.round;
        }
      if (!s.rows.empty())
        for (const auto& er : explanation(s.rows.front()->body, v).results)
          if (er.name == name) {
            s.obligation = er.obligation;
            s.range = er.range;
          }
      series.push_back(std::move(s));
    }
  }
  auto series_title = [&](const Series& s) {
    return fmt::format("{} · {} — {}", fmt::format(fmt::runtime(label_text("clause_n", lang)), s.version->number), s.result,
                       s.version->clause ? html::clause_title(*s.version->clause, lang) : "");
  };

  std::size_t na = 0, oor = 0;
  for (const auto& r : ev.rows) {
    na += r.status == interp::Status::NotApplicable;
    oor += r.status == interp::Status::OutOfRange;
  }

  std::string b;
  b.reserve(data.bodies.size() * 1536 + 65536);  // about what a page takes: no copy as it grows
  // Header and summary.
  b += "<header class=\"top\">";
  b += fmt::format("<h1>{}</h1>", esc(label(lang, "report_title")));
  b += fmt::format("<p class=\"meta\" id=\"as-of\">{}</p>", esc(labelf(lang, "as_of", {as_of})));
  b += fmt::format("<p class=\"meta\">{}: <code>{}</code> · {}: <code>{}</code></p>", esc(label(lang, "rules")),
                   esc(in.rules_shown), esc(label(lang, "data")), esc(in.data_shown));
  b += "</header>";
  b += "<div class=\"cards\" id=\"summary\">";
  auto card = [&](const std::string& n, const std::string& l, bool warn) {
    b += fmt::format("<div class=\"card{}\"><div class=\"n\">{}</div><div class=\"l\">{}</div></div>", warn ? " warn" : "",
                     esc(n), esc(l));
  };
  card(std::to_string(data.bodies.size()), label(lang, "bodies"), false);
  card(std::to_string(in.versions.size()), label(lang, "clauses"), false);
  card(std::to_string(ev.rows.size()), label(lang, "results"), false);
  card(std::to_string(na), "n/a · " + label(lang, "status_na"), na > 0);
  card(std::to_string(oor), label(lang, "status_oor"), oor > 0);
  b += "</div>";

  // Contents.
  b += "<nav class=\"toc\"><ol>";
  b += fmt::format("<li><a href=\"#ranking\">{}</a></li>", esc(label(lang, "ranking")));
  b += fmt::format("<li><a href=\"#distribution\">{}</a></li>", esc(label(lang, "distribution")));
  b += fmt::format("<li><a href=\"#attention\">{}</a></li>", esc(label(lang, "attention")));
  b += fmt::format("<li><a href=\"#bodies\">{}</a></li>", esc(label(lang, "by_body")));
  b += "</ol></nav>";

  // Ranking: one chart per clause and result.
  std::map<std::tuple<std::size_t, const interp::ClauseVersion*, std::string>, std::string> place;
  b += fmt::format("<section id=\"ranking\"><h2>{}</h2><div class=\"grid\">", esc(label(lang, "ranking")));
  for (const auto& s : series) {
    // Results: highest first; obligations (rows in breach): fewest first; ties by body code. A value
    // out of range is shown apart after the valid ones, with no place (it is never first because it
    // broke its range), and n/a last. Each value rounded as printed once, not at every compare.
    auto group = [](const interp::ResultRow* r) { return r->value.is_missing() ? 2 : r->status == interp::Status::OutOfRange ? 1 : 0; };
    std::vector<std::pair<const interp::ResultRow*, Rational>> keyed;
    keyed.reserve(s.rows.size());
    for (const auto* r : s.rows) keyed.emplace_back(r, r->value.is_missing() ? Rational{} : r->value.num.round(r->round));
    std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& x, const auto& y) {
      if (group(x.first) != group(y.first)) return group(x.first) < group(y.first);
      if (x.first->value.is_missing()) return false;
      return s.obligation ? x.second < y.second : y.second < x.second;
    });
    std::vector<const interp::ResultRow*> rows;
    rows.reserve(keyed.size());
    for (const auto& k : keyed) rows.push_back(k.first);
    std::vector<html::Bar> bars;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto* r = rows[i];
      html::Bar bar;
      if (!r->value.is_missing()) {
        if (group(r) == 0) {
          // Competition ranking on the printed values, of the valid ones only: ties share a rank.
          std::size_t rank = i + 1;
          if (i > 0 && group(rows[i - 1]) == 0 && keyed[i - 1].second == keyed[i].second)
            rank = static_cast<std::size_t>(std::stoul(bars.back().rank));
          bar.rank = std::to_string(rank);
        }
        bar.value = html::chart_value(keyed[i].second);
      }
      bar.label = data.bodies[r->body].code;
      bar.tooltip = html::body_name(data.bodies[r->body], lang);
      bar.href = "#" + anchor(r->body);
      bar.text = r->value.is_missing() ? "n/a" : r->text();
      bar.status = interp::status_name(r->status);
      bars.push_back(std::move(bar));
    }
    // Each body's place, shown in its own section: the chart of a national assessment shows only
    // the first and last places.
    std::size_t ranked = 0;
    for (const auto* r : rows) ranked += group(r) == 0;
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (!bars[i].rank.empty())
        place[{rows[i]->body, rows[i]->version, rows[i]->result}] =
            labelf(lang, "place_of", {bars[i].rank, std::to_string(ranked)});
    if (rows.size() > kFullRankingBodies) {
      // The first and the last places, and a few of those out of range and n/a (all of them are in
      // the section on them), each gap said in a line.
      std::vector<html::Bar> shown;
      std::size_t i = 0;
      auto take_group = [&](int g, std::size_t head, std::size_t tail) {
        std::size_t from = i;
        while (i < rows.size() && group(rows[i]) == g) ++i;
        const std::size_t n = i - from;
        if (n <= head + tail + 1) {
          for (std::size_t k = from; k < i; ++k) shown.push_back(bars[k]);
          return;
        }
        for (std::size_t k = from; k < from + head; ++k) shown.push_back(bars[k]);
        html::Bar gap;
        gap.gap = g == 0 ? labelf(lang, "ranking_gap", {std::to_string(n - head - tail), bars[from + head].rank,
                                                          bars[i - tail - 1].rank})
                         : labelf(lang, "ranking_more", {std::to_string(n - head - tail)});
        shown.push_back(std::move(gap));
        for (std::size_t k = i - tail; k < i; ++k) shown.push_back(bars[k]);
      };
      take_group(0, kRankingEnds, kRankingEnds);
      take_group(1, kRankingApart, 0);
      take_group(2, kRankingApart, 0);
      bars = std::move(shown);
    }
    std::optional<double> range_max;
    if (auto range = parse_range(s.range)) range_max = html::chart_value(range->second);
    const std::string sub = s.obligation ? label(lang, "fewer_first") : labelf(lang, "higher_first", {range_values(s.range)});
    b += fmt::format("<figure class=\"ranking\" id=\"{}\" data-clause=\"{}\" data-result=\"{}\"><figcaption>{}<span "
                     "class=\"sub\">{}</span></figcaption>{}</figure>",
                     esc(series_anchor(s)), esc(s.version->number), esc(s.result), esc(series_title(s)), esc(sub),
                     html::bar_chart(bars, range_max, series_title(s), lang));
  }
  b += "</div></section>";

  // Distribution: a histogram and the usual statistics per clause and result.
  b += fmt::format("<section id=\"distribution\"><h2>{}</h2><div class=\"grid\">", esc(label(lang, "distribution")));
  for (const auto& s : series) {
    std::vector<Rational> values;
    std::size_t missing = 0;
    for (const auto* r : s.rows) {
      if (r->value.is_missing()) ++missing;
      else values.push_back(r->value.num.round(r->round));
    }
    std::sort(values.begin(), values.end());
    std::vector<html::Bin> bins;
    auto range = parse_range(s.range);
    if (range && range->first < range->second) {
      // Ten bins over the range; a value on the top edge goes in the last bin.
      const Rational lo = range->first, hi = range->second, width = (hi - lo) / Rational(10);
      std::size_t below = 0, above = 0;
      std::vector<std::size_t> counts(10, 0);
      for (const auto& v : values) {
        if (v < lo) ++below;
        else if (v > hi) ++above;
        else {
          std::size_t k = 0;
          while (k < 9 && v >= lo + width * Rational(static_cast<std::int64_t>(k + 1))) ++k;
          ++counts[k];
        }
      }
      if (below) bins.push_back({"< " + lo.to_exact(), below, "out_of_range"});
      for (std::size_t k = 0; k < 10; ++k)
        bins.push_back({(lo + width * Rational(static_cast<std::int64_t>(k))).to_exact() + "–" +
                            (lo + width * Rational(static_cast<std::int64_t>(k + 1))).to_exact(),
                        counts[k], "ok"});
      if (above) bins.push_back({labelf(lang, "above", {hi.to_exact()}), above, "out_of_range"});
    } else {
      // Counts (obligations): one bin per value up to 15, then wider bins.
      std::int64_t top = values.empty() ? 0 : values.back().to_int64();
      const std::int64_t step = top < 15 ? 1 : (top + 14) / 15;
      for (std::int64_t k = 0; k <= top; k += step) {
        html::Bin bin{step == 1 ? std::to_string(k) : fmt::format("{}–{}", k, k + step - 1), 0, "ok"};
        for (const auto& v : values)
          if (v >= Rational(k) && v < Rational(k + step)) ++bin.count;
        bins.push_back(bin);
      }
    }
    bins.push_back({"n/a", missing, "n/a"});
    std::string stats;
    if (!values.empty()) {
      Rational sum;
      for (const auto& v : values) sum = sum + v;
      const std::size_t n = values.size();
      const Rational median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / Rational(2);
      // The median and mean of whole counts are seldom whole: at least two decimals (0.35, not 0).
      const int places = std::max(s.round, 2);
      stats = fmt::format("{} {} · {} {} · {} {} · {} {} · n/a {}", label(lang, "min"), values.front().to_fixed(s.round),
                          label(lang, "median"), median.to_fixed(places), label(lang, "mean"),
                          (sum / Rational(static_cast<std::int64_t>(n))).to_fixed(places), label(lang, "max"),
                          values.back().to_fixed(s.round), missing);
    }
    b += fmt::format("<figure class=\"distribution\" data-clause=\"{}\" data-result=\"{}\"><figcaption>{}</figcaption>{}"
                     "<p class=\"stats\">{}</p></figure>",
                     esc(s.version->number), esc(s.result), esc(series_title(s)),
                     html::histogram(bins, series_title(s), lang), esc(stats));
  }
  b += "</div></section>";

  // The results that need a second look, and why.
  b += fmt::format("<section id=\"attention\"><h2>{}</h2><p class=\"meta\">{}</p>", esc(label(lang, "attention")),
                   esc(label(lang, "attention_intro")));
  std::string rows_html;
  for (const auto& r : ev.rows) {
    if (r.status == interp::Status::Ok) continue;
    const auto& x = explanation(r.body, r.version);
    const bool is_na = r.status == interp::Status::NotApplicable;
    rows_html += fmt::format(
        "<tr class=\"{}\" data-agency=\"{}\" data-clause=\"{}\" data-status=\"{}\"><td><a href=\"#{}\">{}</a></td>"
        "<td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"why\">{}</td></tr>",
        is_na ? "na" : "oor", esc(data.bodies[r.body].code), esc(r.version->number), interp::status_name(r.status),
        anchor(r.body), esc(data.bodies[r.body].code), esc(html::body_name(data.bodies[r.body], lang)),
        esc(r.version->number), esc(r.result), is_na ? "n/a" : esc(r.label(lang)), status_badge(r.status, lang),
        esc(why_not_ok(r, x, ev, data, lang)));
  }
  if (rows_html.empty()) {
    b += "<p>" + esc(label(lang, "none")) + "</p>";
  } else {
    b += fmt::format("<table><thead><tr><th>{}</th><th></th><th class=\"num\">{}</th><th>{}</th><th class=\"num\">{}</th>"
                     "<th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
                     esc(label(lang, "body")), esc(label(lang, "clause")), esc(label(lang, "result")),
                     esc(label(lang, "value")), esc(label(lang, "status")), esc(label(lang, "why")), rows_html);
  }
  b += "</section>";

  // One section per body.
  b += fmt::format("<section id=\"bodies\"><h2>{}</h2>", esc(label(lang, "by_body")));
  // A national assessment's bodies in closed groups of kBodiesPerGroup by code, listed at the top:
  // a link to a body (from a chart, a table) opens its group, and so does the browser's search.
  const bool grouped = data.bodies.size() > kFullRankingBodies;
  auto group_title = [&](std::size_t g) {
    const std::size_t first = g * kBodiesPerGroup, last = std::min(data.bodies.size(), first + kBodiesPerGroup) - 1;
    return data.bodies[first].code + " – " + data.bodies[last].code;
  };
  b += "<p class=\"meta\">";
  if (grouped) {
    b += esc(labelf(lang, "bodies_index", {std::to_string(data.bodies.size()), std::to_string(kBodiesPerGroup)})) + "</p><p class=\"meta\">";
    for (std::size_t g = 0; g * kBodiesPerGroup < data.bodies.size(); ++g)
      b += fmt::format("{}<a href=\"#bodies-{}\">{}</a>", g ? " · " : "", g + 1, esc(group_title(g)));
  } else {
    for (std::size_t i = 0; i < data.bodies.size(); ++i)
      b += fmt::format("{}<a href=\"#{}\">{}</a>", i ? " · " : "", anchor(i), esc(data.bodies[i].code));
  }
  b += "</p>";
  if (data.bodies.size() > kMaxExplainedBodies)
    b += "<p class=\"meta\">" + esc(labelf(lang, "explained_limit", {std::to_string(kMaxExplainedBodies)})) + "</p>";
  std::vector<std::vector<const interp::ResultRow*>> by_body(data.bodies.size());
  for (const auto& r : ev.rows)
    if (r.body < by_body.size()) by_body[r.body].push_back(&r);
  // Every explanation the sections show, worked out first: the sections are then written on two
  // threads (a half of the bodies each, in order), which only read.
  for (std::size_t i = 0; i < std::min(data.bodies.size(), kMaxExplainedBodies); ++i)
    for (const auto* v : in.versions) explanation(i, v);
  auto section = [&](std::size_t i, std::string& out) {
    const auto& body = data.bodies[i];
    if (grouped && i % kBodiesPerGroup == 0)
      out += fmt::format("{}<details class=\"bodies\" id=\"bodies-{}\"><summary>{}</summary>", i ? "</details>" : "",
                         i / kBodiesPerGroup + 1, esc(group_title(i / kBodiesPerGroup)));
    out += fmt::format("<article class=\"body\" id=\"{}\" data-agency=\"{}\"><h3>{} <span class=\"name\">— {}</span></h3>",
                       anchor(i), esc(body.code), esc(body.code), esc(html::body_name(body, lang)));
    const std::string& other = lang == "kk" ? body.ru_name : body.kk_name;
    if (!body.category.empty() || !other.empty())
      out += fmt::format("<p class=\"meta\">{}{}</p>", body.category.empty() ? "" : esc(label(lang, body.category)),
                         other.empty() ? "" : (body.category.empty() ? "" : " · ") + esc(other));
    out += fmt::format("<table class=\"values\"><thead><tr><th class=\"num\">{}</th><th></th><th>{}</th><th class=\"num\">{}</th>"
                       "<th>{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead><tbody>",
                       esc(label(lang, "clause")), esc(label(lang, "result")), esc(label(lang, "value")),
                       esc(label(lang, "status")), esc(label(lang, "place")), esc(label(lang, "version")));
    for (const auto* r : by_body[i]) {
      auto pl = place.find({r->body, r->version, r->result});
      out += fmt::format("<tr class=\"{}\"><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td>"
                         "<td class=\"num place\">{}</td><td>{}</td></tr>",
                         r->status == interp::Status::Ok ? "" : r->status == interp::Status::NotApplicable ? "na" : "oor",
                         esc(r->version->number), esc(r->version->clause ? html::clause_title(*r->version->clause, lang) : ""),
                         esc(r->result), r->value.is_missing() ? "n/a" : esc(r->label(lang)), status_badge(r->status, lang),
                         pl == place.end() ? "" : esc(pl->second), esc(r->version->label()));
    }
    out += "</tbody></table>";
    if (i < kMaxExplainedBodies) {
      for (const auto* v : in.versions) {
        const auto& x = expl.at(std::make_pair(i, v));
        std::string head = fmt::format(fmt::runtime(label_text("clause_n", lang)), v->number);
        for (const auto& r : x.results) head += fmt::format(" · {} = {}", r.name, r.value.is_missing() ? "n/a" : r.text);
        out += fmt::format("<details open class=\"explain\" data-clause=\"{}\"><summary>{}</summary><p class=\"meta\">{}</p>{}"
                           "</details>",
                           esc(v->number), esc(head), esc(labelf(lang, "in_force_from", {v->label(), v->act->id})),
                           explanation_html(x, lang));
      }
    }
    out += "</article>";
  };
  phase.emplace("report: a section per body");
  {
    const std::size_t n = data.bodies.size(), mid = n / 2;
    std::string second;
    input::both(
        n >= 64 ? interp::fast::default_threads() : 1,
        [&] {
          for (std::size_t i = mid; i < n; ++i) section(i, second);
        },
        [&] {
          for (std::size_t i = 0; i < mid; ++i) section(i, b);
        });
    b += second;
  }
  if (grouped && !data.bodies.empty()) b += "</details>";
  b += "</section>";
  b += fmt::format("<footer>{} · {}</footer>", esc(labelf(lang, "generated", {kEngineVersion})),
                   esc(labelf(lang, "as_of", {as_of})));
  return html::page(lang, label(lang, "report_title") + " — " + labelf(lang, "as_of", {as_of}), b);
}

}  // namespace ereje::cli
