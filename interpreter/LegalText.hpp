// The legal text against the formula (docs/diagnostics.md, "Legal text"): the letters a clause's
// legal text defines ("мұнда: T – …; с – …" / "где: T – …") against the clause's definitions,
// coefficients and results, and a coefficient's value where the text states it ("коэффициент
// 10-ға тең", "равен 5").
#pragma once
#include "core/Diagnostic.hpp"
#include "interpreter/RuleSet.hpp"

namespace ereje::interp {

void check_legal_text(const ClauseVersion& version, Diagnostics& diags);

}  // namespace ereje::interp
