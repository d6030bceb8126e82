import { type Tier, TiersSchema } from '../domain/tiers';

/** Where the tiers the clerk defines, with their invoice defaults, are kept (extension storage, in every backup). */
export const TIERS_KEY = 'tiers';

/** The tiers as kept, checked; the built-in ones alone when nothing (or nothing valid) is kept. */
export function tiersFrom(stored: unknown): Tier[] {
  const parsed = TiersSchema.safeParse(stored ?? []);
  return parsed.success ? parsed.data : TiersSchema.parse([]);
}

export async function storedTiers(): Promise<Tier[]> {
  return tiersFrom((await browser.storage.local.get(TIERS_KEY))[TIERS_KEY]);
}

/** Keeps the tiers after checking them: a list the schema refuses throws and nothing is written. */
export function storeTiers(tiers: readonly Tier[]): Promise<void> {
  return browser.storage.local.set({ [TIERS_KEY]: TiersSchema.parse(tiers) });
}

/** Calls back when the tiers change anywhere; returns the way to stop listening. */
export function onTiersChange(callback: (tiers: Tier[]) => void): () => void {
  const changed = (changes: Record<string, { newValue?: unknown }>) => {
    if (TIERS_KEY in changes) callback(tiersFrom(changes[TIERS_KEY]?.newValue));
  };
  browser.storage.local.onChanged.addListener(changed);
  return () => browser.storage.local.onChanged.removeListener(changed);
}
