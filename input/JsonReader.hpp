// First step of loading agency data from JSON: an array of objects to text records.
// Values are turned into the same texts a CSV file would hold, so one validator serves both.
#pragma once
#include <string>

#include "input/DataSet.hpp"

namespace ereje::input {

// Reads one JSON file: an array of objects, one per row. The header is the union of the keys in
// first-seen order; null or an absent key is a missing value; true/false become "true"/"false".
// With `table`, a number, object or array in one of its columns is an error (codes are strings);
// keys that are not columns of `table` are kept but never checked, like unknown CSV columns.
// Records are numbered from 1 in `TextTable::lines`, and messages say "record N".
TextTable read_json(const std::string& path, const std::string& display_name, const TableSchema* table = nullptr);

// The same from the file's contents.
TextTable parse_json(std::string text, const std::string& display_name, const TableSchema* table = nullptr);

}  // namespace ereje::input
