#!/usr/bin/env bash
# Rewrites the Mini App's pictures in docs/miniapp/ (every view, light and dark; the Rate view in
# each language) from the browser tests, and the movie-night transcript docs/bot-movie-night.md from
# the bot's emulator; an ordinary test run leaves them alone. Needs what scripts/test.sh installs (chromium, Azurite).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/MovieRec.MiniApp.Tests -c Release -v quiet -nologo
MOVIEREC_SCREENSHOTS=1 dotnet test tests/MovieRec.MiniApp.Tests -c Release --no-build \
  --filter "FullyQualifiedName~Every_view_follows_the_theme|FullyQualifiedName~Each_language_telegram_signs"
dotnet build tests/MovieRec.Bot.Tests -c Release -v quiet -nologo
MOVIEREC_SCREENSHOTS=1 dotnet test tests/MovieRec.Bot.Tests -c Release --no-build \
  --filter "FullyQualifiedName~MovieNightWebhookTests.Three_members"
git status --short docs/miniapp docs/bot-movie-night.md
