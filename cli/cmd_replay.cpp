// `ereje replay RECEIPT`: re-runs what a receipt recorded and confirms the same results byte for
// byte, or names what changed (a rule file, a data file, the engine) and exits 1.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <set>
#include <map>
#include <memory>
#include <sstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "cli/Receipt.hpp"
#include "core/DiagnosticText.hpp"

namespace ereje::cli {

int run_results(const RunOptions& o, std::string& text, Receipt& receipt, std::ostream& err, bool hash_files,
                std::ostream& data_err);  // cmd_run.cpp
int whatif_answer(const WhatIfOptions& o, std::string& text, Receipt& receipt, std::ostream& err, bool hash_files,
                  std::ostream& data_err);  // cmd_whatif.cpp

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

namespace fs = std::filesystem;

// docs/security.md, "Receipts and revisions": a receipt is untrusted input. Its paths are read only
// under one folder (the receipt's own, or --root), relative, without `..`, and not through a link
// that leads out of it; a database only when the user names it (--data).

// True when `p` (a real path) is `root` or inside it.
bool within(const fs::path& root, const fs::path& p) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q)
    if (q == p.end() || *r != *q) return false;
  return true;
}

// The first thing under `rel` (the path itself, or, for a folder, anything in it, links followed as
// the rule and data readers follow them) that replay may not read, and why: its real path is outside
// `root`, or it is neither a file nor a folder (a pipe would block the reader). Empty when none.
struct Escape {
  std::string path, why;
};
Escape escapes(const fs::path& root, const std::string& rel) {
  std::set<std::string> visited;
  std::vector<std::string> todo{rel};
  while (!todo.empty()) {
    std::string cur = todo.back();
    todo.pop_back();
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(root / cur, ec);
    if (ec || !within(root, real)) return {cur, "leads outside"};
    const auto st = fs::status(real, ec);
    if (st.type() == fs::file_type::not_found) continue;  // named missing, as before
    if (ec || (st.type() != fs::file_type::regular && st.type() != fs::file_type::directory))
      return {cur, "is neither a file nor a folder in"};
    if (st.type() != fs::file_type::directory || !visited.insert(real.string()).second) continue;
    for (auto it = fs::directory_iterator(root / cur, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
      todo.push_back((fs::path(cur) / it->path().filename()).generic_string());
    if (ec) return {cur, "cannot be read in"};
  }
  return {};
}

// `file`'s name relative to the data it was read from (`data` itself when it is a database file).
std::string under_data(const std::string& data, const std::string& file) {
  if (file == data) return fs::path(file).filename().string();
  std::string prefix = data.empty() || data.back() == '/' ? data : data + "/";
  return file.compare(0, prefix.size(), prefix) == 0 ? file.substr(prefix.size()) : file;
}

void refuse(std::ostream& err, const std::string& what, const std::string& help) {
  err << "error: " << what << "\n  = help: " << help << "\n";
}

// Restores the working folder when replay is done (the run reads the receipt's paths from the root).
struct InFolder {
  fs::path before;
  explicit InFolder(const fs::path& dir) : before(fs::current_path()) { fs::current_path(dir); }
  ~InFolder() {
    std::error_code ec;
    fs::current_path(before, ec);
  }
};

// What differs between the answer recorded and the answer now: the fields of the answer now whose
// values differ, by their place (`results[0].after.value`), never quoting the receipt. At most 10.
std::vector<std::string> answer_changes(const std::string& then_json, const std::string& now_json) {
  std::vector<std::string> out;
  nlohmann::json then = nlohmann::json::parse(then_json, nullptr, false), now = nlohmann::json::parse(now_json, nullptr, false);
  std::function<void(const nlohmann::json*, const nlohmann::json&, const std::string&)> walk =
      [&](const nlohmann::json* a, const nlohmann::json& b, const std::string& at) {
        if (out.size() >= 10) return;
        if (b.is_object()) {
          for (auto it = b.begin(); it != b.end(); ++it)
            walk(a && a->is_object() && a->contains(it.key()) ? &(*a)[it.key()] : nullptr, it.value(),
                 at.empty() ? it.key() : at + "." + it.key());
        } else if (b.is_array()) {
          for (std::size_t i = 0; i < b.size(); ++i)
            walk(a && a->is_array() && i < a->size() ? &(*a)[i] : nullptr, b[i], fmt::format("{}[{}]", at, i));
        } else if (!a || *a != b) {
          out.push_back("differs now: " + at + (b.is_string() || b.is_number() || b.is_boolean() ? " = " + b.dump() + " now" : ""));
        }
      };
  walk(&then, now, "");
  return out;
}

}  // namespace

int run_replay(const ReplayOptions& o, std::ostream& out, std::ostream& err) {
  forget_inputs();
  if (!is_diagnostic_language(o.lang)) {
    err << "error: unknown language `" << o.lang << "`\n  = help: use kk, ru or en\n";
    return kBadInput;
  }
  // The verdict in the language of --lang (the messages are, through cli/MessageLines.hpp); the
  // run replayed keeps the receipt's own language, so that its results are the same bytes.
  DiagnosticTranslator said(o.lang);
  struct Notice {  // once, at the end, when a line of the verdict had no wording
    DiagnosticTranslator& said;
    std::ostream& err;
    ~Notice() {
      if (said.missed()) err << said.notice();
    }
  } notice{said, err};
  Receipt then;
  if (!read_receipt(o.receipt, then, err)) return kBadInput;
  note_input(o.receipt, "the receipt this command replays");
  std::error_code ec;
  const std::string root_given = o.root.empty() ? fs::absolute(o.receipt, ec).parent_path().string() : o.root;
  const fs::path root = fs::canonical(root_given, ec);
  if (ec || !fs::is_directory(root, ec)) {
    refuse(err, fmt::format("cannot read the folder `{}` the receipt's paths are under", root_given),
           "give the folder the receipt's paths are relative to with `--root DIR`");
    return kBadInput;
  }
  const std::string shown_root = o.root.empty() ? "the receipt's folder" : fmt::format("`{}`", o.root);
  // Every path the receipt names, checked before anything is read.
  struct Named {
    std::string path, what;
  };
  std::vector<Named> named;
  for (const auto& a : then.rule_args)
    if (a != "-") named.push_back({a, "rule path"});
  if (o.data.empty()) {
    if (receipt_path_is_url(then.data)) {
      refuse(err, fmt::format("the receipt `{}` names a database, not a data folder", o.receipt),
             "replay connects to a database only when you name it: `ereje replay RECEIPT --data URL`");
      return kBadInput;
    }
    named.push_back({then.data, "data path"});
  }
  for (const auto& f : then.rules)
    if (f.path != "<stdin>" && f.path.rfind("<stdlib>/", 0) != 0) named.push_back({f.path, "rule file"});
  if (o.data.empty())
    for (const auto& f : then.data_files) named.push_back({f.path, "data file"});
  for (const auto& n : named) {
    if (std::string why = receipt_path_problem(n.path); !why.empty()) {
      refuse(err, fmt::format("the receipt `{}` names a {} that {}: `{}`", o.receipt, n.what, why, n.path),
             fmt::format("replay reads only files under {}, by relative paths; a receipt written by `ereje run` "
                         "from that folder has them",
                         shown_root));
      return kBadInput;
    }
  }
  for (const auto& n : named) {
    if (Escape e = escapes(root, n.path); !e.path.empty()) {
      refuse(err, fmt::format("`{}` {} {}", e.path, e.why, shown_root),
             "replay reads only files under that folder; remove the link or copy what it points to into the folder");
      return kBadInput;
    }
  }
  RunOptions run;
  run.rules = then.rule_args;
  run.data = then.data;
  if (!o.data.empty()) {
    bool url = receipt_path_is_url(o.data);
    run.data = url ? o.data : fs::absolute(o.data, ec).lexically_normal().string();
  }
  run.as_of = then.as_of;
  run.format = then.format;
  run.lang = then.lang;
  run.names = then.names;
  // The data read as the run read it: the receipt's CSV dialect, for this replay only.
  struct Dialect {
    std::string before = csv_dialect();
    ~Dialect() { csv_dialect() = before; }
  } restore;
  csv_dialect() = then.csv_dialect;
  std::string text;
  Receipt now;
  std::ostringstream run_err, data_err;
  int code;
  std::vector<std::string> problems;
  {
    InFolder in_root(root);
    if (then.command == "whatif") {
      WhatIfOptions w;
      w.rules = run.rules;
      w.data = run.data;
      w.as_of = then.as_of;
      w.agency = then.agency;
      w.clause = then.clause;
      w.set = then.set;
      w.target = then.target;
      w.lang = then.lang;
      w.format = then.format;
      code = whatif_answer(w, text, now, run_err, true, data_err);
    } else {
      code = run_results(run, text, now, run_err, true, data_err);
    }
    if (code != kOk) {
      // The run itself fails now: still name the files that changed (the rules read now are known).
      if (o.data.empty())
        for (const auto& f : then.data_files) now.data_files.push_back(hash_file(f.path));
    }
  }
  if (then.engine != kEngineVersion) problems.push_back(fmt::format("engine {} then, {} now", then.engine, kEngineVersion));
  std::vector<FileHash> then_data = then.data_files, now_data = now.data_files;
  if (!o.data.empty()) {  // compared by their paths in the data named then and now
    for (auto& f : then_data) f.path = under_data(then.data, f.path);
    for (auto& f : now_data) f.path = under_data(run.data, f.path);
    if (code != kOk) now_data.clear();
  }
  std::size_t before_files = problems.size();
  compare_files(then.rules, now.rules, "rule", problems);
  if (code == kOk || o.data.empty()) compare_files(then_data, now_data, "data", problems);
  // Nothing of a file is quoted (the run's messages quote lines) unless every file read matched the
  // receipt; data the user named with --data is theirs to see.
  const bool files_match = problems.size() == before_files;
  if (files_match) {
    err << data_err.str();
    if (code != kOk) err << run_err.str();
  } else if (code != kOk) {
    err << "note: the run fails now; its messages are not shown, as they may quote files that do not match the "
           "receipt (run the command yourself to see them)\n";
  }
  bool same = code == kOk && now.results_sha256 == then.results_sha256;
  const bool whatif = then.command == "whatif";
  if (same && problems.empty() && whatif) {
    out << said.text("cli", fmt::format("replayed {}: the same answer, byte for byte (sha256 {}), to the what-if "
                                        "question on clause {} for body {} as of {}",
                                        o.receipt, then.results_sha256, then.clause, then.agency, then.as_of))
        << "\n";
    return kOk;
  }
  if (same && problems.empty()) {
    out << said.text("cli", fmt::format("replayed {}: the same {} results, byte for byte (sha256 {}), as of {}", o.receipt,
                                        then.results_rows, then.results_sha256, then.as_of))
        << "\n";
    return kOk;
  }
  out << said.text("cli", fmt::format("replay of {} as of {} does not match:", o.receipt, then.as_of)) << "\n";
  for (const auto& p : problems) out << "  - " << said.text("cli", p) << "\n";
  if (code == kOk && !same && whatif) {
    out << "  - "
        << said.text("cli", fmt::format("the answer differs (sha256 {} then, {} now)", then.results_sha256.substr(0, 12),
                                        now.results_sha256.substr(0, 12)))
        << "\n";
    for (const auto& d : answer_changes(then.answer_json, now.answer_json)) out << "    " << said.text("cli", d) << "\n";
  } else if (code == kOk && !same) {
    out << "  - "
        << said.text("cli", fmt::format("results differ (sha256 {} then, {} now)", then.results_sha256.substr(0, 12),
                                        now.results_sha256.substr(0, 12)))
        << "\n";
  } else if (code == kOk) {
    out << "  - "
        << said.text("cli", whatif ? "the answer is still the same, byte for byte"
                                   : "the results are still the same, byte for byte")
        << "\n";
  } else {
    out << "  - " << said.text("cli", "the run fails now") << "\n";
  }
  return kFound;
}

void add_replay(CLI::App& app, Action& action) {
  auto o = std::make_shared<ReplayOptions>();
  auto* cmd = app.add_subcommand("replay", "re-run a receipt and confirm the same results, or name what changed");
  cmd->add_option("receipt", o->receipt, "a receipt written by `ereje run … --receipt FILE`")->required();
  cmd->add_option("--root", o->root,
                  "the folder the receipt's paths are relative to (default: the receipt's folder); nothing outside it is read");
  cmd->add_option("--data", o->data,
                  "read this data folder, SQLite file or postgresql:// URL instead of the receipt's (a database only this way)");
  cmd->add_option("--lang", o->lang,
                  "the verdict and messages in kk, ru or en (the run replayed keeps the receipt's language)");
  cmd->callback([o, &action] { action = [o] { return run_replay(*o, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
