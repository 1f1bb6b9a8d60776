import { app, pages } from '@microsoft/teams-js';

/** The configurable tab's set-up page: there is nothing to choose, so it can be saved at once. */
async function configure(): Promise<void> {
  await app.initialize();
  const context = await app.getContext();
  document.documentElement.dataset.theme = context.app.theme === 'dark' || context.app.theme === 'contrast' ? context.app.theme : 'default';
  pages.config.registerOnSaveHandler((save) => {
    const contentUrl = new URL('/tab/index.html', location.origin).toString();
    pages.config
      .setConfig({ entityId: 'sin-cases', contentUrl, websiteUrl: contentUrl, suggestedDisplayName: 'SIN cases' })
      .then(() => save.notifySuccess())
      .catch((error: unknown) => save.notifyFailure(error instanceof Error ? error.message : 'The tab could not be saved.'));
  });
  pages.config.setValidityState(true);
}

configure().catch(() => {
  document.getElementById('config-message')!.textContent = 'Open this page from Teams, when adding the tab to a channel or chat.';
});
