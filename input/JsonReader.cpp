// JSON to text records: parsed whole by nlohmann::json (key order kept), then flattened to the
// texts of a CSV file so that TableBuilder validates both formats with the same code and messages.
#include "input/JsonReader.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "input/CsvReader.hpp"

namespace ereje::input {
namespace {

using Json = nlohmann::ordered_json;

// The parser's message without its exception prefix and its echo of raw input (which may cut a
// multi-byte character in half); the caret under the quoted line shows the spot instead.
std::string clean_parse_message(const std::string& what) {
  std::string m = what;
  if (auto at = m.find("parse error"); at != std::string::npos) {
    if (auto colon = m.find(": ", at); colon != std::string::npos) m = m.substr(colon + 2);
  }
  if (auto dash = m.find(" - "); dash != std::string::npos && m.compare(0, 12, "syntax error") == 0)
    m = m.substr(dash + 3);
  if (auto lr = m.find("; last read: "); lr != std::string::npos) {
    auto next = m.find("; expected", lr);
    m.erase(lr, next == std::string::npos ? std::string::npos : next - lr);
  }
  return m;
}

// A number with a fraction or an exponent, kept as the text the file wrote (never as a double):
// a binary value of this subtype, which JSON text itself never produces.
constexpr std::uint8_t kNumberText = 0x4E;

bool is_number_text(const Json& v) {
  return v.is_binary() && v.get_binary().has_subtype() && v.get_binary().subtype() == kNumberText;
}

std::string number_text(const Json& v) {
  const auto& b = v.get_binary();
  return std::string(b.begin(), b.end());
}

// Builds the document as Json::parse does, except for numbers with a fraction or an exponent: a
// decimal column is read exactly from the digits written, so none may pass through a double.
// Two more differences, both for hostile files: what is nested deeper than a field's own value (the
// array of rows, a row, a field holding an array or object) is skipped, not built, so that no
// nesting depth reaches the stack of whatever walks the value (such a field is an error or an
// ignored column either way); and a key written twice in one row is recorded (`duplicates`),
// since the last would otherwise silently win.
class ExactSax {
 public:
  Json root;
  struct Duplicate {
    std::size_t record;
    std::string key;
  };
  std::vector<Duplicate> duplicates;

  bool null() { return add(nullptr); }
  bool boolean(bool b) { return add(b); }
  bool number_integer(Json::number_integer_t n) { return add(n); }
  bool number_unsigned(Json::number_unsigned_t n) { return add(n); }
  bool number_float(Json::number_float_t, const Json::string_t& text) {
    return add(Json::binary(Json::binary_t::container_type(text.begin(), text.end()), kNumberText));
  }
  bool string(Json::string_t& s) { return add(std::move(s)); }
  bool binary(Json::binary_t& b) { return add(Json::binary(std::move(b))); }
  bool start_object(std::size_t) { return open(Json::object()); }
  bool key(Json::string_t& k) {
    if (skipped_ > 0) return true;
    if (stack_.size() == 2 && stack_.back()->contains(k) && duplicates.size() < kMaxErrorsPerFile)
      duplicates.push_back({root.size(), k});
    key_ = std::move(k);
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool end_array() { return close(); }
  // The same exceptions as Json::parse, so that the caller reports them as before.
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    if (const auto* pe = dynamic_cast<const Json::parse_error*>(&e)) throw *pe;
    if (const auto* oe = dynamic_cast<const Json::out_of_range*>(&e)) throw *oe;
    throw std::runtime_error(e.what());
  }

 private:
  // The array of rows, a row, a field's value: deeper containers are counted, not built.
  static constexpr std::size_t kBuiltDepth = 3;

