import { useEffect, useRef } from 'preact/hooks';
import type { Locale, Translate } from '../../lib/i18n/messages';

interface Props {
  locale: Locale;
  t: Translate;
  onClose(): void;
}

/** The tiers view of the manager (a whole page, like import and 去重). */
export function Tiers({ t, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="import" aria-labelledby="tiers-title">
      <header class="top">
        <h2 id="tiers-title" tabIndex={-1} ref={heading}>
          {t('tiersTitle')}
        </h2>
        <button type="button" class="link" onClick={onClose}>
          {t('close')}
        </button>
      </header>
    </section>
  );
}
