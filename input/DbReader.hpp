// What the SQLite and PostgreSQL readers share: the tables of data.md read out of a database as
// text rows (TextTable), then validated by build_dataset exactly like a CSV file. Messages name
// the table as `DATABASE:TABLE` and a row by its number and key ("row 7 (body `MJ`,
// code `S1`)"), and the column in the message itself.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "input/DataSet.hpp"

namespace ereje::input {

// A database being read: its tables as text, and the conversion errors met on the way.
struct DbRead {
  std::string shown;                // the database as messages name it (a path, or a URL without password)
  std::string kind;                 // "SQLite database", "PostgreSQL database"
  std::vector<std::string> present;  // every table (and view) name in the database, for hints
  std::map<std::string, TextTable> tables;  // by schema table name; `file` = shown + ":" + name
  // Values that are not text (a BLOB, a real number), reported with the validation errors.
  struct ValueError {
    std::string table, column, message, help;
    std::uint32_t row = 0;
  };
  std::vector<ValueError> errors;
};

// A new table of `read`: header set, json-style messages ("row N"), `file` = shown:name.
TextTable& start_db_table(DbRead& read, const std::string& name, std::vector<std::string> header);
// A conversion error at row `row` (its number as messages give it) of `table`, column `column`.
void db_value_error(DbRead& read, const TextTable& table, std::uint32_t row, const std::string& column,
                    std::string message, std::string help);

// The name the database gives a table of the schema, or "" when it has none. `exact`: names must
// match byte for byte (PostgreSQL's quoted names); otherwise ASCII case is ignored (SQLite).
std::string find_db_table(const DbRead& read, const std::string& name, bool exact);

// Missing needed tables are reported first (one message each, naming the database); then the tables
// go through build_dataset. Row references in its messages are rewritten to name the row's key.
// `files` become DataSet::files (what receipts hash).
DataSet finish_db(DbRead read, std::shared_ptr<const Contract> contract, const std::vector<std::string>& needed,
                  std::vector<std::string> files, bool exact);

// True when `text` is valid UTF-8.
bool is_utf8(std::string_view text);

}  // namespace ereje::input
