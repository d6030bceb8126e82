import type { Page } from '@playwright/test';

/**
 * The text inside a closed shadow root under the element `host`, which page scripts and Playwright's locators cannot
 * reach (CDP can): its text nodes joined with `separator`, style sheets left out; '' when there is no such host.
 */
export async function closedShadowText(page: Page, host: string, separator = ''): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  type Node = { nodeName: string; nodeValue?: string; children?: Node[]; shadowRoots?: Node[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const texts = (node: Node): string[] =>
    node.nodeName === '#text'
      ? [node.nodeValue ?? '']
      : [...(node.shadowRoots ?? []), ...(node.children ?? [])].flatMap((n) =>
          n.nodeName === 'STYLE' ? [] : texts(n),
        );
  const find = (node: Node): Node | undefined =>
    node.nodeName === host.toUpperCase() ? node : [...(node.children ?? [])].map(find).find(Boolean);
  const found = find(root);
  await cdp.detach();
  return found ? texts(found).join(separator) : '';
}
