// Letters of two scripts that look the same: Cyrillic с, е, о, р, а, х, Т… and Latin c, e, o, p, a,
// x, T…. Kazakh and Russian keyboards are one key away from the Latin layout, so a name typed in
// the wrong layout looks right and is another name. The checker uses this to say which letter it is
// (docs/diagnostics.md, `look-alike` and `mixed-script`).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ereje {

// `name` with each Cyrillic letter that has a Latin twin replaced by the twin (UTF-8 in and out).
std::string fold_look_alikes(std::string_view name);

// A letter as a message names it: "Cyrillic с (U+0441)", "Latin c (U+0063)".
std::string describe_letter(char32_t c);

// The candidate that `name` is once look-alike letters are folded (and is not already), with the
// first letter where they differ, as `describe_letter` names it. nullopt when none is.
struct LookAlike {
  std::string candidate;
  std::string written, meant;  // "Cyrillic с (U+0441)", "Latin c (U+0063)"
};
std::optional<LookAlike> find_look_alike(std::string_view name, const std::vector<std::string>& candidates);

// For a name that mixes Latin and Cyrillic letters: the first letter of the script it has fewer of
// (ties: the first Cyrillic one), described. nullopt for a name in one script.
std::optional<std::string> mixed_script_letter(std::string_view name);

}  // namespace ereje
