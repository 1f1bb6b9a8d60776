import { describe, expect, it } from 'vitest';
import { BOT_ENDPOINT_SETTINGS, connectorAudience, endpointOptions } from '../../bot/adapter.js';

/**
 * botbuilder needs every token-validation endpoint once any is given; the ones not given are the
 * public cloud's, so naming one (a national cloud's metadata, a test's token authority) is enough.
 */
describe('Bot Framework endpoint settings', () => {
  it('leave botbuilder to its public-cloud defaults when none is set', () => {
    expect(endpointOptions({})).toEqual({});
    expect(connectorAudience({})).toBe('https://api.botframework.com');
  });

  it('fill in the public cloud for every endpoint not set when one is', () => {
    const options = endpointOptions({ ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:9/metadata' });
    expect(Object.keys(options).sort()).toEqual([...BOT_ENDPOINT_SETTINGS].sort());
    expect(options).toEqual({
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:9/metadata',
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      OAuthUrl: 'https://api.botframework.com',
      ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
      CallerId: 'urn:botframework:azure',
    });
  });

  it("take a national cloud's connector audience for the bot's own token", () => {
    expect(connectorAudience({ ToChannelFromBotOAuthScope: 'https://api.botframework.us' })).toBe('https://api.botframework.us');
  });
});
