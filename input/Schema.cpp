// Look-ups over the data contract. The contract itself comes from the rule files.
#include "input/Schema.hpp"

#include <stdexcept>

namespace ereje::input {

const char* to_string(ColumnType t) {
  switch (t) {
    case ColumnType::Text: return "text";
    case ColumnType::Enum: return "enum";
    case ColumnType::Bool: return "bool";
    case ColumnType::Date: return "date";
    case ColumnType::Whole: return "whole";
    case ColumnType::Decimal: return "decimal";
  }
  return "?";
}

const ColumnSchema* TableSchema::column(std::string_view n) const {
  for (const auto& c : columns)
    if (c.name == n) return &c;
  return nullptr;
}

int TableSchema::column_index(std::string_view n) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == n) return static_cast<int>(i);
  return -1;
}

const TableSchema* Contract::find(std::string_view name) const {
  for (const auto& t : tables)
    if (t.name == name) return &t;
  return nullptr;
}

const TableSchema* Contract::bodies() const {
  for (const auto& t : tables)
    if (t.lists_bodies) return &t;
  return nullptr;
}

std::vector<std::string> Contract::names() const {
  std::vector<std::string> out;
  for (const auto& t : tables) out.push_back(t.name);
  return out;
}

Contract Contract::at(Date as_of) const {
  Contract out;
  for (const auto& t : tables) {
    if (!in_force(t.origin, as_of)) continue;
    TableSchema view = t;
    view.columns.clear();
    for (const auto& c : t.columns) (in_force(c.origin, as_of) ? view.columns : view.later).push_back(c);
    // Columns in force are a prefix of the table's, so indices agree; anything else is a bug.
    for (std::size_t i = 0; i < view.columns.size(); ++i)
      if (view.columns[i].name != t.columns[i].name) throw std::logic_error("contract: columns out of date order");
    out.tables.push_back(std::move(view));
  }
  return out;
}

std::shared_ptr<const Contract> ContractCache::get(const Contract& whole, Date as_of) const {
  std::vector<bool> key;  // which tables and columns are in force on as_of
  for (const auto& t : whole.tables) {
    key.push_back(in_force(t.origin, as_of));
    for (const auto& c : t.columns) key.push_back(in_force(c.origin, as_of));
  }
  const std::lock_guard<std::mutex> lock(m_);
  for (const auto& [k, c] : entries_)
    if (k == key) return c;
  auto made = std::make_shared<const Contract>(whole.at(as_of));
  entries_.emplace_back(std::move(key), made);
  return made;
}

}  // namespace ereje::input
