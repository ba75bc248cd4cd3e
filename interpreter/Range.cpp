// Static range analysis: cells of rows, counts as linear forms, results as ratios of linear forms,
// proofs and counterexamples by the signs of one linear form (Range.hpp; docs/language.md, "Range
// analysis"). Counterexamples are written and verified in RangeWitness.cpp.
#include "interpreter/Range.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>

#include "grammar/Parser.hpp"
#include "grammar/Visit.hpp"

namespace ereje::interp {
namespace {

using range::Atom;
using range::Group;
using range::Lin;
using range::TableCells;

// The most cells one table may be split into.
constexpr std::size_t kMaxCells = 4096;

struct Unsupported {
  std::string reason;
};

// A condition's value on a cell: true/false/undecided (b: 1, 0, 2), or a column's atom.
struct AV {
  bool is_bool = false;
  int b = 2;
  Atom atom;
};

std::string text_of(const ast::Expr& e) { return grammar::print_expr(e); }

// What the conditions over one table read: the columns, and the literals each is compared with.
struct TableUse {
  const input::TableSchema* schema = nullptr;
  std::set<std::string> columns;
  std::map<std::string, std::set<std::string>> literals;
};

std::optional<Rational> fold_at(const ast::Clause& c, const Checked& checked, const ast::Expr& e, int depth) {
  if (depth > 64) return std::nullopt;
  if (const auto* n = std::get_if<ast::NumberLit>(&e.node)) return n->value;
  if (std::holds_alternative<ast::NameRef>(e.node)) {
    auto it = checked.bindings.find(&e);
    if (it == checked.bindings.end() || it->second.kind != Binding::Kind::Coefficient) return std::nullopt;
    return fold_at(c, checked, *c.coefficients[it->second.index].value, depth + 1);
  }
  if (const auto* u = std::get_if<ast::Unary>(&e.node)) {
    if (u->op != ast::UnaryOp::Neg) return std::nullopt;
    auto v = fold_at(c, checked, *u->operand, depth + 1);
    return v ? std::optional<Rational>(-*v) : std::nullopt;
  }
  const auto* b = std::get_if<ast::Binary>(&e.node);
  if (!b) return std::nullopt;
  auto l = fold_at(c, checked, *b->lhs, depth + 1), r = fold_at(c, checked, *b->rhs, depth + 1);
  if (!l || !r) return std::nullopt;
  switch (b->op) {
    case ast::BinaryOp::Add: return *l + *r;
    case ast::BinaryOp::Sub: return *l - *r;
    case ast::BinaryOp::Mul: return *l * *r;
    case ast::BinaryOp::Div: return r->is_zero() ? std::nullopt : std::optional<Rational>(*l / *r);
    default: return std::nullopt;
  }
}

struct Form {
  Lin num, den;
};
using range::Division;

class Analysis {
 public:
  Analysis(const RuleSet& rules, const Checked& checked, const ClauseVersion& v)
      : rules_(rules), checked_(checked), v_(v), c_(*v.clause) {}

  std::vector<TableCells> tables;
  std::vector<Division> divisions;
  std::map<const ast::Expr*, std::vector<std::size_t>> members;  // a count: the variables it sums
  std::size_t vars = 0;

  // Splits the rows of every table the expression counts into cells. Throws Unsupported.
  void build(const ast::Expr& e) {
    collect(e);
    std::map<std::string, TableUse> uses;
    for (const auto* agg : counts_) {
      const auto& a = std::get<ast::Aggregate>(agg->node);
      TableUse& u = uses[a.table];
      u.schema = rules_.contract->find(a.table);
      if (!u.schema) throw Unsupported{"it counts table `" + a.table + "`, which the contract does not declare"};
      if (a.filter) gather(*a.filter, u);
    }
    for (auto& [name, u] : uses) {
      for (const auto& inv : rules_.invariants) {
        const auto& d = *inv.decl;
        if (inv.table != name || d.per_body || d.warning || !input::in_force(inv.origin, v_.from) ||
            std::find(d.clauses.begin(), d.clauses.end(), v_.number) == d.clauses.end())
          continue;
        TableUse tried = u;
        try {
          gather(*d.condition, tried);
          u = tried;
          invariants_[name].push_back(d.condition.get());
        } catch (const Unsupported&) {
          // An invariant the method cannot read is left out: fewer assumptions, never a false proof.
        }
      }
      cells(name, u);
    }
  }

