// Completion in the language server (textDocument/completion): see LspComplete.cpp.
#pragma once
#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "interpreter/RuleSet.hpp"

namespace ereje::cli::lsp {

// The completion items at byte offset `at` of `text` (a document of the rule set `rules`, as last
// checked): after `of clause` the clause numbers, after `count`/`sum`/…/`over` the tables, inside a
// table's condition or test rows its columns, after `column =` or `column in [` an enum's values,
// elsewhere the clause's names, functions and keywords. An LSP CompletionItem array.
nlohmann::json completion(const interp::RuleSet& rules, std::string_view text, std::size_t at);

}  // namespace ereje::cli::lsp
