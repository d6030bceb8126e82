import type { Finding } from '../domain/findings';
import { HEADER_SEARCH_ROWS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS } from './limits';

/** Why a file cannot be read as sheets at all. */
export const FILE_PROBLEMS = [
  'empty',
  'tooLarge',
  'tooWide',
  'tooManyRows',
  'damaged',
  'unreadable',
  'encrypted',
  'archive',
  'document',
  'pdf',
  'image',
  'webPage',
  'binary',
  'mixedEncoding',
  'undecodable',
  'controlChars',
  'badQuotes',
] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

/** Why sheets that were read hold no customers to import. */
export const SHEET_PROBLEMS = ['noHeader', 'noNameColumn', 'noRows'] as const;
type SheetProblem = (typeof SHEET_PROBLEMS)[number];

export type ImportProblem = FileProblem | SheetProblem;
export type ProblemMessage = Finding['message'];

const SPREADSHEETS = ['请导入 Excel（.xlsx、.xls）或 CSV 文件', 'import an Excel (.xlsx, .xls) or CSV file'] as const;

const MESSAGES: Record<ImportProblem, readonly [zh: string, en: string]> = {
  empty: [
    '文件是空的，没有任何内容：请确认选对了文件，或在 Excel 里打开检查后重新保存',
    'The file is empty: check that you chose the right file, or open it in Excel, check it and save it again',
  ],
  tooLarge: [
    `文件太大（超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，或解压后过大），不像是客户名单：请只保留客户信息的行和列，或拆成几个文件分别导入`,
    `The file is too large for a customer list (over ${MAX_FILE_BYTES / 1024 / 1024} MB, or far larger unpacked): keep only the customers' rows and columns, or split it into several files`,
  ],
  tooWide: [
    `表格超过 ${MAX_COLUMNS} 列，不像是客户名单：请删掉多余的列，只保留名称、税号、地址、电话、开户行、账号等列后重试`,
    `The sheet has more than ${MAX_COLUMNS} columns, too many for a customer list: delete the extra columns, keep name, tax ID, address, phone, bank and account, and try again`,
  ],
  tooManyRows: [
    `表格超过 ${MAX_ROWS.toLocaleString('en')} 行：请拆成几个文件分别导入（表格末尾若有大量空行，也请删掉）`,
    `The sheet has more than ${MAX_ROWS.toLocaleString('en')} rows: split it into several files and import them one by one (and delete any empty rows at its end)`,
  ],
  damaged: [
    '文件已损坏或不完整（可能没有下载完或没有保存完）：请重新下载或重新导出后再导入',
    'The file is damaged or incomplete (the download or save may not have finished): download or export it again and retry',
  ],
  unreadable: [
    '读不出这个工作簿（内容有误，或格式、版本不受支持）：请在 Excel 或 WPS 里打开（如提示修复，请让它修复），另存为 .xlsx 后重试',
    'This workbook cannot be read (its content is broken, or its format or version is not supported): open it in Excel or WPS (let it repair the file if it offers to), save it as .xlsx and try again',
  ],
  encrypted: [
    '工作簿设置了打开密码，无法读取：请在 Excel 里用密码打开，去掉密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空后确定）并保存，再导入',
    'The workbook is protected by a password: open it in Excel with the password, remove it (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and import again',
  ],
  archive: [
    '这是一个压缩包，不是表格：请先解压，再导入里面的 .xlsx 或 .csv 文件',
    'This is a compressed archive, not a spreadsheet: extract it first, then import the .xlsx or .csv file inside',
  ],
  document: [
    '这是 Word、PowerPoint 之类的文档，不是表格：请把客户信息整理进 Excel 表格（每位客户一行）后导入',
    'This is a Word or PowerPoint document, not a spreadsheet: put the customers into an Excel sheet (one customer per row) and import that',
  ],
  pdf: [`这是 PDF 文件，不是表格：${SPREADSHEETS[0]}`, `This is a PDF, not a spreadsheet: ${SPREADSHEETS[1]}`],
  image: [
    `这是一张图片，读不出图片里的文字：${SPREADSHEETS[0]}`,
    `This is a picture, and text in pictures cannot be read: ${SPREADSHEETS[1]}`,
  ],
  webPage: [
    '这是一个网页，里面没有表格（可能是登录页或出错页被存成了表格文件）：请重新登录后再导出，或在 Excel 里另存为 .xlsx',
    'This is a web page with no table in it (perhaps a sign-in or error page saved under a spreadsheet name): sign in and export again, or save it as .xlsx in Excel',
  ],
  binary: [
    `这不是表格或文本文件，读不出内容：${SPREADSHEETS[0]}`,
    `This is neither a spreadsheet nor a text file: ${SPREADSHEETS[1]}`,
  ],
  mixedEncoding: [
    '文件里混用了两种文字编码（一部分是 UTF-8，一部分是 GBK），导入会有乱码：请用同一种编码重新导出整个文件（例如在 Excel 里另存为“CSV UTF-8”）',
    'The file mixes two text encodings (part UTF-8, part GBK) and would come out garbled: export all of it again in one encoding (for example "CSV UTF-8" in Excel)',
  ],
  undecodable: [
    '文件里有认不出的文字编码，导入会变成乱码：请在 Excel 里打开，另存为 .xlsx 或“CSV UTF-8”后重试',
    'Some of the text is in an encoding that cannot be read and would come out garbled: open the file in Excel and save it as .xlsx or "CSV UTF-8"',
  ],
  controlChars: [
    '文件里有文本中不该出现的控制字符（例如 NUL 空字节），可能保存时出错或已损坏：请重新导出后再导入',
    'The file holds control characters (such as NUL bytes) that text never contains; it may be damaged: export it again and retry',
  ],
  badQuotes: [
    '有一个引号没有配对，它后面的内容都会挤进同一个格子：请在 Excel 里打开检查这一行，另存后重试',
    'A quotation mark is never closed, so everything after it would fall into one cell: check that row in Excel, save and try again',
  ],
  noHeader: [
    `找不到表头：请在表格前 ${HEADER_SEARCH_ROWS} 行里放一行列名，包括“名称”（或“客户名称”“单位名称”）和至少一个其他列，如“税号”“地址”“电话”`,
    `No header row found: one of the first ${HEADER_SEARCH_ROWS} rows must name the columns, with 名称 (or 客户名称, 单位名称, Name) and at least one more, such as 税号 (tax ID), 地址 (address) or 电话 (phone)`,
  ],
  noNameColumn: [
    '表头里没有“名称”列，分不出每行是哪位客户：请加一列“名称”（或“客户名称”）后重试',
    'The header has no name column, so no row can be told apart as a customer: add a column 名称 (or 客户名称, Name) and try again',
  ],
  noRows: [
    '只有表头，没有客户数据：请在表头下面逐行填写客户后再导入',
    'There is a header but no customers under it: fill in the customers below the header, one per row, and import again',
  ],
};

/**
 * What to tell the clerk about a file that cannot be imported: what is wrong and what to do about it, in Chinese
 * and English. `line` (from 1) points at the line of a text file where the problem was found, when known.
 */
export function problemMessage(problem: ImportProblem, line?: number): ProblemMessage {
  const [zh, en] = MESSAGES[problem];
  if (line === undefined) return { 'zh-CN': zh, en };
  return { 'zh-CN': `${zh}（见第 ${line} 行）`, en: `${en} (see line ${line})` };
}
