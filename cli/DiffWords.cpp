// The changes of `ereje diff` in the review's language (kk, ru; English otherwise), shared by the
// Markdown, HTML and text outputs.
#include <fmt/format.h>

#include <string>

#include "cli/DiffCommon.hpp"
#include "core/Labels.hpp"

namespace ereje::cli {

// "act "X" from D" in the review's language.
std::string version_in(const interp::ClauseVersion& v, const std::string& lang) {
  return fmt::format(fmt::runtime(label_text("version_in", lang)), v.act->id, v.label());
}

// One change in the review's language; English (describe) for what has no wording here yet.
std::string describe_change(const interp::Change& c, const interp::ClauseDiff& cd, const std::string& lang, bool markdown) {
  using K = interp::Change::Kind;
  // In Markdown a description goes into a table cell or a list: its pipes escaped, nothing else.
  auto cell = [markdown](const std::string& s) {
    if (!markdown) return s;
    std::string out;
    for (char ch : s) out += ch == '|' ? std::string("\\|") : std::string(1, ch);
    return out;
  };
  if (lang != "ru" && lang != "kk") return cell(interp::describe(c));
  const bool ru = lang == "ru";
  auto code = [](const std::string& s) { return "`" + s + "`"; };
  auto subject = [&](const std::string& what) {
    return what == "text" || what == "variables" || what == "formula" ? label_text("evidence_for_" + what, lang) : what;
  };
  switch (c.kind) {
    case K::ClauseAdded:
      return cd.after ? (ru ? "пункт добавлен: " : "тармақ қосылды: ") + version_in(*cd.after, lang) : cell(interp::describe(c));
    case K::ClauseRemoved:
      return cd.before ? (ru ? "пункт утратил силу (был: " : "тармақ күшін жойды (бұрын: ") + version_in(*cd.before, lang) + ")"
                       : cell(interp::describe(c));
    case K::NewVersion:
      if (!cd.before || !cd.after) break;
      if (ru)
        return "новая редакция: " + version_in(*cd.after, lang) +
               (c.detail == "amends" ? ", изменяющий редакцию: " : ", вместо редакции: ") + version_in(*cd.before, lang);
      return "жаңа редакция: " + version_in(*cd.after, lang) +
             (c.detail == "amends" ? "; өзгертілген редакция: " : "; ауыстырылған редакция: ") + version_in(*cd.before, lang);
    case K::InForceMoved: return (ru ? "вступает в силу: " : "күшіне ену күні: ") + c.before + " → " + c.after;
    case K::EvidenceChanged:
      return (ru ? "основание (" : "негіздеме (") + subject(c.subject) + "): " + c.before + " → " + c.after;
    case K::CoefficientAdded:
      return ru ? "добавлен коэффициент " + code(c.subject) + ": " + c.after : code(c.subject) + " коэффициенті қосылды: " + c.after;
    case K::CoefficientRemoved:
      return ru ? "исключён коэффициент " + code(c.subject) + " (был " + c.before + ")"
                : code(c.subject) + " коэффициенті алынып тасталды (бұрын " + c.before + ")";
    case K::CoefficientChanged:
      return (ru ? "коэффициент " + code(c.subject) : code(c.subject) + " коэффициенті") + ": " + c.before + " → " + c.after;
    case K::DefinitionAdded:
      return ru ? "добавлено определение " + code(c.subject) + ": " + cell(c.after)
                : code(c.subject) + " анықтамасы қосылды: " + cell(c.after);
    case K::DefinitionRemoved:
      return ru ? "исключено определение " + code(c.subject) + " (было " + cell(c.before) + ")"
                : code(c.subject) + " анықтамасы алынып тасталды (бұрын " + cell(c.before) + ")";
    case K::DefinitionChanged:
      return (ru ? "определение " + code(c.subject) : code(c.subject) + " анықтамасы") + ": " + cell(c.before) + " → " +
             cell(c.after);
    case K::FilterTermAdded:
      return ru ? "в условие отбора " + code(c.subject) + " добавлено " + code(c.detail)
                : code(c.subject) + " іріктеу шартына " + code(c.detail) + " қосылды";
    case K::FilterTermRemoved:
      return ru ? "из условия отбора " + code(c.subject) + " исключено " + code(c.detail)
                : code(c.subject) + " іріктеу шартынан " + code(c.detail) + " алынып тасталды";
    case K::ResultAdded:
      return ru ? "добавлен результат " + code(c.subject) + ": " + cell(c.after)
                : code(c.subject) + " нәтижесі қосылды: " + cell(c.after);
    case K::ResultRemoved:
      return ru ? "исключён результат " + code(c.subject) + " (был " + cell(c.before) + ")"
                : code(c.subject) + " нәтижесі алынып тасталды (бұрын " + cell(c.before) + ")";
    case K::ResultChanged:
      return (ru ? "результат " + code(c.subject) : code(c.subject) + " нәтижесі") + ": " + cell(c.before) + " → " +
             cell(c.after);
    case K::RangeChanged:
      return (ru ? "диапазон " + code(c.subject) : code(c.subject) + " ауқымы") + ": " + c.before + " → " + c.after;
    case K::RoundingChanged:
      return (ru ? "округление " + code(c.subject) + " (знаков после запятой)"
                 : code(c.subject) + " дөңгелектеуі (үтірден кейінгі таңбалар)") +
             ": " + c.before + " → " + c.after;
    case K::ObligationChanged:
      return (ru ? "обязательство " + code(c.subject) : code(c.subject) + " міндеттемесі") + ": " + cell(c.before) +
             " → " + cell(c.after);
    case K::TitleChanged:
      return (ru ? "название (" : "атауы (") + c.subject + "): " + c.detail;
    case K::TextChanged:
      return (ru ? "текст акта (" : "акт мәтіні (") + c.subject + "): " + c.detail;
    case K::TotalChanged: {
      // The part of the total that changed: "part `X`", "weight of `X`", "value of `X` when n/a",
      // "n/a policy" (interp/Diff.cpp), in the review's words.
      std::string what = c.detail;
      auto tail = [&](const std::string& head, const std::string& end = "") {
        return what.substr(head.size(), what.size() - head.size() - end.size());
      };
      auto starts = [&](const std::string& head) { return what.rfind(head, 0) == 0; };
      auto ends = [&](const std::string& end) {
        return what.size() >= end.size() && what.compare(what.size() - end.size(), end.size(), end) == 0;
      };
      if (starts("weight of ")) what = ru ? "вес составляющей " + tail("weight of ") : tail("weight of ") + " құрамдас бөлігінің салмағы";
      else if (starts("value of ") && ends(" when n/a"))
        what = ru ? "значение составляющей " + tail("value of ", " when n/a") + " при n/a"
                  : tail("value of ", " when n/a") + " құрамдас бөлігінің n/a кездегі мәні";
      else if (starts("part ")) what = ru ? "составляющая " + tail("part ") : tail("part ") + " құрамдас бөлігі";
      else if (what == "n/a policy") what = ru ? "правило для n/a" : "n/a ережесі";
      const std::string total = ru ? "итог " + code(c.subject) : code(c.subject) + " қорытындысы";
      if (c.before.empty()) return total + ": " + what + (ru ? " добавлена: " : " қосылды: ") + cell(c.after);
      if (c.after.empty()) return total + ": " + what + (ru ? " исключена (была " : " алынып тасталды (бұрын ") + cell(c.before) + ")";
      return total + ": " + what + ": " + cell(c.before) + " → " + cell(c.after);
    }
    case K::AsOfMoved:
      return (ru ? "дата оценки: " : "бағалау күні: ") + c.before + " → " + c.after;
  }
  return cell(interp::describe(c));
}

std::string part_label(const std::string& label, const interp::RuleDiff& d, const std::string& lang) {
  if (lang != "kk" && lang != "ru") return label;
  for (const auto& cd : d.clauses)
    for (const auto& ch : cd.changes)
      if (interp::describe(ch) == label) return describe_change(ch, cd, lang, false);
  return label;
}

}  // namespace ereje::cli
