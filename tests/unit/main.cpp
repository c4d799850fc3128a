// Catch2 v2 entry point (Debian 12 ships v2: <catch2/catch.hpp>).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
