// The data contract as plain data: tables, their columns, types, keys, how rows belong to bodies
// and which columns refer to others. Built from the rule files' `table` declarations
// (interpreter/Contract.cpp): this layer knows no table or column by name. The checker reads it
// to type rule files; the readers read it to validate agency data.
#pragma once
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/Date.hpp"

namespace ereje::input {

enum class ColumnType { Text, Enum, Bool, Date, Whole, Decimal };
const char* to_string(ColumnType t);
inline bool is_number(ColumnType t) { return t == ColumnType::Whole || t == ColumnType::Decimal; }

// Where a declaration was made and from when it is in force: from its act's date, or on every
// date when it was declared in a file of no act (the base contract).
struct Origin {
  std::string act;         // the act's registration number; empty: no act
  Date from{std::numeric_limits<std::int32_t>::min()};  // the act's in-force date
  std::string defined_at;  // file:line
  bool dated() const { return !act.empty(); }
};

struct ColumnSchema {
  std::string name;
  ColumnType type = ColumnType::Text;
  bool optional = false;       // the column may be absent from the file
  bool may_be_empty = false;   // a value may be empty (missing); implied by optional
  std::vector<std::string> enum_values;  // for Enum
  std::string meaning;         // the description, for hovers, errors and `ereje contract`
  std::map<std::string, std::string> meanings;  // kk/ru/en descriptions
  bool derived = false;        // computed from the row by a `derived` expression, never read from a file
  Origin origin;
};

// `reference column to table.target [same body]`
struct Reference {
  std::string column;
  std::string table, target;
  bool same_body = false;
  std::string meaning;
  std::map<std::string, std::string> meanings;  // kk/ru descriptions
  std::string defined_at;
};

struct TableSchema {
  std::string name;
  std::vector<ColumnSchema> columns;  // in order of declaration (extensions after), derived included
  bool per_agency = false;            // rows belong to a body through `body_column` (the table of bodies too)
  bool lists_bodies = false;          // the table of bodies: one row per body, its code in `body_column`
  std::string body_column;
  std::vector<std::pair<std::string, std::string>> body_names;  // the table of bodies: language -> column
  std::string category_column;        // the table of bodies: a body's kind, when declared
  std::vector<std::string> key;       // columns that together are unique
  std::vector<Reference> references;
  std::string meaning;
  std::map<std::string, std::string> titles;  // kk/ru/en
  Origin origin;
  // In a contract as of a date (Contract::at): the columns a later act adds, left out of `columns`
  // then; a data file that has one is told when it takes effect.
  std::vector<ColumnSchema> later;

  const ColumnSchema* column(std::string_view n) const;
  int column_index(std::string_view n) const;  // -1 when unknown
};

// Every table the rule set declares, over all dates: a table or column is in force from its
// origin's date on (`in_force`). Evaluation as of a date reads the columns in force then.
struct Contract;

// The contracts in force that Contract::in_force_on has made, one per set of tables and columns in
// force. A copy of a Contract starts with an empty cache (its tables may then be changed).
class ContractCache {
 public:
  ContractCache() = default;
  ContractCache(const ContractCache&) {}
  ContractCache& operator=(const ContractCache&) {
    const std::lock_guard<std::mutex> lock(m_);
    entries_.clear();
    return *this;
  }
  std::shared_ptr<const Contract> get(const Contract& whole, Date as_of) const;

 private:
  mutable std::mutex m_;
  mutable std::vector<std::pair<std::vector<bool>, std::shared_ptr<const Contract>>> entries_;
};

struct Contract {
  std::vector<TableSchema> tables;
  ContractCache cache = {};  // of in_force_on

  const TableSchema* find(std::string_view name) const;
  const TableSchema* bodies() const;  // the table that lists the bodies, or null
  std::vector<std::string> names() const;
  // The contract in force on `as_of`: the tables in force then, each with the columns in force
  // then. A later act's columns come after the earlier ones (Contract.cpp orders them by date), so
  // every column keeps its index: what the checker bound a name to is the same column here.
  Contract at(Date as_of) const;
  // The same, shared: one object for every date with the same tables and columns in force (a rule
  // set's contract changes only on its acts' dates), made once. Tests, range witnesses and
  // evaluations ask for it thousands of times; `tables` must not change after the first call.
  std::shared_ptr<const Contract> in_force_on(Date as_of) const { return cache.get(*this, as_of); }
};

inline bool in_force(const Origin& o, Date as_of) { return !o.dated() || !(as_of < o.from); }

}  // namespace ereje::input
