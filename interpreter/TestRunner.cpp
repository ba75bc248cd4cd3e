// Rule-file tests: literal rows -> the same validation as data files -> the evaluator.
#include "interpreter/TestRunner.hpp"

#include <fmt/format.h>

#include "grammar/Parser.hpp"
#include "input/DataSet.hpp"
#include "interpreter/DataRules.hpp"
#include "interpreter/Evaluator.hpp"

namespace ereje::interp {
namespace {

std::string literal_text(const ast::Expr& e) {
  if (const auto* s = std::get_if<ast::StringLit>(&e.node)) return s->value;
  if (const auto* b = std::get_if<ast::BoolLit>(&e.node)) return b->value ? "true" : "false";
  if (const auto* d = std::get_if<ast::DateLit>(&e.node)) return format_date(d->value);
  if (const auto* n = std::get_if<ast::NameRef>(&e.node)) return n->name;
  if (const auto* n = std::get_if<ast::NumberLit>(&e.node)) return n->text;
  return grammar::print_expr(e);
}

// Builds the test's tables as text, with defaults for what a test need not spell out.
std::map<std::string, input::TextTable> test_tables(const input::Contract& contract, Date as_of, const ast::TestCase& t,
                                                    std::vector<std::string>& errors) {
  std::map<std::string, input::TextTable> out;
  const SourceFile* file = t.span.file;
  std::string origin = fmt::format("{}:{} (test \"{}\")", file ? file->name : "", t.span.line(), t.name);
  // The one body of a test, unless the test lists the bodies itself (to set a kind or a name).
  const input::TableSchema* bodies = contract.bodies();
  if (bodies) {
    input::TextTable table;
    table.file = origin + " " + bodies->name;
    table.header = {bodies->body_column};
    table.records = {{kTestBody}};
    table.lines = {static_cast<std::uint32_t>(t.span.line())};
    table.cols = {{1}};
    out[bodies->name] = table;
  }
  for (const auto& tt : t.tables) {
    const input::TableSchema* schema = contract.find(tt.table);
    if (!schema) continue;
    input::TextTable table;
    table.file = origin + " " + tt.table;
    // The columns in force on the test's date, as a data file would have them then.
    for (const auto& c : schema->columns)
      if (!c.derived && input::in_force(c.origin, as_of)) table.header.push_back(c.name);
    std::size_t serial = 0;
    for (const auto& g : tt.groups) {
      std::vector<std::string> base(table.header.size());
      std::vector<bool> given(table.header.size(), false);
      for (const auto& a : g.assignments)
        for (std::size_t i = 0; i < table.header.size(); ++i)
          if (table.header[i] == a.column) { base[i] = literal_text(*a.value); given[i] = true; }
      for (std::int64_t k = 0; k < g.count; ++k) {
        ++serial;
        std::vector<std::string> rec = base;
        for (std::size_t i = 0; i < table.header.size(); ++i) {
          if (given[i]) continue;
          const auto& col = *schema->column(table.header[i]);
          bool is_key = std::find(schema->key.begin(), schema->key.end(), col.name) != schema->key.end();
          if (col.name == schema->body_column) rec[i] = kTestBody;
          else if (is_key) rec[i] = fmt::format("{}-{}", tt.table, serial);
          else if (col.type == input::ColumnType::Bool) rec[i] = "false";
          else if (col.may_be_empty) rec[i] = "";
          else if (input::is_number(col.type)) rec[i] = "0";
          else if (k == 0)
            errors.push_back(fmt::format("{}: rows of `{}` need a value for column `{}`", g.span.where(), tt.table, col.name));
        }
        table.records.push_back(std::move(rec));
        table.lines.push_back(static_cast<std::uint32_t>(g.span.line()));
        table.cols.push_back(std::vector<std::uint32_t>(table.header.size(), static_cast<std::uint32_t>(g.span.column())));
      }
    }
    out[tt.table] = std::move(table);
  }
  return out;
}

Rational expected_number(const ast::Expr& e) {
  if (const auto* n = std::get_if<ast::NumberLit>(&e.node)) return n->value;
  if (const auto* u = std::get_if<ast::Unary>(&e.node))
    if (const auto* n = std::get_if<ast::NumberLit>(&u->operand->node)) return -n->value;
  return Rational{};
}

}  // namespace

TestOutcome run_test(const RuleSet& rules, const Checked& checked, const ClauseVersion& v, const ast::TestCase& t,
                     std::vector<ResultRow>* rows) {
  TestOutcome o{&v, &t, false, {}};
  std::vector<std::string> errors;
  const Date as_of = t.as_of.value_or(v.from);
  auto tables = test_tables(*rules.contract, as_of, t, errors);
  if (!errors.empty()) {
    o.failures = errors;
    return o;
  }
  try {
    input::DataSet data = input::build_dataset(
        "<test>", rules.contract->in_force_on(as_of), std::move(tables), {});
    prepare_data(rules, checked, data, as_of, {&v});
    const int test_body = data.body_index(kTestBody);
    Evaluation ev = evaluate(rules, checked, data, as_of, {&v});
    for (const auto& w : ev.warnings.list())
      if (w.code == "undecidable-row") o.failures.push_back(fmt::format("{}: {}", t.span.where(), w.message));
    if (rows)
      for (const auto& r : ev.rows)
        if (static_cast<int>(r.body) == test_body) rows->push_back(r);
    for (const auto& e : t.expectations) {
      const ResultRow* row = nullptr;
      for (const auto& r : ev.rows)
        if (r.result == e.result && static_cast<int>(r.body) == test_body) row = &r;
      if (!row) {
        o.failures.push_back(fmt::format("{}: no result `{}` was computed", e.span.where(), e.result));
        continue;
      }
      std::string got = row->value.is_missing() ? "n/a" : row->text();
      std::string got_full = got + (row->status == Status::OutOfRange ? " out_of_range" : "");
      bool want_na = std::holds_alternative<ast::NaLit>(e.value->node);
      std::string want = want_na ? "n/a" : grammar::print_expr(*e.value);
      std::string want_full = want + (e.out_of_range ? " out_of_range" : "");
      bool ok;
      if (want_na) ok = row->value.is_missing();
      else if (row->kind == OutputKind::Grade) {
        // A grade is its band's name, written as a word or in quotes.
        const auto* st = std::get_if<ast::StringLit>(&e.value->node);
        want = st ? st->value : want;
        want_full = want + (e.out_of_range ? " out_of_range" : "");
        ok = !row->value.is_missing() && row->value.text == want;
      } else
        // Compared as printed: the rounded value must equal the expected number exactly.
        ok = !row->value.is_missing() && row->value.num.round(row->round) == expected_number(*e.value);
      ok = ok && (e.out_of_range == (row->status == Status::OutOfRange));
      if (!ok)
        o.failures.push_back(fmt::format("{}: expected {} = {}, got {} (exact value {})", e.span.where(), e.result,
                                         want_full, got_full, row->value.show()));
    }
  } catch (const InputError& err) {
    for (const auto& d : err.diagnostics.list())
      o.failures.push_back(fmt::format("{}: the test's rows are not valid data: {}", t.span.where(), d.message));
  }
  o.passed = o.failures.empty();
  return o;
}

std::vector<TestOutcome> run_tests(const RuleSet& rules, const Checked& checked) {
  std::vector<TestOutcome> outcomes;
  for (const auto& number : rules.clause_numbers())
    for (const auto& v : rules.clauses.at(number)) {
      if (!v.clause) continue;
      for (const auto& t : v.clause->tests) outcomes.push_back(run_test(rules, checked, v, t));
    }
  return outcomes;
}

}  // namespace ereje::interp
