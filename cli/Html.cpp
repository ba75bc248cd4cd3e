// HTML and SVG building blocks: see Html.hpp. Colours are the Okabe–Ito palette, safe for the
// common colour-vision deficiencies, and never the only signal: statuses also differ in pattern
// and in words.
#include "core/Labels.hpp"
#include "cli/Html.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <cmath>
#include <map>

namespace ereje::cli::html {
namespace {

using Labels = std::map<std::string, std::string>;

// The labels of the pages, by the names the pages use (core/Labels.hpp holds their words).
const std::vector<LabelUse> kUses = {
    {"report_title", "report_title", false},
    {"as_of", "as_of", false},
    {"rules", "rules", false},
    {"data", "data", true},
    {"generated", "generated", false},
    {"contents", "contents", false},
    {"bodies", "bodies", false},
    {"clauses", "clauses", false},
    {"results", "results", false},
    {"ranking", "ranking", false},
    {"higher_first", "higher_first", false},
    {"fewer_first", "fewer_first", false},
    {"distribution", "distribution", false},
    {"attention", "attention", false},
    {"attention_intro", "attention_intro", false},
    {"none", "none", false},
    {"by_body", "by_body", false},
    {"clause", "clause", true},
    {"result", "result", true},
    {"value", "value", true},
    {"status", "status", true},
    {"version", "version", true},
    {"rank", "rank", false},
    {"body", "body", true},
    {"why", "why", false},
    {"steps", "steps", false},
    {"coefficient", "coefficient", false},
    {"matched", "matched", false},
    {"status_ok", "status_ok", false},
    {"status_na", "status_na", false},
    {"status_oor", "status_oor", false},
    {"status_unranked", "status_unranked", false},
    {"status_last", "status_last", false},
    {"reason_div0", "reason_div0", false},
    {"reason_subject", "reason_subject", false},
    {"reason_missing", "reason_missing", false},
    {"reason_above", "reason_above", false},
    {"reason_below", "reason_below", false},
    {"reason_unknown", "reason_unknown", false},
    {"min", "min", false},
    {"median", "median", false},
    {"mean", "mean", false},
    {"max", "max", false},
    {"count", "count", false},
    {"obligation", "obligation", false},
    {"breaches", "breaches", false},
    {"rounded", "rounded", false},
    {"range", "range", false},
    {"no_result", "no_result", false},
    {"explained_limit", "explained_limit", false},
    {"ranking_gap", "ranking_gap", false},
    {"ranking_more", "ranking_more", false},
    {"place", "place", false},
    {"place_of", "place_of", false},
    {"bodies_index", "bodies_index", false},
    {"in_force_from", "in_force_from", false},
    {"central", "central", false},
    {"local", "local", false},
    {"above", "above", false},
    {"warnings", "warnings", false},
    {"diff_title", "diff_title", false},
    {"before", "before", true},
    {"after", "after", true},
    {"compared", "compared", false},
    {"changes", "changes", false},
    {"contract_changes", "contract_changes", false},
    {"no_changes", "no_changes", false},
    {"impact", "impact", false},
    {"affected", "affected", false},
    {"largest_rise", "largest_rise", false},
    {"largest_fall", "largest_fall", false},
    {"rank_changes", "rank_changes", false},
    {"attribution", "attribution", false},
    {"attribution_intro", "attribution_intro", false},
    {"delta", "delta", true},
    {"part", "part", true},
    {"change", "change", false},
    {"none_word", "none_word", false},
    {"status_only", "status_only", false},
    {"moves", "moves", false},
    {"absent", "absent", false},
    {"no_moves", "no_moves", false},
};

const std::map<std::string, Labels>& all_labels() {
  static const std::map<std::string, Labels> all{
      {"en", label_table(kUses, "en")}, {"ru", label_table(kUses, "ru")}, {"kk", label_table(kUses, "kk")}};
  return all;
}

std::string num(double v) { return fmt::format("{:.1f}", v); }

// Status colours and patterns (Okabe–Ito): blue for ok, vermillion with hatching for out of range,
// grey for n/a; orange and blue for falls and rises.
constexpr const char* kBlue = "#0072B2";
constexpr const char* kVermillion = "#D55E00";
constexpr const char* kOrange = "#E69F00";
constexpr const char* kGrey = "#8a8a8a";

std::string patterns() {
  return fmt::format(
      "<defs><pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
      "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{0}\"/>"
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#fff\" stroke-width=\"2\" stroke-opacity=\"0.55\"/></pattern>"
      "<pattern id=\"dots\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\"><rect width=\"5\" height=\"5\" "
      "fill=\"#e4e4e4\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1\" fill=\"{1}\"/></pattern></defs>",
      kVermillion, kGrey);
}

}  // namespace

double chart_value(const Rational& r) { return std::strtod(r.to_fixed(6).c_str(), nullptr); }

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

bool known_lang(const std::string& lang) { return all_labels().count(lang) > 0; }

const std::string& label(const std::string& lang, const std::string& key) {
  const auto& all = all_labels();
  auto l = all.find(lang);
  if (l != all.end())
    if (auto it = l->second.find(key); it != l->second.end()) return it->second;
  return all.at("en").at(key);
}

std::string labelf(const std::string& lang, const std::string& key, const std::vector<std::string>& args) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& a : args) store.push_back(a);
  return fmt::vformat(label(lang, key), store);
}

