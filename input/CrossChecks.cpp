// Last step of loading (Loading.hpp): the bodies in output order, each row's body, and the checks
// across tables: every body code a body of the table of bodies, every reference to a row that is
// there (a parent within the same body, and no cycle of parents).
#include "input/Loading.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/Timing.hpp"
#include "input/Wording.hpp"

namespace ereje::input {

namespace {

// Every body code of a table whose rows belong to bodies must be in the table of bodies: `unknown`
// holds the rows whose code is none (found while each row's body was set), in file order.
void check_agencies(const Table& agencies, const Table& t, const std::vector<std::uint32_t>& unknown,
                    TableBuilder& b) {
  const Column& known = agencies.column(agencies.schema->body_column);
  const std::string& column = t.schema->body_column;
  const Column& ids = t.column(column);
  const int h = b.header_index(column);
  // An empty table of bodies (a JSON file `[]` has not even a header) knows no body: every row of
  // another table is then a row of an unknown body, as with any other table of bodies.
  if (!ids.present) return;
  for (const std::uint32_t r : unknown) {
    if (b.saturated()) break;
    const std::string& id = ids.dictionary[static_cast<std::size_t>(ids.values[r])];
    auto guess = nearest(id, known.dictionary, Guess::Code);
    b.field_error("data-unknown-agency", r, h,
                  fmt::format("unknown body `{}` in column `{}`: it is not in {}", shown(id), column,
                              file_name_of(agencies.file)),
                  guess ? did_you_mean(id, *guess)
                        : fmt::format("add the body to {} or correct the code", file_name_of(agencies.file)));
  }
}

// Each row's body (Table::set_bodies: its body code's index in ds.bodies, -1 when the code is
// missing or no body's). Returns the rows whose code is there but is no body's: none without a
// pass over the rows when every code of the column is a body's.
std::vector<std::uint32_t> assign_bodies(const DataSet& ds, Table& t) {
  const int c = t.schema->column_index(t.schema->body_column);
  if (c < 0 || static_cast<std::size_t>(c) >= t.columns.size()) return {};
  const Column& ids = t.columns[static_cast<std::size_t>(c)];
  std::vector<std::int32_t> body_of(ids.dictionary.size());
  bool all_known = true;
  for (std::size_t i = 0; i < ids.dictionary.size(); ++i) {
    body_of[i] = ds.body_index(ids.dictionary[i]);
    all_known = all_known && body_of[i] >= 0;
  }
  std::vector<std::uint32_t> unknown;
  if (ids.values.size() != t.rows) return unknown;  // the column is absent (reported): no row has a body
  t.set_bodies(c, std::move(body_of));
  if (all_known) return unknown;
  t.with_bodies([&](const auto& body) {
    for (std::size_t r = 0; r < t.rows; ++r)
      if (body[r] < 0 && ids.values[r] != kMissing) unknown.push_back(static_cast<std::uint32_t>(r));
  });
  return unknown;
}

void check_parents(const Table& table, const BadParents& bad, TableBuilder& b) {
  const Reference& ref = *self_reference(*table.schema);
  const Column& agency = table.column(table.schema->body_column);
  const Column& parent = table.column(ref.column);
  const int h = b.header_index(ref.column);
  for (const auto& [r, self] : bad) {
    if (b.saturated()) break;
    const std::string& p = parent.dictionary[static_cast<std::size_t>(parent.values[r])];
    if (self) {
      b.field_error("data-unknown-parent", r, h,
                    fmt::format("`{}` `{}` names the row itself: it is the row's own {}", ref.column, shown(p), ref.target),
                    fmt::format("`{}` refers to another row of the same body (`reference {} to {}.{} same body`)",
                                ref.column, ref.column, ref.table, ref.target));
      continue;
    }
    const std::string& a = agency.dictionary[static_cast<std::size_t>(agency.values[r])];
    b.field_error("data-unknown-parent", r, h,
                  fmt::format("unknown {} `{}` in column `{}`: body `{}` has no row with that {}", ref.target, shown(p),
                              ref.column, shown(a), ref.target),
                  ref.meaning.empty()
                      ? fmt::format("`{}` is the {} of another row of the same body", ref.column, ref.target)
                      : ref.meaning);
  }
}

// Parents that form a cycle (S2's parent is S4, S4's is S3, S3's is S2): each row's parent exists,
// so no other check fails, yet none of them is a main row, and a count by main rows drops them
// all. Every row of a cycle has a parent that has a parent: the key check lists those rows
// (`deep`, rare: none in a registry of two levels), and only they are followed.
void check_parent_cycles(const Table& table, const std::vector<std::uint32_t>& deep, TableBuilder& b) {
  if (deep.empty()) return;
  const Reference& ref = *self_reference(*table.schema);
  const Column& agency = table.column(table.schema->body_column);
  const Column& parent = table.column(ref.column);
  const Column& own = table.column(ref.target);
  auto key = [&](std::uint32_t r, std::int32_t code) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(agency.values[r])) << 32) | static_cast<std::uint32_t>(code);
  };
  std::unordered_map<std::uint64_t, std::uint32_t> row_of;  // (body, own code) -> deep row
  for (const std::uint32_t r : deep)
    if (agency.values[r] != kMissing && own.values[r] != kMissing) row_of.emplace(key(r, own.values[r]), r);
  auto next = [&](std::uint32_t r) -> std::int64_t {
    const std::int32_t p = parent.values[r];
    if (p == kMissing || agency.values[r] == kMissing) return -1;
    const std::int32_t o = own.code_of(parent.dictionary[static_cast<std::size_t>(p)]);
    if (o < 0) return -1;
    auto it = row_of.find(key(r, o));
    return it == row_of.end() ? std::int64_t{-1} : static_cast<std::int64_t>(it->second);
  };
  std::unordered_map<std::uint32_t, std::uint8_t> state;  // 1: on the walk now, 2: done
  const int h = b.header_index(ref.column);
  for (const std::uint32_t start : deep) {
    if (state.count(start)) continue;
    std::vector<std::uint32_t> walk;
    std::int64_t r = start;
    while (r >= 0) {
      const auto u = static_cast<std::uint32_t>(r);
      if (auto st = state.find(u); st != state.end()) {
        if (st->second == 1 && !b.saturated()) {
          // A cycle, from u around to u: said once, at its first row in the file.
          std::vector<std::uint32_t> cycle(std::find(walk.begin(), walk.end(), u), walk.end());
          std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
          std::string path;
          for (const std::uint32_t c : cycle)
            path += "`" + shown(own.dictionary[static_cast<std::size_t>(own.values[c])]) + "` → ";
          path += "`" + shown(own.dictionary[static_cast<std::size_t>(own.values[cycle.front()])]) + "`";
          b.field_error("data-parent-cycle", cycle.front(), h,
                        fmt::format("the `{}` of body `{}` form a cycle: {}; none of them is a main row", ref.column,
                                    shown(agency.dictionary[static_cast<std::size_t>(agency.values[cycle.front()])]),
                                    path),
                        fmt::format("a chain of `{}` ends at a row whose `{}` is empty: correct one of them", ref.column,
                                    ref.column));
        }
        break;
      }
      state[u] = 1;
      walk.push_back(u);
      r = next(u);
    }
    for (const std::uint32_t w : walk) state[w] = 2;
  }
}

