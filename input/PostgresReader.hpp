// Agency data from a PostgreSQL database through libpq: `--data postgresql://USER@HOST:PORT/DB`.
// One table (or view) per table of data.md, visible on the connection's search_path, read in one
// read-only snapshot and validated exactly like CSV. Messages name `URL:TABLE` (the URL without its
// password), the row (its position in the table, and its key) and the column.
#pragma once
#include <string>
#include <vector>

#include "input/DataSet.hpp"

namespace ereje::input {

// True for postgresql:// and postgres:// URLs.
bool is_postgres_url(const std::string& data);

// The URL as messages and receipts may show it: a password (user:PASSWORD@, ?password=) removed.
std::string redact_url(const std::string& url);

// Connects, reads the tables, disconnects. `needed` as for load_folder. Throws InputError.
DataSet load_postgres(const std::string& url, std::shared_ptr<const Contract> contract,
                      const std::vector<std::string>& needed);

}  // namespace ereje::input