std::string clause_title(const ast::Clause& c, const std::string& lang) {
  for (const auto& t : c.titles)
    if (t.lang == lang) return t.value;
  return c.title;
}

std::string body_name(const input::Body& b, const std::string& lang) {
  const std::string& first = lang == "kk" ? b.kk_name : b.ru_name;
  const std::string& second = lang == "kk" ? b.ru_name : b.kk_name;
  return first.empty() ? second : first;
}

std::string page(const std::string& lang, const std::string& title, const std::string& body) {
  static const char* const kStyle = R"(
:root { --ink: #1d2733; --muted: #5b6673; --line: #d9dee4; --soft: #f4f6f8; --blue: #0072B2; --verm: #D55E00; --orange: #E69F00; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", "Segoe UI", Arial, sans-serif; color: var(--ink);
  background: #fff; font-size: 14px; line-height: 1.45; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 60px; }
header.top { border-bottom: 3px solid var(--blue); padding-bottom: 14px; margin-bottom: 18px; }
h1 { font-size: 26px; margin: 0 0 4px; font-weight: 700; }
h2 { font-size: 20px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 18px 0 6px; }
h4 { font-size: 14px; margin: 12px 0 4px; }
.meta { color: var(--muted); margin: 2px 0; }
.meta code, code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12.5px; background: var(--soft);
  padding: 0 3px; border-radius: 3px; }
nav.toc { background: var(--soft); border-radius: 6px; padding: 10px 16px; margin: 12px 0 8px; columns: 2; }
nav.toc a { color: var(--blue); text-decoration: none; }
nav.toc ol { margin: 0; padding-left: 20px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 14px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; min-width: 150px; background: #fff; }
.card .n { font-size: 24px; font-weight: 700; }
.card .l { color: var(--muted); font-size: 12.5px; }
.card.warn .n { color: var(--verm); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(540px, 1fr)); gap: 18px 28px; }
figure { margin: 0; }
figcaption { font-weight: 700; margin: 6px 0 2px; }
figcaption .sub { font-weight: 400; color: var(--muted); font-size: 12.5px; display: block; }
svg text { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 12px; fill: var(--ink); }
svg .muted { fill: var(--muted); }
svg a text { fill: var(--blue); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; font-size: 12.5px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.oor td { background: #fbeee6; }
td:first-child, td.nowrap { white-space: nowrap; }
td.why { min-width: 260px; }
tr.na td { color: var(--muted); }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11.5px; border: 1px solid; white-space: nowrap; }
.badge.ok { color: var(--blue); border-color: var(--blue); }
.badge.na { color: #555; border-color: #999; background: #f0f0f0; }
.badge.oor { color: #fff; background: var(--verm); border-color: var(--verm); }
.stats { color: var(--muted); font-size: 12.5px; margin: 2px 0 0; }
article.body { border: 1px solid var(--line); border-radius: 6px; padding: 4px 18px 10px; margin: 14px 0; }
article.body h3 { margin-top: 12px; }
article.body .name { color: var(--muted); font-weight: 400; }
details { margin: 6px 0; }
summary { cursor: pointer; font-weight: 600; }
pre.steps { background: var(--soft); border-radius: 4px; padding: 8px 10px; overflow-x: auto; font-size: 12.5px; margin: 4px 0;
  font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; white-space: pre; }
ul.changes { margin: 4px 0 10px; padding-left: 20px; }
ul.changes li { margin: 2px 0; }
del { background: #fbe3d6; text-decoration: line-through; }
ins { background: #d8ecf7; text-decoration: none; }
.pos { color: var(--blue); }
.neg { color: #a55d00; }
footer { color: var(--muted); font-size: 12px; margin-top: 40px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print { nav.toc { display: none; } article.body { break-inside: avoid; } }
)";
  // Appended, not formatted: the body of a report for thousands of bodies is megabytes.
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
      esc(lang), esc(title), kStyle);
  constexpr std::string_view kEnd = "</main>\n</body>\n</html>\n";
  out.reserve(out.size() + body.size() + kEnd.size());
  out += body;
  out += kEnd;
  return out;
}

std::string bar_chart(const std::vector<Bar>& bars, std::optional<double> range_max, const std::string& title,
                      const std::string& lang) {
  constexpr double kRow = 22, kTop = 8, kLabel = 130, kBarWidth = 250;
  double top = range_max.value_or(0);
  // Wide enough for the longest text after a bar ("11.39 ▲ вне диапазона"): never clipped. About
  // 8 px a character at the page's size, Kazakh and Russian letters included.
  std::size_t longest = 0;
  std::size_t gap_width = 0;
  for (const auto& b : bars) {
    if (!b.gap.empty()) {
      gap_width = std::max(gap_width, utf8_length(b.gap));
      continue;
    }
    if (b.value) top = std::max(top, *b.value);
    const std::string text = b.value ? b.text + (b.status == "out_of_range" ? " ▲ " + label(lang, "status_oor") : "")
                                     : "n/a — " + label(lang, "status_na");
    longest = std::max(longest, utf8_length(text));
  }
  const double kWidth = std::max({540.0, kLabel + kBarWidth + 6 + 8.0 * static_cast<double>(longest) + 8,
                                  30 + 7.0 * static_cast<double>(gap_width) + 8});
  if (top <= 0) top = 1;
  const double height = kTop + kRow * static_cast<double>(bars.size()) + 22;
  auto x = [&](double v) { return kLabel + std::max(0.0, v) / top * kBarWidth; };
  std::string out = fmt::format(
      "<svg class=\"chart ranking\" role=\"img\" aria-label=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "xmlns=\"http://www.w3.org/2000/svg\">",
      esc(title), num(kWidth), num(height), num(kWidth), num(height));
  out += patterns();
  // The value axis: zero, and the top of the range.
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#b8c0c8\"/>", kLabel, kTop - 2,
                     num(height - 18));
  out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"muted\" text-anchor=\"middle\">0</text>", kLabel, num(height - 4));
  if (range_max) {
    const double rx = x(*range_max);
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#5b6673\" stroke-dasharray=\"4 3\"/>"
        "<text x=\"{0}\" y=\"{3}\" class=\"muted\" text-anchor=\"middle\">{4}</text>",
        num(rx), kTop - 2, num(height - 18), num(height - 4), esc(fmt::format("{:g}", *range_max)));
  }
  double y = kTop;
  for (const auto& b : bars) {
    const double mid = y + kRow / 2 + 4;
    if (!b.gap.empty()) {
      out += fmt::format("<text x=\"30\" y=\"{}\" class=\"muted gap\" font-style=\"italic\">{}</text>", num(mid), esc(b.gap));
      y += kRow;
      continue;
    }
    out += fmt::format("<g class=\"bar\" data-agency=\"{}\" data-status=\"{}\"><title>{}</title>", esc(b.label),
                       esc(b.status), esc(b.label + (b.tooltip.empty() ? "" : " — " + b.tooltip) + ": " + b.text));
    out += fmt::format("<text x=\"4\" y=\"{}\" class=\"muted\">{}</text>", num(mid), esc(b.rank));
    out += fmt::format("<a href=\"{}\"><text x=\"30\" y=\"{}\">{}</text></a>", esc(b.href), num(mid), esc(b.label));
    if (b.value) {
      const double w = std::max(1.0, x(*b.value) - kLabel);
      const char* fill = b.status == "out_of_range" ? "url(#hatch)" : kBlue;
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" rx=\"2\"/>", kLabel, num(y + 4),
                         num(w), num(kRow - 8), fill);
      std::string text = b.text;
      if (b.status == "out_of_range") text += " ▲ " + label(lang, "status_oor");
      out += fmt::format("<text x=\"{}\" y=\"{}\"{}>{}</text>", num(kLabel + w + 6), num(mid),
                         b.status == "out_of_range" ? " font-weight=\"700\"" : "", esc(text));
    } else {
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"60\" height=\"{}\" fill=\"url(#dots)\" rx=\"2\"/>"
          "<text x=\"{}\" y=\"{}\" class=\"muted\">n/a — {}</text>",
          kLabel, num(y + 4), num(kRow - 8), kLabel + 66, num(mid), esc(label(lang, "status_na")));
    }
    out += "</g>";
    y += kRow;
  }
  return out + "</svg>";
}

