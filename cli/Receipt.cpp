// Receipts: hashing with OpenSSL's libcrypto, JSON with nlohmann.
#include "cli/Receipt.hpp"

#include "core/SharedLibrary.hpp"

#include <openssl/evp.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <nlohmann/json.hpp>
#include <ostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace ereje::cli {

namespace {
// libcrypto is opened when a hash is first needed (a receipt, `replay`), not when ereje starts
// (core/SharedLibrary.hpp).
#define EREJE_CRYPTO_FUNCTIONS(F) \
  F(EVP_Digest) F(EVP_DigestFinal_ex) F(EVP_DigestInit_ex) F(EVP_DigestUpdate) F(EVP_MD_CTX_free) F(EVP_MD_CTX_new) F(EVP_sha256)
EREJE_LIBRARY_FUNCTIONS(Crypto, EREJE_CRYPTO_FUNCTIONS)

const Crypto& crypto() {
  return load_once<Crypto>(EREJE_CRYPTO_SONAME, [](const std::string& why) {
    throw std::runtime_error("cannot load OpenSSL's libcrypto for the receipt's hashes: " + why +
                             " (Debian: apt-get install libssl3)");
  });
}

std::string hex_digest(const unsigned char* md, unsigned int len) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 15];
  }
  return out;
}
}  // namespace

std::string sha256_hex(const std::string& bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  crypto().EVP_Digest(bytes.data(), bytes.size(), md, &len, crypto().EVP_sha256(), nullptr);
  return hex_digest(md, len);
}

