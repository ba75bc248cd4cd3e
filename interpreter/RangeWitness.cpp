// Counterexamples of the range analysis: the rows of each cell written as a test block, run through
// the same path as the tests written in rule files (TestRunner), and reported only when the result
// really is out of range on them (Range.hpp).
#include <fmt/format.h>

#include <cctype>
#include <set>

#include "interpreter/Range.hpp"
#include "interpreter/TestRunner.hpp"

namespace ereje::interp::range {
namespace {

bool is_word(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char ch : s)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_')) return false;
  return true;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

ast::ExprPtr make(ast::Expr e) { return std::make_shared<const ast::Expr>(std::move(e)); }

// One value given to a column in a test, as an expression and as written.
struct Given {
  std::string column;
  ast::ExprPtr value;
  std::string text;
};

Given give(const input::ColumnSchema& col, const std::string& value) {
  ast::Expr e;
  std::string text;
  if (col.type == input::ColumnType::Bool) {
    e.node = ast::BoolLit{value == "true"};
    text = value;
  } else if (col.type == input::ColumnType::Date) {
    e.node = ast::DateLit{*parse_date(value)};
    text = value;
  } else if (input::is_number(col.type)) {
    e.node = ast::NumberLit{*Rational::parse_decimal(value), value};
    text = value;
  } else if (col.type == input::ColumnType::Enum && is_word(value)) {
    e.node = ast::NameRef{value};
    text = value;
  } else {
    e.node = ast::StringLit{value};
    text = quoted(value);
  }
  return {col.name, make(std::move(e)), col.name + " = " + text};
}

}  // namespace

bool verify_witness(const RuleSet& rules, const Checked& checked, const ClauseVersion& v, const ast::Result& result,
                    const std::vector<TableCells>& tables, const std::vector<Group>& groups, const std::string& name,
                    RangeFinding& f) {
  const auto contract_p = rules.contract->in_force_on(v.from);
  const input::Contract& contract = *contract_p;
  ast::TestCase tc;
  tc.name = name;
  tc.span = result.span;
  std::vector<std::string> lines;  // per table: "services: 1 row …, 1 row …"
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const TableCells& cells = tables[t];
    const input::TableSchema* schema = contract.find(cells.table);
    if (!schema) {
      f.reason = "table `" + cells.table + "` is not in force on the version's first day";
      return false;
    }
    ast::TestTable tt;
    tt.table = cells.table;
    tt.table_span = result.span;
    std::vector<std::string> texts;
    // The first row of the table gets the key the test gives it (`services-1`), which a column that
    // refers to the same table may name.
    std::string first_key = cells.table + "-1";
    for (const Group& g : groups) {
      if (g.table != t) continue;
      ast::RowGroup rg;
      rg.count = g.rows;
      rg.span = result.span;
      std::vector<Given> given;
      std::set<std::string> named;
      const auto& cell = cells.cells[g.cell];
      for (std::size_t k = 0; k < cells.columns.size(); ++k) {
        const auto& dom = cells.columns[k];
        const Atom& a = dom.values[cell[k]];
        const input::ColumnSchema* col = schema->column(dom.column);
        if (!col) {
          f.reason = "column `" + dom.column + "` is not in force on the version's first day";
          return false;
        }
        named.insert(col->name);
        if (a.missing) continue;  // left out: empty
        if (col->type == input::ColumnType::Bool && a.text == "false") continue;  // the test's default
        std::string value = a.text;
        if (a.other) {
          const bool is_key = std::find(schema->key.begin(), schema->key.end(), col->name) != schema->key.end();
          if (is_key) continue;  // the test numbers keys itself: `services-2`
          const input::Reference* ref = nullptr;
          for (const auto& r : schema->references)
            if (r.column == col->name) ref = &r;
          if (ref && ref->table == cells.table) value = first_key;
          else if (col->type == input::ColumnType::Date) value = format_date(v.from);
          else if (input::is_number(col->type)) value = "1";
          else {
            std::set<std::string> taken;
            for (const auto& x : dom.values) taken.insert(x.text);
            value = "x";
            while (taken.count(value)) value += "x";
          }
        }
        given.push_back(give(*col, value));
      }
      // Required columns the test cannot fill in: a value that no condition reads.
      for (const auto& col : schema->columns) {
        if (col.derived || named.count(col.name) || col.may_be_empty || col.name == schema->body_column) continue;
        if (std::find(schema->key.begin(), schema->key.end(), col.name) != schema->key.end()) continue;
        if (col.type == input::ColumnType::Bool || input::is_number(col.type)) continue;
        if (col.type == input::ColumnType::Enum && !col.enum_values.empty()) given.push_back(give(col, col.enum_values[0]));
        else if (col.type == input::ColumnType::Date) given.push_back(give(col, format_date(v.from)));
        else given.push_back(give(col, "x"));
      }
      std::string text = fmt::format("{} {}", g.rows, g.rows == 1 ? "row" : "rows");
      for (std::size_t i = 0; i < given.size(); ++i) {
        text += (i ? " and " : " ") + given[i].text;
        rg.assignments.push_back({given[i].column, result.span, given[i].value});
      }
      // A column given in the first group's cell keeps the first row's key.
      for (const auto& gv : given)
        if (tt.groups.empty() && std::find(schema->key.begin(), schema->key.end(), gv.column) != schema->key.end() &&
            schema->key.back() == gv.column)
          if (const auto* s = std::get_if<ast::StringLit>(&gv.value->node)) first_key = s->value;
      tt.groups.push_back(std::move(rg));
      texts.push_back(text);
    }
    if (tt.groups.empty()) continue;
    std::string line = cells.table + ": ";
    for (std::size_t i = 0; i < texts.size(); ++i) line += (i ? ", " : "") + texts[i];
    lines.push_back(line);
    tc.tables.push_back(std::move(tt));
  }

