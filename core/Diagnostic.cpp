// Rendering of diagnostics: one-line header for editors and scripts, then the source line and caret.
#include "core/Diagnostic.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace ereje {

namespace {
Diagnostic make(Severity sev, std::string code, Span span, std::string message, std::string help) {
  Diagnostic d;
  d.severity = sev;
  d.code = std::move(code);
  d.span = span;
  d.message = std::move(message);
  d.help = std::move(help);
  return d;
}
}  // namespace

Diagnostic& Diagnostics::error(std::string code, Span span, std::string message, std::string help) {
  list_.push_back(make(Severity::Error, std::move(code), span, std::move(message), std::move(help)));
  return list_.back();
}

Diagnostic& Diagnostics::warning(std::string code, Span span, std::string message, std::string help) {
  list_.push_back(make(Severity::Warning, std::move(code), span, std::move(message), std::move(help)));
  return list_.back();
}

void Diagnostics::append(const Diagnostics& other) {
  list_.insert(list_.end(), other.list_.begin(), other.list_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(list_.begin(), list_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::warning_count() const {
  return static_cast<std::size_t>(
      std::count_if(list_.begin(), list_.end(), [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

namespace {
std::string file_of(const Diagnostic& d) { return d.span.valid() ? d.span.file->name : d.file; }
std::size_t line_of(const Diagnostic& d) { return d.span.valid() ? d.span.line() : d.line; }
std::size_t col_of(const Diagnostic& d) { return d.span.valid() ? d.span.column() : d.column; }

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

// The caret line: copies tabs from the source so that the caret sits under the same character.
std::string caret_line(std::string_view line, std::size_t col, std::size_t width) {
  std::string out;
  std::size_t cp = 1;
  for (std::size_t i = 0; i < line.size() && cp < col; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    out += (c == '\t') ? '\t' : ' ';
    ++cp;
  }
  while (cp < col) { out += ' '; ++cp; }
  out += std::string(std::max<std::size_t>(width, 1), '^');
  return out;
}

// Lines longer than this are shown as a window around the caret.
constexpr std::size_t kMaxSnippet = 100;

// The byte offset of the n-th code point (0-based) of a line.
std::size_t byte_of(std::string_view s, std::size_t n) {
  std::size_t cp = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cp++ == n) return i;
  }
  return s.size();
}

void render_snippet(std::string& out, std::string_view line_text, std::size_t line, std::size_t col, std::size_t width) {
  std::string windowed;
  if (utf8_length(line_text) > kMaxSnippet) {
    std::size_t first = col > kMaxSnippet / 2 ? col - kMaxSnippet / 2 : 1;  // 1-based code point
    std::size_t b = byte_of(line_text, first - 1), e = byte_of(line_text, first - 1 + kMaxSnippet);
    windowed = (first > 1 ? "…" : "") + std::string(line_text.substr(b, e - b)) + (e < line_text.size() ? "…" : "");
    line_text = windowed;
    col = col - first + 1 + (first > 1 ? 1 : 0);
    width = std::min(width, kMaxSnippet);
  }
  // Control characters (binary garbage in a file) are shown as their Unicode pictures (␀, ␛…), one
  // code point each so the caret stays aligned, and never reach the terminal as themselves.
  if (std::any_of(line_text.begin(), line_text.end(), [](char ch) {
        auto c = static_cast<unsigned char>(ch);
        return (c < 0x20 && c != '\t') || c == 0x7F;
      })) {
    std::string shown;
    for (char ch : line_text) {
      auto c = static_cast<unsigned char>(ch);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        char32_t pic = c == 0x7F ? 0x2421 : 0x2400 + c;
        shown += static_cast<char>(0xE0 | (pic >> 12));
        shown += static_cast<char>(0x80 | ((pic >> 6) & 0x3F));
        shown += static_cast<char>(0x80 | (pic & 0x3F));
      } else {
        shown += ch;
      }
    }
    windowed = std::move(shown);
    line_text = windowed;
  }
  std::string num = std::to_string(line);
  std::string pad(num.size(), ' ');
  out += fmt::format(" {} |\n", pad);
  out += fmt::format(" {} | {}\n", num, line_text);
  out += fmt::format(" {} | {}\n", pad, caret_line(line_text, col, width));
}
}  // namespace

void Diagnostics::sort() {
  std::stable_sort(list_.begin(), list_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    auto fa = file_of(a), fb = file_of(b);
    if (fa != fb) return fa < fb;
    if (line_of(a) != line_of(b)) return line_of(a) < line_of(b);
    return col_of(a) < col_of(b);
  });
  // The same problem reached twice (a function body checked at each call) is reported once.
  list_.erase(std::unique(list_.begin(), list_.end(),
                          [](const Diagnostic& a, const Diagnostic& b) {
                            return a.code == b.code && a.span.file == b.span.file && a.span.begin == b.span.begin &&
                                   a.file == b.file && a.line == b.line && a.message == b.message;
                          }),
              list_.end());
}

std::string render(const Diagnostic& d) {
  std::string out;
  std::string where = file_of(d);
  if (line_of(d) > 0) where += fmt::format(":{}:{}", line_of(d), col_of(d));
  out += fmt::format("{}: {}: {} [{}]\n", where, severity_word(d.severity), d.message, d.code);
  if (d.span.valid()) {
    std::size_t line = d.span.line();
    std::string_view text = d.span.file->line_text(line);
    // Width in code points, limited to the rest of the first line.
    std::size_t line_end = d.span.file->line_starts[line - 1] + text.size();
    std::size_t end = std::min<std::size_t>(d.span.end, line_end);
    std::size_t width = end > d.span.begin
                            ? utf8_length(std::string_view(d.span.file->text).substr(d.span.begin, end - d.span.begin))
                            : 1;
    render_snippet(out, text, line, d.span.column(), width);
  } else if (d.line > 0 && !d.line_text.empty()) {
    render_snippet(out, d.line_text, d.line, d.column, 1);
  }
  for (const auto& n : d.notes) {
    if (n.span.valid()) {
      out += fmt::format("  note: {}: {}\n", n.span.where(), n.message);
      render_snippet(out, n.span.file->line_text(n.span.line()), n.span.line(), n.span.column(), 1);
    } else {
      out += fmt::format("  note: {}\n", n.message);
    }
  }
  if (!d.help.empty()) out += fmt::format("  = help: {}\n", d.help);
  return out;
}

std::string render(const Diagnostics& ds) {
  Diagnostics sorted = ds;
  sorted.sort();
  std::string out;
  for (const auto& d : sorted.list()) out += render(d);
  return out;
}

}  // namespace ereje
