// `ereje explain`: how one body's result of one clause was computed, in text (labels in Kazakh,
// Russian or English) or JSON. The values come from the same engine as `run`.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "cli/Output.hpp"
#include "cli/Html.hpp"
#include "core/Labels.hpp"
#include "input/DataSet.hpp"
#include "input/LoadData.hpp"
#include "interpreter/Explainer.hpp"

namespace ereje::cli {
namespace {

using Labels = std::map<std::string, std::string>;

// The labels this output uses, by its own names (core/Labels.hpp holds their words).
const std::vector<LabelUse> kUses = {
    {"version", "explain_version", false},
    {"evidence", "evidence", false},
    {"body", "body", true},
    {"result", "result", true},
    {"obligation", "obligation", false},
    {"coefficient", "coefficient", false},
    {"matched", "explain_matched", false},
    {"steps", "steps", false},
    {"rounded", "explain_rounded", false},
    {"status", "status", false},
    {"range", "range", false},
    {"breaches", "breaches", false},
    {"rank", "rank", false},
    {"grade", "grade", false},
    {"part", "explain_part", false},
    {"amends", "amends", false},
    {"act", "act", false},
    {"range_act", "range_act", false},
    {"no_results", "no_result", false},
    {"in_other_language", "in_other_language", false},
};


const Labels& labels(const std::string& lang) {
  static const std::map<std::string, Labels> all{
      {"en", label_table(kUses, "en")}, {"ru", label_table(kUses, "ru")}, {"kk", label_table(kUses, "kk")}};
  return all.at(lang);
}

std::string exact(const interp::Value& v) {
  std::string s = v.show();
  // A fraction that does not end in decimals also gets an approximation, for reading.
  if ((v.kind == interp::Kind::Number || v.kind == interp::Kind::Days) && s.find('/') != std::string::npos)
    s += " ≈ " + v.num.to_fixed(6);
  return s;
}

std::string title_in(const ast::Clause& c, const std::string& lang) {
  for (const auto& t : c.titles)
    if (t.lang == lang) return t.value;
  return c.title;
}

nlohmann::ordered_json value_json(const interp::Value& v) {
  if (v.is_missing()) return nullptr;
  return v.show();
}

nlohmann::ordered_json aggregate_json(const interp::ExplainedAggregate& a) {
  nlohmann::ordered_json j{{"aggregate", a.text}, {"table", a.table}, {"file", a.file}, {"rows", a.rows},
                           {"matched", a.matched}, {"value", value_json(a.value)}};
  if (!a.matched_rows.empty()) {
    j["matched_rows"] = nlohmann::ordered_json::array();
    for (const auto& r : a.matched_rows) j["matched_rows"].push_back({{"file", r.file}, {"line", r.line}, {"key", r.key}});
  }
  return j;
}

nlohmann::ordered_json explanation_json(const interp::Explanation& x, const input::DataSet& data);

std::string render_json(const interp::Explanation& x, const input::DataSet& data) {
  return explanation_json(x, data).dump(2) + "\n";
}

nlohmann::ordered_json explanation_json(const interp::Explanation& x, const input::DataSet& data) {
  const auto& v = *x.version;
  const auto& b = data.bodies[x.body];
  nlohmann::ordered_json j;
  j[kResultsBodyColumn] = b.code;
  j["clause"] = v.number;
  j["titles"] = nlohmann::ordered_json::object();
  j["titles"]["en"] = v.clause->title;
  for (const auto& t : v.clause->titles) j["titles"][t.lang] = t.value;
  j["as_of"] = format_date(x.as_of);
  j["version"] = {{"from", v.label()}, {"until", v.until ? format_date(*v.until) : ""}, {"act", v.act->id},
                  {"act_title", v.act->title}, {"file", v.clause->number_span.where()}};
  if (const interp::ClauseVersion* before = x.amends)
    j["version"]["amends"] = {{"from", before->label()}, {"act", before->act->id}};
  j["evidence"] = nlohmann::ordered_json::object();
  for (const auto& e : v.clause->evidence) j["evidence"][e.subject] = ast::to_string(e.level);
  j["names"] = nlohmann::ordered_json::array();
  for (const auto& n : x.names) {
    nlohmann::ordered_json nj{{"kind", n.kind == interp::ExplainedName::Kind::Let ? "let" : "coefficient"},
                              {"name", n.name}, {"expr", n.expr}, {"value", value_json(n.value)},
                              {"description", n.description}, {"defined_at", n.origin.where()}};
    for (const auto& t : n.descriptions) nj["descriptions"][t.lang] = t.value;
    if (!n.act.empty()) nj["set_by_act"] = n.act;
    nj["aggregates"] = nlohmann::ordered_json::array();
    for (const auto& a : n.aggregates) nj["aggregates"].push_back(aggregate_json(a));
    j["names"].push_back(nj);
  }
  j["results"] = nlohmann::ordered_json::array();
  for (const auto& r : x.results) {
    nlohmann::ordered_json rj{{"name", r.name}, {"kind", interp::output_kind_name(r.kind)}, {"expr", r.expr},
                              {"description", r.description}, {"defined_at", r.origin.where()},
                              {"range", r.range}, {"round", r.round}, {"exact", value_json(r.value)},
                              {"value", r.text}, {"status", interp::status_name(r.status)}};
    for (const auto& t : r.descriptions) rj["descriptions"][t.lang] = t.value;
    if (!r.act.empty()) {
      rj["set_by_act"] = r.act;
      rj["range_set_by_act"] = r.range_act;
    }
    rj["steps"] = nlohmann::ordered_json::array();
    for (const auto& s : r.steps) rj["steps"].push_back({{"expr", s.expr}, {"with_values", s.substituted}, {"value", value_json(s.value)}});
    if (r.obligation) rj["breach"] = aggregate_json(r.breach.front());
    if (!r.aggregates.empty()) {
      rj["aggregates"] = nlohmann::ordered_json::array();
      for (const auto& a : r.aggregates) rj["aggregates"].push_back(aggregate_json(a));
    }
    j["results"].push_back(rj);
  }
  if (!x.parts.empty()) {
    j["parts"] = nlohmann::ordered_json::array();
    for (const auto& p : x.parts) j["parts"].push_back(explanation_json(p, data));
  }
  return j;
}

std::string render_text(const interp::Explanation& x, const input::DataSet& data, const std::string& lang) {
  const Labels& L = labels(lang);
  bool fell_back = false;  // a description shown as written, for want of one in `lang`
  const auto& v = *x.version;
  const auto& c = *v.clause;
  const auto& b = data.bodies[x.body];
  std::string out;
  out += fmt::format("{}: {}\n", fmt::format(fmt::runtime(label_text("clause_n", lang)), v.number), title_in(c, lang));
  for (const auto& t : c.titles)
    if (t.lang != lang) out += fmt::format("  {}: {}\n", t.lang, t.value);
  out += fmt::format(fmt::runtime(L.at("version")), format_date(x.as_of), v.label(), v.act->id) + "\n";
  out += fmt::format("  {}\n", c.number_span.where());
  if (const interp::ClauseVersion* before = x.amends)
    out += "  " + fmt::format(fmt::runtime(L.at("amends")), before->label(), before->act->id) + "\n";
  // In an amended version each item's place is followed by the act that set it.
  auto origin = [&](const Span& s, const std::string& act) {
    return s.where() + (act.empty() ? "" : ", " + fmt::format(fmt::runtime(L.at("act")), act));
  };
  if (!c.evidence.empty()) {
    std::string ev;
    for (const auto& e : c.evidence) {
      const std::string level = ast::to_string(e.level);
      ev += ev.empty() ? "" : ", ";
      if (lang == "kk" || lang == "ru")  // "мәтін — бастапқы құжат бойынша"
        ev += label_text("evidence_for_" + e.subject, lang) + " — " + label_text("evidence_level_" + level, lang);
      else
        ev += e.subject + " " + level;
    }
    out += fmt::format("  {}: {}\n", L.at("evidence"), ev);
  }
  std::string name = lang == "ru" ? b.ru_name : b.kk_name;
  if (name.empty()) name = b.ru_name.empty() ? b.kk_name : b.ru_name;
  out += fmt::format("{}: {}{}\n", L.at("body"), b.code, name.empty() ? "" : " — " + name);
  if (x.results.empty()) out += "\n" + L.at("no_results") + "\n";

  auto aggregate_lines = [&](const interp::ExplainedAggregate& a, const std::string& indent) {
    out += indent + fmt::format(fmt::runtime(L.at("matched")), a.matched, a.rows, a.table, a.file) + "\n";
    for (const auto& r : a.matched_rows) out += fmt::format("{}  {}:{}  {}\n", indent, r.file, r.line, r.key);
  };
  for (const auto& r : x.results) {
    const std::string& kind = r.kind == interp::OutputKind::Obligation ? L.at("obligation")
                              : r.kind == interp::OutputKind::Rank  ? L.at("rank")
                              : r.kind == interp::OutputKind::Grade ? L.at("grade")
                                                                    : L.at("result");
    out += fmt::format("\n{} {} = {}\n", kind, r.name, r.expr);
    if (const std::string& d = ast::described_in(lang, r.description, r.descriptions, &fell_back); !d.empty())
      out += fmt::format("  {}\n", d);
    out += fmt::format("  {}\n", origin(r.origin, r.act));
    if (!r.range_act.empty() && r.range_act != r.act)
      out += "  " + fmt::format(fmt::runtime(L.at("range_act")), r.range_act) + "\n";
    out += "\n";
    // A rank or grade is worked out from its subject's value alone: no definitions to list.
    const bool derived_only = r.kind == interp::OutputKind::Rank || r.kind == interp::OutputKind::Grade;
    for (const auto& n : derived_only ? std::vector<interp::ExplainedName>{} : x.names) {
      bool coef = n.kind == interp::ExplainedName::Kind::Coefficient;
      out += fmt::format("  {}{} = {}\n", coef ? L.at("coefficient") + " " : "", n.name, n.expr);
      if (n.expr != n.value.show()) out += fmt::format("      = {}\n", exact(n.value));
      for (const auto& a : n.aggregates) aggregate_lines(a, "      ");
      if (const std::string& d = ast::described_in(lang, n.description, n.descriptions, &fell_back); !d.empty())
        out += fmt::format("      {}\n", d);
      out += fmt::format("      {}\n", origin(n.origin, n.act));
    }
    for (const auto& a : r.aggregates) aggregate_lines(a, "  ");
    if (!r.obligation) {
      if (!r.steps.empty()) {
        out += fmt::format("\n  {}:\n", L.at("steps"));
        std::size_t w1 = 0, w2 = 0;
        for (const auto& s : r.steps) {
          w1 = std::max(w1, utf8_length(s.expr));
          w2 = std::max(w2, utf8_length(s.substituted));
        }
        for (const auto& s : r.steps)
          out += fmt::format("    {} = {} = {}\n", pad_right(s.expr, w1), pad_right(s.substituted, w2), exact(s.value));
      }
    } else {
      for (const auto& a : r.breach) {
        out += fmt::format("  {}:\n", L.at("breaches"));
        aggregate_lines(a, "    ");
      }
    }
    out += fmt::format("\n  {} = {}\n", r.name, exact(r.value));
    if (!r.value.is_missing() && !derived_only)
      out += fmt::format("  {}: {}\n", fmt::format(fmt::runtime(L.at("rounded")), r.round), r.text);
    // The status in the report's words in Kazakh and Russian ("қалыпты", "вне диапазона"), its code in English.
    out += fmt::format("  {}: {}{}\n", L.at("status"),
                       lang == "kk" || lang == "ru" ? html::status_label(lang, r.status) : std::string(interp::status_name(r.status)),
                       r.range.empty() ? "" : " (" + L.at("range") + " " + r.range + ")");
  }
  // Said once, at the end of the clause's own steps: which descriptions are not in the language.
  // (English is the language descriptions fall back to: nothing to say there.)
  if (fell_back && lang != "en") out += "\n" + L.at("in_other_language") + "\n";
  // The parts read from other clauses, each explained in full, indented under a heading.
  for (const auto& p : x.parts) {
    out += fmt::format("\n{} {}:\n", std::string(4, '-'), fmt::format(fmt::runtime(L.at("part")), p.version->number));
    std::string inner = render_text(p, data, lang);
    std::size_t at = 0;
    while (at < inner.size()) {
      const std::size_t nl = inner.find('\n', at);
      const std::string line = inner.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
      out += (line.empty() ? "" : "    " + line) + "\n";
      if (nl == std::string::npos) break;
      at = nl + 1;
    }
  }
  return out;
}

}  // namespace

// For `whatif`, which shows the explanations before and after (cmd_whatif.cpp).
std::string explanation_text(const interp::Explanation& x, const input::DataSet& data, const std::string& lang) {
  return render_text(x, data, lang);
}
nlohmann::ordered_json explanation_to_json(const interp::Explanation& x, const input::DataSet& data) {
  return explanation_json(x, data);
}

int run_explain(const ExplainOptions& o, std::ostream& out, std::ostream& err) {
  forget_inputs();
  if (o.lang != "en" && o.lang != "ru" && o.lang != "kk") {
    err << "error: unknown language `" << o.lang << "`\n  = help: use kk, ru or en\n";
    return kBadInput;
  }
  if (o.format != "text" && o.format != "json") {
    err << "error: unknown format `" << o.format << "`\n  = help: use text or json\n";
    return kBadInput;
  }
  const std::optional<Date> given = as_of_or_today(o.as_of, "explaining", err);
  if (!given) return kBadInput;
  const Date as_of = *given;
  ShownDiagnostics shown(o.lang, err);  // diagnostics in the language of --lang
  LoadedRules lr = load_and_check(o.rules);
  shown.terms_from(lr.rules);
  err << shown(lr.diags);
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
    err << shown(warnings);
  } catch (const InputError& e) {
    err << shown(e.diagnostics);
    return kBadInput;
  }
  int body = data.body_index(o.agency);
  if (body < 0) {
    std::vector<std::string> ids;
    for (const auto& b : data.bodies) ids.push_back(b.code);
    std::string near = interp::nearest(o.agency, ids);
    err << "error: no body `" << o.agency << "` in " << input::shown_data(o.data) << "\n  = help: "
        << (!near.empty() ? "did you mean `" + near + "`?"
            : data.contract && data.contract->bodies() ? "the bodies' codes are listed in " + data.contract->bodies()->name +
                                                             " (column `" + data.contract->bodies()->body_column + "`)"
                                                       : std::string("no body is listed in the data"))
        << "\n";
    return kBadInput;
  }
  interp::Explanation x = interp::explain(lr.rules, lr.checked, data, as_of, *v, static_cast<std::size_t>(body), o.rows);
  out << (o.format == "json" ? render_json(x, data) : render_text(x, data, o.lang));
  return kOk;
}

