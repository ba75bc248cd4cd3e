// Unit tests of the language server's pieces: byte offsets to and from UTF-16 positions (Kazakh
// letters are one code unit and two bytes, an emoji two units and four bytes), line breaks of
// every kind, file: URIs, Content-Length framing, and a whole session run in memory.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/Commands.hpp"
#include "cli/LspText.hpp"

using namespace ereje;
using cli::lsp::LineIndex;
using cli::lsp::Position;
using json = nlohmann::json;

TEST_CASE("lsp: byte offsets to UTF-16 positions", "[lsp]") {
  // қ: 2 bytes, 1 unit; 😀 (U+1F600): 4 bytes, 2 units. Lines end in \n, \r\n and \r.
  const std::string text = "қ😀a\nб\r\nc\rd";
  LineIndex ix(text);
  CHECK(ix.position(0) == Position{0, 0});
  CHECK(ix.position(2) == Position{0, 1});   // after қ
  CHECK(ix.position(3) == Position{0, 1});   // inside the emoji: its start
  CHECK(ix.position(6) == Position{0, 3});   // after the emoji: two units
  CHECK(ix.position(7) == Position{0, 4});   // the line break
  CHECK(ix.position(8) == Position{1, 0});   // б
  CHECK(ix.position(10) == Position{1, 1});  // \r of \r\n
  CHECK(ix.position(11) == Position{1, 1});  // \n of \r\n: still the end of line 1
  CHECK(ix.position(12) == Position{2, 0});  // c
  CHECK(ix.position(14) == Position{3, 0});  // d, after a lone \r
  CHECK(ix.position(15) == Position{3, 1});
  CHECK(ix.position(999) == Position{3, 1});  // past the end: the end
}

TEST_CASE("lsp: UTF-16 positions to byte offsets", "[lsp]") {
  const std::string text = "қ😀a\nб\r\nc\rd";
  LineIndex ix(text);
  CHECK(ix.offset({0, 0}) == 0);
  CHECK(ix.offset({0, 1}) == 2);
  CHECK(ix.offset({0, 2}) == 2);   // between the two units of a surrogate pair: the emoji's start
  CHECK(ix.offset({0, 3}) == 6);
  CHECK(ix.offset({0, 4}) == 7);
  CHECK(ix.offset({0, 99}) == 7);  // past the end of the line: its end, never the next line
  CHECK(ix.offset({1, 1}) == 10);
  CHECK(ix.offset({1, 5}) == 10);
  CHECK(ix.offset({3, 1}) == 15);
  CHECK(ix.offset({9, 0}) == text.size());
  // Every character start goes there and back.
  for (std::size_t off : {0, 2, 6, 7, 8, 10, 12, 13, 14, 15}) CHECK(ix.offset(ix.position(off)) == off);
}

TEST_CASE("lsp: Kazakh text before an error and broken UTF-8", "[lsp]") {
  const std::string line = "  let қызмет = \"Мемлекеттік 😀\" + * 2";
  LineIndex ix(line);
  std::size_t star = line.find('*');
  // 2 + "let қызмет = " (13) + "\"Мемлекеттік 😀\"" (1 + 12 + 2 + 1) + " + " (3) = 34 units.
  CHECK(ix.position(star) == Position{0, 34});
  CHECK(ix.offset({0, 34}) == star);
  // A byte that is not UTF-8 counts as one unit and is stepped over.
  const std::string broken = "a\xFF\xC3z";
  LineIndex bad(broken);
  CHECK(bad.position(4) == Position{0, 4});
  CHECK(bad.offset({0, 3}) == 3);
  LineIndex empty("");
  CHECK(empty.position(0) == Position{0, 0});
  CHECK(empty.offset({0, 5}) == 0);
}

TEST_CASE("lsp: file URIs", "[lsp]") {
  std::string path = "/tmp/ереже dir/a b#1.ereje";
  std::string uri = cli::lsp::path_to_uri(path);
  CHECK(uri == "file:///tmp/%D0%B5%D1%80%D0%B5%D0%B6%D0%B5%20dir/a%20b%231.ereje");
  CHECK(cli::lsp::uri_to_path(uri) == path);
  CHECK(cli::lsp::uri_to_path("file:///tmp/%d0%b5.ereje") == "/tmp/е.ereje");
  CHECK(cli::lsp::uri_to_path("file://localhost/x.ereje") == "/x.ereje");
  CHECK(cli::lsp::uri_to_path("untitled:Untitled-1").empty());
  CHECK(cli::lsp::uri_to_path("file://server/share/x").empty());
}

