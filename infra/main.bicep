// azd entry point (`azd up`): one resource group per azd environment, everything else in modules/.
// No secret is a parameter or an app setting: the app reaches storage, Application Insights, the
// Bot Connector and Microsoft Graph as one user-assigned managed identity.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Azure region for everything except the bot registration (which is global).')
param location string

@description('The partnership\'s Microsoft Entra tenant: the bot and the tab are single-tenant in it. Empty: the tenant deployed to.')
param partnershipTenantId string = ''

@description('Partnership configuration file inside the deployed package, relative to the app root.')
param partnershipConfig string = 'config/sample-partnership.json'

@description('Bot display name, as the Azure Bot resource shows it.')
param botDisplayName string = 'Serious incident decisions'

@allowed(['F0', 'S1'])
@description('Azure Bot pricing tier; Teams is a standard channel, free on F0.')
param botSku string = 'F0'

@description('Client id of the tab\'s Entra app registration (infra/scripts/registerTabApp.sh sets it); empty until then.')
param tabAppClientId string = ''

@description('Short prefix for resource names.')
param namePrefix string = 'sin'

var tenantId = empty(partnershipTenantId) ? tenant().tenantId : partnershipTenantId
var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module app 'modules/app.bicep' = {
  name: 'app'
  scope: rg
  params: {
    location: location
    tags: tags
    token: token
    namePrefix: namePrefix
    partnershipTenantId: tenantId
    partnershipConfig: partnershipConfig
    botDisplayName: botDisplayName
    botSku: botSku
    tabAppClientId: tabAppClientId
  }
}

// Read by azd into .azure/<env>/.env: `npm run package` takes BOT_APP_ID, HOST_NAME and TAB_APP_ID from there.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output BOT_APP_ID string = app.outputs.identityClientId
output HOST_NAME string = app.outputs.hostName
output TAB_APP_ID string = tabAppClientId
output FUNCTION_APP_NAME string = app.outputs.functionAppName
output MANAGED_IDENTITY_PRINCIPAL_ID string = app.outputs.identityPrincipalId
output MANAGED_IDENTITY_CLIENT_ID string = app.outputs.identityClientId
