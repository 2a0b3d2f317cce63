#!/usr/bin/env bash
# Deploys MovieRec with the Azure CLI: provisions infra/ (a resource group rg-<environment>),
# publishes the function app with the MovieLens files in its package, and registers the
# Telegram webhook with its secret.
#
#   az login
#   export TELEGRAM_BOT_TOKEN=<token from BotFather>        # optional: without it, the API only
#   export TELEGRAM_WEBHOOK_SECRET=<secret>                 # optional: generated when unset
#   scripts/deploy.sh <environment-name> [location]
#
# Secrets travel as environment variables (infra/main.bicepparam reads them), never as arguments.
set -euo pipefail
cd "$(dirname "$0")/.."

export AZURE_ENV_NAME="${1:?usage: scripts/deploy.sh <environment-name> [location]}"
export AZURE_LOCATION="${2:-${AZURE_LOCATION:-westeurope}}"
export TELEGRAM_BOT_TOKEN="${TELEGRAM_BOT_TOKEN:-}"
if [ -z "${TELEGRAM_WEBHOOK_SECRET:-}" ]; then
  TELEGRAM_WEBHOOK_SECRET=$(openssl rand -hex 32)
  echo "Generated a new TELEGRAM_WEBHOOK_SECRET; it goes into the app settings and the webhook registration."
fi
export TELEGRAM_WEBHOOK_SECRET

command -v az >/dev/null || { echo "deploy.sh needs the Azure CLI (az); or use azd up." >&2; exit 1; }
az account show --output none || { echo "Run az login first." >&2; exit 1; }

scripts/fetch-data.sh

deployment="movierec-$AZURE_ENV_NAME"
echo "Provisioning $AZURE_ENV_NAME in $AZURE_LOCATION ..."
az deployment sub create --name "$deployment" --location "$AZURE_LOCATION" \
  --template-file infra/main.bicep --parameters infra/main.bicepparam --output none
output() { az deployment sub show --name "$deployment" --query "properties.outputs.$1.value" --output tsv; }
app=$(output FUNCTION_APP_NAME)
group=$(output AZURE_RESOURCE_GROUP)
webhook=$(output TELEGRAM_WEBHOOK_URL)

package=$(mktemp -d)
trap 'rm -rf "$package"' EXIT
echo "Publishing $app ..."
# ReadyToRun for linux-x64 (set in the project for every publish): the cold start is shorter.
dotnet publish src/MovieRec.Functions -c Release --output "$package/app" -nologo -v quiet
for file in movies.csv links.csv ratings.csv movielens.snapshot; do
  [ -f "$package/app/data/ml-latest-small/$file" ] || { echo "The package lacks data/ml-latest-small/$file." >&2; exit 1; }
done
(cd "$package/app" && zip -qr "$package/app.zip" .)
az functionapp deployment source config-zip --resource-group "$group" --name "$app" --src "$package/app.zip" --output none

MINIAPP_URL=$(output MINIAPP_URL) scripts/register-webhook.sh "$webhook"
echo "Deployed: $(output FUNCTION_APP_URL)  (webhook $webhook)"
echo "Clients of the JSON routes send a function key in x-functions-key (docs/deploy.md). Make one per client:"
echo "  az functionapp keys set --resource-group $group --name $app --key-type functionKeys --key-name <client> --query value --output tsv"
