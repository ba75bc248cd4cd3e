// First step of loading agency data from CSV: bytes to text records with their positions.
// Knows RFC 4180 and nothing of types; DataSet.cpp validates the records against the schema.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "input/DataSet.hpp"

namespace ereje::input {

// Reads one CSV file. `display_name` names it in messages; `table`, when given, lets an empty
// file's message list the header it should have. Throws InputError (one diagnostic) on a syntax
// error: invalid UTF-8, a broken quote, an empty file, a duplicate header name, a ragged row.
// A blank line (nothing between two line breaks) is not a record, wherever it is; a line of
// commas is one, and is validated like any other.
TextTable read_csv(const std::string& path, const std::string& display_name, const TableSchema* table = nullptr);

// The same from the file's contents (tests, and data that does not come from a file).
TextTable parse_csv(std::string text, const std::string& display_name, const TableSchema* table = nullptr);

// Shared by the readers. The 1-based line and code-point column of a byte offset, and that line.
struct TextPosition {
  std::uint32_t line = 1, col = 1;
  std::string_view text;
};
TextPosition position_of(std::string_view text, std::size_t offset);
// Removes a UTF-8 byte-order mark; returns how many bytes it took (0 or 3).
std::size_t strip_bom(std::string& text);
// Throws InputError at the first byte that is not UTF-8; `bom` shifts the reported byte offset.
void check_utf8(const std::string& text, std::size_t bom, const std::string& display_name);

}  // namespace ereje::input
