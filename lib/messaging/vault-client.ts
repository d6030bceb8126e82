import type { VaultAnswer, VaultStatus } from '../background/vault-service';
import { sendMessage } from './client';
import type { VaultBroadcast } from './protocol';

/** What a page needs of the lock: its state, unlocking, and word when it locks or unlocks elsewhere. */
export interface VaultClient {
  status(): Promise<VaultStatus>;
  unlock(passphrase: string): Promise<VaultAnswer>;
  listen(on: (locked: boolean) => void): () => void;
}

const isVaultBroadcast = (message: unknown): message is VaultBroadcast =>
  typeof message === 'object' && message !== null && (message as VaultBroadcast).type === 'taitou:vault';

export const vaultClient: VaultClient = {
  status: () => sendMessage('page:vault', {}),
  unlock: (passphrase) => sendMessage('page:unlock', { passphrase }),
  listen(on) {
    const listener = (message: unknown) => {
      if (isVaultBroadcast(message)) on(message.locked);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  },
};

/** Whether a message was refused because the book is locked (the worker's VaultLocked, as the page receives it). */
export const isLockedError = (error: unknown): boolean =>
  error instanceof Error && error.message.includes('taitou:locked');
