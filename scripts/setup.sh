#!/usr/bin/env bash
# One-time machine set-up shared by test.sh and example.sh. Idempotent and quiet when nothing is missing.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
fi
# --datasets: also install the offline Fashion-MNIST copy (Debian package) that the training demo and
# bench/ByzerSharp.Torch.Bench use. Not needed by the tests.
if [[ " $* " == *" --datasets "* ]] && [ ! -d /usr/share/datasets/fashion-mnist ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq dataset-fashion-mnist
fi
