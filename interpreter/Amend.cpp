// Stage 2c: a clause that `amends` another changes only the items it writes. Its version is the
// version in force before, with those items replaced (matched by name), added, or changed in place
// (`result C range 0..6`, `text ru replace "5" with "6"`); everything else, tests included, is
// inherited. Every item keeps the span where it was written, so messages, `explain` and the
// language server say which act set it.
#include "interpreter/Amend.hpp"

#include <map>
#include <set>

#include "core/Nearest.hpp"

namespace ereje::interp {
namespace {

std::string kind_word(ast::Clause::Item::Kind k) {
  switch (k) {
    case ast::Clause::Item::Let: return "a definition (`let`)";
    case ast::Clause::Item::Coefficient: return "a coefficient";
    case ast::Clause::Item::Result: return "a result";
    case ast::Clause::Item::Obligation: return "an obligation";
    case ast::Clause::Item::Rank: return "a rank";
    case ast::Clause::Item::Grade: return "a grade";
    case ast::Clause::Item::ResultChange: return "a change of a result";
  }
  return "an item";
}

std::string keyword(ast::Clause::Item::Kind k) {
  switch (k) {
    case ast::Clause::Item::Let: return "let";
    case ast::Clause::Item::Coefficient: return "coefficient";
    case ast::Clause::Item::Result: return "result";
    case ast::Clause::Item::Obligation: return "obligation";
    case ast::Clause::Item::Rank: return "rank";
    case ast::Clause::Item::Grade: return "grade";
    case ast::Clause::Item::ResultChange: return "result";
  }
  return "";
}

// The name and span of a clause's item.
std::pair<std::string, Span> name_of(const ast::Clause& c, const ast::Clause::Item& it) {
  switch (it.kind) {
    case ast::Clause::Item::Let: return {c.lets[it.index].name, c.lets[it.index].name_span};
    case ast::Clause::Item::Coefficient: return {c.coefficients[it.index].name, c.coefficients[it.index].name_span};
    case ast::Clause::Item::Result: return {c.results[it.index].name, c.results[it.index].name_span};
    case ast::Clause::Item::Obligation: return {c.obligations[it.index].name, c.obligations[it.index].name_span};
    case ast::Clause::Item::Rank: return {c.ranks[it.index].name, c.ranks[it.index].name_span};
    case ast::Clause::Item::Grade: return {c.grades[it.index].name, c.grades[it.index].name_span};
    case ast::Clause::Item::ResultChange:
      return {c.result_changes[it.index].name, c.result_changes[it.index].name_span};
  }
  return {};
}

// Appends item `it` of clause `from` to `to`, keeping the declaration order.
void append_item(ast::Clause& to, const ast::Clause& from, const ast::Clause::Item& it) {
  auto push = [&](auto& list, const auto& item, ast::Clause::Item::Kind k) {
    to.order.push_back({k, list.size()});
    list.push_back(item);
  };
  switch (it.kind) {
    case ast::Clause::Item::Let: push(to.lets, from.lets[it.index], it.kind); break;
    case ast::Clause::Item::Coefficient: push(to.coefficients, from.coefficients[it.index], it.kind); break;
    case ast::Clause::Item::Result: push(to.results, from.results[it.index], it.kind); break;
    case ast::Clause::Item::Obligation: push(to.obligations, from.obligations[it.index], it.kind); break;
    case ast::Clause::Item::Rank: push(to.ranks, from.ranks[it.index], it.kind); break;
    case ast::Clause::Item::Grade: push(to.grades, from.grades[it.index], it.kind); break;
    case ast::Clause::Item::ResultChange: break;  // applied to the result it names, never kept as such
  }
}

const char* language(const std::string& lang) {
  return lang == "kk" ? "Kazakh" : lang == "ru" ? "Russian" : lang == "en" ? "English" : "?";
}

// Replaces every occurrence of `from` in `s`; returns how many there were.
std::size_t replace_all(std::string& s, const std::string& from, const std::string& to) {
  std::size_t n = 0;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
    ++n;
  }
  return n;
}

}  // namespace

