// The fold of an aggregate over one group's rows (one body's, or the whole table's when it belongs
// to no body), written once for every path that computes aggregates: the generic evaluator's row
// loops (Engine.hpp) on exact Values, and the kernels' pass (FastPass.cpp) on 64-bit integers,
// whose partial folds, one per thread, are merged in row order. Its rules (docs/language.md,
// "Aggregates"; docs/decisions.md):
//   count           the rows that pass the filter: 0 over no rows;
//   sum             0 over no rows, in the unit of the values: 0 days for day counts;
//   avg, min, max   n/a over no rows;
//   single          the value when exactly one row reached it, else n/a;
//   any kind        a row that leaves the filter or the value n/a makes the group's result n/a.
#pragma once
#include <cstddef>
#include <cstdint>

#include "grammar/Ast.hpp"
#include "interpreter/Checker.hpp"
#include "interpreter/Value.hpp"

namespace ereje::interp::fold {

// The kind of the values under `of`, by the checker's type: what an empty sum is zero of, and what
// the kernels' integers stand for. Number for a count, and for types no sum or kernel folds.
inline Kind value_kind(const Checked& checked, const ast::Expr* value) {
  if (!value) return Kind::Number;
  auto t = checked.types.find(value);
  if (t == checked.types.end()) return Kind::Number;
  return t->second == Type::Days ? Kind::Days : t->second == Type::Date ? Kind::Date : Kind::Number;
}

// One group's fold. T holds a value: an exact Value, or an int64 of the kernels (a whole number, a
// day count or a date's day number). Ops gives what the fold needs of T: Ops::add(total, v) adds as
// `+` does, Ops::less(a, b) orders as `<` does, Ops::value(v, kind) is v as a Value of that kind.
template <class T, class Ops>
struct Fold {
  std::int64_t rows = 0;           // rows folded: past the filter and, but for a count, with a value
  T acc{};                         // the sum (sum, avg), the best (min, max), the first (single)
  std::int64_t undecided_at = -1;  // the first row that left the filter or the value n/a, else -1

  bool undecided() const { return undecided_at >= 0; }
  void undecide(std::size_t row) {
    if (!undecided()) undecided_at = static_cast<std::int64_t>(row);
  }
  // `n` rows passed a count's filter.
  void count(std::int64_t n = 1) { rows += n; }
  // A row's value.
  void add(ast::AggregateKind kind, const T& v) { take(kind, v, 1); }
  // `later` folded the rows after this fold's rows: the two give the fold of them all, so partial
  // folds merged in row order give the same result however the rows were split.
  void merge(ast::AggregateKind kind, const Fold& later) {
    if (undecided()) return;
    if (later.undecided()) {
      undecided_at = later.undecided_at;
      return;
    }
    if (later.rows > 0) take(kind, later.acc, later.rows);
  }

  // The aggregate's value; `value_kind` as value_kind() gives it for the expression under `of`.
  Value finish(ast::AggregateKind kind, Kind value_kind) const {
    if (undecided()) return Value::missing();
    switch (kind) {
      case ast::AggregateKind::Count: return Value::number(Rational(rows));
      case ast::AggregateKind::Sum:
        if (rows > 0) return Ops::value(acc, value_kind);
        return value_kind == Kind::Days ? Value::days(Rational(0)) : Value::number(Rational(0));
      case ast::AggregateKind::Avg: {
        if (rows == 0) return Value::missing();
        Value v = Ops::value(acc, value_kind);
        v.num = v.num / Rational(rows);
        return v;
      }
      case ast::AggregateKind::Min:
      case ast::AggregateKind::Max: return rows > 0 ? Ops::value(acc, value_kind) : Value::missing();
      case ast::AggregateKind::Single:
        // Exactly one row, or not applicable: two rows for "the" value is inconsistent data.
        return rows == 1 ? Ops::value(acc, value_kind) : Value::missing();
    }
    return Value::missing();
  }

 private:
  // `n` rows whose fold is `v` (one row's value, or a later fold's accumulator).
  void take(ast::AggregateKind kind, const T& v, std::int64_t n) {
    if (rows == 0) {
      acc = v;
    } else {
      switch (kind) {
        case ast::AggregateKind::Sum:
        case ast::AggregateKind::Avg: Ops::add(acc, v); break;
        case ast::AggregateKind::Min: if (Ops::less(v, acc)) acc = v; break;
        case ast::AggregateKind::Max: if (Ops::less(acc, v)) acc = v; break;
        case ast::AggregateKind::Single:  // the first value stays; rows > 1 makes the result n/a
        case ast::AggregateKind::Count: break;
      }
    }
    rows += n;
  }
};

// The kernels' values: whole numbers, day counts and dates' day numbers, as int64 (sums stay within
// 64 bits: FastPass.hpp, kMaxBound).
struct IntOps {
  static void add(std::int64_t& total, std::int64_t v) { total += v; }
  static bool less(std::int64_t a, std::int64_t b) { return a < b; }
  static Value value(std::int64_t v, Kind kind) {
    if (kind == Kind::Date) return Value::date(Date{static_cast<std::int32_t>(v)});
    return kind == Kind::Days ? Value::days(Rational(v)) : Value::number(Rational(v));
  }
};
using IntFold = Fold<std::int64_t, IntOps>;

}  // namespace ereje::interp::fold