void add_explain(CLI::App& app, Action& action) {
  auto o = std::make_shared<ExplainOptions>();
  auto* cmd = app.add_subcommand("explain", "show how one body's result of one clause was computed");
  cmd->add_option("rules", o->rules, "rule file or folder")->required()->expected(1, -1);
  cmd->add_option("--data", o->data, "data folder, SQLite file or postgresql:// URL")->required();
  cmd->add_option("--csv-dialect", csv_dialect(),
                  "rfc4180 (default), or excel-ru: CSV as Excel writes it in a Russian or Kazakh locale (ИСТИНА/ЛОЖЬ, "
                  "ДА/НЕТ, a decimal comma)")
      ->check(CLI::IsMember({"rfc4180", "excel-ru"}));
  cmd->add_option("--agency", o->agency, "the body's code")->required();
  cmd->add_option("--clause", o->clause, "the clause number, e.g. 49")->required();
  cmd->add_option("--as-of", o->as_of, "the date whose versions apply (YYYY-MM-DD); default today");
  cmd->add_flag("--rows", o->rows, "list the rows each count matched, with file and line");
  cmd->add_option("--lang", o->lang, "labels in kk, ru or en");
  cmd->add_option("--format", o->format, "text or json");
  cmd->callback([o, &action] { action = [o] { return run_explain(*o, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
