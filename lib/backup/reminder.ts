import { z } from '../domain/zod';

/*
 * The backup reminder: when the book has customers and its last backup file is older than the clerk's number of days
 * (or there has never been one), the manager says so until a backup is made or it is dismissed for the day.
 */

export const DAY_MS = 86_400_000;
export const REMIND_DEFAULT_DAYS = 7;
export const REMIND_MAX_DAYS = 365;

/** The reminder's settings as the extension's storage keeps them; anything unreadable falls back to the defaults. */
export const ReminderSettingsSchema = z.object({
  everyDays: z.number().int().min(1).max(REMIND_MAX_DAYS).catch(REMIND_DEFAULT_DAYS),
  /** The day (YYYY-MM-DD, the clerk's own time) the reminder was put away for. */
  dismissedOn: z.string().max(10).nullable().catch(null),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

export const DEFAULT_REMINDER: ReminderSettings = { everyDays: REMIND_DEFAULT_DAYS, dismissedOn: null };

/** The settings as kept, or the defaults for what is missing or unreadable. */
export function reminderSettings(stored: unknown): ReminderSettings {
  const parsed = ReminderSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_REMINDER;
}

/** When the last backup file was made, as kept; null when never (or not readable as a time). */
export function lastBackupFrom(stored: unknown): number | null {
  return typeof stored === 'number' && Number.isFinite(stored) && stored > 0 ? stored : null;
}

export interface ReminderFacts {
  customers: number;
  lastBackupAt: number | null;
  settings: ReminderSettings;
  now: number;
  /** Today as the clerk counts days (YYYY-MM-DD), to compare with `dismissedOn`. */
  today: string;
}

/** Whether to remind, and how many whole days the last backup is old (null: there has never been one). */
export type Reminder = { due: false } | { due: true; daysSince: number | null };

/**
 * The reminder's rule: an empty book needs no backup; a reminder put away today stays away until tomorrow;
 * otherwise it is due when there has never been a backup or the last is `everyDays` days old or older.
 */
export function backupReminder({ customers, lastBackupAt, settings, now, today }: ReminderFacts): Reminder {
  if (customers <= 0 || settings.dismissedOn === today) return { due: false };
  if (lastBackupAt === null) return { due: true, daysSince: null };
  const age = now - lastBackupAt;
  // A backup dated in the future (the clock was changed) is taken as recent rather than nagged about.
  if (age < settings.everyDays * DAY_MS) return { due: false };
  return { due: true, daysSince: Math.floor(age / DAY_MS) };
}
