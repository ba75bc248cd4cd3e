// `ereje check`: parse and check only, no data.
#include <ostream>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"

namespace ereje::cli {

int run_check(const CheckOptions& o, std::ostream& out, std::ostream& err) {
  LoadedRules lr = load_and_check(o.rules);
  Diagnostics shown = lr.diags;  // with the notes, in the order of the files
  shown.append(lr.notes);
  shown.sort();
  err << render(shown);
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
  cmd->callback([o, &action] { action = [o] { return run_check(*o, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
