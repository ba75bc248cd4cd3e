// MessageLines.hpp: ereje's own command-line messages in Kazakh or Russian.
#include "cli/MessageLines.hpp"

#include <array>

#include "core/DiagnosticText.hpp"

namespace ereje::cli {

namespace {

constexpr std::array<std::string_view, 4> kPrefixes{"error: ", "warning: ", "note: ", "  = help: "};

// Whether a line that begins with `start` may still turn out to be a message line.
bool may_be_message(std::string_view start) {
  for (const std::string_view p : kPrefixes)
    if (start.size() <= p.size() ? p.substr(0, start.size()) == start : start.substr(0, p.size()) == p) return true;
  return false;
}

// A coded diagnostic ("… [unknown-value]") is said in the language where it is made.
bool coded(std::string_view text) {
  const std::size_t open = text.rfind(" [");
  return !text.empty() && text.back() == ']' && open != std::string_view::npos && open + 3 < text.size() &&
         text.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-", open + 2) == text.size() - 1;
}

// Whether the text is already in Kazakh or Russian (a command translated it): letters past ASCII
// outside the backticks that quote names and values.
bool already_translated(std::string_view text) {
  bool quoted = false;
  for (const char c : text) {
    if (c == '`') quoted = !quoted;
    else if (!quoted && static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

}  // namespace

std::string message_language(int argc, char** argv) {
  std::string lang;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") break;  // what follows is not an option
    if (a == "--lang" && i + 1 < argc) lang = argv[++i];
    else if (a.rfind("--lang=", 0) == 0) lang = std::string(a.substr(7));
  }
  return lang == "kk" || lang == "ru" ? lang : std::string();
}

MessageLines::MessageLines(std::streambuf* to, std::string lang)
    : to_(to), lang_(std::move(lang)), notice_(DiagnosticTranslator(lang_).notice()) {}

MessageLines::int_type MessageLines::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  std::lock_guard lock(m_);
  take(std::string_view(&ch, 1));
  return c;
}

std::streamsize MessageLines::xsputn(const char* s, std::streamsize n) {
  std::lock_guard lock(m_);
  take(std::string_view(s, static_cast<std::size_t>(n)));
  return n;
}

int MessageLines::sync() { return to_->pubsync(); }

void MessageLines::write(std::string_view s) {
  if (s.empty()) return;
  to_->sputn(s.data(), static_cast<std::streamsize>(s.size()));
  at_line_start_ = s.back() == '\n';
}

void MessageLines::watch_notice(std::string_view s) {
  if (passing_.size() <= notice_.size()) passing_.append(s.substr(0, notice_.size() + 1 - passing_.size()));
}

void MessageLines::take(std::string_view s) {
  if (finished_) {
    write(s);
    return;
  }
  while (!s.empty()) {
    const std::size_t nl = s.find('\n');
    if (state_ == Line::Passing) {  // not a message: on at once, up to the end of the line
      const std::string_view part = s.substr(0, nl == std::string_view::npos ? s.size() : nl + 1);
      watch_notice(part);
      write(part);
      s.remove_prefix(part.size());
      if (nl != std::string_view::npos) {
        noticed_ = noticed_ || (!notice_.empty() && passing_ == notice_);
        passing_.clear();
        state_ = Line::Start;
      }
      continue;
    }
    if (nl != std::string_view::npos) {  // the line is whole: said as it is (translated or not)
      held_.append(s.substr(0, nl));
      s.remove_prefix(nl + 1);
      write(said(held_) + "\n");
      noticed_ = noticed_ || (!notice_.empty() && held_ + "\n" == notice_);
      held_.clear();
      state_ = Line::Start;
      continue;
    }
    held_.append(s);
    s = {};
    if (may_be_message(held_)) {
      state_ = Line::Held;
    } else {
      state_ = Line::Passing;
      watch_notice(held_);
      write(held_);
      held_.clear();
    }
  }
}

std::string MessageLines::said(const std::string& line) {
  for (const std::string_view p : kPrefixes) {
    if (line.rfind(p, 0) != 0) continue;
    const std::string_view text = std::string_view(line).substr(p.size());
    if (coded(text)) return line;
    bool partial = false;
    if (auto t = translate_diagnostic_text("cli", text, lang_, &partial)) {
      missed_ = missed_ || partial;  // a part of it (a system's message) stayed English
      return std::string(p) + *t;
    }
    missed_ = missed_ || !already_translated(text);
    return line;
  }
  return line;
}

void MessageLines::finish() {
  std::lock_guard lock(m_);
  if (finished_) return;
  finished_ = true;
  if (!held_.empty()) write(said(held_));
  held_.clear();
  state_ = Line::Start;
  if (missed_ && !noticed_) {
    if (!at_line_start_) write("\n");
    write(notice_);
  }
  to_->pubsync();
}

}  // namespace ereje::cli
