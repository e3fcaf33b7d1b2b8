#!/usr/bin/env bash
# Builds a probe application with every Quarkus extension LifeCert uses, once per candidate
# platform version, each into an EMPTY local repository, and records which versions resolve
# completely. Usage: docs/quarkus-version-probe/run.sh 3.38.1 3.36.1 3.35.4 3.34.3 3.34.1 3.33.2 3.30.8
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
cp -r "$here/src" "$work/" && cp "$here/probe-pom.xml" "$work/pom.xml"
for v in "$@"; do
  repo="$work/repo-$v"
  if (cd "$work" && "$here/../../mvnw" -B -q -Dq="$v" -Dmaven.repo.local="$repo" -DskipTests package > "$work/log-$v.txt" 2>&1); then
    echo "$v OK"
  else
    echo "$v FAIL: $(grep -m3 -oE 'Could not find artifact [^ ]+' "$work/log-$v.txt" | tr '\n' ' ')"
  fi
  rm -rf "$repo"
done
