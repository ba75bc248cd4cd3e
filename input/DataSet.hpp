// Loading agency data: load_folder reads a data folder, build_dataset takes rows already read; both
// check every value against the contract in force and build the columns (Table.hpp) that every
// clause reads. The readers and the layers above include this header only: it brings the types,
// the limits and data_error.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "input/DataError.hpp"
#include "input/Limits.hpp"
#include "input/RowPositions.hpp"
#include "input/Schema.hpp"
#include "input/Table.hpp"
#include "input/TextTable.hpp"

namespace ereje::input {

// How load_folder reads. The result never depends on it: only the time it takes.
struct LoadOptions {
  // Threads for reading one large CSV file in pieces; 0: EREJE_THREADS if set, else the machine's
  // cores (as the evaluator counts them).
  unsigned threads = 0;
  // A file is cut into pieces of at least this many bytes: below it, another thread costs more
  // than it saves. (Small values let tests cut small files.)
  std::size_t min_piece_bytes = std::size_t{8} << 20;
  // `--csv-dialect excel-ru`: CSV files may write true and false as Excel does in a Russian or
  // Kazakh locale (ИСТИНА/ЛОЖЬ, ДА/НЕТ, АҚИҚАТ/ЖАЛҒАН, ИӘ/ЖОҚ) and decimals with a comma (docs/data.md).
  bool excel_locale = false;
  // A CSV file's rows are read from copies of this many bytes of it at a time (LoadFolder.cpp:
  // read_window_rows), and from its mapping only when that gives up; 0: from the mapping only.
  // (Small values let tests cut records at every place.)
  std::size_t window_bytes = std::size_t{256} << 10;
};

// Reads a data folder (NAME.csv or NAME.json per table) against `contract` (the contract in force:
// Contract::at). `needed` lists the tables the rules in force read: each must be present; the
// table of bodies always is. Any contract violation throws InputError with diagnostics naming
// file, line and column. Derived columns are left for interp::prepare_data. A CSV file is read in
// one pass straight into the columns, a window of it at a time (its memory map only pointed into
// for messages): the memory a run holds is the columns', not the files'.
DataSet load_folder(const std::string& folder, std::shared_ptr<const Contract> contract,
                    const std::vector<std::string>& needed, const LoadOptions& options = {});

// How many times, since the process started, a CSV file's reading through windows gave up (a
// record cut by a window's end, an error in the file) and the file was read again from its
// mapping: tests and EREJE_TIMING show it.
std::uint64_t window_rereads();
// How many CSV files, since the process started, were read from a reading begun before the files
// ahead of them in the folder (their pieces after the first read on other threads meanwhile):
// tests show it.
std::uint64_t early_starts();

// Builds a DataSet from already-parsed text rows (used by rule-file tests and by the readers):
// `tables[name]` holds the records of one table as text ("" = missing). Validates exactly like a
// file; `TextTable::file` stands in for the file name in messages.
DataSet build_dataset(std::string folder, std::shared_ptr<const Contract> contract,
                      std::map<std::string, TextTable> tables, const std::vector<std::string>& needed);

// The whole file as one string; InputError naming `display_name` when it cannot be read.
std::string read_file_text(const std::string& path, const std::string& display_name);

}  // namespace ereje::input
