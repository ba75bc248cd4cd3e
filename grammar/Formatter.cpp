// `fmt`: prints a file's AST in the canonical layout, then re-attaches the source's comments.
// Layout (docs/editing.md): the act header, then one block per top-level item in source order;
// inside a clause its header items (titles, texts, replaces, in_force, evidence), its definitions
// in source order, then each test, the groups apart by one blank line. Every output line remembers
// the source offset of what it prints (its anchor): a comment with code before it on its line
// stays beside the line of the nearest anchor before it; a comment on a line of its own goes above
// the line of the nearest anchor after it, so that it moves with its item when items are reordered.
#include "grammar/Formatter.hpp"

#include <algorithm>

#include "grammar/Parser.hpp"

namespace ereje::grammar {
namespace {


bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// An empty line between the content before `at` (skipping whitespace backwards) and `at`?
bool blank_line_before(const std::string& t, std::size_t at) {
  std::size_t newlines = 0;
  while (at > 0 && is_space(t[at - 1])) newlines += t[--at] == '\n';
  return at > 0 && newlines >= 2;
}

bool blank_line_after(const std::string& t, std::size_t at) {
  std::size_t newlines = 0;
  while (at < t.size() && is_space(t[at])) newlines += t[at++] == '\n';
  return at < t.size() && newlines >= 2;
}

// `enum [none, partial, full]`, `text`, …: a value that is not a plain name stays quoted.
std::string column_type_text(const ast::ColumnDecl& c) {
  if (c.type != ast::ColumnType::Enum) return input::to_string(c.type);
  std::string s = "enum [";
  for (std::size_t i = 0; i < c.enum_values.size(); ++i) {
    const std::string& v = c.enum_values[i];
    bool plain = !v.empty() && is_plain_name(v);
    s += (i ? ", " : "") + (plain ? v : quote_string(v));
  }
  return s + "]";
}

struct Line {
  int indent = 0;
  std::string text;
  std::uint32_t anchor = 0;
  int comment_indent = 0;  // of the comments above it
  bool blank = false;
  bool blank_if_source = false;  // a blank line only where the source has one (between functions, repeals)
  std::vector<const Comment*> leading;
  const Comment* trailing = nullptr;
};

class Printer {
 public:
  explicit Printer(const ast::File& f) : file_(f), src_(f.source->text), comments_(collect_comments(src_)) {}

  std::string run() {
    top_level();
    attach();
    return emit();
  }

 private:
  void line(int indent, std::string text, std::uint32_t anchor, int comment_indent = -1) {
    Line l;
    l.indent = indent;
    l.text = std::move(text);
    l.anchor = anchor;
    l.comment_indent = comment_indent < 0 ? indent : comment_indent;
    lines_.push_back(std::move(l));
  }
  void blank(bool only_if_source = false) {
    if (lines_.empty() || lines_.back().blank) return;
    Line l;
    l.blank = true;
    l.blank_if_source = only_if_source;
    lines_.push_back(std::move(l));
  }

  // `head` and the text's first piece on one line, each further piece on a line of its own at
  // `cont`: long legal text keeps the pieces it was written in. `required`: print `""` when the
  // text is absent (a test's name), rather than nothing (an optional description).
  void with_text(int indent, std::string head, const ast::TextPieces& pieces, const std::string& value,
                 bool required, std::uint32_t anchor, int cont) {
    ast::TextPieces ps = pieces;
    if (ps.empty() && (required || !value.empty())) ps.push_back({value, Span{}});
    if (ps.empty()) {
      if (!head.empty()) line(indent, std::move(head), anchor);
      return;
    }
    std::string first = head.empty() ? quote_string(ps[0].value) : head + " " + quote_string(ps[0].value);
    line(indent, std::move(first), head.empty() && ps[0].span.valid() ? ps[0].span.begin : anchor);
    for (std::size_t k = 1; k < ps.size(); ++k)
      line(cont, quote_string(ps[k].value), ps[k].span.valid() ? ps[k].span.begin : anchor);
  }