  Form sym(const ast::Expr& e) {
    if (const auto* n = std::get_if<ast::NumberLit>(&e.node)) return constant(n->value);
    if (const auto* n = std::get_if<ast::NameRef>(&e.node)) {
      auto it = checked_.bindings.find(&e);
      if (it != checked_.bindings.end() && it->second.kind == Binding::Kind::Let) {
        auto m = let_forms_.find(it->second.index);
        if (m != let_forms_.end()) return m->second;
        Form f = sym(*c_.lets[it->second.index].value);
        let_forms_[it->second.index] = f;
        return f;
      }
      if (it != checked_.bindings.end() && it->second.kind == Binding::Kind::Coefficient) {
        if (auto v = fold_at(c_, checked_, e, 0)) return constant(*v);
        throw Unsupported{"coefficient `" + n->name + "` has no value the analysis can work out"};
      }
      throw Unsupported{"it uses `" + n->name + "`"};
    }
    if (const auto* u = std::get_if<ast::Unary>(&e.node)) {
      if (u->op != ast::UnaryOp::Neg) throw Unsupported{"it uses `not`"};
      Form f = sym(*u->operand);
      f.num = scale(f.num, Rational(-1));
      return f;
    }
    if (const auto* b = std::get_if<ast::Binary>(&e.node)) return binary(e, *b);
    if (const auto* a = std::get_if<ast::Aggregate>(&e.node)) {
      if (a->kind != ast::AggregateKind::Count)
        throw Unsupported{fmt::format("it uses `{}`: only `count` is analysed", ast::to_string(a->kind))};
      Lin l = zero();
      for (std::size_t k : members.at(&e)) l.a[k] = Rational(1);
      return {l, constant_lin(Rational(1))};
    }
    if (std::holds_alternative<ast::If>(e.node)) throw Unsupported{"it uses `if`"};
    if (std::holds_alternative<ast::Call>(e.node)) throw Unsupported{"it calls a function"};
    if (std::holds_alternative<ast::ClauseRef>(e.node) || std::holds_alternative<ast::Total>(e.node))
      throw Unsupported{"it reads other clauses' results"};
    throw Unsupported{"it uses `" + text_of(e) + "`"};
  }

  Lin zero() const { return Lin{Rational(0), std::vector<Rational>(vars, Rational(0))}; }
  Lin constant_lin(const Rational& r) const { return Lin{r, std::vector<Rational>(vars, Rational(0))}; }
  static bool is_const(const Lin& l) {
    return std::all_of(l.a.begin(), l.a.end(), [](const Rational& x) { return x.is_zero(); });
  }
  static Lin scale(Lin l, const Rational& k) {
    l.c = l.c * k;
    for (auto& x : l.a) x = x * k;
    return l;
  }
  static Lin add(Lin l, const Lin& r, const Rational& k) {
    l.c = l.c + r.c * k;
    for (std::size_t i = 0; i < l.a.size(); ++i) l.a[i] = l.a[i] + r.a[i] * k;
    return l;
  }
  static bool same(const Lin& l, const Lin& r) { return l.c == r.c && l.a == r.a; }

  // The counts `e` reaches, through definitions.
  void counts_in_(const ast::Expr& e, std::vector<const ast::Expr*>& out, std::set<std::size_t>& seen) const {
    ast::walk(e, [&](const ast::Expr& x) {
      if (std::holds_alternative<ast::Aggregate>(x.node)) {
        if (std::find(out.begin(), out.end(), &x) == out.end()) out.push_back(&x);
        return false;
      }
      auto it = checked_.bindings.find(&x);
      if (it != checked_.bindings.end() && it->second.kind == Binding::Kind::Let && seen.insert(it->second.index).second)
        counts_in_(*c_.lets[it->second.index].value, out, seen);
      return true;
    });
  }

