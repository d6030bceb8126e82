// @vitest-environment happy-dom
import { screen } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lazy } from '../../../components/lazy';

// Rendered with Preact itself, not the testing library's render: that one runs effects at once, inside act(), and
// the moments between a render and its effects are what these tests are about.

const Hello = ({ name }: { name: string }) => <p>你好，{name}</p>;

let root: HTMLElement;
const show = (node: preact.ComponentChild) => {
  root = document.createElement('div');
  document.body.append(root);
  render(node, root);
};

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('lazy', () => {
  it('shows nothing until the code has come, then the view with its props', async () => {
    let arrive: (c: typeof Hello) => void = () => undefined;
    const View = lazy(() => new Promise<typeof Hello>((resolve) => (arrive = resolve)));
    show(<View name="甲" />);
    expect(root.textContent).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 30)); // the effect has asked for the code
    arrive(Hello);
    expect(await screen.findByText('你好，甲')).toBeTruthy();
  });

  it('shows the view when the code comes between its first render and its effects (a preload under way)', async () => {
    const View = lazy(async () => Hello);
    show(<View name="乙" />); // rendered empty: the code is not here yet
    expect(root.textContent).toBe('');
    await View.preload(); // here before the view's effect runs
    expect(await screen.findByText('你好，乙')).toBeTruthy();
  });

  it('shows the view at once when its code was preloaded', async () => {
    const View = lazy(async () => Hello);
    await View.preload();
    show(<View name="丙" />);
    expect(root.textContent).toBe('你好，丙');
  });

  it('says why in its place when the code will not load', async () => {
    const View = lazy<{ name: string }>(() => Promise.reject(new Error('chunk missing')));
    show(<View name="丁" />);
    expect((await screen.findByRole('alert')).textContent).toContain('chunk missing');
  });
});
