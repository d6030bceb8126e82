import { describe, expect, it } from 'vitest';
import { translator } from '../../../lib/i18n/messages';

describe('translator', () => {
  const t = translator('zh-CN');

  it('puts values into the sentence as they are', () => {
    expect(t('saved', { name: '北京小米科技有限责任公司' })).toBe('已保存：北京小米科技有限责任公司');
  });

  it('isolates a value carrying direction controls, so that it cannot turn the rest of the sentence around', () => {
    const name = '\u202e某某公司';
    const text = t('saved', { name });
    expect(text).toBe(`已保存：\u2068${name}\u2069`);
    // What follows the value stays outside the isolate.
    expect(t('samplesLoaded', { added: 3 })).not.toContain('\u2068');
  });
});
