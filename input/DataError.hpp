// How the input layer reports: every problem with a data file, from any reader, is a Diagnostic
// naming the file, line and column, thrown as InputError before a single result is computed.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/Diagnostic.hpp"

namespace ereje::input {

// A diagnostic about a data file at a line and column (both 0 when it concerns the whole file).
// Bytes of `line_text` that are not UTF-8 are shown as U+FFFD so the terminal gets valid text.
Diagnostic data_error(std::string code, std::string file, std::size_t line, std::size_t column,
                      std::string_view line_text, std::string message, std::string help = {});
[[noreturn]] void throw_input_error(Diagnostic d);

}  // namespace ereje::input
