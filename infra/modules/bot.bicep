// The Azure Bot registration. Its app id is the managed identity's client id (msaAppType
// UserAssignedMSI): the app gets Bot Connector tokens as that identity, with no password.
// MultiTenant is not offered: Azure Bot Service stopped creating such bots in July 2025.
param name string
param displayName string
param sku string
param tags object
param identityId string
param identityClientId string
param tenantId string
param endpoint string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}