  bool open(Json container) {
    if (skipped_ > 0 || stack_.size() == kBuiltDepth) {
      ++skipped_;
      return true;
    }
    stack_.push_back(place(std::move(container)));
    return true;
  }
  bool close() {
    if (skipped_ > 0) --skipped_;
    else stack_.pop_back();
    return true;
  }
  template <class V>
  bool add(V&& v) {
    if (skipped_ == 0) place(Json(std::forward<V>(v)));
    return true;
  }
  // Where a new value goes: the root, the end of the array open, or the key just read of the
  // object open. The containers on the stack are not added to while a child is open, so the
  // pointers to them stay valid.
  Json* place(Json v) {
    if (stack_.empty()) {
      root = std::move(v);
      return &root;
    }
    Json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    Json& slot = top[key_];
    slot = std::move(v);
    return &slot;
  }
  std::vector<Json*> stack_;
  std::size_t skipped_ = 0;  // containers open below kBuiltDepth
  Json::string_t key_;
};

// `[{"code": "...", ...}, ...]`, with the table's first column, for messages about the file's shape.
std::string example_rows(const TableSchema* table) {
  const std::string first = table && !table->columns.empty() ? table->columns.front().name : "column";
  return "[{\"" + first + "\": \"...\", ...}, ...]";
}

const char* kind_of(const Json& v) {
  switch (v.type()) {
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::null: return "null";
    default: return "a number";
  }
}

class JsonFlattener {
 public:
  JsonFlattener(std::string name, const TableSchema* table) : name_(std::move(name)), table_(table) {}

  TextTable run(const Json& rows);

 private:
  void error(std::size_t record, std::string message, std::string help) {
    if (errors_.error_count() >= kMaxErrorsPerFile) return;
    Diagnostic& d = errors_.error("data-json-value", Span{}, fmt::format("record {}: {}", record, message),
                                  std::move(help));
    d.file = name_;
    if (errors_.error_count() == kMaxErrorsPerFile)
      d.notes.push_back({Span{}, fmt::format("stopping after {} errors in this file", kMaxErrorsPerFile)});
  }
  std::string text_of(std::size_t record, const std::string& key, const Json& v);

  std::string name_;
  const TableSchema* table_;
  Diagnostics errors_;
};

std::string JsonFlattener::text_of(std::size_t record, const std::string& key, const Json& v) {
  const ColumnSchema* column = nullptr;
  if (table_) {
    column = table_->column(key);
    // Derived columns are computed, never read: such a key is as unknown as any other.
    if (!column || is_derived(*table_, key)) {
      if (v.is_null()) return {};
      if (is_number_text(v)) return number_text(v);
      return v.is_string() ? v.get<std::string>() : v.dump();
    }
  }
  const ColumnType type = column ? column->type : ColumnType::Text;
  // A number column takes a JSON number (its digits as written) or a string.
  if (column && is_number(type) && (v.is_number() || is_number_text(v)))
    return is_number_text(v) ? number_text(v) : v.dump();
  if (is_number_text(v)) {
    const std::string text = number_text(v);
    if (!column) return text;
    if (type == ColumnType::Bool)
      error(record, fmt::format("field `{}` holds the number {}; expected true or false", key, text),
            "write true or false (the strings \"true\", \"false\", \"1\" and \"0\" are also accepted)");
    else if (type == ColumnType::Date)
      error(record, fmt::format("field `{}` holds the number {}; expected a date as a string", key, text),
            "write dates as strings in the form \"YYYY-MM-DD\"");
    else
      error(record, fmt::format("field `{}` holds the number {}; codes and texts are always strings", key, text),
            fmt::format("write it in quotes: \"{}\"", text));
    return {};
  }
  switch (v.type()) {
    case Json::value_t::null: return {};
    case Json::value_t::string: return v.get<std::string>();
    case Json::value_t::boolean:
      if (!column || type == ColumnType::Bool) return v.get<bool>() ? "true" : "false";
      error(record, fmt::format("field `{}` holds {}; expected a string", key, v.dump()),
            fmt::format("write the value in quotes: \"{}\"", v.dump()));
      return {};
    case Json::value_t::object:
    case Json::value_t::array:
      error(record, fmt::format("field `{}` holds {}; a field holds one value: a string, true/false or null", key,
                                kind_of(v)),
            "flatten the data: one key per column, one object per row");
      return {};
    default:
      break;
  }
  // A number.
  if (type == ColumnType::Bool)
    error(record, fmt::format("field `{}` holds the number {}; expected true or false", key, v.dump()),
          "write true or false (the strings \"true\", \"false\", \"1\" and \"0\" are also accepted)");
  else if (type == ColumnType::Date)
    error(record, fmt::format("field `{}` holds the number {}; expected a date as a string", key, v.dump()),
          "write dates as strings in the form \"YYYY-MM-DD\"");
  else
    error(record, fmt::format("field `{}` holds the number {}; codes and texts are always strings", key, v.dump()),
          fmt::format("write it in quotes: \"{}\"", v.dump()));
  return {};
}

TextTable JsonFlattener::run(const Json& rows) {
  TextTable t;
  t.file = name_;
  t.json = true;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& row : rows) {
    if (!row.is_object()) continue;
    for (const auto& item : row.items())
      if (index.emplace(item.key(), t.header.size()).second) t.header.push_back(item.key());
  }
  t.header_cols.assign(t.header.size(), 1);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::size_t record = i + 1;
    const Json& row = rows[i];
    if (!row.is_object()) {
      error(record, fmt::format("expected an object (one row), found {}", kind_of(row)),
            "the file holds an array of objects, one per row: " + example_rows(table_));
      continue;
    }
    std::vector<std::string> fields(t.header.size());
    for (const auto& item : row.items()) fields[index[item.key()]] = text_of(record, item.key(), item.value());
    t.records.push_back(std::move(fields));
    t.lines.push_back(static_cast<std::uint32_t>(record));
    t.cols.emplace_back(t.header.size(), 1);
  }
  if (errors_.has_errors()) throw InputError{std::move(errors_)};
  return t;
}

}  // namespace

