// Explanations: the engine's exact values, replayed along one body's formula.
#include "interpreter/Explainer.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "grammar/Parser.hpp"
#include "interpreter/Engine.hpp"

namespace ereje::interp {
namespace {

using engine::ClauseEval;
using engine::Engine;
using engine::Frame;
using engine::Task;

// Each body's rows of a table, in file order, built once for all the bodies explained (a counting
// sort by body): an aggregate explained for one body visits that body's rows only.
class RowsByBody {
 public:
  // How many rows of `t` belong to `body` (one counting pass, kept).
  std::size_t count(const input::Table& t, std::size_t body) {
    const Index& ix = counted(t);
    if (body + 2 >= ix.start.size()) return 0;
    return ix.placed ? ix.start[body + 1] - ix.start[body] : ix.start[body + 2];
  }
  std::pair<const std::uint32_t*, const std::uint32_t*> of(const input::Table& t, std::size_t body) {
    Index& ix = counted(t);
    if (!ix.placed) {  // the counts summed into starts, then each row placed
      for (std::size_t b = 0; b + 2 < ix.start.size(); ++b) ix.start[b + 2] += ix.start[b + 1];
      ix.rows.resize(ix.start.back());
      t.with_bodies([&](const auto& body_of) {
        for (std::size_t r = 0; r < t.rows; ++r)
          if (const std::int32_t b = body_of[r]; b >= 0) ix.rows[ix.start[static_cast<std::size_t>(b) + 1]++] = static_cast<std::uint32_t>(r);
      });
      ix.placed = true;
    }
    if (body + 2 >= ix.start.size()) return {nullptr, nullptr};
    return {ix.rows.data() + ix.start[body], ix.rows.data() + ix.start[body + 1]};
  }

 private:
  struct Index {
    // Counted: start[b + 2] is body b's number of rows. Placed: rows of body b are
    // rows[start[b] .. start[b + 1]).
    std::vector<std::uint32_t> start, rows;
    bool placed = false;
  };
  Index& counted(const input::Table& t) {
    Index& ix = index_[&t];
    if (ix.start.empty()) {
      t.with_bodies([&](const auto& body) {
        std::int32_t last = -1;
        for (std::size_t r = 0; r < t.rows; ++r) last = std::max(last, body[r]);
        ix.start.assign(static_cast<std::size_t>(last) + 3, 0);
        for (std::size_t r = 0; r < t.rows; ++r)
          if (body[r] >= 0) ++ix.start[static_cast<std::size_t>(body[r]) + 2];
      });
    }
    return ix;
  }
  std::map<const input::Table*, Index> index_;
};

class Explainer {
 public:
  Explainer(Engine& e, ClauseEval& ce, std::size_t body, bool with_rows, RowsByBody& rows)
      : e_(e), ce_(ce), body_(body), with_rows_(with_rows), rows_(rows) {}

  Value value(const ast::Expr& x) { return e_.eval(ce_, x, Frame{body_, 0, nullptr, nullptr}); }

