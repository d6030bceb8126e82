const WIDTH = 420;
const HEIGHT = 260;

/**
 * The frame that shows the inline suggestion list: an iframe of the extension's menu page inside a closed shadow
 * root, placed under the field. The page can neither reach into the root nor read the cross-origin frame.
 */
export class InlineMenu {
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  anchor: HTMLInputElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly menuUrl: string,
  ) {}

  get isOpen(): boolean {
    return this.host?.isConnected ?? false;
  }

  /** Shows the list under `anchor`, creating the frame on first use. */
  open(anchor: HTMLInputElement): void {
    this.anchor = anchor;
    if (!this.host) {
      this.host = this.doc.createElement('taitou-menu');
      const root = this.host.attachShadow({ mode: 'closed' });
      this.frame = this.doc.createElement('iframe');
      this.frame.src = this.menuUrl;
      this.frame.title = 'Taitou';
      this.frame.setAttribute('style', `width:${WIDTH}px;height:${HEIGHT}px;border:0;display:block;`);
      root.append(this.frame);
    }
    const rect = anchor.getBoundingClientRect();
    const view = this.doc.defaultView;
    this.host.setAttribute(
      'style',
      [
        'all:initial',
        'position:absolute',
        'z-index:2147483647',
        `left:${Math.round(rect.left + (view?.scrollX ?? 0))}px`,
        `top:${Math.round(rect.bottom + (view?.scrollY ?? 0) + 2)}px`,
        'box-shadow:0 6px 24px rgba(0,0,0,.18)',
        'border-radius:6px',
        'overflow:hidden',
        'background:#fff',
      ].join(';'),
    );
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
  }

  /** Whether the element is the menu's host (focus moved into the list). */
  owns(el: Element | null): boolean {
    return el !== null && el === this.host;
  }

  close(): void {
    this.host?.remove();
    this.anchor = null;
  }
}
