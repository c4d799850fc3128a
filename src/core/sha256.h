// SHA-256 (FIPS 180-4), for the digests a published directory's manifest lists beside each file
// (docs/directory-format.md). `tft pack` writes them; `tft match` checks them before it reads a
// shard; the web worker checks the same digests with the browser's own crypto.subtle.
// Cost: one pass, about 64 rounds per 64-byte block; no allocation beyond the 64-character result.
#pragma once

#include <string>
#include <string_view>

namespace tft {

// The digest of `bytes` as 64 lower-case hexadecimal characters.
std::string sha256_hex(std::string_view bytes);

}  // namespace tft
