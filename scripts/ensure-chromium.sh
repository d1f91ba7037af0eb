#!/usr/bin/env bash
# Installs what the browser tests drive: Debian's Chromium (never a browser download of Playwright's
# own) and a CJK font, without which the admin UI's Chinese labels render as empty boxes in the
# screenshots. Does nothing when both are there.
source "$(dirname "$0")/lib.sh"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  missing+=(fonts-wqy-microhei)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
fi
[ -x /usr/bin/chromium ] || { log "/usr/bin/chromium is still missing after apt-get"; exit 1; }
log "$(/usr/bin/chromium --version 2>/dev/null)"
