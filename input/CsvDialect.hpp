// CSV as registries write it, beside RFC 4180: `;` between fields (Excel where the decimal
// separator is a comma), and quotes inside unquoted fields (`37°36'37.8"N`), read as characters.
// Both are read, each with one warning per file; CsvScanner finds them, whichever reader drives it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/Diagnostic.hpp"
#include "input/Schema.hpp"

namespace ereje::input {

// The separator of a file from its header, the first record that is not a blank line: `;` when the
// header has no `,` outside quotes, has a `;`, and split at `;` names at least one file column of
// `table`; otherwise `,`. `semicolon` is the offset in `text` of the header's first `;` (when `;`).
// Only the header and the table's columns are looked at: values are never guessed from.
struct Separator {
  char sep = ',';
  std::size_t semicolon = 0;
};
Separator detect_separator(std::string_view text, const TableSchema& table);

// The warning for a file read with `;` between fields, at its header's first `;`.
Diagnostic semicolon_warning(const std::string& file, std::uint32_t line, std::uint32_t col, std::string_view line_text);

// Quotes inside unquoted fields: how many fields held one, and where the first one is.
struct StrayQuotes {
  std::size_t fields = 0;
  std::uint32_t line = 0, col = 0;  // the first quote's
  std::string line_text;
  // Adds those of the text that follows these, its lines counted from `line_offset` + 1.
  void add(const StrayQuotes& later, std::uint32_t line_offset);
  // The file's one warning about them (fields > 0).
  Diagnostic warning(const std::string& file) const;
};

}  // namespace ereje::input
