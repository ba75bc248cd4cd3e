// CSV as registries write it, beside RFC 4180: quotes inside unquoted fields (`37°36'37.8"N`), read
// as characters, with one warning per file; CsvScanner finds them, whichever reader drives it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/Diagnostic.hpp"
#include "input/Schema.hpp"

namespace ereje::input {

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