  // Steps of an expression, innermost first; leaves (numbers, names, aggregates) are not steps.
  void steps(const ast::Expr& x, std::vector<Step>& out) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, ast::Binary>) {
            steps(*n.lhs, out);
            steps(*n.rhs, out);
            out.push_back({grammar::print_expr(x),
                           operand(*n.lhs) + " " + ast::to_string(n.op) + " " + operand(*n.rhs), value(x)});
          } else if constexpr (std::is_same_v<T, ast::Unary>) {
            steps(*n.operand, out);
            out.push_back({grammar::print_expr(x), (n.op == ast::UnaryOp::Not ? "not " : "-") + operand(*n.operand), value(x)});
          } else if constexpr (std::is_same_v<T, ast::Call>) {
            std::string s = n.function + "(";
            for (std::size_t i = 0; i < n.args.size(); ++i) {
              steps(*n.args[i], out);
              s += (i ? ", " : "") + operand(*n.args[i]);
            }
            out.push_back({grammar::print_expr(x), s + ")", value(x)});
          } else if constexpr (std::is_same_v<T, ast::Total>) {
            total_steps(n, out);
          } else if constexpr (std::is_same_v<T, ast::If>) {
            steps(*n.cond, out);
            Value c = value(*n.cond);
            if (!c.is_missing()) steps(c.i ? *n.then_branch : *n.else_branch, out);
            out.push_back({grammar::print_expr(x), "if " + operand(*n.cond) + " then … else …", value(x)});
          }
        },
        x.node);
  }

  std::string operand(const ast::Expr& x) { return value(x).show(); }

  // A total: each part's own steps, then its value times its weight (and what n/a made of it),
  // then the sum of the contributions, exact.
  void total_steps(const ast::Total& t, std::vector<Step>& out) {
    std::vector<Engine::TotalPartValue> parts;
    const Value total = e_.fold_total(ce_, t, Frame{body_, 0, nullptr, nullptr}, &parts);
    std::string sum;
    Rational all, present;
    for (std::size_t i = 0; i < t.parts.size(); ++i) {
      const ast::TotalPart& p = t.parts[i];
      const auto& pv = parts[i];
      steps(*p.value, out);
      std::string with = pv.value.show() + " × " + pv.weight.show();
      if (pv.left_out) with = "n/a: left out, its weight spread over the parts present";
      else if (pv.counted_as) with = "n/a, counted as " + pv.value.show() + ": " + with;
      if (p.deduct && !pv.left_out) with = "−(" + with + ")";
      out.push_back({grammar::print_total_part(p), with, pv.contribution});
      if (!p.deduct && !pv.weight.is_missing()) {
        all = all + pv.weight.num;
        if (!pv.left_out) present = present + pv.weight.num;
      }
      if (!pv.left_out) sum += (sum.empty() ? "" : " + ") + pv.contribution.show();
    }
    if (t.policy == ast::NaPolicy::Renormalise && all != present && !present.is_zero())
      out.push_back({"renormalise", "added parts' weights scaled by " + all.to_exact() + " / " + present.to_exact(),
                     Value::number(all / present)});
    out.push_back({"total", sum.empty() ? "no part present" : sum, total});
  }

  ExplainedAggregate aggregate(const Task& t, const ast::Expr* node) {
    ExplainedAggregate a;
    a.text = node ? grammar::print_expr(*node) : grammar::print_expr(*t.obligation->breach);
    a.table = t.table->schema->name;
    a.file = t.table->file;
    bool per_body = t.table->schema->per_agency;
    a.value = per_body || t.by_body ? t.result[body_] : t.result.empty() ? Value::missing() : t.result[0];
    auto visit = [&](std::size_t row) {
      ++a.rows;
      Frame f{per_body || t.by_body ? body_ : 0, row, t.table, nullptr};
      const ast::Expr* cond = t.obligation ? t.obligation->breach.get() : t.filter;
      if (cond) {
        Value c = e_.eval(ce_, *cond, f);
        if (c.is_missing() || !c.i) return;
      }
      if (t.value && e_.eval(ce_, *t.value, f).is_missing()) return;
      ++a.matched;
      if (with_rows_) a.matched_rows.push_back(row_ref(*t.table, row));
    };
    if (per_body) {
      // A count (or an obligation: a count of rows in breach) that has a value counted exactly the
      // rows it matched: no row to visit again unless the rows are to be listed.
      const bool counted = !t.agg || t.agg->kind == ast::AggregateKind::Count;
      if (counted && !t.value && !with_rows_ && a.value.kind == Kind::Number && a.value.num.is_small() &&
          a.value.num.is_integer() && a.value.num.sign() >= 0) {
        const std::size_t n = rows_.count(*t.table, body_);
        if (static_cast<std::uint64_t>(a.value.num.to_int64()) <= n) {
          a.rows = n;
          a.matched = static_cast<std::size_t>(a.value.num.to_int64());
          return a;
        }
      }
      const auto [b, e] = rows_.of(*t.table, body_);
      for (const std::uint32_t* r = b; r != e; ++r) visit(*r);
    } else {
      for (std::size_t row = 0; row < t.table->rows; ++row) visit(row);
    }
    return a;
  }

  RowRef row_ref(const input::Table& t, std::size_t row) {
    RowRef r{t.file, t.lines.line(row), {}};
    for (const auto& k : t.schema->key) {
      if (k == t.schema->body_column) continue;  // the body is the one explained
      Value v = e_.cell(t, static_cast<std::size_t>(t.schema->column_index(k)), row);
      r.key += (r.key.empty() ? "" : ", ") + k + "=" + (v.is_missing() ? "" : v.kind == Kind::Text ? v.text : v.show());
    }
    return r;
  }

  // Aggregates directly inside an expression (not inside other definitions).
  std::vector<ExplainedAggregate> aggregates_in(const ast::Expr& x) {
    std::vector<ExplainedAggregate> out;
    ast::walk_outside_rows(x, [&](const ast::Expr& n) {
      if (auto it = ce_.tasks.find(&n); it != ce_.tasks.end()) out.push_back(aggregate(*it->second, &n));
    });
    return out;
  }

  ExplainedAggregate breach(const ast::Obligation& o) { return aggregate(*ce_.obligations.at(&o), nullptr); }

 private:
  Engine& e_;
  ClauseEval& ce_;
  std::size_t body_;
  bool with_rows_;
  RowsByBody& rows_;
};

