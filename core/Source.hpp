// Source files and positions: every AST node, value origin and diagnostic points back here.
// Positions are byte offsets; line and column (in code points, not bytes) are derived on demand,
// so Kazakh and Russian text lines up under carets.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ereje {

struct SourceFile {
  std::string name;  // as the user named it (relative path), shown in diagnostics
  std::string text;  // whole file, UTF-8, without a leading byte-order mark
  std::vector<std::size_t> line_starts;  // byte offset of each line's first byte

  SourceFile(std::string name_, std::string text_);
  // 1-based line of a byte offset.
  std::size_t line_of(std::size_t offset) const;
  // 1-based column in code points of a byte offset.
  std::size_t column_of(std::size_t offset) const;
  // The text of a 1-based line, without its line break.
  std::string_view line_text(std::size_t line) const;
};

using SourcePtr = std::shared_ptr<const SourceFile>;

// A half-open byte range in one file. A default Span points nowhere (built-in values).
struct Span {
  const SourceFile* file = nullptr;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  bool valid() const { return file != nullptr; }
  std::size_t line() const { return file ? file->line_of(begin) : 0; }
  std::size_t column() const { return file ? file->column_of(begin) : 0; }
  // "file:line:col", or "<built-in>".
  std::string where() const;
};

// Number of code points in a UTF-8 string (invalid bytes count one each).
std::size_t utf8_length(std::string_view s);
// The code points of a UTF-8 string (for comparing and counting text the way it is read).
std::u32string utf8_decode(std::string_view s);
// Validates UTF-8; returns the byte offset of the first invalid sequence, or npos.
std::size_t utf8_invalid_at(std::string_view s);

}  // namespace ereje
