// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/fill/classify';
import { factsOf } from '../../../lib/fill/collect';
import { chooseOption, chooseRadio, namesType } from '../../../lib/fill/insert';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}
const el = <T extends Element>(selector: string) => document.querySelector(selector) as T;

describe('radios and selects of the invoice type', () => {
  it("reads a radio's group label and its own text as its option", () => {
    page(`
      <div class="t-dialog"><div class="t-dialog__header">选择票类</div>
        <div class="t-dialog__body"><div class="t-radio-group">
          <label class="t-radio"><input type="radio" class="t-radio__former" value="normal"><span>普通发票</span></label>
          <label class="t-radio"><input type="radio" class="t-radio__former" value="special"><span>增值税专用发票</span></label>
        </div></div></div>
      <div class="el-form-item"><label class="el-form-item__label">票种</label>
        <div class="el-form-item__content"><div class="el-radio-group">
          <label><input type="radio" name="pz" id="p1">数电专票</label><label><input type="radio" name="pz" id="p2">数电普票</label>
        </div></div></div>
      <fieldset><legend>是否开票给自然人</legend><label><input type="radio" name="zrr" id="z1">是</label></fieldset>`);
    const dialog = factsOf(el('input[value="special"]'));
    expect(dialog).toMatchObject({ kind: 'radio', label: '选择票类', options: ['增值税专用发票'] });
    expect(classify(dialog)).toBe('invoiceType');
    expect(factsOf(el('#p2'))).toMatchObject({ kind: 'radio', label: '票种', options: ['数电普票'] });
    expect(classify(factsOf(el('#p2')))).toBe('invoiceType');
    // A yes/no radio about something else is no field of ours.
    expect(classify(factsOf(el('#z1')))).toBeNull();
  });

  it('tells the types apart by what the options say', () => {
    expect(namesType('数电发票（增值税专用发票）', 'special')).toBe(true);
    expect(namesType('数电发票（增值税专用发票）', 'normal')).toBe(false);
    expect(namesType('增值税普通发票', 'normal')).toBe(true);
    expect(namesType('普票', 'normal')).toBe(true);
    expect(namesType('专票', 'special')).toBe(true);
    expect(namesType('机动车销售统一发票', 'normal')).toBe(false);
  });

  it('picks the option of a native select and fires change for the page', () => {
    page(`<select name="fplx"><option value="2" selected>增值税普通发票</option>
      <option value="0">增值税专用发票</option></select>`);
    const select = el<HTMLSelectElement>('select');
    const heard: string[] = [];
    select.addEventListener('change', () => heard.push(select.value));
    expect(chooseOption(select, 'special')).toBe('verified');
    expect(select.value).toBe('0');
    expect(heard).toEqual(['0']);
    expect(chooseOption(select, 'normal')).toBe('verified');
    expect(select.value).toBe('2');
  });

  it('is rejected where no option names the type', () => {
    page('<select><option value="a">机动车销售统一发票</option></select>');
    expect(chooseOption(el<HTMLSelectElement>('select'), 'special')).toBe('rejected');
  });

  it('clicks the label of the radio that names the type, as a person would', () => {
    page(`<label><input type="radio" name="t" id="n" checked>普通发票</label>
      <label><input type="radio" name="t" id="s">增值税专用发票</label>`);
    const radios = [
      { radio: el<HTMLInputElement>('#n'), text: '普通发票' },
      { radio: el<HTMLInputElement>('#s'), text: '增值税专用发票' },
    ];
    // Where a person clicks: the label (TDesign listens there, not on its hidden native radio).
    let labelClicks = 0;
    el('#s')
      .closest('label')
      ?.addEventListener('click', () => labelClicks++);
    expect(chooseRadio(radios, 'special')).toBe('verified');
    expect([el<HTMLInputElement>('#n').checked, el<HTMLInputElement>('#s').checked]).toEqual([false, true]);
    expect(labelClicks).toBeGreaterThanOrEqual(1);
    expect(chooseRadio(radios.slice(0, 1), 'special')).toBe('rejected');
  });
});