 private:
  const RuleSet& rules_;
  const Checked& checked_;
  const ClauseVersion& v_;
  const ast::Clause& c_;
  std::vector<const ast::Expr*> counts_;
  std::map<std::string, std::vector<const ast::Expr*>> invariants_;
  std::map<std::size_t, Form> let_forms_;

  Form constant(const Rational& r) const { return {constant_lin(r), constant_lin(Rational(1))}; }

  void collect(const ast::Expr& e) {
    std::set<std::size_t> seen;
    std::vector<const ast::Expr*> found;
    counts_in_(e, found, seen);
    for (const auto* x : found)
      if (std::get<ast::Aggregate>(x->node).kind == ast::AggregateKind::Count) counts_.push_back(x);
  }

  Form binary(const ast::Expr& e, const ast::Binary& b) {
    using ast::BinaryOp;
    if (b.op != BinaryOp::Add && b.op != BinaryOp::Sub && b.op != BinaryOp::Mul && b.op != BinaryOp::Div)
      throw Unsupported{"it uses `" + std::string(ast::to_string(b.op)) + "`"};
    Form l = sym(*b.lhs), r = sym(*b.rhs);
    const bool lc = is_const(l.den), rc = is_const(r.den);
    if (b.op == BinaryOp::Add || b.op == BinaryOp::Sub) {
      const Rational sign(b.op == BinaryOp::Add ? 1 : -1);
      if (lc && rc) return {add(scale(l.num, Rational(1) / l.den.c), scale(r.num, Rational(1) / r.den.c), sign),
                            constant_lin(Rational(1))};
      if (same(l.den, r.den)) return {add(l.num, r.num, sign), l.den};
      if (lc && is_const(l.num)) return {add(scale(r.den, l.num.c / l.den.c), r.num, sign), r.den};
      if (rc && is_const(r.num)) return {add(l.num, scale(l.den, r.num.c / r.den.c), sign), l.den};
      throw Unsupported{"it adds quotients with different denominators"};
    }
    if (b.op == BinaryOp::Mul) {
      if (lc && is_const(l.num)) return {scale(r.num, l.num.c / l.den.c), r.den};
      if (rc && is_const(r.num)) return {scale(l.num, r.num.c / r.den.c), l.den};
      throw Unsupported{"it multiplies two numbers that depend on the data"};
    }
    if (!rc) throw Unsupported{"it divides by a quotient"};
    Lin den = scale(r.num, Rational(1) / r.den.c);
    if (is_const(den)) {
      if (den.c.is_zero()) throw Unsupported{"it divides by 0"};
      return {scale(l.num, Rational(1) / den.c), l.den};
    }
    if (!lc) throw Unsupported{"it divides a quotient by a number that depends on the data"};
    divisions.push_back({&e, b.rhs.get(), den});
    return {scale(l.num, Rational(1) / l.den.c), den};
  }

  // ---- conditions over one row ----

  const input::ColumnSchema* column_of(const ast::Expr& e, const input::TableSchema& t) const {
    auto it = checked_.bindings.find(&e);
    if (it == checked_.bindings.end() || it->second.kind != Binding::Kind::Column) return nullptr;
    if (it->second.index >= t.columns.size()) return nullptr;
    return &t.columns[it->second.index];
  }
  const ast::Expr* derived_of(const input::TableSchema& t, const std::string& column) const {
    for (const auto& d : rules_.derived)
      if (d.table == t.name && d.column == column) return d.decl->value.get();
    return nullptr;
  }
  // A literal: its text ("true"/"false" for true/false), or nullopt.
  std::optional<std::string> literal(const ast::Expr& e) const {
    if (const auto* b = std::get_if<ast::BoolLit>(&e.node)) return std::string(b->value ? "true" : "false");
    auto it = checked_.bindings.find(&e);
    if (it != checked_.bindings.end() &&
        (it->second.kind == Binding::Kind::EnumValue || it->second.kind == Binding::Kind::TextValue))
      return it->second.text;
    if (const auto* s = std::get_if<ast::StringLit>(&e.node)) return s->value;
    return std::nullopt;
  }
  bool is_bool(const ast::Expr& e) const {
    auto it = checked_.types.find(&e);
    return it != checked_.types.end() && it->second == Type::Bool;
  }
  // A column read from the file (not derived), compared with a literal.
  const input::ColumnSchema* plain_column(const ast::Expr& e, const input::TableSchema& t) const {
    const auto* col = column_of(e, t);
    return col && !col->derived ? col : nullptr;
  }

