#!/usr/bin/env bash
# Installs a real VS Code (code-server from the npm registry) and Debian's Chromium for the
# integration tests. VS Code's own download site is unreachable on our machines, so
# @vscode/test-electron cannot fetch a build; see ../shared/vscode-testing.md.
# Once per machine: code-server goes into the user's cache folder, shared by every clone
# (${SOURCECHECK_CACHE:-${XDG_CACHE_HOME:-~/.cache}/source-check}/code-server-<version>); Chromium
# and the build tools come from apt. Idempotent. A clone that installed into its own .cache/
# before keeps using that copy.
set -euo pipefail
VERSION=4.100.3
root=$(cd "$(dirname "$0")/.." && pwd)
cache="${SOURCECHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/source-check}"
dest="$cache/code-server-$VERSION"
for d in "$dest" "$root/.cache/code-server-$VERSION"; do
  if [ -x "$d/node_modules/.bin/code-server" ] && [ -x /usr/bin/chromium ]; then
    echo "code-server $VERSION and chromium already installed ($d)"; exit 0
  fi
done
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/rg ] || ! dpkg -s libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config ripgrep chromium >/dev/null
fi
# @vscode/ripgrep's install step would download ripgrep; seed its cache with Debian's rg instead.
d=$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11
if [ ! -f "$d/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
  r=$(mktemp -d); mkdir -p "$d"; cp /usr/bin/rg "$r/rg"
  tar czf "$d/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$r" rg
fi
mkdir -p "$dest"
cd "$dest"
[ -f package.json ] || echo '{"name":"code-server-host","private":true}' > package.json
npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION"
echo "installed code-server $VERSION into $dest"
