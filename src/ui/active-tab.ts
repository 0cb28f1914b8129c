// Which tab the popup talks about. A `?tab=<id>` parameter overrides the
// active tab (the popup opened in a tab by the end-to-end tests).
import browser from 'webextension-polyfill';

export async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
