/**
 * Text that turns into code wherever a page treats it as markup, a URL, a template, a formula or a style. Every
 * payload that could run calls the sentinel `__xss(n)` with its own number (one calls `alert(n)` instead, which a
 * test sees as a dialog): a spec installs the sentinel in every page and frame and fails if it is ever called.
 */
export interface XssPayload {
  n: number;
  /** What the payload tries, for a failure message. */
  kind: string;
  text: string;
}

const LONG_FILLER = '长'.repeat(5000);

const RAW: readonly (readonly [kind: string, text: (n: number) => string])[] = [
  ['script tag', (n) => `<script>__xss(${n})</script>`],
  ['img onerror', (n) => `<img src=x onerror=__xss(${n})>`],
  ['svg onload', (n) => `<svg onload=__xss(${n})>`],
  ['script inside svg', (n) => `<svg><script>__xss(${n})</script></svg>`],
  ['javascript: URL', (n) => `javascript:__xss(${n})`],
  ['link to javascript:', (n) => `<a href="javascript:__xss(${n})">点此核对</a>`],
  ['iframe srcdoc', (n) => `<iframe srcdoc="<script>parent.__xss(${n})</script>"></iframe>`],
  ['iframe javascript: src', (n) => `<iframe src="javascript:parent.__xss(${n})"></iframe>`],
  ['style expression', (n) => `<div style="width:expression(__xss(${n}));background:url('javascript:__xss(${n})')">`],
  ['style sheet', (n) => `<style>@import 'javascript:__xss(${n})';*{background:url(//xss.invalid/${n})}</style>`],
  ['template injection {{ }}', (n) => `{{constructor.constructor('__xss(${n})')()}}`],
  ['template literal', (n) => `\${__xss(${n})}`],
  ['server templates', (n) => `<%= __xss(${n}) %>#{__xss(${n})}{{= __xss(${n})}}`],
  ['spreadsheet formula', (n) => `=HYPERLINK("javascript:__xss(${n})","发票")`],
  ['DDE formula', (n) => `+cmd|' /C __xss(${n})'!A0`],
  ['markdown link and image', (n) => `[点此](javascript:__xss(${n})) ![x](x" onerror="__xss(${n}))`],
  ['right-to-left override', (n) => `\u202e<img src=x onerror=__xss(${n})>司公限有`],
  ['zero-width characters', (n) => `<\u200bimg src=x on\u200cerror=__xss(${n})\u200d>\u2060\ufeff`],
  ['very long', (n) => `<img src=x onerror=__xss(${n})>${LONG_FILLER}`],
  ['HTML entities', (n) => `&lt;img src=x onerror=__xss(${n})&gt;&#60;script&#62;__xss(${n})&#60;/script&#62;&amp;`],
  [
    'closing tags',
    (n) => `</textarea></title></style></noscript></script></option></select><img src=x onerror=__xss(${n})>`,
  ],
  ['attribute breaker "', (n) => `"><img src=x onerror=__xss(${n})>`],
  ["attribute breaker '", (n) => `'><svg onload=__xss(${n})>' onmouseover='__xss(${n})`],
  ['unquoted attribute', (n) => `x onfocus=__xss(${n}) autofocus x=`],
  ['look-alike brackets', (n) => `＜img src=x onerror=__xss(${n})＞‹script›˂svg onload=__xss(${n})˃`],
  ['null bytes', (n) => `<scr\u0000ipt>__xss(${n})</scr\u0000ipt><img src=x\u0000 onerror=__xss(${n})>`],
  ['mutation XSS', (n) => `<math><mtext><table><mglyph><style><img src=x onerror=__xss(${n})>`],
  ['details ontoggle', (n) => `<details open ontoggle=__xss(${n})>`],
  ['object and embed', (n) => `<object data="javascript:__xss(${n})"></object><embed src="javascript:__xss(${n})">`],
  [
    'meta refresh and base',
    (n) => `<meta http-equiv="refresh" content="0;url=javascript:__xss(${n})"><base href="javascript:__xss(${n})//">`,
  ],
  [
    'polyglot',
    (n) =>
      `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=__xss(${n}) )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=__xss(${n})//>\\x3e`,
  ],
  ['alert dialog', (n) => `<img src=x onerror=alert(${n})><script>alert(${n})</script>`],
  ['URL-encoded', (n) => `%3Cimg%20src%3Dx%20onerror%3D__xss(${n})%3E%22%27`],
  ['prototype keys', (n) => `__proto__ constructor prototype {"__proto__":{"xss":${n}}}`],
  ['line breaks and tabs', (n) => `第一行\r\n<img src=x onerror=__xss(${n})>\n\t第三行`],
];

/** The corpus, numbered from 1. */
export const XSS_CORPUS: readonly XssPayload[] = RAW.map(([kind, text], i) => ({ n: i + 1, kind, text: text(i + 1) }));

/** A payload cut to a field's length (by UTF-16 units, as the customer schema counts). */
export function cut(text: string, max: number): string {
  return text.slice(0, max);
}

/** A payload as a remarks placeholder can hold it (no braces or line breaks, 1–30 characters), in its braces. */
export function asPlaceholder(text: string): string {
  const inner = cut(text.replace(/[{}｛｝\r\n]/g, ''), 30);
  return `{${inner || '空'}}`;
}
