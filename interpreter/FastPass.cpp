// Kernels for the grouped pass. Each node fills a block of up to kBlock values; children fill
// scratch blocks of their own. Missing values propagate as kMiss; and/or are three-valued, as in
// the generic evaluator (Engine.hpp), whose results these must equal.
#include "interpreter/FastPass.hpp"

#include "core/Thread.hpp"
#include "interpreter/Fold.hpp"

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace ereje::interp::fast {
namespace {

constexpr std::size_t kBlock = 4096;  // rows per kernel call: scratch stays in the L1/L2 cache

using Buf = std::vector<std::int64_t>;

Compiled constant(std::int64_t v, Ty ty) {
  return {[v](std::size_t b, std::size_t e, std::int64_t* out) { std::fill(out, out + (e - b), v); }, ty,
          v < 0 ? -v : v};
}

// A whole number small enough for a kernel (kMaxBound), else nullopt.
std::optional<std::int64_t> small_whole(const Rational& q) {
  if (!q.is_integer() || Rational(kMaxBound) < q || q < Rational(-kMaxBound)) return std::nullopt;
  return q.to_int64();
}

// The bound of a + b or a * b, when within kMaxBound.
std::optional<std::int64_t> bound_sum(std::int64_t a, std::int64_t b) {
  return a + b <= kMaxBound ? std::optional<std::int64_t>(a + b) : std::nullopt;
}
std::optional<std::int64_t> bound_product(std::int64_t a, std::int64_t b) {
  return a == 0 || b <= kMaxBound / a ? std::optional<std::int64_t>(a * b) : std::nullopt;
}

// The size of any date that can be written, as days since 1970.
constexpr std::int64_t kDateBound = std::max<std::int64_t>(-kFirstDay, kLastDay);

// A day count as a date, or kMiss past the dates that can be written (as the generic evaluator).
std::int64_t as_date(std::int64_t d) { return d < kFirstDay || d > kLastDay ? kMiss : d; }

class Compiler {
 public:
  Compiler(const input::Table& t, const Checked& c, const Scalars& s) : table_(t), checked_(c), scalars_(s) {}

  std::optional<Compiled> expr(const ast::Expr& e) {
    if (++depth_ > 200) return std::nullopt;  // the parser bounds depth; this bounds inlining
    auto r = std::visit([&](const auto& n) { return node(e, n); }, e.node);
    --depth_;
    return r;
  }

 private:
  std::optional<Compiled> node(const ast::Expr&, const ast::NumberLit& n) {
    auto v = small_whole(n.value);
    if (!v) return std::nullopt;
    return constant(*v, Ty::Int);
  }
  std::optional<Compiled> node(const ast::Expr&, const ast::BoolLit& n) { return constant(n.value, Ty::Bool); }
  std::optional<Compiled> node(const ast::Expr&, const ast::DateLit& n) { return constant(n.value.days, Ty::Date); }
  std::optional<Compiled> node(const ast::Expr&, const ast::StringLit&) { return std::nullopt; }
  std::optional<Compiled> node(const ast::Expr&, const ast::NaLit&) { return std::nullopt; }
  std::optional<Compiled> node(const ast::Expr&, const ast::Aggregate&) { return std::nullopt; }
  // One value per body read from another clause, and totals: left to the generic evaluator.
  std::optional<Compiled> node(const ast::Expr&, const ast::ClauseRef&) { return std::nullopt; }
  std::optional<Compiled> node(const ast::Expr&, const ast::Total&) { return std::nullopt; }

  // A column of this table, when `e` is one.
  const input::Column* column_of(const ast::Expr& e) {
    auto it = checked_.bindings.find(&e);
    if (it == checked_.bindings.end() || it->second.kind != Binding::Kind::Column) return nullptr;
    if (!std::holds_alternative<ast::NameRef>(e.node)) return nullptr;
    return &table_.columns[it->second.index];
  }

  // The dictionary or enum code of a literal compared with a text column; nullopt if not a literal.
  std::optional<std::int64_t> literal_code(const ast::Expr& e, const input::Column& col) {
    std::string text;
    auto it = checked_.bindings.find(&e);
    if (it != checked_.bindings.end() &&
        (it->second.kind == Binding::Kind::EnumValue || it->second.kind == Binding::Kind::TextValue))
      text = it->second.text;
    else if (const auto* s = std::get_if<ast::StringLit>(&e.node))
      text = s->value;
    else
      return std::nullopt;
    if (col.schema->type == input::ColumnType::Enum) {
      const auto& vals = col.schema->enum_values;
      auto f = std::find(vals.begin(), vals.end(), text);
      return f == vals.end() ? -1 : static_cast<std::int64_t>(f - vals.begin());
    }
    return col.code_of(text);  // -1 when no row has it: never equal
  }

  std::optional<Compiled> node(const ast::Expr& e, const ast::NameRef&) {
    auto it = checked_.bindings.find(&e);
    if (it == checked_.bindings.end()) return std::nullopt;
    const Binding& b = it->second;
    switch (b.kind) {
      case Binding::Kind::Column: {
        reads_.push_back(b.index);
        const input::Column* col = &table_.columns[b.index];
        if (!col->loaded) throw std::logic_error("column " + col->schema->name + " was not loaded for this run");
        if (input::is_number(col->schema->type)) return number_column(*col);
        Ty ty = col->schema->type == input::ColumnType::Bool   ? Ty::Bool
                : col->schema->type == input::ColumnType::Date ? Ty::Date
                                                               : Ty::Code;
        return Compiled{[col](std::size_t bg, std::size_t en, std::int64_t* out) {
                          if (col->values.empty()) return std::fill(out, out + (en - bg), kMiss);
                          if (col->values.narrow()) {
                            const std::int8_t* v = col->values.bytes() + bg;
                            for (std::size_t i = 0; i < en - bg; ++i)
                              out[i] = v[i] == input::ColumnValues::kMissingByte ? kMiss : v[i];
                            return;
                          }
                          if (col->values.half()) {
                            const std::uint16_t* v = col->values.halves() + bg;
                            for (std::size_t i = 0; i < en - bg; ++i)
                              out[i] = v[i] == input::ColumnValues::kMissingHalf ? kMiss : v[i];
                            return;
                          }
                          const std::int32_t* v = col->values.wide() + bg;
                          for (std::size_t i = 0; i < en - bg; ++i) out[i] = v[i] == input::kMissing ? kMiss : v[i];
                        },
                        ty, ty == Ty::Date ? kDateBound : 1};
      }
      case Binding::Kind::AsOf: return constant(scalars_.as_of.days, Ty::Date);
      case Binding::Kind::Coefficient: {
        const Value* v = scalars_.coefficient ? scalars_.coefficient(b.index) : nullptr;
        if (!v || v->kind != Kind::Number) return std::nullopt;
        auto w = small_whole(v->num);
        if (!w) return std::nullopt;
        return constant(*w, Ty::Int);
      }
      case Binding::Kind::Let: {
        per_body_ = true;
        // A definition has one value per body; a table of no body has no body to pick it by.
        if (!table_.schema->per_agency || !scalars_.let_values) return std::nullopt;
        const std::vector<Value>* vals = scalars_.let_values(b.index);
        auto t = checked_.types.find(&e);
        if (!vals || t == checked_.types.end()) return std::nullopt;
        Ty ty;
        switch (t->second) {
          case Type::Bool: ty = Ty::Bool; break;
          case Type::Date: ty = Ty::Date; break;
          case Type::Days:
          case Type::Number: ty = Ty::Int; break;
          default: return std::nullopt;
        }
        auto per_body = std::make_shared<Buf>(vals->size());
        std::int64_t bound = ty == Ty::Date ? kDateBound : 1;
        for (std::size_t i = 0; i < vals->size(); ++i) {
          const Value& v = (*vals)[i];
          if (v.is_missing()) (*per_body)[i] = kMiss;
          else if (v.kind == Kind::Bool || v.kind == Kind::Date) (*per_body)[i] = v.i;
          else if (v.kind == Kind::Number || v.kind == Kind::Days) {
            auto w = small_whole(v.num);
            if (!w) return std::nullopt;
            (*per_body)[i] = *w;
            bound = std::max(bound, *w < 0 ? -*w : *w);
          } else return std::nullopt;
        }
        return table_.with_bodies([&](const auto& body) {
          return Compiled{[per_body, body](std::size_t bg, std::size_t en, std::int64_t* out) {
                            for (std::size_t i = bg; i < en; ++i) out[i - bg] = (*per_body)[static_cast<std::size_t>(body[i])];
                          },
                          ty, bound};
        });
      }
      case Binding::Kind::Param:
        if (!params_ || b.index >= params_->size()) return std::nullopt;
        return (*params_)[b.index];
      case Binding::Kind::EnumValue:
      case Binding::Kind::TextValue: return std::nullopt;
    }
    return std::nullopt;
  }

  static Compiled unary_op(Compiled a, Ty ty, std::int64_t (*f)(std::int64_t)) {
    const std::int64_t bound = a.bound;
    return {[k = std::move(a.kernel), f](std::size_t b, std::size_t e, std::int64_t* out) {
              k(b, e, out);
              for (std::size_t i = 0; i < e - b; ++i) out[i] = out[i] == kMiss ? kMiss : f(out[i]);
            },
            ty, bound};
  }

  template <typename F>
  static Compiled binary_op(Compiled a, Compiled c, Ty ty, F f, std::int64_t bound = 1) {
    return {[ka = std::move(a.kernel), kc = std::move(c.kernel), f](std::size_t b, std::size_t e, std::int64_t* out) {
              Buf rhs(e - b);
              ka(b, e, out);
              kc(b, e, rhs.data());
              for (std::size_t i = 0; i < e - b; ++i)
                out[i] = (out[i] == kMiss || rhs[i] == kMiss) ? kMiss : f(out[i], rhs[i]);
            },
            ty, bound};
  }

  std::optional<Compiled> node(const ast::Expr&, const ast::Unary& u) {
    auto a = expr(*u.operand);
    if (!a) return std::nullopt;
    if (u.op == ast::UnaryOp::Not) {
      if (a->ty != Ty::Bool) return std::nullopt;
      return unary_op(std::move(*a), Ty::Bool, [](std::int64_t v) -> std::int64_t { return !v; });
    }
    if (a->ty != Ty::Int) return std::nullopt;
    return unary_op(std::move(*a), Ty::Int, [](std::int64_t v) { return -v; });
  }

  // A number column whose values are all whole numbers below 2^31 in size, as a date's day count
  // is: each row's value through a table by code (a sum over the row limit then fits 64 bits). A
  // column with fractions or larger numbers is left to the generic evaluator's exact rationals.
  std::optional<Compiled> number_column(const input::Column& col) {
    auto ints = std::make_shared<std::vector<std::int64_t>>();
    ints->reserve(col.numbers.size());
    const Rational limit(std::int64_t{1} << 31);
    for (const Rational& q : col.numbers) {
      if (!q.is_integer() || limit < q || q < -limit) return std::nullopt;
      ints->push_back(q.to_int64());
    }
    const input::Column* c = &col;
    return Compiled{[c, ints](std::size_t bg, std::size_t en, std::int64_t* out) {
                      if (c->values.empty()) return std::fill(out, out + (en - bg), kMiss);
                      const std::int32_t* v = c->values.wide() + bg;
                      for (std::size_t i = 0; i < en - bg; ++i)
                        out[i] = v[i] == input::kMissing ? kMiss : (*ints)[static_cast<std::size_t>(v[i])];
                    },
                    Ty::Int, std::int64_t{1} << 31};
  }

  // Text and enum columns hold codes that a literal can be compared with.
  static bool coded(const input::Column* col) {
    return col && (col->schema->type == input::ColumnType::Text || col->schema->type == input::ColumnType::Enum);
  }

  // `column = literal`, either way round: compares dictionary codes.
  std::optional<Compiled> code_compare(const ast::Expr& col_e, const ast::Expr& lit_e, bool equal) {
    const input::Column* col = column_of(col_e);
    if (!coded(col)) return std::nullopt;
    auto code = literal_code(lit_e, *col);
    if (!code) return std::nullopt;
    auto k = expr(col_e);
    if (!k) return std::nullopt;
    std::int64_t c = *code;
    return Compiled{[kk = std::move(k->kernel), c, equal](std::size_t b, std::size_t e, std::int64_t* out) {
                      kk(b, e, out);
                      for (std::size_t i = 0; i < e - b; ++i) out[i] = out[i] == kMiss ? kMiss : ((out[i] == c) == equal);
                    },
                    Ty::Bool};
  }

  std::optional<Compiled> node(const ast::Expr&, const ast::Binary& bn) {
    using ast::BinaryOp;
    if (bn.op == BinaryOp::Eq || bn.op == BinaryOp::Ne) {
      bool eq = bn.op == BinaryOp::Eq;
      if (coded(column_of(*bn.lhs))) return code_compare(*bn.lhs, *bn.rhs, eq);
      if (coded(column_of(*bn.rhs))) return code_compare(*bn.rhs, *bn.lhs, eq);
    }
    auto a = expr(*bn.lhs);
    if (!a) return std::nullopt;
    auto c = expr(*bn.rhs);
    if (!c) return std::nullopt;
    if (a->ty == Ty::Code || c->ty == Ty::Code) return std::nullopt;  // text of different sources
    switch (bn.op) {
      case BinaryOp::And:
      case BinaryOp::Or: {
        if (a->ty != Ty::Bool || c->ty != Ty::Bool) return std::nullopt;
        bool is_and = bn.op == BinaryOp::And;
        return Compiled{[ka = std::move(a->kernel), kc = std::move(c->kernel), is_and](std::size_t b, std::size_t e,
                                                                                        std::int64_t* out) {
                          Buf rhs(e - b);
                          ka(b, e, out);
                          kc(b, e, rhs.data());
                          // Three-valued: false and n/a = false; true or n/a = true.
                          const std::int64_t decisive = is_and ? 0 : 1;
                          for (std::size_t i = 0; i < e - b; ++i) {
                            std::int64_t x = out[i], y = rhs[i];
                            if (x == decisive || y == decisive) out[i] = decisive;
                            else if (x == kMiss || y == kMiss) out[i] = kMiss;
                            else out[i] = 1 - decisive;
                          }
                        },
                        Ty::Bool};
      }
      case BinaryOp::Eq: if (a->ty != c->ty) return std::nullopt; return binary_op(std::move(*a), std::move(*c), Ty::Bool, [](std::int64_t x, std::int64_t y) -> std::int64_t { return x == y; });
      case BinaryOp::Ne: if (a->ty != c->ty) return std::nullopt; return binary_op(std::move(*a), std::move(*c), Ty::Bool, [](std::int64_t x, std::int64_t y) -> std::int64_t { return x != y; });
      case BinaryOp::Lt: if (a->ty != c->ty || a->ty == Ty::Bool) return std::nullopt; return binary_op(std::move(*a), std::move(*c), Ty::Bool, [](std::int64_t x, std::int64_t y) -> std::int64_t { return x < y; });
      case BinaryOp::Le: if (a->ty != c->ty || a->ty == Ty::Bool) return std::nullopt; return binary_op(std::move(*a), std::move(*c), Ty::Bool, [](std::int64_t x, std::int64_t y) -> std::int64_t { return x <= y; });
      case BinaryOp::Gt: if (a->ty != c->ty || a->ty == Ty::Bool) return std::nullopt; return binary_op(std::move(*a), std::move(*c), Ty::Bool, [](std::int64_t x, std::int64_t y) -> std::int64_t { return x > y; });
      case BinaryOp::Ge: if (a->ty != c->ty || a->ty == Ty::Bool) return std::nullopt; return binary_op(std::move(*a), std::move(*c), Ty::Bool, [](std::int64_t x, std::int64_t y) -> std::int64_t { return x >= y; });
      // Sizes are bounded (Compiled::bound), so no operation overflows; a date moved past the dates
      // that can be written is n/a, as in the generic evaluator.
      case BinaryOp::Add: {
        Ty ty = (a->ty == Ty::Date || c->ty == Ty::Date) ? Ty::Date : Ty::Int;
        if (a->ty == Ty::Code || c->ty == Ty::Code) return std::nullopt;
        if (a->ty == Ty::Bool || c->ty == Ty::Bool || (a->ty == Ty::Date && c->ty == Ty::Date)) return std::nullopt;
        auto bound = bound_sum(a->bound, c->bound);
        if (!bound) return std::nullopt;
        if (ty == Ty::Date)
          return binary_op(std::move(*a), std::move(*c), ty, [](std::int64_t x, std::int64_t y) { return as_date(x + y); },
                           kDateBound);
        return binary_op(std::move(*a), std::move(*c), ty, [](std::int64_t x, std::int64_t y) { return x + y; }, *bound);
      }
      case BinaryOp::Sub: {
        if (a->ty == Ty::Code || c->ty == Ty::Code) return std::nullopt;
        if (a->ty == Ty::Bool || c->ty == Ty::Bool || (a->ty == Ty::Int && c->ty == Ty::Date)) return std::nullopt;
        Ty ty = (a->ty == Ty::Date && c->ty == Ty::Int) ? Ty::Date : Ty::Int;
        auto bound = bound_sum(a->bound, c->bound);
        if (!bound) return std::nullopt;
        if (ty == Ty::Date)
          return binary_op(std::move(*a), std::move(*c), ty, [](std::int64_t x, std::int64_t y) { return as_date(x - y); },
                           kDateBound);
        return binary_op(std::move(*a), std::move(*c), ty, [](std::int64_t x, std::int64_t y) { return x - y; }, *bound);
      }
      case BinaryOp::Mul: {
        if (a->ty != Ty::Int || c->ty != Ty::Int) return std::nullopt;
        auto bound = bound_product(a->bound, c->bound);
        if (!bound) return std::nullopt;
        return binary_op(std::move(*a), std::move(*c), Ty::Int, [](std::int64_t x, std::int64_t y) { return x * y; },
                         *bound);
      }
      case BinaryOp::Div: return std::nullopt;  // fractions: the generic evaluator's exact rationals
    }
    return std::nullopt;
  }

  std::optional<Compiled> node(const ast::Expr&, const ast::If& f) {
    auto c = expr(*f.cond);
    auto t = expr(*f.then_branch);
    auto e = expr(*f.else_branch);
    if (!c || !t || !e || c->ty != Ty::Bool || t->ty != e->ty || t->ty == Ty::Code) return std::nullopt;
    const std::int64_t bound = std::max(t->bound, e->bound);
    return Compiled{[kc = std::move(c->kernel), kt = std::move(t->kernel), ke = std::move(e->kernel)](
                        std::size_t b, std::size_t en, std::int64_t* out) {
                      Buf tv(en - b), ev(en - b);
                      kc(b, en, out);
                      kt(b, en, tv.data());
                      ke(b, en, ev.data());
                      for (std::size_t i = 0; i < en - b; ++i) out[i] = out[i] == kMiss ? kMiss : out[i] ? tv[i] : ev[i];
                    },
                    t->ty, bound};
  }

  std::optional<Compiled> node(const ast::Expr&, const ast::InList& in) {
    const input::Column* col = column_of(*in.value);
    if (!coded(col)) return std::nullopt;
    std::vector<std::int64_t> codes;
    for (const auto& item : in.items) {
      auto c = literal_code(*item, *col);
      if (!c) return std::nullopt;
      codes.push_back(*c);
    }
    auto k = expr(*in.value);
    if (!k) return std::nullopt;
    return Compiled{[kk = std::move(k->kernel), codes](std::size_t b, std::size_t e, std::int64_t* out) {
                      kk(b, e, out);
                      for (std::size_t i = 0; i < e - b; ++i) {
                        const std::int64_t v = out[i];
                        if (v == kMiss) continue;
                        bool hit = false;
                        for (std::int64_t c : codes) hit |= v == c;
                        out[i] = hit;
                      }
                    },
                    Ty::Bool};
  }

  std::optional<Compiled> node(const ast::Expr& e, const ast::Call& c) {
    if (auto b = checked_.builtins.find(&e); b != checked_.builtins.end()) {
      if (c.args.size() != 1) return std::nullopt;
      auto a = expr(*c.args[0]);
      if (!a) return std::nullopt;
      switch (b->second) {
        case Builtin::Missing:
          return Compiled{[k = std::move(a->kernel)](std::size_t bg, std::size_t en, std::int64_t* out) {
                            k(bg, en, out);
                            for (std::size_t i = 0; i < en - bg; ++i) out[i] = out[i] == kMiss;
                          },
                          Ty::Bool};
        case Builtin::Days:
          if (a->ty != Ty::Int) return std::nullopt;
          return a;
        default: return std::nullopt;  // round, year, month, day: the generic evaluator
      }
    }
    auto f = checked_.calls.find(&e);
    if (f == checked_.calls.end()) return std::nullopt;
    // A function is inlined: its parameters become the compiled arguments.
    std::vector<Compiled> args;
    for (const auto& a : c.args) {
      auto k = expr(*a);
      if (!k) return std::nullopt;
      args.push_back(std::move(*k));
    }
    const std::vector<Compiled>* saved = params_;
    params_ = &args;
    auto body = expr(*f->second->body);
    params_ = saved;
    return body;
  }

  const input::Table& table_;
  const Checked& checked_;
  const Scalars& scalars_;
  const std::vector<Compiled>* params_ = nullptr;
  int depth_ = 0;

 public:
  std::vector<std::size_t> reads_;  // the columns the kernels compiled so far read
  bool per_body_ = false;           // some kernel reads a definition's value for the row's body
};

// At most this many classes of rows (combinations of enum and boolean values) in one grouped
// count: the counts of one body's rows by class are kept in a small array, cleared for each body.
constexpr std::size_t kMaxClasses = 512;
// The largest table of tallies by body and class for one thread's rows (4 bytes each): 64 MiB.
constexpr std::size_t kMaxTally = std::size_t{1} << 24;

// Digits of a column in a class: its codes, then one for a missing value; 0 when it has no small
// set of values.
std::size_t digits_of(const input::Column& col) {
  switch (col.schema->type) {
    case input::ColumnType::Enum: return col.schema->enum_values.size() + 1;
    case input::ColumnType::Bool: return 3;
    default: return 0;
  }
}

// Fills `r.columns` and `r.truth` when the true/false kernel `r` of `e` reads only enum and boolean
// columns: the expression is compiled once more over a table whose rows are every combination of
// those columns' values, and that kernel's value on each is the truth table.
void classify(Compiled& r, const ast::Expr& e, const input::Table& table, const Checked& checked,
              const Scalars& scalars, std::vector<std::size_t> reads) {
  std::sort(reads.begin(), reads.end());
  reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
  std::size_t classes = 1;
  for (std::size_t c : reads) {
    const input::Column& col = table.columns[c];
    const std::size_t d = digits_of(col);
    if (d == 0 || col.values.size() != table.rows) return;
    classes *= d;
    if (classes > kMaxClasses) return;
  }
  input::Table every;
  every.schema = table.schema;
  every.present = table.present;
  every.rows = classes;
  every.columns.resize(table.columns.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    every.columns[c].bind(table.columns[c].schema);
    every.columns[c].present = table.columns[c].present;
  }
  std::size_t stride = 1;
  for (std::size_t c : reads) {
    const std::size_t d = digits_of(table.columns[c]);
    auto& values = every.columns[c].values;
    values.resize(classes);
    for (std::size_t k = 0; k < classes; ++k) {
      const std::size_t digit = k / stride % d;
      values.set(k, digit == d - 1 ? input::kMissing : static_cast<std::int32_t>(digit));
    }
    stride *= d;
  }
  Compiler again(every, checked, scalars);
  auto k = again.expr(e);
  if (!k || k->ty != Ty::Bool || again.per_body_) return;
  Buf out(classes);
  k->kernel(0, classes, out.data());
  r.columns = std::move(reads);
  r.truth.resize(classes);
  for (std::size_t i = 0; i < classes; ++i) r.truth[i] = out[i] == kMiss ? 2 : out[i] != 0 ? 1 : 0;
}

// One task's folds over some rows, by group.
using Acc = std::vector<fold::IntFold>;

// A count over a block with no undecided row (the common case): a body's rows come together, so its
// count is kept in a register while the body stays the same. Counts of a body already undecided are
// added too, and ignored with it. Returns false, touching nothing, when some row is undecided: the
// general loop then finds the first one.
bool count_block(const input::Table& table, std::size_t b, std::size_t e, const std::int64_t* cond, Acc& folds) {
  const std::size_t n = e - b;
  if (cond) {
    bool undecided = false;
    for (std::size_t i = 0; i < n; ++i) undecided |= cond[i] == kMiss;
    if (undecided) return false;
  }
  if (!table.schema->per_agency) {
    std::int64_t c = 0;
    if (cond) {
      for (std::size_t i = 0; i < n; ++i) c += cond[i] != 0;
    } else {
      c = static_cast<std::int64_t>(n);
    }
    folds[0].count(c);
    return true;
  }
  return table.with_bodies([&](const auto& body) {
    std::int32_t g = body[b];
    std::int64_t c = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::int32_t here = body[b + i];
      if (here != g) {
        folds[static_cast<std::size_t>(g)].count(c);
        g = here;
        c = 0;
      }
      c += cond ? cond[i] != 0 : 1;
    }
    folds[static_cast<std::size_t>(g)].count(c);
    return true;
  });
}

void accumulate(const input::Table& table, std::size_t begin, std::size_t end, std::vector<FastTask*>& tasks,
                std::vector<Acc>& accs) {
  const std::size_t block = std::min(kBlock, end - begin);  // a test's table has a few rows
  Buf cond(block), val(block);
  const bool per_body = table.schema->per_agency;
  table.with_bodies([&](const auto& body) {
    for (std::size_t b = begin; b < end; b += kBlock) {
      std::size_t e = std::min(end, b + kBlock);
      for (std::size_t k = 0; k < tasks.size(); ++k) {
        FastTask& t = *tasks[k];
        Acc& a = accs[k];
        if (t.filter) t.filter->kernel(b, e, cond.data());
        if (t.value) t.value->kernel(b, e, val.data());
        if (!t.value && count_block(table, b, e, t.filter ? cond.data() : nullptr, a)) continue;
        for (std::size_t i = 0; i < e - b; ++i) {
          fold::IntFold& f = a[per_body ? static_cast<std::size_t>(body[b + i]) : 0];
          if (f.undecided()) continue;
          if (t.filter) {
            if (cond[i] == kMiss) { f.undecide(b + i); continue; }
            if (!cond[i]) continue;
          }
          if (!t.value) { f.count(); continue; }
          if (val[i] == kMiss) { f.undecide(b + i); continue; }
          f.add(t.kind, val[i]);
        }
      }
    }
  });
}

// Counts whose filter has a truth table (or that have no filter), all in one pass: each row's
// class (the combination of the enum and boolean values the filters read) is counted for the
// body's run of rows, and at the end of the run each count adds up the classes its filter keeps.
// A run with a row of a class some filter cannot decide gives that count its first such row.
struct ClassCounts {
  struct Digit {
    const input::ColumnValues* values;  // an enum or a boolean column, of either width
    std::uint32_t digits, stride;
  };
  std::vector<Digit> digits;  // the columns of every filter, ascending
  std::size_t classes = 1;
  struct Count {
    std::size_t task = 0;               // index in the tasks of run()
    std::vector<std::uint32_t> kept;    // classes the filter keeps
    std::vector<char> undecided;        // by class: the filter is n/a
    bool any_undecided = false;
  };
  std::vector<Count> counts;

  // The counts among `tasks` that this pass can take; false when there are none (or too many classes).
  bool build(const input::Table& table, const std::vector<FastTask*>& tasks) {
    std::vector<std::size_t> cols;
    for (const FastTask* t : tasks)
      if (!t->value && t->filter && !t->filter->truth.empty()) cols.insert(cols.end(), t->filter->columns.begin(), t->filter->columns.end());
    std::sort(cols.begin(), cols.end());
    cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
    std::vector<std::uint32_t> stride_of(table.columns.size(), 0), digits_of_col(table.columns.size(), 0);
    for (std::size_t c : cols) {
      const std::size_t d = digits_of(table.columns[c]);
      if (d == 0 || table.columns[c].values.size() != table.rows || classes * d > kMaxClasses) return false;
      digits.push_back({&table.columns[c].values, static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(classes)});
      stride_of[c] = static_cast<std::uint32_t>(classes);
      digits_of_col[c] = static_cast<std::uint32_t>(d);
      classes *= d;
    }
    for (std::size_t k = 0; k < tasks.size(); ++k) {
      const FastTask& t = *tasks[k];
      if (t.value || (t.filter && t.filter->truth.empty())) continue;
      Count n;
      n.task = k;
      n.undecided.assign(classes, 0);
      for (std::size_t j = 0; j < classes; ++j) {
        std::int8_t v = 1;
        if (t.filter) {
          // This class's digits of the filter's own columns, placed by the filter's strides.
          std::size_t own = 0, own_stride = 1;
          for (std::size_t c : t.filter->columns) {
            own += j / stride_of[c] % digits_of_col[c] * own_stride;
            own_stride *= digits_of_col[c];
          }
          v = t.filter->truth[own];
        }
        if (v == 1) n.kept.push_back(static_cast<std::uint32_t>(j));
        if (v == 2) n.undecided[j] = 1, n.any_undecided = true;
      }
      counts.push_back(std::move(n));
    }
    return !counts.empty();
  }

  std::uint32_t class_of(std::size_t r) const {
    std::uint32_t k = 0;
    for (const Digit& d : digits) {
      const std::int32_t v = (*d.values)[r];
      k += (v == input::kMissing ? d.digits - 1 : static_cast<std::uint32_t>(v)) * d.stride;
    }
    return k;
  }

  // Rows [begin, end): counts into accs[task] (the tasks of `counts` only). Each row's class is
  // tallied by body and class in one table, whatever order the bodies' rows come in; the counts
  // add up their classes once per body at the end. A table too large for that (bodies x classes)
  // counts run by run of one body's rows instead, which is as fast only when rows come by body.
  void pass(const input::Table& table, std::size_t begin, std::size_t end, std::vector<Acc>& accs) const {
    const std::size_t groups = counts.empty() ? 0 : accs[counts.front().task].size();
    if (groups * classes <= kMaxTally) {
      table.with_bodies([&](const auto& body) { pass_by_body(table, body, begin, end, groups, accs); });
      return;
    }
    table.with_bodies([&](const auto& body) { pass_by_run(table, body, begin, end, accs); });
  }

  // The classes of rows [b, b + n) into out[0 .. n). Sixteen bits a class (kMaxClasses): the
  // loops below are vectorized eight rows an instruction (CMakeLists.txt).
  static_assert(kMaxClasses <= 65536, "a class is 16 bits");
  void classes_of(std::size_t b, std::size_t n, std::uint16_t* out) const {
    std::fill(out, out + n, std::uint16_t{0});
    for (const Digit& d : digits) {
      // Locals: the stores to `out` could alias the Digit's fields, which would be read again
      // on every row and keep the loop from being vectorized.
      const auto count = static_cast<std::uint16_t>(d.digits), stride = static_cast<std::uint16_t>(d.stride);
      std::uint16_t bad = 0;
      if (d.values->narrow()) {
        // A byte's code is below 127 or the missing value (-128): 0 .. count - 1 after the
        // missing one is turned into the last digit.
        const std::int8_t* const v = d.values->bytes() + b;
        for (std::size_t i = 0; i < n; ++i) {
          const std::uint16_t digit = v[i] == input::ColumnValues::kMissingByte
                                          ? static_cast<std::uint16_t>(count - 1)
                                          : static_cast<std::uint16_t>(static_cast<std::uint8_t>(v[i]));
          bad |= digit >= count;
          out[i] = static_cast<std::uint16_t>(out[i] + digit * stride);
        }
      } else {
        const std::int32_t* const v = d.values->wide() + b;
        for (std::size_t i = 0; i < n; ++i) {
          const std::uint32_t digit = v[i] == input::kMissing ? count - 1u : static_cast<std::uint32_t>(v[i]);
          bad |= digit >= count;
          out[i] = static_cast<std::uint16_t>(out[i] + digit * stride);
        }
      }
      if (bad) throw std::logic_error("grouped count: a code outside its column's values");
    }
  }

  // The tally is by class met and body: the classes are numbered in the order the rows meet them,
  // each with a counter per body, one class after another. Rows fall in few of the combinations
  // the filters' columns allow (a required column is never empty; `main` and `subtype` exclude
  // each other): on the methodology's rows 24 of 324, so the tally stays in the cache whatever
  // the order of the bodies' rows, and only the counters of classes met are made and cleared.
  // `body`: Table::with_bodies's accessor (read only when the table is per body).
  template <class Body>
  void pass_by_body(const input::Table& table, const Body& body, std::size_t begin, std::size_t end, std::size_t groups,
                    std::vector<Acc>& accs) const {
    const bool per_body = table.schema->per_agency;
    std::vector<char> undecidable(classes, 0);  // some count's filter is n/a for rows of this class
    bool any_undecidable = false;
    for (const Count& n : counts)
      for (std::size_t j = 0; j < classes; ++j)
        if (n.undecided[j]) undecidable[j] = 1, any_undecidable = true;
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> number(classes, kNone);  // class -> its number in the order met
    std::vector<std::uint32_t> met;                     // number -> class
    std::vector<std::uint32_t> tally, first;  // [number * groups + body]; first: the first row of an undecidable class
    auto meet = [&](std::uint32_t c) {
      number[c] = static_cast<std::uint32_t>(met.size());
      met.push_back(c);
      tally.resize(tally.size() + groups, 0);
      if (any_undecidable) first.resize(first.size() + groups, kNone);
      return number[c];
    };
    std::vector<std::uint16_t> cls(std::min(kBlock, end - begin));  // a test's table has a few rows
    for (std::size_t b = begin; b < end; b += kBlock) {
      const std::size_t n = std::min(end, b + kBlock) - b;
      classes_of(b, n, cls.data());
      std::uint32_t* t = tally.data();
      for (std::size_t i = 0; i < n; ++i) {
        std::uint32_t k = number[cls[i]];
        if (k == kNone) [[unlikely]] {
          k = meet(cls[i]);
          t = tally.data();
        }
        const std::size_t at = k * groups + (per_body ? static_cast<std::size_t>(body[b + i]) : 0);
        ++t[at];
        if (any_undecidable && undecidable[cls[i]] && first[at] == kNone) first[at] = static_cast<std::uint32_t>(b + i);
      }
    }
    std::vector<char> keep(classes);
    std::vector<std::int64_t> sum(groups);
    std::vector<std::uint32_t> undecided_row(groups);
    for (const Count& n : counts) {
      std::fill(keep.begin(), keep.end(), 0);
      for (std::uint32_t j : n.kept) keep[j] = 1;
      std::fill(sum.begin(), sum.end(), 0);
      std::fill(undecided_row.begin(), undecided_row.end(), kNone);
      for (std::size_t k = 0; k < met.size(); ++k) {
        const std::uint32_t* const t = tally.data() + k * groups;
        if (keep[met[k]])
          for (std::size_t g = 0; g < groups; ++g) sum[g] += t[g];
        if (n.undecided[met[k]])
          for (std::size_t g = 0; g < groups; ++g)
            if (t[g]) undecided_row[g] = std::min(undecided_row[g], first[k * groups + g]);
      }
      for (std::size_t g = 0; g < groups; ++g) {
        fold::IntFold& f = accs[n.task][g];
        if (f.undecided()) continue;
        if (undecided_row[g] != kNone) f.undecide(undecided_row[g]);
        else f.count(sum[g]);
      }
    }
  }

  template <class Body>
  void pass_by_run(const input::Table& table, const Body& body, std::size_t begin, std::size_t end,
                   std::vector<Acc>& accs) const {
    const bool per_body = table.schema->per_agency;
    std::vector<std::uint32_t> in_run(classes, 0);
    std::vector<std::uint16_t> cls(std::min(kBlock, end - begin));  // a test's table has a few rows
    std::int32_t g = -1;
    std::size_t run_start = begin;
    auto close_run = [&] {
      if (g >= 0) {
        const auto gi = static_cast<std::size_t>(g);
        for (const Count& n : counts) {
          fold::IntFold& f = accs[n.task][gi];
          if (f.undecided()) continue;
          bool undecided = false;
          if (n.any_undecided)
            for (std::size_t j = 0; j < classes && !undecided; ++j) undecided = in_run[j] && n.undecided[j];
          if (undecided) {
            std::size_t r = run_start;
            while (!n.undecided[class_of(r)]) ++r;
            f.undecide(r);
            continue;
          }
          std::int64_t c = 0;
          for (std::uint32_t j : n.kept) c += in_run[j];
          f.count(c);
        }
      }
      std::fill(in_run.begin(), in_run.end(), 0);
    };
    for (std::size_t b = begin; b < end; b += kBlock) {
      const std::size_t n = std::min(end, b + kBlock) - b;
      std::uint16_t* const out = cls.data();
      classes_of(b, n, out);
      std::uint32_t* const tally = in_run.data();
      for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t gi = per_body ? body[b + i] : 0;
        if (gi != g) [[unlikely]] {
          close_run();
          g = gi;
          run_start = b + i;
        }
        ++tally[out[i]];
      }
    }
    close_run();
  }
};

}  // namespace

