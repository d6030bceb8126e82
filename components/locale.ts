import { useEffect, useMemo, useState } from 'preact/hooks';
import { type Locale, translator } from '../lib/i18n/messages';

const KEY = 'locale';
const isLocale = (v: unknown): v is Locale => v === 'zh-CN' || v === 'en';

/** The UI language: Chinese unless the clerk switched; kept in extension storage so every page follows it. */
export function useLocale() {
  const [locale, setState] = useState<Locale>('zh-CN');
  useEffect(() => {
    browser.storage.local.get(KEY).then((stored) => {
      if (isLocale(stored[KEY])) setState(stored[KEY]);
    });
    const changed = (changes: Record<string, { newValue?: unknown }>) => {
      if (isLocale(changes[KEY]?.newValue)) setState(changes[KEY].newValue);
    };
    browser.storage.local.onChanged.addListener(changed);
    return () => browser.storage.local.onChanged.removeListener(changed);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const t = useMemo(() => translator(locale), [locale]);
  const setLocale = (next: Locale) => {
    setState(next);
    browser.storage.local.set({ [KEY]: next });
  };
  return { locale, t, setLocale };
}
