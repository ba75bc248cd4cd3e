// libFuzzer harness: the input is a small data folder. The first byte picks the format (odd: CSV,
// even: JSON; seeds use `c` and `j`), the rest holds up to four files separated by form feeds
// (\f): agencies, services, objections, schedule, in that order; an empty part is an absent file.
// Each file goes through the reader (parse_csv / parse_json), and when all of them read, through
// build_dataset, which validates the data contract across tables (the methodology's, read from
// rules/data once), then the derived columns are computed. Input errors are expected
// (InputError); anything else that escapes, and any crash, leak or sanitizer report, is a bug.
// Built with -DEREJE_FUZZ=ON (clang only); fuzz/run.sh builds and runs it.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/Diagnostic.hpp"
#include "input/CsvReader.hpp"
#include "input/DataSet.hpp"
#include "input/JsonReader.hpp"
#include "input/Schema.hpp"
#include "interpreter/DataRules.hpp"

namespace {
struct Contract {
  ereje::interp::RuleSet rules;
  ereje::interp::Checked checked;
  std::shared_ptr<const ereje::input::Contract> in_force;
};
const Contract& contract() {
  static const Contract c = [] {
    Contract out;
    ereje::Diagnostics d;
    out.rules = ereje::interp::load_rules({std::string(EREJE_SOURCE_DIR) + "/rules/data"}, d);
    out.checked = ereje::interp::check(out.rules, d);
    if (d.has_errors()) __builtin_trap();  // the harness's own setup is broken
    out.in_force = std::make_shared<const ereje::input::Contract>(out.rules.contract->at(ereje::Date{0}));
    return out;
  }();
  return c;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Contract& c = contract();
  const bool csv = (data[0] & 1) != 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const char* const kTables[] = {"agencies", "services", "objections", "schedule"};

  std::map<std::string, ereje::input::TextTable> tables;
  std::vector<std::string> needed;
  bool all_read = true;
  std::size_t sink = 0;
  for (const char* name : kTables) {
    std::size_t cut = rest.find('\f');
    std::string_view part = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    if (part.empty()) continue;
    const ereje::input::TableSchema* schema = c.in_force->find(name);
    std::string file = std::string(name) + (csv ? ".csv" : ".json");
    try {
      ereje::input::TextTable t = csv ? ereje::input::parse_csv(std::string(part), file, schema)
                                      : ereje::input::parse_json(std::string(part), file, schema);
      sink += t.records.size();
      tables.emplace(name, std::move(t));
      needed.emplace_back(name);
    } catch (const ereje::InputError& e) {
      sink += ereje::render(e.diagnostics).size();
      all_read = false;
    }
  }
  if (all_read && !tables.empty()) {
    try {
      ereje::input::DataSet ds = ereje::input::build_dataset("fuzz", c.in_force, std::move(tables), needed);
      ereje::interp::prepare_data(c.rules, c.checked, ds, ereje::Date{0}, {}, true);
      sink += ds.bodies.size() + ds.warnings.size();
    } catch (const ereje::InputError& e) {
      sink += ereje::render(e.diagnostics).size();
    }
  }
  return sink == static_cast<std::size_t>(-1) ? 1 : 0;  // keeps the work from being optimised away
}
