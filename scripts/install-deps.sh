#!/usr/bin/env bash
# Installs every build and test dependency of ereje from Debian's packages.
# Run as root on a fresh Debian 12 machine; safe to run again.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  tao-pegtl-dev    # PEG grammar (3.2.x)
  libfmt-dev       # formatting
  catch2           # unit tests (v2)
  libcli11-dev     # command line
  nlohmann-json3-dev
  libgmp-dev       # exact rational arithmetic (mpq_class)
  libssl-dev       # SHA-256 for receipts (libcrypto)
  libsqlite3-dev   # --data FILE.sqlite
  libpq-dev        # --data postgresql://...
  libxlsxwriter-dev  # --format xlsx
  python3          # golden-test runner
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
