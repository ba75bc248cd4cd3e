// data.md, transcribed. Changing this file changes the exchange contract: update data.md first.
#include "input/Schema.hpp"

namespace ereje::input {

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

namespace {
ColumnSchema text(std::string n, std::string meaning, bool optional = false) {
  return ColumnSchema{std::move(n), ColumnType::Text, optional, optional, {}, std::move(meaning)};
}
}  // namespace

const std::vector<TableSchema>& schema() {
  static const std::vector<TableSchema> tables = [] {
    std::vector<TableSchema> t;
    t.push_back(TableSchema{
        "agencies",
        {text("agency_id", "the body's code"), text("name_kk", "name in Kazakh", true),
         text("name_ru", "name in Russian", true),
         ColumnSchema{"kind", ColumnType::Enum, true, true, {"central", "local"},
                      "central state body, or regional executive body (akimat)"}},
        true,
        {"agency_id"},
        "the assessed state bodies"});
    t.push_back(TableSchema{
        "services",
        {text("agency_id", "the body that provides it"), text("service_id", "the service's code"),
         ColumnSchema{"parent_id", ColumnType::Text, false, true, {},
                      "empty for a main service; for a subtype, the service_id of its main service"},
         ColumnSchema{"automation", ColumnType::Enum, false, false, {"none", "partial", "full"},
                      "how far the service is automated"},
         ColumnSchema{"portal_excluded", ColumnType::Bool, false, false, {},
                      "the Interdepartmental Commission decided it is not provided through the e-government portal"},
         ColumnSchema{"mobile", ColumnType::Bool, false, false, {}, "available in a mobile application"},
         // Derived after reading (not in the file): see schema() comment in Schema.hpp.
         ColumnSchema{"subtype", ColumnType::Bool, false, false, {}, "a subtype of another service (parent_id set)"},
         ColumnSchema{"main", ColumnType::Bool, false, false, {}, "a main service (parent_id empty)"}},
        true,
        {"agency_id", "service_id"},
        "one row per public service or subtype a body provides"});
    t.push_back(TableSchema{
        "objections",
        {text("agency_id", "the body that objected"), text("objection_id", "the objection's code"),
         text("clause", "the paragraph the objection concerns"),
         ColumnSchema{"submitted_on", ColumnType::Date, false, false, {}, "when it was submitted"},
         ColumnSchema{"reviewed_on", ColumnType::Date, false, true, {},
                      "when the special commission reviewed it; empty: not yet"}},
        true,
        {"objection_id"},
        "one row per objection an assessed body filed against its results"});
    t.push_back(TableSchema{
        "schedule",
        {text("stage", "the stage of the assessment, e.g. objections_review"),
         ColumnSchema{"starts_on", ColumnType::Date, false, false, {}, "when the stage starts"},
         ColumnSchema{"ends_on", ColumnType::Date, false, false, {}, "the stage's deadline"}},
        false,
        {"stage"},
        "the operational assessment schedule"});
    return t;
  }();
  return tables;
}

const TableSchema* find_table(std::string_view name) {
  for (const auto& t : schema())
    if (t.name == name) return &t;
  return nullptr;
}

}  // namespace ereje::input
