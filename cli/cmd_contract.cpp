// `ereje contract`: the data contract in force on a date, from the rule files' declarations, for
// the people who provide the data: every table and column with its type, allowed values,
// descriptions, whether it is required, and which clauses read it. `--templates` writes a
// header-only CSV file per table.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/stat.h>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "core/DiagnosticText.hpp"
#include "core/Labels.hpp"
#include "grammar/Visit.hpp"
#include "grammar/Parser.hpp"

namespace ereje::cli {
namespace {

using Labels = std::map<std::string, std::string>;

// The labels this output uses, by its own names (core/Labels.hpp holds their words).
const std::vector<LabelUse> kUses = {
    {"title", "title", false},
    {"rules", "rules", false},
    {"table", "table", false},
    {"column", "column", false},
    {"type", "type", false},
    {"values", "values", false},
    {"required", "required", false},
    {"meaning", "meaning", false},
    {"read_by", "read_by", false},
    {"defined", "defined", false},
    {"yes", "yes", false},
    {"optional", "optional", false},
    {"may_be_empty", "may_be_empty", false},
    {"derived", "derived", false},
    {"lists", "lists", false},
    {"per_body", "per_body", false},
    {"key", "key", false},
    {"from", "from", false},
    {"references", "references", false},
    {"invariants", "invariants", false},
    {"same_body", "same_body", false},
    {"error", "error", false},
    {"warning", "warning", false},
    {"for_clause", "for_clause", false},
    {"none", "none_word", false},
    {"clause", "clause", false},
    {"always", "always", false},
};


const Labels& labels(const std::string& lang) {
  static const std::map<std::string, Labels> all{
      {"en", label_table(kUses, "en")}, {"ru", label_table(kUses, "ru")}, {"kk", label_table(kUses, "kk")}};
  return all.at(lang);
}

std::string in_lang(const std::map<std::string, std::string>& texts, const std::string& fallback, const std::string& lang) {
  auto it = texts.find(lang);
  return it != texts.end() ? it->second : fallback;
}

std::string type_text(const input::ColumnSchema& c) {
  std::string s = input::to_string(c.type);
  if (c.type == input::ColumnType::Enum) {
    s += " [";
    for (std::size_t i = 0; i < c.enum_values.size(); ++i) s += (i ? ", " : "") + c.enum_values[i];
    s += "]";
  }
  return s;
}

// The clauses in force that read each column ("table.column" -> clause numbers), a derived column's
// readers counted as readers of the columns it is computed from.
std::map<std::string, std::set<std::string>> readers(const interp::RuleSet& rules, const interp::Checked& checked,
                                                     const std::vector<const interp::ClauseVersion*>& versions) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto* v : versions) {
    auto it = checked.clauses.find(v);
    if (it == checked.clauses.end()) continue;
    for (const auto& col : it->second.columns) out[col].insert(v->number);
  }
  for (const auto& d : rules.derived) {
    const auto it = out.find(d.table + "." + d.column);
    if (it == out.end()) continue;
    const std::set<std::string> clauses = it->second;
    const input::TableSchema* t = rules.contract->find(d.table);
    ast::walk(*d.decl->value, [&](const ast::Expr& e) {
      if (const auto* n = std::get_if<ast::NameRef>(&e.node); n && t && t->column(n->name))
        out[d.table + "." + n->name].insert(clauses.begin(), clauses.end());
    });
  }
  return out;
}

std::string join_sorted(const std::set<std::string>& s) {
  std::vector<std::string> v(s.begin(), s.end());
  std::sort(v.begin(), v.end(), interp::clause_number_less);
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
  return out;
}

// A Markdown table cell: no line break, no unescaped `|`.
std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

const ast::DerivedDecl* derived_decl(const interp::RuleSet& rules, const std::string& table, const std::string& column) {
  for (const auto& d : rules.derived)
    if (d.table == table && d.column == column) return d.decl;
  return nullptr;
}

struct View {
  const interp::RuleSet& rules;
  Date as_of;
  std::map<std::string, std::set<std::string>> read_by;
};

