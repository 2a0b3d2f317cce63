using 'main.bicep'

// Values come from the environment so that secrets never sit in a file or on a command line:
// azd sets AZURE_ENV_NAME and AZURE_LOCATION; scripts/deploy.sh exports all four.
param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'movierec')
param location = readEnvironmentVariable('AZURE_LOCATION', 'westeurope')
param telegramBotToken = readEnvironmentVariable('TELEGRAM_BOT_TOKEN', '')
// No default: a deployment without a webhook secret fails here rather than leave the webhook open.
param telegramWebhookSecret = readEnvironmentVariable('TELEGRAM_WEBHOOK_SECRET')
