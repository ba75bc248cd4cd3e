// A data set being loaded: what load_folder and build_dataset fill one table at a time, then finish
// with the checks across tables (CrossChecks.cpp).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "input/Reporter.hpp"
#include "input/Schema.hpp"
#include "input/Table.hpp"
#include "input/TableBuilder.hpp"

namespace ereje::input {

// A data set being built: the builders outlive their tables' rows, for the checks across tables.
struct Loading {
  DataSet ds;
  Reporter reporter;
  std::map<std::string, std::unique_ptr<TableBuilder>> builders;
  unsigned threads = 1;  // for the passes over whole tables
  bool bodies_built = false;  // ds.bodies made from agencies (build_bodies)
};

// The contract's tables with the table of bodies first: its rows are the bodies the other tables'
// rows are checked against as they are read.
std::vector<const TableSchema*> bodies_first(const Contract& contract);
// The data set's bodies in byte order of their codes (std::string compares as unsigned bytes): the
// output order. Once, as soon as the table of bodies is read.
void build_bodies(Loading& L);
// Bodies in output order and each row's body, then the checks across tables.
DataSet finish_dataset(Loading& L);

}  // namespace ereje::input
