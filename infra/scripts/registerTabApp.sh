#!/bin/sh
# azd postprovision hook: the monitoring tab's Entra app registration for Teams SSO.
# Bicep cannot hold it here (the Microsoft Graph Bicep extension is not used, see README), so this
# script does it with the Azure CLI, once: it creates the registration if TAB_APP_CLIENT_ID is not
# yet in the azd environment, exposes api://<host>/<client id> with the access_as_user scope,
# pre-authorises the Teams clients, and records the id in the azd environment and the app settings.
# The signed-in user needs rights to create app registrations in the partnership's tenant.
set -eu

: "${HOST_NAME:?run through azd (postprovision): HOST_NAME comes from the deployment outputs}"
: "${FUNCTION_APP_NAME:?}" "${AZURE_RESOURCE_GROUP:?}"

if [ -n "${TAB_APP_CLIENT_ID:-}" ]; then
  echo "Tab app registration already recorded: $TAB_APP_CLIENT_ID"
  exit 0
fi

# Teams desktop/mobile and Teams web: the two clients Teams SSO needs pre-authorised.
TEAMS_CLIENTS="1fec8e78-bce4-4aaf-ab1b-5451cc387264 5e3ce6c0-2b1f-4285-8d4b-75ee78787346"
SCOPE_ID=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)

APP_ID=$(az ad app create --display-name "Serious incident decisions tab (${AZURE_ENV_NAME:-azd})" \
  --sign-in-audience AzureADMyOrg --query appId -o tsv)
OBJECT_ID=$(az ad app show --id "$APP_ID" --query id -o tsv)

PREAUTH=""
for client in $TEAMS_CLIENTS; do
  PREAUTH="${PREAUTH}${PREAUTH:+,}{\"appId\":\"$client\",\"delegatedPermissionIds\":[\"$SCOPE_ID\"]}"
done

# The scope must exist before it can be pre-authorised: two PATCHes.
az rest --method PATCH --url "https://graph.microsoft.com/v1.0/applications/$OBJECT_ID" --headers "Content-Type=application/json" --body "{
  \"identifierUris\": [\"api://$HOST_NAME/$APP_ID\"],
  \"api\": {\"requestedAccessTokenVersion\": 2, \"oauth2PermissionScopes\": [{
    \"id\": \"$SCOPE_ID\", \"value\": \"access_as_user\", \"type\": \"User\", \"isEnabled\": true,
    \"adminConsentDisplayName\": \"Use the monitoring tab as you\", \"adminConsentDescription\": \"Lets Teams sign you in to the partnership's monitoring tab.\",
    \"userConsentDisplayName\": \"Use the monitoring tab as you\", \"userConsentDescription\": \"Lets Teams sign you in to the partnership's monitoring tab.\"}]}}"
az rest --method PATCH --url "https://graph.microsoft.com/v1.0/applications/$OBJECT_ID" --headers "Content-Type=application/json" --body "{
  \"api\": {\"preAuthorizedApplications\": [$PREAUTH]}}"
az ad sp create --id "$APP_ID" >/dev/null

azd env set TAB_APP_CLIENT_ID "$APP_ID"
azd env set TAB_APP_ID "$APP_ID"
az functionapp config appsettings set --name "$FUNCTION_APP_NAME" --resource-group "$AZURE_RESOURCE_GROUP" --settings "TAB_APP_CLIENT_ID=$APP_ID" >/dev/null
echo "Tab app registration created: $APP_ID (api://$HOST_NAME/$APP_ID). Next: npm run package (see README)."
