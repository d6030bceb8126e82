import { extensionFrame } from './extension-frame';

const WIDTH = 420;
const HEIGHT = 260;

/** The inline suggestion list: the extension's menu page (see extensionFrame), placed under the field. */
export class InlineMenu {
  private view: ReturnType<typeof extensionFrame> | null = null;
  anchor: HTMLInputElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly menuUrl: string,
  ) {}

  get isOpen(): boolean {
    return this.view?.host.isConnected ?? false;
  }

  /** Shows the list under `anchor`, creating the frame on first use. */
  open(anchor: HTMLInputElement): void {
    this.anchor = anchor;
    this.view ??= extensionFrame(this.doc, 'taitou-menu', this.menuUrl, { width: WIDTH, height: HEIGHT });
    const rect = anchor.getBoundingClientRect();
    const view = this.doc.defaultView;
    this.view.place([
      'position:absolute',
      `left:${Math.round(rect.left + (view?.scrollX ?? 0))}px`,
      `top:${Math.round(rect.bottom + (view?.scrollY ?? 0) + 2)}px`,
    ]);
    if (!this.view.host.isConnected) this.doc.documentElement.append(this.view.host);
  }

  /** Whether the element is the menu's host (focus moved into the list). */
  owns(el: Element | null): boolean {
    return el !== null && el === this.view?.host;
  }

  close(): void {
    this.view?.host.remove();
    this.anchor = null;
  }
}