  void top_level() {
    enum Kind { Act, Clause, Function, Repeal, Table, PartOf };
    struct Item { std::uint32_t at; Kind kind; std::size_t index; };
    std::vector<Item> items;
    if (file_.act) items.push_back({file_.act->span.begin, Act, 0});
    if (file_.part_of) items.push_back({file_.part_of->span.begin, PartOf, 0});
    for (std::size_t i = 0; i < file_.tables.size(); ++i) items.push_back({file_.tables[i].span.begin, Table, i});
    for (std::size_t i = 0; i < file_.clauses.size(); ++i) items.push_back({file_.clauses[i].span.begin, Clause, i});
    for (std::size_t i = 0; i < file_.functions.size(); ++i) items.push_back({file_.functions[i].span.begin, Function, i});
    for (std::size_t i = 0; i < file_.repeals.size(); ++i) items.push_back({file_.repeals[i].span.begin, Repeal, i});
    // Source order: each kind's list keeps its order, and the author's grouping stays.
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.at < b.at; });
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      // One-line items of a kind (the standard library's functions, an act's repeals) stay
      // together unless the source set them apart.
      bool run = i > 0 && items[i - 1].kind == it.kind && (it.kind == Function || it.kind == Repeal);
      if (i > 0) blank(run);
      switch (it.kind) {
        case Act: act(*file_.act); break;
        case Clause: clause(file_.clauses[it.index]); break;
        case Function: function(file_.functions[it.index]); break;
        case Repeal: repeal(file_.repeals[it.index]); break;
        case Table: table_decl(file_.tables[it.index]); break;
        case PartOf: line(0, "part of act " + quote_string(file_.part_of->act), file_.part_of->span.begin); break;
      }
    }
  }

  void act(const ast::Act& a) {
    with_text(0, "act " + quote_string(a.id), a.title_pieces, a.title, false, a.span.begin, 2);
    if (a.in_force)
      with_text(2, "in_force " + format_date(*a.in_force), a.in_force_note_pieces, a.in_force_note, false,
                a.in_force_span.begin, 4);
    if (a.amends) with_text(2, "amends", a.amends_pieces, *a.amends, true, a.amends_span.begin, 4);
  }

  void function(const ast::Function& f) {
    std::string head = "function " + f.name + "(";
    for (std::size_t i = 0; i < f.params.size(); ++i) head += (i ? ", " : "") + f.params[i];
    head += ") = " + print_expr(*f.body);
    with_text(0, std::move(head), f.description_pieces, f.description, false, f.span.begin, 2);
  }

  void repeal(const ast::Repeal& r) {
    with_text(0, "repeals " + r.number, r.note_pieces, r.note, false, r.span.begin, 2);
  }

  // A description and its kk/ru/en translations: the description on the item's line, each
  // translation on a line of its own below it.
  // An item's description in other languages, one line each: `kk "…"`.
  void langs_after(int indent, const std::vector<ast::Text>& langs) {
    for (const auto& t : langs) with_text(indent, t.lang, t.pieces, t.value, true, t.span.begin, indent + 2);
  }

  void described(int indent, std::string head, const ast::TextPieces& pieces, const std::string& value,
                 const std::vector<ast::Text>& langs, std::uint32_t anchor) {
    with_text(indent, std::move(head), pieces, value, false, anchor, indent + 2);
    for (const auto& t : langs) with_text(indent + 2, t.lang, t.pieces, t.value, true, t.span.begin, indent + 4);
  }

  void table_decl(const ast::TableDecl& t) {
    with_text(0, (t.extends ? "extend table " : "table ") + t.name, t.description_pieces, t.description, false,
              t.span.begin, 2);
    bool any = false;
    auto group = [&] {
      if (any) blank();
      any = true;
    };
    if (!t.titles.empty() || t.lists_bodies_by || t.per_body_by || !t.key.empty() || !t.names.empty() || t.category) {
      group();
      for (const auto& x : t.titles) with_text(2, "title " + x.lang, x.pieces, x.value, true, x.span.begin, 4);
      if (t.lists_bodies_by) line(2, "lists bodies by " + *t.lists_bodies_by, t.lists_span.begin);
      if (t.per_body_by) line(2, "per body by " + *t.per_body_by, t.per_body_span.begin);
      if (!t.names.empty()) {
        std::string s = "names";
        for (std::size_t i = 0; i < t.names.size(); ++i) s += (i ? ", " : " ") + t.names[i].lang + " " + t.names[i].column;
        line(2, std::move(s), t.names_span.begin);
      }
      if (t.category) line(2, "category " + *t.category, t.category_span.begin);
      if (!t.key.empty()) {
        std::string s = "key";
        for (std::size_t i = 0; i < t.key.size(); ++i) s += (i ? ", " : " ") + t.key[i];
        line(2, std::move(s), t.key_span.begin);
      }
    }
    if (!t.order.empty()) {
      group();
      for (const auto& item : t.order) table_item(t, item);
    }
    line(0, "end", t.end_span.valid() ? t.end_span.begin : t.span.end, 2);
  }

  void table_item(const ast::TableDecl& t, const ast::TableDecl::Item& item) {
    switch (item.kind) {
      case ast::TableDecl::Item::Column: {
        const auto& c = t.columns[item.index];
        std::string s = "column " + c.name + " " + column_type_text(c);
        if (c.or_empty) s += " or empty";
        if (c.optional) s += " optional";
        described(2, std::move(s), c.description_pieces, c.description, c.descriptions, c.span.begin);
        return;
      }
      case ast::TableDecl::Item::Derived: {
        const auto& d = t.derived[item.index];
        described(2, "derived " + d.name + " = " + print_expr(*d.value), d.description_pieces, d.description,
                  d.descriptions, d.span.begin);
        return;
      }
      case ast::TableDecl::Item::Reference: {
        const auto& r = t.references[item.index];
        std::string s = "reference " + r.column + " to " + r.target_table + "." + r.target_column;
        if (r.same_body) s += " same body";
        described(2, std::move(s), r.description_pieces, r.description, r.descriptions, r.span.begin);
        return;
      }
      case ast::TableDecl::Item::Invariant: {
        const auto& v = t.invariants[item.index];
        line(2, std::string("invariant ") + (v.per_body ? "per body " : "") + v.name + " = " + print_expr(*v.condition),
             v.span.begin);
        std::string s = "for clause";
        for (std::size_t i = 0; i < v.clauses.size(); ++i) s += (i ? ", " : " ") + v.clauses[i];
        s += v.warning ? " warning" : " error";
        described(4, std::move(s), v.description_pieces, v.description, v.descriptions,
                  v.clause_spans.empty() ? v.condition->span.end : v.clause_spans.front().begin);
        return;
      }
    }
  }

  void clause(const ast::Clause& c) {
    with_text(0, "clause " + c.number, c.title_pieces, c.title, false, c.span.begin, 2);
    bool any = false;
    auto group = [&] {
      if (any) blank();
      any = true;
    };
    if (!c.titles.empty() || !c.texts.empty() || !c.text_edits.empty() || c.replaces || c.amends || c.in_force ||
        !c.evidence.empty()) {
      group();
      for (const auto& t : c.titles) with_text(2, "title " + t.lang, t.pieces, t.value, true, t.span.begin, 4);
      for (const auto& t : c.texts) with_text(2, "text " + t.lang, t.pieces, t.value, true, t.span.begin, 4);
      for (const auto& e : c.text_edits) text_edit(e);
      if (c.replaces) line(2, "replaces " + *c.replaces, c.replaces_span.begin);
      if (c.amends) line(2, "amends " + *c.amends, c.amends_span.begin);
      if (c.in_force)
        with_text(2, "in_force " + format_date(*c.in_force), c.in_force_note_pieces, c.in_force_note, false,
                  c.in_force_span.begin, 4);
      if (!c.evidence.empty()) {
        std::string s = "evidence";
        for (std::size_t i = 0; i < c.evidence.size(); ++i)
          s += (i ? ", " : " ") + c.evidence[i].subject + " " + ast::to_string(c.evidence[i].level);
        line(2, std::move(s), c.evidence.front().span.begin);
      }
    }
    if (!c.order.empty()) {
      group();
      for (const auto& item : c.order) definition(c, item);
    }
    for (const auto& t : c.tests) {
      group();
      test(t);
    }
    // Comments above `end` belong to the clause's body: indent them as its items.
    line(0, "end", c.end_span.valid() ? c.end_span.begin : c.span.end, 2);
  }

  // `text ru replace "…" with "…"` on one line when it fits, else the new words on a line of their own.
  void text_edit(const ast::TextEdit& e) {
    const std::string head = "text " + e.lang + " replace";
    const bool single = e.old_pieces.size() <= 1 && e.new_pieces.size() <= 1;
    const std::string one = head + " " + quote_string(e.old_words) + " with " + quote_string(e.new_words);
    if (single && 2 + one.size() <= 100) {
      line(2, one, e.span.begin);
      return;
    }
    with_text(2, head, e.old_pieces, e.old_words, true, e.span.begin, 4);
    with_text(4, "with", e.new_pieces, e.new_words, true,
              e.new_pieces.empty() || !e.new_pieces[0].span.valid() ? e.span.begin : e.new_pieces[0].span.begin, 4);
  }

  void definition(const ast::Clause& c, const ast::Clause::Item& item) {
    switch (item.kind) {
      case ast::Clause::Item::ResultChange: {
        const auto& r = c.result_changes[item.index];
        std::string s = "result " + r.name;
        if (r.range_lo && r.range_hi) s += " range " + print_expr(*r.range_lo) + ".." + print_expr(*r.range_hi);
        if (r.round) s += " round " + std::to_string(*r.round);
        with_text(2, std::move(s), r.description_pieces, r.description, false, r.span.begin, 4);
        return;
      }
      case ast::Clause::Item::Let: {
        const auto& l = c.lets[item.index];
        with_text(2, "let " + l.name + " = " + print_expr(*l.value), l.description_pieces, l.description, false,
                  l.span.begin, 4);
        langs_after(4, l.descriptions);
        return;
      }
      case ast::Clause::Item::Coefficient: {
        const auto& k = c.coefficients[item.index];
        with_text(2, "coefficient " + k.name + " = " + print_expr(*k.value), k.description_pieces, k.description,
                  false, k.span.begin, 4);
        langs_after(4, k.descriptions);
        return;
      }
      case ast::Clause::Item::Result: {
        const auto& r = c.results[item.index];
        std::string tail;
        if (r.range_lo && r.range_hi) tail += " range " + print_expr(*r.range_lo) + ".." + print_expr(*r.range_hi);
        if (r.round_declared) tail += " round " + std::to_string(r.round);
        if (const auto* t = std::get_if<ast::Total>(&r.value->node)) {
          // A total reads as the act lists it: one part per line, then how n/a parts enter it.
          line(2, "result " + r.name + " = total of", r.span.begin);
          for (std::size_t i = 0; i < t->parts.size(); ++i)
            line(6, print_total_part(t->parts[i]) + (i + 1 < t->parts.size() ? "," : ""), t->parts[i].span.begin);
          std::string policy = print_na_policy(*t);
          if (!policy.empty()) line(4, policy.substr(1), t->policy_span.valid() ? t->policy_span.begin : r.value->span.end);
          with_text(4, tail.empty() ? "" : tail.substr(1), r.description_pieces, r.description, false,
                    r.range_span.valid() ? r.range_span.begin : r.value->span.end, 4);
          langs_after(4, r.descriptions);
          return;
        }
        with_text(2, "result " + r.name + " = " + print_expr(*r.value) + tail, r.description_pieces, r.description,
                  false, r.span.begin, 4);
        langs_after(4, r.descriptions);
        return;
      }
      case ast::Clause::Item::Rank: {
        const auto& k = c.ranks[item.index];
        std::string s = "rank " + k.name + " = " + print_expr(*k.subject);
        if (k.order_declared) s += k.highest_first ? " highest first" : " lowest first";
        if (k.within) s += " within " + *k.within;
        if (k.ties != ast::Rank::Ties::Unstated) s += std::string(" ties ") + ast::to_string(k.ties);
        if (k.na != ast::Rank::Place::Unstated) s += std::string(" n/a ") + ast::to_string(k.na);
        if (k.out_of_range != ast::Rank::Place::Unstated) s += std::string(" out_of_range ") + ast::to_string(k.out_of_range);
        with_text(2, std::move(s), k.description_pieces, k.description, false, k.span.begin, 4);
        langs_after(4, k.descriptions);
        return;
      }
      case ast::Clause::Item::Grade: {
        const auto& g = c.grades[item.index];
        with_text(2, "grade " + g.name + " = " + print_expr(*g.subject), g.description_pieces, g.description, false,
                  g.span.begin, 4);
        langs_after(4, g.descriptions);
        for (const auto& b : g.bands)
          described(4, "band " + b.name + (b.from ? " from " + print_expr(*b.from) : std::string(" otherwise")),
                    b.label_pieces, b.label, b.labels, b.span.begin);
        return;
      }
      case ast::Clause::Item::Obligation: {
        const auto& o = c.obligations[item.index];
        line(2, "obligation " + o.name + " over " + o.table, o.span.begin);
        line(4, "breach when " + print_expr(*o.breach), o.breach->span.begin);
        with_text(4, "", o.description_pieces, o.description, false, o.breach->span.end, 4);
        langs_after(4, o.descriptions);
        return;
      }
    }
  }

  void test(const ast::TestCase& t) {
    with_text(2, "test", t.name_pieces, t.name, true, t.span.begin, 4);
    if (t.as_of) line(4, "as_of " + format_date(*t.as_of), t.as_of_span.begin);
    for (const auto& tt : t.tables) table(tt);
    for (const auto& e : t.expectations)
      line(4, "expect " + e.result + " = " + print_expr(*e.value) + (e.out_of_range ? " out_of_range" : ""),
           e.span.begin);
  }

  // `T: 3 rows status = done, 1 row status = open` on one line when it fits; one
  // row group a line otherwise, or when a comment stands between the groups.
  void table(const ast::TestTable& tt) {
    std::vector<std::string> groups;
    for (const auto& g : tt.groups) {
      std::string s = std::to_string(g.count) + (g.count == 1 ? " row" : " rows");
      for (std::size_t k = 0; k < g.assignments.size(); ++k)
        s += (k ? " and " : " ") + g.assignments[k].column + " = " + print_expr(*g.assignments[k].value);
      groups.push_back(std::move(s));
    }
    std::string joined = tt.table + ":";
    for (std::size_t i = 0; i < groups.size(); ++i) joined += (i ? ", " : " ") + groups[i];
    bool comment_inside = false;
    if (!tt.groups.empty())
      for (const auto& c : comments_)
        comment_inside |= c.begin > tt.table_span.begin && c.begin < tt.groups.back().span.begin;
    if (groups.size() <= 1 || (!comment_inside && 4 + utf8_length(joined) <= kFormatWidth)) {
      line(4, std::move(joined), tt.table_span.begin);
      return;
    }
    for (std::size_t i = 0; i < groups.size(); ++i) {
      std::string s = (i ? "" : tt.table + ": ") + groups[i] + (i + 1 < groups.size() ? "," : "");
      line(i ? 6 : 4, std::move(s), i ? tt.groups[i].span.begin : tt.table_span.begin);
    }
  }

  // Each comment to the line it stands beside (code before it on its source line) or above.
  void attach() {
    std::vector<std::size_t> by_anchor;
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (!lines_[i].blank) by_anchor.push_back(i);
    std::stable_sort(by_anchor.begin(), by_anchor.end(),
                     [&](std::size_t a, std::size_t b) { return lines_[a].anchor < lines_[b].anchor; });
    auto after = [&](std::uint32_t at) {  // first line whose anchor is past `at`
      return std::upper_bound(by_anchor.begin(), by_anchor.end(), at,
                              [&](std::uint32_t v, std::size_t i) { return v < lines_[i].anchor; });
    };
    for (const auto& c : comments_) {
      auto it = after(c.begin);
      if (c.trailing && it != by_anchor.begin()) {
        Line& l = lines_[*std::prev(it)];
        // A line holds one trailing comment; a second one (the lines of one item joined) goes above.
        if (!l.trailing) l.trailing = &c;
        else l.leading.push_back(&c);
        continue;
      }
      if (it != by_anchor.end()) lines_[*it].leading.push_back(&c);
      else trailer_.push_back(&c);
    }
  }

  std::string emit() {
    std::string out;
    bool last_blank = true;  // no blank line at the start of the file
    auto put_blank = [&] {
      if (!last_blank) out += '\n';
      last_blank = true;
    };
    auto put = [&](int indent, const std::string& text) {
      out.append(static_cast<std::size_t>(indent), ' ');
      out += text;
      out += '\n';
      last_blank = false;
    };
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (l.blank) {
        bool want = true;
        if (l.blank_if_source && i + 1 < lines_.size()) {
          const Line& next = lines_[i + 1];
          want = blank_line_before(src_, next.leading.empty() ? next.anchor : next.leading.front()->begin);
        }
        if (want) put_blank();
        continue;
      }
      for (std::size_t k = 0; k < l.leading.size(); ++k) {
        if (k > 0 && l.leading[k]->blank_before) put_blank();
        put(l.comment_indent, l.leading[k]->text);
      }
      if (!l.leading.empty() && l.leading.back()->blank_after) put_blank();
      put(l.indent, l.trailing ? l.text + " " + l.trailing->text : l.text);
    }
    for (const Comment* c : trailer_) {
      if (c->blank_before) put_blank();
      put(0, c->text);
    }
    return out;
  }

  const ast::File& file_;
  const std::string& src_;
  std::vector<Comment> comments_;
  std::vector<Line> lines_;
  std::vector<const Comment*> trailer_;
};

