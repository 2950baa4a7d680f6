#!/usr/bin/env bash
# Checks that the Swift sources follow .swift-format (the toolchain's `swift format lint`, strict:
# every violation is an error). Exit 0 when clean, 1 with one line per violation otherwise.
# Fix with scripts/format.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! swift format --version >/dev/null 2>&1; then
    echo "scripts/lint.sh: \`swift format\` not found: it ships with Swift 6 toolchains (swift.org)" >&2
    exit 2
fi
if ! swift format lint --strict --parallel --recursive --configuration .swift-format \
    Sources Tests Package.swift "$@"; then
    echo "scripts/lint.sh: the sources do not follow .swift-format; run scripts/format.sh" >&2
    exit 1
fi
