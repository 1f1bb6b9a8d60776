// The one identity the app runs as: the bot's app id (UserAssignedMSI), storage, Application
// Insights, Key Vault references and Microsoft Graph all know it, and it has no secret to leak.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
