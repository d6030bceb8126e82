import type { TaitouDB } from '../db/open';
import { setVault, VaultLocked } from '../db/sealed';
import { sealBook, unsealBook } from '../db/vault-book';
import { fromBase64, toBase64 } from '../domain/attachment';
import type { Handlers, VaultMessage } from '../messaging/protocol';
import {
  createVault,
  keysFromSecret,
  openVault,
  PBKDF2_ITERATIONS,
  rewrapVault,
  type VaultMeta,
  VaultMetaSchema,
} from '../vault/cipher';

/** The lock is being turned on or off, or the book converted after a restart: nothing else runs meanwhile. */
class VaultBusy extends Error {
  override name = 'VaultBusy';
  constructor() {
    super('taitou:busy');
  }
}

/** One storage area (chrome.storage.local, or .session which lives in memory only and ends with the browser). */
export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Storage that lasts as long as the worker: for a service built without the browser's (tests, tools). */
export function memoryArea(): KeyValue {
  const data = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(data.get(key)),
    set: async (key, value) => void data.set(key, structuredClone(value)),
    remove: async (key) => void data.delete(key),
  };
}

export interface VaultEnv {
  local: KeyValue;
  session: KeyValue;
  /** The lock closed or opened: pages switch screens, the context menu forgets or relists customers. */
  onChange(locked: boolean): void;
  now?: () => number;
  iterations?: number;
}

export interface VaultStatus {
  on: boolean;
  locked: boolean;
  busy: boolean;
  /** Minutes without use after which the book locks itself; 0 never. */
  idleMinutes: number;
}

export type VaultAnswer = { ok: true } | { ok: false; reason: 'wrong' | 'state' | 'stuck'; stuck?: number };

/** Stored keys: the vault (kept), a conversion under way (kept), the idle time; the secret in session memory only. */
export const VAULT_KEYS = { meta: 'vault', pending: 'vaultPending', idle: 'vaultIdleMinutes' } as const;
const SECRET = 'vaultSecret';
const ACTIVE = 'vaultActiveAt';
const DEFAULT_IDLE_MINUTES = 30;
/** How often the last use is written to session storage (it survives the worker, not the browser). */
const ACTIVE_WRITE_MS = 30_000;

/**
 * The lock of the book. While it is off, every record is in the clear. Turned on, a passphrase wraps a random secret
 * whose keys seal every customer and history record (lib/db/vault-book.ts); the secret is then held only in session
 * storage, which the browser keeps in memory and forgets when it closes, so a restart finds the book locked. It also
 * locks after `idleMinutes` without use, and when the clerk says so.
 */
