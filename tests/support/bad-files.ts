import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { CFB, utils, type WorkSheet, write } from '@e965/xlsx';
import iconv from 'iconv-lite';
import { usccCheckChar } from '../../lib/domain/tax-id';

/*
 * The bad-file corpus for import: files a clerk may pick that are not a usable customer list, and a few odd ones
 * that are. Every file is written here from real formats (workbooks by @e965/xlsx, GBK by iconv-lite, zips, PNG and
 * PDF by their specifications), so anyone can regenerate the committed ones:
 *
 *   npx tsx tests/support/bad-files.ts
 *
 * writes SMALL_FILES to tests/fixtures/bad-files/. The heavy ones (100 MB, 10,000 columns, 150,000 rows, a zip
 * bomb) are made at test time by HEAVY_FILES and never committed. What each file must give is asserted in
 * tests/unit/import/corpus.test.ts.
 */

const FIXTURES = new URL('../fixtures/bad-files/', import.meta.url);

/** Marsaglia's xorshift32, so that the garbage is the same garbage on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const uscc = (first17: string) => first17 + (usccCheckChar(first17) ?? '');

/** Two customers as a platform export would list them. */
export const HEADER = ['客户名称', '统一社会信用代码/纳税人识别号', '地址', '电话', '开户行名称', '银行账号'];
export const CUSTOMERS = [
  [
    '北京小米科技有限责任公司',
    '91110000600037341L',
    '北京市海淀区清河中街68号',
    '010-60606666',
    '中国工商银行北京海淀支行',
    '0200049619200088888',
  ],
  [
    '杭州西湖龙井茶业有限公司',
    uscc('91330106MA27Y5T1X'),
    '杭州市西湖区龙井路1号',
    '0571-87961234',
    '中国农业银行杭州西湖支行',
    '19015101040012345',
  ],
] as const;
const TABLE = [HEADER, ...CUSTOMERS];
const csvOf = (rows: readonly (readonly string[])[]) => `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
const CSV = csvOf(TABLE);

/** A real .xlsx as Excel writes it: deflated, shared strings. */
function xlsx(sheets: Record<string, WorkSheet | unknown[][]>): Uint8Array {
  const book = utils.book_new();
  for (const [name, sheet] of Object.entries(sheets)) {
    utils.book_append_sheet(book, Array.isArray(sheet) ? utils.aoa_to_sheet(sheet) : sheet, name);
  }
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true }));
}
function xls(rows: unknown[][]): Uint8Array {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(rows), '客户');
  return new Uint8Array(write(book, { type: 'array', bookType: 'biff8' }));
}

// ---------------------------------------------------------------------------------------------------------------
// Zip, written by hand (APPNOTE 6.3): the heavy files need entries deflated by zlib, and the damaged ones need to
// know where each part lies.

interface ZipPart {
  name: string;
  data: Uint8Array;
}
interface PackedPart {
  name: string;
  packed: Uint8Array;
  size: number;
  crc: number;
  /** Stored as it is rather than deflated. */
  stored?: boolean;
}

function u16(n: number) {
  return [n & 0xff, (n >>> 8) & 0xff];
}
function u32(n: number) {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** Below 4 GB, as every number here is. */
function u64(n: number) {
  return [...u32(n), ...u32(Math.floor(n / 2 ** 32))];
}

/**
 * Deflated entries, a fixed date (2026-11-27) so the bytes never change, UTF-8 names. `zip64` writes the 64-bit
 * extension as streaming writers do: every size as 0xFFFFFFFF with the real ones in an extra field, and the zip64
 * end records (the classic end record still holds the real counts, since they fit).
 */
export function zip(parts: readonly (ZipPart | PackedPart)[], { zip64 = false } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const time = u16(0);
  const date = u16(((2026 - 1980) << 9) | (11 << 5) | 27);
  const version = u16(zip64 ? 45 : 20);
  for (const part of parts) {
    const name = utf8(part.name);
    const packed = 'packed' in part ? part : { packed: deflateRawSync(part.data), size: part.data.length };
    const crc = 'crc' in part ? part.crc : crc32((part as ZipPart).data);
    const extra = zip64 ? [...u16(0x0001), ...u16(16), ...u64(packed.size), ...u64(packed.packed.length)] : [];
    const stated = (n: number) => u32(zip64 ? 0xffffffff : n);
    const method = 'stored' in part && part.stored ? 0 : 8;
    const common = [...u16(0x0800), ...u16(method), ...time, ...date, ...u32(crc), ...stated(packed.packed.length)];
    const sizes = [...stated(packed.size), ...u16(name.length), ...u16(extra.length)];
    const local = concat(
      new Uint8Array([...u32(0x04034b50), ...version, ...common, ...sizes]),
      name,
      new Uint8Array(extra),
      packed.packed,
    );
    centrals.push(
      concat(
        new Uint8Array([...u32(0x02014b50), ...version, ...version, ...common, ...sizes]),
        new Uint8Array([...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset)]),
        name,
        new Uint8Array(extra),
      ),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(...centrals);
  const zip64End = zip64
    ? new Uint8Array([
        ...u32(0x06064b50),
        ...u64(44),
        ...version,
        ...version,
        ...u32(0),
        ...u32(0),
        ...u64(parts.length),
        ...u64(parts.length),
        ...u64(directory.length),
        ...u64(offset),
        ...u32(0x07064b50),
        ...u32(0),
        ...u64(offset + directory.length),
        ...u32(1),
      ])
    : new Uint8Array();
  const end = new Uint8Array([
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(parts.length),
    ...u16(parts.length),
    ...u32(directory.length),
    ...u32(offset),
    ...u16(0),
  ]);
  return concat(...locals, directory, zip64End, end);
}

/** The files of a zip, unpacked (by SheetJS's reader), in their order. */
function unzip(bytes: Uint8Array): ZipPart[] {
  const container = CFB.read(bytes, { type: 'array' }) as { FullPaths: string[]; FileIndex: { type: number }[] };
  return container.FullPaths.flatMap((path, i) => {
    const entry = container.FileIndex[i] as { type: number; content?: Uint8Array };
    const name = path.slice(path.indexOf('/') + 1);
    return entry.type === 2 && entry.content && !name.startsWith('\u0001') ? [{ name, data: entry.content }] : [];
  });
}

/** Where an entry's packed bytes lie in a zip, and where its central directory record starts. */
function locate(bytes: Uint8Array, name: string): { data: number; size: number; central: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = utf8(name);
  const named = (at: number, nameAt: number, length: number) =>
    length === wanted.length && wanted.every((b, i) => bytes[at + nameAt + i] === b);
  let data = -1;
  let size = 0;
  let central = -1;
  for (let at = 0; at + 30 < bytes.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && data < 0 && named(at, 30, view.getUint16(at + 26, true))) {
      data = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
      size = view.getUint32(at + 18, true);
    }
    if (signature === 0x02014b50 && named(at, 46, view.getUint16(at + 28, true))) central = at;
  }
  if (data < 0 || central < 0) throw new Error(`${name} is not in the zip`);
  return { data, size, central };
}

// ---------------------------------------------------------------------------------------------------------------
// Other formats, from their specifications.

/** A real PNG (a 4×4 grey square): signature, IHDR, IDAT, IEND, each chunk with its CRC. */
function png(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = concat(utf8(type), data);
    return concat(new Uint8Array(u32(data.length).reverse()), body, new Uint8Array(u32(crc32(body)).reverse()));
  };
  const header = new Uint8Array([...u32(4).reverse(), ...u32(4).reverse(), 8, 2, 0, 0, 0]);
  const scanlines = new Uint8Array(4 * (1 + 4 * 3)).fill(0x80);
  for (let row = 0; row < 4; row++) scanlines[row * 13] = 0; // filter type: none
  return concat(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines)),
    chunk('IEND', new Uint8Array()),
  );
}

/** A real BMP (2×2, 24-bit): what a scanner saves. */
function bmp(): Uint8Array {
  const rows = 2 * 8; // two rows of 2 pixels × 3 bytes, padded to 8
  const size = 54 + rows;
  return new Uint8Array([
    0x42,
    0x4d,
    ...u32(size),
    ...u32(0),
    ...u32(54),
    ...u32(40),
    ...u32(2),
    ...u32(2),
    ...u16(1),
    ...u16(24),
    ...u32(0),
    ...u32(rows),
    ...u32(2835),
    ...u32(2835),
    ...u32(0),
    ...u32(0),
    ...new Array(rows).fill(0xff),
  ]);
}

/** A one-page PDF with a cross-reference table whose offsets are right. */
function pdf(): Uint8Array {
  const content = 'BT /F1 12 Tf 72 770 Td (Invoice 2026-11-27) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let text = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets = objects.map((body, i) => {
    const at = text.length;
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) text += `${String(at).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** A minimal Word document (.docx): content types, package relationships and the body. */
function docx(): Uint8Array {
  const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zip([
    {
      name: '[Content_Types].xml',
      data: utf8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: utf8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
          '</Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      data: utf8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${w}"><w:body>` +
          CUSTOMERS.map((c) => `<w:p><w:r><w:t>${c[0]} ${c[1]}</w:t></w:r></w:p>`).join('') +
          '</w:body></w:document>',
      ),
    },
  ]);
}

