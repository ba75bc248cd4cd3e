// Positions in UTF-16 code units, file: URIs and JSON-RPC framing for the language server.
#include "cli/LspText.hpp"

#include <algorithm>
#include <cctype>
#include <istream>
#include <ostream>

namespace ereje::cli::lsp {
namespace {

// Bytes of the UTF-8 sequence that starts with `c`; 1 for a byte that cannot start one, so that
// broken text still advances one byte (one code unit) at a time.
std::size_t sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 1;
}

// The length of the character at `i`, checked against the text's end and its continuation bytes.
std::size_t char_length(std::string_view t, std::size_t i) {
  std::size_t n = sequence_length(static_cast<unsigned char>(t[i]));
  if (i + n > t.size()) return 1;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(t[i + k]) & 0xC0) != 0x80) return 1;
  return n;
}

// A four-byte sequence is outside the Basic Multilingual Plane: a surrogate pair in UTF-16.
std::size_t units(std::size_t bytes) { return bytes == 4 ? 2 : 1; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (text[i] == '\n' || text[i] == '\r') starts_.push_back(i + 1);
  }
}

std::size_t LineIndex::line_end(std::size_t line) const {
  std::size_t e = line + 1 < starts_.size() ? starts_[line + 1] : text_.size();
  if (line + 1 < starts_.size()) {
    --e;  // the break's last byte
    if (e > starts_[line] && text_[e] == '\n' && text_[e - 1] == '\r') --e;
  }
  return e;
}

Position LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin()) - 1;
  std::size_t end = std::min(offset, line_end(line));
  std::size_t i = starts_[line], character = 0;
  while (i < end) {
    std::size_t n = char_length(text_, i);
    if (i + n > end) break;  // `offset` is inside this character
    character += units(n);
    i += n;
  }
  return {line, character};
}

std::size_t LineIndex::offset(Position p) const {
  if (p.line >= starts_.size()) return text_.size();
  std::size_t i = starts_[p.line], end = line_end(p.line), character = 0;
  while (i < end) {
    std::size_t n = char_length(text_, i);
    if (character + units(n) > p.character) break;
    character += units(n);
    i += n;
  }
  return i;
}

std::string uri_to_path(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.substr(0, scheme.size()) != scheme) return {};
  std::string_view rest = uri.substr(scheme.size());
  // `file://host/path`: only the local host (empty or `localhost`) names a file here.
  std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return {};
  std::string_view host = rest.substr(0, slash);
  if (!host.empty() && host != "localhost") return {};
  std::string_view path = rest.substr(slash);
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size() && hex_value(path[i + 1]) >= 0 && hex_value(path[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(path[i + 1]) * 16 + hex_value(path[i + 2]));
      i += 2;
    } else if (path[i] == '?' || path[i] == '#') {
      break;
    } else {
      out += path[i];
    }
  }
  return out;
}

std::string path_to_uri(std::string_view path) {
  static const char* const hex = "0123456789ABCDEF";
  std::string out = "file://";
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

std::optional<std::string> read_message(std::istream& in) {
  std::optional<std::size_t> length;
  std::string header;
  while (std::getline(in, header)) {
    if (!header.empty() && header.back() == '\r') header.pop_back();
    if (header.empty()) {
      if (!length) continue;  // stray blank lines between messages
      break;
    }
    auto colon = header.find(':');
    if (colon == std::string::npos) return std::nullopt;
    std::string name = header.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == "content-length") {
      std::string v = header.substr(colon + 1);
      std::size_t n = 0;
      bool digits = false;
      for (char c : v) {
        if (c == ' ' || c == '\t') continue;
        if (c < '0' || c > '9') return std::nullopt;
        // A message larger than this is not an editor's: refuse rather than allocate it.
        if (n > (std::size_t{1} << 30)) return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
        digits = true;
      }
      if (!digits) return std::nullopt;
      length = n;
    }
  }
  if (!in || !length) return std::nullopt;
  std::string body(*length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(body.size()));
  if (static_cast<std::size_t>(in.gcount()) != body.size()) return std::nullopt;
  return body;
}

void write_message(std::ostream& out, const std::string& body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace ereje::cli::lsp
