// `ereje lsp`: a Language Server Protocol server on standard input and output, for editors.
// Each open document is parsed and checked together with the standard library and the other rule
// files of its folder (the buffers of open documents rather than their files on disk), the way
// `ereje check FOLDER` would; diagnostics are published on open and on every change. Hover,
// go to definition, document symbols and formatting (grammar/Formatter) work on the last check.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "cli/Commands.hpp"
#include "cli/Common.hpp"
#include "cli/LspComplete.hpp"
#include "cli/LspText.hpp"
#include "grammar/Formatter.hpp"
#include "grammar/Parser.hpp"
#include "grammar/Visit.hpp"
#include "input/Schema.hpp"
#include "interpreter/Range.hpp"

namespace ereje::cli {
namespace {
using json = nlohmann::json;
namespace fs = std::filesystem;

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700, kInvalidRequest = -32600, kMethodNotFound = -32601, kInvalidParams = -32602,
              kInternalError = -32603, kServerNotInitialized = -32002;

// One document, checked with its folder.
struct Analysis {
  std::string uri;
  std::string name;  // the SourceFile's name: the path for a file: URI, else the URI
  Diagnostics diags;
  interp::RuleSet rules;
  interp::Checked checked;
  const ast::File* file = nullptr;   // the document's AST in `rules`
  std::unique_ptr<lsp::LineIndex> index;  // over the document's text
};

// What stands under the cursor.
struct Target {
  enum Kind { None, Act, Clause, Let, Coefficient, Result, Obligation, Column, Table, Function, Param, Builtin, AsOf };
  Kind kind = None;
  const ast::Clause* clause = nullptr;  // Clause (also a replaced or repealed version), and the definitions
  std::size_t index = 0;                // Let, Coefficient, Result, Obligation, Param
  const ast::Function* function = nullptr;
  std::string table, column, builtin;
  Span span;  // the word under the cursor, for the hover's range
};

std::string type_name(input::ColumnType t) {
  switch (t) {
    case input::ColumnType::Text: return "text";
    case input::ColumnType::Enum: return "one of";
    case input::ColumnType::Bool: return "true/false";
    case input::ColumnType::Date: return "date";
    case input::ColumnType::Whole: return "whole number";
    case input::ColumnType::Decimal: return "decimal number";
  }
  return "?";
}

std::string code(const std::string& s) { return "```ereje\n" + s + "\n```\n"; }

class Server {
 public:
  Server(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}

  // Handles one message; the exit status once `exit` arrives.
  std::optional<int> handle(const json& msg) {
    if (!msg.is_object() || !msg.contains("method") || !msg["method"].is_string()) {
      if (msg.is_object() && msg.contains("id") && !msg.contains("result") && !msg.contains("error"))
        reply_error(msg["id"], kInvalidRequest, "a request needs a method");
      return std::nullopt;  // a response to a request of ours (we send none), or garbage
    }
    const std::string method = msg["method"];
    const bool request = msg.contains("id");
    const json id = request ? msg["id"] : json();
    const json params = msg.contains("params") ? msg["params"] : json::object();
    if (method == "exit") return shut_down_ ? 0 : 1;
    if (!initialized_ && method != "initialize") {
      if (request) reply_error(id, kServerNotInitialized, "the server is not initialized yet");
      return std::nullopt;
    }
    if (shut_down_ && request) {
      reply_error(id, kInvalidRequest, "the server is shutting down");
      return std::nullopt;
    }
    try {
      if (method == "initialize") {
        // The workspace folder: the rule set of a document that is not a file yet (untitled).
        if (params.is_object() && params.contains("rootUri") && params["rootUri"].is_string())
          root_ = lsp::uri_to_path(params["rootUri"].get<std::string>());
        // Hovers in the editor's language: `"initializationOptions": {"lang": "kk"}` (kk, ru or en;
        // anything else keeps English and says so on the server's log).
        if (params.is_object() && params.contains("initializationOptions") && params["initializationOptions"].is_object()) {
          const json& io = params["initializationOptions"];
          if (io.contains("lang") && io["lang"].is_string()) {
            const std::string l = io["lang"].get<std::string>();
            if (l == "kk" || l == "ru" || l == "en") lang_ = l;
            else err_ << "ereje lsp: unknown language `" << l.substr(0, 20) << "` in initializationOptions; hovers in English (use kk, ru or en)\n";
          }
        }
        reply(id, initialize());
        return std::nullopt;
      }
      if (method == "shutdown") {
        shut_down_ = true;
        reply(id, nullptr);
        return std::nullopt;
      }
      if (method == "textDocument/didOpen") {
        const auto& doc = params.at("textDocument");
        texts_[doc.at("uri")] = doc.at("text").get<std::string>();
        changed(doc.at("uri"));
      } else if (method == "textDocument/didChange") {
        const std::string uri = params.at("textDocument").at("uri");
        std::string& text = texts_[uri];
        for (const auto& c : params.at("contentChanges")) {
          if (c.contains("range")) {  // incremental, though we ask for full: apply it all the same
            lsp::LineIndex index(text);
            std::size_t b = index.offset(position(c["range"]["start"])), e = index.offset(position(c["range"]["end"]));
            if (e < b) std::swap(b, e);
            text.replace(b, e - b, c.at("text").get<std::string>());
          } else {
            text = c.at("text").get<std::string>();
          }
        }
        changed(uri);
      } else if (method == "textDocument/didClose") {
        const std::string uri = params.at("textDocument").at("uri");
        texts_.erase(uri);
        analyses_.erase(uri);
        notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
        republish_folder(uri);  // the others now read the file on disk
      } else if (method == "textDocument/hover") {
        reply(id, with_document(params, [&](const Analysis& a, std::size_t off) { return hover(a, off); }));
      } else if (method == "textDocument/definition") {
        reply(id, with_document(params, [&](const Analysis& a, std::size_t off) { return definition(a, off); }));
      } else if (method == "textDocument/documentSymbol") {
        const Analysis* a = analysis(params.at("textDocument").at("uri"));
        reply(id, a ? document_symbols(*a) : json(nullptr));
      } else if (method == "textDocument/completion") {
        // From the text as the editor has it now (it seldom parses mid-edit) and the last check.
        const std::string uri = params.at("textDocument").at("uri");
        const Analysis* a = analysis(uri);
        auto t = texts_.find(uri);
        if (!a || t == texts_.end()) {
          reply(id, json::array());
        } else {
          lsp::LineIndex index(t->second);
          reply(id, lsp::completion(a->rules, t->second, index.offset(position(params.at("position")))));
        }
      } else if (method == "textDocument/codeAction") {
        reply(id, code_actions(params));
      } else if (method == "textDocument/formatting") {
        reply(id, formatting(params.at("textDocument").at("uri")));
      } else if (request) {
        reply_error(id, kMethodNotFound, "method not supported: " + method);
      }
      // Other notifications (initialized, $/cancelRequest, didSave, …) need nothing.
    } catch (const json::exception& e) {
      if (request) reply_error(id, kInvalidParams, std::string("bad parameters: ") + e.what());
      else err_ << "ereje lsp: bad parameters for " << method << ": " << e.what() << "\n";
    } catch (const std::exception& e) {
      if (request) reply_error(id, kInternalError, e.what());
      else err_ << "ereje lsp: " << method << ": " << e.what() << "\n";
    }
    return std::nullopt;
  }

