// Diagnostics in Kazakh and Russian (`check --lang`, `test --lang`; docs/diagnostics.md,
// "Diagnostics in Kazakh and Russian"). Diagnostics are made in English where they are found; this
// catalogue rewrites them when they are shown. One entry per message shape: its code, the English
// pattern with numbered placeholders (`{1}`, `{2}` …) and its Kazakh and Russian wording using the
// same placeholders. A message (help line, note) that matches no entry stays English, and the
// command says once, at the end, that some have no wording yet. The code, the position, the source
// line and the caret never change.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/Diagnostic.hpp"

namespace ereje {

// One message shape. `code` is the diagnostic's code, or "*" for a help line, note or fragment
// shared by many codes. In `en`, `{N}` captures any text (never a backtick or a double quote when
// the pattern goes on with one). In `kk` and `ru`, besides `{N}`:
//   `{N:abl}` `{N:loc}` `{N:dat}` `{N:gen}` `{N:acc}`  the number N with its Kazakh case ending, "10-нан";
//   `{N|one|few|many}`                                  the number N and the Russian noun that agrees, "2 ошибки";
//   `{N:tr}`                                            N itself translated by a "*" entry (else the
//                                                       whole entry does not apply);
//   `{N:msg}`                                           N translated as a message of the diagnostic's own
//                                                       code (then "*"), e.g. after "record 3: ";
//   `{N:any}`                                           N translated as a message of any code (its own
//                                                       first, then "*", then the others), for a message
//                                                       quoted inside another whose code is not known
//                                                       (a test's failure, a data file's diagnostic);
//   `{N:tr?}` `{N:msg?}` `{N:any?}`                     the same, but when N has no wording it stays
//                                                       English and the rest of the entry still applies
//                                                       (the translator then counts the text as missed,
//                                                       so the notice is said). Without `?` a nested
//                                                       text with no wording leaves the whole text
//                                                       English: never half translated, except where an
//                                                       entry says so with `?` (a data file's message
//                                                       quoted in a test's failure; the reason at the end
//                                                       of a `range-proof` line, a failure quoted in it).
struct Wording {
  const char* code;
  const char* en;
  const char* kk;
  const char* ru;
};

// Every entry, in the order they are tried (a code's own entries before the shared "*" ones).
const std::vector<Wording>& diagnostic_wordings();

// "en", "kk" or "ru".
bool is_diagnostic_language(std::string_view lang);

// `text` (a message, help line or note of a diagnostic with `code`) in `lang`; nothing when the
// catalogue has no wording for it. `partial`, if given, is set when the text is translated but a
// lenient part of it (`{N:msg?}` …) had no wording and stayed English.
std::optional<std::string> translate_diagnostic_text(std::string_view code, std::string_view text,
                                                     std::string_view lang, bool* partial = nullptr);

// Rewrites diagnostics into one language for display and remembers whether any text stayed English.
class DiagnosticTranslator {
 public:
  explicit DiagnosticTranslator(std::string lang) : lang_(std::move(lang)) {}
  const std::string& lang() const { return lang_; }
  // The diagnostic with its message, help and notes in the language where the catalogue has them.
  Diagnostic operator()(const Diagnostic& d);
  Diagnostics operator()(const Diagnostics& ds);
  // One text (e.g. a test failure, under the pseudo-code "test-failure"); English when there is no wording.
  std::string text(std::string_view code, const std::string& english);
  // Whether some text was left in English.
  bool missed() const { return missed_; }
  // A rule file's own words quoted by messages (a column's meaning in a help line, a definition's
  // description in a note), with the rule file's description in this language when it has one:
  // a translated text then shows that one where it quotes `english` (longer terms first). Terms of
  // fewer than 8 bytes are not taken (too likely to occur inside other words).
  void add_term(const std::string& english, const std::string& translated);
  // The one-line notice (ending in a newline) to print once at the end when `missed()`; empty in English.
  std::string notice() const;

 private:
  std::string with_terms(const std::string& translated) const;
  std::string lang_;
  bool missed_ = false;
  std::vector<std::pair<std::string, std::string>> terms_;  // longest English first
};

// Kazakh case endings written after a number, "10-нан": they follow the number's last spoken word
// (10 он -> -нан, 5 бес -> -тен, 2 екі -> -ден, 6 алты -> -дан, 40 қырық -> -тан, 1000 мың -> -нан).
enum class KkCase { Ablative, Locative, Dative, Genitive, Accusative };
// The last word of the number as spoken in Kazakh ("10.5" -> "бес": он бүтін оннан бес). `number`
// is the digits as written, perhaps with a sign, a decimal point, or other text before its last
// digits (a date "2024-01-01" -> "бір").
std::string kk_last_word(std::string_view number);
// The ending alone ("нан"), by the word's last vowel and last sound.
std::string kk_word_suffix(std::string_view word, KkCase c);
// The number, a hyphen and its ending: "10-нан", "3-те".
std::string kk_number_case(std::string_view number, KkCase c);

// The Russian form that agrees with a number: 1 ошибка, 2 ошибки, 5 ошибок, 11 ошибок, 21 ошибка;
// a decimal takes the genitive singular (2.5 ошибки).
enum class RuForm { One, Few, Many };
RuForm ru_plural_form(std::string_view number);
// "2 ошибки".
std::string ru_count(std::string_view number, std::string_view one, std::string_view few, std::string_view many);

}  // namespace ereje
