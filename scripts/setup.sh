#!/usr/bin/env bash
# One-time machine set-up shared by test.sh and example.sh. Idempotent and quiet when nothing is missing.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
fi
