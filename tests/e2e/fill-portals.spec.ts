import { SAMPLE_CUSTOMERS } from '../../lib/demo/samples';
import type { FieldRole } from '../../lib/fill/roles';
import { fillActiveTab, onPlatformHost, searchInPopup } from '../support/demo-flow';
import { EXPECTED, frameOf, runFixtureStep } from '../support/expected-roles';
import { startPortalServer } from '../support/portal-server';
import { expect, test } from './fixtures';

// The extension filling every fixture portal through the popup, asserting on what each page's framework holds when
// the form is submitted (window.__submitted), that honeypots stay empty and that the distractor gets nothing.

let portal: Awaited<ReturnType<typeof startPortalServer>>;
test.beforeAll(async () => {
  portal = await startPortalServer();
});
test.afterAll(async () => {
  await portal.close();
});

const customer = SAMPLE_CUSTOMERS[0];
const entry = customer?.entries[0];
if (!customer || !entry) throw new Error('the samples changed: this spec fills with the first sample');
const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');
const EXPECTED_VALUE: Record<FieldRole, string | boolean> = {
  name: customer.name,
  taxId: customer.taxId ?? '',
  address: entry.address ?? '',
  phone: entry.phone ?? '',
  addressPhone: joined(entry.address, entry.phone),
  bankName: entry.bankName ?? '',
  bankAccount: entry.bankAccount ?? '',
  bankNameAccount: joined(entry.bankName, entry.bankAccount),
  email: customer.email ?? '',
  mobile: customer.mobile ?? '',
  naturalPerson: false,
  // The sample's own invoice defaults (no tier defaults are set here): 专票, no remarks, no show flags.
  invoiceType: customer.invoiceDefaults?.type === 'special',
  remarks: customer.invoiceDefaults?.remarks ?? '',
  showAddressPhone: false,
  showBankAccount: false,
};

const valueAt = (data: unknown, path: string) =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], data);

for (const fixture of EXPECTED.pages.filter((p) => p.page !== 'dppt-blue-invoice')) {
  test(`fills ${fixture.page} so that its framework holds the values`, async ({ extension }) => {
    const page = await extension.context.newPage();
    const [path, hash] = fixture.url.split('#');
    await page.goto(onPlatformHost(portal.url, `${path}${hash ? `#${hash}` : ''}`));
    for (const step of fixture.reach) await runFixtureStep(page, step);

    // What the fields that must stay untouched hold before the fill (the seller's, search boxes, line items).
    const untouched = fixture.fields.filter((f) => f.role === 'none' && !f.closed && !f.honeypot);
    const currentValue = async (field: (typeof untouched)[number]) => {
      const frame = await frameOf(page, field.frames);
      const scope = field.shadowHost ? frame.locator(field.shadowHost) : frame;
      return scope.locator(field.selector).evaluate((el) => (el as HTMLInputElement).value);
    };
    const before = await Promise.all(untouched.map(currentValue));

    const popup = await searchInPopup(extension, customer.taxId ?? '');
    await expect(popup.getByRole('option')).toHaveCount(1);
    await fillActiveTab(popup, page);
    const status = (await popup.getByRole('status').textContent()) ?? '';
    expect(await Promise.all(untouched.map(currentValue))).toEqual(before);
    const buyerFields = fixture.fields.filter((f) => f.role !== 'none');
    if (buyerFields.length === 0) expect(status).toBe('当前网页没有找到购买方信息栏');
    else expect(status).toMatch(/^已填入 \d+ 项/);

    await runFixtureStep(page, fixture.submit);
    const frame = await frameOf(page, fixture.submittedFrames);
    const submitted = await (
      await frame.waitForFunction(() => (window as { __submitted?: unknown }).__submitted)
    ).jsonValue();
    for (const field of fixture.fields) {
      if (!field.submittedKey) continue;
      const got = valueAt(submitted, field.submittedKey);
      if (field.role !== 'none') {
        const want = EXPECTED_VALUE[field.role];
        const shown = typeof want === 'boolean' ? (want ? field.checkedValue : field.uncheckedValue) : want;
        expect(got, `${field.label} (${field.submittedKey})`).toEqual(shown ?? want);
      } else if (field.honeypot) {
        expect(got, `honeypot ${field.label}`).toBe('');
      }
    }
  });
}
