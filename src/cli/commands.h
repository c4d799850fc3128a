// One function per `tft` command; each returns the process exit code. Exit codes: 0 success,
// 1 bad input (errors printed), 2 bad command line.
#pragma once

#include "cli_support.h"

namespace tft::cli {

int run_validate(const Args& args);
int run_entry(const Args& args);
int run_search(const Args& args);
int run_match(const Args& args);
int run_site(const Args& args);
int run_crisis(const Args& args);
int run_pack(const Args& args);

}  // namespace tft::cli
