// The subcommands as functions that tests can call without argv: an options struct and a
// `run_…` function each, writing to the given streams and returning the exit status. Each
// cmd_*.cpp also registers its own command-line options (`add_…`), so main.cpp only wires them.
#pragma once
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace ereje::cli {

// What main calls once the command line is parsed: the chosen subcommand's `run_…`.
using Action = std::function<int()>;

struct RunOptions {
  std::vector<std::string> rules;
  std::string data;
  std::string as_of;   // empty: today (UTC), read once
  std::string format = "csv";  // csv | json | table | xlsx
  std::string output;  // empty: standard output
  std::string receipt; // empty: no receipt
  std::string lang = "en";  // table and xlsx: headers and statuses in kk, ru or en
  bool names = false;       // csv, json, table: each body's name in a last column `name`
  bool watch = false;       // run again whenever a rule or data file changes
};
int run_run(const RunOptions& o, std::ostream& out, std::ostream& err);
void add_run(CLI::App& app, Action& action);

struct CheckOptions {
  std::vector<std::string> rules;
  bool werror = false;  // warnings make the exit status 1
  bool verbose = false;  // the range analysis' proofs and notes too
  std::string lang = "en";  // diagnostics and the summary in kk, ru or en (core/DiagnosticText.hpp)
};
int run_check(const CheckOptions& o, std::ostream& out, std::ostream& err);
void add_check(CLI::App& app, Action& action);

struct TestOptions {
  std::vector<std::string> rules;
  bool verbose = false;  // list passing tests too
  bool watch = false;    // run again whenever a rule file changes
  std::string lang = "en";  // diagnostics, failures and the summary in kk, ru or en
};
int run_test(const TestOptions& o, std::ostream& out, std::ostream& err);
void add_test(CLI::App& app, Action& action);

struct ExplainOptions {
  std::vector<std::string> rules;
  std::string data, agency, clause, as_of;
  bool rows = false;          // list matching rows with file and line
  std::string lang = "en";    // labels: kk, ru or en
  std::string format = "text";  // text or json
};
int run_explain(const ExplainOptions& o, std::ostream& out, std::ostream& err);
void add_explain(CLI::App& app, Action& action);

struct WhatIfOptions {
  std::vector<std::string> rules;
  std::string data, agency, clause, as_of;
  std::vector<std::string> set;  // NAME=EXPR, each a definition or coefficient of the clause given another value
  std::string target;            // RESULT>=VALUE or RESULT<=VALUE
  std::string lang = "en";       // labels: kk, ru or en
  std::string format = "text";   // text or json
  std::string receipt;           // empty: no receipt
};
// `ereje whatif` (docs/whatif.md).
int run_whatif(const WhatIfOptions& o, std::ostream& out, std::ostream& err);
void add_whatif(CLI::App& app, Action& action);

struct DiffOptions {
  std::string old_rules, new_rules;  // a path, or REV:PATH
  std::vector<std::string> with;     // rule files or folders read on both sides (e.g. the acts a block reads)
  std::string from, to;              // one rule set at two dates
  std::string as_of;                 // two rule sets: the date compared (default: the latest)
  std::string data;
  std::string data_before, data_after;  // two data sets, one per side (both or neither; not with `data`)
  std::string format = "text";       // text, markdown, json, html or xlsx
  std::string lang = "en";           // html and xlsx: labels and clause titles in kk, ru or en
  std::string output;                // empty or `-`: standard output
};
int run_diff(const DiffOptions& o, std::ostream& out, std::ostream& err);
void add_diff(CLI::App& app, Action& action);

struct ReplayOptions {
  std::string receipt;
  std::string root;  // the folder the receipt's paths are under; empty: the receipt's own folder
  std::string data;  // empty: the receipt's data (a path under the root); else this, as given
  std::string lang = "en";  // the verdict and messages: kk, ru or en
};
int run_replay(const ReplayOptions& o, std::ostream& out, std::ostream& err);
void add_replay(CLI::App& app, Action& action);

struct FmtOptions {
  std::vector<std::string> rules;  // files or folders; `-`: standard input to standard output
  bool check = false;              // write nothing: print a unified diff, exit 1 when anything differs
};
int run_fmt(const FmtOptions& o, std::istream& in, std::ostream& out, std::ostream& err);
void add_fmt(CLI::App& app, Action& action);

struct LspOptions {
  bool stdio = true;  // the only transport; `--stdio` is accepted because editors' clients pass it
};
// Serves the Language Server Protocol on `in`/`out` until `exit`; the exit status as the protocol says.
int run_lsp(const LspOptions& o, std::istream& in, std::ostream& out, std::ostream& err);
void add_lsp(CLI::App& app, Action& action);

struct ContractOptions {
  std::vector<std::string> rules;
  std::string as_of;               // empty: today (UTC)
  std::string format = "markdown";  // markdown or json
  std::string lang = "en";          // markdown: labels and descriptions in kk, ru or en
  std::string templates;            // a folder: write a header-only CSV per table there instead
};
int run_contract(const ContractOptions& o, std::ostream& out, std::ostream& err);
void add_contract(CLI::App& app, Action& action);

struct ImportOptions {
  std::string act;     // the published text of the amending act (plain text, UTF-8)
  std::string lang;    // kk or ru; empty: Kazakh when the text has Kazakh letters, else Russian
  std::string output;  // a folder: write NUMBER.ereje there (never over a file); empty: standard output
};
// `ereje import`: a rule-file skeleton from an amending act's text (interpreter/Import.hpp).
int run_import(const ImportOptions& o, std::ostream& out, std::ostream& err);
void add_import(CLI::App& app, Action& action);

struct ReportOptions {
  std::vector<std::string> rules;
  std::string data;
  std::string as_of;        // empty: today (UTC)
  std::string lang = "en";  // labels and clause titles: kk, ru or en
  std::string output;       // the HTML file; `-`: standard output
};
// `ereje report`: one self-contained HTML page of the results (docs/reports.md).
int run_report(const ReportOptions& o, std::ostream& out, std::ostream& err);
void add_report(CLI::App& app, Action& action);

}  // namespace ereje::cli
