#!/usr/bin/env bash
# One-time machine set-up shared by test.sh and example.sh. Idempotent and quiet when nothing is missing.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
fi
# OpenCV's native library (src/ByzerSharp.Images, load/save image) links GTK 3, which minimal Debian and
# Ubuntu images lack. Installed when missing and possible; without it only the image source fails, with
# a message naming this package, so a machine without apt or root still builds and runs the rest.
if command -v dpkg >/dev/null 2>&1 && ! dpkg -s libgtk-3-0 >/dev/null 2>&1 && ! dpkg -s libgtk-3-0t64 >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then sudo="sudo -n"; else sudo="none"; fi
  fi
  if [ "$sudo" = none ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: warning: libgtk-3-0 is missing and cannot be installed here; images need it: sudo apt-get install -y libgtk-3-0" >&2
  elif ! { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libgtk-3-0; } >/dev/null 2>&1; then
    echo "setup: warning: 'apt-get install -y libgtk-3-0' failed; images need it" >&2
  fi
fi
# --datasets: also install the offline Fashion-MNIST copy (Debian package) that the training demo and
# bench/ByzerSharp.Torch.Bench use. Not needed by the tests.
if [[ " $* " == *" --datasets "* ]] && [ ! -d /usr/share/datasets/fashion-mnist ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq dataset-fashion-mnist
fi
