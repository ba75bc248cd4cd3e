// `ereje diff`: what an amendment changes, clause by clause in the terms of the language, and with
// --data whose results move, by how much, and because of which change. Terminal text (colour only
// on a terminal), Markdown for a memo, or JSON (schema in docs/diff.md).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "cli/DiffCommon.hpp"
#include "cli/DiffMarkdown.hpp"
#include "cli/DiffText.hpp"
#include "grammar/Parser.hpp"
#include "interpreter/DataRules.hpp"
#include "core/Labels.hpp"
#include "core/Timing.hpp"
#include "cli/Html.hpp"
#include "cli/HtmlDiff.hpp"
#include "cli/Xlsx.hpp"
#include "cli/Output.hpp"
#include "input/LoadData.hpp"
#include "interpreter/Diff.hpp"

namespace ereje::cli {
namespace {
namespace fs = std::filesystem;

// A rule set named on the command line: a path, or REV:PATH for a git revision of a folder.
struct Side {
  std::string arg;
  LoadedRules loaded;
  Date as_of;
  std::string shown;  // for headings
  std::string data_shown;  // with --data-before/--data-after: this side's data, as messages show it
};

// Runs `argv` (no shell: each argument reaches the program as it is), its standard output to
// `out_file` (or /dev/null), standard error to /dev/null; its exit status, or -1 when it could not start.
int run_program(const std::vector<std::string>& argv, const std::string& out_file) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.empty() ? "/dev/null" : out_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Why REV may not be given to git; empty when it may (docs/security.md, "Receipts and revisions"):
// git would take a REV starting with `-` for an option (`--output=FILE` writes a file).
std::string revision_problem(const std::string& rev) {
  if (rev.empty()) return "is empty";
  if (rev[0] == '-') return "starts with `-`, as an option does";
  for (unsigned char c : rev)
    if (c < 0x20 || c == 0x7f) return "holds a control character";
  return {};
}

// Extracts PATH at revision REV into a temporary folder: REV resolved to a commit by
// `git rev-parse --verify --end-of-options REV^{commit}`, then `git archive COMMIT -- PATH` untarred.
bool checkout_revision(const std::string& rev, const std::string& path, fs::path& out, std::ostream& err) {
  if (std::string why = revision_problem(rev); !why.empty()) {
    std::string shown;
    for (unsigned char c : rev) shown += c < 0x20 || c == 0x7f ? std::string("?") : std::string(1, static_cast<char>(c));
    err << "error: the git revision `" << shown << "` " << why << "\n"
        << "  = help: write REV:PATH with a revision as `git log` shows it (`HEAD~1`, a tag, a commit): `ereje diff "
           "HEAD~1:rules rules`\n";
    return false;
  }
  static int serial = 0;
  out = fs::temp_directory_path() / fmt::format("ereje-diff-{}-{}", ::getpid(), ++serial);
  fs::create_directories(out);
  const fs::path commit_file = out.string() + ".commit", tar_file = out.string() + ".tar";
  struct Remove {
    std::vector<fs::path> files;
    ~Remove() {
      std::error_code ec;
      for (const auto& f : files) fs::remove(f, ec);
    }
  } remove{{commit_file, tar_file}};
  std::string commit;
  if (run_program({"git", "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"}, commit_file.string()) == 0) {
    std::ifstream in(commit_file);
    std::getline(in, commit);
  }
  bool ok = commit.size() >= 40 && commit.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (!ok) {
    err << "error: `" << rev << "` is not a git revision here\n"
        << "  = help: run from inside the repository; check the revision with `git log`\n";
    return false;
  }
  ok = run_program({"git", "archive", "--format=tar", commit, "--", path}, tar_file.string()) == 0 &&
       run_program({"tar", "-x", "-f", tar_file.string(), "-C", out.string()}, "") == 0 && fs::exists(out / path);
  if (!ok) {
    err << "error: cannot read `" << path << "` at git revision `" << rev << "`\n"
        << "  = help: check the path with `git ls-tree " << commit.substr(0, 12) << "`\n";
    return false;
  }
  return true;
}

bool load_side(Side& s, const std::vector<std::string>& with, std::vector<fs::path>& temps, ShownDiagnostics& shown,
               std::ostream& err) {
  std::error_code ec;
  auto colon = s.arg.find(':');
  if (!fs::exists(s.arg, ec) && colon != std::string::npos) {  // REV:PATH (an empty REV refused)
    std::string rev = s.arg.substr(0, colon), path = s.arg.substr(colon + 1);
    fs::path dir;
    const bool ok = checkout_revision(rev, path, dir, err);
    if (!dir.empty()) temps.push_back(dir);  // removed when diff ends, read or not
    if (!ok) return false;
    std::vector<std::string> paths{(dir / path).string()};
    paths.insert(paths.end(), with.begin(), with.end());
    s.loaded.rules = interp::load_rules(paths, s.loaded.diags, {{dir.string() + "/", rev + ":"}});
    s.loaded.checked = interp::check(s.loaded.rules, s.loaded.diags);
    set_notes_apart(s.loaded);
  } else {
    std::vector<std::string> paths{s.arg};
    paths.insert(paths.end(), with.begin(), with.end());
    s.loaded = load_and_check(paths);
  }
  shown.terms_from(s.loaded.rules);
  err << shown(s.loaded.diags);
  return !s.loaded.diags.has_errors();
}

}  // namespace

// Why one reading of the data cannot serve both sides of a diff, or "": every table the old side
// reads must have, at the same places, the same columns (names and types) in the new contract, and
// every derived column the old side reads the same definition.
// A label of the catalogue in English (the review says it again in its language: cli/DiffWords.cpp).
template <typename... A>
static std::string en(const char* key, const A&... args) {
  return fmt::format(fmt::runtime(label_text(key, "en")), args...);
}

static std::string contracts_compatible(const interp::RuleSet& before, const interp::Checked& checked,
                                 const std::vector<const interp::ClauseVersion*>& versions,
                                 const interp::RuleSet& after) {
  for (const auto& name : checked.tables_read(versions)) {
    const input::TableSchema* old_t = before.contract->find(name);
    const input::TableSchema* new_t = after.contract->find(name);
    if (!old_t) continue;
    if (!new_t) return en("not_split_table", name);
    for (std::size_t i = 0; i < old_t->columns.size(); ++i) {
      const auto& c = old_t->columns[i];
      if (i >= new_t->columns.size() || new_t->columns[i].name != c.name || new_t->columns[i].type != c.type)
        return en("not_split_column", c.name, name);
    }
  }
  for (const auto& d : before.derived) {
    if (!checked.reads_column(versions, d.table, d.column)) continue;
    for (const auto& e : after.derived)
      if (e.table == d.table && e.column == d.column &&
          grammar::print_expr(*e.decl->value) != grammar::print_expr(*d.decl->value))
        return en("not_split_derived", d.table + "." + d.column, grammar::print_expr(*d.decl->value),
                  grammar::print_expr(*e.decl->value));
  }
  return {};
}

// --data-before and --data-after: each read with its own side's contract and as-of date, its
// derived columns and invariants by its own side's rules. The new data is also prepared for the old
// rules when they can read it, so that each move is split into the data's part and the rules'
// (interp::DataPair); else the moves are left unsplit, and the note says why.
static bool load_pair(const DiffOptions& o, const interp::RuleSet& ra, const interp::Checked& ca, const Side& a,
                      const Side& b, std::optional<input::DataSet>& data_old, std::optional<input::DataSet>& data,
                      interp::DataPair& two, ShownDiagnostics& shown, std::ostream& err) {
  const interp::RuleSet& rb = b.loaded.rules;
  const interp::Checked& cb = b.loaded.checked;
  const auto before_versions = ra.all_in_force(a.as_of);
  const auto after_versions = rb.all_in_force(b.as_of);
  if (std::string why = contracts_compatible(ra, ca, before_versions, rb); !why.empty()) {
    two.split = false;
    two.why_not_split = en("note_not_split", why);
  }
  std::vector<std::string> needed_old = interp::tables_needed(ra, ca, before_versions, a.as_of);
  std::vector<std::string> needed_new = interp::tables_needed(rb, cb, after_versions, b.as_of);
  if (two.split) needed_new.insert(needed_new.end(), needed_old.begin(), needed_old.end());
  const char* option = "--data-before";
  try {
    Phase ph("diff: data");
    Diagnostics warnings;
    std::optional<progress::Stage> stage(std::in_place, "reading the data: " + input::shown_data(o.data_before));
    data_old = input::load_data(o.data_before, *ra.contract, a.as_of, needed_old, data_load_options());
    for (const auto& w : data_old->warnings) warnings.add(w);
    warnings.append(interp::prepare_data(ra, ca, *data_old, a.as_of, before_versions));
    option = "--data-after";
    stage.emplace("reading the data: " + input::shown_data(o.data_after));
    data = input::load_data(o.data_after, *rb.contract, b.as_of, needed_new, data_load_options());
    for (const auto& w : data->warnings) warnings.add(w);
    warnings.append(interp::prepare_data(rb, cb, *data, b.as_of, after_versions));
    note_inputs(data_old->files, "a data file this command reads");
    note_inputs(data->files, "a data file this command reads");
    err << shown(warnings);
  } catch (const InputError& e) {
    err << shown(e.diagnostics) << "note: the data given with " << option << "\n";
    return false;
  }
  if (two.split) {
    try {  // the old rules on the new data: their derived columns, and the invariants they rely on
      err << shown(interp::prepare_data(ra, ca, *data, a.as_of, before_versions));
    } catch (const InputError&) {
      two.split = false;
      two.why_not_split = en("note_not_split", en("not_split_invariant"));
    }
  }
  return true;
}

int run_diff(const DiffOptions& o, std::ostream& out, std::ostream& err) {
  forget_inputs();
  if (o.format != "text" && o.format != "markdown" && o.format != "json" && o.format != "html" && o.format != "xlsx") {
    err << "error: unknown format `" << o.format << "`\n  = help: use text, markdown, json, html or xlsx\n";
    return kBadInput;
  }
  if (!html::known_lang(o.lang)) {
    err << "error: unknown language `" << o.lang << "`\n  = help: use kk, ru or en\n";
    return kBadInput;
  }
  // --data-before and --data-after: two data sets (two years' data), each side read with its own;
  // both or neither, and not with --data.
  const bool pair = !o.data_before.empty() || !o.data_after.empty();
  if (pair && !o.data.empty()) {
    err << "error: --data cannot be given with --data-before and --data-after\n"
        << "  = help: one data set for both sides: `--data DATA`; two data sets, one per side: `--data-before OLD "
           "--data-after NEW`\n";
    return kBadInput;
  }
  if (pair && (o.data_before.empty() || o.data_after.empty())) {
    err << "error: " << (o.data_before.empty() ? "--data-after is given without --data-before" : "--data-before is given without --data-after")
        << "\n  = help: give both, one data set per side: `ereje diff rules --as-of 2024-01-01 --data-before data-2023 "
           "--data-after data-2024`\n";
    return kBadInput;
  }
  bool dated = !o.from.empty() || !o.to.empty();
  if (dated && (o.from.empty() || o.to.empty() || !o.new_rules.empty())) {
    err << "error: --from and --to go together, with one rule set\n"
        << "  = help: `ereje diff rules --from 2023-01-01 --to 2024-01-01`, or `ereje diff OLD NEW`\n";
    return kBadInput;
  }
  // One rule set with two data sets: the same rules on both sides, at one date.
  const bool same = !dated && o.new_rules.empty() && pair;
  if (!dated && o.new_rules.empty() && !pair) {
    err << "error: diff needs two rule sets, or one with --from and --to, or one with --data-before and --data-after\n"
        << "  = help: `ereje diff OLD NEW`, `ereje diff HEAD~1:rules rules`, `ereje diff rules --from D1 --to D2`, or "
           "`ereje diff rules --data-before D1 --data-after D2`\n";
    return kBadInput;
  }
  ShownDiagnostics shown(o.lang, err);  // diagnostics in the language of --lang
  std::vector<fs::path> temps;
  struct Cleanup {
    std::vector<fs::path>& t;
    ~Cleanup() {
      std::error_code ec;
      for (const auto& p : t) fs::remove_all(p, ec);
    }
  } cleanup{temps};

  const bool one = dated || same;  // one rule set read once, on both sides
  Side a{o.old_rules, {}, {}, o.old_rules, {}}, b{one ? o.old_rules : o.new_rules, {}, {}, one ? o.old_rules : o.new_rules, {}};
  if (pair) {
    a.data_shown = input::shown_data(o.data_before);
    b.data_shown = input::shown_data(o.data_after);
  }
  if (!load_side(a, o.with, temps, shown, err)) return kBadInput;
  if (one) {
    if (dated) {
      auto f = parse_as_of(o.from, "--from", err);
      auto t = parse_as_of(o.to, "--to", err);
      if (!f || !t) return kBadInput;
      a.as_of = *f;
      b.as_of = *t;
    }
    b.loaded.rules = std::move(a.loaded.rules);  // one rule set, two dates or two data sets
    b.loaded.checked = std::move(a.loaded.checked);
    a.loaded.rules = interp::RuleSet{};
  }
  if (!dated) {
    if (!same && !load_side(b, o.with, temps, shown, err)) return kBadInput;
    if (!o.as_of.empty()) {
      auto d = parse_as_of(o.as_of, "--as-of", err);
      if (!d) return kBadInput;
      a.as_of = b.as_of = *d;
    } else {
      // The newest state of each: the latest date any version of either takes effect.
      Date latest{};
      for (const auto* rs : {same ? &b.loaded.rules : &a.loaded.rules, &b.loaded.rules})
        for (const auto& [n, vs] : rs->clauses)
          for (const auto& v : vs) latest = std::max(latest, v.from);
      a.as_of = b.as_of = latest;
      err << "note: comparing the versions in force on " << format_date(latest)
          << (same ? " (the latest date the rules take effect; choose another with --as-of)\n"
                   : " (the latest date either rule set takes effect; choose another with --as-of)\n");
    }
  }
  const interp::RuleSet& ra = one ? b.loaded.rules : a.loaded.rules;
  const interp::Checked& ca = one ? b.loaded.checked : a.loaded.checked;
  for (const Side* s : {&a, &b}) {
    const interp::RuleSet& rs = s == &a ? ra : b.loaded.rules;
    auto earliest = rs.earliest();
    if (!earliest || s->as_of < *earliest) {
      err << "error: no version of `" << s->shown << "` is in force on " << format_date(s->as_of) << "\n";
      if (earliest) err << "  = help: its earliest rules take effect on " << format_date(*earliest) << "\n";
      return kBadInput;
    }
  }
  interp::DiffSide before{&ra, &ca, a.as_of}, after{&b.loaded.rules, &b.loaded.checked, b.as_of};
  std::optional<input::DataSet> data;
  if (!o.data.empty()) {
    // One data set for both sides, read with the new side's contract (a later act only adds to
    // the tables, so the old side's columns are there too); each side's derived columns and
    // invariants applied by its own rules.
    const auto before_versions = ra.all_in_force(a.as_of);
    const auto after_versions = b.loaded.rules.all_in_force(b.as_of);
    if (std::string why = contracts_compatible(ra, ca, before_versions, b.loaded.rules); !why.empty()) {
      err << "error: " << why
          << "\n  = help: `diff --data` evaluates both sides on one reading of the data; compare the data contracts "
             "first (`ereje contract`), or run each side with `ereje run`\n";
      return kBadInput;
    }
    std::vector<std::string> needed = interp::tables_needed(ra, ca, before_versions, a.as_of);
    for (const auto& t : interp::tables_needed(b.loaded.rules, b.loaded.checked, after_versions, b.as_of))
      needed.push_back(t);
    try {
      Phase ph("diff: data");
      const progress::Stage stage("reading the data: " + input::shown_data(o.data));
      data = input::load_data(o.data, *b.loaded.rules.contract, std::max(a.as_of, b.as_of), needed, data_load_options());
      note_inputs(data->files, "a data file this command reads");
      Diagnostics warnings;
      for (const auto& w : data->warnings) warnings.add(w);
      warnings.append(interp::prepare_data(ra, ca, *data, a.as_of, before_versions));
      warnings.append(interp::prepare_data(b.loaded.rules, b.loaded.checked, *data, b.as_of, after_versions));
      err << shown(warnings);
    } catch (const InputError& e) {
      err << shown(e.diagnostics);
      return kBadInput;
    }
  }
  std::optional<input::DataSet> data_old;  // --data-before; `data` is then --data-after
  interp::DataPair two;
  if (pair) {
    two.label = en("part_data", a.data_shown, b.data_shown);
    if (!load_pair(o, ra, ca, a, b, data_old, data, two, shown, err)) return kBadInput;
    two.before = &*data_old;
    two.after = &*data;
  }
  interp::AggregateCache cache;
  std::optional<Phase> ph_diff(std::in_place, "diff: changes, impact, attribution");
  std::optional<progress::Stage> stage(std::in_place, "comparing the rules and working out each body's moves");
  interp::RuleDiff d = pair ? interp::diff_rules(before, after, two, &cache)
                            : interp::diff_rules(before, after, data ? &*data : nullptr, &cache);
  ph_diff.reset();
  Phase ph_rest("diff: ranks, report, freeing");
  Summary sum;
  if (data) sum = summarize(d, data_old ? *data_old : *data, *data);  // ranks from both sides' results
  Colours c;
  c.on = o.format == "text" && &out == &std::cout && ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  std::string text;
  if (o.format == "html" || o.format == "xlsx") {
    DiffView view{&d, a.shown, b.shown, a.as_of, b.as_of, data ? &*data : nullptr, sum.affected.size(), sum.rise, sum.fall,
                  {}, o.lang, a.data_shown, b.data_shown};
    for (const auto& m : sum.rank_moves) view.rank_moves.push_back({m.agency, m.clause, m.result, m.before, m.after});
    std::string problem;
    if (o.format == "html") text = diff_html(view);
    else if (!diff_xlsx(view, text, problem)) {
      err << "error: " << problem << "\n";
      return kBadInput;
    }
  } else {
    const DiffSideShown sa{a.shown, a.as_of, a.data_shown}, sb{b.shown, b.as_of, b.data_shown};
    text = o.format == "json"       ? render_json(d, sa, sb, data ? &*data : nullptr, &sum)
           : o.format == "markdown" ? render_markdown(d, sa, sb, data ? &*data : nullptr, sum, o.lang)
                                    : render_text(d, sa, sb, data ? &*data : nullptr, &sum, c, o.lang);
  }
  if (o.output.empty() || o.output == "-") out << text;
  else if (!write_file_atomically(o.output, text, err)) return kBadInput;
  // Like diff(1): 1 when there are differences (with two data sets, a result moved or a body in one only).
  return d.differs() ? kFound : kOk;
}

void add_diff(CLI::App& app, Action& action) {
  auto o = std::make_shared<DiffOptions>();
  auto* cmd = app.add_subcommand("diff", "what changed between two rule sets, and whose results move");
  cmd->add_option("old", o->old_rules, "the old rules: a file, a folder, or REV:PATH for a git revision")->required();
  cmd->add_option("new", o->new_rules, "the new rules (omit with --from/--to, or for the same rules on two data sets)");
  cmd->add_option("--with", o->with, "rule files or folders read on both sides, e.g. the acts whose clauses a block total reads");
  cmd->add_option("--from", o->from, "with one rule set: the old date (YYYY-MM-DD)");
  cmd->add_option("--to", o->to, "with one rule set: the new date (YYYY-MM-DD)");
  cmd->add_option("--as-of", o->as_of, "with two rule sets, or one on two data sets: the date whose versions are compared");
  cmd->add_option("--data", o->data, "a data folder, SQLite file or postgresql:// URL: show how each body's results move");
  cmd->add_option("--data-before", o->data_before,
                  "with --data-after, instead of --data: the old side's data (e.g. last year's); bodies matched by code");
  cmd->add_option("--data-after", o->data_after, "with --data-before: the new side's data");
  cmd->add_option("--csv-dialect", csv_dialect(),
                  "rfc4180 (default), or excel-ru: CSV as Excel writes it in a Russian or Kazakh locale (ИСТИНА/ЛОЖЬ, "
                  "ДА/НЕТ, a decimal comma)")
      ->check(CLI::IsMember({"rfc4180", "excel-ru"}));
  cmd->add_option("--format", o->format, "text, markdown, json, html or xlsx");
  cmd->add_option("--lang", o->lang, "text, markdown, html and xlsx: labels, changes and clause titles in kk, ru or en");
  cmd->add_option("--output", o->output, "write the review to this file (whole or not at all)");
  cmd->callback([o, &action] { action = [o] { return run_diff(*o, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
