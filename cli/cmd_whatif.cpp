// `ereje whatif`: one clause for one body with definitions given other values (`--set`), or the
// least change of each count that reaches a target (`--target`); text in kk/ru/en or JSON, and a
// receipt that `replay` confirms (docs/whatif.md).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "cli/Output.hpp"
#include "cli/Receipt.hpp"
#include "core/Labels.hpp"
#include "input/DataSet.hpp"
#include "input/LoadData.hpp"
#include "interpreter/WhatIf.hpp"

namespace ereje::cli {

std::string explanation_text(const interp::Explanation& x, const input::DataSet& data, const std::string& lang);
nlohmann::ordered_json explanation_to_json(const interp::Explanation& x, const input::DataSet& data);

namespace {

using Labels = std::map<std::string, std::string>;
using interp::Reason;

// The labels this output uses, by its own names (core/Labels.hpp holds their words).
const std::vector<LabelUse> kUses = {
    {"title", "whatif_title", false},
    {"changed", "changed", false},
    {"coefficient", "coefficient", false},
    {"result", "result", true},
    {"delta", "whatif_delta", false},
    {"before", "before", true},
    {"after", "after", true},
    {"target", "target", false},
    {"now", "now", false},
    {"already", "already", false},
    {"each", "each", false},
    {"found", "found", false},
    {"held", "held", false},
    {"bisection", "bisection", false},
    {"no", "no", false},
    {"r_nan", "r_nan", false},
    {"r_na", "r_na", false},
    {"r_nodep", "r_nodep", false},
    {"r_range", "r_range", false},
    {"r_limit", "r_limit", false},
    {"r_line", "r_line", false},
    {"r_cap", "r_cap", false},
};


const Labels& labels(const std::string& lang) {
  static const std::map<std::string, Labels> all{
      {"en", label_table(kUses, "en")}, {"ru", label_table(kUses, "ru")}, {"kk", label_table(kUses, "kk")}};
  return all.at(lang);
}

const char* reason_code(Reason r) {
  switch (r) {
    case Reason::None: return "";
    case Reason::NotANumber: return "not-a-number";
    case Reason::NaEverywhere: return "na-everywhere";
    case Reason::NoDependence: return "no-dependence";
    case Reason::OutOfRangeOnly: return "out-of-range-only";
    case Reason::Limit: return "limit";
    case Reason::Cap: return "cap";
  }
  return "";
}

// The value as `run` prints it (rounded), and exact when that differs.
std::string shown(const interp::Value& v, int round) {
  if (v.is_missing()) return "n/a";
  if (v.kind != interp::Kind::Number) return v.show();
  const std::string r = v.num.to_fixed(round);
  const auto back = Rational::parse_decimal(r);
  return back && *back == v.num ? r : r + " (" + v.show() + ")";
}

// A definition's value: exact, with an approximation for a fraction that does not end.
std::string plain(const interp::Value& v) {
  if (v.is_missing()) return "n/a";
  std::string s = v.show();
  if (v.kind == interp::Kind::Number && s.find('/') != std::string::npos) s += " ≈ " + v.num.to_fixed(6);
  return s;
}

int round_of(const ast::Clause& c, const std::string& result) {
  for (const auto& r : c.results)
    if (r.name == result) return r.round;
  return 0;
}

std::string signed_int(std::int64_t d) { return (d > 0 ? "+" : "−") + std::to_string(d < 0 ? -d : d); }

std::string target_text(const interp::Target& t) {
  return t.result + (t.at_least ? " >= " : " <= ") + t.value.to_exact();
}

nlohmann::ordered_json value_json(const interp::Value& v, int round, interp::Status st) {
  return {{"exact", v.is_missing() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v.show())},
          {"value", v.is_missing() ? "" : v.kind == interp::Kind::Number ? v.num.to_fixed(round) : v.show()},
          {"status", interp::status_name(st)}};
}

// `--set`: the answer as text and as JSON (the receipt's answer is the JSON without the two
// explanations; the printed output holds them).
void answer_set(const interp::SetAnswer& a, const input::DataSet& data, const std::string& lang, std::string& text,
                nlohmann::ordered_json& j) {
  const Labels& L = labels(lang);
  const auto& v = *a.before.version;
  const auto& c = *v.clause;
  const std::string& code = data.bodies[a.before.body].code;
  text += fmt::format(fmt::runtime(L.at("title")), v.number, code, format_date(a.before.as_of)) + "\n";
  text += L.at("changed") + ":\n";
  j["changes"] = nlohmann::ordered_json::array();
  for (const auto& ch : a.changes) {
    text += fmt::format("  {}{}: {} → {}   ({} = {})\n", ch.coefficient ? L.at("coefficient") + " " : std::string(), ch.name,
                        plain(ch.before), plain(ch.after), ch.name, ch.expr);
    j["changes"].push_back({{"name", ch.name}, {"kind", ch.coefficient ? "coefficient" : "let"}, {"expr", ch.expr},
                            {"before", ch.before.is_missing() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(ch.before.show())},
                            {"after", ch.after.is_missing() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(ch.after.show())}});
  }
  j["results"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < a.before.results.size() && i < a.after.results.size(); ++i) {
    const auto& b = a.before.results[i];
    const auto& f = a.after.results[i];
    const int round = round_of(c, b.name);
    interp::Value delta = b.value.is_missing() || f.value.is_missing() || b.value.kind != interp::Kind::Number ||
                                  f.value.kind != interp::Kind::Number
                              ? interp::Value::missing()
                              : interp::Value::number(f.value.num - b.value.num);
    std::string d = delta.is_missing() ? "n/a" : (delta.num.sign() > 0 ? "+" : "") + shown(delta, round);
    text += fmt::format("{} {}: {} ({}) → {} ({}); {} {}\n", L.at("result"), b.name, shown(b.value, round),
                        interp::status_name(b.status), shown(f.value, round), interp::status_name(f.status), L.at("delta"), d);
    j["results"].push_back({{"name", b.name},
                            {"before", value_json(b.value, round, b.status)},
                            {"after", value_json(f.value, round, f.status)},
                            {"delta", delta.is_missing() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(delta.show())}});
  }
  text += fmt::format("\n==== {} ====\n", L.at("before")) + explanation_text(a.before, data, lang);
  text += fmt::format("\n==== {} ====\n", L.at("after")) + explanation_text(a.after, data, lang);
}

void answer_target(const interp::TargetAnswer& a, const input::DataSet& data, const std::string& lang, std::string& text,
                   nlohmann::ordered_json& j) {
  const Labels& L = labels(lang);
  const auto& v = *a.now.version;
  const int round = round_of(*v.clause, a.target.result);
  const std::string& code = data.bodies[a.now.body].code;
  text += fmt::format(fmt::runtime(L.at("target")), target_text(a.target), v.number, code, format_date(a.now.as_of)) + "\n";
  text += fmt::format("{}: {} = {} ({}{})\n", L.at("now"), a.target.result, shown(a.result_now.value, round),
                      interp::status_name(a.result_now.status), a.range.empty() ? "" : ", " + a.range);
  j["target"] = {{"result", a.target.result}, {"op", a.target.at_least ? ">=" : "<="}, {"value", a.target.value.to_exact()}};
  j["now"] = value_json(a.result_now.value, round, a.result_now.status);
  j["range"] = a.range;
  j["reached_now"] = a.reached_now;
  j["search"] = {{"linear_scan", interp::kLinearScan}, {"cap", interp::kSearchCap}};
  j["definitions"] = nlohmann::ordered_json::array();
  if (a.reached_now) {
    text += L.at("already") + "\n";
    return;
  }
  text += L.at("each") + "\n";
  for (const auto& n : a.names) {
    const auto& s = n.search;
    std::string held;
    nlohmann::ordered_json hj = nlohmann::ordered_json::object();
    for (const auto& o : a.names)
      if (o.name != n.name) {
        held += (held.empty() ? "" : ", ") + o.name + " = " + plain(o.current);
        hj[o.name] = o.current.is_missing() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(o.current.show());
      }
    text += fmt::format("  {} = {}: ", n.name, plain(n.current));
    nlohmann::ordered_json dj{{"name", n.name},
                              {"current", n.current.is_missing() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(n.current.show())},
                              {"reached", s.found}};
    if (s.found) {
      const std::int64_t to = n.current.num.to_int64() + s.change;
      text += fmt::format(fmt::runtime(L.at("found")), signed_int(s.change), to, a.target.result, shown(s.at.value, round),
                          interp::status_name(s.at.status)) + "\n";
      if (s.bisection) text += "      " + fmt::format(fmt::runtime(L.at("bisection")), interp::kLinearScan) + "\n";
      dj["change"] = s.change;
      dj["new_value"] = to;
      dj["result"] = value_json(s.at.value, round, s.at.status);
      dj["bisection"] = s.bisection;
    } else {
      std::string why = L.at(s.reason == Reason::NotANumber     ? "r_nan"
                             : s.reason == Reason::NaEverywhere ? "r_na"
                             : s.reason == Reason::NoDependence ? "r_nodep"
                             : s.reason == Reason::OutOfRangeOnly ? "r_range"
                             : s.reason == Reason::Limit        ? (s.infinite ? "r_line" : "r_limit")
                                                                : "r_cap");
      why = fmt::format(fmt::runtime(why), fmt::arg("x", n.name), fmt::arg("r", a.target.result),
                        fmt::arg("t", a.target.value.to_exact()), fmt::arg("range", a.range),
                        fmt::arg("lim", s.infinite > 0 ? "∞" : s.infinite < 0 ? "−∞" : shown(s.limit, round)), fmt::arg("zero", shown(s.at_zero.value, round)),
                        fmt::arg("scan", interp::kLinearScan), fmt::arg("cap", interp::kSearchCap));
      text += L.at("no") + ": " + why + "\n";
      dj["reason"] = reason_code(s.reason);
      if (s.reason == Reason::Limit) dj["limit"] = s.infinite > 0 ? "infinity" : s.infinite < 0 ? "-infinity" : s.limit.show();
      if (s.reason == Reason::Limit) dj["at_zero"] = value_json(s.at_zero.value, round, s.at_zero.status);
      dj["cap_hit"] = s.cap_hit;
    }
    if (!held.empty()) text += "      " + fmt::format(fmt::runtime(L.at("held")), held) + "\n";
    dj["held"] = hj;
    j["definitions"].push_back(dj);
  }
}

}  // namespace

