// `ereje replay RECEIPT`: re-runs what a receipt recorded and confirms the same results byte for
// byte, or names what changed (a rule file, a data file, the engine) and exits 1.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "cli/Receipt.hpp"

namespace ereje::cli {

int run_results(const RunOptions& o, std::string& text, Receipt& receipt, std::ostream& err, bool hash_files,
                std::ostream& data_err);  // cmd_run.cpp

namespace {

// Compares two lists of files by path: changed, missing now, or new.
void compare_files(const std::vector<FileHash>& then, const std::vector<FileHash>& now, const std::string& what,
                   std::vector<std::string>& problems) {
  std::map<std::string, std::string> a, b;
  for (const auto& f : then) a[f.path] = f.sha256;
  for (const auto& f : now) b[f.path] = f.sha256;
  for (const auto& [path, hash] : a) {
    auto it = b.find(path);
    if (it == b.end())
      problems.push_back(fmt::format("{} file {} was read then, and is not read now", what, path));
    else if (it->second != hash)
      problems.push_back(fmt::format("{} file {} changed (sha256 {} then, {} now)", what, path, hash.substr(0, 12),
                                     it->second.empty() ? "unreadable" : it->second.substr(0, 12)));
  }
  for (const auto& [path, hash] : b)
    if (!a.count(path)) problems.push_back(fmt::format("{} file {} is read now, and was not then", what, path));
}

}  // namespace

int run_replay(const ReplayOptions& o, std::ostream& out, std::ostream& err) {
  Receipt then;
  if (!read_receipt(o.receipt, then, err)) return kBadInput;
  RunOptions run;
  run.rules = then.rule_args;
  run.data = then.data;
  run.as_of = then.as_of;
  run.format = then.format;
  std::string text;
  Receipt now;
  std::ostringstream run_err;
  int code = run_results(run, text, now, run_err, true, err);  // the data's warnings shown, as by run
  std::vector<std::string> problems;
  if (then.engine != kEngineVersion) problems.push_back(fmt::format("engine {} then, {} now", then.engine, kEngineVersion));
  if (code != kOk) {
    // The run itself fails now: say why, and still name the files that changed.
    err << run_err.str();
    Receipt files_now;
    for (const auto& f : then.rules) files_now.rules.push_back(f.path.rfind("<stdlib>", 0) == 0 ? f : hash_file(f.path));
    for (const auto& f : then.data_files) files_now.data_files.push_back(hash_file(f.path));
    compare_files(then.rules, files_now.rules, "rule", problems);
    compare_files(then.data_files, files_now.data_files, "data", problems);
  } else {
    compare_files(then.rules, now.rules, "rule", problems);
    compare_files(then.data_files, now.data_files, "data", problems);
  }
  bool same = code == kOk && now.results_sha256 == then.results_sha256;
  if (same && problems.empty()) {
    out << fmt::format("replayed {}: the same {} results, byte for byte (sha256 {}), as of {}\n", o.receipt,
                       then.results_rows, then.results_sha256, then.as_of);
    return kOk;
  }
  out << fmt::format("replay of {} as of {} does not match:\n", o.receipt, then.as_of);
  for (const auto& p : problems) out << "  - " << p << "\n";
  if (code == kOk && !same)
    out << fmt::format("  - results differ (sha256 {} then, {} now)\n", then.results_sha256.substr(0, 12),
                       now.results_sha256.substr(0, 12));
  else if (code == kOk)
    out << "  - the results are still the same, byte for byte\n";
  return kFound;
}

void add_replay(CLI::App& app, Action& action) {
  auto o = std::make_shared<ReplayOptions>();
  auto* cmd = app.add_subcommand("replay", "re-run a receipt and confirm the same results, or name what changed");
  cmd->add_option("receipt", o->receipt, "a receipt written by `ereje run … --receipt FILE`")->required();
  cmd->callback([o, &action] { action = [o] { return run_replay(*o, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
