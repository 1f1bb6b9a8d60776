// The bot and its tab: a Function App on the Flex Consumption plan, Node 22 LTS, running the
// esbuild bundle (package.json "main": dist/functions/index.js) that azd deploys to the blob
// container below. Every app setting is a name, a URL, an id or a Key Vault reference: none is a
// secret (test/infra/appSettings.test.ts checks them against functions/environment.ts).
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param tenantId string
param storageAccountName string
param deploymentContainerUrl string
param tableEndpoint string
param appInsightsConnectionString string
param exportLinkSecretUri string
param partnershipConfig string
param tabAppClientId string

@description('Flex Consumption scale-out ceiling: a partnership has a handful of people clicking at once.')
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

var baseSettings = {
  // The Functions host's own storage, by identity: no AzureWebJobsStorage connection string exists.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // The product's settings (functions/environment.ts).
  NODE_ENV: 'production'
  PARTNERSHIP_CONFIG: partnershipConfig
  PUBLIC_BASE_URL: 'https://${site.properties.defaultHostName}'
  STORAGE_TABLE_ENDPOINT: tableEndpoint
  MANAGED_IDENTITY_CLIENT_ID: identityClientId
  MicrosoftAppType: 'UserAssignedMSI'
  MicrosoftAppId: identityClientId
  MicrosoftAppTenantId: tenantId
  EXPORT_LINK_SECRET: '@Microsoft.KeyVault(SecretUri=${exportLinkSecretUri})'
  GRAPH_AUTH: 'managedIdentity'
}
var tabSettings = empty(tabAppClientId) ? {} : { TAB_APP_CLIENT_ID: tabAppClientId }

resource site 'Microsoft.Web/sites@2024-04-01' = {
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
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'node', version: '22' }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(baseSettings, tabSettings)
}

output name string = site.name
output hostName string = site.properties.defaultHostName