// Names an expression uses, in the order the checker computed them (each after its own uses).
void collect_names(const Checked& checked, const ast::Expr& x, std::set<std::size_t>& lets, std::set<std::size_t>& coefs,
                   const ast::Clause& c) {
  ast::walk_outside_rows(x, [&](const ast::Expr& n) {
    auto it = checked.bindings.find(&n);
    if (it == checked.bindings.end()) return;
    if (it->second.kind == Binding::Kind::Coefficient) coefs.insert(it->second.index);
    if (it->second.kind == Binding::Kind::Let && lets.insert(it->second.index).second)
      collect_names(checked, *c.lets[it->second.index].value, lets, coefs, c);
  });
  // Aggregates' row expressions are not walked above; their names matter too.
  ast::walk_outside_rows(x, [&](const ast::Expr& n) {
    if (const auto* a = std::get_if<ast::Aggregate>(&n.node)) {
      if (a->value) collect_names(checked, *a->value, lets, coefs, c);
      if (a->filter) collect_names(checked, *a->filter, lets, coefs, c);
    }
  });
}

ClauseEval& ce_of(Engine& engine, const ClauseVersion& v) { return *engine.by_number.at(v.number); }

// Each body's steps of `version`, read from an engine that has evaluated it for every body.
std::vector<Explanation> explain_from(Engine& engine, const Evaluation& ev, RowsByBody& rows_by_body,
                                      const RuleSet& rules, const Checked& checked, Date as_of,
                                      const ClauseVersion& version, const std::vector<std::size_t>& bodies,
                                      bool with_rows) {
  ClauseEval& ce = ce_of(engine, version);
  const ast::Clause& c = *version.clause;

  std::set<std::size_t> lets, coefs;
  for (const auto& r : c.results) {
    collect_names(checked, *r.value, lets, coefs, c);
    if (r.range_lo) collect_names(checked, *r.range_lo, lets, coefs, c);
    if (r.range_hi) collect_names(checked, *r.range_hi, lets, coefs, c);
  }
  for (const auto& o : c.obligations) collect_names(checked, *o.breach, lets, coefs, c);
  const auto& order = checked.clauses.at(&version).let_order;
  for (std::size_t i : order)
    if (lets.count(i)) engine.ensure_let(ce, i);
  std::map<std::size_t, std::vector<const ResultRow*>> rows_of;
  for (std::size_t b : bodies) rows_of[b];
  for (const auto& row : ev.rows)
    if (auto it = rows_of.find(row.body); it != rows_of.end() && row.version == &version) it->second.push_back(&row);
  const ClauseVersion* amends = nullptr;
  if (version.written) {
    const auto& all = rules.clauses.at(version.number);
    for (std::size_t i = 1; i < all.size(); ++i)
      if (&all[i] == &version) amends = &all[i - 1];
  }

  std::vector<Explanation> outs;
  outs.reserve(bodies.size());
  for (std::size_t body : bodies) {
  Explanation& out = outs.emplace_back();
  out.version = &version;
  out.body = body;
  out.as_of = as_of;
  Explainer ex(engine, ce, body, with_rows, rows_by_body);
  for (std::size_t i = 0; i < c.coefficients.size(); ++i)
    if (coefs.count(i)) {
      const auto& co = c.coefficients[i];
      out.names.push_back({ExplainedName::Kind::Coefficient, co.name, grammar::print_expr(*co.value), co.description,
                           co.descriptions, co.name_span, ce.coefficients[i], {}, {}});
    }
  for (std::size_t i : order)
    if (lets.count(i)) {
      const auto& l = c.lets[i];
      out.names.push_back({ExplainedName::Kind::Let, l.name, grammar::print_expr(*l.value), l.description,
                           l.descriptions, l.name_span, ce.lets[i][body], ex.aggregates_in(*l.value), {}});
    }
  for (const ResultRow* rowp : rows_of[body]) {
    const ResultRow& row = *rowp;
    ExplainedResult r;
    r.name = row.result;
    r.value = row.value;
    r.text = row.text();
    r.status = row.status;
    r.round = row.round;
    r.origin = row.origin;
    for (const auto& res : c.results)
      if (res.name == row.result) {
        r.expr = grammar::print_expr(*res.value);
        r.description = res.description;
        r.descriptions = res.descriptions;
        if (res.range_lo) {
          // As written, and with its values when it uses coefficients: "0..k = 0..10".
          std::string written = grammar::print_expr(*res.range_lo) + ".." + grammar::print_expr(*res.range_hi);
          std::string values = ex.value(*res.range_lo).show() + ".." + ex.value(*res.range_hi).show();
          r.range = written == values ? written : written + " = " + values;
        }
        ex.steps(*res.value, r.steps);
        r.aggregates = ex.aggregates_in(*res.value);
      }
    r.kind = row.kind;
    for (const auto& k : c.ranks)
      if (k.name == row.result) {
        r.expr = "rank of " + grammar::print_expr(*k.subject) + (k.highest_first ? ", highest first" : ", lowest first") +
                 (k.within ? ", within " + *k.within : std::string()) + ", ties " + ast::to_string(k.ties) + ", n/a " +
                 ast::to_string(k.na) + ", out_of_range " + ast::to_string(k.out_of_range);
        r.description = k.description;
        r.descriptions = k.descriptions;
      }
    for (const auto& g : c.grades)
      if (g.name == row.result) {
        r.expr = "grade of " + grammar::print_expr(*g.subject) + ":";
        for (const auto& b : g.bands)
          r.expr += " " + b.name + (b.from ? " from " + grammar::print_expr(*b.from) : std::string(" otherwise")) +
                    (&b == &g.bands.back() ? "" : ";");
        r.description = g.description;
        r.descriptions = g.descriptions;
      }
    for (const auto& o : c.obligations)
      if (o.name == row.result) {
        r.obligation = true;
        r.expr = "count " + o.table + " where " + grammar::print_expr(*o.breach);
        r.description = o.description;
        r.descriptions = o.descriptions;
        r.breach.push_back(ex.breach(o));
      }
    out.results.push_back(std::move(r));
  }
  if (version.written) {
    out.amends = amends;
    // An amended version: say which act set each item (the amendment, or the version it amends).
    auto act_of = [&](const Span& s) {
      const ast::Act* a = rules.act_at(s);
      return a ? a->id : std::string();
    };
    for (auto& n : out.names) n.act = act_of(n.origin);
    for (auto& r : out.results)
      for (const auto& res : c.results)
        if (res.name == r.name) {
          r.act = act_of(res.span);
          r.range_act = res.range_span.valid() ? act_of(res.range_span) : r.act;
        }
  }
  out.warnings = ev.warnings;
  }
  return outs;
}

}  // namespace

