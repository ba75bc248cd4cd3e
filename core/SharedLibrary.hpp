// A shared library opened when first needed (dlopen), not linked into the program: libpq, libcrypto
// and libxlsxwriter, with what they pull in, took most of the start-up time of every command
// (bench/README.md), while only a PostgreSQL URL, a receipt or an XLSX file needs them.
#pragma once
#include <string>

namespace ereje {

class SharedLibrary {
 public:
  // Opens `soname` (e.g. "libpq.so.5"). Never throws: ok() is false and error() says why when the
  // library, or a function asked for later, is missing.
  explicit SharedLibrary(const char* soname);
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;

  // Sets `fn` to the library's function `name` (nullptr, and ok() false, when it has none).
  template <class F>
  void get(F& fn, const char* name) {
    fn = reinterpret_cast<F>(symbol(name));
  }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  void* symbol(const char* name);
  void* handle_ = nullptr;  // kept open for the life of the process
  std::string soname_, error_;
};

// The functions of library `soname` (a struct that EREJE_LIBRARY_FUNCTIONS below declares), loaded
// on the first call and kept for the process. When the library or one of its functions is missing,
// `missing(why)` throws, in the words of the caller; the next call tries again.
template <class Functions, class Missing>
const Functions& load_once(const char* soname, Missing&& missing) {
  static const Functions functions = [&] {
    SharedLibrary so(soname);
    Functions f;
    f.load(so);
    if (!so.ok()) missing(so.error());
    return f;
  }();
  return functions;
}

}  // namespace ereje

// A struct NAME with a function pointer for each function that LIST names (LIST(F) expands to
// F(fn1) F(fn2) ...), typed from the library's header, and load(SharedLibrary&) that sets them all.
#define EREJE_LIBRARY_MEMBER(fn) decltype(&::fn) fn = nullptr;
#define EREJE_LIBRARY_LOAD(fn) so.get(fn, #fn);
#define EREJE_LIBRARY_FUNCTIONS(NAME, LIST) \
  struct NAME {                             \
    LIST(EREJE_LIBRARY_MEMBER)              \
    void load(::ereje::SharedLibrary& so) { LIST(EREJE_LIBRARY_LOAD) } \
  };
