import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handlersFor } from '../../../lib/background/book-service';
import { listCustomers } from '../../../lib/db/customers';
import type { TaitouDB } from '../../../lib/db/open';
import type { BookResult } from '../../../lib/db/result';
import { CustomerSchema } from '../../../lib/domain/customer';
import { EMBEDDED_MESSAGES } from '../../../lib/messaging/embedded';
import type { Handlers, MenuBroadcast, MessageName, Origin, VaultMessage } from '../../../lib/messaging/protocol';
import { isVaultMessage, PROTOCOL, type SenderKind } from '../../../lib/messaging/protocol';
import { admit, RefusedMessage } from '../../../lib/messaging/router';
import type { SenderInfo } from '../../../lib/messaging/sender';
import type { FillRequest } from '../../../lib/messaging/tab';
import { customerInput, freshBook } from '../../support/book';
import { keysOf, type Pools, shapedLike } from '../../support/zod-arbitrary';

const self = { id: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop/' };
const NAMES = Object.keys(PROTOCOL) as MessageName[];

// --- senders, each labelled with the kind the background must take it for (null: answer nothing) and its place ---

/** Sites the clerk enabled in these tests (besides the platform, which needs no grant); any other site is not. */
const GRANTED = new Set(['https://erp.example.com/*', 'http://erp.example.com/*', 'https://intranet.corp/*']);
const reach = { allows: async (pattern: string) => GRANTED.has(pattern) };

/**
 * Where a sender stands: anywhere (the popup, a page that is its own tab), a content script in a frame Taitou serves
 * or one it does not, or one of our pages inside a tab (which page, and whether Taitou serves that tab).
 */
type Place =
  | { at: 'anywhere' }
  | { at: 'frame'; served: boolean }
  | { at: 'embedded'; page: string; tabServed: boolean }
  | { at: 'nowhere' };

interface Labelled {
  sender: SenderInfo;
  kind: SenderKind | null;
  place: Place;
}

const SERVED_URLS: [string, string | undefined][] = [
  ['https://dppt.guangdong.chinatax.gov.cn:8443/invoice-makeout', 'https://dppt.guangdong.chinatax.gov.cn:8443'],
  ['https://dppt.guangdong.chinatax.gov.cn:8443/invoice-makeout', undefined],
  ['http://dppt.shanghai.chinatax.gov.cn/#/blue', 'http://dppt.shanghai.chinatax.gov.cn'],
  ['https://erp.example.com/invoice?id=1', 'https://erp.example.com'],
  ['http://erp.example.com:8080/', undefined],
  ['https://intranet.corp/a/b', 'https://intranet.corp'],
  ['about:blank', 'https://dppt.guangdong.chinatax.gov.cn'],
  ['about:srcdoc', 'https://erp.example.com'],
];
const servedFrame = fc.constantFrom(...SERVED_URLS);
const servedHost = /(^|\.)chinatax\.gov\.cn$|^erp\.example\.com$|^intranet\.corp$/;
const webUrl = fc.oneof(
  fc
    .webUrl({ withQueryParameters: true, withFragments: true })
    .filter((u) => !servedHost.test(new URL(u).hostname.replace(/\.$/, ''))),
  fc.constantFrom(
    'data:text/html,<script>chrome.runtime.sendMessage()</script>',
    'file:///C:/Users/clerk/invoice.html',
    'about:blank',
    'blob:https://evil.example/0b7a',
    'https://chinatax.gov.cn.evil.example/',
    'http://intranet.corp/a/b', // enabled for https only
    // Look-alikes of the extension's own origin: not ours.
    'chrome-extension://abcdefghijklmnopq/popup.html',
    'chrome-extension://abcdefghijklmno/popup.html',
    'chrome-extension://ABCDEFGHIJKLMNOP/popup.html',
    'https://abcdefghijklmnop/popup.html',
    'chrome-extension://otherextensionidxx/popup.html',
  ),
);
/**
 * The origin Chrome would report with an unserved URL: its own, none (Firefox), opaque, or a served one (a lie; but
 * an about:blank frame the portal made has the portal's origin, and is the portal's).
 */
const unservedFrame = fc
  .tuple(fc.option(webUrl, { nil: undefined }), fc.constantFrom('own', 'none', 'null', 'portal'))
  .filter(([url, how]) => !(url === 'about:blank' && how === 'portal'))
  .map(([url, how]): [string | undefined, string | undefined] => {
    const own = (() => {
      try {
        return new URL(url ?? '').origin;
      } catch {
        return 'null';
      }
    })();
    const origin = { own, none: undefined, null: 'null', portal: 'https://dppt.guangdong.chinatax.gov.cn' }[how];
    return [url, origin];
  });
// Page, and what follows its path; the page's name is the label, never parsed back out of the URL here.
const ownPage = fc
  .constantFrom<[string, string]>(
    ['popup.html', ''],
    ['manager.html', ''],
    ['menu.html', '?tab=3'],
    ['menu.html', ''],
    ['capture.html', '#x'],
    ['capture.html', ''],
    ['', ''],
    ['../popup.html', ''],
  )
  .map(([page, rest]) => ({ page, url: `${self.origin}${page}${rest}` }));
const tabId = fc.oneof(fc.nat({ max: 5 }), fc.nat());
const frameId = fc.option(fc.nat(), { nil: undefined });
const tabOnSite = fc.oneof(
  fc
    .record({ id: tabId, url: fc.constantFrom(...SERVED_URLS.map(([u]) => u).filter((u) => u.startsWith('http'))) })
    .map((tab) => ({ tab, served: true })),
  fc
    .record({ id: tabId, url: fc.option(webUrl, { nil: undefined }) }, { requiredKeys: ['id'] })
    .map((tab) => ({ tab, served: false })),
);

// The popup (no tab), or a page of ours that is its own tab (the manager; a test's capture.html).
const pageOfItsOwn: fc.Arbitrary<Labelled> = fc
  .record({ page: ownPage, tab: fc.option(fc.record({ id: tabId }), { nil: undefined }) })
  .map(({ page, tab }) => ({
    sender: { id: self.id, url: page.url, ...(tab ? { tab: { ...tab, url: page.url }, frameId: 0 } : {}) },
    kind: 'extensionPage' as const,
    place: { at: 'anywhere' } as const,
  }));
// A page of ours inside a tab's frame: the inline list, the save prompt, or any page a page framed.
const pageInTab: fc.Arbitrary<Labelled> = fc
  .record({ page: ownPage, site: tabOnSite, frameId: fc.option(fc.integer({ min: 1 }), { nil: undefined }) })
  .map(({ page, site, frameId }) => ({
    sender: { id: self.id, url: page.url, tab: site.tab, ...(frameId === undefined ? {} : { frameId }) },
    kind: 'extensionPage' as const,
    place: { at: 'embedded', page: page.page, tabServed: site.served } as const,
  }));
// This extension's content script in a frame of the platform or of a site the clerk enabled.
const servedScript: fc.Arbitrary<Labelled> = fc
  .record({ frame: servedFrame, tab: fc.record({ id: tabId }), frameId })
  .map(({ frame: [url, origin], tab, frameId }) => ({
    sender: { id: self.id, url, ...(origin ? { origin } : {}), tab, frameId },
    kind: 'contentScript' as const,
    place: { at: 'frame', served: true } as const,
  }));
/** Senders of this message's own kind, half the time: most messages are refused by most senders. */
const ownKind = (from: 'extensionPage' | 'contentScript') =>
  from === 'extensionPage' ? fc.oneof(pageOfItsOwn, pageInTab) : servedScript;

const senders: fc.Arbitrary<Labelled> = fc.oneof(
  pageOfItsOwn,
  pageInTab,
  servedScript,
  // ... or in any other frame: another site, a data: or file: page, a sandboxed frame, a URL and origin that disagree.
  fc
    .record({ frame: unservedFrame, tab: fc.record({ id: tabId }), frameId })
    .map(({ frame: [url, origin], tab, frameId }) => ({
      sender: { id: self.id, url, ...(origin === undefined ? {} : { origin }), tab, frameId },
      kind: 'contentScript' as const,
      place: { at: 'frame', served: false } as const,
    })),
  // Another extension, even one that claims our pages' URLs.
  fc
    .record({
      id: fc.oneof(fc.string(), fc.constantFrom('', self.id.toUpperCase(), `${self.id} `, 'abcdefghijklmnopq')),
      url: fc.option(
        fc.oneof(
          webUrl,
          ownPage.map((p) => p.url),
        ),
        { nil: undefined },
      ),
      tab: fc.option(fc.record({ id: tabId }), { nil: undefined }),
      frameId,
    })
    .filter((s) => s.id !== self.id)
    .map((sender) => ({ sender, kind: null, place: { at: 'nowhere' } as const })),
  // A web page through externally_connectable: no extension id.
  fc
    .record({
      url: fc.option(webUrl, { nil: undefined }),
      tab: fc.option(fc.record({ id: tabId }), { nil: undefined }),
    })
    .map((sender) => ({ sender, kind: null, place: { at: 'nowhere' } as const })),
  // Ours, but neither a page of ours nor in a tab (no URL, or a look-alike URL without a tab).
  fc
    .record({ url: fc.option(webUrl, { nil: undefined }), frameId })
    .map((s) => ({ sender: { id: self.id, ...s }, kind: null, place: { at: 'nowhere' } as const })),
);

/** Whether a message may be admitted from a sender of this place at all, whatever the payload (tab ids aside). */
function placeAllows(name: MessageName, place: Place): boolean {
  if (place.at === 'nowhere') return false;
  if (place.at === 'frame') return place.served;
  if (place.at === 'embedded') return place.tabServed && (EMBEDDED_MESSAGES.get(place.page) ?? []).includes(name);
  return true;
}

// --- garbage payloads ---

const specials = fc.constantFrom<unknown>(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  2 ** 31,
  '',
  'x'.repeat(1_000_001),
  '\u0000\uffff\ud800',
  [],
  [[[]]],
  {},
  null,
  undefined,
  true,
  0n,
  Symbol.for('taitou'),
  () => 1,
  new Date(Number.NaN),
  new Map([['id', 'a']]),
  Object.create(null),
);
// Keys a careless merge would copy onto Object.prototype; JSON.parse makes `__proto__` an own key, as a message does.
const pollution = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__": {"polluted": "yes", "id": "a"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"__proto__": null, "prototype": {"polluted": "yes"}}'),
  JSON.parse('[{"__proto__": {"polluted": "yes"}}]'),
);
const deep = fc.nat({ max: 3000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { id: 'a', input: value, ids: [value] };
  return value;
});
const anything = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});
const garbage: fc.Arbitrary<unknown> = fc.oneof(anything, specials, pollution, deep);

