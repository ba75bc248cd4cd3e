// Catch2 v2 entry point for every unit test file in tests/unit/.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
