// `ereje check`: parse and check only, no data.
#include <ostream>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "core/DiagnosticText.hpp"
#include "interpreter/Range.hpp"

namespace ereje::cli {

namespace {
// "checked 1 file, 1 clause version: 1 error, 2 warnings", in the language asked for.
std::string summary(const std::string& lang, std::size_t files, std::size_t versions, std::size_t errors,
                    std::size_t warnings) {
  const std::string f = std::to_string(files), v = std::to_string(versions), e = std::to_string(errors),
                    w = std::to_string(warnings);
  if (lang == "kk")  // a noun after a number stays singular: 3 қате
    return "тексерілді: " + f + " файл, " + v + " тармақ редакциясы; " + e + " қате, " + w + " ескерту";
  if (lang == "ru")
    return "проверено: " + ru_count(f, "файл", "файла", "файлов") + ", " +
           ru_count(v, "редакция пункта", "редакции пунктов", "редакций пунктов") + "; " +
           ru_count(e, "ошибка", "ошибки", "ошибок") + ", " +
           ru_count(w, "предупреждение", "предупреждения", "предупреждений");
  return "checked " + f + " file" + (files == 1 ? "" : "s") + ", " + v + " clause version" + (versions == 1 ? "" : "s") +
         ": " + e + " error" + (errors == 1 ? "" : "s") + ", " + w + " warning" + (warnings == 1 ? "" : "s");
}
}  // namespace

// `--lang`: any value but kk, ru or en is refused (exit 2) before anything is read.
bool diagnostic_language_ok(const std::string& lang, std::ostream& err) {
  if (is_diagnostic_language(lang)) return true;
  err << "error: unknown language `" << lang << "`\n  = help: use kk, ru or en\n";
  return false;
}

int run_check(const CheckOptions& o, std::ostream& out, std::ostream& err) {
  if (!diagnostic_language_ok(o.lang, err)) return kBadInput;
  DiagnosticTranslator translate(o.lang);
  LoadedRules lr = load_and_check(o.rules);
  add_rule_terms(translate, lr.rules);
  // The range analysis (docs/language.md, "Range analysis"): its notes and its line per result are
  // shown with -v; its warnings always. The checker's notes (e.g. `text-letter-twin`) always.
  const interp::RangeReport ranges = interp::analyse_ranges(lr.rules, lr.checked, lr.diags);
  Diagnostics shown;
  for (const auto& d : lr.diags.list())
    if (o.verbose || d.severity != Severity::Note) shown.add(d);
  shown.append(lr.notes);
  shown.sort();
  err << render(translate(shown));
  if (o.verbose)
    for (const auto& line : ranges.lines) out << translate.text("range-proof", line) << "\n";
  std::size_t files = lr.rules.files.empty() ? 0 : lr.rules.files.size() - 1;  // not counting the stdlib
  std::size_t versions = 0;
  for (const auto& [n, vs] : lr.rules.clauses) versions += vs.size();
  std::size_t errors = lr.diags.error_count(), warnings = lr.diags.warning_count();
  out << summary(o.lang, files, versions, errors, warnings) << "\n";
  // Said once, after everything: some messages have no wording in this language yet.
  if (translate.missed()) err << translate.notice();
  if (errors) return kBadInput;
  if (warnings && o.werror) return kFound;
  return kOk;
}

void add_check(CLI::App& app, Action& action) {
  auto o = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", "parse and check rule files; no data needed");
  cmd->add_option("rules", o->rules, "rule file or folder")->required()->expected(1, -1);
  cmd->add_flag("--werror", o->werror, "treat warnings as errors (exit 1)");
  cmd->add_flag("-v,--verbose", o->verbose, "also show what the range analysis proved, and its notes");
  cmd->add_option("--lang", o->lang, "diagnostics and the summary in kk, ru or en (the codes stay as they are)");
  cmd->callback([o, &action] { action = [o] { return run_check(*o, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
