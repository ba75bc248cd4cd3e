// The wording of the loader's messages (TableBuilder, the checks across tables, load_folder): how a
// value is quoted, how a list is cut, what a typo most likely meant (with core/Nearest.hpp).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ereje::input {

// A value as shown inside a message: line breaks made visible, very long values cut.
std::string shown(std::string_view v);
// Names separated by commas: the first `limit` of them, then how many there are in all.
std::string join(const std::vector<std::string>& names, std::size_t limit = 20);
// ASCII letters in lowercase; other bytes as they are.
std::string ascii_lower(std::string_view s);
// Without the spaces and tabs around it.
std::string_view trim(std::string_view s);

// The candidate a typo most likely meant: same up to case and surrounding spaces, else (for words,
// not codes) at most two edits away and fewer than the word's length. Codes get no edit-distance
// guess: `A2` for `A1` is another real body, and suggesting it would mislead.
enum class Guess { Word, Code };
std::optional<std::string> nearest(std::string_view value, const std::vector<std::string>& candidates,
                                   Guess kind = Guess::Word);
// The help of a message about `value`, for which nearest() found `guess`: the spaces, the case,
// or the value itself that differs.
std::string did_you_mean(std::string_view value, const std::string& guess);

// The last part of a path (a file's name, for a message that names another file).
std::string file_name_of(const std::string& path);

}  // namespace ereje::input