TEST_CASE("lsp: Content-Length framing", "[lsp]") {
  std::ostringstream out;
  cli::lsp::write_message(out, R"({"a":"қ"})");
  cli::lsp::write_message(out, "{}");
  CHECK(out.str() == "Content-Length: 10\r\n\r\n{\"a\":\"қ\"}Content-Length: 2\r\n\r\n{}");
  std::istringstream in(out.str() + "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[]");
  CHECK(cli::lsp::read_message(in) == std::optional<std::string>(R"({"a":"қ"})"));
  CHECK(cli::lsp::read_message(in) == std::optional<std::string>("{}"));
  CHECK(cli::lsp::read_message(in) == std::optional<std::string>("[]"));
  CHECK_FALSE(cli::lsp::read_message(in));
  std::istringstream broken("Content-Length: x\r\n\r\n{}");
  CHECK_FALSE(cli::lsp::read_message(broken));
  std::istringstream cut("Content-Length: 10\r\n\r\n{}");
  CHECK_FALSE(cli::lsp::read_message(cut));
}

namespace {

std::string frame(const json& j) {
  std::ostringstream out;
  cli::lsp::write_message(out, j.dump());
  return out.str();
}

std::vector<json> messages(const std::string& s) {
  std::istringstream in(s);
  std::vector<json> out;
  while (auto body = cli::lsp::read_message(in)) out.push_back(json::parse(*body));
  return out;
}

const json* response(const std::vector<json>& ms, int id) {
  for (const auto& m : ms)
    if (m.contains("id") && m["id"] == id && !m.contains("method")) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("lsp: a session in memory", "[lsp]") {
  const std::string uri = "untitled:Untitled-1";
  const std::string text =
      "act \"1\" \"Акт\" in_force 2023-01-01\n"
      "clause 49 \"Automation\"\n"
      "  title kk \"Автоматтандыру\"\n"
      "  title ru \"Автоматизация\"\n"
      "  evidence text official\n"
      "  let қызмет = count services \"барлық қызметтер\"\n"
      "  coefficient k = 10 / 4 \"scale\"\n"
      "  result T = қызмет * k range 0..k\n"
      "end\n";
  // The workspace is the project's data contract: an untitled document is read with its rule files.
  const json init_params = {{"rootUri", "file://" + std::string(EREJE_SOURCE_DIR) + "/rules/data"}};
  std::string session = frame({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", init_params}}) +
                        frame({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}}) +
                        frame({{"jsonrpc", "2.0"},
                               {"method", "textDocument/didOpen"},
                               {"params", {{"textDocument", {{"uri", uri}, {"languageId", "ereje"}, {"version", 1}, {"text", text}}}}}}) +
                        // hover on `k` in the result's formula (line 7: "  result T = қызмет * k")
                        frame({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "textDocument/hover"},
                               {"params", {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 7}, {"character", 22}}}}}}) +
                        frame({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "textDocument/definition"},
                               {"params", {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 7}, {"character", 14}}}}}}) +
                        frame({{"jsonrpc", "2.0"}, {"id", 4}, {"method", "textDocument/documentSymbol"},
                               {"params", {{"textDocument", {{"uri", uri}}}}}}) +
                        frame({{"jsonrpc", "2.0"}, {"id", 5}, {"method", "textDocument/formatting"},
                               {"params", {{"textDocument", {{"uri", uri}}}, {"options", {{"tabSize", 2}, {"insertSpaces", true}}}}}}) +
                        frame({{"jsonrpc", "2.0"}, {"id", 6}, {"method", "no/such"}, {"params", json::object()}}) +
                        frame({{"jsonrpc", "2.0"}, {"id", 7}, {"method", "shutdown"}}) +
                        frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
  std::istringstream in(session);
  std::ostringstream out, err;
  CHECK(cli::run_lsp({}, in, out, err) == 0);
  auto ms = messages(out.str());

  const json* init = response(ms, 1);
  REQUIRE(init);
  CHECK((*init)["result"]["capabilities"]["hoverProvider"] == true);
  CHECK((*init)["result"]["capabilities"]["textDocumentSync"]["change"] == 1);

  bool published = false;
  for (const auto& m : ms)
    if (m.value("method", "") == "textDocument/publishDiagnostics") {
      published = true;
      // Clean but for the range analysis: a count times 2.5 can pass 2.5 (a warning, with its test).
      REQUIRE(m["params"]["diagnostics"].size() == 1);
      CHECK(m["params"]["diagnostics"][0]["code"] == "result-can-leave-range");
      CHECK(m["params"]["diagnostics"][0]["severity"] == 2);
      CHECK(m["params"]["diagnostics"][0]["message"].get<std::string>().find("expect T = 5.00 out_of_range") != std::string::npos);
    }
  CHECK(published);

  const json* hover = response(ms, 2);
  REQUIRE(hover);
  std::string h = (*hover)["result"]["contents"]["value"];
  CHECK(h.find("coefficient k = 10 / 4") != std::string::npos);
  CHECK(h.find("value: **2.5**") != std::string::npos);
  CHECK(h.find("scale") != std::string::npos);
  CHECK(h.find("act \"1\"") != std::string::npos);
  CHECK((*hover)["result"]["range"]["start"] == json({{"line", 7}, {"character", 22}}));

  const json* def = response(ms, 3);
  REQUIRE(def);
  CHECK((*def)["result"]["uri"] == uri);
  CHECK((*def)["result"]["range"]["start"] == json({{"line", 5}, {"character", 6}}));
  CHECK((*def)["result"]["range"]["end"] == json({{"line", 5}, {"character", 12}}));  // қызмет: 6 units

  const json* symbols = response(ms, 4);
  REQUIRE(symbols);
  REQUIRE((*symbols)["result"].size() == 2);
  CHECK((*symbols)["result"][1]["name"] == "clause 49");
  CHECK((*symbols)["result"][1]["children"].size() == 3);

  const json* fmt = response(ms, 5);
  REQUIRE(fmt);
  REQUIRE((*fmt)["result"].size() == 1);
  CHECK((*fmt)["result"][0]["range"]["end"] == json({{"line", 9}, {"character", 0}}));
  std::string formatted = (*fmt)["result"][0]["newText"];
  CHECK(formatted.rfind("act \"1\" \"Акт\"\n  in_force 2023-01-01\n\nclause 49", 0) == 0);

  const json* unknown = response(ms, 6);
  REQUIRE(unknown);
  CHECK((*unknown)["error"]["code"] == -32601);
  REQUIRE(response(ms, 7));
}