FileHash hash_file(const std::string& path) {
  // In fixed blocks: a data file of hundreds of megabytes never sits whole in memory.
  std::ifstream in(path, std::ios::binary);
  if (!in) return {path, ""};
  std::unique_ptr<EVP_MD_CTX, decltype(crypto().EVP_MD_CTX_free)> ctx(crypto().EVP_MD_CTX_new(), crypto().EVP_MD_CTX_free);
  if (!ctx || crypto().EVP_DigestInit_ex(ctx.get(), crypto().EVP_sha256(), nullptr) != 1) return {path, ""};
  std::vector<char> block(1 << 20);
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    if (in.gcount() > 0) crypto().EVP_DigestUpdate(ctx.get(), block.data(), static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return {path, ""};
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  crypto().EVP_DigestFinal_ex(ctx.get(), md, &len);
  return {path, hex_digest(md, len)};
}

// Looks like `scheme:…` (postgresql://, sqlite:, file:): not a path in a receipt.
bool receipt_path_is_url(const std::string& p) {
  auto colon = p.find(':');
  if (colon == std::string::npos || colon < 2) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = p[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

// Why the receipt's path `p` may not be read; empty when it may be (still to be resolved under the root).
std::string receipt_path_problem(const std::string& p) {
  if (p.empty()) return "is empty";
  if (receipt_path_is_url(p)) return "is a URL, not a path";
  if (p[0] == '/') return "is an absolute path";
  for (const auto& part : std::filesystem::path(p))
    if (part == "..") return "climbs out of its folder with `..`";
  return {};
}

std::string receipt_json(const Receipt& r) {
  nlohmann::ordered_json j;
  j["receipt"] = 1;
  j["engine"] = r.engine;
  j["command"] = {{"rules", r.rule_args}, {"data", r.data}, {"as_of", r.as_of}, {"format", r.format}};
  // What changes the results' bytes beside the format; left out when default, as receipts had it.
  if (r.lang != "en") j["command"]["lang"] = r.lang;
  if (r.names) j["command"]["names"] = true;
  if (r.csv_dialect != "rfc4180") j["command"]["csv_dialect"] = r.csv_dialect;
  if (r.command == "whatif") {
    j["command"] = {{"name", "whatif"}, {"rules", r.rule_args}, {"data", r.data},      {"agency", r.agency},
                    {"clause", r.clause}, {"as_of", r.as_of},   {"set", r.set},        {"target", r.target},
                    {"format", r.format}, {"lang", r.lang}};
    if (r.csv_dialect != "rfc4180") j["command"]["csv_dialect"] = r.csv_dialect;
  }
  auto files = [](const std::vector<FileHash>& fs) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto& f : fs) a.push_back({{"path", f.path}, {"sha256", f.sha256}});
    return a;
  };
  j["rules"] = files(r.rules);
  j["data"] = files(r.data_files);
  if (r.command == "whatif")
    j["answer"] = {{"sha256", r.results_sha256}, {"json", nlohmann::ordered_json::parse(r.answer_json)}};
  else
    j["results"] = {{"sha256", r.results_sha256}, {"rows", r.results_rows}};
  return j.dump(2) + "\n";
}

namespace {

// A receipt is untrusted input (docs/security.md): whoever hands it over chose every byte. It is
// read whole (up to kMaxReceiptBytes), every field checked for its type and size, and nothing of
// it is quoted back in a message but the names of its fields.
constexpr std::size_t kMaxReceiptBytes = 16u << 20;
constexpr std::size_t kMaxString = 4096;
constexpr std::size_t kMaxEntries = 100000;
constexpr std::uint64_t kMaxRows = 1'000'000'000'000ull;

struct Bad : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const nlohmann::json& field(const nlohmann::json& j, const char* key, const std::string& where) {
  auto it = j.find(key);
  if (it == j.end()) throw Bad("`" + where + key + "` is missing");
  return *it;
}

std::string text(const nlohmann::json& j, const std::string& name) {
  if (!j.is_string()) throw Bad("`" + name + "` is not a string");
  const auto& s = j.get_ref<const std::string&>();
  if (s.size() > kMaxString) throw Bad(fmt::format("`{}` is longer than {} bytes", name, kMaxString));
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) throw Bad("`" + name + "` holds a control character");
  return s;
}

const nlohmann::json& list(const nlohmann::json& j, const std::string& name) {
  if (!j.is_array()) throw Bad("`" + name + "` is not a list");
  if (j.size() > kMaxEntries) throw Bad(fmt::format("`{}` has more than {} entries", name, kMaxEntries));
  return j;
}

bool is_sha256(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::vector<FileHash> files(const nlohmann::json& j, const std::string& name, bool may_be_unreadable) {
  std::vector<FileHash> out;
  for (std::size_t i = 0; i < list(j, name).size(); ++i) {
    const auto& f = j[i];
    std::string at = fmt::format("{}[{}]", name, i);
    if (!f.is_object()) throw Bad("`" + at + "` is not an object");
    FileHash h{text(field(f, "path", at + "."), at + ".path"), text(field(f, "sha256", at + "."), at + ".sha256")};
    if (h.path.empty()) throw Bad("`" + at + ".path` is empty");
    if (!is_sha256(h.sha256) && !(may_be_unreadable && h.sha256.empty()))
      throw Bad("`" + at + ".sha256` is not a SHA-256 in lowercase hex");
    out.push_back(std::move(h));
  }
  return out;
}

// Parses with a check the JSON library does not make: no key twice in one object (which of two
// values a reader keeps is a choice a hostile receipt could exploit), and no nesting deeper than a
// receipt's.
nlohmann::json parse_strict(const std::string& bytes) {
  std::vector<std::set<std::string>> keys;
  auto cb = [&keys](int depth, nlohmann::json::parse_event_t ev, nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    if (depth > 8) throw Bad("it is nested deeper than a receipt is");
    if (ev == E::object_start) keys.emplace_back();
    else if (ev == E::object_end && !keys.empty()) keys.pop_back();
    else if (ev == E::key && !keys.empty()) {
      const auto& k = parsed.get_ref<const std::string&>();
      if (!keys.back().insert(k).second) {
        bool plain = !k.empty() && k.size() <= 32 &&
                     std::all_of(k.begin(), k.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
        throw Bad(plain ? "the key `" + k + "` appears twice in one object" : "a key appears twice in one object");
      }
    }
    return true;
  };
  try {
    return nlohmann::json::parse(bytes, cb);
  } catch (const nlohmann::json::parse_error& e) {
    // The library's message quotes the bytes it read last: said by position only.
    throw Bad(fmt::format("it is not valid JSON (at byte {})", e.byte));
  }
}

}  // namespace

bool read_receipt(const std::string& path, Receipt& r, std::ostream& err) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(path, ec)) {
    err << "error: cannot read receipt `" << path << "`\n  = help: check the path; receipts are written by `ereje run … --receipt FILE`\n";
    return false;
  }
  std::string bytes(kMaxReceiptBytes + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  try {
    if (bytes.size() > kMaxReceiptBytes) throw Bad(fmt::format("it is larger than {} MiB", kMaxReceiptBytes >> 20));
    const nlohmann::json j = parse_strict(bytes);
    if (!j.is_object()) throw Bad("it is not a JSON object");
    const auto& version = field(j, "receipt", "");
    if (!version.is_number_unsigned() || version.get<std::uint64_t>() != 1) throw Bad("`receipt` is not 1");
    r = Receipt{};
    r.engine = text(field(j, "engine", ""), "engine");
    const auto& command = field(j, "command", "");
    if (!command.is_object()) throw Bad("`command` is not an object");
    for (std::size_t i = 0; i < list(field(command, "rules", "command."), "command.rules").size(); ++i)
      r.rule_args.push_back(text(command["rules"][i], fmt::format("command.rules[{}]", i)));
    if (r.rule_args.empty()) throw Bad("`command.rules` is empty");
    r.data = text(field(command, "data", "command."), "command.data");
    if (r.data.empty()) throw Bad("`command.data` is empty");
    r.as_of = text(field(command, "as_of", "command."), "command.as_of");
    bool date = r.as_of.size() == 10 && r.as_of[4] == '-' && r.as_of[7] == '-';
    for (std::size_t i = 0; i < r.as_of.size() && date; ++i) date = i == 4 || i == 7 || (r.as_of[i] >= '0' && r.as_of[i] <= '9');
    if (!date) throw Bad("`command.as_of` is not a date (YYYY-MM-DD)");
    r.format = text(field(command, "format", "command."), "command.format");
    if (command.contains("name")) {
      r.command = text(command["name"], "command.name");
      if (r.command != "whatif") throw Bad("`command.name` is not whatif");
    }
    if (r.command == "whatif") {
      if (r.format != "text" && r.format != "json") throw Bad("`command.format` is not text or json");
      r.agency = text(field(command, "agency", "command."), "command.agency");
      r.clause = text(field(command, "clause", "command."), "command.clause");
      r.target = text(field(command, "target", "command."), "command.target");
      r.lang = text(field(command, "lang", "command."), "command.lang");
      if (r.lang != "kk" && r.lang != "ru" && r.lang != "en") throw Bad("`command.lang` is not kk, ru or en");
      for (std::size_t i = 0; i < list(field(command, "set", "command."), "command.set").size(); ++i)
        r.set.push_back(text(command["set"][i], fmt::format("command.set[{}]", i)));
      if (r.set.empty() == r.target.empty()) throw Bad("`command` has not exactly one of `set` and `target`");
    } else if (r.format != "csv" && r.format != "json" && r.format != "table" && r.format != "xlsx") {
      throw Bad("`command.format` is not csv, json, table or xlsx");
    }
    if (r.command != "whatif" && command.contains("lang")) {
      r.lang = text(command["lang"], "command.lang");
      if (r.lang != "kk" && r.lang != "ru" && r.lang != "en") throw Bad("`command.lang` is not kk, ru or en");
    }
    if (command.contains("csv_dialect")) {
      r.csv_dialect = text(command["csv_dialect"], "command.csv_dialect");
      if (r.csv_dialect != "rfc4180" && r.csv_dialect != "excel-ru") throw Bad("`command.csv_dialect` is not rfc4180 or excel-ru");
    }
    if (command.contains("names")) {
      if (!command["names"].is_boolean()) throw Bad("`command.names` is not true or false");
      r.names = command["names"].get<bool>();
    }
    r.rules = files(field(j, "rules", ""), "rules", false);
    r.data_files = files(field(j, "data", ""), "data", true);
    if (r.command == "whatif") {
      const auto& answer = field(j, "answer", "");
      if (!answer.is_object()) throw Bad("`answer` is not an object");
      r.results_sha256 = text(field(answer, "sha256", "answer."), "answer.sha256");
      if (!is_sha256(r.results_sha256)) throw Bad("`answer.sha256` is not a SHA-256 in lowercase hex");
      const auto& aj = field(answer, "json", "answer.");
      if (!aj.is_object()) throw Bad("`answer.json` is not an object");
      r.answer_json = aj.dump();
      return true;
    }
    const auto& results = field(j, "results", "");
    if (!results.is_object()) throw Bad("`results` is not an object");
    r.results_sha256 = text(field(results, "sha256", "results."), "results.sha256");
    if (!is_sha256(r.results_sha256)) throw Bad("`results.sha256` is not a SHA-256 in lowercase hex");
    const auto& rows = field(results, "rows", "results.");
    if (!rows.is_number_unsigned() || rows.get<std::uint64_t>() > kMaxRows)
      throw Bad(fmt::format("`results.rows` is not a whole number from 0 to {}", kMaxRows));
    r.results_rows = static_cast<std::size_t>(rows.get<std::uint64_t>());
  } catch (const Bad& e) {
    err << "error: `" << path << "` is not an ereje receipt: " << e.what()
        << "\n  = help: receipts are written by `ereje run … --receipt FILE`; one edited by hand or cut short is "
           "not read\n";
    return false;
  } catch (const std::exception&) {  // the JSON library's other errors (a number out of range)
    err << "error: `" << path << "` is not an ereje receipt: it is not valid JSON"
        << "\n  = help: receipts are written by `ereje run … --receipt FILE`; one edited by hand or cut short is "
           "not read\n";
    return false;
  }
  return true;
}

}  // namespace ereje::cli
