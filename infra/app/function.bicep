// The Flex Consumption function app. Flex takes the runtime from functionAppConfig.runtime;
// FUNCTIONS_WORKER_RUNTIME and linuxFxVersion are refused there, so neither is set.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param maximumInstanceCount int
param modelRefreshInterval string

// Key Vault references (@Microsoft.KeyVault(SecretUri=…)), or empty for an app without the bot.
// Not secret themselves, but derived from the secrets' presence: kept secure all the same.
@secure()
param telegramBotTokenReference string

@secure()
param telegramWebhookSecretReference string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity, which holds Key Vault Secrets User.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        // The app holds ml-latest-small in about 140 MB resident (docs/performance.md): the smallest
        // size, a quarter of 2048's GB-second price. A 25M-rating MovieLens needs 2048 (about 910 MiB).
        instanceMemoryMB: 512
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // No FTP and no Kudu basic auth: a deploy signs in with Entra ID (azd and az do), so no
  // publishing password exists to leak.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: { allow: false }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: { allow: false }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      // The Functions host's storage, by identity.
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AzureWebJobsStorage__blobServiceUri: account.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: account.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: account.properties.primaryEndpoints.table
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // DefaultAzureCredential picks the user-assigned identity by this client id.
      AZURE_CLIENT_ID: identityClientId
      // A table service URI: MovieRec reaches it with the identity, not a key.
      RATINGS_STORAGE: account.properties.primaryEndpoints.table
      MODEL_REFRESH_INTERVAL: modelRefreshInterval
      TELEGRAM_BOT_TOKEN: telegramBotTokenReference
      TELEGRAM_WEBHOOK_SECRET: telegramWebhookSecretReference
      // The Mini App is served by this app at /app; the bot's /app button and menu button open it.
      MINIAPP_URL: 'https://${app.properties.defaultHostName}/app'
    }
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
