// How the input layer reports (DataError.hpp): a diagnostic about a data file, its quoted line made
// valid UTF-8, and the InputError that carries one.
#include "input/DataError.hpp"

#include <utility>

#include "core/Source.hpp"

namespace ereje::input {

namespace {
std::string valid_utf8(std::string_view s) {
  std::string out;
  while (!s.empty()) {
    const std::size_t bad = utf8_invalid_at(s);
    if (bad == std::string_view::npos) {
      out += s;
      break;
    }
    out += s.substr(0, bad);
    out += "\xEF\xBF\xBD";
    s.remove_prefix(bad + 1);
  }
  return out;
}
}  // namespace

Diagnostic data_error(std::string code, std::string file, std::size_t line, std::size_t column,
                      std::string_view line_text, std::string message, std::string help) {
  Diagnostic d;
  d.code = std::move(code);
  d.file = std::move(file);
  d.line = line;
  d.column = column;
  d.line_text = valid_utf8(line_text);
  d.message = std::move(message);
  d.help = std::move(help);
  return d;
}

void throw_input_error(Diagnostic d) {
  InputError e;
  e.diagnostics.add(std::move(d));
  throw e;
}

}  // namespace ereje::input
