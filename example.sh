#!/usr/bin/env bash
# Runs the main example: the CIFAR-10 pipeline (on a synthetic image set unless --var dataDir=… is given). Extra arguments go to `byzer run` (e.g. --var dataDir=/data --format json).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh
dotnet build src/ByzerSharp.Cli -c Release --nologo -v quiet >/dev/null
exec dotnet src/ByzerSharp.Cli/bin/Release/net10.0/byzer.dll run examples/cifar10/cifar10.byzer "$@"
