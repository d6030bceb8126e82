import type { Translate } from '../../lib/i18n/messages';

/** Rows drawn at a time in long previews: a file of 50,000 rows is read by filtering, not by scrolling. */
export const ROWS_PAGE = 200;

/** "Show more" under a list cut at `shown` of `total` rows. */
export function MoreRows({ shown, total, t, onMore }: { shown: number; total: number; t: Translate; onMore(): void }) {
  if (total <= shown) return null;
  return (
    <button type="button" class="link" onClick={onMore}>
      {t('importMore', { page: Math.min(ROWS_PAGE, total - shown), count: total - shown })}
    </button>
  );
}
