// The legal text against the formula (docs/diagnostics.md, "Legal text"): the letters a clause's
// legal text defines ("мұнда: T – …; с – …" / "где: T – …") against the clause's definitions,
// coefficients and results, and a coefficient's value where the text states it ("коэффициент
// 10-ға тең", "равен 5").
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/Diagnostic.hpp"
#include "interpreter/RuleSet.hpp"

namespace ereje::interp {

void check_legal_text(const ClauseVersion& version, Diagnostics& diags);

// A letter a legal text defines in its list after "мұнда:", "где:" or "where:": the name as
// written, and where it and its entry ("k – … коэффициент 10-ға тең") stand in the text.
struct DefinedLetter {
  std::string name;
  std::size_t at = 0;
  std::string_view entry;
  std::size_t entry_at = 0;
};
std::vector<DefinedLetter> defined_letters(const std::string& text);

// The value an entry states for its coefficient ("10-ға тең", "равен 5", "equals 10"), with a
// decimal comma read as a point, and its offset in the entry.
std::optional<std::pair<std::string, std::size_t>> stated_value(std::string_view entry);

}  // namespace ereje::interp
