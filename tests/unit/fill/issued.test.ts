// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fenOf, readIssuedItems, whenIssued } from '../../../lib/fill/issued';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('reading the items of an issued invoice', () => {
  it('reads yuan as fen exactly', () => {
    expect([fenOf('1,234.5'), fenOf('¥0.29'), fenOf('-20'), fenOf('１2'), fenOf(''), fenOf('1.234')]).toEqual([
      123450,
      29,
      -2000,
      null,
      null,
      null,
    ]);
  });

  it('reads an editable table, working the tax out from the rate', () => {
    const doc = page(`
      <table class="items-table">
        <thead><tr><th>序号</th><th>项目名称</th><th>金额（不含税）</th><th>税率</th></tr></thead>
        <tbody>
          <tr><td>1</td><td><input value="*信息技术服务*软件开发"></td><td><input value="10000.00"></td><td>6%</td></tr>
          <tr><td>2</td><td><input value="*经纪代理服务*代理费"></td><td><input value="333.33"></td><td>6%</td></tr>
          <tr><td>3</td><td><input value=""></td><td><input value=""></td><td>13%</td></tr>
        </tbody>
      </table>`);
    expect(readIssuedItems(doc)).toEqual([
      { name: '*信息技术服务*软件开发', amount: 1_000_000, taxRate: '6%', tax: 60_000 },
      { name: '*经纪代理服务*代理费', amount: 33_333, taxRate: '6%', tax: 2000 },
    ]);
  });

  it('reads a table split into header and body (Element), with amounts including tax and a stated tax', () => {
    const doc = page(`
      <div class="el-table">
        <div class="el-table__header-wrapper"><table><thead><tr>
          <th>货物或应税劳务、服务名称</th><th>税率</th><th>金额（含税）</th><th>税额</th>
        </tr></thead></table></div>
        <div class="el-table__body-wrapper"><table><tbody>
          <tr><td>办公用品</td><td>13%</td><td>1,130.00</td><td>130.00</td></tr>
          <tr><td>咨询费</td><td>6%</td><td>106.00</td><td></td></tr>
        </tbody></table></div>
      </div>
      <table><thead><tr><th>名称</th><th>金额</th></tr></thead><tbody><tr><td>x</td><td>1</td></tr></tbody></table>`);
    expect(readIssuedItems(doc)).toEqual([
      { name: '办公用品', amount: 100_000, taxRate: '13%', tax: 13_000 },
      { name: '咨询费', amount: 10_000, taxRate: '6%', tax: 600 },
    ]);
  });

  it('finds nothing on a page without an items table', () => {
    expect(readIssuedItems(page('<table><thead><tr><th>名称</th><th>税号</th></tr></thead></table>'))).toEqual([]);
  });
});

describe('waiting for the page to say the invoice was issued', () => {
  it('calls back once, with the number the page shows', async () => {
    const doc = page('<div id="app"></div>');
    const numbers: string[] = [];
    whenIssued(doc, new AbortController().signal, (n) => numbers.push(n));
    const note = doc.createElement('div');
    note.textContent = '正在开具…';
    doc.body.append(note);
    const done = doc.createElement('div');
    done.textContent = '发票开具成功，发票号码：26112000000012345678';
    doc.body.append(done);
    doc.body.append(done.cloneNode(true));
    await new Promise((r) => setTimeout(r, 0));
    expect(numbers).toEqual(['26112000000012345678']);
  });

  it('says nothing when the issue failed or the wait was given up', async () => {
    const doc = page('<div id="app"></div>');
    const numbers: string[] = [];
    const stop = new AbortController();
    whenIssued(doc, stop.signal, (n) => numbers.push(n));
    const error = doc.createElement('div');
    error.textContent = '开具失败：购买方名称不能为空';
    doc.body.append(error);
    await new Promise((r) => setTimeout(r, 0));
    stop.abort();
    const late = doc.createElement('div');
    late.textContent = '开具成功';
    doc.body.append(late);
    await new Promise((r) => setTimeout(r, 0));
    expect(numbers).toEqual([]);
  });
});