// The answer as printed (`text`) and its JSON for a receipt; the rule and data files hashed when
// asked for. Shared with `replay` (cmd_replay.cpp).
int whatif_answer(const WhatIfOptions& o, std::string& text, Receipt& receipt, std::ostream& err, bool hash_files,
                  std::ostream& data_err) {
  if (o.lang != "en" && o.lang != "ru" && o.lang != "kk") {
    err << "error: unknown language `" << o.lang << "`\n  = help: use kk, ru or en\n";
    return kBadInput;
  }
  if (o.format != "text" && o.format != "json") {
    err << "error: unknown format `" << o.format << "`\n  = help: use text or json\n";
    return kBadInput;
  }
  if (o.set.empty() == o.target.empty()) {
    err << "error: whatif asks one question: give --set NAME=EXPR (one or more) or --target RESULT>=VALUE\n"
        << "  = help: e.g. `--set d=d+3`, or `--target T>=8`\n";
    return kBadInput;
  }
  std::vector<interp::SetRequest> sets;
  for (const auto& s : o.set) {
    const auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == s.size()) {
      err << "error: --set `" << s << "` is not NAME=EXPR\n  = help: e.g. `--set d=d+3` or `--set k=12`\n";
      return kBadInput;
    }
    std::string name = s.substr(0, eq);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    sets.push_back({name, s.substr(eq + 1)});
  }
  interp::Target target;
  try {
    if (!o.target.empty()) target = interp::parse_target(o.target);
  } catch (const interp::WhatIfError& e) {
    err << "error: " << e.what() << "\n  = help: " << e.help << "\n";
    return kBadInput;
  }
  const std::optional<Date> given = as_of_or_today(o.as_of, "evaluating", err);
  if (!given) return kBadInput;
  const Date as_of = *given;
  ShownDiagnostics said(o.lang, err);  // diagnostics in the language of --lang
  LoadedRules lr = load_and_check(o.rules);
  said.terms_from(lr.rules);
  if (hash_files)
    for (const auto& f : lr.rules.files) receipt.rules.push_back({f.source->name, sha256_hex(f.source->text)});
  err << said(lr.diags);
  if (lr.diags.has_errors()) return kBadInput;
  const interp::ClauseVersion* v = lr.rules.in_force(o.clause, as_of);
  if (!v) {
    err << "error: clause " << o.clause << " has no version in force on " << format_date(as_of) << "\n";
    std::string known;
    for (const auto& n : lr.rules.clause_numbers()) known += (known.empty() ? "" : ", ") + n;
    err << "  = help: the rules define clauses " << known << "\n";
    return kBadInput;
  }
  input::DataSet data;
  try {
    Diagnostics warnings;
    data = load_data_for(lr.rules, lr.checked, o.data, as_of, {v}, warnings);
    data_err << said(warnings);
  } catch (const InputError& e) {
    err << said(e.diagnostics);
    return kBadInput;
  }
  const int body = data.body_index(o.agency);
  if (body < 0) {
    std::vector<std::string> ids;
    for (const auto& b : data.bodies) ids.push_back(b.code);
    std::string near = interp::nearest(o.agency, ids);
    err << "error: no body `" << o.agency << "` in " << input::shown_data(o.data) << "\n  = help: "
        << (near.empty() ? std::string("the bodies are listed in the data's table of bodies") : "did you mean `" + near + "`?")
        << "\n";
    return kBadInput;
  }
  nlohmann::ordered_json j{{"whatif", o.set.empty() ? "target" : "set"},
                           {kResultsBodyColumn, o.agency},
                           {"clause", v->number},
                           {"as_of", format_date(as_of)}};
  std::string answer_text;
  nlohmann::ordered_json full;
  try {
    if (!o.set.empty()) {
      interp::SetAnswer a = interp::what_if_set(lr.rules, lr.checked, data, as_of, *v, static_cast<std::size_t>(body), sets);
      answer_set(a, data, o.lang, answer_text, j);
      full = j;
      full["before"] = explanation_to_json(a.before, data);
      full["after"] = explanation_to_json(a.after, data);
    } else {
      interp::TargetAnswer a = interp::what_if_target(lr.rules, lr.checked, data, as_of, *v, static_cast<std::size_t>(body), target);
      answer_target(a, data, o.lang, answer_text, j);
      full = j;
    }
  } catch (const interp::WhatIfError& e) {
    err << "error: " << e.what() << "\n  = help: " << e.help << "\n";
    return kBadInput;
  }
  text = o.format == "json" ? full.dump(2) + "\n" : answer_text;
  receipt.engine = kEngineVersion;
  receipt.command = "whatif";
  receipt.rule_args = o.rules;
  receipt.data = input::shown_data(o.data);
  receipt.as_of = format_date(as_of);
  receipt.format = o.format;
  receipt.agency = o.agency;
  receipt.clause = o.clause;
  receipt.set = o.set;
  receipt.target = o.target;
  receipt.lang = o.lang;
  receipt.csv_dialect = csv_dialect();
  receipt.answer_json = j.dump();
  if (hash_files) {
    for (const auto& f : data.files) receipt.data_files.push_back(hash_file(f));
    receipt.results_sha256 = sha256_hex(text);
  }
  return kOk;
}

