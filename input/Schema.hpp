// The fixed exchange formats of data.md as data: tables, their columns, types and keys.
// The checker reads it to type rule files; the readers read it to validate agency data.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ereje::input {

enum class ColumnType { Text, Enum, Bool, Date };

struct ColumnSchema {
  std::string name;
  ColumnType type = ColumnType::Text;
  bool optional = false;       // the column may be absent from the file (data.md: "optional")
  bool may_be_empty = false;   // a value may be empty (missing); implied by optional
  std::vector<std::string> enum_values;  // for Enum
  std::string meaning;         // from data.md, for hovers and errors
};

struct TableSchema {
  std::string name;
  std::vector<ColumnSchema> columns;
  bool per_agency = false;           // has agency_id: rows are grouped by body
  std::vector<std::string> key;      // columns that together are unique
  std::string meaning;

  const ColumnSchema* column(std::string_view n) const;
  int column_index(std::string_view n) const;  // -1 when unknown
};

// Derived columns computed by the reader after validation, usable in rule files like any other.
// services.subtype: parent_id is not empty; services.main: parent_id is empty.
const std::vector<TableSchema>& schema();
const TableSchema* find_table(std::string_view name);

}  // namespace ereje::input