// ---- dump_meaning ----

std::string pieces_text(const ast::TextPieces& ps, const std::string& value) {
  std::string s = quote_string(value);
  if (ps.size() > 1) {
    s += " as";
    for (const auto& p : ps) s += " " + quote_string(p.value);
  }
  return s;
}

std::string expr_text(const ast::ExprPtr& e) { return e ? print_expr(*e) : "<none>"; }

}  // namespace

std::vector<Comment> collect_comments(const std::string& t) {
  std::vector<Comment> out;
  bool code_on_line = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '\n') {
      code_on_line = false;
    } else if (c == '"') {  // a string runs to its closing quote; it cannot span lines
      code_on_line = true;
      for (++i; i < t.size() && t[i] != '"' && t[i] != '\n'; ++i)
        if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] != '\n') ++i;
      if (i < t.size() && t[i] == '\n') --i;  // an unterminated string: the newline ends it
    } else if (c == '/' && i + 1 < t.size() && t[i + 1] == '/') {
      std::size_t e = t.find('\n', i);
      if (e == std::string::npos) e = t.size();
      // Spaces at the end of the line (and the \r of a CRLF line) are layout, not the comment's.
      std::size_t text_end = e;
      while (text_end > i + 2 && (t[text_end - 1] == '\r' || t[text_end - 1] == ' ' || t[text_end - 1] == '\t')) --text_end;
      Comment cm;
      cm.begin = static_cast<std::uint32_t>(i);
      cm.end = static_cast<std::uint32_t>(text_end);
      cm.text = t.substr(i, text_end - i);
      cm.trailing = code_on_line;
      cm.blank_before = blank_line_before(t, i);
      cm.blank_after = blank_line_after(t, e);
      out.push_back(std::move(cm));
      i = e - 1;  // the loop's ++i reaches the newline
    } else if (!is_space(c)) {
      code_on_line = true;
    }
  }
  return out;
}

