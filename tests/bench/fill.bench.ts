// Runs inside a portal page (bundled by fill-run.ts): how long the fill engine takes where the clerk waits for it.
import { classify } from '../../lib/fill/classify';
import { factsOf } from '../../lib/fill/collect';
import { fillBuyer, findBuyerFields } from '../../lib/fill/fill';
import type { FillValues } from '../../lib/fill/values';
import { isVisible } from '../../lib/fill/visible';
import { type Stats, stats } from './stats';

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const customer = (n: number): FillValues => ({
  customerId: `c${n}`,
  name: `杭州西湖龙井茶业有限公司${n}`,
  taxId: n % 2 ? '913301061430725976' : '91110000600037341L',
  address: `杭州市西湖区龙井路${n}号`,
  phone: `0571-8888${String(n % 10000).padStart(4, '0')}`,
  bankName: '杭州银行西湖支行',
  bankAccount: `330104016000${String(n).padStart(7, '0')}`,
  email: '',
  mobile: '',
  naturalPerson: false,
});

/** Fills the open form `times` times with alternating customers; every fill writes and re-reads every field. */
export function benchFill(times: number): { fill: Stats; fieldsPerFill: number; verified: number } {
  const samples: number[] = [];
  let fieldsPerFill = 0;
  let verified = 0;
  for (let i = 0; i < times; i++) {
    let results: ReturnType<typeof fillBuyer> = [];
    samples.push(time(() => (results = fillBuyer(document, customer(i)))));
    fieldsPerFill = results.filter((r) => r.role !== 'naturalPerson').length;
    verified = results.filter((r) => r.status === 'verified' && r.role !== 'naturalPerson').length;
  }
  return { fill: stats(samples), fieldsPerFill, verified };
}

/**
 * A page with `inputs` labelled inputs in a table plus a buyer block: the cost of finding the buyer fields (what a
 * fill does first) and of the per-focus check that decides whether the inline list opens.
 */
export function benchLargePage(inputs: number, runs: number): { collect: Stats; focusCheck: Stats } {
  const table = document.createElement('table');
  for (let i = 0; i < inputs; i++) {
    const row = table.insertRow();
    row.insertCell().textContent = i % 50 === 0 ? '购方名称' : `项目${i}`;
    const input = document.createElement('input');
    input.name = i % 50 === 0 ? `gfmc${i}` : `item${i}`;
    row.insertCell().append(input);
  }
  document.body.append(table);
  const collect = Array.from({ length: runs }, () => time(() => findBuyerFields(document)));
  const controls = [...table.querySelectorAll('input')];
  const focusCheck = controls.map((el) => time(() => classify(factsOf(el)) && isVisible(el)));
  table.remove();
  return { collect: stats(collect), focusCheck: stats(focusCheck) };
}
