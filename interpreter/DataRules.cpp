// Stage 4a: derived columns and invariants, evaluated with the evaluator's own expression code
// (Engine) so that a `where` and an invariant mean the same thing.
#include "interpreter/DataRules.hpp"

#include <algorithm>
#include <set>

#include "core/Timing.hpp"
#include "grammar/Parser.hpp"
#include "interpreter/Engine.hpp"

namespace ereje::interp {
namespace {

// Most invariant breaches reported: enough to fix a batch, few enough to read.
constexpr std::size_t kMaxBreaches = 50;

bool tied_to(const ast::InvariantDecl& d, const std::vector<const ClauseVersion*>& versions) {
  for (const auto* v : versions)
    if (std::find(d.clauses.begin(), d.clauses.end(), v->number) != d.clauses.end()) return true;
  return false;
}

// `missing(c)` or `not missing(c)` over a column: the derived columns of today's contract, worth a
// loop of their own on millions of rows (the generic path builds a Value per row).
std::optional<std::pair<int, bool>> missing_test(const RuleSet&, const Checked& checked, const ast::Expr& e) {
  bool negated = false;
  const ast::Expr* x = &e;
  if (const auto* u = std::get_if<ast::Unary>(&x->node); u && u->op == ast::UnaryOp::Not) {
    negated = true;
    x = u->operand.get();
  }
  const auto* call = std::get_if<ast::Call>(&x->node);
  if (!call || call->args.size() != 1) return std::nullopt;
  auto b = checked.builtins.find(x);
  if (b == checked.builtins.end() || b->second != Builtin::Missing) return std::nullopt;
  auto col = checked.bindings.find(call->args[0].get());
  if (col == checked.bindings.end() || col->second.kind != Binding::Kind::Column) return std::nullopt;
  return std::pair{static_cast<int>(col->second.index), negated};
}

class Runner {
 public:
  Runner(const RuleSet& rules, const Checked& checked, input::DataSet& data, Date as_of)
      : rules_(rules), checked_(checked), data_(data), engine_(rules, checked, data, as_of, scratch_),
        version_{"", nullptr, nullptr, &none_, nullptr, as_of, std::nullopt}, ce_(engine_, version_) {}

  void derive(const DerivedColumn& d) {
    input::Table& table = data_.tables.at(d.table);
    if (!table.present && table.rows == 0) return;
    const int ci = table.schema->column_index(d.column);
    input::Column& col = table.columns[static_cast<std::size_t>(ci)];
    const std::size_t n = table.rows;
    col.values.resize(n);
    col.dictionary.clear();
    col.numbers.clear();
    col.index = input::TextIndex{};
    if (auto m = missing_test(rules_, checked_, *d.decl->value)) {
      const input::Column& src = table.columns[static_cast<std::size_t>(m->first)];
      if (!src.loaded) throw std::logic_error("column " + src.schema->name + " was not loaded for this run");
      const bool negated = m->second;
      if (src.values.empty()) {
        col.values.assign(n, negated ? 0 : 1);
      } else if (col.values.narrow() && src.values.half()) {  // the common case (text), without a branch a row
        const std::uint16_t* const from = src.values.halves();
        std::int8_t* const to = col.values.bytes();
        for (std::size_t r = 0; r < n; ++r)
          to[r] = static_cast<std::int8_t>((from[r] == input::ColumnValues::kMissingHalf) != negated);
      } else if (col.values.narrow() && src.values.width() == 4) {
        const std::int32_t* const from = src.values.wide();
        std::int8_t* const to = col.values.bytes();
        for (std::size_t r = 0; r < n; ++r) to[r] = static_cast<std::int8_t>((from[r] == input::kMissing) != negated);
      } else {
        for (std::size_t r = 0; r < n; ++r) col.values.set(r, (src.values[r] == input::kMissing) != negated ? 1 : 0);
      }
    } else {
      for (std::size_t r = 0; r < n; ++r) col.values.set(r, encode(col, row_value(table, *d.decl->value, r)));
    }
    col.loaded = true;
  }

  Value row_value(const input::Table& table, const ast::Expr& e, std::size_t r) {
    const std::size_t body = table.has_bodies() ? static_cast<std::size_t>(table.body(r)) : 0;
    return engine_.eval(ce_, e, engine::Frame{body, r, &table, nullptr});
  }

  // Registers the expression's aggregates, computes them, then its value for every body.
  std::vector<Value> per_body(const ast::Expr& e) {
    ast::walk_outside_rows(e, [&](const ast::Expr& x) {
      const auto* a = std::get_if<ast::Aggregate>(&x.node);
      if (!a || ce_.tasks.count(&x)) return;
      auto t = std::make_unique<engine::Task>();
      t->agg = a;
      t->table = &data_.table(a->table);
      t->value = a->value.get();
      t->filter = a->filter.get();
      t->clause = &ce_;
      ce_.tasks[&x] = t.get();
      engine_.tasks.push_back(std::move(t));
    });
    engine_.prepare(ce_, e);
    std::vector<Value> out(data_.bodies.size());
    for (std::size_t b = 0; b < out.size(); ++b) out[b] = engine_.eval(ce_, e, engine::Frame{b, 0, nullptr, nullptr});
    return out;
  }