std::string histogram(const std::vector<Bin>& bins, const std::string& title, const std::string& lang) {
  constexpr double kHeight = 182, kBottom = 52, kLeft = 34, kTop = 14;
  const double col = bins.size() > 12 ? 28 : 40;
  const double width = kLeft + col * static_cast<double>(bins.size()) + 10;
  std::size_t top = 1;
  for (const auto& b : bins) top = std::max(top, b.count);
  const double plot = kHeight - kBottom - kTop;
  std::string out = fmt::format(
      "<svg class=\"chart histogram\" role=\"img\" aria-label=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "xmlns=\"http://www.w3.org/2000/svg\">",
      esc(title), num(width), kHeight, num(width), kHeight);
  out += patterns();
  // A few horizontal guides with counts.
  const std::size_t step = std::max<std::size_t>(1, (top + 3) / 4);
  for (std::size_t v = 0; v <= top; v += step) {
    const double gy = kTop + plot - plot * static_cast<double>(v) / static_cast<double>(top);
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#e3e7eb\"/><text x=\"{3}\" y=\"{4}\" "
        "class=\"muted\" text-anchor=\"end\">{5}</text>",
        kLeft, num(gy), num(width - 6), kLeft - 4, num(gy + 4), v);
  }
  double x = kLeft + 2;
  for (const auto& b : bins) {
    const double h = plot * static_cast<double>(b.count) / static_cast<double>(top);
    const char* fill = b.kind == "out_of_range" ? "url(#hatch)" : b.kind == "n/a" ? "url(#dots)" : kBlue;
    out += fmt::format("<g class=\"bin\" data-kind=\"{}\" data-count=\"{}\"><title>{}: {} {}</title>", esc(b.kind), b.count,
                       esc(b.label), b.count, esc(label(lang, "count")));
    if (b.count > 0)
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#fff\"/>", num(x),
                         num(kTop + plot - h), num(col - 4), num(h), fill);
    if (b.count > 0)
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>", num(x + (col - 4) / 2),
                         num(kTop + plot - h - 3), b.count);
    // Bin labels turned a little when they are long.
    const double lx = x + (col - 4) / 2, ly = kTop + plot + 14;
    if (b.label.size() > 4)
      out += fmt::format("<text x=\"{0}\" y=\"{1}\" class=\"muted\" font-size=\"10.5\" text-anchor=\"end\" "
                         "transform=\"rotate(-35 {0} {1})\">{2}</text>",
                         num(lx + 4), num(ly - 2), esc(b.label));
    else
      out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"muted\" font-size=\"10.5\" text-anchor=\"middle\">{}</text>",
                         num(lx), num(ly), esc(b.label));
    out += "</g>";
    x += col;
  }
  return out + "</svg>";
}