std::string markdown(const View& v, const std::string& lang, const std::vector<std::string>& rule_args) {
  const Labels& L = labels(lang);
  std::string out = "# " + fmt::format(fmt::runtime(L.at("title")), format_date(v.as_of)) + "\n\n";
  std::string shown;
  for (const auto& r : rule_args) shown += (shown.empty() ? "" : " ") + r;
  out += L.at("rules") + ": `" + shown + "`\n";
  for (const auto& t : v.rules.contract->tables) {
    if (!input::in_force(t.origin, v.as_of)) continue;
    out += "\n## " + L.at("table") + " `" + t.name + "`\n\n";
    const std::string title = in_lang(t.titles, t.meaning, lang);
    if (!title.empty()) out += title + "\n\n";
    if (t.lists_bodies) out += "- " + fmt::format(fmt::runtime(L.at("lists")), t.body_column) + "\n";
    else if (t.per_agency) out += "- " + fmt::format(fmt::runtime(L.at("per_body")), t.body_column) + "\n";
    if (!t.key.empty()) {
      std::string k;
      for (const auto& c : t.key) k += (k.empty() ? "" : ", ") + c;
      out += "- " + L.at("key") + ": " + k + "\n";
    }
    out += "- " +
           (t.origin.dated() ? fmt::format(fmt::runtime(L.at("from")), format_date(t.origin.from), t.origin.act)
                             : L.at("always")) +
           "; " + L.at("defined") + " " + t.origin.defined_at + "\n\n";
    out += "| " + L.at("column") + " | " + L.at("type") + " | " + L.at("required") + " | " + L.at("meaning") + " | " +
           L.at("read_by") + " | " + L.at("defined") + " |\n|---|---|---|---|---|---|\n";
    for (const auto& c : t.columns) {
      if (!input::in_force(c.origin, v.as_of)) continue;
      std::string required = c.optional ? L.at("optional") : c.may_be_empty ? L.at("may_be_empty") : L.at("yes");
      std::string type = type_text(c);
      if (c.derived) {
        const ast::DerivedDecl* d = derived_decl(v.rules, t.name, c.name);
        type = fmt::format(fmt::runtime(L.at("derived")), d ? grammar::print_expr(*d->value) : std::string("?"));
        required = "—";
      }
      auto it = v.read_by.find(t.name + "." + c.name);
      out += "| `" + c.name + "` | " + cell(type) + " | " + required + " | " + cell(in_lang(c.meanings, c.meaning, lang)) +
             " | " + (it == v.read_by.end() ? "" : join_sorted(it->second)) + " | " + c.origin.defined_at + " |\n";
    }
    if (!t.references.empty()) {
      out += "\n" + L.at("references") + ":\n";
      for (const auto& r : t.references)
        out += "- `" + r.column + "` → `" + r.table + "." + r.target + "`" + (r.same_body ? L.at("same_body") : "") +
               (r.meaning.empty() ? "" : ": " + in_lang(r.meanings, r.meaning, lang)) + "\n";
    }
    bool any = false;
    for (const auto& inv : v.rules.invariants) {
      if (inv.table != t.name || !input::in_force(inv.origin, v.as_of)) continue;
      if (!any) out += "\n" + L.at("invariants") + ":\n";
      any = true;
      std::string clauses;
      for (const auto& c : inv.decl->clauses) clauses += (clauses.empty() ? "" : ", ") + c;
      out += "- `" + inv.decl->name + "`: `" + grammar::print_expr(*inv.decl->condition) + "` (" +
             L.at(inv.decl->warning ? "warning" : "error") + "; " +
             fmt::format(fmt::runtime(L.at("for_clause")), clauses) + ")" +
             (inv.decl->description.empty() ? "" : ": " + ast::described_in(lang, inv.decl->description, inv.decl->descriptions)) + "\n";
    }
  }
  return out;
}

std::string json_text(const View& v) {
  using nlohmann::ordered_json;
  auto act = [](const input::Origin& o) { return o.dated() ? ordered_json(o.act) : ordered_json(nullptr); };
  auto from = [](const input::Origin& o) { return o.dated() ? ordered_json(format_date(o.from)) : ordered_json(nullptr); };
  ordered_json root;
  root["as_of"] = format_date(v.as_of);
  ordered_json tables = ordered_json::array();
  for (const auto& t : v.rules.contract->tables) {
    if (!input::in_force(t.origin, v.as_of)) continue;
    ordered_json tj;
    tj["name"] = t.name;
    tj["description"] = t.meaning;
    tj["titles"] = t.titles;
    tj["defined_at"] = t.origin.defined_at;
    tj["act"] = act(t.origin);
    tj["in_force_from"] = from(t.origin);
    tj["rows"] = t.lists_bodies ? "bodies" : t.per_agency ? "per_body" : "shared";
    tj["body_column"] = t.body_column.empty() ? ordered_json(nullptr) : ordered_json(t.body_column);
    tj["key"] = t.key;
    ordered_json cols = ordered_json::array();
    for (const auto& c : t.columns) {
      if (!input::in_force(c.origin, v.as_of)) continue;
      ordered_json cj;
      cj["name"] = c.name;
      cj["type"] = input::to_string(c.type);
      cj["values"] = c.type == input::ColumnType::Enum ? ordered_json(c.enum_values) : ordered_json(nullptr);
      cj["required"] = !c.optional && !c.derived;
      cj["may_be_empty"] = c.may_be_empty;
      const ast::DerivedDecl* d = c.derived ? derived_decl(v.rules, t.name, c.name) : nullptr;
      cj["derived"] = d ? ordered_json(grammar::print_expr(*d->value)) : ordered_json(nullptr);
      cj["description"] = c.meaning;
      cj["descriptions"] = c.meanings;
      cj["defined_at"] = c.origin.defined_at;
      cj["act"] = act(c.origin);
      cj["in_force_from"] = from(c.origin);
      auto it = v.read_by.find(t.name + "." + c.name);
      std::vector<std::string> by;
      if (it != v.read_by.end()) {
        by.assign(it->second.begin(), it->second.end());
        std::sort(by.begin(), by.end(), interp::clause_number_less);
      }
      cj["read_by"] = by;
      cols.push_back(std::move(cj));
    }
    tj["columns"] = std::move(cols);
    ordered_json refs = ordered_json::array();
    for (const auto& r : t.references)
      refs.push_back({{"column", r.column}, {"table", r.table}, {"target", r.target}, {"same_body", r.same_body},
                      {"description", r.meaning}, {"descriptions", r.meanings}, {"defined_at", r.defined_at}});
    tj["references"] = std::move(refs);
    ordered_json invs = ordered_json::array();
    for (const auto& inv : v.rules.invariants) {
      if (inv.table != t.name || !input::in_force(inv.origin, v.as_of)) continue;
      invs.push_back({{"name", inv.decl->name}, {"condition", grammar::print_expr(*inv.decl->condition)},
                      {"per_body", inv.decl->per_body}, {"severity", inv.decl->warning ? "warning" : "error"},
                      {"clauses", inv.decl->clauses}, {"description", inv.decl->description},
                      {"descriptions", [&] {
                         std::map<std::string, std::string> m;
                         for (const auto& x : inv.decl->descriptions) m[x.lang] = x.value;
                         return m;
                       }()},
                      {"defined_at", inv.origin.defined_at}, {"act", act(inv.origin)},
                      {"in_force_from", from(inv.origin)}});
    }
    tj["invariants"] = std::move(invs);
    tables.push_back(std::move(tj));
  }
  root["tables"] = std::move(tables);
  return root.dump(2) + "\n";
}