std::unique_ptr<ast::Clause> amend_clause(const ast::Clause& base, const std::string& base_label,
                                          const ast::Clause& amend, Diagnostics& diags) {
  auto out = std::make_unique<ast::Clause>();
  ast::Clause& m = *out;
  m.number = amend.number;
  m.number_span = amend.number_span;
  m.span = amend.span;
  m.end_span = amend.end_span;
  m.title = amend.title.empty() ? base.title : amend.title;
  m.title_pieces = amend.title.empty() ? base.title_pieces : amend.title_pieces;
  m.amends = amend.amends;
  m.amends_span = amend.amends_span;
  m.in_force = amend.in_force;  // the earlier version's own date is not the amendment's
  m.in_force_note = amend.in_force_note;
  m.in_force_note_pieces = amend.in_force_note_pieces;
  m.in_force_span = amend.in_force_span;

  // Titles and evidence: stated ones replace those of the same language or subject.
  m.titles = base.titles;
  for (const auto& t : amend.titles) {
    bool replaced = false;
    for (auto& b : m.titles)
      if (b.lang == t.lang) { b = t; replaced = true; }
    if (!replaced) m.titles.push_back(t);
  }
  m.evidence = base.evidence;
  for (const auto& e : amend.evidence) {
    bool replaced = false;
    for (auto& b : m.evidence)
      if (b.subject == e.subject) { b = e; replaced = true; }
    if (!replaced) m.evidence.push_back(e);
  }

  // Legal text: words changed in the inherited text, or a language's text restated whole.
  m.texts = base.texts;
  std::set<std::string> restated;
  for (const auto& t : amend.texts) restated.insert(t.lang);
  for (const auto& e : amend.text_edits) {
    if (restated.count(e.lang)) {
      diags.error("amend-text-twice", e.span,
                  std::string("the ") + language(e.lang) + " text of clause " + amend.number + " is both restated and changed word by word",
                  "keep one: the restated text, or the words replaced in the inherited one");
      continue;
    }
    ast::Text* t = nullptr;
    for (auto& b : m.texts)
      if (b.lang == e.lang) t = &b;
    if (!t) {
      diags.error("amend-words-not-found", e.span,
                  "the version of clause " + amend.number + " this amends (" + base_label + ") has no " +
                      language(e.lang) + " text whose words could be replaced",
                  "write the whole text: `text " + e.lang + " \"…\"`");
      continue;
    }
    if (e.old_words.empty()) {
      diags.error("amend-words-not-found", e.span, "the words to replace are empty", "quote the words the act replaces");
      continue;
    }
    std::string value = t->value;
    if (replace_all(value, e.old_words, e.new_words) == 0) {
      diags.error("amend-words-not-found", e.span,
                  std::string("the ") + language(e.lang) + " text of clause " + amend.number + " (" + base_label + ") does not contain \"" +
                      e.old_words + "\"",
                  "quote the words exactly as the text in force has them")
          .notes.push_back({t->span, "the text in force before"});
      continue;
    }
    t->value = std::move(value);
    t->span = e.span;  // positions inside the changed text are those of the change
    t->pieces.clear();
  }
  for (const auto& t : amend.texts) {
    bool replaced = false;
    for (auto& b : m.texts)
      if (b.lang == t.lang) { b = t; replaced = true; }
    if (!replaced) m.texts.push_back(t);
  }

  // Items: one namespace per clause. The amendment's item of a name replaces the inherited one in
  // its place; a new name is added after the inherited items.
  std::map<std::string, const ast::Clause::Item*> written;
  for (const auto& it : amend.order) {
    if (it.kind == ast::Clause::Item::ResultChange) continue;
    auto [name, span] = name_of(amend, it);
    auto [pos, fresh] = written.emplace(name, &it);
    if (!fresh)
      diags.error("duplicate-name", span, "`" + name + "` is defined twice in the amendment of clause " + amend.number)
          .notes.push_back({name_of(amend, *pos->second).second, "first defined here"});
  }
  std::set<std::string> used;
  std::vector<std::string> inherited_names;
  for (const auto& it : base.order) {
    auto [name, span] = name_of(base, it);
    inherited_names.push_back(name);
    auto w = written.find(name);
    if (w == written.end()) {
      append_item(m, base, it);
      continue;
    }
    used.insert(name);
    if (w->second->kind != it.kind) {
      diags.error("amend-kind-changed", name_of(amend, *w->second).second,
                  "`" + name + "` is " + kind_word(it.kind) + " in the version this amends (" + base_label +
                      "), here " + kind_word(w->second->kind),
                  "write `" + keyword(it.kind) + " " + name + " = …` to change it, or give the new item another name")
          .notes.push_back({span, "defined here before"});
      append_item(m, base, it);
      continue;
    }
    append_item(m, amend, *w->second);
  }
  for (const auto& it : amend.order) {
    if (it.kind == ast::Clause::Item::ResultChange) continue;
    const std::string name = name_of(amend, it).first;
    if (!used.count(name) && written[name] == &it) append_item(m, amend, it);
  }

  // `result C range …` / `round …`: the inherited result, its formula kept.
  for (const auto& rc : amend.result_changes) {
    ast::Result* r = nullptr;
    for (auto& x : m.results)
      if (x.name == rc.name) r = &x;
    if (!r) {
      std::vector<std::string> results;
      for (const auto& x : m.results) results.push_back(x.name);
      const std::string near = nearest(rc.name, results);
      diags.error("amend-unknown-result", rc.name_span,
                  "clause " + amend.number + " (" + base_label + ") has no result `" + rc.name + "` whose range or rounding could change",
                  near.empty() ? "write the whole result: `result " + rc.name + " = … range … round …`"
                               : "did you mean `" + near + "`?")
          .fix_if(near);
      continue;
    }
    if (rc.range_lo) {
      r->range_lo = rc.range_lo;
      r->range_hi = rc.range_hi;
      r->range_span = rc.range_span;
    }
    if (rc.round) {
      r->round = *rc.round;
      r->round_declared = true;
    }
    if (!rc.description.empty()) {
      r->description = rc.description;
      r->description_pieces = rc.description_pieces;
    }
  }

  // Tests: inherited, unless the amendment restates one under the same name; then its own.
  std::map<std::string, const ast::TestCase*> own;
  for (const auto& t : amend.tests) own.emplace(t.name, &t);
  std::set<std::string> restated_tests;
  for (const auto& t : base.tests) {
    auto o = own.find(t.name);
    if (o == own.end()) {
      m.tests.push_back(t);
    } else {
      m.tests.push_back(*o->second);
      restated_tests.insert(t.name);
    }
  }
  for (const auto& t : amend.tests)
    if (!restated_tests.count(t.name)) m.tests.push_back(t);
  return out;
}

}  // namespace ereje::interp
