import { TiersSchema } from '../domain/tiers';
import { z } from '../domain/zod';
import { LOCALE_KEY } from '../i18n/stored-locale';
import { MAPPING_PREFIX, SavedMappingSchema } from '../import/mapping';
import { TIERS_KEY } from '../settings/tiers';
import type { BackupSettings } from './format';

const LocaleSchema = z.enum(['zh-CN', 'en']);

/**
 * The settings of a backup file that Taitou knows and that check out: the language, the tiers with their invoice
 * defaults, and the column mappings the import remembered. Anything else a file carries (another version's keys, a hand-edited file) stays out of the
 * extension's storage.
 */
export function restorableSettings(settings: BackupSettings): BackupSettings {
  const kept: BackupSettings = {};
  for (const [key, value] of Object.entries(settings)) {
    const known =
      key === LOCALE_KEY
        ? LocaleSchema.safeParse(value).success
        : key === TIERS_KEY
          ? TiersSchema.safeParse(value).success
          : key.startsWith(MAPPING_PREFIX) && key.length <= 4096 && SavedMappingSchema.safeParse(value).success;
    if (known) kept[key] = value;
  }
  return kept;
}
