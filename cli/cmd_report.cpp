// `ereje report`: the results of `run` as one self-contained HTML page for people (HtmlReport.hpp).
#include <CLI/CLI.hpp>

#include <iostream>
#include <fmt/format.h>

#include <memory>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "cli/Html.hpp"
#include "cli/HtmlReport.hpp"
#include "core/Timing.hpp"
#include "input/LoadData.hpp"
#include "interpreter/Evaluator.hpp"

namespace ereje::cli {

int run_report(const ReportOptions& o, std::ostream& out, std::ostream& err) {
  forget_inputs();
  if (!html::known_lang(o.lang)) {
    err << "error: unknown language `" << o.lang << "`\n  = help: use kk, ru or en\n";
    return kBadInput;
  }
  const std::optional<Date> given = as_of_or_today(o.as_of, "reporting", err);
  if (!given) return kBadInput;
  const Date as_of = *given;
  ShownDiagnostics shown(o.lang, err);  // diagnostics in the language of --lang
  LoadedRules lr = load_and_check(o.rules);
  shown.terms_from(lr.rules);
  err << shown(lr.diags);
  if (lr.diags.has_errors()) return kBadInput;
  const auto in_force = versions_in_force(lr.rules, as_of, err);
  if (!in_force) return kBadInput;
  const auto& versions = *in_force;
  input::DataSet data;
  try {
    Diagnostics warnings;
    data = load_data_for(lr.rules, lr.checked, o.data, as_of, versions, warnings);
    err << shown(warnings);
  } catch (const InputError& e) {
    err << shown(e.diagnostics);
    err << "error: " << shown.text("cli", "no report written: the data has errors") << "\n";
    return kBadInput;
  }
  std::optional<progress::Stage> stage(std::in_place, fmt::format("evaluating {} clauses for {} bodies", versions.size(), data.bodies.size()));
  std::optional<Phase> phase(std::in_place, "report: evaluate");
  interp::Evaluation ev = interp::evaluate(lr.rules, lr.checked, data, as_of, versions);
  err << shown(ev.warnings);
  phase.reset();
  stage.emplace("explaining the results and writing the page");
  ReportInput in;
  in.rules = &lr.rules;
  in.checked = &lr.checked;
  in.data = &data;
  in.ev = &ev;
  in.versions = versions;
  in.as_of = as_of;
  in.lang = o.lang;
  for (const auto& r : o.rules) in.rules_shown += (in.rules_shown.empty() ? "" : " ") + r;
  in.data_shown = input::shown_data(o.data);
  phase.emplace("report: the page");
  const std::string page = report_html(in);
  phase.emplace("report: write the page");
  if (o.output == "-") {
    out << page;
    return kOk;
  }
  return write_file_atomically(o.output, page, err) ? kOk : kBadInput;
}

void add_report(CLI::App& app, Action& action) {
  auto o = std::make_shared<ReportOptions>();
  auto* cmd = app.add_subcommand("report", "the results as one self-contained HTML page: rankings, charts, explanations");
  cmd->add_option("rules", o->rules, "rule file or folder")->required()->expected(1, -1);
  cmd->add_option("--data", o->data, "data folder, SQLite file (.sqlite, .db) or postgresql:// URL")->required();
  cmd->add_option("--csv-dialect", csv_dialect(),
                  "rfc4180 (default), or excel-ru: CSV as Excel writes it in a Russian or Kazakh locale (ИСТИНА/ЛОЖЬ, "
                  "ДА/НЕТ, a decimal comma)")
      ->check(CLI::IsMember({"rfc4180", "excel-ru"}));
  cmd->add_option("--as-of", o->as_of, "evaluate the versions in force on this date (YYYY-MM-DD); default today");
  cmd->add_option("--lang", o->lang, "labels and clause titles in kk, ru or en");
  cmd->add_option("--output", o->output, "the HTML file to write (whole or not at all); - for standard output")->required();
  cmd->callback([o, &action] { action = [o] { return run_report(*o, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
