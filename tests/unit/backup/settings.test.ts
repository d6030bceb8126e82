import { describe, expect, it } from 'vitest';
import type { BackupSettings } from '../../../lib/backup/format';
import { parseBackup } from '../../../lib/backup/format';
import { restorableSettings } from '../../../lib/backup/settings';
import { LOCALE_KEY } from '../../../lib/i18n/stored-locale';
import { MAX_COLUMNS } from '../../../lib/import/limits';
import { MAPPING_PREFIX, mappingKey } from '../../../lib/import/mapping';
import { TIERS_KEY } from '../../../lib/settings/tiers';

const MAPPING = mappingKey(['名称', '税号', '地址电话']);

describe('restorableSettings', () => {
  it('keeps the language and the column mappings that check out', () => {
    const settings: BackupSettings = {
      [LOCALE_KEY]: 'en',
      [MAPPING]: ['name', 'taxId', 'addressPhone'],
      [mappingKey(['客户', '备注'])]: ['name', null],
    };
    expect(restorableSettings(settings)).toEqual(settings);
    expect(restorableSettings({ [LOCALE_KEY]: 'zh-CN' })).toEqual({ [LOCALE_KEY]: 'zh-CN' });
  });

  it('keeps tiers that check out and drops those that do not', () => {
    const strategic = {
      id: '战略客户',
      label: '战略客户',
      defaults: { invoiceType: 'special', remarks: '', showAddressBank: true },
    };
    const tiers: BackupSettings[string] = [
      { id: 'normal', label: '普通', defaults: { invoiceType: null, remarks: '' } },
      { id: 'vip', label: 'VIP', defaults: { invoiceType: 'special', remarks: '合同号 {合同号}' } },
      strategic,
    ];
    expect(restorableSettings({ [TIERS_KEY]: tiers })).toEqual({ [TIERS_KEY]: tiers });
    const bads: BackupSettings[string][] = [
      [{ id: '', label: 'x' }],
      [strategic, strategic],
      'vip',
      [{ id: 'a', label: 'b', defaults: { invoiceType: 'red' } }],
    ];
    for (const bad of bads) {
      expect(restorableSettings({ [TIERS_KEY]: bad })).toEqual({});
    }
  });

  it('drops a language Taitou does not speak', () => {
    for (const locale of ['fr', 'EN', 'zh-cn', 'zh', '', 1, null, ['en'], { value: 'en' }]) {
      expect(restorableSettings({ [LOCALE_KEY]: locale, [MAPPING]: ['name'] })).toEqual({ [MAPPING]: ['name'] });
    }
  });

  it('drops a mapping that does not check out', () => {
    const bad: BackupSettings[] = [
      { [MAPPING]: ['name', 'fax'] },
      { [MAPPING]: 'name,taxId' },
      { [MAPPING]: { 0: 'name' } },
      { [MAPPING]: Array.from({ length: MAX_COLUMNS + 1 }, () => 'name') },
      { [`${MAPPING_PREFIX}${'x'.repeat(4096)}`]: ['name'] },
    ];
    for (const settings of bad) expect(restorableSettings(settings)).toEqual({});
    const longest = `${MAPPING_PREFIX}${'x'.repeat(4096 - MAPPING_PREFIX.length)}`;
    expect(restorableSettings({ [longest]: ['name'] })).toEqual({ [longest]: ['name'] });
  });

  it('drops every key it does not know', () => {
    expect(
      restorableSettings({
        [LOCALE_KEY]: 'en',
        theme: 'dark',
        'sync:token': 'secret',
        mapping: ['name'],
        'Mapping:["名称"]': ['name'],
        [`x${MAPPING}`]: ['name'],
      }),
    ).toEqual({ [LOCALE_KEY]: 'en' });
  });

  it('keeps nothing odd from a hand-edited file, __proto__ included, and leaves the settings given alone', () => {
    const text = JSON.stringify({
      format: 'taitou-backup',
      version: 2,
      createdAt: 0,
      customers: [],
      audit: [],
      quarantine: [],
      attachments: [],
    }).replace(
      '"customers"',
      `"settings":{"__proto__":{"polluted":true},"locale":"en","constructor":1,${JSON.stringify(MAPPING)}:["name"]},"customers"`,
    );
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const before = structuredClone(parsed.backup.settings);
    const kept = restorableSettings(parsed.backup.settings);
    expect(kept).toEqual({ [LOCALE_KEY]: 'en', [MAPPING]: ['name'] });
    expect(Object.keys(kept)).toEqual([LOCALE_KEY, MAPPING]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed.backup.settings).toEqual(before);
  });
});
