// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Bars, fitLabel } from '../../../components/charts/Bars';
import { ChartFrame } from '../../../components/charts/ChartFrame';
import { Sparkline } from '../../../components/charts/Sparkline';

afterEach(cleanup);

const TABLE = {
  name: '月度',
  header: 0,
  rows: [
    ['月份', '合计金额（元）'],
    ['2025-01', '100.00'],
    ['2025-02', '-20.00'],
  ],
};
const texts = { show: '显示数据', hide: '隐藏数据' };

describe('chart components', () => {
  it('draw one bar per item, a negative one apart, as one image with its summary', () => {
    const { container } = render(
      <Bars
        layout="columns"
        summary="两个月，合计 80.00 元"
        items={[
          { id: '2025-01', label: '2025-01', value: 10_000, text: '100.00' },
          { id: '2025-02', label: '2025-02', value: -2_000, text: '-20.00' },
        ]}
      />,
    );
    expect(screen.getByRole('img', { name: '两个月，合计 80.00 元' })).toBeTruthy();
    const rects = [...container.querySelectorAll('rect')];
    expect(rects.map((r) => r.getAttribute('class'))).toEqual(['bar', 'bar negative']);
    expect(rects[0]?.querySelector('title')?.textContent).toBe('2025-01: 100.00');
  });

  it('write row labels cut to fit, with the value beside each bar', () => {
    const name = '北京小米科技有限责任公司上海分公司';
    const { container } = render(
      <Bars layout="rows" summary="前 1 名" items={[{ id: 'c:1', label: name, value: 5, text: '0.05' }]} />,
    );
    expect(container.querySelector('text.label')?.textContent).toBe(fitLabel(name));
    expect(fitLabel(name).length).toBe(13);
    expect(container.querySelector('text.value')?.textContent).toBe('0.05');
  });

  it('show the numbers as a real table behind a toggle button', () => {
    render(
      <ChartFrame id="months" title="月度金额" table={TABLE} texts={texts}>
        <svg role="img" aria-label="图" />
      </ChartFrame>,
    );
    expect(screen.queryByRole('table')).toBeNull();
    const toggle = screen.getByRole('button', { name: '显示数据' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const table = screen.getByRole('table', { name: '月度金额' });
    expect(toggle.getAttribute('aria-controls')).toBe(table.id);
    expect(screen.getByRole('button', { name: '隐藏数据' }).getAttribute('aria-expanded')).toBe('true');
    expect([...table.querySelectorAll('tr')].map((tr) => tr.textContent)).toEqual([
      '月份合计金额（元）',
      '2025-01100.00',
      '2025-02-20.00',
    ]);
    expect(screen.getByRole('rowheader', { name: '2025-02' })).toBeTruthy();
  });

  it('draw a sparkline through the values with its summary', () => {
    const { container } = render(<Sparkline values={[0, 10, 5]} summary="近三个月" width={100} height={24} />);
    expect(screen.getByRole('img', { name: '近三个月' })).toBeTruthy();
    expect(container.querySelector('path')?.getAttribute('d')).toBe('M0,22L50,2L100,12');
  });
});
