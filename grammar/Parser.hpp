// Stage 1: rule-file text -> AST. Reports every broken top-level item of a file, not only the
// first: after a syntax error it skips to the next line that starts a clause, function or act.
#pragma once
#include <string>

#include "core/Diagnostic.hpp"
#include "grammar/Ast.hpp"

namespace ereje::grammar {

// Deepest nesting of grammar rules; bounds recursion so that 200,000 nested parentheses give an
// error, not a stack overflow. About 40 levels of parentheses in an expression (far past any law).
inline constexpr std::size_t kMaxRuleDepth = 1000;
// Largest rule file read: the whole methodology is a few tens of kilobytes.
inline constexpr std::size_t kMaxRuleFileBytes = 16 * 1024 * 1024;

// Parses one file. Syntax errors go to `diags`; the returned File holds every item that parsed.
ast::File parse_file(SourcePtr source, Diagnostics& diags);

// Prints an expression in canonical form, with the parentheses that precedence needs.
std::string print_expr(const ast::Expr& e);

}  // namespace ereje::grammar
