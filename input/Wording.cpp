// The wording of the loader's messages (Wording.hpp): values quoted short and on one line, lists
// cut, and the "did you mean" that names the value a typo most likely meant.
#include "input/Wording.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "core/Nearest.hpp"

namespace ereje::input {

std::string shown(std::string_view v) {
  constexpr std::size_t kMax = 60;
  std::string out;
  std::size_t i = 0;
  for (; i < v.size() && out.size() < kMax; ++i) {
    if (v[i] == '\n') out += "\\n";
    else if (v[i] == '\r') out += "\\r";
    else if (v[i] == '\t') out += "\\t";
    else out += v[i];
  }
  if (i < v.size()) {
    // Do not cut a character in half.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    out += "…";
  }
  return out;
}

std::string join(const std::vector<std::string>& names, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < limit; ++i) {
    if (i) out += ", ";
    out += names[i];
  }
  if (names.size() > limit) out += fmt::format(", … ({} in all)", names.size());
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<std::string> nearest(std::string_view value, const std::vector<std::string>& candidates,
                                   Guess kind) {
  // Bytes, as this has always counted (a Cyrillic letter for another is one or two edits), and
  // fewer edits than either word has bytes: a one-letter value is near nothing but itself.
  std::string guess = ereje::nearest(trim(value), candidates,
                                     {.unit = EditUnit::Byte, .max_edits = kind == Guess::Code ? 0u : 2u,
                                      .fewer_than_either = true});
  if (guess.empty()) return std::nullopt;
  return guess;
}

std::string did_you_mean(std::string_view value, const std::string& guess) {
  if (trim(value) == guess) return fmt::format("remove the spaces around `{}`", guess);
  if (ascii_lower(trim(value)) == ascii_lower(guess))
    return fmt::format("did you mean `{}`? values are case-sensitive", guess);
  return fmt::format("did you mean `{}`?", guess);
}

std::string file_name_of(const std::string& path) { return std::filesystem::path(path).filename().string(); }

}  // namespace ereje::input
