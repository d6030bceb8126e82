import type { Locale, Translate } from '../lib/i18n/messages';

/** Switches every Taitou page between Chinese and English; it names the other language, in that language. */
export function LanguageButton({ locale, t, onSwitch }: { locale: Locale; t: Translate; onSwitch(to: Locale): void }) {
  const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" class="link" lang={other} title={t('switchLanguageLabel')} onClick={() => onSwitch(other)}>
      {t('switchLanguage')}
    </button>
  );
}
