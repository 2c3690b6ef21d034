#!/usr/bin/env bash
# Installs whatever is missing to build and test biaozhu; quick when everything is there.
# Sourced by .ci/serve and .ci/test (it also exports PATH for wasm-opt). With SETUP_FOR=serve
# (what .ci/serve sets) it installs only what building and serving need: no browser, no lint
# components, no Python test environment.
set -euo pipefail
SETUP_FOR="${SETUP_FOR:-test}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

say() { printf '[setup] %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"

# The wasm-bindgen CLI must be exactly the version in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >&2
fi

for component in $([ "$SETUP_FOR" = test ] && echo clippy rustfmt); do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component" >&2
  fi
done

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked >&2
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (several minutes, once)"
  # No --locked: the registry lacks one of its locked dependencies.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force >&2
fi

if [ "$SETUP_FOR" = test ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Chromium and ChromeDriver from Debian"
  $SUDO apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver >&2
fi

# A CJK font for the layout checks and the README's screenshots: without one, Chinese text is
# drawn as boxes of the wrong size. WenQuanYi Micro Hei is small (about 5 MB).
if [ "$SETUP_FOR" = test ] && ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  say "installing a CJK font (fonts-wqy-microhei) from Debian"
  $SUDO apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y fonts-wqy-microhei fontconfig >&2
fi

# wasm-opt (npm binaryen), playwright-core and axe-core, pinned by tests/e2e/package-lock.json.
if [ ! -x "$ROOT/tests/e2e/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$ROOT/tests/e2e/node_modules/axe-core" ] \
   || [ "$ROOT/tests/e2e/package-lock.json" -nt "$ROOT/tests/e2e/node_modules/.package-lock.json" ]; then
  say "installing npm packages (binaryen, playwright-core, axe-core)"
  (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund >&2)
fi

# Python consumers for the interop tests (spaCy, seqeval, datasets, label-studio-converter, bioc),
# in a virtual environment rebuilt when tests/interop/requirements.txt changes.
VENV="$ROOT/tests/interop/.venv"
REQS="$ROOT/tests/interop/requirements.txt"
if [ "$SETUP_FOR" = test ] && { [ ! -x "$VENV/bin/python" ] || ! cmp -s "$REQS" "$VENV/requirements.installed"; }; then
  say "installing the Python consumers for the interop tests (a few minutes, once)"
  rm -rf "$VENV"
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQS" >&2
  cp "$REQS" "$VENV/requirements.installed"
fi