const numbersPool = [0, 1, 2, 3, 4, 5, 20, 200, 5000];
const stringsPool = ['a', 'nobody', 'main', '北京小米科技有限责任公司', '91110000600037341L'];

/** A payload with the message's own keys, one or more of them garbage: it reaches past the first check. */
function nearMiss(name: MessageName): fc.Arbitrary<unknown> {
  const schema = PROTOCOL[name].data;
  const keys = keysOf(schema);
  const valid = shapedLike(schema, { strings: stringsPool, numbers: numbersPool }, garbage);
  if (keys.length === 0) return fc.oneof(valid, garbage);
  return fc
    .tuple(
      valid,
      fc.subarray(keys, { minLength: 1 }),
      fc.array(fc.oneof(garbage, pollution), { minLength: keys.length }),
    )
    .map(([v, broken, bad]) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? { ...v, ...Object.fromEntries(broken.map((k, i) => [k, bad[i]])) }
        : v,
    );
}

function payloads(name: MessageName): fc.Arbitrary<unknown> {
  const schema = PROTOCOL[name].data;
  const shaped = shapedLike(schema, { strings: stringsPool, numbers: numbersPool }, garbage);
  // Shaped payloads of deep schemas (page:mergeMany) seldom pass whole: some that do keep the accepting path fuzzed.
  return fc.oneof(
    garbage,
    nearMiss(name),
    shaped,
    shaped.filter((v) => schema.safeParse(v).success),
  );
}

