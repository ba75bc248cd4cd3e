// Stage 2c: the data contract. Collects the files' `table` and `extend table` declarations, each in
// force from its act's date (declared in a file of no act: on every date), into one
// input::Contract over all dates, and reports what cannot be a
// contract (a table declared twice, a key naming no column, two tables of bodies, …). Derived
// columns' and invariants' expressions are typed later by the checker.
#include <algorithm>
#include <set>

#include "interpreter/Checker.hpp"
#include "interpreter/RuleSet.hpp"

namespace ereje::interp {
namespace {

std::map<std::string, std::string> by_lang(const std::vector<ast::Text>& texts) {
  std::map<std::string, std::string> out;
  for (const auto& t : texts) out[t.lang] = t.value;
  return out;
}

std::string defined_at(Span s) { return s.file ? s.file->name + ":" + std::to_string(s.line()) : std::string(); }

struct Declaration {
  const ast::TableDecl* decl;
  const ast::Act* act;
  Date from;
  std::size_t file;  // index in rules.files: declarations of one date apply in file order
};

class Builder {
 public:
  Builder(RuleSet& rules, Diagnostics& diags) : rules_(rules), diags_(diags), contract_(*rules.contract) {}

  void run() {
    std::vector<Declaration> decls;
    for (std::size_t f = 0; f < rules_.files.size(); ++f) {
      const ast::File& file = rules_.files[f];
      const ast::Act* act = rules_.act_of(file);
      // A file naming an unknown act was reported by the resolver already.
      if (file.part_of && !act) continue;
      for (const auto& t : file.tables)
        decls.push_back({&t, act, act ? act->in_force.value_or(Date{}) : input::Origin{}.from, f});
    }
    // Oldest first, so that an extension lands after the table it extends and the columns of an
    // earlier date come first: the columns in force at any date are a prefix of the table's.
    std::stable_sort(decls.begin(), decls.end(), [](const Declaration& a, const Declaration& b) {
      return a.from < b.from;
    });
    for (const auto& d : decls)
      if (!d.decl->extends) table(d);
    for (const auto& d : decls)
      if (d.decl->extends) extend(d);
    for (auto& t : contract_.tables) finish(t);
    bodies();
  }

 private:
  input::Origin origin(const Declaration& d, Span at) const {
    return {d.act ? d.act->id : std::string(), d.from, defined_at(at)};
  }
  static std::string by_whom(const input::Origin& o) {
    return o.dated() ? "act \"" + o.act + "\", " + format_date(o.from) : "no act: in force on every date";
  }

  input::TableSchema* find(const std::string& name) {
    for (auto& t : contract_.tables)
      if (t.name == name) return &t;
    return nullptr;
  }

  void table(const Declaration& d) {
    const ast::TableDecl& t = *d.decl;
    if (const input::TableSchema* other = find(t.name)) {
      diags_.error("duplicate-table", t.name_span, "table `" + t.name + "` is declared twice",
                   "a later act adds columns with `extend table " + t.name + "`")
          .notes.push_back({spans_.at(other->name), "first declared here"});
      return;
    }
    input::TableSchema ts;
    ts.name = t.name;
    ts.meaning = t.description;
    ts.titles = by_lang(t.titles);
    ts.origin = origin(d, t.name_span);
    ts.key = t.key;
    if (t.lists_bodies_by) {
      // Each row of the table of bodies belongs to the body it lists.
      ts.lists_bodies = true;
      ts.per_agency = true;
      ts.body_column = *t.lists_bodies_by;
    }
    if (t.per_body_by) {
      if (t.lists_bodies_by)
        diags_.error("bodies-per-body", t.per_body_span,
                     "table `" + t.name + "` lists the bodies; its rows cannot also belong to a body",
                     "remove `per body by " + *t.per_body_by + "`");
      else {
        ts.per_agency = true;
        ts.body_column = *t.per_body_by;
      }
    }
    for (const auto& n : t.names) ts.body_names.emplace_back(n.lang, n.column);
    if (t.category) ts.category_column = *t.category;
    spans_[t.name] = t.name_span;
    decls_[t.name] = &t;
    contract_.tables.push_back(std::move(ts));
    add_items(d, contract_.tables.back());
  }