std::vector<Explanation> explain_bodies(const RuleSet& rules, const Checked& checked, const input::DataSet& data,
                                        Date as_of, const ClauseVersion& version, const std::vector<std::size_t>& bodies,
                                        bool with_rows, bool with_parts, const Overrides* overrides) {
  // One evaluation of the clause (every body at once, as `run` does), then each body's steps read
  // from it.
  Evaluation ev;
  Engine engine(rules, checked, data, as_of, ev);
  engine.overrides = overrides;
  engine.evaluate({&version});
  RowsByBody rows_by_body;
  std::vector<Explanation> outs =
      explain_from(engine, ev, rows_by_body, rules, checked, as_of, version, bodies, with_rows);
  const ClauseEval& ce = ce_of(engine, version);
  // The parts: every clause read, explained for the same bodies.
  std::set<std::string> read;
  for (const auto* r : ce.reads) read.insert(r->version.number);
  for (const auto& n : with_parts ? read : std::set<std::string>{}) {
    auto parts = explain_bodies(rules, checked, data, as_of, engine.by_number.at(n)->version, bodies, with_rows, true);
    for (std::size_t k = 0; k < outs.size(); ++k) outs[k].parts.push_back(std::move(parts[k]));
  }
  return outs;
}

std::map<const ClauseVersion*, std::vector<Explanation>> explain_versions(
    const RuleSet& rules, const Checked& checked, const input::DataSet& data, Date as_of,
    const std::map<const ClauseVersion*, std::vector<std::size_t>>& wanted) {
  std::vector<const ClauseVersion*> versions;
  for (const auto& [v, bodies] : wanted) versions.push_back(v);
  Evaluation ev;
  Engine engine(rules, checked, data, as_of, ev);
  engine.evaluate(versions);
  RowsByBody rows_by_body;
  std::map<const ClauseVersion*, std::vector<Explanation>> out;
  for (const auto& [v, bodies] : wanted)
    out[v] = explain_from(engine, ev, rows_by_body, rules, checked, as_of, *v, bodies, false);
  return out;
}

Explanation explain(const RuleSet& rules, const Checked& checked, const input::DataSet& data, Date as_of,
                    const ClauseVersion& version, std::size_t body, bool with_rows, bool with_parts,
                    const Overrides* overrides) {
  return std::move(explain_bodies(rules, checked, data, as_of, version, {body}, with_rows, with_parts, overrides).front());
}

}  // namespace ereje::interp
