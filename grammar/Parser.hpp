// Stage 1: rule-file text -> AST. Reports every broken top-level item of a file, not only the
// first: after a syntax error it skips to the next line that starts a clause, function or act.
#pragma once
#include <cstdint>
#include <string>

#include "core/Diagnostic.hpp"
#include "grammar/Ast.hpp"

namespace ereje::grammar {

// Limits on rule files, so that hostile or broken input gets an error naming the limit, never a
// stack overflow or an out-of-memory kill. Each is far past anything the methodology needs.

// Deepest nesting of grammar rules; bounds the parser's recursion so that 200,000 nested
// parentheses give an error, not a stack overflow. About 80 levels of parentheses in an expression.
inline constexpr std::size_t kMaxRuleDepth = 1000;
// Deepest expression tree: every operator, call, `if` and aggregate inside another counts one
// level, and so does each operator of a chain (`a + b + c` is two levels). Bounds the recursion of
// every pass over an expression (the checker, the evaluator, printing, freeing the tree).
inline constexpr std::size_t kMaxExprDepth = 256;
// How deep the checker may follow one formula through the definitions and function bodies it uses
// (each expression level counts one), and how many expression nodes the formulas of one clause may
// expand to once function calls are replaced by their bodies. They bound the checker's and the
// evaluator's recursion and work, which expression depth alone does not: a chain of definitions,
// each using the one before, is as deep as it is long.
inline constexpr std::size_t kMaxFormulaDepth = 1000;
// Rows of one test (every group of every table in it): a test builds them in memory.
inline constexpr std::int64_t kMaxTestRows = 1'000'000;
inline constexpr std::size_t kMaxFormulaSize = 1000000;
// Largest rule file read: the whole methodology is a few tens of kilobytes.
inline constexpr std::size_t kMaxRuleFileBytes = 16 * 1024 * 1024;
// Most clauses (every version counts) in one rule set: the methodology has about a hundred.
inline constexpr std::size_t kMaxClauses = 10000;

// Parses one file. Syntax errors go to `diags`; the returned File holds every item that parsed.
ast::File parse_file(SourcePtr source, Diagnostics& diags);

// Parses one standalone expression (`d + 3`, as `ereje whatif --set` takes): the whole text must be
// one expression. Null, with a `syntax` error in `diags`, when it is not.
ast::ExprPtr parse_expression(SourcePtr source, Diagnostics& diags);

// Prints an expression in canonical form, with the parentheses that precedence needs.
std::string print_expr(const ast::Expr& e);
// One part of a total (`deduct P of clause 114 weight 0.5 or 0`) and a total's n/a policy with its
// leading space (` when n/a renormalise`, "" when unstated), as print_expr writes them: for fmt,
// which lays a total out one part per line.
std::string print_total_part(const ast::TotalPart& p);
std::string print_na_policy(const ast::Total& t);
// Whether `s` reads back as a name (an identifier that is not a reserved word).
bool is_plain_name(const std::string& s);

// A string literal as the grammar reads it back: in quotes, with `\"`, `\\`, `\n` and `\t` escaped.
std::string quote_string(const std::string& s);

}  // namespace ereje::grammar
