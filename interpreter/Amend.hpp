// A clause that `amends` the version in force before it: the version it makes (docs/language.md,
// "Amending one item").
#pragma once
#include <memory>
#include <string>

#include "core/Diagnostic.hpp"
#include "grammar/Ast.hpp"

namespace ereje::interp {

// The clause `amend` makes of `base` (the version in force before it, as evaluated: itself
// possibly an amendment): the items `amend` writes replace the inherited ones of the same name in
// their place, new names come after, `result R range …`/`round …` change an inherited result, `text
// LANG replace "…" with "…"` changes words of the inherited text, and the tests are inherited unless
// restated under the same name. `base_label` names the earlier version in messages ("act \"33140\"
// from 2023-07-24").
std::unique_ptr<ast::Clause> amend_clause(const ast::Clause& base, const std::string& base_label,
                                          const ast::Clause& amend, Diagnostics& diags);

}  // namespace ereje::interp