TextTable parse_json(std::string text, const std::string& display_name, const TableSchema* table) {
  check_utf8(text, strip_bom(text), display_name);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw_input_error(data_error("data-empty-file", display_name, 1, 1, {}, "empty file: expected an array of objects",
                                 "a table with no rows is written as []"));
  Json rows;
  try {
    ExactSax sax;
    Json::sax_parse(text, &sax);
    rows = std::move(sax.root);
    if (!sax.duplicates.empty()) {
      InputError e;
      for (const auto& d : sax.duplicates) {
        Diagnostic& diag = e.diagnostics.error(
            "data-json-duplicate-key", Span{},
            fmt::format("record {}: the key `{}` is written twice in one row", d.record, d.key),
            "keep one: JSON readers disagree on which of the two counts, so the row's value is in doubt");
        diag.file = display_name;
      }
      throw e;
    }
  } catch (const Json::parse_error& e) {
    TextPosition pos = position_of(text, e.byte > 0 ? e.byte - 1 : 0);
    throw_input_error(data_error("data-invalid-json", display_name, pos.line, pos.col, pos.text,
                                 "invalid JSON: " + clean_parse_message(e.what()),
                                 "the file must hold one JSON array of objects, one per row"));
  } catch (const Json::out_of_range& e) {
    // A number too large for a double (1e400). The exception has no position, but quotes the
    // number's text: the first place it stands in the file is shown (found by fuzz_data).
    std::string what = e.what();
    std::string number;
    if (auto q = what.find('\''); q != std::string::npos)
      if (auto q2 = what.find('\'', q + 1); q2 != std::string::npos) number = what.substr(q + 1, q2 - q - 1);
    std::size_t at = number.empty() ? std::string::npos : text.find(number);
    TextPosition pos = at == std::string::npos ? TextPosition{0, 0, {}} : position_of(text, at);
    throw_input_error(data_error("data-invalid-json", display_name, pos.line, pos.col, pos.text,
                                 "invalid JSON: the number " + (number.empty() ? std::string("here") : number) +
                                     " is too large",
                                 "codes are written as strings, and no column of the data holds numbers"));
  }
  if (!rows.is_array()) {
    TextPosition pos = position_of(text, text.find_first_not_of(" \t\r\n"));
    throw_input_error(data_error("data-json-shape", display_name, pos.line, pos.col, pos.text,
                                 fmt::format("expected an array of objects (one per row), found {}", kind_of(rows)),
                                 "write the rows as " + example_rows(table)));
  }
  return JsonFlattener(display_name, table).run(rows);
}

TextTable read_json(const std::string& path, const std::string& display_name, const TableSchema* table) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxJsonBytes)
    throw_input_error(data_error("data-file-too-large", display_name, 0, 0, {},
                                 fmt::format("JSON file of {} bytes, more than the limit of {} MiB for JSON data", size,
                                             kMaxJsonBytes >> 20),
                                 "write a table this large as CSV: it is read in one pass, without that limit"));
  return parse_json(read_file_text(path, display_name), display_name, table);
}

}  // namespace ereje::input