  bool shut_down() const { return shut_down_; }

  void reply_error(const json& id, int code_, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code_}, {"message", message}}}});
  }

 private:
  // ---- messages ----
  void send(const json& msg) {
    // Text from rule files on disk may be broken UTF-8: replace such bytes rather than fail.
    lsp::write_message(out_, msg.dump(-1, ' ', false, json::error_handler_t::replace));
  }
  void reply(const json& id, const json& result) { send({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}}); }
  void notify(const std::string& method, const json& params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }

  json initialize() {
    initialized_ = true;
    return {{"capabilities",
             {{"positionEncoding", "utf-16"},
              {"textDocumentSync", {{"openClose", true}, {"change", 1}}},  // 1: the whole text on every change
              {"hoverProvider", true},
              {"definitionProvider", true},
              {"documentSymbolProvider", true},
              {"documentFormattingProvider", true},
              {"completionProvider", {{"triggerCharacters", {" ", "["}}}},
              {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
            {"serverInfo", {{"name", "ereje"}, {"version", "0.1.0"}}}};
  }

  static lsp::Position position(const json& p) {
    return {p.at("line").get<std::size_t>(), p.at("character").get<std::size_t>()};
  }
  static json to_json(lsp::Position p) { return {{"line", p.line}, {"character", p.character}}; }
  static json range(const lsp::LineIndex& index, std::size_t b, std::size_t e) {
    return {{"start", to_json(index.position(b))}, {"end", to_json(index.position(std::max(b, e)))}};
  }

  template <typename F>
  json with_document(const json& params, F f) {
    const Analysis* a = analysis(params.at("textDocument").at("uri"));
    if (!a || !a->file) return nullptr;
    return f(*a, a->index->offset(position(params.at("position"))));
  }

  const Analysis* analysis(const std::string& uri) {
    auto it = analyses_.find(uri);
    return it == analyses_.end() ? nullptr : it->second.get();
  }

  // ---- checking ----

  // The document and every open document of the same folder: their diagnostics may depend on it
  // (two versions of a clause in two files).
  void changed(const std::string& uri) {
    publish(uri);
    republish_folder(uri);
  }
  void republish_folder(const std::string& uri) {
    std::string path = lsp::uri_to_path(uri);
    if (path.empty()) return;
    for (const auto& [other, text] : texts_) {
      std::string p = lsp::uri_to_path(other);
      if (other != uri && !p.empty() && fs::path(p).parent_path() == fs::path(path).parent_path()) publish(other);
    }
  }

  void publish(const std::string& uri) {
    auto a = analyze(uri);
    json list = json::array();
    for (const auto& d : a->diags.list()) {
      json r;
      if (d.span.valid()) {
        if (!a->file || d.span.file != a->file->source.get()) continue;
        r = range(*a->index, d.span.begin, d.span.end);
      } else if (d.file == a->name) {
        r = {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}};
      } else {
        continue;
      }
      json item = {{"range", r},
                   {"severity", d.severity == Severity::Error ? 1 : d.severity == Severity::Warning ? 2 : 3},
                   {"code", d.code},
                   {"source", "ereje"},
                   {"message", d.help.empty() ? d.message : d.message + "\nhelp: " + d.help}};
      json related = json::array();
      for (const auto& n : d.notes)
        if (auto loc = location(*a, n.span)) related.push_back({{"location", *loc}, {"message", n.message}});
      if (!related.empty()) item["relatedInformation"] = related;
      list.push_back(std::move(item));
    }
    notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", list}});
    analyses_[uri] = std::move(a);
  }

  // Quick fixes: for each diagnostic of the document in the requested range that knows its fix (a
  // look-alike letter, a "did you mean"), the edit that replaces the name with the one meant.
  json code_actions(const json& params) {
    const std::string uri = params.at("textDocument").at("uri");
    const Analysis* a = analysis(uri);
    json actions = json::array();
    if (!a || !a->file) return actions;
    const std::size_t from = a->index->offset(position(params.at("range").at("start")));
    const std::size_t to = a->index->offset(position(params.at("range").at("end")));
    for (const auto& d : a->diags.list()) {
      if (d.fix.empty() || !d.span.valid() || d.span.file != a->file->source.get()) continue;
      if (d.span.end < from || d.span.begin > to) continue;
      const json r = range(*a->index, d.span.begin, d.span.end);
      actions.push_back({{"title", "Replace with `" + d.fix + "`"},
                         {"kind", "quickfix"},
                         {"isPreferred", true},
                         {"diagnostics", json::array({{{"range", r}, {"code", d.code}, {"message", d.message}}})},
                         {"edit", {{"changes", {{uri, json::array({{{"range", r}, {"newText", d.fix}}})}}}}}});
    }
    return actions;
  }

  std::shared_ptr<Analysis> analyze(const std::string& uri) {
    auto a = std::make_shared<Analysis>();
    a->uri = uri;
    std::string path = lsp::uri_to_path(uri);
    a->name = path.empty() ? uri : path;
    // The rule set the file belongs to, as `ereje check FOLDER` reads it: the file's folder, or its
    // parent when that holds rule files in other folders too (`rules/acts/` beside `rules/data/`,
    // where the data contract is declared), every file in the byte order of its path.
    std::vector<std::string> names{a->name};
    if (!path.empty()) {
      std::error_code ec;
      const fs::path dir = fs::path(path).parent_path();
      fs::path root = dir;
      if (const fs::path up = dir.parent_path(); !up.empty() && up != dir && fs::is_directory(up, ec))
        for (auto it = fs::directory_iterator(up, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
          if (it->is_directory(ec) && it->path() != dir && !interp::rule_files_in(it->path().string()).empty()) root = up;
      if (fs::is_directory(root, ec))
        for (const auto& f : interp::rule_files_in(root.string()))
          if (fs::path(f) != fs::path(path)) names.push_back(f);
      std::sort(names.begin(), names.end());
    } else if (!root_.empty()) {
      // An untitled document: read with the workspace's rule files (its data contract above all).
      std::error_code ec;
      if (fs::is_directory(root_, ec))
        for (const auto& f : interp::rule_files_in(root_)) names.push_back(f);
    }
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& n : names) {
      if (n == a->name) {
        files.emplace_back(n, texts_[uri]);
      } else if (auto open = open_text(n)) {
        files.emplace_back(n, *open);
      } else {
        std::ifstream in(n, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        files.emplace_back(n, ss.str());
      }
    }
    a->rules = interp::load_rules_from_text(files, a->diags);
    a->checked = interp::check(a->rules, a->diags);
    interp::analyse_ranges(a->rules, a->checked, a->diags);  // as `ereje check` reports it
    a->diags.sort();
    for (const auto& f : a->rules.files)
      if (f.source->name == a->name) a->file = &f;
    a->index = std::make_unique<lsp::LineIndex>(a->file ? std::string_view(a->file->source->text) : std::string_view());
    return a;
  }

  std::optional<std::string> open_text(const std::string& path) const {
    for (const auto& [uri, text] : texts_)
      if (lsp::uri_to_path(uri) == path) return text;
    return std::nullopt;
  }

  // A span in any file of the analysis as an LSP location; none for the built-in standard library.
  std::optional<json> location(const Analysis& a, Span s) const {
    if (!s.valid()) return std::nullopt;
    if (a.file && s.file == a.file->source.get()) return json{{"uri", a.uri}, {"range", range(*a.index, s.begin, s.end)}};
    if (s.file->name.empty() || s.file->name[0] != '/') return std::nullopt;  // <stdlib>/prelude.ereje
    lsp::LineIndex index(s.file->text);
    std::string uri = path_to_uri_of_open(s.file->name);
    return json{{"uri", uri}, {"range", range(index, s.begin, s.end)}};
  }

  std::string path_to_uri_of_open(const std::string& path) const {
    for (const auto& [uri, text] : texts_)
      if (lsp::uri_to_path(uri) == path) return uri;  // the client's own spelling of it
    return lsp::path_to_uri(path);
  }

  // ---- what is under the cursor ----

  static bool at(Span s, std::size_t off) { return s.valid() && s.begin <= off && off <= s.end && s.begin < s.end; }

  // The innermost name, call or aggregate table under `off` in an expression.
  struct Found {
    const ast::Expr* expr = nullptr;
    std::string table;  // the rows the expression reads (aggregate or obligation)
    bool on_table = false;
  };
  static void visit(const ast::Expr& e, std::size_t off, const std::string& table, Found& out) {
    // The grammar's walk (grammar/Visit.hpp), narrowed to the nodes around `off`; inside an
    // aggregate, names are columns of its table.
    if (!e.span.valid() || off < e.span.begin || off > e.span.end) return;
    if (std::holds_alternative<ast::NameRef>(e.node) || std::holds_alternative<ast::ClauseRef>(e.node)) {
      out = {&e, table, false};
      return;
    }
    if (const auto* c = std::get_if<ast::Call>(&e.node); c && at(c->name_span, off)) out = {&e, table, false};
    const auto* agg = std::get_if<ast::Aggregate>(&e.node);
    if (agg && at(agg->table_span, off)) out = {&e, agg->table, true};
    ast::for_each_child(e, [&](const ast::Expr& x) { visit(x, off, agg ? agg->table : table, out); });
  }

  static Target from_expr(const Analysis& a, const Found& f, const ast::Clause* clause, const ast::Function* fn) {
    Target t;
    if (!f.expr) return t;
    t.span = f.expr->span;
    if (f.on_table) {
      const auto& agg = std::get<ast::Aggregate>(f.expr->node);
      t.kind = Target::Table;
      t.table = agg.table;
      t.span = agg.table_span;
      return t;
    }
    if (const auto* ref = std::get_if<ast::ClauseRef>(&f.expr->node)) {
      // `T of clause 49`: the result in the clause's latest version (the clause itself when that
      // version has no such result).
      t.clause = latest_version(a, ref->clause, nullptr);
      if (!t.clause) return Target{};
      t.kind = Target::Clause;
      for (std::size_t i = 0; i < t.clause->results.size(); ++i)
        if (t.clause->results[i].name == ref->name) { t.kind = Target::Result; t.index = i; }
      for (std::size_t i = 0; i < t.clause->obligations.size(); ++i)
        if (t.clause->obligations[i].name == ref->name) { t.kind = Target::Obligation; t.index = i; }
      return t;
    }
    if (const auto* call = std::get_if<ast::Call>(&f.expr->node)) {
      t.span = call->name_span;
      if (auto it = a.checked.calls.find(f.expr); it != a.checked.calls.end()) {
        t.kind = Target::Function;
        t.function = it->second;
      } else if (a.checked.builtins.count(f.expr)) {
        t.kind = Target::Builtin;
        t.builtin = call->function;
      }
      return t;
    }
    auto it = a.checked.bindings.find(f.expr);
    if (it == a.checked.bindings.end()) return t;
    const interp::Binding& b = it->second;
    t.clause = clause;
    t.function = fn;
    t.index = b.index;
    switch (b.kind) {
      case interp::Binding::Kind::Let: t.kind = clause ? Target::Let : Target::None; break;
      case interp::Binding::Kind::Coefficient: t.kind = clause ? Target::Coefficient : Target::None; break;
      case interp::Binding::Kind::Param: t.kind = fn ? Target::Param : Target::None; break;
      case interp::Binding::Kind::AsOf: t.kind = Target::AsOf; break;
      case interp::Binding::Kind::Column:
        t.kind = Target::Column;
        t.table = f.table;
        t.column = std::get<ast::NameRef>(f.expr->node).name;
        break;
      case interp::Binding::Kind::EnumValue:
      case interp::Binding::Kind::TextValue: break;
    }
    return t;
  }

  static Target find(const Analysis& a, std::size_t off) {
    const ast::File& file = *a.file;
    const SourceFile& src = *file.source;
    Target none;
    if (file.act && src.line_of(file.act->span.begin) == src.line_of(off) && off >= file.act->span.begin) {
      Target t;
      t.kind = Target::Act;
      t.span = Span{&src, file.act->span.begin, file.act->span.begin + 3};
      return t;
    }
    for (const auto& fn : file.functions) {
      if (off < fn.span.begin || off > fn.span.end) continue;
      if (at(fn.name_span, off)) {
        Target t;
        t.kind = Target::Function;
        t.function = &fn;
        t.span = fn.name_span;
        return t;
      }
      for (std::size_t i = 0; i < fn.param_spans.size(); ++i)
        if (at(fn.param_spans[i], off)) {
          Target t;
          t.kind = Target::Param;
          t.function = &fn;
          t.index = i;
          t.span = fn.param_spans[i];
          return t;
        }
      Found f;
      visit(*fn.body, off, "", f);
      return from_expr(a, f, nullptr, &fn);
    }
    for (const auto& r : file.repeals)
      if (at(r.span, off)) {
        Target t;
        t.kind = Target::Clause;
        t.clause = latest_version(a, r.number, nullptr);
        t.span = r.span;
        return t.clause ? t : none;
      }
    for (const auto& c : file.clauses) {
      std::uint32_t end = c.end_span.valid() ? c.end_span.end : c.span.end;
      if (off < c.span.begin || off > end) continue;
      Target t;
      t.clause = &c;
      auto named = [&](Target::Kind k, std::size_t i, Span s) {
        t.kind = k;
        t.index = i;
        t.span = s;
        return t;
      };
      if (at(c.number_span, off) || src.line_of(off) == src.line_of(c.span.begin)) return named(Target::Clause, 0, c.number_span);
      if (c.replaces && at(c.replaces_span, off)) {
        t.kind = Target::Clause;
        t.clause = latest_version(a, c.number, &c);
        t.span = c.replaces_span;
        return t.clause ? t : none;
      }
      Found f;
      for (std::size_t i = 0; i < c.lets.size(); ++i) {
        if (at(c.lets[i].name_span, off)) return named(Target::Let, i, c.lets[i].name_span);
        visit(*c.lets[i].value, off, "", f);
      }
      for (std::size_t i = 0; i < c.coefficients.size(); ++i) {
        if (at(c.coefficients[i].name_span, off)) return named(Target::Coefficient, i, c.coefficients[i].name_span);
        visit(*c.coefficients[i].value, off, "", f);
      }
      for (std::size_t i = 0; i < c.results.size(); ++i) {
        const auto& r = c.results[i];
        if (at(r.name_span, off)) return named(Target::Result, i, r.name_span);
        visit(*r.value, off, "", f);
        if (r.range_lo) visit(*r.range_lo, off, "", f);
        if (r.range_hi) visit(*r.range_hi, off, "", f);
      }
      for (const auto& r : c.result_changes) {
        if (r.range_lo) visit(*r.range_lo, off, "", f);
        if (r.range_hi) visit(*r.range_hi, off, "", f);
      }
      for (std::size_t i = 0; i < c.obligations.size(); ++i) {
        const auto& o = c.obligations[i];
        if (at(o.name_span, off)) return named(Target::Obligation, i, o.name_span);
        if (at(o.table_span, off)) {
          t.kind = Target::Table;
          t.table = o.table;
          t.span = o.table_span;
          return t;
        }
        visit(*o.breach, off, o.table, f);
      }
      for (std::size_t i = 0; i < c.ranks.size(); ++i) {
        if (at(c.ranks[i].name_span, off)) return named(Target::None, i, c.ranks[i].name_span);
        visit(*c.ranks[i].subject, off, "", f);
      }
      for (std::size_t i = 0; i < c.grades.size(); ++i) {
        if (at(c.grades[i].name_span, off)) return named(Target::None, i, c.grades[i].name_span);
        visit(*c.grades[i].subject, off, "", f);
        for (const auto& b : c.grades[i].bands)
          if (b.from) visit(*b.from, off, "", f);
      }
      for (const auto& test : c.tests) {
        for (const auto& e : test.expectations) {
          if (at(e.result_span, off)) {
            for (std::size_t i = 0; i < c.results.size(); ++i)
              if (c.results[i].name == e.result) return named(Target::Result, i, e.result_span);
            for (std::size_t i = 0; i < c.obligations.size(); ++i)
              if (c.obligations[i].name == e.result) return named(Target::Obligation, i, e.result_span);
          }
        }
        for (const auto& tt : test.tables) {
          if (at(tt.table_span, off)) {
            t.kind = Target::Table;
            t.table = tt.table;
            t.span = tt.table_span;
            return t;
          }
          for (const auto& g : tt.groups)
            for (const auto& as : g.assignments)
              if (at(as.column_span, off)) {
                t.kind = Target::Column;
                t.table = tt.table;
                t.column = as.column;
                t.span = as.column_span;
                return t;
              }
        }
      }
      // Names resolve in the version the clause makes: an amendment's formulas read inherited items.
      const interp::ClauseVersion* v = version_of(a, &c);
      return from_expr(a, f, v && v->clause ? v->clause : &c, nullptr);
    }
    return none;
  }

  // The version of clause `number` that `self` replaces (the one just before it), or with
  // `self` null the latest version that has a clause (for a repeal).
  static const ast::Clause* latest_version(const Analysis& a, const std::string& number, const ast::Clause* self) {
    auto it = a.rules.clauses.find(number);
    if (it == a.rules.clauses.end()) return nullptr;
    const ast::Clause* prev = nullptr;
    for (const auto& v : it->second) {
      if (self && v.as_written() == self) return prev;
      if (v.clause) prev = v.clause;
    }
    return self ? nullptr : prev;
  }

  static const interp::ClauseVersion* version_of(const Analysis& a, const ast::Clause* c) {
    if (!c) return nullptr;
    auto it = a.rules.clauses.find(c->number);
    if (it == a.rules.clauses.end()) return nullptr;
    for (const auto& v : it->second)
      if (v.as_written() == c || v.clause == c) return &v;
    return nullptr;
  }

  // "clause 49 of act "33140" (Joint order …), in force from 2023-07-24"
  static std::string provenance(const Analysis& a, const ast::Clause* c, const char* verb) {
    const auto* v = version_of(a, c);
    if (!v) return {};
    std::string s = (*verb ? word(verb) + " " + word("clause") + " " : word("clause") + " ") + c->number;
    if (v->act) s += ", " + word("of act") + " \"" + v->act->id + "\"" + (v->act->title.empty() ? "" : " (" + v->act->title + ")");
    s += ", " + word("in force from") + " " + format_date(v->from);
    if (v->until) s += " " + word("until") + " " + format_date(Date{v->until->days - 1});
    return s + "\n";
  }

  // A coefficient's value when its formula is constant arithmetic (numbers and other coefficients).
  static std::optional<Rational> coefficient_value(const Analysis& a, const ast::Clause& c, const ast::Expr& e,
                                                   int depth) {
    if (depth > 64) return std::nullopt;
    // Names of other coefficients: fold them first, through the checker's bindings.
    if (std::holds_alternative<ast::NameRef>(e.node)) {
      auto it = a.checked.bindings.find(&e);
      if (it == a.checked.bindings.end() || it->second.kind != interp::Binding::Kind::Coefficient ||
          it->second.index >= c.coefficients.size())
        return std::nullopt;
      return coefficient_value(a, c, *c.coefficients[it->second.index].value, depth + 1);
    }
    if (const auto* u = std::get_if<ast::Unary>(&e.node)) {
      if (u->op != ast::UnaryOp::Neg) return std::nullopt;
      auto v = coefficient_value(a, c, *u->operand, depth + 1);
      return v ? std::optional<Rational>(-*v) : std::nullopt;
    }
    if (const auto* b = std::get_if<ast::Binary>(&e.node)) {
      auto l = coefficient_value(a, c, *b->lhs, depth + 1), r = coefficient_value(a, c, *b->rhs, depth + 1);
      if (!l || !r) return std::nullopt;
      switch (b->op) {
        case ast::BinaryOp::Add: return *l + *r;
        case ast::BinaryOp::Sub: return *l - *r;
        case ast::BinaryOp::Mul: return *l * *r;
        case ast::BinaryOp::Div: return r->is_zero() ? std::nullopt : std::optional<Rational>(*l / *r);
        default: return std::nullopt;
      }
    }
    if (const auto* n = std::get_if<ast::NumberLit>(&e.node)) return n->value;
    return std::nullopt;
  }

  static std::string with_description(const std::string& d) { return d.empty() ? "" : "\n" + d + "\n"; }
  template <class Item>
  static std::string described(const Item& x) { return with_description(ast::described_in(lang_, x.description, x.descriptions)); }
  static std::string in_lang(const std::map<std::string, std::string>& texts, const std::string& plain) {
    auto it = texts.find(lang_);
    return it != texts.end() && !it->second.empty() ? it->second : plain;
  }
  // The words of a hover in the chosen language.
  static std::string word(const std::string& en) {
    static const std::map<std::string, std::pair<std::string, std::string>> kk_ru{
        {"defined in", {"анықталған орны:", "определено в"}},
        {"set by", {"белгілеген:", "установлено"}},
        {"result of", {"нәтижесі:", "результат"}},
        {"obligation of", {"міндеттемесі:", "обязательство"}},
        {"clause", {"тармақ", "пункт"}},
        {"of act", {"акт", "акта"}},
        {"in force from", {"қолданысқа енген күні", "действует с"}},
        {"until", {"дейін", "по"}},
        {"value", {"мәні", "значение"}},
        {"columns", {"бағандар", "столбцы"}},
        {"(may be empty)", {"(бос болуы мүмкін)", "(может быть пустым)"}},
        {"amends act", {"өзгертетін акт:", "изменяет акт"}},
        {"replaces the earlier wording of clause", {"тармақтың бұрынғы редакциясын ауыстырады:", "заменяет прежнюю редакцию пункта"}},
        {"evidence", {"негіздеме", "основание"}},
    };
    if (lang_ == "en") return en;
    auto it = kk_ru.find(en);
    return it == kk_ru.end() ? en : lang_ == "kk" ? it->second.first : it->second.second;
  }
  static const std::string& clause_title(const ast::Clause& c) {
    for (const auto& t : c.titles)
      if (t.lang == lang_ && !t.value.empty()) return t.value;
    return c.title;
  }

  static std::string hover_text(const Analysis& a, const Target& t) {
    switch (t.kind) {
      case Target::None: return {};
      case Target::Act: {
        const ast::Act& act = *a.file->act;
        std::string s = "**act \"" + act.id + "\"**" + (act.title.empty() ? "" : " " + act.title) + "\n";
        if (act.in_force) s += "\n" + word("in force from") + " " + format_date(*act.in_force) + (act.in_force_note.empty() ? "" : " (" + act.in_force_note + ")") + "\n";
        if (act.amends) s += "\n" + word("amends act") + " \"" + *act.amends + "\"\n";
        return s;
      }
      case Target::Clause: {
        const ast::Clause& c = *t.clause;
        std::string s = "**" + word("clause") + " " + c.number + "**" + (clause_title(c).empty() ? "" : " " + clause_title(c)) + "\n";
        for (const auto& title : c.titles)
          if (title.lang != lang_) s += "\n" + title.lang + ": " + title.value + "\n";
        if (lang_ != "en" && &clause_title(c) != &c.title && !c.title.empty()) s += "\nen: " + c.title + "\n";
        s += "\n" + provenance(a, &c, "");
        if (c.replaces) s += "\n" + word("replaces the earlier wording of clause") + " " + *c.replaces + "\n";
        if (!c.evidence.empty()) {
          s += "\n" + word("evidence") + ":";
          for (std::size_t i = 0; i < c.evidence.size(); ++i)
            s += std::string(i ? ", " : " ") + c.evidence[i].subject + " " + ast::to_string(c.evidence[i].level);
          s += "\n";
        }
        return s;
      }
      case Target::Let: {
        const auto& l = t.clause->lets[t.index];
        return code("let " + l.name + " = " + grammar::print_expr(*l.value)) + described(l) +
               "\n" + provenance(a, t.clause, "defined in");
      }
      case Target::Coefficient: {
        const auto& k = t.clause->coefficients[t.index];
        std::string s = code("coefficient " + k.name + " = " + grammar::print_expr(*k.value));
        if (auto v = coefficient_value(a, *t.clause, *k.value, 0)) s += "\n" + word("value") + ": **" + v->to_exact() + "**\n";
        return s + described(k) + "\n" + provenance(a, t.clause, "set by");
      }
      case Target::Result: {
        const auto& r = t.clause->results[t.index];
        std::string f = "result " + r.name + " = " + grammar::print_expr(*r.value);
        if (r.range_lo && r.range_hi) f += " range " + grammar::print_expr(*r.range_lo) + ".." + grammar::print_expr(*r.range_hi);
        f += " round " + std::to_string(r.round);
        return code(f) + described(r) + "\n" + provenance(a, t.clause, "result of");
      }
      case Target::Obligation: {
        const auto& o = t.clause->obligations[t.index];
        return code("obligation " + o.name + " over " + o.table + "\n  breach when " + grammar::print_expr(*o.breach)) +
               described(o) + "\n" + provenance(a, t.clause, "obligation of");
      }
      case Target::Column: {
        const auto* table = a.rules.contract->find(t.table);
        const auto* col = table ? table->column(t.column) : nullptr;
        if (!col) return "column `" + t.column + "`\n";
        std::string s = "**column " + table->name + "." + col->name + "**: " + type_name(col->type);
        for (std::size_t i = 0; i < col->enum_values.size(); ++i) s += std::string(i ? ", " : " ") + "`" + col->enum_values[i] + "`";
        if (col->optional || col->may_be_empty) s += " " + word("(may be empty)");
        s += "\n";
        return s + with_description(in_lang(col->meanings, col->meaning));
      }
      case Target::Table: {
        const auto* table = a.rules.contract->find(t.table);
        if (!table) return "table `" + t.table + "`\n";
        std::string s = "**table " + table->name + "**\n" + with_description(in_lang(table->titles, table->meaning)) + "\n" + word("columns") + ":";
        for (std::size_t i = 0; i < table->columns.size(); ++i) s += std::string(i ? ", " : " ") + "`" + table->columns[i].name + "`";
        return s + "\n";
      }
      case Target::Function: {
        const auto& fn = *t.function;
        std::string head = "function " + fn.name + "(";
        for (std::size_t i = 0; i < fn.params.size(); ++i) head += (i ? ", " : "") + fn.params[i];
        head += ") = " + grammar::print_expr(*fn.body);
        return code(head) + with_description(fn.description) +
               (fn.span.file ? "\ndefined in " + fn.span.file->name + "\n" : "");
      }
      case Target::Param:
        return "parameter `" + t.function->params[t.index] + "` of function `" + t.function->name + "`\n";
      case Target::Builtin: {
        static const std::map<std::string, std::string> doc{
            {"round", "`round(x, n)`: x rounded half up (ties away from zero) to n decimals, exactly"},
            {"missing", "`missing(v)`: true when the value is empty in the data"},
            {"days", "`days(n)`: a number of days, to add to a date or compare with a difference of dates"},
            {"year", "`year(d)`: the year of a date"},
            {"month", "`month(d)`: the month of a date, 1 to 12"},
            {"day", "`day(d)`: the day of the month of a date"}};
        auto it = doc.find(t.builtin);
        return (it == doc.end() ? "`" + t.builtin + "`" : it->second) + " (built into the interpreter)\n";
      }
      case Target::AsOf: return "`as_of`: the date the rules are evaluated at (`--as-of`, or a test's `as_of`)\n";
    }
    return {};
  }

  static json hover(const Analysis& a, std::size_t off) {
    Target t = find(a, off);
    std::string text = hover_text(a, t);
    if (text.empty()) return nullptr;
    json h = {{"contents", {{"kind", "markdown"}, {"value", text}}}};
    if (t.span.valid() && t.span.file == a.file->source.get()) h["range"] = range(*a.index, t.span.begin, t.span.end);
    return h;
  }

  json definition(const Analysis& a, std::size_t off) const {
    Target t = find(a, off);
    std::optional<json> loc;
    switch (t.kind) {
      case Target::Let: loc = location(a, t.clause->lets[t.index].name_span); break;
      case Target::Coefficient: loc = location(a, t.clause->coefficients[t.index].name_span); break;
      case Target::Result: loc = location(a, t.clause->results[t.index].name_span); break;
      case Target::Obligation: loc = location(a, t.clause->obligations[t.index].name_span); break;
      case Target::Function: loc = location(a, t.function->name_span); break;
      case Target::Param: loc = location(a, t.function->param_spans[t.index]); break;
      case Target::Clause: loc = location(a, t.clause->number_span); break;
      case Target::Act: if (a.file->act) loc = location(a, Span{a.file->source.get(), a.file->act->span.begin, a.file->act->span.begin + 3}); break;
      case Target::Column:
      case Target::Table: loc = location(a, declaration(a, t.table, t.kind == Target::Column ? t.column : "")); break;
      case Target::None:
      case Target::Builtin:
      case Target::AsOf: break;
    }
    return loc ? *loc : json(nullptr);
  }

  // Where a table (column empty) or one of its columns is declared: `table`, `extend table`,
  // `column` or `derived`.
  static Span declaration(const Analysis& a, const std::string& table, const std::string& column) {
    for (const auto& f : a.rules.files)
      for (const auto& t : f.tables) {
        if (t.name != table) continue;
        if (column.empty() && !t.extends) return t.name_span;
        for (const auto& c : t.columns)
          if (c.name == column) return c.name_span;
        for (const auto& d : t.derived)
          if (d.name == column) return d.name_span;
      }
    return {};
  }

  // ---- symbols and formatting ----

  // The end of an item's code: its span without the whitespace (and comments) after it.
  static std::uint32_t code_end(const SourceFile& src, Span s, std::uint32_t at_least) {
    std::uint32_t e = s.end;
    while (e > s.begin && (src.text[e - 1] == ' ' || src.text[e - 1] == '\n' || src.text[e - 1] == '\r' || src.text[e - 1] == '\t')) --e;
    return std::max(e, at_least);
  }

  static json symbol(const Analysis& a, const std::string& name, const std::string& detail, int kind, std::uint32_t b,
                     std::uint32_t e, Span selection) {
    json s = {{"name", name}, {"kind", kind}, {"range", range(*a.index, b, e)},
              {"selectionRange", range(*a.index, selection.begin, selection.end)}};
    if (!detail.empty()) s["detail"] = detail;
    return s;
  }

  // LSP symbol kinds: 2 module (act), 5 class (clause), 6 method (test), 7 property (result),
  // 12 function, 13 variable (let), 14 constant (coefficient), 24 event (obligation, repeal).
  static json document_symbols(const Analysis& a) {
    json out = json::array();
    if (!a.file) return out;
    const ast::File& f = *a.file;
    const SourceFile& src = *f.source;
    std::vector<std::pair<std::uint32_t, json>> top;
    if (f.act) {
      Span sel{&src, f.act->span.begin, f.act->span.begin + 3};
      top.emplace_back(f.act->span.begin, symbol(a, "act \"" + f.act->id + "\"", f.act->title, 2, f.act->span.begin,
                                                  f.act->span.end, sel));
    }
    for (const auto& fn : f.functions)
      top.emplace_back(fn.span.begin, symbol(a, fn.name, fn.description, 12, fn.span.begin, code_end(src, fn.span, fn.name_span.end), fn.name_span));
    for (const auto& r : f.repeals)
      top.emplace_back(r.span.begin, symbol(a, "repeals " + r.number, r.note, 24, r.span.begin, r.span.end, r.span));
    for (const auto& c : f.clauses) {
      std::uint32_t end = c.end_span.valid() ? c.end_span.end : code_end(src, c.span, c.number_span.end);
      json cs = symbol(a, "clause " + c.number, c.title, 5, c.span.begin, end, c.number_span);
      json children = json::array();
      for (const auto& item : c.order) {
        switch (item.kind) {
          case ast::Clause::Item::Let: {
            const auto& l = c.lets[item.index];
            children.push_back(symbol(a, l.name, l.description, 13, l.span.begin, code_end(src, l.span, l.name_span.end), l.name_span));
            break;
          }
          case ast::Clause::Item::Coefficient: {
            const auto& k = c.coefficients[item.index];
            children.push_back(symbol(a, k.name, k.description, 14, k.span.begin, code_end(src, k.span, k.name_span.end), k.name_span));
            break;
          }
          case ast::Clause::Item::ResultChange: {
            const auto& r = c.result_changes[item.index];
            children.push_back(symbol(a, r.name, r.description, 7, r.span.begin, code_end(src, r.span, r.name_span.end), r.name_span));
            break;
          }
          case ast::Clause::Item::Result: {
            const auto& r = c.results[item.index];
            children.push_back(symbol(a, r.name, r.description, 7, r.span.begin, code_end(src, r.span, r.name_span.end), r.name_span));
            break;
          }
          case ast::Clause::Item::Obligation: {
            const auto& o = c.obligations[item.index];
            children.push_back(symbol(a, o.name, o.description, 24, o.span.begin, code_end(src, o.span, o.name_span.end), o.name_span));
            break;
          }
          case ast::Clause::Item::Rank: {
            const auto& r = c.ranks[item.index];
            children.push_back(symbol(a, r.name, r.description, 16, r.span.begin, code_end(src, r.span, r.name_span.end), r.name_span));
            break;
          }
          case ast::Clause::Item::Grade: {
            const auto& g = c.grades[item.index];
            children.push_back(symbol(a, g.name, g.description, 10, g.span.begin, code_end(src, g.span, g.name_span.end), g.name_span));
            break;
          }
        }
      }
      for (const auto& t : c.tests) {
        Span sel{&src, t.span.begin, t.span.begin + 4};
        children.push_back(symbol(a, "test \"" + t.name + "\"", "", 6, t.span.begin, code_end(src, t.span, sel.end), sel));
      }
      cs["children"] = children;
      top.emplace_back(c.span.begin, std::move(cs));
    }
    std::stable_sort(top.begin(), top.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    for (auto& [at_, s] : top) out.push_back(std::move(s));
    return out;
  }

  // One edit replacing the whole text, or none; null when the text does not parse (fmt refuses it).
  json formatting(const std::string& uri) {
    auto it = texts_.find(uri);
    if (it == texts_.end()) return nullptr;
    const std::string& text = it->second;
    Diagnostics diags;
    std::string path = lsp::uri_to_path(uri);
    auto source = std::make_shared<SourceFile>(path.empty() ? uri : path, text);
    auto formatted = grammar::format_source(source, diags);
    if (!formatted) return nullptr;
    if (*formatted == text) return json::array();
    lsp::LineIndex index(text);
    return json::array({{{"range", range(index, 0, text.size())}, {"newText", *formatted}}});
  }

  std::ostream& out_;
  std::ostream& err_;
  bool initialized_ = false, shut_down_ = false;
  inline static std::string lang_ = "en";  // hovers: initializationOptions.lang
  std::map<std::string, std::string> texts_;  // open documents: URI -> text
  std::string root_;  // the workspace folder (initialize's rootUri), when the client gave one
  std::map<std::string, std::shared_ptr<Analysis>> analyses_;
};

}  // namespace

int run_lsp(const LspOptions&, std::istream& in, std::ostream& out, std::ostream& err) {
  Server server(out, err);
  while (auto body = lsp::read_message(in)) {
    json msg = json::parse(*body, nullptr, false);
    if (msg.is_discarded()) {
      server.reply_error(nullptr, kParseError, "the message is not JSON");
      continue;
    }
    if (auto status = server.handle(msg)) return *status;
  }
  // The client went away without `exit`: the protocol's status for that.
  return server.shut_down() ? 0 : 1;
}

void add_lsp(CLI::App& app, Action& action) {
  auto o = std::make_shared<LspOptions>();
  auto* cmd = app.add_subcommand("lsp", "serve the Language Server Protocol on standard input and output (for editors)");
  cmd->add_flag("--stdio", o->stdio, "talk over standard input and output (the default and only transport)");
  cmd->callback([o, &action] { action = [o] { return run_lsp(*o, std::cin, std::cout, std::cerr); }; });
}

}  // namespace ereje::cli
