#!/bin/sh
# Installs the tools the tests run (the SARIF Multitool) from the committed package-lock.json.
set -eu

tools_dir="$(cd "$(dirname "$0")" && pwd)"

npm ci --prefix "$tools_dir" --no-audit --no-fund

# npm does not run the platform package's install script, which is the step that marks the binary executable.
for platform in linux darwin; do
  binary="$tools_dir/node_modules/@microsoft/sarif-multitool-$platform/Sarif.Multitool"
  if [ -f "$binary" ]; then
    chmod u+x "$binary"
  fi
done
