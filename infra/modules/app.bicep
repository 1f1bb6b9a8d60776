// Everything in the resource group, wired together: one identity, reached by every part.
param location string
param tags object
param token string
param namePrefix string
param partnershipTenantId string
param partnershipConfig string
param botDisplayName string
param botSku string
param tabAppClientId string

module identity 'identity.bicep' = {
  name: 'identity'
  params: { name: 'id-${namePrefix}-${token}', location: location, tags: tags }
}

module monitoring 'monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${namePrefix}-${token}'
    appInsightsName: 'appi-${namePrefix}-${token}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
  }
}

module storage 'storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${namePrefix}${token}', 24)
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'keyVault.bicep' = {
  name: 'keyVault'
  params: {
    name: take('kv-${namePrefix}-${token}', 24)
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
  }
}

module functionApp 'functionApp.bicep' = {
  name: 'functionApp'
  params: {
    name: 'func-${namePrefix}-${token}'
    planName: 'plan-${namePrefix}-${token}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: partnershipTenantId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    tableEndpoint: storage.outputs.tableEndpoint
    appInsightsConnectionString: monitoring.outputs.connectionString
    exportLinkSecretUri: keyVault.outputs.exportLinkSecretUri
    partnershipConfig: partnershipConfig
    tabAppClientId: tabAppClientId
  }
}

module bot 'bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${namePrefix}-${token}'
    displayName: botDisplayName
    sku: botSku
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: partnershipTenantId
    endpoint: 'https://${functionApp.outputs.hostName}/api/messages'
  }
}

output identityClientId string = identity.outputs.clientId
output identityPrincipalId string = identity.outputs.principalId
output hostName string = functionApp.outputs.hostName
output functionAppName string = functionApp.outputs.name