// Every other reference (`reference COLUMN to TABLE.TARGET [same body]`): each value present in
// COLUMN must be a value of TABLE.TARGET (of the same body's rows with `same body`). The reference
// that the key check covers (self_reference) is not checked again.
void check_references(const DataSet& ds, const Table& t, TableBuilder& b) {
  const TableSchema& ts = *t.schema;
  for (const auto& ref : ts.references) {
    if (&ref == self_reference(ts)) continue;
    const int h = b.header_index(ref.column);
    auto target_it = ds.tables.find(ref.table);
    if (h < 0 || target_it == ds.tables.end()) continue;
    const Table& target = target_it->second;
    const int tc = target.schema->column_index(ref.target);
    const int fc = ts.column_index(ref.column);
    if (tc < 0 || fc < 0 || !target.present) continue;
    const Column& from = t.columns[static_cast<std::size_t>(fc)];
    const Column& to = target.columns[static_cast<std::size_t>(tc)];
    // (body, code of the value in `to`), or (-1, code) when bodies do not matter.
    std::set<std::pair<std::int32_t, std::int32_t>> present;
    for (std::size_t r = 0; r < target.rows; ++r) {
      if (to.values.empty() || to.values[r] == kMissing) continue;
      present.insert({ref.same_body && target.has_bodies() ? target.body(r) : -1, to.values[r]});
    }
    auto text_of = [](const Column& c, std::int32_t v) -> std::string {
      const auto code = static_cast<std::size_t>(v);
      if (c.schema->type == ColumnType::Enum) return c.schema->enum_values[code];
      if (c.schema->type == ColumnType::Text || is_number(c.schema->type)) return c.dictionary[code];
      return std::to_string(v);
    };
    for (std::size_t r = 0; r < t.rows; ++r) {
      if (b.saturated()) break;
      if (from.values.empty() || from.values[r] == kMissing) continue;
      const std::string value = text_of(from, from.values[r]);
      std::int32_t code = from.values[r];
      if (to.schema->type == ColumnType::Text || is_number(to.schema->type)) code = to.code_of(value);
      // Two enum columns may list their values in different orders: compare the values, not their
      // positions in two lists.
      if (to.schema->type == ColumnType::Enum) {
        const auto& values = to.schema->enum_values;
        const auto it = std::find(values.begin(), values.end(), value);
        code = it == values.end() ? -1 : static_cast<std::int32_t>(it - values.begin());
      }
      const std::int32_t body = ref.same_body && t.has_bodies() ? t.body(r) : -1;
      if (code >= 0 && present.count({body, code})) continue;
      b.field_error("data-unknown-reference", r, h,
                    fmt::format("unknown {} `{}` in column `{}`: no row of {} has it{}", ref.target, shown(value),
                                ref.column, file_name_of(target.file.empty() ? ref.table : target.file),
                                ref.same_body ? " for the same body" : ""),
                    ref.meaning.empty() ? fmt::format("`{}` refers to `{}.{}`", ref.column, ref.table, ref.target)
                                        : ref.meaning);
    }
  }
}

}  // namespace

