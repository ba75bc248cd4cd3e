// MessageLines.hpp: ereje's own command-line messages in Kazakh or Russian.
#include "cli/MessageLines.hpp"

#include <array>

#include "core/DiagnosticText.hpp"

namespace ereje::cli {

std::string message_language(int argc, char** argv) {
  std::string lang;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--lang" && i + 1 < argc) lang = argv[i + 1];
    else if (a.rfind("--lang=", 0) == 0) lang = std::string(a.substr(7));
  }
  return lang == "kk" || lang == "ru" ? lang : std::string();
}

MessageLines::int_type MessageLines::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  take(std::string_view(&ch, 1));
  return c;
}

std::streamsize MessageLines::xsputn(const char* s, std::streamsize n) {
  take(std::string_view(s, static_cast<std::size_t>(n)));
  return n;
}

void MessageLines::take(std::string_view s) {
  std::size_t at = 0;
  while (at < s.size()) {
    const std::size_t nl = s.find('\n', at);
    if (nl == std::string_view::npos) {
      pending_.append(s.substr(at));
      return;
    }
    pending_.append(s.substr(at, nl - at));
    line(pending_);
    pending_.clear();
    at = nl + 1;
  }
}

void MessageLines::line(const std::string& l) {
  static constexpr std::array<std::string_view, 4> kPrefixes{"error: ", "warning: ", "note: ", "  = help: "};
  DiagnosticTranslator said(lang_);
  std::string out = l;
  if (l + "\n" == said.notice()) noticed_ = true;
  for (const std::string_view p : kPrefixes) {
    if (l.rfind(p, 0) != 0) continue;
    const std::string text = l.substr(p.size());
    // A coded diagnostic ("… [unknown-value]") is said in the language where it is made.
    const std::size_t open = text.rfind(" [");
    if (!text.empty() && text.back() == ']' && open != std::string::npos &&
        text.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-", open + 2) == text.size() - 1)
      break;
    if (auto t = translate_diagnostic_text("cli", text, lang_)) {
      out = std::string(p) + *t;
    } else {
      // English with no wording (a text already in the language has letters past ASCII).
      bool ascii = true;
      for (const char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      missed_ = missed_ || ascii;
    }
    break;
  }
  out += '\n';
  to_->sputn(out.data(), static_cast<std::streamsize>(out.size()));
}

void MessageLines::finish() {
  if (finished_) return;
  finished_ = true;
  if (!pending_.empty()) {
    to_->sputn(pending_.data(), static_cast<std::streamsize>(pending_.size()));
    pending_.clear();
  }
  if (missed_ && !noticed_) {
    const std::string n = DiagnosticTranslator(lang_).notice();
    to_->sputn(n.data(), static_cast<std::streamsize>(n.size()));
  }
  to_->pubsync();
}

}  // namespace ereje::cli