 private:
  static std::int32_t encode(input::Column& col, const Value& v) {
    if (v.is_missing()) return input::kMissing;
    switch (col.schema->type) {
      case input::ColumnType::Bool: return v.i != 0 ? 1 : 0;
      case input::ColumnType::Date: return static_cast<std::int32_t>(v.i);
      case input::ColumnType::Enum: {
        const auto& vals = col.schema->enum_values;
        auto it = std::find(vals.begin(), vals.end(), v.text);
        return it == vals.end() ? input::kMissing : static_cast<std::int32_t>(it - vals.begin());
      }
      case input::ColumnType::Text: return col.index.intern(v.text, col.dictionary);
      case input::ColumnType::Whole:
      case input::ColumnType::Decimal: {
        const std::int32_t code = col.index.intern(v.num.to_exact(), col.dictionary);
        if (static_cast<std::size_t>(code) == col.numbers.size()) col.numbers.push_back(v.num);
        return code;
      }
    }
    return input::kMissing;
  }

  const RuleSet& rules_;
  const Checked& checked_;
  input::DataSet& data_;
  Evaluation scratch_;
  engine::Engine engine_;
  const ast::Clause none_{};
  ClauseVersion version_;
  engine::ClauseEval ce_;
};

std::string clauses_text(const RuleSet& rules, const ast::InvariantDecl& d, Date as_of) {
  std::string s;
  for (const auto& number : d.clauses) {
    const ClauseVersion* v = rules.in_force(number, as_of);
    s += (s.empty() ? "" : ", ") + ("clause " + number) + (v ? " (act \"" + v->act->id + "\")" : "");
  }
  return s;
}

// The first column of `table` that the condition names: where a breach is pointed at.
std::string first_column(const Checked& checked, const input::TableSchema& t, const ast::Expr& e) {
  std::string found;
  ast::walk_outside_rows(e, [&](const ast::Expr& x) {
    if (!found.empty()) return;
    auto it = checked.bindings.find(&x);
    if (it != checked.bindings.end() && it->second.kind == Binding::Kind::Column) found = t.columns[it->second.index].name;
  });
  return found;
}

// A cell as the data file wrote it, for messages: `empty` when missing.
std::string cell_text(const input::Table& t, const std::string& column, std::size_t row) {
  const int ci = t.schema->column_index(column);
  if (ci < 0) return "?";
  const input::Column& c = t.columns[static_cast<std::size_t>(ci)];
  const std::int32_t v = c.values.empty() ? input::kMissing : c.values[row];
  if (v == input::kMissing) return "empty";
  switch (c.schema->type) {
    case input::ColumnType::Enum: return "`" + c.schema->enum_values[static_cast<std::size_t>(v)] + "`";
    case input::ColumnType::Bool: return v ? "true" : "false";
    case input::ColumnType::Date: return format_date(Date{v});
    case input::ColumnType::Text: return "`" + c.dictionary[static_cast<std::size_t>(v)] + "`";
    case input::ColumnType::Whole:
    case input::ColumnType::Decimal: return c.dictionary[static_cast<std::size_t>(v)];
  }
  return "?";
}

}  // namespace

std::vector<std::string> derived_columns_read(const RuleSet& rules, const Checked& checked,
                                              const std::vector<const ClauseVersion*>& versions) {
  std::vector<std::string> out;
  for (const auto& d : rules.derived)
    if (checked.reads_column(versions, d.table, d.column)) out.push_back(d.table + "." + d.column);
  return out;
}

std::vector<std::string> tables_needed(const RuleSet& rules, const Checked& checked,
                                       const std::vector<const ClauseVersion*>& versions, Date as_of) {
  std::vector<std::string> t = checked.tables_read(versions);
  std::set<std::string> out(t.begin(), t.end());
  for (const auto& inv : rules.invariants)
    if (input::in_force(inv.origin, as_of) && tied_to(*inv.decl, versions))
      if (auto it = checked.invariant_tables.find(inv.decl); it != checked.invariant_tables.end())
        out.insert(it->second.begin(), it->second.end());
  // A table read is checked whole, its references included: the tables they point to are read too
  // (and so on), or a reference to a table no clause reads would go unchecked.
  const auto in_force_p = rules.contract->in_force_on(as_of);
  const input::Contract& in_force = *in_force_p;
  std::vector<std::string> todo(out.begin(), out.end());
  while (!todo.empty()) {
    const input::TableSchema* ts = in_force.find(todo.back());
    todo.pop_back();
    if (!ts) continue;
    for (const auto& ref : ts->references)
      if (out.insert(ref.table).second) todo.push_back(ref.table);
  }
  return {out.begin(), out.end()};
}

Diagnostics prepare_data(const RuleSet& rules, const Checked& checked, input::DataSet& data, Date as_of,
                         const std::vector<const ClauseVersion*>& versions, bool all_derived) {
  Runner run(rules, checked, data, as_of);
  std::vector<const Invariant*> invariants;
  for (const auto& inv : rules.invariants)
    if (input::in_force(inv.origin, as_of) && tied_to(*inv.decl, versions) && data.tables.count(inv.table) &&
        data.tables.at(inv.table).present)
      invariants.push_back(&inv);
  // Derived columns: those the clauses read, and those an invariant checked here reads.
  std::set<std::string> wanted;
  for (const auto& name : derived_columns_read(rules, checked, versions)) wanted.insert(name);
  for (const auto& d : rules.derived) {
    if (all_derived) wanted.insert(d.table + "." + d.column);
    for (const Invariant* inv : invariants) {
      const input::TableSchema* t = rules.contract->find(inv->table);
      ast::walk_outside_rows(*inv->decl->condition, [&](const ast::Expr& x) {
        auto it = checked.bindings.find(&x);
        if (it != checked.bindings.end() && it->second.kind == Binding::Kind::Column && t &&
            inv->table == d.table && t->columns[it->second.index].name == d.column)
          wanted.insert(d.table + "." + d.column);
      });
    }
  }
  {
    Phase ph("data: derived columns");
    for (const auto& d : rules.derived) {
      const input::TableSchema* t = rules.contract->find(d.table);
      const input::ColumnSchema* c = t ? t->column(d.column) : nullptr;
      if (!c || !input::in_force(c->origin, as_of) || !data.tables.count(d.table)) continue;
      if (wanted.count(d.table + "." + d.column)) run.derive(d);
    }
  }

  Diagnostics errors, warnings;
  std::size_t reported = 0;
  for (const Invariant* inv : invariants) {
    const ast::InvariantDecl& d = *inv->decl;
    const std::string written = grammar::print_expr(*d.condition);
    const std::string relied = clauses_text(rules, d, as_of);
    Diagnostics& into = d.warning ? warnings : errors;
    std::size_t broken = 0, shown = 0;  // this invariant's breaches, and those of them reported
    auto report = [&](Diagnostic diag) {
      ++broken;
      if (reported >= kMaxBreaches) return;
      ++reported;
      ++shown;
      diag.severity = d.warning ? Severity::Warning : Severity::Error;
      diag.notes.push_back({d.name_span, "the invariant is declared here"});
      into.add(std::move(diag));
    };
    const input::Table& table = data.tables.at(inv->table);
    if (!d.per_body) {
      const std::string column = first_column(checked, *table.schema, *d.condition);
      input::RowPositions positions(table);
      for (std::size_t r = 0; r < table.rows; ++r) {
        Value v = run.row_value(table, *d.condition, r);
        if (!v.is_missing() && v.i != 0) continue;
        if (reported >= kMaxBreaches) {
          ++broken;
          continue;
        }
        report(positions.diagnostic(
            r, column, "data-invariant",
            fmt::format("{}the row breaks invariant `{}` of table `{}`: {}{}",
                        column.empty() ? std::string() : fmt::format("`{}` is {}: ", column, cell_text(table, column, r)),
                        d.name, inv->table, written, v.is_missing() ? " (a value it needs is missing)" : ""),
            fmt::format("{} relies on it{}", relied, d.description.empty() ? "" : ": " + d.description)));
      }
    } else {
      std::vector<Value> values = run.per_body(*d.condition);
      for (std::size_t b = 0; b < values.size(); ++b) {
        if (!values[b].is_missing() && values[b].i != 0) continue;
        Diagnostic diag;
        diag.code = "data-invariant";
        diag.file = table.file;
        diag.message = fmt::format("body `{}` breaks invariant `{}` of table `{}`: {}{}", data.bodies[b].code,
                                   d.name, inv->table, written,
                                   values[b].is_missing() ? " (a value it needs is missing)" : "");
        diag.help = fmt::format("{} relies on it{}", relied, d.description.empty() ? "" : ": " + d.description);
        report(std::move(diag));
      }
    }
    // Breaches past the run's limit are counted, never dropped: an invariant whose breaches are all
    // past it (others used the limit up) must still stop the run when it is an error.
    if (broken > shown)
      into.add([&] {
        Diagnostic more;
        more.severity = d.warning ? Severity::Warning : Severity::Error;
        more.code = "data-invariant";
        more.file = table.file;
        more.message = fmt::format("invariant `{}` of table `{}`: {} {} in all, {}", d.name, inv->table, broken,
                                   broken == 1 ? "breach" : "breaches",
                                   shown == 0 ? fmt::format("none shown (a run shows its first {} breaches)", kMaxBreaches)
                                              : fmt::format("the first {} shown", shown));
        if (shown == 0) more.notes.push_back({d.name_span, "the invariant is declared here"});
        return more;
      }());
  }
  if (errors.has_errors()) throw InputError{std::move(errors)};
  return warnings;
}

}  // namespace ereje::interp
