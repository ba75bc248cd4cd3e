// Receipts for the special commission that reviews objections: what a run read and produced,
// by SHA-256, so that `ereje replay` can confirm the same results byte for byte later, or name
// exactly which rule or data file changed.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace ereje::cli {

struct FileHash {
  std::string path;
  std::string sha256;  // lowercase hex; empty when the file could not be read
};

struct Receipt {
  std::string engine;                 // "ereje 0.1.0"
  std::vector<std::string> rule_args; // the RULES arguments as given
  std::string data;                   // the --data folder as given
  std::string as_of;                  // always recorded, even when it defaulted to today
  std::string format;
  std::string lang = "en";            // run --lang (recorded only when not en)
  bool names = false;                 // run --names (recorded only when given)
  std::string csv_dialect = "rfc4180"; // --csv-dialect (recorded only when not rfc4180)
  std::vector<FileHash> rules;        // every rule file read, and the embedded standard library
  std::vector<FileHash> data_files;
  std::string results_sha256;         // whatif: the answer's, as printed
  std::size_t results_rows = 0;
  // `whatif … --receipt` (docs/whatif.md): the question and the answer.
  std::string command = "run";        // "run" or "whatif"
  std::string agency, clause, target;  // and `lang` above
  std::vector<std::string> set;       // NAME=EXPR, as given
  std::string answer_json;            // the answer in JSON (one object), for reading
};

std::string sha256_hex(const std::string& bytes);
FileHash hash_file(const std::string& path);

std::string receipt_json(const Receipt& r);

// `replay` reads a receipt's paths only relative to one folder (docs/security.md). Why the path
// `p` may not be read: absolute, `..`, a URL, empty; empty when it may.
std::string receipt_path_problem(const std::string& p);
// `scheme:…` (postgresql://, sqlite:, file:): a URL, not a path.
bool receipt_path_is_url(const std::string& p);
// Reads a receipt; false with a message on `err` when the file is not one.
bool read_receipt(const std::string& path, Receipt& r, std::ostream& err);

inline constexpr const char* kEngineVersion = "ereje 0.1.0";

}  // namespace ereje::cli
