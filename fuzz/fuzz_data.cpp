// libFuzzer harness: the input is a small data folder. The first byte picks the format (odd: CSV,
// even: JSON; seeds use `c` and `j`), the rest holds up to four files separated by form feeds
// (\f): agencies, services, objections, schedule, in that order; an empty part is an absent file.
// Each file goes through the reader (parse_csv / parse_json), and when all of them read, through
// build_dataset, which validates the data contract across tables (the methodology's, read from
// rules/data once), then the derived columns are computed. Input errors are expected
// (InputError); anything else that escapes, and any crash, leak or sanitizer report, is a bug.
// A CSV case whose first byte also has bit 1 set (the `c` seeds) is written to a folder and read
// by load_folder twice, through windows of a few bytes (a size taken from the case) and from the
// mapping only: the data, warnings and errors must be the same (else the harness traps); and
// through parse_csv and build_dataset: the same data and warnings, or an error both ways.
// Built with -DEREJE_FUZZ=ON (clang only); fuzz/run.sh builds and runs it.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
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
// Everything a data set holds, as text: each table's rows, codes, dictionaries, lines and bodies,
// the warnings.
std::string digest(const ereje::input::DataSet& ds) {
  std::string out;
  for (const auto& [name, t] : ds.tables) {
    out += name + " " + std::to_string(t.rows) + "\n";
    for (const auto& c : t.columns) {
      for (std::size_t r = 0; r < c.values.size(); ++r) out += std::to_string(c.values[r]) + ",";
      for (const auto& d : c.dictionary) out += "[" + d + "]";
      out += "\n";
    }
    for (std::size_t r = 0; r < t.lines.size(); ++r) out += std::to_string(t.lines.line(r)) + ",";
    for (const std::int32_t b : t.row_bodies()) out += std::to_string(b) + ",";
    out += "\n";
  }
  for (const auto& w : ds.warnings) out += ereje::render(w);
  return out;
}

// What load_folder gives, or "error" and the errors it threw.
std::string digest_of(const std::string& folder, const std::vector<std::string>& needed, std::size_t window) {
  ereje::input::LoadOptions o{2, 64};
  o.window_bytes = window;
  try {
    return digest(ereje::input::load_folder(folder, contract().in_force, needed, o));
  } catch (const ereje::InputError& e) {
    return "error\n" + ereje::render(e.diagnostics);
  }
}

// What parse_csv and build_dataset give for the same files (named as load_folder names them), or
// only "error": they read a record at a time, where load_folder takes plain records a batch at a
// time (CsvScanner::plain_records). The order of the errors of several files may differ.
std::string digest_by_text(const std::filesystem::path& dir, const std::string_view (&parts)[4],
                           const std::vector<std::string>& needed) {
  static const char* const kTables[] = {"agencies", "services", "objections", "schedule"};
  std::map<std::string, ereje::input::TextTable> tables;
  try {
    for (std::size_t i = 0; i < 4; ++i)
      if (!parts[i].empty())
        tables[kTables[i]] = ereje::input::parse_csv(std::string(parts[i]), (dir / (std::string(kTables[i]) + ".csv")).string(),
                                                     contract().in_force->find(kTables[i]));
    return digest(ereje::input::build_dataset(dir.string(), contract().in_force, std::move(tables), needed));
  } catch (const ereje::InputError&) {
    return "error\n";
  }
}

// The case's CSV files in a folder of this process, read through windows and from the mapping.
void windows_against_mapping(const std::string_view (&parts)[4], std::size_t window) {
  static const char* const kTables[] = {"agencies", "services", "objections", "schedule"};
  static const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("ereje-fuzz-data-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::vector<std::string> needed;
  for (std::size_t i = 0; i < 4; ++i) {
    const std::filesystem::path file = dir / (std::string(kTables[i]) + ".csv");
    std::error_code ec;
    std::filesystem::remove(file, ec);
    if (parts[i].empty()) continue;
    std::ofstream(file, std::ios::binary).write(parts[i].data(), static_cast<std::streamsize>(parts[i].size()));
    if (i > 0) needed.emplace_back(kTables[i]);
  }
  const std::string mapped = digest_of(dir.string(), needed, 0);
  if (digest_of(dir.string(), needed, window) != mapped) __builtin_trap();
  const std::string by_text = digest_by_text(dir, parts, needed);
  if (mapped.rfind("error\n", 0) == 0 ? by_text != "error\n" : by_text != mapped) __builtin_trap();
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
  std::string_view parts[4];
  for (std::size_t i = 0; i < 4; ++i) {
    std::size_t cut = rest.find('\f');
    parts[i] = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
  }
  if (csv && (data[0] & 2) != 0) windows_against_mapping(parts, 1 + (size * 2654435761u >> 7) % 97);
  for (std::size_t i = 0; i < 4; ++i) {
    const char* name = kTables[i];
    const std::string_view part = parts[i];
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
