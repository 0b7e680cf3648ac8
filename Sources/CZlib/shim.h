// zlib's C API (Debian's zlib1g-dev), for the tests' PNG reader.
#include <zlib.h>
