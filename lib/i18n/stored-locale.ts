import type { Locale } from './messages';

/** Where the clerk's language choice is kept (extension storage), so every page, the toast and the menu follow it. */
export const LOCALE_KEY = 'locale';
const isLocale = (v: unknown): v is Locale => v === 'zh-CN' || v === 'en';

/** The chosen language; Chinese until the clerk switches. */
export async function storedLocale(): Promise<Locale> {
  const stored = await browser.storage.local.get(LOCALE_KEY);
  return isLocale(stored[LOCALE_KEY]) ? stored[LOCALE_KEY] : 'zh-CN';
}

export function storeLocale(locale: Locale): Promise<void> {
  return browser.storage.local.set({ [LOCALE_KEY]: locale });
}

/** Calls back when the clerk switches language anywhere; returns the way to stop listening. */
export function onLocaleChange(callback: (locale: Locale) => void): () => void {
  const changed = (changes: Record<string, { newValue?: unknown }>) => {
    const next = changes[LOCALE_KEY]?.newValue;
    if (isLocale(next)) callback(next);
  };
  browser.storage.local.onChanged.addListener(changed);
  return () => browser.storage.local.onChanged.removeListener(changed);
}
