#!/usr/bin/env bash
# Formats the Swift sources in place with the toolchain's `swift format` and the project's .swift-format.
# Run it before committing (CI runs scripts/lint.sh, which fails on any difference).
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift format format --in-place --parallel --recursive --configuration .swift-format \
    Sources Tests Package.swift "$@"
