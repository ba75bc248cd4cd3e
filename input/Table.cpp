// The loaded data (Table.hpp): a table, a column and a body looked up by name, and which columns
// a file holds (the derived ones are computed after reading).
#include "input/Table.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace ereje::input {

const Column& Table::column(std::string_view name) const {
  const int i = schema ? schema->column_index(name) : -1;
  if (i < 0 || static_cast<std::size_t>(i) >= columns.size())
    throw std::out_of_range(fmt::format("no column {} in table {}", name, schema ? schema->name : "?"));
  return columns[static_cast<std::size_t>(i)];
}

const Table& DataSet::table(std::string_view name) const {
  auto it = tables.find(std::string(name));
  if (it == tables.end()) throw std::out_of_range(fmt::format("no table {}", name));
  return it->second;
}

int DataSet::body_index(std::string_view code) const {
  if (!body_codes.empty() && body_codes.size() == bodies.size()) {
    const std::int32_t i = body_lookup.find(code, body_codes);
    return i < 0 ? -1 : static_cast<int>(i);
  }
  auto it = std::lower_bound(bodies.begin(), bodies.end(), code,
                             [](const Body& b, std::string_view id) { return b.code < id; });
  if (it == bodies.end() || it->code != code) return -1;
  return static_cast<int>(it - bodies.begin());
}

bool is_derived(const TableSchema& table, std::string_view column) {
  const ColumnSchema* c = table.column(column);
  return c && c->derived;
}

std::vector<std::string> file_columns(const TableSchema& table) {
  std::vector<std::string> out;
  for (const auto& c : table.columns)
    if (!is_derived(table, c.name)) out.push_back(c.name);
  return out;
}

}  // namespace ereje::input
