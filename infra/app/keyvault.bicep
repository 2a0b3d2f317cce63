// The bot's secrets in Key Vault, read by the app through Key Vault references with its
// user-assigned identity: the token and the webhook secret never sit in plain app settings.
param name string
param location string
param tags object
param identityName string

@secure()
param telegramBotToken string

@secure()
param telegramWebhookSecret string

// Built-in role definition id: Key Vault Secrets User (read secret values).
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var botTokenSecretName = 'telegram-bot-token'
var webhookSecretName = 'telegram-webhook-secret'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure RBAC only: no access policies to drift.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enablePurgeProtection: true
  }
}

// An empty token deploys the API without the bot: then there is no secret, and the setting stays empty.
resource botToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(telegramBotToken)) {
  parent: vault
  name: botTokenSecretName
  properties: {
    value: telegramBotToken
  }
}

resource webhookSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: webhookSecretName
  properties: {
    value: telegramWebhookSecret
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

output vaultUri string = vault.properties.vaultUri
output botTokenSecretName string = botTokenSecretName
output webhookSecretName string = webhookSecretName
