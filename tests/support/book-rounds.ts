import type { Page } from '@playwright/test';

/**
 * Before and after a write that may have been cut short: what the book held, and whether the audit log tells how it
 * got from one to the other. Runs in an extension page (the extension's own origin), where the book is remembered
 * between the two calls so that 20,000 records never cross DevTools.
 */

/** What `checkSince` found. */
export interface RoundCheck {
  customers: number;
  /** Customers added, removed or changed since `rememberBook`. */
  changed: number;
  /** Audit entries since, and the batches they belong to. */
  entries: number;
  batches: number;
  /** Whatever does not add up: a change with no entry, an entry that starts or ends elsewhere than the records. */
  problems: string[];
}

/** Remembers every customer record as stored now, and where the audit log ends. */
export function rememberBook(page: Page): Promise<{ customers: number; lastSeq: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('taitou');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['customers', 'audit']);
    const ask = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [records, last] = await Promise.all([
      ask(tx.objectStore('customers').getAll() as IDBRequest<{ id: string }[]>),
      ask(tx.objectStore('audit').openKeyCursor(null, 'prev')),
    ]);
    db.close();
    const book = new Map(records.map((r) => [r.id, JSON.stringify(r)]));
    const lastSeq = Number(last?.key ?? 0);
    (globalThis as unknown as { __remembered: unknown }).__remembered = { book, lastSeq };
    return { customers: book.size, lastSeq };
  });
}

/**
 * Compares the book with what `rememberBook` kept, through the audit entries written since: for every customer they
 * name, the first entry must start from the remembered record and the last must end at the stored one (a chunk of
 * an import names the customers it created); a customer changed with no entry, or an entry that does not meet the
 * records, is a problem. Waits, as any read does, for a write transaction still running to end.
 */
export function checkSince(page: Page): Promise<RoundCheck> {
  return page.evaluate(async () => {
    const { book, lastSeq } = (
      globalThis as unknown as { __remembered: { book: Map<string, string>; lastSeq: number } }
    ).__remembered;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('taitou');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['customers', 'audit']);
    const ask = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    type Entry = {
      seq: number;
      customerId: string;
      before: unknown;
      after: unknown;
      batch?: string;
      created?: string[];
    };
    const [records, entries] = await Promise.all([
      ask(tx.objectStore('customers').getAll() as IDBRequest<{ id: string }[]>),
      ask(tx.objectStore('audit').getAll(IDBKeyRange.lowerBound(lastSeq, true)) as IDBRequest<Entry[]>),
    ]);
    db.close();
    const now = new Map(records.map((r) => [r.id, JSON.stringify(r)]));
    const problems: string[] = [];
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    // Each customer's first and last state as the entries tell it; created by an import chunk: absent, then present.
    const told = new Map<string, { first: string | null; last: string | null | 'created' }>();
    for (const entry of entries.sort((a, b) => a.seq - b.seq)) {
      const steps: [string, string | null, string | null | 'created'][] = entry.created
        ? entry.created.map((id) => [id, null, 'created'])
        : [[entry.customerId, json(entry.before), json(entry.after)]];
      for (const [id, before, after] of steps) {
        const seen = told.get(id);
        if (seen) seen.last = after;
        else told.set(id, { first: before, last: after });
      }
    }
    for (const [id, { first, last }] of told) {
      if (first !== (book.get(id) ?? null)) problems.push(`${id}: its first entry does not start from the record`);
      const stored = now.get(id) ?? null;
      const ends = last === 'created' ? stored !== null : last === stored;
      if (!ends) problems.push(`${id}: its last entry does not end at the stored record`);
    }
    let changed = 0;
    for (const id of new Set([...book.keys(), ...now.keys()])) {
      if (book.get(id) === now.get(id)) continue;
      changed++;
      if (!told.has(id)) problems.push(`${id}: changed with no audit entry`);
    }
    const batches = new Set(entries.map((e) => e.batch ?? `seq ${e.seq}`)).size;
    return { customers: now.size, changed, entries: entries.length, batches, problems: problems.slice(0, 5) };
  });
}