// Header-only CSV files, one per table in force, into `dir` (made when missing). A file that is
// already there is never replaced: it may be the data itself.
int write_templates(const View& v, const std::string& dir, const std::string& lang, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(dir, ec)) fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec)) {
    err << "error: cannot make the folder " << dir << (ec ? ": " + ec.message() : ": a file of that name is there")
        << "\n";
    return kBadInput;
  }
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& t : v.rules.contract->tables) {
    if (!input::in_force(t.origin, v.as_of)) continue;
    std::string header;
    for (const auto& c : t.columns)
      if (!c.derived && input::in_force(c.origin, v.as_of)) header += (header.empty() ? "" : ",") + c.name;
    const std::string path = (fs::path(dir) / (t.name + ".csv")).string();
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
      err << "error: " << path << " already exists; templates are never written over a file\n"
          << "  = help: give --templates a new or empty folder\n";
      return kBadInput;
    }
    files.emplace_back(path, header + "\n");
  }
  for (const auto& [path, text] : files) {
    if (!write_file_atomically(path, text, err)) return kBadInput;
    out << DiagnosticTranslator(lang).text("cli", "wrote " + path) << "\n";
  }
  return kOk;
}

}  // namespace

int run_contract(const ContractOptions& o, std::ostream& out, std::ostream& err) {
  forget_inputs();
  if (o.format != "markdown" && o.format != "json") {
    err << "error: unknown format `" << o.format << "`\n  = help: use markdown or json\n";
    return kBadInput;
  }
  if (o.lang != "en" && o.lang != "ru" && o.lang != "kk") {
    err << "error: unknown language `" << o.lang << "`\n  = help: use kk, ru or en\n";
    return kBadInput;
  }
  const std::optional<Date> given = as_of_or_today(o.as_of, "listing the contract", err);
  if (!given) return kBadInput;
  ShownDiagnostics shown(o.lang, err);  // diagnostics in the language of --lang
  LoadedRules lr = load_and_check(o.rules);
  shown.terms_from(lr.rules);
  err << shown(lr.diags);
  if (lr.diags.has_errors()) return kBadInput;
  if (lr.rules.contract->tables.empty()) {
    err << "error: the rules declare no table\n  = help: pass the folder that holds the `table` declarations "
           "(e.g. rules, or rules/data)\n";
    return kBadInput;
  }
  View v{lr.rules, *given, readers(lr.rules, lr.checked, lr.rules.all_in_force(*given))};
  if (!o.templates.empty()) return write_templates(v, o.templates, o.lang, out, err);
  out << (o.format == "json" ? json_text(v) : markdown(v, o.lang, o.rules));
  return kOk;
}

void add_contract(CLI::App& app, Action& action) {
  auto o = std::make_shared<ContractOptions>();
  auto* cmd = app.add_subcommand("contract", "the data contract in force: tables, columns, types, who reads them");
  cmd->add_option("rules", o->rules, "rule file or folder")->required()->expected(1, -1);
  cmd->add_option("--as-of", o->as_of, "the contract in force on this date (YYYY-MM-DD); default today");
  cmd->add_option("--format", o->format, "markdown or json");
  cmd->add_option("--lang", o->lang, "markdown: labels and descriptions in kk, ru or en");
  cmd->add_option("--templates", o->templates, "write a header-only CSV file per table into this folder");
  cmd->callback([o, &action] { action = [o] { return run_contract(*o, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
