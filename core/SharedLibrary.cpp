#include "core/SharedLibrary.hpp"

#include <dlfcn.h>

namespace ereje {

SharedLibrary::SharedLibrary(const char* soname) : soname_(soname) {
  handle_ = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle_) {
    const char* why = ::dlerror();
    error_ = why ? why : "cannot open " + soname_;
  }
}

void* SharedLibrary::symbol(const char* name) {
  if (!handle_) return nullptr;
  void* p = ::dlsym(handle_, name);
  if (!p && error_.empty()) error_ = soname_ + " has no function " + name;
  return p;
}

}  // namespace ereje
