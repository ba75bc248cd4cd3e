// XLSX workbooks through libxlsxwriter: see Xlsx.hpp. libxlsxwriter writes to a file; the workbook
// goes to a private temporary file, is read back whole and removed, so that the caller writes it
// like any other output (whole or not at all, or to standard output).
#include "cli/Xlsx.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/DiffCommon.hpp"
#include "cli/Html.hpp"
#include "cli/Output.hpp"
#include "core/SharedLibrary.hpp"
#include "cli/HtmlReport.hpp"
#include "cli/Receipt.hpp"
#include "core/Labels.hpp"
#include "interpreter/Explainer.hpp"

namespace ereje::cli {
namespace {

double to_double(const Rational& r, int places) { return std::strtod(r.to_fixed(places).c_str(), nullptr); }

// libxlsxwriter is opened when a workbook is written, not when ereje starts (core/SharedLibrary.hpp).
#define EREJE_XLSX_FUNCTIONS(F)                                                                          \
  F(workbook_new_opt) F(workbook_set_properties) F(workbook_add_format) F(workbook_add_worksheet)        \
  F(workbook_close) F(worksheet_write_string) F(worksheet_write_number) F(worksheet_write_blank)         \
  F(worksheet_write_boolean) F(worksheet_write_comment) F(worksheet_write_comment_opt) F(worksheet_set_column) \
  F(worksheet_set_row) F(worksheet_freeze_panes) F(worksheet_autofilter) F(format_set_bold)              \
  F(format_set_font_size) F(format_set_bg_color) F(format_set_bottom) F(format_set_text_wrap)             \
  F(format_set_align) F(format_set_num_format) F(lxw_strerror)
EREJE_LIBRARY_FUNCTIONS(LxwFunctions, EREJE_XLSX_FUNCTIONS)
struct Lxw : LxwFunctions {
  std::string error;  // why the library could not be used; empty when it can
};

const Lxw& lxw() {
  static const Lxw lib = [] {
    SharedLibrary so(EREJE_XLSXWRITER_SONAME);
    Lxw l;
    l.load(so);
    if (!so.ok()) l.error = "cannot load libxlsxwriter: " + so.error() + " (Debian: apt-get install libxlsxwriter4)";
    return l;
  }();
  return lib;
}

// Sheet names: at most 31 characters, none of []:*?/\ .
std::string sheet_name(std::string s) {
  for (char& c : s)
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  return s.substr(0, 31);
}

class Book {
 public:
  explicit Book(Date created) {
    char tmpl[] = "/tmp/ereje-xlsx-XXXXXX";
    const int fd = ::mkstemp(tmpl);
    if (fd >= 0) ::close(fd);
    path_ = tmpl;
    if (!lxw().error.empty()) return;  // ok() is false; the caller says why
    lxw_workbook_options options{};
    options.tmpdir = nullptr;
    wb_ = lxw().workbook_new_opt(path_.c_str(), &options);
    props_.author = const_cast<char*>("ereje");
    props_.comments = const_cast<char*>(kEngineVersion);
    props_.created = static_cast<time_t>(created.days) * 86400;  // the as-of date: the same bytes for the same input
    if (wb_) lxw().workbook_set_properties(wb_, &props_);
    if (wb_) {
      bold_ = lxw().workbook_add_format(wb_);
      lxw().format_set_bold(bold_);
      title_ = lxw().workbook_add_format(wb_);
      lxw().format_set_bold(title_);
      lxw().format_set_font_size(title_, 13);
      head_ = lxw().workbook_add_format(wb_);
      lxw().format_set_bold(head_);
      lxw().format_set_bg_color(head_, 0xE8ECF0);
      lxw().format_set_bottom(head_, LXW_BORDER_THIN);
      lxw().format_set_text_wrap(head_);
      lxw().format_set_align(head_, LXW_ALIGN_VERTICAL_TOP);
      wrap_ = lxw().workbook_add_format(wb_);
      lxw().format_set_text_wrap(wrap_);
      lxw().format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    }
  }
  ~Book() {
    if (wb_) lxw().workbook_close(wb_);  // only when close() was never reached
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  bool ok() const { return wb_ != nullptr; }
  lxw_workbook* wb() { return wb_; }
  lxw_format* bold() { return bold_; }
  lxw_format* title() { return title_; }
  lxw_format* head() { return head_; }
  lxw_format* wrap() { return wrap_; }

  // A number format with `places` decimals; `kind`: plain, signed (+0.63) or out of range (marked).
  lxw_format* number(int places, const std::string& kind = "plain") {
    const std::string key = kind + std::to_string(places);
    if (auto it = numbers_.find(key); it != numbers_.end()) return it->second;
    std::string f = places > 0 ? "0." + std::string(static_cast<std::size_t>(places), '0') : "0";
    lxw_format* fm = lxw().workbook_add_format(wb_);
    if (kind == "signed") f = "+" + f + ";-" + f + ";" + f;
    lxw().format_set_num_format(fm, f.c_str());
    if (kind == "oor") {
      lxw().format_set_bg_color(fm, 0xF6C9A8);  // light vermillion: out of range (also said in the note and the status)
      lxw().format_set_bold(fm);
    }
    return numbers_[key] = fm;
  }
  lxw_format* blank() {
    if (!blank_) {
      blank_ = lxw().workbook_add_format(wb_);
      lxw().format_set_bg_color(blank_, 0xF0F0F0);  // grey: not applicable
    }
    return blank_;
  }

  // Writes the file and reads it back.
  bool close(std::string& bytes, std::string& err) {
    const lxw_error e = lxw().workbook_close(wb_);
    wb_ = nullptr;
    if (e != LXW_NO_ERROR) {
      err = fmt::format("cannot write the workbook: {}", lxw().lxw_strerror(e));
      return false;
    }
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
    return true;
  }

 private:
  std::string path_;
  lxw_workbook* wb_ = nullptr;
  lxw_doc_properties props_{};
  lxw_format *bold_ = nullptr, *title_ = nullptr, *head_ = nullptr, *wrap_ = nullptr, *blank_ = nullptr;
  std::map<std::string, lxw_format*> numbers_;
};

void header_row(Book& book, lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& names) {
  for (std::size_t c = 0; c < names.size(); ++c)
    lxw().worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), names[c].c_str(), book.head());
}

// A note on a cell (an Excel comment), sized for a sentence or two.
void note(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text) {
  lxw_comment_options o{};
  o.width = 300;
  o.height = 90;
  o.author = const_cast<char*>("ereje");
  lxw().worksheet_write_comment_opt(ws, row, col, text.c_str(), &o);
}

std::string titles(const ast::Clause& c) {
  std::string out = c.title;
  for (const auto& t : c.titles) out += " · " + t.value;
  return out;
}

// A result value: a number with its decimals, or an empty grey cell with a note saying why.
void value_cell(Book& book, lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const interp::ResultRow& r,
                const std::string& why, const std::string& lang) {
  if (r.value.is_missing()) {
    lxw().worksheet_write_blank(ws, row, col, book.blank());
    note(ws, row, col, "n/a: " + why);
    return;
  }
  const bool oor = r.status == interp::Status::OutOfRange || r.status == interp::Status::PlacedLast;
  if (r.kind == interp::OutputKind::Grade) {
    lxw().worksheet_write_string(ws, row, col, r.label(lang).c_str(), nullptr);
    return;
  }
  lxw().worksheet_write_number(ws, row, col, to_double(r.value.num.round(r.round), r.round), book.number(r.round, oor ? "oor" : "plain"));
  if (oor) note(ws, row, col, std::string(interp::status_name(r.status)) + ": " + why);
}

}  // namespace

