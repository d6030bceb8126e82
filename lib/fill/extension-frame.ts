/**
 * An extension page shown on a portal: an iframe inside a closed shadow root, so that page scripts can neither reach
 * into it nor read the cross-origin frame. `style` places the host.
 */
export function extensionFrame(doc: Document, tag: string, url: string, size: { width: number; height: number }) {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  frame.src = url;
  frame.title = 'Taitou';
  frame.setAttribute('style', `width:${size.width}px;height:${size.height}px;border:0;display:block;`);
  root.append(frame);
  const place = (declarations: string[]) =>
    host.setAttribute(
      'style',
      [
        'all:initial',
        'z-index:2147483647',
        'box-shadow:0 6px 24px rgba(0,0,0,.18)',
        'border-radius:6px',
        'overflow:hidden',
        ...declarations,
      ].join(';'),
    );
  return { host, frame, place };
}
