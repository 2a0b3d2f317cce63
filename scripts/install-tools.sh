#!/usr/bin/env bash
# Installs the tools the app and its tests run: Azurite (pinned in package.json) from npm, the
# Bicep CLI (pinned in tools/bicep/BicepCli.csproj) from NuGet, linked as .tools/bicep, and
# Debian's chromium for the Mini App's browser tests (Playwright cannot download its own here),
# with a CJK font so the page's Traditional Chinese pictures show characters.
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

if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh-tw | grep -q .; then
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
fi