bool results_xlsx(const XlsxRun& run, std::string& bytes, std::string& err) {
  Book book(run.as_of);
  if (!book.ok()) {
    err = lxw().error.empty() ? "cannot create the workbook (temporary file)" : lxw().error;
    return false;
  }
  const auto& data = *run.data;
  const auto& ev = *run.ev;
  // Why each result that is not ok is so, in the words of the HTML report.
  // Explained per clause version for all its bodies at once (one evaluation, not one per body).
  std::map<const interp::ResultRow*, std::string> why;
  std::map<const interp::ClauseVersion*, std::vector<const interp::ResultRow*>> not_ok;
  for (const auto& r : ev.rows)
    if (r.status != interp::Status::Ok) not_ok[r.version].push_back(&r);
  for (const auto& [v, rows] : not_ok) {
    std::vector<std::size_t> bodies;
    for (const auto* r : rows) bodies.push_back(r->body);
    auto xs = interp::explain_bodies(*run.rules, *run.checked, data, run.as_of, *v, bodies, false, false);
    for (std::size_t k = 0; k < rows.size(); ++k) why[rows[k]] = why_not_ok(*rows[k], xs[k], ev, data, run.lang);
  }
  // Columns of the summary: one per clause and result, in the results' order.
  std::vector<std::pair<const interp::ClauseVersion*, std::string>> columns;
  for (const auto* v : run.versions)
    for (const auto& r : ev.rows)
      if (r.version == v && std::find(columns.begin(), columns.end(), std::make_pair(v, r.result)) == columns.end())
        columns.push_back({v, r.result});
  std::map<std::pair<std::size_t, std::pair<const interp::ClauseVersion*, std::string>>, const interp::ResultRow*> cell;
  for (const auto& r : ev.rows) cell[{r.body, {r.version, r.result}}] = &r;

  // The workbook's own words in the run's language; statuses in the report's words (one catalogue).
  const bool ru = run.lang == "ru", kk = run.lang == "kk";
  auto status_text = [&](interp::Status st) -> std::string {
    return ru || kk ? html::status_label(run.lang, st) : std::string(interp::status_name(st));
  };
  std::vector<std::string> words;
  for (const char* key : {"result", "value", "status", "version"}) words.push_back(label_text(key, run.lang));
  lxw_worksheet* sum = lxw().workbook_add_worksheet(book.wb(), label_text("summary_sheet", run.lang).c_str());
  const std::string heading = fmt::format(fmt::runtime(label_text("workbook_heading", run.lang)), format_date(run.as_of),
                                          run.rules_shown, run.data_shown, kEngineVersion);
  lxw().worksheet_write_string(sum, 0, 0, heading.c_str(), book.title());
  const BodyHeaders bh = body_headers(data);
  std::vector<std::string> head{bh.code, bh.kk_name, bh.ru_name, bh.category};
  for (const auto& [v, result] : columns) head.push_back(v->number + " " + result);
  header_row(book, sum, 1, head);
  for (std::size_t c = 0; c < columns.size(); ++c)
    if (columns[c].first->clause)
      lxw().worksheet_write_comment(sum, 1, static_cast<lxw_col_t>(4 + c), titles(*columns[c].first->clause).c_str());
  lxw_row_t row = 2;
  for (std::size_t b = 0; b < data.bodies.size(); ++b, ++row) {
    const auto& body = data.bodies[b];
    lxw().worksheet_write_string(sum, row, 0, body.code.c_str(), book.bold());
    lxw().worksheet_write_string(sum, row, 1, body.kk_name.c_str(), nullptr);
    lxw().worksheet_write_string(sum, row, 2, body.ru_name.c_str(), nullptr);
    lxw().worksheet_write_string(sum, row, 3, body.category.c_str(), nullptr);
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (auto it = cell.find({b, columns[c]}); it != cell.end())
        value_cell(book, sum, row, static_cast<lxw_col_t>(4 + c), *it->second, why[it->second], run.lang);
  }
  lxw().worksheet_freeze_panes(sum, 2, 1);
  lxw().worksheet_set_column(sum, 0, 0, 12, nullptr);
  lxw().worksheet_set_column(sum, 1, 2, 44, nullptr);
  lxw().worksheet_set_column(sum, 3, 3, 9, nullptr);
  lxw().worksheet_set_column(sum, 4, static_cast<lxw_col_t>(3 + std::max<std::size_t>(1, columns.size())), 13, nullptr);
  if (row > 2) lxw().worksheet_autofilter(sum, 1, 0, row - 1, static_cast<lxw_col_t>(head.size() - 1));

  // One sheet per clause: the results table's rows of that clause, with the body's names.
  for (const auto* v : run.versions) {
    lxw_worksheet* ws = lxw().workbook_add_worksheet(book.wb(), sheet_name(v->number).c_str());
    const std::string title = v->clause ? titles(*v->clause) : "";
    const std::string t = fmt::format(fmt::runtime(label_text("workbook_clause_heading", run.lang)), v->number, title,
                                      v->label(), v->act->id, format_date(run.as_of));
    lxw().worksheet_write_string(ws, 0, 0, t.c_str(), book.title());
    header_row(book, ws, 1, {bh.code, bh.kk_name, bh.ru_name, words[0], words[1], words[2], words[3]});
    lxw_row_t r = 2;
    for (const auto& res : ev.rows) {
      if (res.version != v) continue;
      const auto& body = data.bodies[res.body];
      lxw().worksheet_write_string(ws, r, 0, body.code.c_str(), book.bold());
      lxw().worksheet_write_string(ws, r, 1, body.kk_name.c_str(), nullptr);
      lxw().worksheet_write_string(ws, r, 2, body.ru_name.c_str(), nullptr);
      lxw().worksheet_write_string(ws, r, 3, res.result.c_str(), nullptr);
      value_cell(book, ws, r, 4, res, why[&res], run.lang);
      lxw().worksheet_write_string(ws, r, 5, status_text(res.status).c_str(), nullptr);
      lxw().worksheet_write_string(ws, r, 6, res.version->label().c_str(), nullptr);
      ++r;
    }
    lxw().worksheet_freeze_panes(ws, 2, 1);
    lxw().worksheet_set_column(ws, 0, 0, 12, nullptr);
    lxw().worksheet_set_column(ws, 1, 2, 44, nullptr);
    lxw().worksheet_set_column(ws, 3, 6, 12, nullptr);
    if (r > 2) lxw().worksheet_autofilter(ws, 1, 0, r - 1, 6);
  }
  return book.close(bytes, err);
}

