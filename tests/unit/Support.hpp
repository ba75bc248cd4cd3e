// Helpers shared by the unit tests: a scratch folder, reading files, and looking at text.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/Source.hpp"
#include "input/DataSet.hpp"
#include "input/LoadData.hpp"
#include "interpreter/Checker.hpp"
#include "interpreter/DataRules.hpp"
#include "interpreter/Evaluator.hpp"

namespace ereje::test {

// A folder of the repository's rule files, loaded and checked; a logic error if it does not check.
struct MethodologyRules {
  interp::RuleSet rules;
  interp::Checked checked;
};
inline MethodologyRules checked_rules(const std::string& folder) {
  MethodologyRules out;
  Diagnostics d;
  out.rules = interp::load_rules({std::string(EREJE_SOURCE_DIR) + "/" + folder}, d);
  out.checked = interp::check(out.rules, d);
  if (d.has_errors()) throw std::logic_error(folder + " does not check:\n" + render(d));
  return out;
}
// The data contract of the methodology (rules/data), loaded and checked once.
struct ContractRules : MethodologyRules {
  std::shared_ptr<const input::Contract> in_force;  // its tables are in force on every date
};
inline const ContractRules& contract_rules() {
  static const ContractRules c = [] {
    ContractRules out{checked_rules("rules/data"), nullptr};
    out.in_force = std::make_shared<const input::Contract>(out.rules.contract->at(Date{0}));
    return out;
  }();
  return c;
}
// The methodology (rules/, the data contract included), loaded and checked once.
inline const MethodologyRules& methodology() {
  static const MethodologyRules m = checked_rules("rules");
  return m;
}
// The methodology's data contract as a rule file, to load beside rule files written in a test.
inline std::pair<std::string, std::string> contract_file() {
  const std::string path = std::string(EREJE_SOURCE_DIR) + "/rules/data/tables.ereje";
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return {"rules/data/tables.ereje", ss.str()};
}
// `files` with the data contract before them.
inline std::vector<std::pair<std::string, std::string>> with_contract(std::vector<std::pair<std::string, std::string>> files) {
  files.insert(files.begin(), contract_file());
  return files;
}
inline std::shared_ptr<const input::Contract> contract() { return contract_rules().in_force; }
inline const input::TableSchema* table_schema(const std::string& name) { return contract()->find(name); }
// Every derived column of the data computed, as a run whose rules read them all would.
inline input::DataSet with_derived(input::DataSet ds) {
  interp::prepare_data(contract_rules().rules, contract_rules().checked, ds, Date{0}, {}, true);
  return ds;
}
// The readers with the methodology's contract, derived columns computed.
inline input::DataSet load_data_folder(const std::string& folder, const std::vector<std::string>& needed,
                                       const input::LoadOptions& options = {}) {
  return with_derived(input::load_folder(folder, contract(), needed, options));
}
inline input::DataSet build_data(std::string name, std::map<std::string, input::TextTable> tables,
                                 const std::vector<std::string>& needed) {
  return with_derived(input::build_dataset(std::move(name), contract(), std::move(tables), needed));
}
inline input::DataSet load_any(const std::string& data, const std::vector<std::string>& needed) {
  return with_derived(input::load_data(data, *contract_rules().rules.contract, Date{0}, needed));
}

// A fresh folder under the system's temporary folder, removed with everything in it at the end.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("ereje_test_" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Writes `text` to NAME (a path relative to the folder), making its folders.
  void write(const std::string& name, const std::string& text) const {
    std::filesystem::create_directories((path / name).parent_path());
    std::ofstream out(path / name, std::ios::binary);
    out << text;
  }
  // The folder's path, or that of NAME inside it.
  std::string str(const std::string& name = "") const { return name.empty() ? path.string() : (path / name).string(); }
  // The names in the folder, sorted.
  std::vector<std::string> files() const {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(path)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
};

// A whole file as bytes; empty when it cannot be read.
inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// Code points of a UTF-8 string, so that positions can be compared the way a terminal shows them.
inline std::u32string decode(const std::string& s) { return utf8_decode(s); }

// A data set of `bodies` bodies with random services (subtypes, exclusions, mobile) and objections,
// some of them unreviewed, so that guarded and unguarded empty values both occur.
inline input::DataSet synthetic_data(std::size_t bodies, std::size_t services, unsigned seed) {
  std::mt19937 rng(seed);
  std::map<std::string, input::TextTable> t;
  auto& ag = t["agencies"];
  ag.header = {"agency_id", "kind"};
  auto& sv = t["services"];
  sv.header = {"agency_id", "service_id", "parent_id", "automation", "portal_excluded", "mobile"};
  auto& ob = t["objections"];
  ob.header = {"agency_id", "objection_id", "clause", "submitted_on", "reviewed_on"};
  auto& sc = t["schedule"];
  sc.header = {"stage", "starts_on", "ends_on"};
  sc.records = {{"objections_review", "2023-10-01", "2023-10-15"}};
  const char* levels[] = {"none", "partial", "full"};
  std::size_t objection = 0;
  for (std::size_t b = 0; b < bodies; ++b) {
    std::string id = "B" + std::to_string(b);
    // Central, local, or no kind given (rank `within kind` leaves such a body unranked).
    ag.records.push_back({id, b % 7 == 6 ? "" : rng() % 2 ? "central" : "local"});
    std::size_t n = rng() % (2 * services + 1);  // some bodies have none
    for (std::size_t s = 0; s < n; ++s) {
      bool sub = s > 0 && rng() % 3 == 0;
      sv.records.push_back({id, "S" + std::to_string(s), sub ? "S0" : "", levels[rng() % 3], rng() % 20 ? "false" : "true",
                            rng() % 2 ? "true" : "false"});
    }
    for (std::size_t o = rng() % 3; o > 0; --o) {
      int day = 1 + static_cast<int>(rng() % 28);
      std::string reviewed = rng() % 4 == 0 ? "" : "2023-10-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
      ob.records.push_back({id, "O" + std::to_string(++objection), "49", "2023-09-01", reviewed});
    }
  }
  for (auto* tt : {&ag, &sv, &ob, &sc}) {
    for (std::size_t i = 0; i < tt->records.size(); ++i) {
      tt->lines.push_back(static_cast<std::uint32_t>(i + 2));
      tt->cols.push_back(std::vector<std::uint32_t>(tt->header.size(), 1));
    }
  }
  return test::build_data("<random>", std::move(t), {});
}

// Every row of an evaluation (value and status; with `kinds`, also what the row is and its kk label)
// and every warning, one line each: what two evaluation paths must agree on.
inline std::vector<std::string> evaluation_lines(const interp::Evaluation& ev, bool kinds = false) {
  std::vector<std::string> out;
  for (const auto& r : ev.rows)
    out.push_back(std::to_string(r.body) + " " + r.version->number + " " + r.result + " " + r.value.show() + " " +
                  interp::status_name(r.status) +
                  (kinds ? " " + std::string(interp::output_kind_name(r.kind)) + " " + r.label("kk") : std::string()));
  for (const auto& w : ev.warnings.list()) out.push_back(w.code + " " + w.message + " line " + std::to_string(w.line));
  return out;
}

}  // namespace ereje::test
