// Results formats. Column order, sorting and value text are fixed by data.md.
#include "cli/Output.hpp"

#include <nlohmann/json.hpp>

#include "cli/Html.hpp"
#include "core/Labels.hpp"

namespace ereje::cli {
namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

struct Row {
  std::string code, clause, result, value, status, version;  // a row of the results table (data.md)
};

std::vector<Row> rows_of(const interp::Evaluation& ev, const input::DataSet& data) {
  std::vector<Row> rows;
  rows.reserve(ev.rows.size());
  for (const auto& r : ev.rows)
    rows.push_back({data.bodies[r.body].code, r.version->number, r.result, r.text(), interp::status_name(r.status),
                    r.version->label()});
  return rows;
}

}  // namespace

std::string pad_right(const std::string& s, std::size_t width) {
  std::size_t len = utf8_length(s);
  return len >= width ? s : s + std::string(width - len, ' ');
}

std::string pad_left(const std::string& s, std::size_t width) {
  std::size_t len = utf8_length(s);
  return len >= width ? s : std::string(width - len, ' ') + s;
}

std::string body_name_in(const input::Body& body, const std::string& lang) {
  const std::string& first = lang == "ru" ? body.ru_name : body.kk_name;
  return first.empty() ? (lang == "ru" ? body.kk_name : body.ru_name) : first;
}

std::string results_csv(const interp::Evaluation& ev, const input::DataSet& data, bool names, const std::string& lang) {
  std::string out = std::string(kResultsBodyColumn) + ",clause,result,value,status,version" + (names ? ",name" : "") + "\n";
  out.reserve(out.size() + ev.rows.size() * 48);
  // Straight into the text: a row's fields are not copied on the way (tens of thousands of rows).
  auto field = [&out](const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) out += s;
    else out += csv_field(s);
  };
  std::vector<std::pair<const interp::ClauseVersion*, std::string>> labels;  // a few versions, met in turn
  auto label_of = [&labels](const interp::ClauseVersion* v) -> const std::string& {
    for (const auto& [version, label] : labels)
      if (version == v) return label;
    return labels.emplace_back(v, v->label()).second;
  };
  for (const auto& r : ev.rows) {
    const std::string& label = label_of(r.version);
    field(data.bodies[r.body].code);
    out += ',';
    field(r.version->number);
    out += ',';
    field(r.result);
    out += ',';
    out += r.text();
    out += ',';
    out += interp::status_name(r.status);
    out += ',';
    out += label;
    if (names) {
      out += ',';
      field(body_name_in(data.bodies[r.body], lang));
    }
    out += '\n';
  }
  return out;
}

std::string results_json(const interp::Evaluation& ev, const input::DataSet& data, bool names, const std::string& lang) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  std::size_t i = 0;
  for (const auto& r : rows_of(ev, data)) {
    const std::size_t body = ev.rows[i++].body;
    nlohmann::ordered_json o;
    o[kResultsBodyColumn] = r.code;
    o["clause"] = r.clause;
    o["result"] = r.result;
    o["value"] = r.value;  // a string; empty when not applicable, as in the CSV
    o["status"] = r.status;
    o["version"] = r.version;
    if (names) o["name"] = body_name_in(data.bodies[body], lang);
    arr.push_back(std::move(o));
  }
  return arr.dump(2) + "\n";
}

std::string results_table(const interp::Evaluation& ev, const input::DataSet& data, bool names, const std::string& lang) {
  std::vector<Row> rows = rows_of(ev, data);
  // For people: headers and statuses in their language (the report's words for statuses).
  std::vector<std::string> hl;
  for (const char* key : {"clause", "result", "value", "status", "version", "name"}) hl.push_back(label_text(key, lang));
  std::vector<std::string> head{kResultsBodyColumn, hl[0], hl[1], hl[2], hl[3], hl[4]};
  if (names) head.push_back(hl[5]);
  if (lang != "en")
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i].status = html::status_label(lang, ev.rows[i].status);
  std::vector<std::string> name_of(rows.size());
  if (names)
    for (std::size_t i = 0; i < rows.size(); ++i) name_of[i] = body_name_in(data.bodies[ev.rows[i].body], lang);
  std::vector<std::size_t> w;
  for (const auto& h : head) w.push_back(utf8_length(h));
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& r = rows[k];
    const std::string* cells[] = {&r.code, &r.clause, &r.result, &r.value, &r.status, &r.version, &name_of[k]};
    for (std::size_t i = 0; i < head.size(); ++i) w[i] = std::max(w[i], utf8_length(*cells[i]));
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string l;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      // Numbers right-aligned so decimal points line up.
      bool right = i == 1 || i == 3;
      l += (i ? "  " : "") + (right ? pad_left(cells[i], w[i]) : pad_right(cells[i], w[i]));
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line(head);
  std::vector<std::string> rule;
  for (std::size_t x : w) rule.push_back(std::string(x, '-'));
  line(rule);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& r = rows[k];
    std::vector<std::string> cells{r.code, r.clause, r.result, r.value.empty() ? "n/a" : r.value, r.status, r.version};
    if (names) cells.push_back(name_of[k]);
    line(cells);
  }
  return out;
}

BodyHeaders body_headers(const input::DataSet& data) {
  BodyHeaders h{kResultsBodyColumn, "name (kk)", "name (ru)", "category"};
  const input::TableSchema* bodies = data.contract ? data.contract->bodies() : nullptr;
  if (!bodies) return h;
  h.code = bodies->body_column;
  for (const auto& [lang, column] : bodies->body_names) {
    if (lang == "kk") h.kk_name = column;
    if (lang == "ru") h.ru_name = column;
  }
  if (!bodies->category_column.empty()) h.category = bodies->category_column;
  return h;
}

}  // namespace ereje::cli
