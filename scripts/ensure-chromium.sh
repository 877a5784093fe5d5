#!/bin/sh
# Makes sure Debian's chromium is installed for the browser tests; Playwright never downloads one.
set -e
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
echo "Installing Debian's chromium for the browser tests…"
sudo_cmd=""; [ "$(id -u)" = "0" ] || sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
[ -x "$browser" ] || { echo "chromium is still missing at $browser" >&2; exit 1; }