  void extend(const Declaration& d) {
    const ast::TableDecl& t = *d.decl;
    input::TableSchema* ts = find(t.name);
    if (!ts) {
      std::string near = nearest(t.name, contract_.names());
      diags_.error("unknown-table", t.name_span, "`extend table " + t.name + "`: no table `" + t.name + "` is declared",
                   near.empty() ? "declare it with `table " + t.name + " … end`" : "did you mean `" + near + "`?")
          .fix_if(near);
      return;
    }
    const input::Origin here = origin(d, t.name_span);
    if (d.from < ts->origin.from || (d.from == ts->origin.from && ts->origin.act == here.act)) {
      diags_.error("extend-too-early", t.name_span,
                   "`extend table " + t.name + "` (" + by_whom(here) + ") does not come after the table itself (" +
                       by_whom(ts->origin) + ")",
                   here.act == ts->origin.act ? "declare the columns in the table itself"
                                              : "an extension belongs to a later act than the table's")
          .notes.push_back({spans_.at(t.name), "the table is declared here"});
      return;
    }
    auto header = [&](bool present, Span at, const char* what) {
      if (present)
        diags_.error("extend-header", at,
                     std::string("`extend table` adds columns, derived columns, references and invariants; ") + what +
                         " is the table's own, declared with it",
                     "move it to the table's declaration");
    };
    header(t.lists_bodies_by.has_value(), t.lists_span, "`lists bodies`");
    header(t.per_body_by.has_value(), t.per_body_span, "`per body`");
    header(!t.key.empty(), t.key_span, "the key");
    header(!t.names.empty(), t.names_span, "`names`");
    header(t.category.has_value(), t.category_span, "`category`");
    header(!t.titles.empty(), t.titles.empty() ? Span{} : t.titles.front().span, "a title");
    add_items(d, *ts);
  }

  void add_items(const Declaration& d, input::TableSchema& ts) {
    const ast::TableDecl& t = *d.decl;
    auto fresh_name = [&](const std::string& name, Span at) {
      auto [it, fresh] = column_spans_[ts.name].emplace(name, at);
      if (!fresh)
        diags_.error("duplicate-column", at, "table `" + ts.name + "` already has a column `" + name + "`")
            .notes.push_back({it->second, "first declared here"});
      return fresh;
    };
    for (const auto& c : t.columns) {
      if (!fresh_name(c.name, c.name_span)) continue;
      input::ColumnSchema cs;
      cs.name = c.name;
      cs.type = c.type;
      cs.optional = c.optional;
      cs.may_be_empty = c.optional || c.or_empty;
      cs.enum_values = c.enum_values;
      cs.meaning = c.description;
      cs.meanings = by_lang(c.descriptions);
      cs.origin = origin(d, c.name_span);
      std::set<std::string> values;
      for (std::size_t i = 0; i < c.enum_values.size(); ++i)
        if (!values.insert(c.enum_values[i]).second)
          diags_.error("duplicate-value", c.enum_spans[i], "`" + c.enum_values[i] + "` is listed twice among the values of column `" + c.name + "`");
      ts.columns.push_back(std::move(cs));
    }
    for (const auto& x : t.derived) {
      if (!fresh_name(x.name, x.name_span)) continue;
      input::ColumnSchema cs;
      cs.name = x.name;
      cs.derived = true;
      cs.may_be_empty = true;  // until the checker knows its type; a missing input gives a missing value
      cs.meaning = x.description;
      cs.meanings = by_lang(x.descriptions);
      cs.origin = origin(d, x.name_span);
      ts.columns.push_back(std::move(cs));
      rules_.derived.push_back({ts.name, x.name, &x});
    }
    for (const auto& r : t.references) {
      references_.push_back({ts.name, &r});
      ts.references.push_back(
          {r.column, r.target_table, r.target_column, r.same_body, r.description, by_lang(r.descriptions), defined_at(r.span)});
    }
    for (const auto& v : t.invariants) {
      if (v.per_body && !ts.per_agency)
        diags_.error("not-per-body", v.name_span,
                     "a `per body` invariant checks each body's rows; table `" + ts.name + "` does not belong to a body");
      rules_.invariants.push_back({ts.name, &v, origin(d, v.name_span)});
    }
  }

