// Stage 2b: acts and versions. Each clause of an act is a version in force from the act's date
// (or its own `in_force`); a later version must say `replaces N`; a repeal ends a clause. Two
// versions from the same day, or a replacement after a repeal (a gap), are errors, never
// "last one wins".
#include <algorithm>
#include <map>

#include "interpreter/Amend.hpp"
#include "interpreter/Checker.hpp"
#include "interpreter/RuleSet.hpp"

namespace ereje::interp {

void resolve_versions(RuleSet& rules, Diagnostics& diags) {
  std::map<std::string, const ast::Act*>& acts = rules.acts;
  std::map<std::string, std::vector<ClauseVersion>> found;
  for (const auto& file : rules.files) {
    const ast::Act* act = file.act ? &*file.act : nullptr;
    if (act) {
      auto [it, fresh] = acts.emplace(act->id, act);
      if (!fresh) {
        diags.error("duplicate-act", act->span, "act \"" + act->id + "\" is declared in two files")
            .notes.push_back({it->second->span, "also declared here"});
      }
      // A date written but not a date has had its error (`bad-date`); saying "no in-force date" as
      // well would be a second error for one mistake.
      if (!act->in_force && !act->in_force_span.valid())
        diags.error("act-without-date", act->span, "act \"" + act->id + "\" has no in-force date",
                    "add `in_force YYYY-MM-DD` after the act's title");
    }
  }
  for (const auto& file : rules.files) {
    const ast::Act* act = rules.act_of(file);
    if (file.part_of && !act) {
      std::vector<std::string> ids;
      for (const auto& [id, a] : acts) ids.push_back(id);
      std::string near = nearest(file.part_of->act, ids);
      diags.error("unknown-act", file.part_of->act_span, "this file is part of act \"" + file.part_of->act + "\", but no rule file declares it",
                  near.empty() ? "declare the act with `act \"" + file.part_of->act + "\" \"title\" in_force YYYY-MM-DD` in a file of its own, and pass that file too"
                               : "did you mean act \"" + near + "\"?")
          .fix_if(near.empty() ? near : "\"" + near + "\"");
      continue;
    }
    if (!act) {
      for (const auto& c : file.clauses)
        diags.error("clause-outside-act", c.number_span, "clause " + c.number + " is not inside an act",
                    "start the file with `act \"NUMBER\" \"title\" in_force YYYY-MM-DD`");
      for (const auto& r : file.repeals)
        diags.error("clause-outside-act", r.span, "a repeal must belong to an act",
                    "start the file with `act \"NUMBER\" \"title\" in_force YYYY-MM-DD`");
      continue;
    }
    // The clauses of an act whose date is unknown (not given, or not a date: an error already) get
    // no version: a made-up date would only bring errors that follow from the first. A clause whose
    // own `in_force` is not a date (an error too) is checked at the act's date, so that its other
    // mistakes are said in the same run.
    if (!act->in_force) continue;
    const Date act_date = *act->in_force;
    for (const auto& c : file.clauses) {
      ClauseVersion v{c.number, &file, act, &c, nullptr, c.in_force.value_or(act_date), std::nullopt};
      if (c.replaces && *c.replaces != c.number)
        diags.error("replaces-other", c.replaces_span,
                    "clause " + c.number + " says it replaces clause " + *c.replaces,
                    "a new wording keeps its number: write `replaces " + c.number + "`");
      if (c.amends && *c.amends != c.number)
        diags.error("replaces-other", c.amends_span, "clause " + c.number + " says it amends clause " + *c.amends,
                    "an amendment keeps the clause's number: write `amends " + c.number + "`");
      if (c.amends && c.replaces)
        diags.error("replaces-and-amends", c.amends_span,
                    "clause " + c.number + " both replaces the earlier version and amends it",
                    "`replaces` restates the whole clause; `amends` changes only the items written: keep one");
      if (!c.amends) {
        // Changes of inherited items make sense only in an amendment.
        for (const auto& e : c.text_edits)
          diags.error("change-without-amends", e.span,
                      "words of the " + std::string(e.lang == "kk" ? "Kazakh" : e.lang == "ru" ? "Russian" : "English") +
                          " text are replaced, but clause " + c.number + " does not amend an earlier version",
                      "add `amends " + c.number + "`, or write the whole text: `text " + e.lang + " \"…\"`");
        for (const auto& r : c.result_changes)
          diags.error("change-without-amends", r.span,
                      "result `" + r.name + "` has no formula, and clause " + c.number + " does not amend an earlier version",
                      "add `amends " + c.number + "` to change the range or rounding of the result in force, or write `result " +
                          r.name + " = …`");
      }
      found[c.number].push_back(v);
    }
    for (const auto& r : file.repeals) found[r.number].push_back({r.number, &file, act, nullptr, &r, act_date, std::nullopt});
  }

  for (auto& [number, versions] : found) {
    std::stable_sort(versions.begin(), versions.end(),
                     [](const ClauseVersion& a, const ClauseVersion& b) { return a.from < b.from; });
    for (std::size_t i = 0; i < versions.size(); ++i) {
      ClauseVersion& v = versions[i];
      Span where = v.clause ? v.clause->number_span : v.repeal->span;
      if (i == 0) {
        if (v.clause && v.clause->replaces)
          diags.error("nothing-to-replace", v.clause->replaces_span,
                      "clause " + number + " replaces an earlier version, but none is on file",
                      "add the act with the earlier wording, or remove `replaces`");
        if (v.clause && v.clause->amends && *v.clause->amends == number)
          diags.error("nothing-to-amend", v.clause->amends_span,
                      "clause " + number + " amends an earlier version, but none is on file",
                      "add the act with the wording it amends, or write the whole clause without `amends`");
        if (!v.clause)
          diags.error("nothing-to-repeal", where, "clause " + number + " is repealed, but no version of it is on file");
        continue;
      }
      ClauseVersion& prev = versions[i - 1];
      Span prev_where = prev.clause ? prev.clause->number_span : prev.repeal->span;
      prev.until = v.from;
      if (prev.from == v.from) {
        diags.error("overlapping-versions", where,
                    "two versions of clause " + number + " are in force from the same day, " + v.label(),
                    "one act must replace the other from a later date")
            .notes.push_back({prev_where, "the other version"});
        continue;
      }
      if (v.clause && !v.clause->replaces && !v.clause->amends && prev.clause)
        diags.error("overlapping-versions", where,
                    "clause " + number + " is already in force from " + prev.label() + " (act \"" + prev.act->id +
                        "\"); a later version must say what it replaces",
                    "add `replaces " + number + "` to the new wording")
            .notes.push_back({prev_where, "the version in force before"});
      if (v.clause && v.clause->replaces && !prev.clause)
        diags.error("version-gap", v.clause->replaces_span,
                    "clause " + number + " replaces a version that was repealed on " + prev.label() +
                        ": it was not in force from then until " + v.label(),
                    "drop `replaces` to re-enact the clause, or move the repeal")
            .notes.push_back({prev_where, "repealed here"});
      if (v.clause && v.clause->amends && !prev.clause)
        diags.error("version-gap", v.clause->amends_span,
                    "clause " + number + " amends a version that was repealed on " + prev.label() +
                        ": there is nothing in force to amend",
                    "write the whole clause without `amends` to re-enact it")
            .notes.push_back({prev_where, "repealed here"});
      if (!v.clause && !prev.clause)
        diags.error("nothing-to-repeal", where, "clause " + number + " is repealed twice")
            .notes.push_back({prev_where, "first repealed here"});
      if (v.clause && v.clause->amends && *v.clause->amends == number && !v.clause->replaces && prev.clause) {
        const std::string label = "act \"" + prev.act->id + "\" from " + prev.label();
        rules.amended.push_back(amend_clause(*prev.clause, label, *v.clause, diags));
        v.written = v.clause;
        v.clause = rules.amended.back().get();
      }
    }
  }
  rules.clauses = std::move(found);
}

}  // namespace ereje::interp