int run_whatif(const WhatIfOptions& o, std::ostream& out, std::ostream& err) {
  forget_inputs();
  std::string text;
  Receipt receipt;
  if (int code = whatif_answer(o, text, receipt, err, !o.receipt.empty(), err); code != kOk) return code;
  // As `run --receipt`: the receipt may replace a regular file the user names, never an input, a
  // link or anything but a regular file (docs/security.md); checked before anything is written.
  if (!o.receipt.empty() && !output_allowed(o.receipt, err)) return kBadInput;
  out << text;
  if (!o.receipt.empty() && !write_file_atomically(o.receipt, receipt_json(receipt), err)) return kBadInput;
  return kOk;
}

void add_whatif(CLI::App& app, Action& action) {
  auto o = std::make_shared<WhatIfOptions>();
  auto* cmd = app.add_subcommand("whatif", "re-evaluate one clause for one body with definitions changed, or find the "
                                           "least change of each count that reaches a target");
  cmd->add_option("rules", o->rules, "rule file or folder")->required()->expected(1, -1);
  cmd->add_option("--data", o->data, "data folder, SQLite file or postgresql:// URL")->required();
  cmd->add_option("--csv-dialect", csv_dialect(),
                  "rfc4180 (default), or excel-ru: CSV as Excel writes it in a Russian or Kazakh locale (ИСТИНА/ЛОЖЬ, "
                  "ДА/НЕТ, a decimal comma)")
      ->check(CLI::IsMember({"rfc4180", "excel-ru"}));
  cmd->add_option("--agency", o->agency, "the body's code")->required();
  cmd->add_option("--clause", o->clause, "the clause number, e.g. 49")->required();
  cmd->add_option("--as-of", o->as_of, "the date whose versions apply (YYYY-MM-DD); default today");
  cmd->add_option("--set", o->set, "NAME=EXPR: a definition or coefficient given another value, e.g. d=d+3 (repeatable)");
  cmd->add_option("--target", o->target, "RESULT>=VALUE or RESULT<=VALUE: the least change of each count that reaches it");
  cmd->add_option("--lang", o->lang, "labels in kk, ru or en");
  cmd->add_option("--format", o->format, "text or json");
  cmd->add_option("--receipt", o->receipt, "also write a receipt: the question, the rule and data hashes, the answer");
  cmd->callback([o, &action] { action = [o] { return run_whatif(*o, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
