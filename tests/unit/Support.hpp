// Helpers shared by the unit tests: a scratch folder, reading files, and looking at text.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/Source.hpp"
#include "input/DataSet.hpp"
#include "input/LoadData.hpp"
#include "interpreter/Checker.hpp"
#include "interpreter/DataRules.hpp"

namespace ereje::test {

// The data contract of the methodology (rules/data), loaded and checked once.
struct ContractRules {
  interp::RuleSet rules;
  interp::Checked checked;
  std::shared_ptr<const input::Contract> in_force;  // its tables are in force on every date
};
inline const ContractRules& contract_rules() {
  static const ContractRules c = [] {
    ContractRules out;
    Diagnostics d;
    out.rules = interp::load_rules({std::string(EREJE_SOURCE_DIR) + "/rules/data"}, d);
    out.checked = interp::check(out.rules, d);
    if (d.has_errors()) throw std::logic_error("rules/data does not check:\n" + render(d));
    out.in_force = std::make_shared<const input::Contract>(out.rules.contract->at(Date{0}));
    return out;
  }();
  return c;
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

}  // namespace ereje::test
