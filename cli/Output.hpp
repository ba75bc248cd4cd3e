// The results table of data.md in its three forms: CSV (default), JSON, and an aligned table for
// people at a terminal.
#pragma once
#include <string>

#include "input/DataSet.hpp"
#include "interpreter/Evaluator.hpp"

namespace ereje::cli {

// The results table of data.md calls a body's code `agency_id`, whatever the data contract's table
// of bodies calls its column: the results' format is fixed, the input's is the rules'.
inline constexpr const char* kResultsBodyColumn = "agency_id";

// The headers for a body's code, Kazakh name, Russian name and category in tables of results: the
// table of bodies' own column names (the results' `agency_id` for the code when there is none).
struct BodyHeaders {
  std::string code, kk_name, ru_name, category;
};
BodyHeaders body_headers(const input::DataSet& data);

std::string results_csv(const interp::Evaluation& ev, const input::DataSet& data);
std::string results_json(const interp::Evaluation& ev, const input::DataSet& data);
std::string results_table(const interp::Evaluation& ev, const input::DataSet& data);

// Pads to a width counted in code points, so Kazakh and Russian text aligns.
std::string pad_right(const std::string& s, std::size_t width);
std::string pad_left(const std::string& s, std::size_t width);

}  // namespace ereje::cli