/** An OLE compound file with the given streams (SheetJS's writer adds a marker stream of its own). */
function ole(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(container, name, data);
  return new Uint8Array(CFB.write(container, { type: 'array', fileType: 'cfb' }));
}

/**
 * An .xlsx protected by a password as Excel stores it (ECMA-376 agile encryption): an OLE file holding
 * EncryptionInfo (version 4.4 and its XML descriptor) and EncryptedPackage (the package size, then ciphertext,
 * here seeded noise, which ciphertext is indistinguishable from).
 */
function encryptedXlsx(): Uint8Array {
  const descriptor =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/>' +
    '</keyEncryptor></keyEncryptors></encryption>';
  const next = random(7);
  const ciphertext = new Uint8Array(8192).map(() => next() & 0xff);
  return ole({
    EncryptionInfo: concat(new Uint8Array([...u16(4), ...u16(4), ...u32(0x40)]), utf8(descriptor)),
    EncryptedPackage: concat(new Uint8Array([...u32(8000), ...u32(0)]), ciphertext),
  });
}

/** The Workbook stream of an .xls with its records: [type u16][length u16][body]. */
function biffRecords(stream: Uint8Array): { type: number; body: Uint8Array }[] {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const records: { type: number; body: Uint8Array }[] = [];
  for (let at = 0; at + 4 <= stream.length; ) {
    const length = view.getUint16(at + 2, true);
    records.push({ type: view.getUint16(at, true), body: stream.subarray(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return records;
}

/**
 * An .xls with an open password: a FILEPASS record (RC4, MS-XLS 2.4.117) right after the workbook's BOF, as Excel
 * writes it. Readers without the password stop at FILEPASS, so the records after it are left in the clear here.
 */
function encryptedXls(): Uint8Array {
  const container = CFB.read(xls(TABLE as unknown as unknown[][]), { type: 'array' });
  const found = CFB.find(container, 'Workbook') as { content: Uint8Array } | null;
  if (!found) throw new Error('no Workbook stream');
  const records = biffRecords(found.content);
  const next = random(11);
  const filePass = {
    type: 0x002f,
    body: new Uint8Array([...u16(1), ...u16(1), ...u16(1)].concat(Array.from({ length: 48 }, () => next() & 0xff))),
  };
  records.splice(1, 0, filePass);
  const stream = concat(...records.map((r) => concat(new Uint8Array([...u16(r.type), ...u16(r.body.length)]), r.body)));
  return ole({ Workbook: stream });
}

/** A Word 97–2003 .doc: an OLE file whose WordDocument stream starts with the FIB's magic (0xA5EC). */
function wordDoc(): Uint8Array {
  const fib = new Uint8Array(4096);
  fib.set([0xec, 0xa5, 0xc1, 0x00]);
  return ole({ WordDocument: fib, '1Table': new Uint8Array(4096) });
}

/** An RTF file as WordPad saves Chinese text: GBK bytes written as \'xx escapes. */
function rtf(): Uint8Array {
  const escaped = (text: string) =>
    Array.from(gbk(text), (b) => (b < 0x80 ? String.fromCharCode(b) : `\\'${b.toString(16)}`)).join('');
  const lines = TABLE.map((row) => escaped(row.join('\t'))).join('\\par\n');
  return utf8(
    `{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\n\\f0\\fs24 ${lines}\\par\n}\n`,
  );
}

/** What Excel's "Save as Web Page" and many Chinese systems' ".xls" exports are: an HTML table, here in GBK. */
function excelWebPage(): Uint8Array {
  const cell = (text: string) => `<td class=xl65 style='mso-number-format:"\\@"'>${text.replace('&', '&amp;')}</td>`;
  return gbk(
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" ' +
      'xmlns="http://www.w3.org/TR/REC-html40">\r\n<head>\r\n' +
      '<meta http-equiv=Content-Type content="text/html; charset=gb2312">\r\n' +
      '<meta name=ProgId content=Excel.Sheet>\r\n<meta name=Generator content="Microsoft Excel 15">\r\n' +
      '<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>客户</x:Name>' +
      '</x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->\r\n' +
      '<style>td {mso-number-format:General;}</style>\r\n</head>\r\n<body link=blue vlink=purple>\r\n' +
      '<table border=0 cellpadding=0 cellspacing=0 width=960>\r\n' +
      TABLE.map((row) => ` <tr height=18>\r\n  ${row.map(cell).join('\r\n  ')}\r\n </tr>\r\n`).join('') +
      '</table>\r\n</body>\r\n</html>\r\n',
  );
}

/** What gets saved when an export link is followed after the session ended: the sign-in page. */
function signInPage(): Uint8Array {
  return utf8(
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>登录 - 电子税务局</title></head>\n' +
      '<body><div id="app"><form action="/login" method="post"><label>用户名 <input name="username"></label>' +
      '<label>密码 <input type="password" name="password"></label><button type="submit">登录</button></form>' +
      '<p>会话已超时，请重新登录。</p></div></body>\n</html>\n',
  );
}

/** Excel 2003's "XML Spreadsheet" (SpreadsheetML), saved as .xls. */
function spreadsheet2003(): Uint8Array {
  const cell = (text: string) => `<Cell><Data ss:Type="String">${text}</Data></Cell>`;
  return utf8(
    '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n' +
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
      'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n' +
      '<Worksheet ss:Name="客户">\n<Table>\n' +
      TABLE.map((row) => `<Row>${row.map(cell).join('')}</Row>\n`).join('') +
      '</Table>\n</Worksheet>\n</Workbook>\n',
  );
}

/** A sheet whose customer cells are formulas with their results cached, as Excel saves them. */
function formulas(): WorkSheet {
  const sheet = utils.aoa_to_sheet([HEADER]);
  const [first, second] = CUSTOMERS;
  const put = (ref: string, v: string, f: string) => {
    sheet[ref] = { t: 's', v, f };
  };
  put('A2', first[0], 'CONCATENATE("北京小米","科技有限责任公司")');
  put('B2', first[1], 'VLOOKUP(A2,税号!A:B,2,FALSE)');
  put('C2', first[2], 'TRIM(" 北京市海淀区清河中街68号 ")');
  put('D2', first[3], '"010-"&"60606666"');
  put('E2', first[4], 'TRIM("中国工商银行北京海淀支行")');
  put('F2', first[5], 'TEXT("0200049619200088888","@")');
  second.forEach((text, col) => {
    sheet[utils.encode_cell({ r: 2, c: col })] = { t: 's', v: text };
  });
  sheet['!ref'] = 'A1:F3';
  return sheet;
}

/** Lookups that failed: Excel saves the error value (#N/A, #REF!) as the cell's result. */
function formulaErrors(): WorkSheet {
  const sheet = utils.aoa_to_sheet([HEADER, [...CUSTOMERS[0]], [...CUSTOMERS[1]]]);
  sheet.B2 = { t: 'e', v: 0x2a, w: '#N/A', f: 'VLOOKUP(A2,税号!A:B,2,FALSE)' };
  sheet.A3 = { t: 'e', v: 0x17, w: '#REF!', f: '#REF!' };
  return sheet;
}

/** The same bytes with `count` bytes from `at` inverted. */
function flipped(bytes: Uint8Array, at: number, count = 4): Uint8Array {
  const copy = bytes.slice();
  for (let i = at; i < at + count; i++) copy[i] = (copy[i] ?? 0) ^ 0xff;
  return copy;
}

let customerXlsx: Uint8Array | null = null;
/** One .xlsx of the two customers that the damaged files are cut from (a copy each time; writing it is slow). */
function CUSTOMER_XLSX(): Uint8Array {
  customerXlsx ??= xlsx({ 客户: TABLE as unknown as unknown[][] });
  return customerXlsx.slice();
}

// ---------------------------------------------------------------------------------------------------------------

/** The committed corpus: file name → its bytes. The extension is the one the clerk's file had, not what it is. */
export const SMALL_FILES: Record<string, () => Uint8Array> = {
  'empty.csv': () => new Uint8Array(),
  'bom-only.csv': () => new Uint8Array([0xef, 0xbb, 0xbf]),
  'whitespace-only.csv': () => utf8('  \r\n\t\r\n\r\n   '),
  'separators-only.csv': () => utf8(',,,,,\r\n'.repeat(8)),
  'empty-sheets.xlsx': () => xlsx({ Sheet1: [], Sheet2: [] }),
  'three-bytes.xlsx': () => CUSTOMER_XLSX().slice(0, 3),
  'three-bytes.csv': () => utf8('名'),
  'header-only.csv': () => utf8(csvOf([HEADER])),
  'header-only.xlsx': () => xlsx({ 客户: [HEADER, [], []] }),
  'title-rows-only.xlsx': () =>
    xlsx({ 客户: [['某某商贸公司 客户资料'], ['导出于 2026-11-27'], [], ['制表人：张三']] }),
  'no-header.csv': () => utf8(csvOf(CUSTOMERS)),
  'no-name-column.csv': () => utf8(csvOf(TABLE.map((row) => row.slice(1)))),
  'one-column.csv': () => utf8(csvOf(TABLE.map((row) => row.slice(0, 1)))),
  'truncated-10.xlsx': () => {
    const b = CUSTOMER_XLSX();
    return b.slice(0, Math.floor(b.length * 0.1));
  },
  'truncated-50.xlsx': () => {
    const b = CUSTOMER_XLSX();
    return b.slice(0, Math.floor(b.length * 0.5));
  },
  'truncated-90.xlsx': () => {
    const b = CUSTOMER_XLSX();
    return b.slice(0, Math.floor(b.length * 0.9));
  },
  'truncated-in-directory.xlsx': () => {
    const b = CUSTOMER_XLSX();
    return b.slice(0, locate(b, 'xl/worksheets/sheet1.xml').central + 20);
  },
  'truncated-last-byte.xlsx': () => {
    const b = CUSTOMER_XLSX();
    return b.slice(0, b.length - 1);
  },
  'corrupt-sheet.xlsx': () => {
    const b = CUSTOMER_XLSX();
    const sheet = locate(b, 'xl/worksheets/sheet1.xml');
    return flipped(b, sheet.data + Math.floor(sheet.size / 2));
  },
  'corrupt-shared-strings.xlsx': () => {
    const b = CUSTOMER_XLSX();
    const strings = locate(b, 'xl/sharedStrings.xml');
    return flipped(b, strings.data + Math.floor(strings.size / 3));
  },
  'corrupt-directory.xlsx': () => {
    const b = CUSTOMER_XLSX();
    return flipped(b, locate(b, 'xl/worksheets/sheet1.xml').central + 46 + 3, 2);
  },
  // One digit of a tax ID changed in a workbook stored without compression: still a well-formed workbook, with a
  // wrong customer in it. Only the checksum tells.
  'digit-changed.xlsx': () => {
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet(TABLE as unknown as unknown[][]), '客户');
    const b = new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: false, bookSST: true }));
    const at = Buffer.from(b).indexOf('91110000600037341L');
    const copy = b.slice();
    copy[at + 16] = 0x32; // …341L → …342L
    return copy;
  },
  // Rezipped from the real workbook, every checksum right: a tool that stopped before writing the sheet.
  'missing-sheet.xlsx': () => zip(unzip(CUSTOMER_XLSX()).filter((p) => p.name !== 'xl/worksheets/sheet1.xml')),
  // …and one that wrote the workbook part empty: a well-formed zip whose content the workbook library cannot read.
  'workbook-part-empty.xlsx': () =>
    zip(
      unzip(CUSTOMER_XLSX()).map((p) => (p.name === 'xl/workbook.xml' ? { name: p.name, data: new Uint8Array() } : p)),
    ),
  // Every checksum right, the sheet (stored, not deflated) stated a byte smaller than it is: a directory that lies
  // about sizes, as a zip bomb's does to get past a guard on them.
  'understated-size.xlsx': () =>
    zip(
      unzip(CUSTOMER_XLSX()).map((p) =>
        p.name === 'xl/worksheets/sheet1.xml'
          ? { name: p.name, packed: p.data, size: p.data.length - 1, crc: crc32(p.data), stored: true }
          : p,
      ),
    ),
  // The real workbook in a zip with the 64-bit extension: the workbook library reads it, but no spreadsheet
  // program writes one for a file this small.
  'zip64.xlsx': () => zip(unzip(CUSTOMER_XLSX()), { zip64: true }),
  'truncated.xls': () => {
    const b = xls(TABLE as unknown as unknown[][]);
    return b.slice(0, Math.floor(b.length / 2));
  },
  'not-a-workbook.xlsx': () =>
    zip([
      { name: '说明.txt', data: utf8('客户资料见附件。\r\n') },
      { name: 'photo.png', data: png() },
      { name: '客户/名单.txt', data: utf8(CSV) },
    ]),
  'empty-archive.xlsx': () => new Uint8Array([...u32(0x06054b50), ...new Array(18).fill(0)]),
  'word.docx.xlsx': () => docx(),
  'word.doc.xls': () => wordDoc(),
  'rich-text.rtf.csv': () => rtf(),
  'encrypted.xlsx': () => encryptedXlsx(),
  'encrypted.xls': () => encryptedXls(),
  'customers.csv.gz.csv': () => new Uint8Array(gzipSync(utf8(CSV))),
  'garbage.csv': () => {
    const next = random(42);
    return new Uint8Array(4096).map(() => next() & 0xff);
  },
  'screenshot.png.csv': () => png(),
  'scan.bmp.xlsx': () => bmp(),
  'invoice.pdf.xlsx': () => pdf(),
  'utf16le-no-bom.csv': () => new Uint8Array(iconv.encode(CSV, 'utf-16le')),
  'utf16be-no-bom.csv': () => new Uint8Array(iconv.encode(CSV, 'utf-16be')),
  'utf16-odd-length.csv': () => new Uint8Array([0xff, 0xfe, ...iconv.encode(CSV, 'utf-16le').subarray(0, 61)]),
  'mixed-gbk-utf8.csv': () => concat(utf8(csvOf([HEADER, CUSTOMERS[0]])), gbk(csvOf([CUSTOMERS[1]]))),
  'undecodable.csv': () => concat(gbk(csvOf([HEADER])), new Uint8Array([0xff, 0xfe, 0x80, 0xff]), gbk(CSV)),
  // The last character, 支 of 支行, loses its last byte: the download stopped there.
  'utf8-cut-mid-character.csv': () => utf8(CSV.slice(0, CSV.lastIndexOf('支行') + 1)).slice(0, -1),
  'gbk-cut-mid-character.csv': () => gbk(CSV.slice(0, CSV.lastIndexOf('支行') + 1)).slice(0, -1),
  'nul-bytes.csv': () => utf8(CSV.replace('小米', '小\u0000\u0000米')),
  'nul-padded.csv': () => concat(utf8(CSV), new Uint8Array(4096)),
  'dos-eof.csv': () => concat(gbk(CSV), new Uint8Array([0x1a])),
  'unclosed-quote.csv': () => utf8(CSV.replace('杭州西湖龙井茶业有限公司', '"杭州西湖龙井茶业有限公司')),
  'excel-web-page.xls': () => excelWebPage(),
  'sign-in-page.xls': () => signInPage(),
  'spreadsheet-2003.xml.xls': () => spreadsheet2003(),
  'formulas.xlsx': () => xlsx({ 客户: formulas() }),
  'formula-errors.xlsx': () => xlsx({ 客户: formulaErrors() }),
  'formula-injection.csv': () =>
    utf8(
      csvOf([
        HEADER,
        ['"=HYPERLINK(""http://example.com"",""点我"")"', '91110000600037341L', '北京', '010-60606666', '', ''],
        ['杭州西湖龙井茶业有限公司', CUSTOMERS[1][1], "+cmd|' /C calc'!A0", '+86 571 8796 1234', '@SUM(1+1)', ''],
        ["-2+3+cmd|' /C notepad'!A0", '', '', '', '', ''],
      ]),
    ),
};

