const STYLE = `
  .toast { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 360px;
    display: flex; gap: 12px; align-items: flex-start; padding: 10px 12px; border-radius: 8px;
    background: #1f2329; color: #fff; box-shadow: 0 6px 24px rgba(0,0,0,.25);
    font: 13px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; }
  .lines { white-space: pre-line; flex: 1; }
  button { all: initial; cursor: pointer; color: #aab4c3; font: 16px/1 system-ui; padding: 0 2px; }
  button:focus-visible { outline: 2px solid #7aa7ff; }
`;

/**
 * A small confirmation in the page, in a closed shadow root: what a fill did and what it left, with a close button
 * and Esc; it goes by itself after a while. It shows field names and reasons, and (near or past the customer's
 * credit limit) the amounts that warn the clerk; no page script can read it.
 */
export function showToast(doc: Document, lines: string[], closeLabel: string, ms = 8000): () => void {
  doc.querySelector('taitou-toast')?.remove();
  const host = doc.createElement('taitou-toast');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'toast';
  box.setAttribute('role', 'status');
  const text = doc.createElement('div');
  text.className = 'lines';
  text.textContent = lines.join('\n');
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', closeLabel);
  box.append(text, close);
  root.append(style, box);
  const remove = () => {
    host.remove();
    doc.removeEventListener('keydown', onKey, true);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') remove();
  };
  close.addEventListener('click', remove);
  doc.addEventListener('keydown', onKey, true);
  doc.documentElement.append(host);
  (doc.defaultView ?? window).setTimeout(remove, ms);
  return remove;
}
