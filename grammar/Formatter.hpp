// `fmt`: a parsed rule file printed back in the one canonical layout (docs/editing.md), with every
// comment of the source kept. The parser drops comments, so they are collected from the text here
// and re-attached to the line they stand above or beside.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Diagnostic.hpp"
#include "grammar/Ast.hpp"

namespace ereje::grammar {

// Test tables longer than this (in code points, indentation included) get one row group a line.
// Expressions and texts are never wrapped: a diff of a formula shows the whole formula.
inline constexpr std::size_t kFormatWidth = 120;

// A `//` comment outside strings: [begin, end) in bytes, `text` from the `//` to the line's end
// less the spaces, tabs and `\r` that end the line.
struct Comment {
  std::uint32_t begin = 0, end = 0;
  std::string text;
  bool trailing = false;      // code stands before it on its line
  bool blank_before = false;  // an empty line separates it from what precedes it
  bool blank_after = false;   // an empty line separates it from what follows it
};
std::vector<Comment> collect_comments(const std::string& text);

// The canonical text of a file that parsed without errors (`file.source` is its text).
std::string format_file(const ast::File& file);

// Parses and formats; nullopt when the parser reported an error (left in `diags`): a file with
// errors is never rewritten, since the AST holds only the items that parsed. The diagnostics
// point into `source`: keep it alive while they are used.
std::optional<std::string> format_source(const SourcePtr& source, Diagnostics& diags);

// Everything a file means, one item a line, expressions by print_expr: equal for a file and its
// formatted text. For the tests of fmt; not a stable format.
std::string dump_meaning(const ast::File& file);

}  // namespace ereje::grammar
