// Dispatch of `--data` on what it names: see LoadData.hpp.
#include "input/LoadData.hpp"

#include <filesystem>

#include "input/PostgresReader.hpp"
#include "input/SqliteReader.hpp"

namespace ereje::input {
namespace {

bool has_db_extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext == ".sqlite" || ext == ".sqlite3" || ext == ".db";
}

}  // namespace

std::string shown_data(const std::string& data) { return is_postgres_url(data) ? redact_url(data) : data; }

DataSet load_data(const std::string& data, const Contract& contract, Date as_of, const std::vector<std::string>& needed,
                  const LoadOptions& options) {
  namespace fs = std::filesystem;
  auto in_force = std::make_shared<const Contract>(contract.at(as_of));
  if (is_postgres_url(data)) return load_postgres(data, in_force, needed);
  std::error_code ec;
  if (fs::is_regular_file(data, ec)) {
    if (has_db_extension(data) || looks_like_sqlite(data)) return load_sqlite(data, in_force, needed);
  }
  if (!fs::exists(data, ec) && has_db_extension(data)) return load_sqlite(data, in_force, needed);  // says it does not exist
  return load_folder(data, in_force, needed, options);
}

}  // namespace ereje::input
