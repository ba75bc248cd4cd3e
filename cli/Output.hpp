// The results table of data.md in its three forms: CSV (default), JSON, and an aligned table for
// people at a terminal.
#pragma once
#include <string>

#include "input/DataSet.hpp"
#include "interpreter/Evaluator.hpp"

namespace ereje::cli {

std::string results_csv(const interp::Evaluation& ev, const input::DataSet& data);
std::string results_json(const interp::Evaluation& ev, const input::DataSet& data);
std::string results_table(const interp::Evaluation& ev, const input::DataSet& data);

// Pads to a width counted in code points, so Kazakh and Russian text aligns.
std::string pad_right(const std::string& s, std::size_t width);
std::string pad_left(const std::string& s, std::size_t width);

}  // namespace ereje::cli
