#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): writes sw.js into the build from pwa/sw.template.js with
# the list of the app's files, by the hashed names this build gave them, and a version that
# changes whenever any file does (so that browsers install the new one and offer to reload).
set -euo pipefail
template="$(pwd)/pwa/sw.template.js"
staging="${TRUNK_STAGING_DIR:?this script is run by trunk build}"
cd "$staging"
files=$(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
# The learning worker loads only when learning is first used (issue 12): not fetched at install.
precache=$(printf '%s\n' "$files" | grep -v '^biaozhu-learner' || true)
first_use=$(printf '%s\n' "$files" | grep '^biaozhu-learner' || true)
json() { printf '%s\n' "$1" | sed '/^$/d; s/.*/"&"/' | paste -sd, - | sed 's/^/[/; s/$/]/'; }
version=$(printf '%s\n' "$files" | xargs sha256sum | sha256sum | cut -c1-16)
sed -e "s|__VERSION__|$version|" -e "s|__FILES__|$(json "$precache")|" \
    -e "s|__ON_FIRST_USE__|$(json "$first_use")|" "$template" > sw.js
