// The one entry for `--data`: a data folder (CSV/JSON files), a SQLite database file, or a
// PostgreSQL URL. Each source yields the same DataSet, validated by the same code.
#pragma once
#include <string>
#include <vector>

#include "input/DataSet.hpp"

namespace ereje::input {

// A folder -> load_folder; a file ending in .sqlite, .sqlite3 or .db, or any file that starts with
// SQLite's header -> load_sqlite; postgresql://... or postgres://... -> load_postgres.
// `needed` lists the tables the rules in force read (the table of bodies is always needed).
// Throws InputError.
DataSet load_data(const std::string& data, const Contract& contract, Date as_of, const std::vector<std::string>& needed,
                  const LoadOptions& options = {});

// `data` as messages and receipts may show it: a PostgreSQL URL without its password.
std::string shown_data(const std::string& data);

}  // namespace ereje::input