std::optional<Compiled> compile(const ast::Expr& e, const input::Table& table, const Checked& checked,
                                const Scalars& scalars) {
  Compiler c(table, checked, scalars);
  auto r = c.expr(e);
  if (r && r->ty == Ty::Bool && !c.per_body_) classify(*r, e, table, checked, scalars, c.reads_);
  return r;
}

unsigned default_threads() {
  if (const char* env = std::getenv("EREJE_THREADS")) {
    int n = std::atoi(env);
    if (n >= 1 && n <= 256) return static_cast<unsigned>(n);
  }
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

void run(const input::Table& table, std::size_t groups, std::vector<FastTask*>& tasks, unsigned threads) {
  std::size_t rows = table.rows;
  // Small tables are not worth a thread.
  unsigned n = rows < 100000 ? 1 : std::max(1u, threads);
  std::vector<std::vector<Acc>> per_thread(n, std::vector<Acc>(tasks.size(), Acc(groups)));
  // The counts the class pass takes; the others run their kernels.
  ClassCounts by_class;
  std::vector<FastTask*> others;
  std::vector<std::size_t> other_index;
  {
    std::vector<char> taken(tasks.size(), 0);
    if (by_class.build(table, tasks))
      for (const auto& c : by_class.counts) taken[c.task] = 1;
    for (std::size_t k = 0; k < tasks.size(); ++k)
      if (!taken[k]) others.push_back(tasks[k]), other_index.push_back(k);
  }
  auto work = [&](unsigned i, std::size_t b, std::size_t e) {
    if (!by_class.counts.empty()) by_class.pass(table, b, e, per_thread[i]);
    if (others.empty()) return;
    std::vector<Acc> accs(others.size(), Acc(groups));
    accumulate(table, b, e, others, accs);
    for (std::size_t k = 0; k < others.size(); ++k) per_thread[i][other_index[k]] = std::move(accs[k]);
  };
  // Contiguous slices in row order, merged in the same order: the same sums, counts and first
  // undecided rows at every thread count.
  auto slice = [&](unsigned i) { return std::pair{rows * i / n, rows * (i + 1) / n}; };
  std::vector<Thread> pool;  // stacks of a stated size (core/Thread.hpp): kernels nest
  for (unsigned i = 1; i < n; ++i)
    pool.emplace_back([&, i] { auto [b, e] = slice(i); work(i, b, e); });
  { auto [b, e] = slice(0); work(0, b, e); }
  for (auto& th : pool) th.join();

  // The later slices merged into the first's folds in place (a fold of no rows merged first
  // changes nothing): no third set of folds, which with many bodies is megabytes of fresh pages.
  for (std::size_t k = 0; k < tasks.size(); ++k) {
    FastTask& t = *tasks[k];
    Acc& total = per_thread[0][k];
    for (unsigned i = 1; i < n; ++i) {
      for (std::size_t g = 0; g < groups; ++g) total[g].merge(t.kind, per_thread[i][k][g]);
      Acc().swap(per_thread[i][k]);
    }
    t.first_undecided.resize(groups);
    t.result.resize(groups);
    for (std::size_t g = 0; g < groups; ++g) {
      t.first_undecided[g] = total[g].undecided_at;
      t.result[g] = total[g].finish(t.kind, t.value_kind);
    }
  }
}

}  // namespace ereje::interp::fast