TEST_CASE("lsp: `T of clause N` goes to the result it reads, inside a total", "[lsp][compose]") {
  const std::string uri = "untitled:Untitled-2";
  const std::string text =
      "act \"1\" \"Act\" in_force 2023-01-01\n"
      "clause 1 \"a\"\n"
      "  result A = 5 range 0..10\n"
      "end\n"
      "clause 2 \"total\"\n"
      "  result S = total of A of clause 1 weight 2 when n/a total n/a range 0..20\n"
      "end\n";
  const json init_params = {{"rootUri", "file://" + std::string(EREJE_SOURCE_DIR) + "/rules/data"}};
  std::string session = frame({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", init_params}}) +
                        frame({{"jsonrpc", "2.0"},
                               {"method", "textDocument/didOpen"},
                               {"params", {{"textDocument", {{"uri", uri}, {"languageId", "ereje"}, {"version", 1}, {"text", text}}}}}}) +
                        // `A of clause 1` on line 5, column 22 (the `A`)
                        frame({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "textDocument/definition"},
                               {"params", {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 5}, {"character", 22}}}}}}) +
                        frame({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "shutdown"}}) +
                        frame({{"jsonrpc", "2.0"}, {"method", "exit"}});
  std::istringstream in(session);
  std::ostringstream out, err;
  CHECK(cli::run_lsp({}, in, out, err) == 0);
  auto ms = messages(out.str());
  const json* def = response(ms, 2);
  REQUIRE(def);
  INFO(def->dump());
  CHECK((*def)["result"]["uri"] == uri);
  CHECK((*def)["result"]["range"]["start"] == json({{"line", 2}, {"character", 9}}));
}