  void gather(const ast::Expr& e, TableUse& u, int depth = 0) {
    const input::TableSchema& t = *u.schema;
    if (depth > 64) throw Unsupported{"a condition is too deep"};
    if (std::holds_alternative<ast::BoolLit>(e.node) || std::holds_alternative<ast::StringLit>(e.node)) return;
    if (const auto* n = std::get_if<ast::NameRef>(&e.node)) {
      if (literal(e)) return;
      const auto* col = column_of(e, t);
      if (!col) throw Unsupported{"a condition uses `" + n->name + "`, which is not a column of `" + t.name + "`"};
      if (col->derived) {
        const ast::Expr* d = derived_of(t, col->name);
        if (!d) throw Unsupported{"derived column `" + col->name + "` has no definition"};
        gather(*d, u, depth + 1);
      } else {
        u.columns.insert(col->name);
      }
      return;
    }
    if (const auto* un = std::get_if<ast::Unary>(&e.node)) {
      if (un->op != ast::UnaryOp::Not) throw Unsupported{"a condition uses arithmetic"};
      return gather(*un->operand, u, depth + 1);
    }
    if (const auto* b = std::get_if<ast::Binary>(&e.node)) {
      using ast::BinaryOp;
      if (b->op == BinaryOp::And || b->op == BinaryOp::Or) {
        gather(*b->lhs, u, depth + 1);
        gather(*b->rhs, u, depth + 1);
        return;
      }
      if (b->op == BinaryOp::Eq || b->op == BinaryOp::Ne) {
        for (int side = 0; side < 2; ++side) {
          const ast::Expr& a = side ? *b->rhs : *b->lhs;
          const ast::Expr& o = side ? *b->lhs : *b->rhs;
          const auto* col = plain_column(a, t);
          auto lit = literal(o);
          if (col && lit) {
            u.columns.insert(col->name);
            if (col->type != input::ColumnType::Bool) u.literals[col->name].insert(*lit);
            return;
          }
        }
        if (is_bool(*b->lhs) && is_bool(*b->rhs)) {
          gather(*b->lhs, u, depth + 1);
          gather(*b->rhs, u, depth + 1);
          return;
        }
        throw Unsupported{"a condition compares `" + text_of(*b->lhs) + "` with `" + text_of(*b->rhs) + "`"};
      }
      throw Unsupported{"a condition uses `" + std::string(ast::to_string(b->op)) + "`"};
    }
    if (const auto* in = std::get_if<ast::InList>(&e.node)) {
      const auto* col = plain_column(*in->value, t);
      if (!col) throw Unsupported{"a condition tests `" + text_of(*in->value) + "` against a list"};
      u.columns.insert(col->name);
      for (const auto& item : in->items) {
        auto lit = literal(*item);
        if (!lit) throw Unsupported{"a list holds `" + text_of(*item) + "`"};
        if (col->type != input::ColumnType::Bool) u.literals[col->name].insert(*lit);
      }
      return;
    }
    if (const auto* call = std::get_if<ast::Call>(&e.node)) {
      auto it = checked_.builtins.find(&e);
      if (it == checked_.builtins.end() || it->second != Builtin::Missing || call->args.size() != 1)
        throw Unsupported{"a condition calls `" + call->function + "`"};
      return gather(*call->args[0], u, depth + 1);
    }
    if (const auto* i = std::get_if<ast::If>(&e.node)) {
      if (!is_bool(*i->then_branch) || !is_bool(*i->else_branch))
        throw Unsupported{"a condition uses `if` on values"};
      gather(*i->cond, u, depth + 1);
      gather(*i->then_branch, u, depth + 1);
      gather(*i->else_branch, u, depth + 1);
      return;
    }
    throw Unsupported{"a condition uses `" + text_of(e) + "`"};
  }

