// Canonical text of expressions: the one layout `fmt` writes and `explain`/`diff` show.
#include <fmt/format.h>

#include "grammar/Parser.hpp"

namespace ereje::ast {

const char* to_string(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Eq: return "=";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::And: return "and";
    case BinaryOp::Or: return "or";
  }
  return "?";
}

const char* to_string(AggregateKind k) {
  switch (k) {
    case AggregateKind::Count: return "count";
    case AggregateKind::Sum: return "sum";
    case AggregateKind::Min: return "min";
    case AggregateKind::Max: return "max";
    case AggregateKind::Avg: return "avg";
    case AggregateKind::Single: return "single";
  }
  return "?";
}

const char* to_string(NaPolicy p) {
  switch (p) {
    case NaPolicy::Unstated: return "";
    case NaPolicy::TotalNa: return "total n/a";
    case NaPolicy::Renormalise: return "renormalise";
    case NaPolicy::CountAs: return "as";
  }
  return "?";
}

const char* to_string(Rank::Ties t) {
  switch (t) {
    case Rank::Ties::Unstated: return "";
    case Rank::Ties::Shared: return "shared";
    case Rank::Ties::Dense: return "dense";
  }
  return "?";
}

const char* to_string(Rank::Place p) {
  switch (p) {
    case Rank::Place::Unstated: return "";
    case Rank::Place::Unranked: return "unranked";
    case Rank::Place::Last: return "last";
  }
  return "?";
}

const char* to_string(Evidence e) {
  switch (e) {
    case Evidence::Official: return "official";
    case Evidence::Seed: return "seed";
    case Evidence::Reconstructed: return "reconstructed";
    case Evidence::NotOnFile: return "not_on_file";
  }
  return "?";
}

}  // namespace ereje::ast

namespace ereje::grammar {
namespace {

int precedence(ast::BinaryOp op) {
  using ast::BinaryOp;
  switch (op) {
    case BinaryOp::Or: return 1;
    case BinaryOp::And: return 2;
    case BinaryOp::Eq: case BinaryOp::Ne: case BinaryOp::Lt: case BinaryOp::Le: case BinaryOp::Gt:
    case BinaryOp::Ge: return 4;
    case BinaryOp::Add: case BinaryOp::Sub: return 5;
    case BinaryOp::Mul: case BinaryOp::Div: return 6;
  }
  return 0;
}

int precedence(const ast::Expr& e) {
  return std::visit(
      [](const auto& n) -> int {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::Binary>) return precedence(n.op);
        else if constexpr (std::is_same_v<T, ast::Unary>) return n.op == ast::UnaryOp::Not ? 3 : 7;
        else if constexpr (std::is_same_v<T, ast::InList>) return 4;
        // `if` and aggregates extend as far right as they can: parenthesize them inside operators.
        else if constexpr (std::is_same_v<T, ast::If> || std::is_same_v<T, ast::Aggregate> || std::is_same_v<T, ast::Total>)
          return 0;
        else return 9;
      },
      e.node);
}


std::string print(const ast::Expr& e, int parent_prec);
std::string wrap(const ast::Expr& e, int min_prec);

std::string wrap(const ast::Expr& e, int min_prec) {
  std::string s = print(e, min_prec);
  return precedence(e) < min_prec ? "(" + s + ")" : s;
}

std::string print(const ast::Expr& e, int) {
  return std::visit(
      [&](const auto& n) -> std::string {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::NumberLit>) return n.text.empty() ? n.value.to_exact() : n.text;
        else if constexpr (std::is_same_v<T, ast::StringLit>) return quote_string(n.value);
        else if constexpr (std::is_same_v<T, ast::BoolLit>) return n.value ? "true" : "false";
        else if constexpr (std::is_same_v<T, ast::DateLit>) return format_date(n.value);
        else if constexpr (std::is_same_v<T, ast::NameRef>) return n.name;
        else if constexpr (std::is_same_v<T, ast::NaLit>) return n.not_on_file ? "not_on_file" : "n/a";
        else if constexpr (std::is_same_v<T, ast::Unary>) {
          if (n.op == ast::UnaryOp::Not) return "not " + wrap(*n.operand, 3);
          return "-" + wrap(*n.operand, 8);  // the operand of `-` is a primary: `-(-a)`, never `--a`
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          int p = precedence(n.op);
          // Left-associative: the right operand needs parentheses at equal precedence.
          // Comparisons do not chain: both sides need a higher precedence.
          int lp = p == 4 ? 5 : p, rp = p + 1;
          return wrap(*n.lhs, lp) + " " + ast::to_string(n.op) + " " + wrap(*n.rhs, rp);
        } else if constexpr (std::is_same_v<T, ast::If>) {
          return "if " + print(*n.cond, 0) + " then " + print(*n.then_branch, 0) + " else " + print(*n.else_branch, 0);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          std::string s = n.function + "(";
          for (std::size_t i = 0; i < n.args.size(); ++i) s += (i ? ", " : "") + print(*n.args[i], 0);
          return s + ")";
        } else if constexpr (std::is_same_v<T, ast::InList>) {
          std::string s = wrap(*n.value, 5) + " in [";
          for (std::size_t i = 0; i < n.items.size(); ++i) s += (i ? ", " : "") + print(*n.items[i], 0);
          return s + "]";
        } else if constexpr (std::is_same_v<T, ast::Aggregate>) {
          std::string s = std::string(ast::to_string(n.kind)) + " " + n.table;
          // `of` and `where` parts must not swallow each other: parenthesize an inner aggregate or if.
          if (n.value) s += " of " + wrap(*n.value, 1);
          if (n.filter) s += " where " + wrap(*n.filter, 1);
          return s;
        } else if constexpr (std::is_same_v<T, ast::ClauseRef>) {
          return n.name + " of clause " + n.clause;
        } else if constexpr (std::is_same_v<T, ast::Total>) {
          std::string s = "total of ";
          for (std::size_t i = 0; i < n.parts.size(); ++i) s += (i ? ", " : "") + print_total_part(n.parts[i]);
          return s + print_na_policy(n);
        }
      },
      e.node);
}

}  // namespace

std::string print_expr(const ast::Expr& e) { return print(e, 0); }

// A part's value, weight and fallback are sums (Grammar.hpp: total_part): anything looser is
// parenthesized, so that `weight` and `or` read as the part's, not the expression's.
std::string print_total_part(const ast::TotalPart& p) {
  std::string s = (p.deduct ? "deduct " : "") + wrap(*p.value, 5);
  if (p.weight) s += " weight " + wrap(*p.weight, 5);
  if (p.fallback) s += " or " + wrap(*p.fallback, 5);
  return s;
}

std::string print_na_policy(const ast::Total& t) {
  switch (t.policy) {
    case ast::NaPolicy::Unstated: return "";
    case ast::NaPolicy::TotalNa: return " when n/a total n/a";
    case ast::NaPolicy::Renormalise: return " when n/a renormalise";
    case ast::NaPolicy::CountAs: return " when n/a as " + wrap(*t.count_as, 5);
  }
  return "";
}


std::string quote_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') { out += "\\n"; continue; }
    if (c == '\t') { out += "\\t"; continue; }
    out += c;
  }
  return out + "\"";
}

}  // namespace ereje::grammar