export function vaultService(opening: Promise<TaitouDB>, env: VaultEnv) {
  const now = env.now ?? Date.now;
  const iterations = env.iterations ?? PBKDF2_ITERATIONS;
  let state: 'off' | 'locked' | 'open' = 'off';
  let busy = false;
  let activeAt = 0;
  let savedActiveAt = 0;
  let idleMinutes = DEFAULT_IDLE_MINUTES;

  const readMeta = async (): Promise<VaultMeta | null> => {
    const parsed = VaultMetaSchema.safeParse(await env.local.get(VAULT_KEYS.meta));
    return parsed.success ? parsed.data : null;
  };

  const ready = (async () => {
    const db = await opening;
    const idle = await env.local.get(VAULT_KEYS.idle);
    if (typeof idle === 'number' && Number.isInteger(idle) && idle >= 0) idleMinutes = idle;
    if (!(await readMeta())) return db; // off: the book is read as it is stored
    const secret = await env.session.get(SECRET);
    if (typeof secret === 'string') {
      setVault(db, await keysFromSecret(fromBase64(secret)));
      state = 'open';
      const at = await env.session.get(ACTIVE);
      activeAt = typeof at === 'number' ? at : now();
    } else {
      setVault(db, 'locked');
      state = 'locked';
    }
    return db;
  })();
  ready.catch(() => undefined); // a book that cannot open is told by each message that reaches for it

  const touch = () => {
    activeAt = now();
    if (activeAt - savedActiveAt < ACTIVE_WRITE_MS) return;
    savedActiveAt = activeAt;
    env.session.set(ACTIVE, activeAt).catch(() => undefined);
  };

  async function lock() {
    const db = await ready;
    if (state !== 'open') return;
    setVault(db, 'locked');
    state = 'locked';
    await env.session.remove(SECRET);
    env.onChange(true);
  }

  /** Opens the book with `secret`, finishing a conversion a worker that died left under way. */
  async function open(db: TaitouDB, secret: Uint8Array<ArrayBuffer>) {
    const keys = await keysFromSecret(secret);
    setVault(db, keys);
    state = 'open';
    await env.session.set(SECRET, toBase64(secret));
    touch();
    const pending = await env.local.get(VAULT_KEYS.pending);
    if (pending === 'seal') await sealBook(db, keys);
    if (pending === 'unseal') return turnOff(db, secret);
    if (pending) await env.local.remove(VAULT_KEYS.pending);
    return true;
  }

  async function turnOff(db: TaitouDB, secret: Uint8Array<ArrayBuffer>): Promise<boolean> {
    await env.local.set(VAULT_KEYS.pending, 'unseal');
    const result = await unsealBook(db, await keysFromSecret(secret));
    if (result.stuck.length > 0) {
      await env.local.remove(VAULT_KEYS.pending);
      return false;
    }
    await env.local.remove(VAULT_KEYS.meta);
    await env.local.remove(VAULT_KEYS.pending);
    await env.session.remove(SECRET);
    state = 'off';
    return true;
  }

  /** Runs a change of the lock alone: every other message waits outside (admit says busy). */
  async function exclusive<T>(work: (db: TaitouDB) => Promise<T>): Promise<T> {
    const db = await ready;
    if (busy) throw new VaultBusy();
    busy = true;
    try {
      return await work(db);
    } finally {
      busy = false;
    }
  }

  const status = async (): Promise<VaultStatus> => {
    await ready;
    return { on: state !== 'off', locked: state === 'locked', busy, idleMinutes };
  };

  const handlers: Pick<Handlers, VaultMessage> = {
    'page:vault': () => status(),
    'page:unlock': ({ passphrase }) =>
      exclusive(async (db): Promise<VaultAnswer> => {
        const meta = await readMeta();
        if (state !== 'locked' || !meta) return { ok: false, reason: 'state' };
        const secret = await openVault(meta, passphrase);
        if (!secret) return { ok: false, reason: 'wrong' };
        const opened = await open(db, secret);
        env.onChange(false);
        return opened ? { ok: true } : { ok: false, reason: 'stuck' };
      }),
    'page:lock': async () => {
      await lock();
      return status();
    },
    'page:lockOn': ({ passphrase }) =>
      exclusive(async (db): Promise<VaultAnswer> => {
        if (state !== 'off') return { ok: false, reason: 'state' };
        const { meta, secret } = await createVault(passphrase, iterations);
        // The vault is kept before any record is sealed: a worker that dies half way leaves a book that opens.
        await env.local.set(VAULT_KEYS.meta, meta);
        await env.local.set(VAULT_KEYS.pending, 'seal');
        await open(db, secret);
        env.onChange(false);
        return { ok: true };
      }),
    'page:lockOff': ({ passphrase }) =>
      exclusive(async (db): Promise<VaultAnswer> => {
        const meta = await readMeta();
        if (state !== 'open' || !meta) return { ok: false, reason: 'state' };
        const secret = await openVault(meta, passphrase);
        if (!secret) return { ok: false, reason: 'wrong' };
        const off = await turnOff(db, secret);
        env.onChange(false);
        return off ? { ok: true } : { ok: false, reason: 'stuck' };
      }),
    'page:lockPassphrase': ({ passphrase, next }) =>
      exclusive(async (): Promise<VaultAnswer> => {
        const meta = await readMeta();
        if (state !== 'open' || !meta) return { ok: false, reason: 'state' };
        const rewrapped = await rewrapVault(meta, passphrase, next, Math.max(meta.iterations, iterations));
        if (!rewrapped) return { ok: false, reason: 'wrong' };
        await env.local.set(VAULT_KEYS.meta, rewrapped);
        return { ok: true };
      }),
    'page:lockIdle': async ({ minutes }) => {
      idleMinutes = minutes;
      await env.local.set(VAULT_KEYS.idle, minutes);
      return status();
    },
  };

  /**
   * Lets a message at the book through, or throws why not: locked (also when the idle time has run out: the book
   * locks first), or busy turning the lock on or off.
   */
  async function admit(): Promise<void> {
    await ready;
    if (busy) throw new VaultBusy();
    if (state === 'open' && idleMinutes > 0 && now() - activeAt > idleMinutes * 60_000) await lock();
    if (state === 'locked') throw new VaultLocked();
    if (state === 'open') touch();
  }

  return { handlers, admit, lock };
}

/** `handlers`, each answering only once `admit` lets it (see vaultService's admit). */
export function lockFirst<H extends object>(handlers: H, admit: () => Promise<void>): H {
  const out: Record<string, unknown> = {};
  for (const [name, handle] of Object.entries(handlers) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    out[name] = async (...args: unknown[]) => {
      await admit();
      return handle(...args);
    };
  }
  return out as H;
}
