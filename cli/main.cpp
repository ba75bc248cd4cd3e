// The `ereje` binary: wires the command line (CLI11) to the subcommands in cli/cmd_*.cpp, and puts
// CLI11's errors in our words (lowercase, what to do next).
#include <CLI/CLI.hpp>
#include <iostream>
#include <set>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"

namespace {

std::string lowercase_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace ereje::cli;
  CLI::App app{"ereje: rules of the operational assessment methodology, as code"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ereje 0.1.0");

  RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "evaluate every clause in force for every body of a data folder");
  run_cmd->add_option("rules", run.rules, "rule file or folder")->required()->expected(1, -1);
  run_cmd->add_option("--data", run.data, "data folder (agencies, services, objections, schedule)")->required();
  run_cmd->add_option("--as-of", run.as_of, "evaluate the versions in force on this date (YYYY-MM-DD); default today");
  run_cmd->add_option("--format", run.format, "csv, json or table");
  run_cmd->add_option("--output", run.output, "write the results to this file (whole or not at all)");

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "parse and check rule files; no data needed");
  check_cmd->add_option("rules", check.rules, "rule file or folder")->required()->expected(1, -1);
  check_cmd->add_flag("--werror", check.werror, "treat warnings as errors (exit 1)");

  TestOptions test;
  auto* test_cmd = app.add_subcommand("test", "run the tests written in the rule files");
  test_cmd->add_option("rules", test.rules, "rule file or folder")->required()->expected(1, -1);
  test_cmd->add_flag("-v,--verbose", test.verbose, "list passing tests too");

  const std::set<std::string> commands{"run", "check", "test"};
  std::string command = argc > 1 ? argv[1] : "";
  if (argc > 1 && command[0] != '-' && !commands.count(command)) {
    std::cerr << "error: unknown command `" << command << "`\n  = help: the commands are run, check and test; see `ereje --help`\n";
    return kBadInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    std::string what = e.what();
    auto colon = what.rfind(": ");
    std::cerr << "error: unexpected argument" << (colon == std::string::npos ? "" : " `" + what.substr(colon + 2) + "`")
              << "\n  = help: see `ereje " << (command.empty() ? "" : command + " ") << "--help` for the options\n";
    return kBadInput;
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    if (command.empty() || command[0] == '-')
      std::cerr << "error: no command given\n  = help: the commands are run, check and test; see `ereje --help`\n";
    else
      std::cerr << "error: " << lowercase_first(what) << "\n  = help: see `ereje " << command << " --help`\n";
    return kBadInput;
  }
  if (*run_cmd) return run_run(run, std::cout, std::cerr);
  if (*check_cmd) return run_check(check, std::cout, std::cerr);
  if (*test_cmd) return run_test(test, std::cout, std::cerr);
  return kBadInput;
}
