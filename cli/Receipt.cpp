// Receipts: hashing with OpenSSL's libcrypto, JSON with nlohmann.
#include "cli/Receipt.hpp"

#include "core/SharedLibrary.hpp"

#include <openssl/evp.h>

#include <fstream>
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
  static const Crypto lib = [] {
    SharedLibrary so(EREJE_CRYPTO_SONAME);
    Crypto c;
    c.load(so);
    if (!so.ok())
      throw std::runtime_error("cannot load OpenSSL's libcrypto for the receipt's hashes: " + so.error() +
                               " (Debian: apt-get install libssl3)");
    return c;
  }();
  return lib;
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

std::string receipt_json(const Receipt& r) {
  nlohmann::ordered_json j;
  j["receipt"] = 1;
  j["engine"] = r.engine;
  j["command"] = {{"rules", r.rule_args}, {"data", r.data}, {"as_of", r.as_of}, {"format", r.format}};
  auto files = [](const std::vector<FileHash>& fs) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto& f : fs) a.push_back({{"path", f.path}, {"sha256", f.sha256}});
    return a;
  };
  j["rules"] = files(r.rules);
  j["data"] = files(r.data_files);
  j["results"] = {{"sha256", r.results_sha256}, {"rows", r.results_rows}};
  return j.dump(2) + "\n";
}

bool read_receipt(const std::string& path, Receipt& r, std::ostream& err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    err << "error: cannot read receipt `" << path << "`\n";
    return false;
  }
  try {
    auto j = nlohmann::json::parse(in);
    if (j.value("receipt", 0) != 1) throw std::runtime_error("not a receipt");
    r.engine = j.at("engine").get<std::string>();
    r.rule_args = j.at("command").at("rules").get<std::vector<std::string>>();
    r.data = j.at("command").at("data").get<std::string>();
    r.as_of = j.at("command").at("as_of").get<std::string>();
    r.format = j.at("command").at("format").get<std::string>();
    for (const auto& f : j.at("rules")) r.rules.push_back({f.at("path"), f.at("sha256")});
    for (const auto& f : j.at("data")) r.data_files.push_back({f.at("path"), f.at("sha256")});
    r.results_sha256 = j.at("results").at("sha256").get<std::string>();
    r.results_rows = j.at("results").at("rows").get<std::size_t>();
  } catch (const std::exception&) {
    err << "error: `" << path << "` is not an ereje receipt\n  = help: receipts are written by `ereje run … --receipt FILE`\n";
    return false;
  }
  return true;
}

}  // namespace ereje::cli
