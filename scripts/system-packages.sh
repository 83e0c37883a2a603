#!/usr/bin/env bash
# Install the Debian packages the real-component tests need, when we are root and they
# are missing. Otherwise say which are missing: the tests that need them are skipped
# with the reason printed (and fail in CI, where RECRUIT_REQUIRE_REAL_COMPONENTS=1).
set -euo pipefail

PACKAGES=(chromium postgresql libreoffice-writer-nogui fonts-crosextra-carlito
          fonts-crosextra-caladea fonts-liberation2 poppler-utils wrk)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "NOTE: missing system packages: ${missing[*]}"
  echo "      Tests that need them will be skipped (run as root, or install them, to include them)."
fi
