import { useEffect, useState } from 'preact/hooks';
import { onReminderChange, type ReminderStore, storedReminder } from '../../lib/settings/backup-reminder';

/** The backup reminder's settings and the last backup's time, as stored now; null until read. */
export function useReminder(): ReminderStore | null {
  const [kept, setKept] = useState<ReminderStore | null>(null);
  useEffect(() => {
    let alive = true;
    const take = (state: ReminderStore) => alive && setKept(state);
    storedReminder().then(take, () => undefined);
    const stop = onReminderChange(take);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return kept;
}