std::string diverging_chart(const std::vector<Move>& moves, const std::string& title) {
  constexpr double kRow = 20, kTop = 6, kLabel = 170, kHalf = 190, kWidth = 640;
  double top = 0;
  for (const auto& m : moves)
    if (m.value) top = std::max(top, std::fabs(*m.value));
  if (top <= 0) top = 1;
  const double zero = kLabel + kHalf;
  const double height = kTop + kRow * static_cast<double>(moves.size()) + 8;
  std::string out = fmt::format(
      "<svg class=\"chart moves\" role=\"img\" aria-label=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "xmlns=\"http://www.w3.org/2000/svg\">",
      esc(title), kWidth, num(height), kWidth, num(height));
  out += fmt::format("<line x1=\"{0}\" y1=\"0\" x2=\"{0}\" y2=\"{1}\" stroke=\"#8a96a3\"/>", num(zero), num(height));
  double y = kTop;
  for (const auto& m : moves) {
    const double mid = y + kRow / 2 + 4;
    out += fmt::format("<g class=\"move\"><title>{}</title>", esc(m.label + ": " + m.detail));
    out += fmt::format("<a href=\"{}\"><text x=\"4\" y=\"{}\">{}</text></a>", esc(m.href), num(mid), esc(m.label));
    if (m.value) {
      const double w = std::max(1.0, std::fabs(*m.value) / top * (kHalf - 50));
      const bool up = *m.value >= 0;
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" rx=\"2\"/>",
                         num(up ? zero : zero - w), num(y + 4), num(w), num(kRow - 8), up ? kBlue : kOrange);
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>", num(up ? zero + w + 5 : zero - w - 5),
                         num(mid), up ? "start" : "end", esc(m.text));
    } else {
      out += fmt::format("<text x=\"{}\" y=\"{}\" class=\"muted\">{}</text>", num(zero + 6), num(mid), esc(m.text));
    }
    out += "</g>";
    y += kRow;
  }
  return out + "</svg>";
}