  // Names in a table's header items must be its columns (derived ones excluded where a file must
  // give the value).
  void finish(input::TableSchema& ts) {
    const ast::TableDecl* t = decls_.count(ts.name) ? decls_.at(ts.name) : nullptr;
    if (!t) return;
    auto own = [&](const std::string& name, Span at, const std::string& role, bool file_column) {
      const input::ColumnSchema* c = ts.column(name);
      if (!c) {
        std::vector<std::string> names;
        for (const auto& col : ts.columns) names.push_back(col.name);
        std::string near = nearest(name, names);
        diags_.error("contract-unknown-column", at, role + " `" + name + "` is not a column of table `" + ts.name + "`",
                     near.empty() ? "declare it with `column " + name + " TYPE \"…\"`" : "did you mean `" + near + "`?")
            .fix_if(near);
        return c;
      }
      if (file_column && c->derived) {
        diags_.error("contract-derived-column", at,
                     role + " `" + name + "` is a derived column; it must be a column the data file gives");
        return static_cast<const input::ColumnSchema*>(nullptr);  // its type is not known yet: no more to say
      }
      return c;
    };
    for (std::size_t i = 0; i < t->key.size(); ++i)
      if (const auto* c = own(t->key[i], t->key_spans[i], "the key column", true);
          c && (c->type != input::ColumnType::Text || c->may_be_empty))
        diags_.error("contract-key", t->key_spans[i],
                     "the key column `" + c->name + "` must be text that every row gives (codes are text)");
    // The key check groups by the first column and marks the second: one or two columns.
    if (t->key.size() > 2)
      diags_.error("contract-key", t->key_span, "a key has at most two columns (a body's column and a code)");
    if (t->key.size() == 2 && ts.per_agency && t->key.front() != ts.body_column) {
      // `key service_id, agency_id`: the columns swapped, so the code is the first one.
      const std::string& code = t->key.back() == ts.body_column ? t->key.front() : t->key.back();
      diags_.error("contract-key", t->key_spans.front(),
                   "a key of two columns starts with the body column: write `key " + ts.body_column + ", " + code + "`");
    }
    if (!ts.body_column.empty()) {
      Span at = t->lists_bodies_by ? t->lists_span : t->per_body_span;
      if (const auto* c = own(ts.body_column, at, "the body column", true)) {
        if (c->type != input::ColumnType::Text || c->may_be_empty)
          diags_.error("contract-body-column", at,
                       "the body column `" + c->name + "` must be text that every row gives (not " +
                           (c->may_be_empty ? std::string("optional or empty") : std::string(input::to_string(c->type))) + ")");
        if (ts.lists_bodies && ts.key != std::vector<std::string>{ts.body_column}) {
          if (ts.key.empty()) ts.key = {ts.body_column};
          else
            diags_.error("contract-body-key", t->key_span,
                         "the table of bodies is keyed by its body column: write `key " + ts.body_column + "`");
        }
      }
    }
    for (const auto& n : t->names) {
      own(n.column, n.span, "the name column", true);
      if (n.lang != "kk" && n.lang != "ru" && n.lang != "en")
        diags_.error("contract-unknown-column", n.span, "names are given in kk, ru or en");
    }
    if (t->category) own(*t->category, t->category_span, "the category column", true);
    if ((!t->names.empty() || t->category) && !ts.lists_bodies)
      diags_.error("contract-not-bodies", t->names.empty() ? t->category_span : t->names_span,
                   "`names` and `category` describe the bodies; table `" + ts.name + "` does not list them",
                   "add `lists bodies by COLUMN`, or move them to the table of bodies");
  }

  void bodies() {
    const input::TableSchema* first = nullptr;
    for (const auto& t : contract_.tables) {
      if (!t.lists_bodies) continue;
      if (first) {
        diags_.error("two-body-tables", decls_.at(t.name)->lists_span,
                     "tables `" + first->name + "` and `" + t.name + "` both list the bodies",
                     "one table lists the bodies; the others belong to them with `per body by COLUMN`")
            .notes.push_back({decls_.at(first->name)->lists_span, "the first table of bodies"});
        continue;
      }
      first = &t;
    }
    for (const auto& t : contract_.tables)
      if (t.per_agency && !first)
        diags_.error("no-body-table", decls_.at(t.name)->per_body_span,
                     "the rows of table `" + t.name + "` belong to bodies, but no table lists the bodies",
                     "declare the table of bodies with `lists bodies by COLUMN`");
    for (const auto& [table, r] : references_) {
      const input::TableSchema* from = contract_.find(table);
      const input::TableSchema* to = contract_.find(r->target_table);
      if (!from->column(r->column))
        diags_.error("contract-unknown-column", r->column_span,
                     "the reference's column `" + r->column + "` is not a column of table `" + table + "`");
      if (!to) {
        std::string near = nearest(r->target_table, contract_.names());
        diags_.error("unknown-table", r->target_table_span, "unknown table `" + r->target_table + "`",
                     near.empty() ? "the tables are " + join(contract_.names()) : "did you mean `" + near + "`?")
            .fix_if(near);
        continue;
      }
      const input::ColumnSchema* target = to->column(r->target_column);
      if (!target)
        diags_.error("contract-unknown-column", r->target_column_span,
                     "`" + r->target_column + "` is not a column of table `" + to->name + "`");
      else if (const auto* c = from->column(r->column); c && (c->type != target->type || target->derived))
        diags_.error("contract-reference-type", r->column_span,
                     "column `" + r->column + "` (" + input::to_string(c->type) + ") cannot refer to `" + to->name + "." +
                         target->name + "` (" + (target->derived ? "derived" : input::to_string(target->type)) + ")");
      if (r->same_body && (!from->per_agency || !to->per_agency))
        diags_.error("not-per-body", r->span,
                     "`same body` needs both tables to belong to bodies; `" + (!from->per_agency ? table : to->name) +
                         "` does not");
    }
  }

  static std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
    return s;
  }

  RuleSet& rules_;
  Diagnostics& diags_;
  input::Contract& contract_;
  std::map<std::string, Span> spans_;
  std::map<std::string, const ast::TableDecl*> decls_;
  std::map<std::string, std::map<std::string, Span>> column_spans_;
  std::vector<std::pair<std::string, const ast::ReferenceDecl*>> references_;
};

}  // namespace

void build_contract(RuleSet& rules, Diagnostics& diags) { Builder(rules, diags).run(); }

}  // namespace ereje::interp
