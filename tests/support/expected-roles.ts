import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { z } from 'zod';
import { FIELD_ROLES } from '../../lib/fill/roles';

// tests/fixtures/portals/expected-roles.json: every control of every fixture portal with the role the fill engine
// should give it, and how to reach each form. Shared by the fixture spec and the field-accuracy spec.

export const Step = z.strictObject({
  action: z.enum(['click', 'waitFor']),
  frames: z.array(z.string()),
  selector: z.string(),
  text: z.string().optional(),
});
export const Field = z.strictObject({
  frames: z.array(z.string()),
  shadowHost: z.string().nullable(),
  closed: z.boolean().optional(),
  selector: z.string(),
  role: z.union([z.enum(FIELD_ROLES), z.literal('none')]),
  label: z.string(),
  submittedKey: z.string().optional(),
  checkedValue: z.union([z.string(), z.boolean()]).optional(),
  uncheckedValue: z.union([z.string(), z.boolean()]).optional(),
  visible: z.boolean(),
  /** Selector (for element.closest) of what a person sees in place of a covered or visually hidden control. */
  visibleVia: z.string().optional(),
  honeypot: z.boolean().optional(),
});
export const PortalPage = z.strictObject({
  page: z.string(),
  description: z.string(),
  url: z.string(),
  reach: z.array(Step),
  expand: z.array(Step),
  submit: Step.omit({ action: true }),
  submittedFrames: z.array(z.string()),
  fields: z.array(Field),
});
export const ExpectedRoles = z.object({ version: z.literal(1), pages: z.array(PortalPage) });
export type Step = z.infer<typeof Step>;
export type Field = z.infer<typeof Field>;
export type PortalPage = z.infer<typeof PortalPage>;

export const EXPECTED = ExpectedRoles.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/portals/expected-roles.json'), 'utf8')),
);

/** The frame reached through a list of iframe selectors from the top page (same- or cross-origin). */
export async function frameOf(page: Page, path: string[]): Promise<Frame> {
  let frame = page.mainFrame();
  for (const selector of path) {
    const handle = await frame.waitForSelector(selector, { state: 'attached' });
    const child = await handle.contentFrame();
    await handle.dispose();
    if (!child) throw new Error(`${selector} in ${frame.url()} has no document`);
    frame = child;
  }
  return frame;
}

/** Performs one reach/expand/submit step. */
export async function runFixtureStep(page: Page, step: Omit<Step, 'action'> & { action?: Step['action'] }) {
  const frame = await frameOf(page, step.frames);
  let target = frame.locator(step.selector);
  if (step.text) target = target.filter({ hasText: step.text });
  if (step.action === 'waitFor') await target.first().waitFor();
  else await target.click();
}

/** Opens a fixture portal from `base` and walks to its form. */
export async function openFixture(page: Page, base: string, p: PortalPage, query = ''): Promise<void> {
  const [path, hash = ''] = p.url.split('#');
  await page.goto(`${base}${path}${query}${hash ? `#${hash}` : ''}`);
  for (const step of p.reach) await runFixtureStep(page, step);
}
