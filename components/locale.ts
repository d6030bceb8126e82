import { useEffect, useMemo, useState } from 'preact/hooks';
import { type Locale, translator } from '../lib/i18n/messages';
import { onLocaleChange, storedLocale, storeLocale } from '../lib/i18n/stored-locale';

/** The UI language: Chinese unless the clerk switched; kept in extension storage so every page follows it. */
export function useLocale() {
  const [locale, setState] = useState<Locale>('zh-CN');
  useEffect(() => {
    storedLocale().then(setState);
    return onLocaleChange(setState);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const t = useMemo(() => translator(locale), [locale]);
  const setLocale = (next: Locale) => {
    setState(next);
    storeLocale(next);
  };
  return { locale, t, setLocale };
}
