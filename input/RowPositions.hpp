// Messages about rows of the loaded data after loading (an invariant a row breaks): where the row
// and its field are in the file it came from.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/Diagnostic.hpp"
#include "input/Table.hpp"
#include "input/TextTable.hpp"

namespace ereje::input {

// Diagnostics about fields of rows read before (an invariant a row breaks): the row's file, line
// and the column of its field (a CSV file's line and column, the line quoted; a JSON file's record;
// a database table's row and key). A CSV file is read again, once, on the first message.
class RowPositions {
 public:
  explicit RowPositions(const Table& table) : table_(table) {}
  Diagnostic diagnostic(std::size_t row, std::string_view column, std::string code, std::string message,
                        std::string help);

 private:
  const Table& table_;
  bool read_ = false;
  std::optional<TextTable> text_;  // the CSV file as records with positions, when it could be read
};

}  // namespace ereje::input