  // Run it: the result must come out of range.
  std::vector<ResultRow> rows;
  TestOutcome o = run_test(rules, checked, v, tc, &rows);
  if (!o.failures.empty()) {
    f.reason = "the rows the analysis found are not valid data: " + o.failures.front();
    return false;
  }
  const ResultRow* row = nullptr;
  for (const auto& r : rows)
    if (r.result == result.name) row = &r;
  if (!row || row->value.is_missing() || row->status != Status::OutOfRange) {
    f.reason = "on the rows the analysis found, the result is " +
               (row && !row->value.is_missing() ? row->text() + ", within its range" : std::string("n/a"));
    return false;
  }
  // With the expectation written, the test must pass as pasted.
  const std::string value = row->text();
  const Rational rounded = row->value.num.round(row->round);
  ast::Expectation ex;
  ex.result = result.name;
  ex.out_of_range = true;
  ex.span = result.span;
  if (rounded.sign() < 0)
    ex.value = make(ast::Expr{result.span, ast::Unary{ast::UnaryOp::Neg,
                                                      make(ast::Expr{result.span, ast::NumberLit{-rounded, value.substr(1)}})}});
  else
    ex.value = make(ast::Expr{result.span, ast::NumberLit{rounded, value}});
  tc.expectations.push_back(ex);
  TestOutcome pass = run_test(rules, checked, v, tc);
  if (!pass.passed) {
    f.reason = "the counterexample did not pass as a test: " + (pass.failures.empty() ? "" : pass.failures.front());
    return false;
  }
  f.kind = RangeFinding::Kind::CanLeave;
  f.value = value;
  f.rows.clear();
  for (std::size_t i = 0; i < lines.size(); ++i) f.rows += (i ? "; " : "") + lines[i];
  f.test = "  test " + quoted(name) + "\n";
  for (const auto& l : lines) f.test += "    " + l + "\n";
  f.test += "    expect " + result.name + " = " + value + " out_of_range\n";
  return true;
}

}  // namespace ereje::interp::range