  AV eval(const ast::Expr& e, const TableCells& tc, const std::vector<std::size_t>& cell,
          const input::TableSchema& t) const {
    auto boolean = [](int b) { return AV{true, b, {}}; };
    if (const auto* b = std::get_if<ast::BoolLit>(&e.node)) return boolean(b->value ? 1 : 0);
    if (auto lit = literal(e)) return AV{false, 2, Atom{false, false, *lit}};
    if (std::holds_alternative<ast::NameRef>(e.node)) {
      const auto* col = column_of(e, t);
      if (!col) throw Unsupported{"a condition uses `" + text_of(e) + "`"};
      if (col->derived) {
        const ast::Expr* d = derived_of(t, col->name);
        if (!d) throw Unsupported{"derived column `" + col->name + "` has no definition"};
        return eval(*d, tc, cell, t);
      }
      for (std::size_t k = 0; k < tc.columns.size(); ++k)
        if (tc.columns[k].column == col->name) {
          const Atom& a = tc.columns[k].values[cell[k]];
          if (col->type == input::ColumnType::Bool) return boolean(a.missing ? 2 : a.text == "true" ? 1 : 0);
          return AV{false, 2, a};
        }
      throw Unsupported{"column `" + col->name + "` has no cells"};
    }
    if (const auto* u = std::get_if<ast::Unary>(&e.node)) {
      AV x = eval(*u->operand, tc, cell, t);
      return boolean(x.b == 2 ? 2 : 1 - x.b);
    }
    if (const auto* b = std::get_if<ast::Binary>(&e.node)) {
      AV l = eval(*b->lhs, tc, cell, t), r = eval(*b->rhs, tc, cell, t);
      switch (b->op) {
        case ast::BinaryOp::And:
          return boolean(l.b == 0 || r.b == 0 ? 0 : l.b == 1 && r.b == 1 ? 1 : 2);
        case ast::BinaryOp::Or:
          return boolean(l.b == 1 || r.b == 1 ? 1 : l.b == 0 && r.b == 0 ? 0 : 2);
        default: {
          int eq;
          if (l.is_bool || r.is_bool) eq = l.b == 2 || r.b == 2 ? 2 : l.b == r.b;
          else if (l.atom.missing || r.atom.missing) eq = 2;
          else if (l.atom.other && r.atom.other) throw Unsupported{"a condition compares two columns"};
          else eq = !l.atom.other && !r.atom.other && l.atom.text == r.atom.text;
          if (eq == 2) return boolean(2);
          return boolean(b->op == ast::BinaryOp::Eq ? eq : 1 - eq);
        }
      }
    }
    if (const auto* in = std::get_if<ast::InList>(&e.node)) {
      AV x = eval(*in->value, tc, cell, t);
      if (x.is_bool ? x.b == 2 : x.atom.missing) return boolean(2);
      for (const auto& item : in->items) {
        AV y = eval(*item, tc, cell, t);
        if (x.is_bool ? (y.is_bool && x.b == y.b) : (!x.atom.other && x.atom.text == y.atom.text)) return boolean(1);
      }
      return boolean(0);
    }
    if (const auto* call = std::get_if<ast::Call>(&e.node)) {
      AV x = eval(*call->args[0], tc, cell, t);
      return boolean(x.is_bool ? x.b == 2 : x.atom.missing);
    }
    if (const auto* i = std::get_if<ast::If>(&e.node)) {
      AV c = eval(*i->cond, tc, cell, t);
      if (c.b == 2) return boolean(2);
      return eval(c.b ? *i->then_branch : *i->else_branch, tc, cell, t);
    }
    throw Unsupported{"a condition uses `" + text_of(e) + "`"};
  }

