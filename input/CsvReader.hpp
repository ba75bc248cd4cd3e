// Loading agency data from CSV as text records with their positions (TextTable): for tests and for
// data that does not come from a file. load_folder takes a faster path to the same result
// (CsvScanner straight into columns); both share the scanner, so they accept and reject alike.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "input/DataSet.hpp"

namespace ereje::input {

// Reads one CSV file. `display_name` names it in messages; `table`, when given, lets an empty
// file's message list the header it should have, and a header separated by `;` be recognised
// (CsvDialect.hpp). Throws InputError (one error, with the file's warnings so far) on a syntax
// error: invalid UTF-8, a broken quote, an empty file, a duplicate header name, a ragged row.
// A blank line (nothing between two line breaks) is not a record, wherever it is; a line of
// commas is one, and is validated like any other. The file's warnings are in TextTable::warnings.
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
void check_utf8(std::string_view text, std::size_t bom, const std::string& display_name);
// A line as quoted in a message: cut at kMaxShownLineBytes, on a character boundary.
std::string_view shown_line(std::string_view line);

}  // namespace ereje::input
