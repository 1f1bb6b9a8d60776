// The one secret left: the key that signs history download links. It lives here, generated anew
// at every provision (a link lives minutes, so a rotation costs at most one more click), and the app reads it through a Key Vault reference as its identity (Key Vault
// Secrets User); the app setting holds only the reference.
param name string
param location string
param tags object
param identityPrincipalId string

@secure()
@description('Generated at each provision; links signed with the previous key stop working, and they live minutes anyway.')
param exportLinkSecret string = '${newGuid()}${newGuid()}'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    enablePurgeProtection: true
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'export-link-secret'
  properties: { value: exportLinkSecret }
}

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Versionless, so a rotated secret is picked up without redeploying the app.
output exportLinkSecretUri string = '${vault.properties.vaultUri}secrets/${secret.name}'
