// The parts of the Language Server Protocol that know nothing of rule files: positions in UTF-16
// code units (as the protocol counts them) from and to byte offsets in UTF-8 text, file: URIs, and
// the Content-Length framing of JSON-RPC messages. Used by cmd_lsp.cpp.
#pragma once
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ereje::cli::lsp {

// 0-based line and 0-based character in UTF-16 code units: a Kazakh letter is one unit (two bytes
// in UTF-8), an emoji outside the Basic Multilingual Plane two units (four bytes).
struct Position {
  std::size_t line = 0, character = 0;
  bool operator==(const Position& o) const { return line == o.line && character == o.character; }
};

// Converts between byte offsets and positions in one text. Lines end at `\n`, `\r\n` or `\r`, as
// the protocol says. A byte that is not valid UTF-8 counts as one code unit. The index keeps a view
// of the text: the text must outlive it.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // An offset inside a character or a line break counts as that character's start; past the end,
  // the end.
  Position position(std::size_t offset) const;
  // A character past the end of its line is the line's end (the protocol's rule); a line past the
  // last, the end of the text; a position between the two units of a surrogate pair, the start of
  // its character.
  std::size_t offset(Position p) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;  // byte offset of each line's first byte
  std::size_t line_end(std::size_t line) const;  // the offset of the line's break (or the text's end)
};

// `file:///a/b%20c.ereje` -> `/a/b c.ereje`; "" for any other scheme.
std::string uri_to_path(std::string_view uri);
// An absolute path to a file: URI, with every byte outside the unreserved set percent-encoded.
std::string path_to_uri(std::string_view path);

// Reads one message body framed by `Content-Length`; nullopt at the end of input or on a broken
// header (the stream cannot be resynchronised then).
std::optional<std::string> read_message(std::istream& in);
// Writes one body with its header and flushes.
void write_message(std::ostream& out, const std::string& body);

}  // namespace ereje::cli::lsp
