// Agency data from one SQLite database file (data.md: "the same tables may also come as one SQLite
// database file"): one SQL table (or view) per table of data.md, read as text and validated exactly
// like CSV. Messages name `FILE:TABLE`, the row (its rowid, and its key) and the column.
#pragma once
#include <string>
#include <vector>

#include "input/DataSet.hpp"

namespace ereje::input {

// Reads the database at `path` (opened read-only). `needed` as for load_folder. Throws InputError.
DataSet load_sqlite(const std::string& path, std::shared_ptr<const Contract> contract,
                    const std::vector<std::string>& needed);

// True when the file starts with SQLite's header ("SQLite format 3").
bool looks_like_sqlite(const std::string& path);

}  // namespace ereje::input
