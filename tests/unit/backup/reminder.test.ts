import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backupReminder,
  DAY_MS,
  DEFAULT_REMINDER,
  lastBackupFrom,
  REMIND_DEFAULT_DAYS,
  reminderSettings,
} from '../../../lib/backup/reminder';

const NOW = Date.UTC(2026, 10, 27, 8);
const TODAY = '2026-11-27';
const facts = (over: Partial<Parameters<typeof backupReminder>[0]> = {}) => ({
  customers: 50,
  lastBackupAt: NOW - 8 * DAY_MS,
  settings: DEFAULT_REMINDER,
  now: NOW,
  today: TODAY,
  ...over,
});

describe('backupReminder', () => {
  it('reminds when the last backup is N days old or older, with its age in whole days', () => {
    expect(backupReminder(facts())).toEqual({ due: true, daysSince: 8 });
    expect(backupReminder(facts({ lastBackupAt: NOW - 7 * DAY_MS }))).toEqual({ due: true, daysSince: 7 });
    expect(backupReminder(facts({ lastBackupAt: NOW - 7 * DAY_MS + 1 }))).toEqual({ due: false });
    expect(
      backupReminder(facts({ lastBackupAt: NOW - 3 * DAY_MS, settings: { everyDays: 3, dismissedOn: null } })),
    ).toEqual({ due: true, daysSince: 3 });
  });

  it('reminds a book that has never been backed up', () => {
    expect(backupReminder(facts({ lastBackupAt: null }))).toEqual({ due: true, daysSince: null });
  });

  it('is quiet for an empty book, for the rest of a day it was put away, and for a backup dated ahead', () => {
    expect(backupReminder(facts({ customers: 0, lastBackupAt: null }))).toEqual({ due: false });
    expect(backupReminder(facts({ settings: { everyDays: 7, dismissedOn: TODAY } }))).toEqual({ due: false });
    expect(backupReminder(facts({ settings: { everyDays: 7, dismissedOn: '2026-11-26' } }))).toMatchObject({
      due: true,
    });
    expect(backupReminder(facts({ lastBackupAt: NOW + DAY_MS }))).toEqual({ due: false });
  });

  it('is due exactly when the book has customers, it was not put away today and the backup is old enough', () => {
    fc.assert(
      fc.property(
        fc.nat(200_000),
        fc.option(fc.integer({ min: NOW - 400 * DAY_MS, max: NOW + DAY_MS }), { nil: null }),
        fc.integer({ min: 1, max: 365 }),
        fc.boolean(),
        (customers, lastBackupAt, everyDays, dismissed) => {
          const settings = { everyDays, dismissedOn: dismissed ? TODAY : null };
          const reminder = backupReminder(facts({ customers, lastBackupAt, settings }));
          const old = lastBackupAt === null || NOW - lastBackupAt >= everyDays * DAY_MS;
          expect(reminder.due).toBe(customers > 0 && !dismissed && old);
          if (reminder.due && lastBackupAt !== null) expect(reminder.daysSince).toBeGreaterThanOrEqual(everyDays);
        },
      ),
    );
  });
});

describe('reminder settings as kept', () => {
  it('reads what was kept and falls back to the defaults for what is missing or wrong', () => {
    expect(reminderSettings({ everyDays: 14, dismissedOn: TODAY })).toEqual({ everyDays: 14, dismissedOn: TODAY });
    expect(reminderSettings(undefined)).toEqual({ everyDays: REMIND_DEFAULT_DAYS, dismissedOn: null });
    expect(reminderSettings({ everyDays: 0, dismissedOn: 5 })).toEqual({
      everyDays: REMIND_DEFAULT_DAYS,
      dismissedOn: null,
    });
    expect(reminderSettings({ everyDays: 2.5 })).toEqual({ everyDays: REMIND_DEFAULT_DAYS, dismissedOn: null });
    expect(lastBackupFrom(NOW)).toBe(NOW);
    for (const junk of [undefined, null, '2026-11-27', -1, 0, Number.NaN, {}]) expect(lastBackupFrom(junk)).toBeNull();
  });
});
