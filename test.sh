#!/usr/bin/env bash
# Builds everything and runs every test (unit, golden, CLI). Installs what a fresh machine lacks.
# Prints a closing line "Tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh
log="$(mktemp)"
status=0
dotnet test ByzerSharp.sln -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?
# dotnet test prints one summary per test assembly; add them up into one closing line.
awk -v status="$status" '
  /^(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i+1));
      if ($i == "Failed:")  f += $(i+1);
      if ($i == "Passed:")  p += $(i+1);
      if ($i == "Skipped:") s += $(i+1);
    }
    n++
  }
  # A test project that did not build ran no tests; count it as a failure rather than report 0 failed.
  END { if (status != 0 && f == 0) { print "error: dotnet test failed before running every test (see the build errors above)"; f = 1 }
        printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s; if (n == 0) exit 1 }
' "$log" || status=1
rm -f "$log"
exit "$status"
