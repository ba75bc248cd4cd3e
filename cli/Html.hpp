// Shared pieces of the HTML pages (`ereje report`, `ereje diff --format html`): escaping, labels in
// Kazakh, Russian and English, one self-contained page (styles inline, no scripts, no requests),
// and inline SVG charts. Chart geometry uses doubles; every number printed on the page is the
// exact, rounded text the results table has.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Rational.hpp"
#include "grammar/Ast.hpp"
#include "input/DataSet.hpp"
#include "interpreter/Evaluator.hpp"

namespace ereje::cli::html {

// An exact value as a double for drawing (bar lengths, chart scales): 6 decimals, never for text.
double chart_value(const Rational& r);

// Text for HTML content and attribute values.
std::string esc(std::string_view s);

// A label of the pages in `lang` (kk, ru or en); English when a key has no translation.
const std::string& label(const std::string& lang, const std::string& key);
// A result's status as people read it in `lang` ("в норме", "вне диапазона"): the one wording of
// statuses for the report, the review, the table and the workbook.
std::string status_label(const std::string& lang, interp::Status status);
// The same with {} placeholders filled (fmt syntax).
std::string labelf(const std::string& lang, const std::string& key, const std::vector<std::string>& args);
bool known_lang(const std::string& lang);

// A clause's title in `lang` (the `title kk`/`title ru` of the rule file), else its heading.
std::string clause_title(const ast::Clause& c, const std::string& lang);
// A body's name in `lang`: Kazakh for kk, Russian for ru and en; the other one when it is missing.
std::string body_name(const input::Body& b, const std::string& lang);

// The whole page: <!doctype html>, <head> with the inline stylesheet, and `body` as given.
std::string page(const std::string& lang, const std::string& title, const std::string& body);

// One horizontal bar of a ranking.
struct Bar {
  std::string rank;      // "1", "2", "" for n/a
  std::string label;     // the body's code
  std::string tooltip;   // the body's name
  std::string href;      // link target, e.g. "#body-3"
  std::string text;      // the value as printed ("7.25", "n/a")
  std::optional<double> value;  // none: n/a (no bar)
  std::string status;    // ok, n/a, out_of_range
  std::string gap;       // not empty: no body, a line saying which bodies are left out here
};
// A ranking chart: one row per bar, scaled to max(range_max, largest value); a dashed line marks
// the top of the range when there is one.
std::string bar_chart(const std::vector<Bar>& bars, std::optional<double> range_max, const std::string& title,
                      const std::string& lang);

// A histogram: one column per bin, each with its label and count; `kind` of a bin: ok, n/a or
// out_of_range (coloured and patterned apart).
struct Bin {
  std::string label;
  std::size_t count = 0;
  std::string kind = "ok";
};
std::string histogram(const std::vector<Bin>& bins, const std::string& title, const std::string& lang);

// A diverging chart of moves around zero: rises to the right (blue), falls to the left (orange).
struct Move {
  std::string label;     // "MF 49 T"
  std::string href;
  std::string text;      // "+1.97", or "n/a -> ok" for a move of status only
  std::optional<double> value;
  std::string detail;    // tooltip: "9.42 -> 11.39"
};
std::string diverging_chart(const std::vector<Move>& moves, const std::string& title);

// Small inline bar for a table cell: a part of a delta against the largest part shown.
std::string mini_bar(double value, double max_abs);

}  // namespace ereje::cli::html