  void cells(const std::string& name, const TableUse& u) {
    TableCells tc;
    tc.table = name;
    std::size_t product = 1;
    for (const auto& col : u.schema->columns) {
      if (!u.columns.count(col.name)) continue;
      range::ColumnDomain d{col.name, {}};
      if (col.type == input::ColumnType::Bool) {
        d.values = {Atom{false, false, "false"}, Atom{false, false, "true"}};
      } else if (col.type == input::ColumnType::Enum) {
        for (const auto& v : col.enum_values) d.values.push_back(Atom{false, false, v});
      } else {
        if (auto it = u.literals.find(col.name); it != u.literals.end() && col.type == input::ColumnType::Text)
          for (const auto& l : it->second) d.values.push_back(Atom{false, false, l});
        else if (it != u.literals.end())
          throw Unsupported{"a condition compares column `" + col.name + "` with a literal of another type"};
        d.values.push_back(Atom{false, true, {}});
      }
      if (col.may_be_empty) d.values.push_back(Atom{true, false, {}});
      product *= d.values.size();
      if (product > kMaxCells)
        throw Unsupported{fmt::format("the conditions split the rows of `{}` into more than {} kinds", name, kMaxCells)};
      tc.columns.push_back(std::move(d));
    }
    std::vector<const ast::Expr*> filters;  // this table's counts
    for (const auto* agg : counts_)
      if (std::get<ast::Aggregate>(agg->node).table == name) filters.push_back(agg);
    std::vector<std::size_t> cell(tc.columns.size(), 0);
    tc.first_var = vars;
    for (std::size_t n = 0; n < product; ++n) {
      std::size_t rest = n;
      for (std::size_t k = tc.columns.size(); k-- > 0;) {
        cell[k] = rest % tc.columns[k].values.size();
        rest /= tc.columns[k].values.size();
      }
      bool keep = true;
      for (const auto* inv : invariants_[name])
        if (eval(*inv, tc, cell, *u.schema).b != 1) keep = false;  // a row the contract forbids
      std::vector<const ast::Expr*> in;
      for (const auto* agg : filters) {
        const auto& a = std::get<ast::Aggregate>(agg->node);
        const int b = a.filter ? eval(*a.filter, tc, cell, *u.schema).b : 1;
        if (b == 2) keep = false;  // such a row leaves the count undecided: the result is n/a
        if (b == 1) in.push_back(agg);
      }
      if (!keep) continue;
      for (const auto* agg : in) members[agg].push_back(vars);
      tc.cells.push_back(cell);
      ++vars;
    }
    for (const auto* agg : filters) members[agg];  // a count no cell passes is 0
    tables.push_back(std::move(tc));
  }
};

}  // namespace

namespace range {

std::optional<Rational> fold(const ast::Clause& c, const Checked& checked, const ast::Expr& e) {
  return fold_at(c, checked, e, 0);
}

Model model(const RuleSet& rules, const Checked& checked, const ClauseVersion& v, const ast::Expr& e) {
  Model m;
  Analysis a(rules, checked, v);
  try {
    a.build(e);
    Form f = a.sym(e);
    m.num = f.num;
    m.den = f.den;
  } catch (const Unsupported& u) {
    m.unsupported = u.reason;
  }
  m.tables = std::move(a.tables);
  m.divisions = std::move(a.divisions);
  m.members = std::move(a.members);
  m.vars = a.vars;
  return m;
}

std::vector<const ast::Expr*> counts_in(const RuleSet& rules, const Checked& checked, const ClauseVersion& v,
                                        const ast::Expr& e) {
  Analysis a(rules, checked, v);
  std::vector<const ast::Expr*> out;
  std::set<std::size_t> seen;
  a.counts_in_(e, out, seen);
  return out;
}

}  // namespace range
}  // namespace ereje::interp
