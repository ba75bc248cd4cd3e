// Completion for the language server: what may be typed at the cursor, from the text before it (a
// document being edited seldom parses) and the last rule set checked with it (tables, columns, enum
// values, clause numbers, functions, the names of the clause). Every table, column and value comes
// from the rule files' declarations: nothing here knows the methodology.
#include "cli/LspComplete.hpp"

#include <regex>
#include <set>

namespace ereje::cli::lsp {
namespace {

using json = nlohmann::json;

// LSP CompletionItemKind values.
enum Kind { kFunction = 3, kField = 5, kVariable = 6, kClass = 7, kModule = 9, kKeyword = 14, kEnumMember = 20, kConstant = 21 };

bool ident_byte(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

json item(const std::string& label, int kind, const std::string& detail = {}, const std::string& doc = {}) {
  json j{{"label", label}, {"kind", kind}};
  if (!detail.empty()) j["detail"] = detail;
  if (!doc.empty()) j["documentation"] = doc;
  return j;
}

// The statement the cursor is in, up to the cursor: back to the line that starts it (a clause item,
// a test's rows, a table item), so that `breach when` on the line after `obligation … over T` still
// knows its table.
std::string statement_before(std::string_view text, std::size_t at) {
  static const std::regex starts(
      R"(^\s*(let|coefficient|result|obligation|rank|grade|invariant|derived|test|expect|clause|table|column|act|[\w\x80-\xff]+\s*:).*)");
  std::size_t end = at;
  std::size_t begin = text.rfind('\n', at == 0 ? 0 : at - 1);
  begin = begin == std::string_view::npos ? 0 : begin + 1;
  for (int lines = 0; lines < 20; ++lines) {
    const std::string line(text.substr(begin, text.find('\n', begin) == std::string_view::npos
                                                      ? std::string_view::npos
                                                      : text.find('\n', begin) - begin));
    if (std::regex_match(line, starts) || begin == 0) break;
    const std::size_t prev = text.rfind('\n', begin >= 2 ? begin - 2 : 0);
    if (begin < 2) { begin = 0; break; }
    begin = prev == std::string_view::npos ? 0 : prev + 1;
  }
  return std::string(text.substr(begin, end - begin));
}

// The clause whose block holds `at`: its number, from the last `clause N` line before it.
std::string clause_at(std::string_view text, std::size_t at) {
  static const std::regex clause(R"((^|\n)clause\s+(\d+(?:-\d+)?))");
  const std::string before(text.substr(0, at));
  std::string number;
  for (auto it = std::sregex_iterator(before.begin(), before.end(), clause); it != std::sregex_iterator(); ++it)
    number = (*it)[2];
  // Past an `end` at the start of a line after it, the cursor is outside every clause.
  if (!number.empty()) {
    const std::size_t last = before.rfind("\nclause " + number);
    const std::size_t end = before.rfind("\nend");
    if (end != std::string::npos && (last == std::string::npos || end > last)) return {};
  }
  return number;
}

// The table whose rows a statement reads at its end: the last `count T`, `sum T of`, `over T` or a
// test's `T:` rows.
std::string table_in(const std::string& statement) {
  static const std::regex agg(R"(\b(count|sum|min|max|avg|single|over)\s+([\w\x80-\xff]+))");
  static const std::regex rows(R"(^\s*([\w\x80-\xff]+)\s*:)");
  std::string table;
  for (auto it = std::sregex_iterator(statement.begin(), statement.end(), agg); it != std::sregex_iterator(); ++it)
    table = (*it)[2];
  std::smatch m;
  if (table.empty() && std::regex_search(statement, m, rows)) table = m[1];
  return table;
}

const char* type_word(input::ColumnType t) {
  switch (t) {
    case input::ColumnType::Text: return "text";
    case input::ColumnType::Enum: return "enum";
    case input::ColumnType::Bool: return "bool";
    case input::ColumnType::Date: return "date";
    case input::ColumnType::Whole: return "whole";
    case input::ColumnType::Decimal: return "decimal";
  }
  return "";
}

}  // namespace

json completion(const interp::RuleSet& rules, std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  // The word being typed is left to the editor to filter by.
  std::size_t word = at;
  while (word > 0 && ident_byte(static_cast<unsigned char>(text[word - 1]))) --word;
  const std::string statement = statement_before(text, word);
  const input::Contract& contract = *rules.contract;
  json items = json::array();
  std::smatch m;

  // `T of clause |`: the clause numbers, with their headings.
  static const std::regex of_clause(R"(\bof\s+clause\s*$)");
  if (std::regex_search(statement, m, of_clause)) {
    for (const auto& n : rules.clause_numbers()) {
      const auto& vs = rules.clauses.at(n);
      std::string title;
      for (auto v = vs.rbegin(); v != vs.rend(); ++v)
        if (v->clause) { title = v->clause->title; break; }
      items.push_back(item(n, kModule, title));
    }
    return items;
  }
  // `count |`, `sum |`, `over |`: the tables.
  static const std::regex wants_table(R"(\b(count|sum|min|max|avg|single|over)\s*$)");
  if (std::regex_search(statement, m, wants_table)) {
    for (const auto& t : contract.tables) items.push_back(item(t.name, kClass, "table", t.meaning));
    return items;
  }
  const std::string table = table_in(statement);
  const input::TableSchema* schema = table.empty() ? nullptr : contract.find(table);
  if (schema) {
    // `automation = |`, `automation in [partial, |`: the column's values.
    static const std::regex compared(R"(([\w\x80-\xff]+)\s*(=|!=|\bin\s*\[[^\]]*)\s*$)");
    if (std::regex_search(statement, m, compared)) {
      const input::ColumnSchema* c = schema->column(m[1].str());
      if (c && c->type == input::ColumnType::Enum) {
        for (const auto& v : c->enum_values) items.push_back(item(v, kEnumMember, table + "." + c->name));
        return items;
      }
      if (c && c->type == input::ColumnType::Bool) {
        items.push_back(item("true", kKeyword));
        items.push_back(item("false", kKeyword));
        return items;
      }
    }
    for (const auto& c : schema->columns)
      items.push_back(item(c.name, kField, std::string(type_word(c.type)) + (c.derived ? ", derived" : ""), c.meaning));
  }
  // The names of the clause at the cursor: as the version in force last has them (an amendment's
  // inherited items included), and as typed in the block so far.
  const std::string number = clause_at(text, word);
  std::set<std::string> seen;
  auto name = [&](const std::string& n, int kind, const std::string& detail, const std::string& doc) {
    if (n.empty() || !seen.insert(n).second) return;
    items.push_back(item(n, kind, detail, doc));
  };
  if (!number.empty()) {
    if (auto it = rules.clauses.find(number); it != rules.clauses.end())
      for (auto v = it->second.rbegin(); v != it->second.rend(); ++v) {
        if (!v->clause) continue;
        for (const auto& l : v->clause->lets) name(l.name, kVariable, "let", l.description);
        for (const auto& k : v->clause->coefficients) name(k.name, kConstant, "coefficient", k.description);
        for (const auto& r : v->clause->results) name(r.name, kVariable, "result", r.description);
        for (const auto& o : v->clause->obligations) name(o.name, kVariable, "obligation", o.description);
        break;
      }
    static const std::regex defined(R"((^|\n)\s*(let|coefficient|result)\s+([\w\x80-\xff]+))");
    const std::size_t start = text.rfind("\nclause " + number, word);
    const std::string block(text.substr(start == std::string_view::npos ? 0 : start, word - (start == std::string_view::npos ? 0 : start)));
    for (auto it = std::sregex_iterator(block.begin(), block.end(), defined); it != std::sregex_iterator(); ++it)
      name((*it)[3], (*it)[2] == "coefficient" ? kConstant : kVariable, (*it)[2], "");
  }
  for (const auto& [n, fn] : rules.functions) name(n, kFunction, "function", fn->description);
  for (const char* b : {"round", "missing", "days", "year", "month", "day"}) name(b, kFunction, "built-in", "");
  // Keywords: a clause's items at the start of a line, the expression words anywhere.
  const bool line_start = statement.find_first_not_of(" \t") == std::string::npos ||
                          statement.substr(statement.rfind('\n') == std::string::npos ? 0 : statement.rfind('\n') + 1)
                                  .find_first_not_of(" \t") == std::string::npos;
  if (line_start && !number.empty())
    for (const char* k : {"let", "coefficient", "result", "obligation", "rank", "grade", "title", "text", "evidence",
                          "replaces", "amends", "in_force", "test", "expect", "end"})
      name(k, kKeyword, "", "");
  for (const char* k : {"count", "sum", "min", "max", "avg", "single", "where", "of", "and", "or", "not", "if", "then",
                        "else", "in", "true", "false", "as_of", "total", "clause"})
    name(k, kKeyword, "", "");
  return items;
}

}  // namespace ereje::cli::lsp