std::string mini_bar(double value, double max_abs) {
  constexpr double kHalf = 60;
  const double w = max_abs > 0 ? std::max(1.0, std::fabs(value) / max_abs * (kHalf - 2)) : 1.0;
  const bool up = value >= 0;
  return fmt::format(
      "<svg class=\"mini\" width=\"{0}\" height=\"12\" viewBox=\"0 0 {0} 12\" xmlns=\"http://www.w3.org/2000/svg\" "
      "aria-hidden=\"true\"><line x1=\"{1}\" y1=\"0\" x2=\"{1}\" y2=\"12\" stroke=\"#8a96a3\"/><rect x=\"{2}\" y=\"2\" "
      "width=\"{3}\" height=\"8\" fill=\"{4}\"/></svg>",
      kHalf * 2, kHalf, num(up ? kHalf : kHalf - w), num(w), up ? kBlue : kOrange);
}

std::string status_label(const std::string& lang, interp::Status status) {
  switch (status) {
    case interp::Status::Ok: return label(lang, "status_ok");
    case interp::Status::NotApplicable: return label(lang, "status_na");
    case interp::Status::OutOfRange: return label(lang, "status_oor");
    case interp::Status::Unranked: return label(lang, "status_unranked");
    case interp::Status::PlacedLast: return label(lang, "status_last");
  }
  return interp::status_name(status);
}

}  // namespace ereje::cli::html
