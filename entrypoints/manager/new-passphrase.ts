import type { Translate } from '../../lib/i18n/messages';
import { PASSPHRASE_MIN } from '../../lib/messaging/protocol';

/** A new passphrase typed twice (the lock's, a sealed backup's): the error to show, or '' when it will do. */
export function newPassphraseError(t: Translate, passphrase: string, again: string): string {
  if ([...passphrase].length < PASSPHRASE_MIN) return t('lockTooShort', { min: PASSPHRASE_MIN });
  return passphrase === again ? '' : t('lockMismatch');
}
