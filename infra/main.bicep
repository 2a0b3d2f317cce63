// MovieRec on Azure: a Linux Flex Consumption function app (dotnet-isolated 10.0) with its
// ratings in Table Storage, the model's community snapshots in Blob Storage, the bot's secrets
// in Key Vault, Application Insights on Log Analytics, and a user-assigned identity that
// reaches all of them without keys.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the environment (azd env name); part of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. Flex Consumption is not offered everywhere.')
param location string

@secure()
@description('The bot token from BotFather. Empty deploys the API without the bot (the webhook answers 503).')
param telegramBotToken string

@secure()
@minLength(16)
@description('The secret Telegram sends in X-Telegram-Bot-Api-Secret-Token; register the same with movierec bot set-webhook. Required, so the webhook is never open (scripts/deploy.sh generates one).')
param telegramWebhookSecret string

@minValue(1)
@maxValue(1000)
@description('Upper bound on instances; the app scales to zero below it.')
param maximumInstanceCount int = 40

@description('MODEL_REFRESH_INTERVAL: how often the community is rebuilt and instances look for a newer snapshot (a .NET TimeSpan).')
param modelRefreshInterval string = '00:05:00'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
// Names are fixed here, not read from module outputs, so What-If can predict every resource.
var identityName = 'id-movierec-${resourceToken}'
var storageAccountName = 'stmovierec${resourceToken}'
var applicationInsightsName = 'appi-movierec-${resourceToken}'
var keyVaultName = 'kv-movierec-${resourceToken}'
// The community snapshots' container (StorageOptions.SnapshotsContainer in the app).
var snapshotsContainerName = 'model-snapshots'
// The deployment package's container: Flex Consumption writes the package there and starts from it.
var deploymentContainerName = 'app-package'
// The Functions host's own containers: its keys (function keys included) and its locks and timers.
var hostContainerNames = ['azure-webjobs-hosts', 'azure-webjobs-secrets']

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    workspaceName: 'log-movierec-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: storageAccountName
    snapshotsContainerName: snapshotsContainerName
    deploymentContainerName: deploymentContainerName
    hostContainerNames: hostContainerNames
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  dependsOn: [identity]
  params: {
    name: keyVaultName
    location: location
    tags: tags
    identityName: identityName
    telegramBotToken: telegramBotToken
    telegramWebhookSecret: telegramWebhookSecret
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: resourceGroup
  dependsOn: [identity, monitoring, storage]
  params: {
    storageAccountName: storageAccountName
    snapshotsContainerName: snapshotsContainerName
    deploymentContainerName: deploymentContainerName
    hostContainerNames: hostContainerNames
    applicationInsightsName: applicationInsightsName
    identityName: identityName
  }
}

module function 'app/function.bicep' = {
  name: 'function'
  scope: resourceGroup
  // The app starts pulling its package, reading its secrets and writing telemetry at once: its roles must exist first.
  dependsOn: [rbac, monitoring]
  params: {
    name: 'func-movierec-${resourceToken}'
    planName: 'plan-movierec-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    modelRefreshInterval: modelRefreshInterval
    telegramBotTokenReference: empty(telegramBotToken) ? '' : '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${keyVault.outputs.botTokenSecretName})'
    telegramWebhookSecretReference: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/${keyVault.outputs.webhookSecretName})'
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output SERVICE_API_NAME string = function.outputs.name
output FUNCTION_APP_NAME string = function.outputs.name
output FUNCTION_APP_URL string = function.outputs.url
output TELEGRAM_WEBHOOK_URL string = '${function.outputs.url}/telegram/webhook'
output MINIAPP_URL string = '${function.outputs.url}/app'
output RATINGS_STORAGE string = storage.outputs.tableEndpoint