std::vector<const TableSchema*> bodies_first(const Contract& contract) {
  std::vector<const TableSchema*> out;
  for (const auto& t : contract.tables)
    if (t.lists_bodies) out.push_back(&t);
  for (const auto& t : contract.tables)
    if (!t.lists_bodies) out.push_back(&t);
  return out;
}

void build_bodies(Loading& L) {
  DataSet& ds = L.ds;
  const TableSchema* bodies = ds.contract->bodies();
  if (L.bodies_built || !bodies || !ds.tables.at(bodies->name).present) return;
  const Table& a = ds.tables.at(bodies->name);
  std::string kk, ru;
  for (const auto& [lang, column] : bodies->body_names) {
    if (lang == "kk") kk = column;
    if (lang == "ru") ru = column;
  }
  auto column_of = [&](const std::string& name) -> const Column* {
    if (name.empty() || a.schema->column_index(name) < 0) return nullptr;
    const Column& c = a.column(name);
    return c.present && !c.values.empty() ? &c : nullptr;
  };
  const Column* const code = column_of(bodies->body_column);
  const Column* const kk_name = column_of(kk);
  const Column* const ru_name = column_of(ru);
  const Column* const category = column_of(bodies->category_column);
  auto text = [&](const Column* c, std::size_t r) -> std::string_view {
    if (!c || c->values[r] == kMissing) return {};
    const auto v = static_cast<std::size_t>(c->values[r]);
    return c->schema->type == ColumnType::Enum ? c->schema->enum_values[v] : c->dictionary[v];
  };
  // Sorted by code through the row numbers (a Body is four strings, dear to move at every swap of
  // a sort); equal codes, a duplicate key that its table reports, in the order of their rows.
  std::vector<std::string_view> codes(a.rows);
  for (std::size_t r = 0; r < a.rows; ++r) codes[r] = text(code, r);
  std::vector<std::uint32_t> order(a.rows);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return codes[x] < codes[y] || (codes[x] == codes[y] && x < y);
  });
  ds.bodies.reserve(ds.bodies.size() + a.rows);
  for (const std::uint32_t r : order)
    ds.bodies.push_back(Body{std::string(text(code, r)), std::string(text(kk_name, r)), std::string(text(ru_name, r)),
                             std::string(text(category, r))});
  ds.body_codes.clear();
  ds.body_lookup = TextIndex{};
  for (const Body& body : ds.bodies)
    if (ds.body_lookup.intern(body.code, ds.body_codes) != static_cast<std::int32_t>(ds.body_codes.size()) - 1) {
      // A code twice (a duplicate key, reported by its table): the binary search, as before.
      ds.body_codes.clear();
      ds.body_lookup = TextIndex{};
      break;
    }
  L.bodies_built = true;
}

DataSet finish_dataset(Loading& L) {
  Phase ph("data: bodies, across tables");
  DataSet& ds = L.ds;
  auto& builders = L.builders;
  build_bodies(L);
  // Each row's body; then the errors across tables, in the order a reader meets them: unknown
  // bodies first, then subtypes' parents (found with the keys of services).
  std::map<std::string, std::vector<std::uint32_t>> unknown;  // per table: rows of no known body
  for (auto& [name, t] : ds.tables) {
    if (!t.present || !t.schema->per_agency) continue;
    unknown[name] = assign_bodies(ds, t);
  }
  // In the contract's order of tables, as before: unknown bodies, then references.
  const TableSchema* bodies = ds.contract->bodies();
  if (bodies && builders.count(bodies->name)) {
    const Table& table_of_bodies = ds.tables.at(bodies->name);
    for (const auto& ts : ds.contract->tables)
      if (auto it = builders.find(ts.name); ts.per_agency && it != builders.end())
        check_agencies(table_of_bodies, ds.tables.at(ts.name), unknown[ts.name], *it->second);
  }
  for (const auto& ts : ds.contract->tables)
    if (auto it = builders.find(ts.name); it != builders.end() && self_reference(ts))
    {
      check_parents(ds.tables.at(ts.name), it->second->bad_parents(), *it->second);
      check_parent_cycles(ds.tables.at(ts.name), it->second->deep_parents(), *it->second);
    }
  for (const auto& ts : ds.contract->tables)
    if (auto it = builders.find(ts.name); it != builders.end())
      check_references(ds, ds.tables.at(ts.name), *it->second);
  for (const TableSchema* ts : bodies_first(*ds.contract))
    if (auto it = builders.find(ts->name); it != builders.end())
      for (auto& w : it->second->warnings) ds.warnings.push_back(std::move(w));
  if (!L.reporter.empty()) L.reporter.raise(ds.warnings);
  builders.clear();  // they point into the tables, which move out with the data set
  return std::move(ds);
}

}  // namespace ereje::input
