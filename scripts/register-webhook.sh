#!/usr/bin/env bash
# Registers the deployed webhook with Telegram: URL, TELEGRAM_WEBHOOK_SECRET, the update types
# the bot reads, and its command list. The URL is the first argument or TELEGRAM_WEBHOOK_URL
# (an output of infra/main.bicep, which azd exports to its hooks). Skips without a bot token.
set -euo pipefail
cd "$(dirname "$0")/.."

url="${1:-${TELEGRAM_WEBHOOK_URL:-}}"
if [ -z "${TELEGRAM_BOT_TOKEN:-}" ]; then
  echo "TELEGRAM_BOT_TOKEN is not set: the API is deployed without the bot. Set it and run: scripts/register-webhook.sh <webhook-url>"
  exit 0
fi
if [ -z "$url" ]; then
  echo "usage: scripts/register-webhook.sh <webhook-url>" >&2
  exit 2
fi
# The secret is read from TELEGRAM_WEBHOOK_SECRET by the CLI, never passed on the command line;
# MINIAPP_URL (an output of infra/main.bicep) makes the chat's menu button open the Mini App.
dotnet run --project src/MovieRec.Cli -c Release -- bot set-webhook --url "$url"
