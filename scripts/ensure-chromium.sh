#!/bin/sh
# Make sure Debian's chromium is installed, then print its path.
# Idempotent: does nothing when /usr/bin/chromium is already there.
# Used by the timeline's browser tests and the end-to-end tests; CI runs as
# root with apt available, a developer's machine may need sudo once.
# Exit 0 with the path on stdout, or non-zero with a one-line reason on stderr.
set -u

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "$CHROMIUM"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "ensure-chromium: $CHROMIUM is missing and installing it needs root (run: sudo apt-get install chromium)" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available to install it" >&2
  exit 1
fi

# apt's own lock makes a concurrent run wait or fail cleanly; its output goes to
# stderr so stdout carries only the path.
if ! apt-get update -qq >&2; then
  echo "ensure-chromium: apt-get update failed (no access to Debian's package archive?)" >&2
  exit 1
fi
# Another install running at the same time (the end-to-end setup): wait for its lock.
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 chromium >&2; then
  echo "ensure-chromium: apt-get install chromium failed" >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: chromium was installed but $CHROMIUM is not there" >&2
  exit 1
fi
echo "$CHROMIUM"