std::string format_file(const ast::File& file) { return Printer(file).run(); }

std::optional<std::string> format_source(const SourcePtr& source, Diagnostics& diags) {
  Diagnostics local;
  ast::File file = parse_file(source, local);
  diags.append(local);
  if (local.has_errors()) return std::nullopt;
  return format_file(file);
}

std::string dump_meaning(const ast::File& f) {
  std::string s;
  auto add = [&](int indent, const std::string& text) {
    s.append(static_cast<std::size_t>(indent), ' ');
    s += text;
    s += '\n';
  };
  if (f.act) {
    const auto& a = *f.act;
    add(0, "act " + quote_string(a.id) + " title " + pieces_text(a.title_pieces, a.title));
    if (a.in_force) add(2, "in_force " + format_date(*a.in_force) + " " + pieces_text(a.in_force_note_pieces, a.in_force_note));
    if (a.amends) add(2, "amends " + pieces_text(a.amends_pieces, *a.amends));
  }
  for (const auto& fn : f.functions) {
    std::string p;
    for (const auto& n : fn.params) p += (p.empty() ? "" : ", ") + n;
    add(0, "function " + fn.name + "(" + p + ") = " + expr_text(fn.body) + " " +
               pieces_text(fn.description_pieces, fn.description));
  }
  for (const auto& r : f.repeals) add(0, "repeals " + r.number + " " + pieces_text(r.note_pieces, r.note));
  if (f.part_of) add(0, "part of act " + quote_string(f.part_of->act));
  for (const auto& t : f.tables) {
    add(0, std::string(t.extends ? "extend table " : "table ") + t.name + " " + pieces_text(t.description_pieces, t.description));
    for (const auto& x : t.titles) add(2, "title " + x.lang + " " + pieces_text(x.pieces, x.value));
    if (t.lists_bodies_by) add(2, "lists bodies by " + *t.lists_bodies_by);
    if (t.per_body_by) add(2, "per body by " + *t.per_body_by);
    for (const auto& n : t.names) add(2, "name " + n.lang + " " + n.column);
    if (t.category) add(2, "category " + *t.category);
    for (const auto& k : t.key) add(2, "key " + k);
    auto langs = [&](const std::vector<ast::Text>& ts) {
      for (const auto& x : ts) add(4, x.lang + " " + pieces_text(x.pieces, x.value));
    };
    for (const auto& item : t.order) {
      switch (item.kind) {
        case ast::TableDecl::Item::Column: {
          const auto& c = t.columns[item.index];
          add(2, "column " + c.name + " " + column_type_text(c) + (c.or_empty ? " or empty" : "") +
                     (c.optional ? " optional " : " ") + pieces_text(c.description_pieces, c.description));
          langs(c.descriptions);
          break;
        }
        case ast::TableDecl::Item::Derived: {
          const auto& d = t.derived[item.index];
          add(2, "derived " + d.name + " = " + expr_text(d.value) + " " + pieces_text(d.description_pieces, d.description));
          langs(d.descriptions);
          break;
        }
        case ast::TableDecl::Item::Reference: {
          const auto& r = t.references[item.index];
          add(2, "reference " + r.column + " to " + r.target_table + "." + r.target_column +
                     (r.same_body ? " same body " : " ") + pieces_text(r.description_pieces, r.description));
          langs(r.descriptions);
          break;
        }
        case ast::TableDecl::Item::Invariant: {
          const auto& v = t.invariants[item.index];
          std::string cl;
          for (const auto& c : v.clauses) cl += " " + c;
          add(2, std::string("invariant ") + (v.per_body ? "per body " : "") + v.name + " = " + expr_text(v.condition) +
                     " for clause" + cl + (v.warning ? " warning " : " error ") +
                     pieces_text(v.description_pieces, v.description));
          langs(v.descriptions);
          break;
        }
      }
    }
  }
  for (const auto& c : f.clauses) {
    add(0, "clause " + c.number + " " + pieces_text(c.title_pieces, c.title));
    for (const auto& t : c.titles) add(2, "title " + t.lang + " " + pieces_text(t.pieces, t.value));
    for (const auto& t : c.texts) add(2, "text " + t.lang + " " + pieces_text(t.pieces, t.value));
    for (const auto& e : c.text_edits)
      add(2, "text " + e.lang + " replace " + pieces_text(e.old_pieces, e.old_words) + " with " +
                 pieces_text(e.new_pieces, e.new_words));
    if (c.replaces) add(2, "replaces " + *c.replaces);
    if (c.amends) add(2, "amends " + *c.amends);
    if (c.in_force) add(2, "in_force " + format_date(*c.in_force) + " " + pieces_text(c.in_force_note_pieces, c.in_force_note));
    for (const auto& e : c.evidence) add(2, "evidence " + e.subject + " " + ast::to_string(e.level));
    auto other_langs = [&](const std::vector<ast::Text>& ts) {
      for (const auto& x : ts) add(4, x.lang + " " + pieces_text(x.pieces, x.value));
    };
    for (const auto& item : c.order) {
      switch (item.kind) {
        case ast::Clause::Item::ResultChange: {
          const auto& r = c.result_changes[item.index];
          add(2, "result " + r.name + " changed: range " + (r.range_lo ? expr_text(r.range_lo) + ".." + expr_text(r.range_hi) : "kept") +
                     " round " + (r.round ? std::to_string(*r.round) : "kept") + " " +
                     pieces_text(r.description_pieces, r.description));
          break;
        }
        case ast::Clause::Item::Let: {
          const auto& l = c.lets[item.index];
          add(2, "let " + l.name + " = " + expr_text(l.value) + " " + pieces_text(l.description_pieces, l.description));
          other_langs(l.descriptions);
          break;
        }
        case ast::Clause::Item::Coefficient: {
          const auto& k = c.coefficients[item.index];
          add(2, "coefficient " + k.name + " = " + expr_text(k.value) + " " +
                     pieces_text(k.description_pieces, k.description));
          other_langs(k.descriptions);
          break;
        }
        case ast::Clause::Item::Result: {
          const auto& r = c.results[item.index];
          add(2, "result " + r.name + " = " + expr_text(r.value) + " range " + expr_text(r.range_lo) + ".." +
                     expr_text(r.range_hi) + " round " + std::to_string(r.round) +
                     (r.round_declared ? " declared " : " default ") + pieces_text(r.description_pieces, r.description));
          other_langs(r.descriptions);
          break;
        }
        case ast::Clause::Item::Obligation: {
          const auto& o = c.obligations[item.index];
          add(2, "obligation " + o.name + " over " + o.table + " breach when " + expr_text(o.breach) + " " +
                     pieces_text(o.description_pieces, o.description));
          other_langs(o.descriptions);
          break;
        }
        case ast::Clause::Item::Rank: {
          const auto& k = c.ranks[item.index];
          add(2, "rank " + k.name + " = " + expr_text(k.subject) + (k.order_declared ? (k.highest_first ? " highest first" : " lowest first") : " order unstated") +
                     " within " + k.within.value_or("-") + " ties " + ast::to_string(k.ties) + " n/a " + ast::to_string(k.na) +
                     " out_of_range " + ast::to_string(k.out_of_range) + " " + pieces_text(k.description_pieces, k.description));
          other_langs(k.descriptions);
          break;
        }
        case ast::Clause::Item::Grade: {
          const auto& g = c.grades[item.index];
          add(2, "grade " + g.name + " = " + expr_text(g.subject) + " " + pieces_text(g.description_pieces, g.description));
          other_langs(g.descriptions);
          for (const auto& b : g.bands) {
            std::string band = "band " + b.name + (b.from ? " from " + expr_text(b.from) : " otherwise") + " " + pieces_text(b.label_pieces, b.label);
            for (const auto& t : b.labels) band += " " + t.lang + " " + pieces_text(t.pieces, t.value);
            add(4, band);
          }
          break;
        }
      }
    }
    for (const auto& t : c.tests) {
      add(2, "test " + pieces_text(t.name_pieces, t.name) + (t.as_of ? " as_of " + format_date(*t.as_of) : ""));
      for (const auto& tt : t.tables) {
        add(4, "table " + tt.table);
        for (const auto& g : tt.groups) {
          std::string row = std::to_string(g.count) + " rows";
          for (const auto& a : g.assignments) row += " " + a.column + " = " + expr_text(a.value) + ";";
          add(6, row);
        }
      }
      for (const auto& e : t.expectations)
        add(4, "expect " + e.result + " = " + expr_text(e.value) + (e.out_of_range ? " out_of_range" : ""));
    }
  }
  return s;
}

}  // namespace ereje::grammar