/** Whether every automatic snapshot kept (taitou-snapshots) has all its parts and as many records as it says. */
export function snapshotsWhole(page: Page): Promise<{ snapshots: number; broken: number[] }> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('taitou-snapshots')) return { snapshots: 0, broken: [] };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('taitou-snapshots');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains('snapshots')) {
      db.close();
      return { snapshots: 0, broken: [] };
    }
    const tx = db.transaction(['snapshots', 'parts']);
    const ask = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    type Meta = { id: number; customers: number; parts: number };
    type Part = { snapshot: number; records: unknown[] };
    const [metas, parts] = await Promise.all([
      ask(tx.objectStore('snapshots').getAll() as IDBRequest<Meta[]>),
      ask(tx.objectStore('parts').getAll() as IDBRequest<Part[]>),
    ]);
    db.close();
    const broken = metas
      .filter((m) => {
        const own = parts.filter((p) => p.snapshot === m.id);
        return own.length !== m.parts || own.reduce((n, p) => n + p.records.length, 0) !== m.customers;
      })
      .map((m) => m.id);
    const orphans = parts.filter((p) => !metas.some((m) => m.id === p.snapshot)).map((p) => -p.snapshot);
    return { snapshots: metas.length, broken: [...broken, ...new Set(orphans)] };
  });
}

/**
 * Resolves once a write transaction holds the customers store (a read of it then waits), that is once the worker is
 * in the middle of a write rather than about to begin one; false if none began within `withinMs`.
 */
export function whenWriting(page: Page, withinMs = 30_000): Promise<boolean> {
  return page.evaluate(async (withinMs) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('taitou');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const until = Date.now() + withinMs;
    try {
      while (Date.now() < until) {
        const read = db.transaction('customers').objectStore('customers').get('~');
        const answered = new Promise<boolean>((resolve) => {
          read.onsuccess = () => resolve(true);
          read.onerror = () => resolve(true);
        });
        const held = !(await Promise.race([answered, new Promise<boolean>((r) => setTimeout(() => r(false), 250))]));
        if (held) return true;
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    } finally {
      db.close();
    }
  }, withinMs);
}

/**
 * Whether the customers stored now are exactly those `rememberBook` kept, and whether they are exactly the records of
 * automatic snapshot `snapshotId` (taitou-snapshots), record for record.
 */
export function bookMatches(
  page: Page,
  snapshotId: number,
): Promise<{ customers: number; asBefore: boolean; asSnapshot: boolean }> {
  return page.evaluate(async (snapshotId) => {
    const { book } = (globalThis as unknown as { __remembered: { book: Map<string, string> } }).__remembered;
    const read = async <T>(name: string, store: string, range?: IDBKeyRange) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = db.transaction(store).objectStore(store).getAll(range);
      return new Promise<T[]>((resolve, reject) => {
        all.onsuccess = () => {
          db.close();
          resolve(all.result);
        };
        all.onerror = () => reject(all.error);
      });
    };
    const now = await read<{ id: string }>('taitou', 'customers');
    const parts = await read<{ records: { id: string }[] }>(
      'taitou-snapshots',
      'parts',
      IDBKeyRange.bound([snapshotId, 0], [snapshotId, Number.POSITIVE_INFINITY]),
    );
    const same = (a: Map<string, string>, b: Map<string, string>) =>
      a.size === b.size && [...a].every(([id, json]) => b.get(id) === json);
    const stored = new Map(now.map((r) => [r.id, JSON.stringify(r)]));
    const snapshot = new Map(parts.flatMap((p) => p.records).map((r) => [r.id, JSON.stringify(r)]));
    return { customers: stored.size, asBefore: same(stored, book), asSnapshot: same(stored, snapshot) };
  }, snapshotId);
}
