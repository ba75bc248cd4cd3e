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

// With `names`, a last column `name`: the body's name in `lang` (Russian for ru, Kazakh otherwise;
// the other when that one is missing). The table's headers and statuses are in `lang`; CSV and
// JSON keep the codes of the results table (docs/data.md), whatever the language.
std::string results_csv(const interp::Evaluation& ev, const input::DataSet& data, bool names = false,
                        const std::string& lang = "en");
std::string results_json(const interp::Evaluation& ev, const input::DataSet& data, bool names = false,
                         const std::string& lang = "en");
std::string results_table(const interp::Evaluation& ev, const input::DataSet& data, bool names = false,
                          const std::string& lang = "en");
// A body's name in `lang` as above; empty when the data names none.
std::string body_name_in(const input::Body& body, const std::string& lang);

// Pads to a width counted in code points, so Kazakh and Russian text aligns.
std::string pad_right(const std::string& s, std::size_t width);
std::string pad_left(const std::string& s, std::size_t width);

}  // namespace ereje::cli