// ---------------------------------------------------------------------------------------------------------------
// Heavy files, made at test time.

/** 100 MB of a customer CSV's lines, copied by doubling. */
function hundredMegabytes(): Uint8Array {
  const out = new Uint8Array(100 * 1024 * 1024);
  const head = utf8(`${HEADER.join(',')}\r\n${CUSTOMERS[0].join(',')}\r\n`);
  out.set(head);
  for (let filled = head.length; filled < out.length; filled *= 2) out.copyWithin(filled, 0, filled);
  return out;
}

const WIDE = 10_000;
const wideHeader = () => [...HEADER, ...Array.from({ length: WIDE - HEADER.length }, (_, i) => `备注${i + 1}`)];

/** A workbook from a real one, with its first sheet's XML replaced (Excel would open it as it is). */
function withSheetXml(rowsXml: string, dimension: string): Uint8Array {
  const parts = unzip(CUSTOMER_XLSX());
  const sheetXml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<dimension ref="${dimension}"/><sheetData>${rowsXml}</sheetData></worksheet>`;
  return zip(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: utf8(sheetXml) } : p)));
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const headerRow = (cells: readonly string[]) =>
  `<row r="1">${cells.map((text, c) => inline(`${utils.encode_col(c)}1`, text)).join('')}</row>`;

/** The header and 100,000 customers under it: one row more than a sheet may have. */
function tallXlsx(): Uint8Array {
  let rows = headerRow(HEADER);
  for (let r = 2; r <= 100_001; r++) rows += `<row r="${r}">${inline(`A${r}`, `客户${r}`)}</row>`;
  return withSheetXml(rows, 'A1:F100001');
}

/** Two customers, then rows down to 100,010 that were only formatted (given a height, as dragging a block does). */
function formattedTailXlsx(): Uint8Array {
  let rows = TABLE.map(
    (row, r) =>
      `<row r="${r + 1}">${row.map((text, c) => inline(`${utils.encode_col(c)}${r + 1}`, text)).join('')}</row>`,
  ).join('');
  for (let r = TABLE.length + 1; r <= 100_010; r++) rows += `<row r="${r}" ht="20" customHeight="1"/>`;
  return withSheetXml(rows, 'A1:F100010');
}

/**
 * A zip bomb shaped as an .xlsx: a sheet of 300 MB (real, and declared unless `stated` says otherwise) packed into a
 * few hundred kilobytes. The packed stream is one deflated megabyte repeated: deflate blocks flushed on a byte
 * boundary can be chained.
 */
function zipBomb(stated?: number): Uint8Array {
  const megabyte = utf8('<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(21_000)).subarray(0, 1024 * 1024);
  const copies = 300;
  // Z_SYNC_FLUSH (2) ends the chunk on a byte boundary without a final block; an empty final block closes it all.
  const chunk = deflateRawSync(megabyte, { finishFlush: 2 });
  const packed = concat(...Array.from({ length: copies }, () => chunk), new Uint8Array([0x03, 0x00]));
  let crc = 0;
  for (let i = 0; i < copies; i++) crc = crc32(megabyte, crc);
  const parts = unzip(CUSTOMER_XLSX());
  return zip(
    parts.map((p) =>
      p.name === 'xl/worksheets/sheet1.xml'
        ? { name: p.name, packed, size: stated ?? megabyte.length * copies, crc }
        : p,
    ),
  );
}

/** Heavy files: name → bytes, made when a test asks. */
export const HEAVY_FILES = {
  'hundred-megabytes.csv': hundredMegabytes,
  'ten-thousand-columns.csv': () => utf8(csvOf([wideHeader(), [...CUSTOMERS[0], ...new Array(WIDE - 6).fill('')]])),
  'ten-thousand-columns.xlsx': () => withSheetXml(headerRow(wideHeader()), 'A1:NTP1'),
  'hundred-thousand-and-one-rows.csv': () => utf8(csvOf([HEADER]) + `${CUSTOMERS[0].join(',')}\r\n`.repeat(100_000)),
  'hundred-thousand-and-one-rows.xlsx': tallXlsx,
  'formatted-tail.xlsx': formattedTailXlsx,
  'blank-lines-tail.csv': () => utf8(CSV + ',,,,,\r\n'.repeat(150_000)),
  'zip-bomb.xlsx': () => zipBomb(),
  // The same bomb stating its sheet as empty (its CRC is right): the workbook library inflates an entry stated empty
  // for as long as the stream goes, where it stops others at their stated size.
  'zip-bomb-stated-empty.xlsx': () => zipBomb(0),
} satisfies Record<string, () => Uint8Array>;

/** Write the committed corpus, replacing what was there. */
export function writeSmallFiles(dir: URL = FIXTURES): void {
  const path = fileURLToPath(dir);
  mkdirSync(path, { recursive: true });
  for (const name of readdirSync(path)) rmSync(new URL(name, dir));
  for (const [name, bytes] of Object.entries(SMALL_FILES)) writeFileSync(new URL(name, dir), bytes());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writeSmallFiles();
