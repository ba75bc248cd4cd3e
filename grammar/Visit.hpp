// The one walk over expressions that every pass uses (checker, evaluator, explain, diff, data
// rules, language server): a preorder visit of a tree built on ast::for_each_child, so that a new
// kind of node is walked everywhere once for_each_child knows its children.
#pragma once
#include <type_traits>

#include "grammar/Ast.hpp"

namespace ereje::ast {

// Calls fn(node) on `e` and every expression below it, parents before children, in source order.
// `fn` returns void, or bool: false skips that node's children (e.g. the row expressions of an
// aggregate, evaluated row by row rather than once).
template <class F>
void walk(const Expr& e, F&& fn) {
  if constexpr (std::is_same_v<std::invoke_result_t<F&, const Expr&>, bool>) {
    if (!fn(e)) return;
  } else {
    fn(e);
  }
  for_each_child(e, [&](const Expr& c) { walk(c, fn); });
}

// Every node but the row expressions of aggregates: what is evaluated once per body.
template <class F>
void walk_outside_rows(const Expr& e, F&& fn) {
  walk(e, [&](const Expr& x) {
    fn(x);
    return !std::holds_alternative<Aggregate>(x.node);
  });
}

}  // namespace ereje::ast