const prototypes = () =>
  [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p).join());

describe('admit() under generated garbage', () => {
  const before = prototypes();
  afterEach(() => {
    expect(prototypes()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(NAMES)(
    '%s: returns what the schema accepts or refuses; refuses every sender of the wrong kind or place',
    async (name) => {
      const spec = PROTOCOL[name];
      let admitted = 0;
      await fc.assert(
        fc.asyncProperty(
          payloads(name),
          fc.oneof(senders, ownKind(spec.from)),
          async (data, { sender, kind, place }) => {
            let parsed: unknown;
            try {
              parsed = await admit(name, data, sender, self, reach);
            } catch (error) {
              expect(error).toBeInstanceOf(RefusedMessage);
              // Refused for a reason a sender may see, not a crash inside zod.
              expect((error as Error).message).toMatch(new RegExp(`^${name}: (not accepted|invalid payload)`));
              return;
            }
            admitted += 1;
            expect(kind).toBe(spec.from);
            expect(placeAllows(name, place)).toBe(true);
            // A page inside a tab acts for that tab only.
            const asked = (parsed as { tabId?: number }).tabId;
            if (place.at === 'embedded' && asked !== undefined) expect(asked).toBe(sender.tab?.id);
            expect(spec.data.safeParse(parsed).success).toBe(true);
            expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
          },
        ),
        { numRuns: 100 },
      );
      // The generators reach past the checks for every message, so the properties above are not vacuous.
      expect(admitted).toBeGreaterThan(0);
    },
  );

  it('refuses a message from the wrong kind of sender or from the wrong place even when its payload is valid', async () => {
    const wrong = (name: MessageName, { kind, place }: Labelled) =>
      kind !== PROTOCOL[name].from || !placeAllows(name, place);
    for (const name of NAMES) {
      const spec = PROTOCOL[name];
      const valid = shapedLike(spec.data, { strings: stringsPool, numbers: numbersPool }).filter(
        (v) => spec.data.safeParse(v).success,
      );
      await fc.assert(
        fc.asyncProperty(
          valid,
          senders.filter((s) => wrong(name, s)),
          async (data, { sender }) => {
            await expect(admit(name, data, sender, self, reach)).rejects.toThrow(RefusedMessage);
          },
        ),
        { numRuns: 20 },
      );
    }
  });

  it('admits the inline list and the save prompt for their own tab, and refuses them for any other', async () => {
    for (const [page, names] of EMBEDDED_MESSAGES) {
      for (const name of names) {
        const spec = PROTOCOL[name];
        if (!('tabId' in (spec.data as unknown as { shape: object }).shape)) continue;
        const valid = shapedLike(spec.data, { strings: stringsPool, numbers: numbersPool }).filter(
          (v) => spec.data.safeParse(v).success,
        );
        await fc.assert(
          fc.asyncProperty(valid, fc.nat({ max: 5 }), fc.integer({ min: 1 }), async (data, id, frame) => {
            const sender = {
              id: self.id,
              url: `${self.origin}${page}`,
              tab: { id, url: 'https://erp.example.com/invoice' },
              frameId: frame,
            };
            const mine = (data as { tabId: number }).tabId === id;
            const result = admit(name, data, sender, self, reach);
            if (mine) await expect(result).resolves.toMatchObject({ tabId: id });
            else await expect(result).rejects.toThrow(/for another tab/);
          }),
          { numRuns: 30 },
        );
      }
    }
  });
});

// --- the real handlers over a real book ---

const READ_ONLY = new Set<MessageName>([
  'page:search',
  'page:recent',
  'page:get',
  'page:getMany',
  'page:history',
  'page:bookKeys',
  'page:newest',
  'page:pageOf',
  'page:similar',
  'page:attachments',
  'page:attachment',
  'page:attach',
  'page:detach',
  'page:stats',
  'page:menuState',
  'page:pendingCapture',
  'page:dismissCapture',
  'page:credit',
  'page:customerInvoices',
  'page:customerCredit',
  'page:analytics',
  'cs:menu',
  'cs:warm',
  'cs:capture',
  'cs:issued',
]);

type Snapshot = Map<string, string>;
async function customersOf(db: TaitouDB): Promise<Snapshot> {
  return new Map((await db.getAll('customers')).map((c) => [c.id, JSON.stringify(c)]));
}
function changedBetween(before: Snapshot, after: Snapshot): string[] {
  const ids = new Set([...before.keys(), ...after.keys()]);
  return [...ids].filter((id) => before.get(id) !== after.get(id));
}
const okIds = (r: unknown, pick: (value: never) => string[]) => {
  const result = r as BookResult<never>;
  return result.ok ? pick(result.value) : [];
};

/** The customers a write says it changed (created, updated, deleted); any other change is a bug. */
function reported(name: MessageName, data: Record<string, unknown>, result: unknown, auditOwner: string): string[] {
  const r = result as Record<string, unknown>;
  switch (name) {
    case 'page:create':
    case 'page:saveCapture':
      return okIds(result, (c: { id: string }) => [c.id]);
    case 'page:update':
    case 'page:delete':
      return okIds(result, () => [data.id as string]);
    case 'page:undo':
      return okIds(result, () => [auditOwner]);
    case 'page:bulk':
    case 'page:undoBatch':
      return r.changed as string[];
    case 'page:merge':
      return okIds(result, (v: { merged: { id: string }; deleted: string[] }) => [v.merged.id, ...v.deleted]);
    case 'page:mergeMany':
      return okIds(result, (v: { changed: string[]; deleted: string[] }) => [...v.changed, ...v.deleted]);
    case 'page:fill':
      return r.ok ? [data.id as string] : [];
    default:
      return [];
  }
}

interface Bench {
  db: TaitouDB;
  pools: Pools;
  secrets: string[];
}

/** A fresh book with a few customers, their invoices, a batch to undo, a file and a pending capture in tab 1. */
async function bench(): Promise<
  Bench & { h: Omit<Handlers, VaultMessage>; sent: FillRequest[]; ids: string[]; batch: string }
> {
  const db = await freshBook();
  const sent: FillRequest[] = [];
  // Even tabs have buyer fields and answer a fill; odd ones have none.
  const tabs = async (tabId: number, request: FillRequest) => {
    sent.push(request);
    return tabId % 2 === 0 ? { url: 'https://dppt.guangdong.chinatax.gov.cn:8443/', results: [] } : undefined;
  };
  const heard: MenuBroadcast[] = [];
  const h = handlersFor(db, tabs, async (m) => {
    if (m.type === 'taitou:menu') heard.push(m);
  });
  const inputs = [
    customerInput(),
    customerInput({ name: '上海小米贸易有限公司', taxId: '91310000MA1FL8XQ30' }),
    customerInput({ name: '宁波港湾物流有限公司', taxId: '91330206MA2H3K5P7L', notes: '内部备注' }),
    customerInput({ name: '张三', taxId: '' }),
  ];
  const ids: string[] = [];
  for (const input of inputs) {
    const created = await h['page:create']({ input });
    if (!created.ok) throw new Error('seed failed');
    ids.push(created.value.id);
  }
  for (const buyer of inputs.slice(0, 2)) {
    await h['cs:issued'](
      {
        buyerName: buyer.name,
        buyerTaxId: buyer.taxId ?? '',
        number: '24442000000012345678',
        items: [{ name: '*信息技术服务*软件', amount: 100_000, taxRate: '6%', tax: 6000 }],
      },
      { tabId: 1, frameId: 0 },
    );
  }
  const { batch } = await h['page:bulk']({ ids: ids.slice(0, 2), action: { kind: 'tag', tag: 'VIP' } });
  const file = await h['page:attach']({ customerId: ids[0] ?? '', name: 'licence.pdf', data: btoa('%PDF-1.7\n') });
  const attachmentId = file.ok ? file.value.id : 'none';
  await h['cs:capture'](
    { name: '杭州新客户有限公司', taxId: '91330100MA27XYZ12K', address: '', phone: '', bankName: '', bankAccount: '' },
    { tabId: 1, frameId: 0 },
  );
  const { customers: all } = await listCustomers(db);
  const secrets = all.flatMap((c) => [c.taxId, c.notes, ...c.entries.flatMap((e) => [e.bankAccount, e.address])]);
  return {
    db,
    h,
    sent,
    ids,
    batch,
    secrets: secrets.filter((s) => s.length > 3),
    pools: {
      // Weighted toward what names a record, so that writes succeed as often as they fail.
      strings: [
        ...ids,
        ...ids,
        ...ids,
        ...all.map((c) => c.name),
        ...all.map((c) => c.taxId),
        batch,
        batch,
        attachmentId,
      ].concat(attachmentId, 'main', 'nobody'),
      numbers: [0, 1, 1, 1, 2, 2, 2, 3, 4, 6, 20, 200],
    },
  };
}

/**
 * Admits `raw` from a sender of the message's own kind and runs the real handler: it must answer (a failure in the
 * book's terms is an answer), change only the customers it reports, and tell a content script nothing of the book.
 */
async function call(
  b: Bench & { h: Omit<Handlers, VaultMessage> },
  name: Exclude<MessageName, VaultMessage>,
  raw: unknown,
  origin: Origin = {},
) {
  const sender =
    PROTOCOL[name].from === 'extensionPage'
      ? { id: self.id, url: `${self.origin}popup.html` }
      : { id: self.id, url: 'https://dppt.guangdong.chinatax.gov.cn/', tab: { id: origin.tabId } };
  const data = await admit(name, raw, sender, self, reach);
  const seq = (data as { seq?: unknown }).seq;
  const auditOwner = typeof seq === 'number' ? ((await b.db.get('audit', seq))?.customerId ?? '') : '';
  const before = await customersOf(b.db);
  const handler = b.h[name] as (d: unknown, o?: Origin) => Promise<unknown>;
  const result = await handler(data, origin);

  const changed = changedBetween(before, await customersOf(b.db));
  const allowed = READ_ONLY.has(name) ? [] : reported(name, data as Record<string, unknown>, result, auditOwner);
  if (name === 'page:loadSamples') {
    // The samples are new customers; none already in the book changes.
    expect(changed.filter((id) => before.has(id))).toEqual([]);
    expect(changed.length).toBe((result as { added: number }).added);
  } else {
    expect(changed.filter((id) => !allowed.includes(id))).toEqual([]);
  }
  // A failed write says why, in the book's own terms.
  const failed = result as { ok?: unknown; error?: { code: string }; reason?: string } | null;
  if (failed?.ok === false) {
    expect(['conflict', 'duplicateTaxId', 'notFound', 'invalid', 'badFile', 'noFields']).toContain(
      failed.error?.code ?? failed.reason,
    );
  }
  if (name.startsWith('cs:')) {
    // A content script learns whether to prompt, and nothing about any customer.
    if (name === 'cs:capture') {
      expect(Object.keys(result as object)).toEqual(['prompt']);
      expect(typeof (result as { prompt: unknown }).prompt).toBe('boolean');
    } else {
      expect(result).toBeNull();
    }
  }
  return { result, changed };
}

/** Customer inputs as a page might send them, broken or not: z.unknown() lets anything through to the book. */
const inputs = fc.oneof(
  garbage,
  fc
    .record({
      name: fc.oneof(fc.string({ maxLength: 400 }), garbage),
      taxId: fc.oneof(fc.constantFrom('91110000600037341L', '', '91330206MA2H3K5P7L'), fc.string(), garbage),
      notes: fc.oneof(fc.string(), garbage),
      entries: fc.oneof(fc.constant(customerInput().entries), fc.array(garbage, { maxLength: 3 }), garbage),
    })
    .map((over) => ({ ...customerInput(), ...over })),
  fc.constantFrom(customerInput({ name: '新客户有限公司', taxId: '' }), customerInput()),
);

describe('the real handlers under admitted payloads', () => {
  let b: Awaited<ReturnType<typeof bench>>;
  beforeAll(async () => {
    b = await bench();
  });

  // The lock's own messages change the state of the whole book (sealed, locked): tests/unit/background/vault-service
  // fuzzes them, each run on a book of its own.
  it.each(NAMES.filter((name): name is Exclude<MessageName, VaultMessage> => !isVaultMessage(name)))(
    '%s: answers or fails cleanly, and changes only the customers it says it wrote',
    async (name) => {
      const spec = PROTOCOL[name];
      const shaped = shapedLike(spec.data, b.pools, inputs);
      const admitted = shaped.filter((v) => spec.data.safeParse(v).success);
      const origins = fc.record(
        { tabId: fc.option(fc.nat({ max: 3 }), { nil: undefined }), frameId: fc.option(fc.nat(2), { nil: undefined }) },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(admitted, origins, async (raw, origin: Origin) => {
          await call(b, name, raw, origin);
        }),
        { numRuns: READ_ONLY.has(name) ? 25 : 60 },
      );
      // Whatever was written still reads back as a valid customer.
      const book = await listCustomers(b.db);
      expect(book.quarantined).toEqual([]);
      for (const c of book.customers) expect(CustomerSchema.safeParse(c).success).toBe(true);
    },
  );

  it('sends a tab the fill values of the one customer asked for, never another', async () => {
    const [first] = b.pools.strings;
    const asked = await b.h['page:get']({ id: first ?? '' });
    const sentBefore = b.sent.length;
    await b.h['page:fill']({ tabId: 2, id: first ?? '' });
    const sent = b.sent.slice(sentBefore);
    if (asked) expect(JSON.stringify(sent)).toContain(asked.name);
    expect(JSON.stringify(sent)).not.toContain('内部备注');
    for (const other of b.secrets.filter((s) => asked && !JSON.stringify(asked).includes(s))) {
      expect(JSON.stringify(sent)).not.toContain(other);
    }
  });
});

describe('the real handlers at the edges', () => {
  it('writes what a current revision asks, refuses stale ones and unknown ids, and takes empty and longest lists', async () => {
    const b = await bench();
    const [a = '', c = '', d = '', e = ''] = b.ids;
    const okOf = async (name: Exclude<MessageName, VaultMessage>, raw: unknown, origin?: Origin) =>
      ((await call(b, name, raw, origin)).result as { ok: boolean }).ok;

    // a and c carry the VIP tag from the bench: revision 2; d and e are at 1.
    expect(await okOf('page:update', { id: a, revision: 1, input: customerInput() })).toBe(false);
    expect(await okOf('page:update', { id: 'nobody', revision: 1, input: customerInput() })).toBe(false);
    expect(await okOf('page:update', { id: d, revision: 1, input: { name: '' } })).toBe(false);
    const renamed = await call(b, 'page:update', {
      id: d,
      revision: 1,
      input: customerInput({ name: '宁波港湾物流股份有限公司', taxId: '91330206MA2H3K5P7L' }),
    });
    expect(renamed.changed).toEqual([d]);
    expect(await okOf('page:delete', { id: e, revision: 2 })).toBe(false);
    expect((await call(b, 'page:delete', { id: e, revision: 1 })).changed).toEqual([e]);

    expect((await call(b, 'page:bulk', { ids: [], action: { kind: 'delete' } })).changed).toEqual([]);
    expect(
      (await call(b, 'page:bulk', { ids: ['nobody', 'x'.repeat(100)], action: { kind: 'delete' } })).changed,
    ).toEqual([]);
    expect((await call(b, 'page:undoBatch', { batch: 'nobody' })).changed).toEqual([]);
    expect(await okOf('page:undo', { seq: 0 })).toBeTypeOf('boolean');
    expect(await okOf('page:undo', { seq: Number.MAX_SAFE_INTEGER })).toBe(false);

    const stale = {
      members: [
        { id: a, revision: 1 },
        { id: c, revision: 2 },
      ],
      survivorId: a,
    };
    expect(await okOf('page:merge', stale)).toBe(false);
    // The auto-merge skips a group that changed under it: one conflict, nothing written.
    expect(await call(b, 'page:mergeMany', { groups: [stale] })).toMatchObject({
      result: { ok: true, value: { merged: 0, conflicts: 1 } },
      changed: [],
    });
    expect(await okOf('page:merge', { ...stale, survivorId: 'nobody' })).toBe(false);
    const merged = await call(b, 'page:merge', {
      members: [
        { id: a, revision: 2 },
        { id: c, revision: 2 },
      ],
      survivorId: a,
    });
    expect((merged.result as { ok: boolean }).ok).toBe(true);
    expect(merged.changed.sort()).toEqual([a, c].sort());

    expect(await call(b, 'page:getMany', { ids: [] })).toMatchObject({ result: [] });
    expect(await call(b, 'page:credit', { ids: [] })).toMatchObject({ result: {} });
    await call(b, 'page:getMany', { ids: Array.from({ length: 5000 }, (_, i) => `id-${i}`) });
    await call(b, 'page:search', { query: '款'.repeat(200), limit: 200 });
    await call(b, 'page:pageOf', { after: 'x'.repeat(100), limit: 5000 });
    await call(b, 'page:similar', { name: '有限公司'.repeat(75), taxId: '9'.repeat(40) });
    await call(b, 'page:customerInvoices', { id: a, offset: Number.MAX_SAFE_INTEGER, limit: 200 });
    await call(b, 'page:customerCredit', { id: 'nobody', limit: { amount: Number.MAX_VALUE, period: 'month' } });
    expect(await okOf('page:attach', { customerId: 'nobody', name: 'a.pdf', data: btoa('%PDF-1.7') })).toBe(false);
    expect(await okOf('page:attach', { customerId: d, name: 'a.pdf', data: '' })).toBe(false);
    await call(b, 'page:detach', { id: 'nobody' });

    expect((await call(b, 'page:fill', { tabId: 1, id: d })).changed).toEqual([]);
    expect((await call(b, 'page:fill', { tabId: 2, id: d })).changed).toEqual([d]);
    expect(
      await call(b, 'cs:capture', { name: '', taxId: '', address: '', phone: '', bankName: '', bankAccount: '' }),
    ).toMatchObject({ result: { prompt: false } });
    expect(await okOf('page:saveCapture', { tabId: 3 })).toBe(false);
    expect(await okOf('page:saveCapture', { tabId: 1, into: 'nobody' })).toBe(false);
    expect((await call(b, 'page:saveCapture', { tabId: 1 })).changed).toHaveLength(1);
  });
});