bool diff_xlsx(const DiffView& view, std::string& bytes, std::string& err) {
  Book book(view.after_as_of);
  if (!book.ok()) {
    err = lxw().error.empty() ? "cannot create the workbook (temporary file)" : lxw().error;
    return false;
  }
  const auto& d = *view.diff;
  const std::string& lang = view.lang;
  // The workbook's words in the review's language (one catalogue, core/Labels.cpp); the kinds of
  // change stay the stable codes of the JSON review, for filtering.
  auto W = [&lang](const char* key) -> const std::string& { return label_text(key, lang); };
  auto F = [&W](const char* key, const auto&... args) { return fmt::format(fmt::runtime(W(key)), args...); };
  auto status_word = [&lang](bool present, interp::Status st) {
    if (!present) return label_text("absent", lang);
    return lang == "kk" || lang == "ru" ? html::status_label(lang, st) : std::string(interp::status_name(st));
  };
  lxw_worksheet* sum = lxw().workbook_add_worksheet(book.wb(), sheet_name(W("summary_sheet")).c_str());
  std::string heading = F("review_workbook_heading", view.before_shown, format_date(view.before_as_of), view.after_shown,
                          format_date(view.after_as_of));
  if (view.data) {
    auto who = [&](const interp::Impact* im) {
      return im ? fmt::format("{} {} {} {}", im->who->code, im->clause, im->result,
                              signed_fixed(*im->delta, im->round))
                : W("none_word");
    };
    heading += F("review_workbook_impact", view.affected, d.bodies, who(view.rise), who(view.fall), view.rank_moves.size());
  }
  if (d.two_data)
    heading += F("review_workbook_data", view.data_before_shown, view.data_after_shown) +
               (d.changed() ? "" : " · " + diff_word(lang, "rules_same"));
  lxw().worksheet_write_string(sum, 0, 0, heading.c_str(), book.title());
  header_row(book, sum, 1, {W("clause"), W("title_word"), W("kind"), W("diffmd_change"), W("before"), W("after"), W("affects_values")});
  lxw_row_t row = 2;
  for (const auto& cd : d.clauses)
    for (const auto& ch : cd.changes) {
      lxw().worksheet_write_string(sum, row, 0, cd.number.c_str(), book.bold());
      lxw().worksheet_write_string(sum, row, 1, diff_clause_title(cd, lang).c_str(), book.wrap());
      lxw().worksheet_write_string(sum, row, 2, interp::kind_name(ch.kind), nullptr);
      lxw().worksheet_write_string(sum, row, 3, describe_change(ch, cd, lang, false).c_str(), book.wrap());
      lxw().worksheet_write_string(sum, row, 4, ch.before.c_str(), book.wrap());
      lxw().worksheet_write_string(sum, row, 5, ch.after.c_str(), book.wrap());
      lxw().worksheet_write_boolean(sum, row, 6, ch.affects_values, nullptr);
      ++row;
    }
  // The data contract's changes, after the clauses': "contract" in the clause column, the table as
  // the title; whether values move is the clauses' to say, so that cell stays blank.
  for (const auto& ch : d.contract) {
    lxw().worksheet_write_string(sum, row, 0, lang == "kk" || lang == "ru" ? W("data_contract").c_str() : "contract", book.bold());
    lxw().worksheet_write_string(sum, row, 1, ch.table.c_str(), book.wrap());
    lxw().worksheet_write_string(sum, row, 2, interp::kind_name(ch.kind), nullptr);
    lxw().worksheet_write_string(sum, row, 3, interp::describe(ch, lang).c_str(), book.wrap());
    lxw().worksheet_write_string(sum, row, 4, ch.before.c_str(), book.wrap());
    lxw().worksheet_write_string(sum, row, 5, ch.after.c_str(), book.wrap());
    ++row;
  }
  // Two data sets: a body in one of them only, after the changes ("data" in the clause column).
  for (const auto* key : {"appeared", "gone"})
    for (const auto* b : std::string(key) == "appeared" ? d.appeared : d.gone) {
      lxw().worksheet_write_string(sum, row, 0, "data", book.bold());
      lxw().worksheet_write_string(sum, row, 1, html::body_name(*b, lang).c_str(), book.wrap());
      lxw().worksheet_write_string(sum, row, 2, std::string(key) == "appeared" ? "body_appeared" : "body_gone", nullptr);
      lxw().worksheet_write_string(sum, row, 3, (diff_word(lang, key) + ": " + b->code).c_str(), book.wrap());
      lxw().worksheet_write_string(sum, row, std::string(key) == "appeared" ? 5 : 4, b->code.c_str(), nullptr);
      ++row;
    }
  lxw().worksheet_freeze_panes(sum, 2, 1);
  lxw().worksheet_set_column(sum, 0, 0, 8, nullptr);
  lxw().worksheet_set_column(sum, 1, 1, 36, nullptr);
  lxw().worksheet_set_column(sum, 2, 2, 18, nullptr);
  lxw().worksheet_set_column(sum, 3, 5, 48, nullptr);
  lxw().worksheet_set_column(sum, 6, 6, 13, nullptr);
  if (row > 2) lxw().worksheet_autofilter(sum, 1, 0, row - 1, 6);

  // A change that moved many bodies alike, said once (as the Markdown and HTML reviews say it);
  // each body's move is still on its clause's sheet.
  if (const auto common = common_moves(d); !common.empty()) {
    lxw_worksheet* ws = lxw().workbook_add_worksheet(book.wb(), sheet_name(W("common_sheet")).c_str());
    lxw().worksheet_write_string(ws, 0, 0, diff_word(lang, "common").c_str(), book.title());
    header_row(book, ws, 1, {W("clause"), W("result"), W("diffmd_change"), W("count"), W("factor"), W("least_delta"),
                             W("greatest_delta"), W("description")});
    lxw_row_t r = 2;
    for (const auto& m : common) {
      lxw().worksheet_write_string(ws, r, 0, m.clause.c_str(), book.bold());
      lxw().worksheet_write_string(ws, r, 1, m.result.c_str(), nullptr);
      lxw().worksheet_write_string(ws, r, 2, m.change.c_str(), book.wrap());
      lxw().worksheet_write_number(ws, r, 3, static_cast<double>(m.impacts.size()), nullptr);
      if (m.factor) lxw().worksheet_write_string(ws, r, 4, (factor_text(*m.factor) + " (" + percent_text(*m.factor) + ")").c_str(), nullptr);
      else lxw().worksheet_write_blank(ws, r, 4, book.blank());
      lxw().worksheet_write_number(ws, r, 5, to_double(m.lo, m.round), book.number(m.round, "signed"));
      lxw().worksheet_write_number(ws, r, 6, to_double(m.hi, m.round), book.number(m.round, "signed"));
      lxw().worksheet_write_string(ws, r, 7, common_move_text(m, lang, d).c_str(), book.wrap());
      ++r;
    }
    lxw().worksheet_freeze_panes(ws, 2, 1);
    lxw().worksheet_set_column(ws, 2, 2, 40, nullptr);
    lxw().worksheet_set_column(ws, 3, 6, 12, nullptr);
    lxw().worksheet_set_column(ws, 7, 7, 60, nullptr);
  }

  // One sheet per changed clause: whose results move, by how much, and the part of each change.
  // With two data sets, also one per clause whose results the data alone moved.
  std::vector<std::pair<std::string, std::string>> sheets;  // clause, title
  for (const auto& cd : d.clauses) sheets.push_back({cd.number, diff_clause_title(cd, lang)});
  if (d.two_data) {
    std::set<std::string> moved, listed;
    for (const auto& im : d.impacts) moved.insert(im.clause);
    for (const auto& cd : d.clauses) listed.insert(cd.number);
    for (const auto& r : d.after_results.rows)
      if (moved.count(r.version->number) && r.version->clause && listed.insert(r.version->number).second)
        sheets.push_back({r.version->number, html::clause_title(*r.version->clause, lang)});
    std::stable_sort(sheets.begin(), sheets.end(), [](const auto& a, const auto& b) { return interp::clause_number_less(a.first, b.first); });
  }
  for (const auto& [number, title] : sheets) {
    lxw_worksheet* ws = lxw().workbook_add_worksheet(book.wb(), sheet_name(number).c_str());
    const std::string t = F("workbook_review_clause", number, title);
    lxw().worksheet_write_string(ws, 0, 0, t.c_str(), book.title());
    std::vector<std::string> parts;  // attribution labels, in the order of the changes
    for (const auto& im : d.impacts)
      if (im.clause == number)
        for (const auto& [lbl, part] : im.parts)
          if (std::find(parts.begin(), parts.end(), lbl) == parts.end()) parts.push_back(lbl);
    std::vector<std::string> head{view.data ? body_headers(*view.data).code : std::string(kResultsBodyColumn), W("name"), W("result"), W("before"), W("after"), W("delta"), W("status")};
    for (const auto& p : parts) head.push_back(part_label(p, d, lang));
    header_row(book, ws, 1, head);
    lxw().worksheet_set_row(ws, 1, 45, nullptr);
    lxw_row_t r = 2;
    if (view.data)
      for (const auto& im : d.impacts) {
        if (im.clause != number) continue;
        const auto& body = *im.who;
        lxw().worksheet_write_string(ws, r, 0, body.code.c_str(), book.bold());
        lxw().worksheet_write_string(ws, r, 1, html::body_name(body, lang).c_str(), nullptr);
        lxw().worksheet_write_string(ws, r, 2, im.result.c_str(), nullptr);
        auto side = [&](lxw_col_t col, bool present, const interp::Value& v, interp::Status st) {
          if (!present) {
            lxw().worksheet_write_blank(ws, r, col, book.blank());
            note(ws, r, col, W("note_absent"));
          } else if (v.is_missing()) {
            lxw().worksheet_write_blank(ws, r, col, book.blank());
            note(ws, r, col, W("note_na"));
          } else {
            lxw().worksheet_write_number(ws, r, col, to_double(v.num.round(im.round), im.round),
                                   book.number(im.round, st == interp::Status::OutOfRange ? "oor" : "plain"));
            if (st == interp::Status::OutOfRange) note(ws, r, col, status_word(true, st));
          }
        };
        side(3, im.before_present, im.before, im.before_status);
        side(4, im.after_present, im.after, im.after_status);
        if (im.delta) {
          lxw().worksheet_write_number(ws, r, 5, to_double(*im.delta, im.round), book.number(im.round, "signed"));
        } else {
          lxw().worksheet_write_blank(ws, r, 5, book.blank());
          note(ws, r, 5, W("note_status_only"));
        }
        const std::string a = status_word(im.before_present, im.before_status), b = status_word(im.after_present, im.after_status);
        lxw().worksheet_write_string(ws, r, 6, (a == b ? a : a + (lang == "kk" || lang == "ru" ? " → " : " -> ") + b).c_str(), nullptr);
        for (const auto& [lbl, part] : im.parts) {
          const auto c = static_cast<lxw_col_t>(7 + (std::find(parts.begin(), parts.end(), lbl) - parts.begin()));
          lxw().worksheet_write_number(ws, r, c, to_double(part, im.round), book.number(im.round, "signed"));
        }
        if (!im.attribution_note.empty()) note(ws, r, 5, attribution_note_text(im.attribution_note, lang));
        ++r;
      }
    lxw().worksheet_freeze_panes(ws, 2, 1);
    lxw().worksheet_set_column(ws, 0, 0, 12, nullptr);
    lxw().worksheet_set_column(ws, 1, 1, 40, nullptr);
    lxw().worksheet_set_column(ws, 2, 6, 11, nullptr);
    if (!parts.empty()) lxw().worksheet_set_column(ws, 7, static_cast<lxw_col_t>(6 + parts.size()), 22, book.wrap());
    if (r > 2) lxw().worksheet_autofilter(ws, 1, 0, r - 1, static_cast<lxw_col_t>(head.size() - 1));
  }
  return book.close(bytes, err);
}

}  // namespace ereje::cli
