#!/usr/bin/env bash
# Regenerates the checked-in C# parser from the .g4 files.
# GrammarUpToDateTests fails when the grammar changed and this was not re-run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/ByzerSharp.Syntax/Generated"
cd "$here"
if [ ! -x node_modules/.bin/antlr-ng ]; then
  npm install --no-audit --no-fund --silent
fi
rm -rf "$out"
mkdir -p "$out"
node_modules/.bin/antlr-ng -Dlanguage=CSharp --package ByzerSharp.Syntax.Generated \
  --generate-visitor false --generate-listener false --exact-output-dir true -o "$out" \
  ByzerLexer.g4 ByzerParser.g4
# The hash of the grammar sources the code was generated from.
cat ByzerLexer.g4 ByzerParser.g4 | sha256sum | cut -d' ' -f1 > "$out/grammar.sha256"
rm -f "$out"/*.interp "$out"/*.tokens
echo "generated $(ls "$out" | wc -l) files in $out"
