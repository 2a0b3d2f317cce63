#!/usr/bin/env bash
# Installs the tools the app and its tests run: Azurite (pinned in package.json) from npm, and
# the Bicep CLI (pinned in tools/bicep/BicepCli.csproj) from NuGet, linked as .tools/bicep.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ] || ! grep -q '"version": "3.35.0"' node_modules/azurite/package.json 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
fi

bicep_version=$(sed -n 's/.*Azure.Bicep.CommandLine.linux-x64" Version="\[\(.*\)\]".*/\1/p' tools/bicep/BicepCli.csproj)
if ! .tools/bicep --version 2>/dev/null | grep -q "version $bicep_version "; then
  dotnet restore tools/bicep/BicepCli.csproj --verbosity quiet
  packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
  bicep="$packages/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
  chmod +x "$bicep"
  mkdir -p .tools
  ln -sf "$bicep" .tools/bicep
fi
