// `ereje run`: evaluate every clause in force at the as-of date for every body of a data folder.
#include <ostream>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <fmt/format.h>

#include <memory>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "cli/Watch.hpp"
#include "cli/Output.hpp"
#include "cli/Receipt.hpp"
#include "cli/Xlsx.hpp"
#include "core/Timing.hpp"
#include "input/DataSet.hpp"
#include "input/LoadData.hpp"
#include "input/PostgresReader.hpp"
#include "interpreter/Evaluator.hpp"

namespace ereje::cli {

// The receipt's file hashes are computed only when asked for (`--receipt`, or `replay`): hashing every
// data file costs a second read of it, as much time as reading the data itself. The data's warnings
// go to `data_err` (replay keeps the rest of `err` to itself when the run works).
int run_results(const RunOptions& o, std::string& text, Receipt& receipt, std::ostream& err, bool hash_files,
                std::ostream& data_err) {
  if (o.format == "html") {
    err << "error: `run` does not write HTML\n  = help: `ereje report RULES --data DIR --output FILE.html` writes the "
           "results as a page\n";
    return kBadInput;
  }
  if (o.lang != "kk" && o.lang != "ru" && o.lang != "en") {
    err << "error: unknown language `" << o.lang << "`\n  = help: use kk, ru or en\n";
    return kBadInput;
  }
  if (o.lang != "en" && (o.format == "csv" || o.format == "json"))
    err << "note: "
        << DiagnosticTranslator(o.lang).text("cli", "--lang " + o.lang + " gives the names of --names; the " + o.format +
                                                        " columns and statuses stay the codes of the results table, for "
                                                        "other systems (use --format table or xlsx for people)")
        << "\n";
  if (o.format != "csv" && o.format != "json" && o.format != "table" && o.format != "xlsx") {
    err << "error: unknown format `" << o.format << "`\n  = help: use csv, json, table or xlsx\n";
    return kBadInput;
  }
  const std::optional<Date> given = as_of_or_today(o.as_of, "evaluating", err);
  if (!given) return kBadInput;
  const Date as_of = *given;
  ShownDiagnostics shown(o.lang, err);  // diagnostics in the language of --lang
  LoadedRules lr = [&] {
    Phase ph("run: rules");
    return load_and_check(o.rules);
  }();
  shown.terms_from(lr.rules);
  // The rule files read, hashed as soon as they are known (replay names them even when the run fails).
  if (hash_files)
    for (const auto& f : lr.rules.files) receipt.rules.push_back({f.source->name, sha256_hex(f.source->text)});
  err << shown(lr.diags);
  if (lr.diags.has_errors()) return kBadInput;

  const auto in_force = versions_in_force(lr.rules, as_of, err);
  if (!in_force) return kBadInput;
  const auto& versions = *in_force;
  // Only the tables the versions in force read must be present (the table of bodies always is).
  input::DataSet data;
  try {
    Phase ph("run: data");
    Diagnostics warnings;
    data = load_data_for(lr.rules, lr.checked, o.data, as_of, versions, warnings);
    data_err << shown(warnings);
  } catch (const InputError& e) {
    err << shown(e.diagnostics);
    err << "error: " << shown.text("cli", "no results written: the data has errors") << "\n";
    return kBadInput;
  }
  interp::Evaluation ev = [&] {
    Phase ph("run: evaluate");
    const progress::Stage stage(fmt::format("evaluating {} clauses for {} bodies", versions.size(), data.bodies.size()));
    return interp::evaluate(lr.rules, lr.checked, data, as_of, versions);
  }();
  Phase ph_out("run: results, freeing the data");
  err << shown(ev.warnings);
  if (o.format == "xlsx") {
    XlsxRun x{&lr.rules, &lr.checked, &data, &ev, versions, as_of, "", input::shown_data(o.data), o.lang};
    for (const auto& r : o.rules) x.rules_shown += (x.rules_shown.empty() ? "" : " ") + r;
    if (std::string problem; !results_xlsx(x, text, problem)) {
      err << "error: " << problem << "\n";
      return kBadInput;
    }
  } else {
    text = o.format == "json"    ? results_json(ev, data, o.names, o.lang)
           : o.format == "table" ? results_table(ev, data, o.names, o.lang)
                                 : results_csv(ev, data, o.names, o.lang);
  }
  // What a receipt records: the rule files as they were read, the data files, the results.
  receipt.engine = kEngineVersion;
  receipt.rule_args = o.rules;
  receipt.data = input::shown_data(o.data);  // a PostgreSQL URL without its password
  receipt.as_of = format_date(as_of);
  receipt.format = o.format;
  receipt.lang = o.lang;
  receipt.names = o.names;
  receipt.csv_dialect = csv_dialect();
  if (hash_files) {
    for (const auto& f : data.files) receipt.data_files.push_back(hash_file(f));
    receipt.results_sha256 = sha256_hex(text);
  }
  receipt.results_rows = ev.rows.size();
  return kOk;
}

namespace {

// `replay` reads a receipt's paths only relative to one folder, the receipt's by default
// (docs/security.md): says how to replay a receipt that will not replay as it stands.
void note_replay(const RunOptions& o, std::ostream& err) {
  for (const auto& r : o.rules)
    if (std::string why = r == "-" ? "" : receipt_path_problem(r); !why.empty()) {
      err << "note: the receipt names `" << r << "`, which " << why
          << "; `ereje replay` reads only relative paths under one folder: run from the folder that holds the rules "
             "and name them from there\n";
      return;
    }
  std::string data_note;
  if (input::is_postgres_url(o.data) || !receipt_path_problem(o.data).empty())
    data_note = " --data " + input::shown_data(o.data);  // replay reads a database or a path elsewhere only when named
  std::error_code ec;
  const auto here = std::filesystem::current_path(ec);
  const auto folder = std::filesystem::weakly_canonical(std::filesystem::absolute(o.receipt, ec).parent_path(), ec);
  const bool elsewhere = !ec && std::filesystem::weakly_canonical(here, ec) != folder;
  if (elsewhere || !data_note.empty())
    err << "note: replay this receipt with `ereje replay " << o.receipt << (elsewhere ? " --root " + here.string() : "")
        << data_note << "` (`replay` reads only under the receipt's folder or --root, and a database or data elsewhere "
           "only when named with --data)\n";
}

}  // namespace

int run_run(const RunOptions& o, std::ostream& out, std::ostream& err) {
  forget_inputs();
  std::string text;
  Receipt receipt;
  if (int code = run_results(o, text, receipt, err, !o.receipt.empty(), err); code != kOk) return code;
  // Both outputs checked before either is written: a refused receipt leaves no results behind.
  const bool to_file = !o.output.empty() && o.output != "-";
  if (!o.receipt.empty()) {
    namespace fs = std::filesystem;
    std::error_code ec;
    auto same = [&](const std::string& a, const std::string& b) {
      return fs::absolute(a, ec).lexically_normal() == fs::absolute(b, ec).lexically_normal() || fs::equivalent(a, b, ec);
    };
    if (to_file && same(o.output, o.receipt)) {
      err << "error: --output and --receipt name the same file `" << o.receipt << "`: the receipt would replace the results\n"
          << "  = help: give the receipt another name, e.g. results.receipt.json\n";
      return kBadInput;
    }
    if (!output_allowed(o.receipt, err)) return kBadInput;
  }
  if (to_file && !output_allowed(o.output, err)) return kBadInput;
  if (!to_file) {
    out << text;
  } else if (!write_file_atomically(o.output, text, err)) {
    return kBadInput;
  }
  if (!o.receipt.empty()) {
    if (!write_file_atomically(o.receipt, receipt_json(receipt), err)) return kBadInput;
    note_replay(o, err);
  }
  return kOk;
}

void add_run(CLI::App& app, Action& action) {
  auto o = std::make_shared<RunOptions>();
  auto* cmd = app.add_subcommand("run", "evaluate every clause in force for every body of a data folder");
  cmd->add_option("rules", o->rules, "rule file or folder")->required()->expected(1, -1);
  cmd->add_option("--data", o->data, "data folder (one CSV or JSON file per table), SQLite file or postgresql:// URL")->required();
  cmd->add_option("--csv-dialect", csv_dialect(),
                  "rfc4180 (default), or excel-ru: CSV as Excel writes it in a Russian or Kazakh locale (ИСТИНА/ЛОЖЬ, "
                  "ДА/НЕТ, a decimal comma)")
      ->check(CLI::IsMember({"rfc4180", "excel-ru"}));
  cmd->add_option("--as-of", o->as_of, "evaluate the versions in force on this date (YYYY-MM-DD); default today");
  cmd->add_option("--format", o->format, "csv, json, table or xlsx");
  cmd->add_option("--lang", o->lang, "table and xlsx: headers and statuses in kk, ru or en; --names: which name");
  cmd->add_flag("--names", o->names, "csv, json and table: each body's name in a last column `name`");
  cmd->add_option("--output", o->output, "write the results to this file (whole or not at all)");
  cmd->add_option("--receipt", o->receipt, "also write a receipt: hashes of every rule and data file and of the results");
  cmd->add_flag("--watch", o->watch, "run again whenever a rule or data file changes (Ctrl-C to stop)");
  cmd->callback([o, &action] {
    action = [o] {
      if (!o->watch) return run_run(*o, std::cout, std::cerr);
      std::vector<std::string> paths = o->rules;
      paths.push_back(o->data);  // a folder or a SQLite file; a database URL is not watched
      return watch(paths, [o] { return run_run(*o, std::cout, std::cerr); }, std::cerr, o->lang);
    };
  });
}

}  // namespace ereje::cli
