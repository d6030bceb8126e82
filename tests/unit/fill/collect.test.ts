// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collect, factsOf, inferLabel, inferSection } from '../../../lib/fill/collect';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}
const input = (selector: string) => document.querySelector(selector) as HTMLInputElement;

describe('labels without <label for>', () => {
  it('reads component-library form-item labels', () => {
    page(`
      <div class="t-form__item"><label class="t-form__label">名称</label>
        <div class="t-form__controls"><div class="t-input"><input id="a"></div></div></div>
      <div class="el-form-item"><label class="el-form-item__label">开户行及账号：</label>
        <div class="el-form-item__content"><input id="b"></div></div>
      <div class="ant-form-item"><div class="ant-form-item-label"><label>* 购方税号</label></div>
        <div class="ant-form-item-control"><input id="c"></div></div>`);
    expect(['#a', '#b', '#c'].map((s) => inferLabel(input(s)))).toEqual(['名称', '开户行及账号', '购方税号']);
  });

  it('reads the table cell to the left, a dt, sibling text and an enclosing label', () => {
    page(`
      <table><tr><td>购方名称</td><td><input id="a"></td></tr></table>
      <dl><dt>纳税人识别号</dt><dd><input id="b"></dd></dl>
      <p>地址、电话：<input id="c"></p>
      <label>银行账号 <input id="d"></label>`);
    expect(['#a', '#b', '#c', '#d'].map((s) => inferLabel(input(s)))).toEqual([
      '购方名称',
      '纳税人识别号',
      '地址、电话',
      '银行账号',
    ]);
  });
});

describe('sections', () => {
  it('finds the card header before the block that holds the field', () => {
    page(`
      <div class="t-card"><div class="t-card__header">购买方信息</div>
        <div class="t-card__body"><form><div><div><input id="buyer"></div></div></form></div></div>
      <div class="t-card"><div class="t-card__header">销售方信息</div>
        <div class="t-card__body"><form><div><div><input id="seller"></div></div></form></div></div>
      <fieldset><legend>购货单位</legend><div><input id="legacy"></div></fieldset>`);
    expect(['#buyer', '#seller', '#legacy'].map((s) => inferSection(input(s)))).toEqual([
      '购买方信息',
      '销售方信息',
      '购货单位',
    ]);
  });
});

describe('collect', () => {
  it('finds controls in open shadow roots, and in closed ones only with an opener', () => {
    page('<div id="open"></div><div id="closed"></div><input name="gfmc">');
    const open = (document.getElementById('open') as HTMLElement).attachShadow({ mode: 'open' });
    open.innerHTML = '<label>购方税号 <input name="gfsh"></label>';
    const closed = (document.getElementById('closed') as HTMLElement).attachShadow({ mode: 'closed' });
    closed.innerHTML = '<input name="gfdzdh">';
    expect(collect(document).map((f) => f.facts.name)).toEqual(['gfsh', 'gfmc']);
    const opener = (host: Element) => (host.id === 'closed' ? closed : host.shadowRoot);
    expect(collect(document, opener).map((f) => f.facts.name)).toEqual(['gfsh', 'gfdzdh', 'gfmc']);
    expect(factsOf(input('input[name="gfmc"]'))).toMatchObject({ kind: 'input', type: 'text', maxLength: null });
  });
});
