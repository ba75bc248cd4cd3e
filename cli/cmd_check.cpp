// `ereje check`: parse and check only, no data.
#include <ostream>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "interpreter/Range.hpp"

namespace ereje::cli {

int run_check(const CheckOptions& o, std::ostream& out, std::ostream& err) {
  LoadedRules lr = load_and_check(o.rules);
  // The range analysis (docs/language.md, "Range analysis"): its notes and its line per result are
  // shown with -v; its warnings always. The checker's notes (e.g. `text-letter-twin`) always.
  const interp::RangeReport ranges = interp::analyse_ranges(lr.rules, lr.checked, lr.diags);
  Diagnostics shown;
  for (const auto& d : lr.diags.list())
    if (o.verbose || d.severity != Severity::Note) shown.add(d);
  shown.append(lr.notes);
  shown.sort();
  err << render(shown);
  if (o.verbose)
    for (const auto& line : ranges.lines) out << line << "\n";
  std::size_t files = lr.rules.files.empty() ? 0 : lr.rules.files.size() - 1;  // not counting the stdlib
  std::size_t versions = 0;
  for (const auto& [n, vs] : lr.rules.clauses) versions += vs.size();
  std::size_t errors = lr.diags.error_count(), warnings = lr.diags.warning_count();
  out << "checked " << files << " file" << (files == 1 ? "" : "s") << ", " << versions << " clause version"
      << (versions == 1 ? "" : "s") << ": " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings
      << " warning" << (warnings == 1 ? "" : "s") << "\n";
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
  cmd->callback([o, &action] { action = [o] { return run_check(*o, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
