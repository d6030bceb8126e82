import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { crc16Buypass, type PastedBuyer, parsePaste } from '../../../lib/domain/paste';

// Made-up companies; the credit codes carry valid GB 32100 check characters.
const SAMPLES: [string, string, Partial<PastedBuyer>][] = [
  [
    'WeChat message, one field a line, a bank name containing 银行',
    '名称：北京云杉数智科技有限公司\n税号：91110108MA01XK3P2M\n地址：北京市海淀区西二旗中路33号院6号楼\n电话：010-62781234\n开户行：中国工商银行北京海淀支行\n账号：0200 0496 1920 0088 888',
    {
      name: '北京云杉数智科技有限公司',
      taxId: '91110108MA01XK3P2M',
      address: '北京市海淀区西二旗中路33号院6号楼',
      phone: '010-62781234',
      bankName: '中国工商银行北京海淀支行',
      bankAccount: '0200049619200088888',
    },
  ],
  [
    'greeting, combined columns and a thank-you',
    '您好，开票信息如下：\n单位名称：杭州青禾供应链管理有限公司\n纳税人识别号：91330106MA2CFR7N42\n地址电话：杭州市西湖区文三路90号 0571-88881234\n开户行及账号：杭州银行西湖支行 3301040160001234567\n谢谢！',
    {
      name: '杭州青禾供应链管理有限公司',
      taxId: '91330106MA2CFR7N42',
      address: '杭州市西湖区文三路90号',
      phone: '0571-88881234',
      bankName: '杭州银行西湖支行',
      bankAccount: '3301040160001234567',
    },
  ],
  [
    'one line separated by spaces',
    '名称：上海泓远贸易有限公司 税号：91310115MA1K4B8T33 地址：上海市浦东新区张江路665号 电话：021-50801234',
    {
      name: '上海泓远贸易有限公司',
      taxId: '91310115MA1K4B8T33',
      address: '上海市浦东新区张江路665号',
      phone: '021-50801234',
    },
  ],
  [
    'one line separated by Chinese commas, full stop at the end',
    '抬头：深圳市蓝鲸互动网络有限公司，税号：91440300MA5G2QW811，邮箱：finance@lanjing-example.cn。',
    { name: '深圳市蓝鲸互动网络有限公司', taxId: '91440300MA5G2QW811', email: 'finance@lanjing-example.cn' },
  ],
  [
    'one line separated by semicolons and pipes',
    '公司名称:苏州工业园区澄湖精密机械有限公司; 税号:91320594MA1MRN6H78 | 开户银行:中国银行苏州工业园区支行 | 银行账号:5379 5821 1234',
    {
      name: '苏州工业园区澄湖精密机械有限公司',
      taxId: '91320594MA1MRN6H78',
      bankName: '中国银行苏州工业园区支行',
      bankAccount: '537958211234',
    },
  ],
  [
    'copied from a spreadsheet: tabs and no colons',
    '公司名称\t成都锦程文旅发展有限公司\t税号\t91510100MA6CJ2L506\t开户行\t成都银行高新支行\t账号\t1001300000123456',
    {
      name: '成都锦程文旅发展有限公司',
      taxId: '91510100MA6CJ2L506',
      bankName: '成都银行高新支行',
      bankAccount: '1001300000123456',
    },
  ],
  [
    'bracket labels',
    '【名称】武汉江城光电技术有限公司\n【税号】：91420100MA4KXT3R6J\n[开户银行] 招商银行武汉光谷支行\n[银行账号] 127906543210001',
    {
      name: '武汉江城光电技术有限公司',
      taxId: '91420100MA4KXT3R6J',
      bankName: '招商银行武汉光谷支行',
      bankAccount: '127906543210001',
    },
  ],
  [
    'numbered and circled bullets',
    '1.企业名称：青岛海岬食品有限公司\n2、统一社会信用代码：91370212MA3NB7D198\n①注册地址：青岛市崂山区海尔路178号\n② 注册电话：0532-88901234',
    {
      name: '青岛海岬食品有限公司',
      taxId: '91370212MA3NB7D198',
      address: '青岛市崂山区海尔路178号',
      phone: '0532-88901234',
    },
  ],
  [
    'email body with CRLF line ends',
    '王经理您好：\r\n\r\n请按以下信息开具增值税专用发票。\r\n发票抬头：厦门鹭岛茶业商行\r\n税号：92350203MA31F6PX2D\r\n开户行：厦门银行思明支行\r\n帐号：8010 1234 5678 9\r\n\r\n此致\r\n敬礼',
    {
      name: '厦门鹭岛茶业商行',
      taxId: '92350203MA31F6PX2D',
      bankName: '厦门银行思明支行',
      bankAccount: '8010123456789',
    },
  ],
  [
    'English labels, a bank name that starts with the word Bank',
    'Company name: Tianjin Harbour Logistics Co., Ltd.\nTax ID: 91120116MA05TK8Y49\nAddress: No. 88 Haibin Road, Binhai New Area, Tianjin\nTel: +86 22 6620 1234\nBank: Bank of China Tianjin Binhai Branch\nAccount No.: 2750 1234 5678\nEmail: ap@harbour-example.com',
    {
      name: 'Tianjin Harbour Logistics Co., Ltd.',
      taxId: '91120116MA05TK8Y49',
      address: 'No. 88 Haibin Road, Binhai New Area, Tianjin',
      phone: '+86 22 6620 1234',
      bankName: 'Bank of China Tianjin Binhai Branch',
      bankAccount: '275012345678',
      email: 'ap@harbour-example.com',
    },
  ],
  [
    'email signature: no company label, contact details only',
    '--\n李静 | 财务部\n重庆山城云仓科技有限公司\n地址：重庆市渝北区金开大道99号\n手机：138 0833 1234\n邮箱：lijing@shancheng-example.cn',
    { address: '重庆市渝北区金开大道99号', mobile: '138 0833 1234', email: 'lijing@shancheng-example.cn' },
  ],
  [
    'name and tax ID only (ordinary invoice)',
    '麻烦开普票\n抬头：西安秦川印务有限公司\n税号：91610131MA6TXB1K2W',
    { name: '西安秦川印务有限公司', taxId: '91610131MA6TXB1K2W' },
  ],
  [
    'full-width colon with spaces, a tax ID typed in lower case, spaced and full-width',
    '名称 ： 哈尔滨北国冰雪装备有限公司\n税号 ： ９１２３０１０３ma１bn４q６５q',
    { name: '哈尔滨北国冰雪装备有限公司', taxId: '91230103MA1BN4Q65Q' },
  ],
  [
    'labels at the line start followed by spaces, no colons',
    '名称  重庆两江新材料有限公司\n税号  91500000MA5U3G8E79\n电话  023-67881234',
    { name: '重庆两江新材料有限公司', taxId: '91500000MA5U3G8E79', phone: '023-67881234' },
  ],
  [
    'copied from a two-row table: each value on the line below its label',
    '名称：\n杭州青禾供应链管理有限公司\n纳税人识别号：\n91330106MA2CFR7N42',
    { name: '杭州青禾供应链管理有限公司', taxId: '91330106MA2CFR7N42' },
  ],
  [
    'a name with full-width brackets kept as typed',
    '开票名称：云杉数智（北京）科技有限公司\n识别号：91110108MA01XK3P2M',
    { name: '云杉数智（北京）科技有限公司', taxId: '91110108MA01XK3P2M' },
  ],
  [
    'a bare credit code on its own line',
    '客户名称：上海泓远贸易有限公司\n91310115MA1K4B8T33\n谢谢',
    { name: '上海泓远贸易有限公司', taxId: '91310115MA1K4B8T33' },
  ],
  [
    'labels prefixed with the party: 购买方 / 购方',
    '购买方名称：深圳市蓝鲸互动网络有限公司 购买方纳税人识别号：91440300MA5G2QW811\n购方地址、电话：深圳市南山区科技园科苑路15号 0755-86013388',
    {
      name: '深圳市蓝鲸互动网络有限公司',
      taxId: '91440300MA5G2QW811',
      address: '深圳市南山区科技园科苑路15号',
      phone: '0755-86013388',
    },
  ],
  [
    'electronic invoice delivery: 收票邮箱, 收票手机, 联系人',
    '抬头：成都锦程文旅发展有限公司\n税号：91510100MA6CJ2L506\n联系人：周敏\n收票手机：13912345678\n收票邮箱：zhoumin@jincheng-example.com',
    {
      name: '成都锦程文旅发展有限公司',
      taxId: '91510100MA6CJ2L506',
      contact: '周敏',
      mobile: '13912345678',
      email: 'zhoumin@jincheng-example.com',
    },
  ],
  [
    'fields run together without a separator after a name ending in 公司',
    '名称：武汉江城光电技术有限公司地址：武汉市东湖新技术开发区光谷大道77号',
    { name: '武汉江城光电技术有限公司', address: '武汉市东湖新技术开发区光谷大道77号' },
  ],
  [
    'placeholders such as 无 are no value',
    '名称：西安秦川印务有限公司\n税号：91610131MA6TXB1K2W\n电话：无\n开户行：/\n账号：-',
    { name: '西安秦川印务有限公司', taxId: '91610131MA6TXB1K2W' },
  ],
  [
    'a room number before the phone stays in the address',
    '公司名称：北京云杉数智科技有限公司\n地址及电话：北京市朝阳区望京街10号院2号楼 1501 010-84561234',
    { name: '北京云杉数智科技有限公司', address: '北京市朝阳区望京街10号院2号楼 1501', phone: '010-84561234' },
  ],
  [
    'values containing label words that are not labels (电话局路, 银行 in the bank)',
    '单位地址：北京市海淀区电话局路5号\n开户银行：中国建设银行股份有限公司北京电话局路支行\n银行帐号：1105 0161 3600 0000 1234',
    {
      address: '北京市海淀区电话局路5号',
      bankName: '中国建设银行股份有限公司北京电话局路支行',
      bankAccount: '11050161360000001234',
    },
  ],
  [
    'bank and account glued, with 银行账号 directly after the bank name',
    '开户行：中国建设银行股份有限公司上海张江支行银行账号：31050161360000001234',
    { bankName: '中国建设银行股份有限公司上海张江支行', bankAccount: '31050161360000001234' },
  ],
  [
    'a legacy 15-digit tax ID and an account written with hyphens',
    '企业名称：绍兴柯桥纺织品经营部\n纳税人识别码：330621123456789\n开户行名称：浙江绍兴瑞丰农村商业银行柯桥支行\n开户账号：2010-0001-2345-678',
    {
      name: '绍兴柯桥纺织品经营部',
      taxId: '330621123456789',
      bankName: '浙江绍兴瑞丰农村商业银行柯桥支行',
      bankAccount: '201000012345678',
    },
  ],
  [
    'English short labels with dots and a social organisation code',
    'Name: Beijing Green Future Foundation\nTIN: 52110000MJ0077123W\nTel.: 010-6512 3456\nA/C: 0200-0012-3456-789\nE-mail: office@greenfuture-example.org',
    {
      name: 'Beijing Green Future Foundation',
      taxId: '52110000MJ0077123W',
      phone: '010-6512 3456',
      bankAccount: '020000123456789',
      email: 'office@greenfuture-example.org',
    },
  ],
  [
    'chat one-liner: 信用代码 and 开户行及帐号 with a comma between bank and account',
    '麻烦开专票：抬头 青岛海岬食品有限公司；信用代码 91370212MA3NB7D198；开户行及帐号：青岛农商银行崂山支行，8101 2345 6789',
    {
      name: '青岛海岬食品有限公司',
      taxId: '91370212MA3NB7D198',
      bankName: '青岛农商银行崂山支行',
      bankAccount: '810123456789',
    },
  ],
  [
    'where to post the paper invoice is not the registered address',
    '名称：上海泓远贸易有限公司\n税号：91310115MA1K4B8T33\n收件人：陈晓\n收件地址：上海市徐汇区漕溪北路398号\n收件人电话：13761234567\n注册地址：上海市浦东新区张江路665号',
    { name: '上海泓远贸易有限公司', taxId: '91310115MA1K4B8T33', address: '上海市浦东新区张江路665号' },
  ],
  [
    'one line with single spaces and no colons after the first label',
    '地址：北京市海淀区清河中街68号 电话 010-60606666 开户行：中国工商银行北京清河支行 账号 0200 0049 0900 1234 567',
    {
      address: '北京市海淀区清河中街68号',
      phone: '010-60606666',
      bankName: '中国工商银行北京清河支行',
      bankAccount: '0200004909001234567',
    },
  ],
];

describe('parsePaste: labelled text', () => {
  it.each(SAMPLES)('%s', (_, text, fields) => {
    expect(parsePaste(text)).toEqual({ ok: true, source: 'labels', fields, warnings: [] });
  });

  it('has plenty of samples', () => {
    expect(SAMPLES.length).toBeGreaterThanOrEqual(24);
  });

  it('takes the first value of a field and prefers a labelled tax ID to a bare one', () => {
    expect(
      parsePaste('91310115MA1K4B8T33\n税号：91320594MA1MRN6H78\n电话：021-50801234\n联系电话：13800138000'),
    ).toEqual({
      ok: true,
      source: 'labels',
      fields: { taxId: '91320594MA1MRN6H78', phone: '021-50801234' },
      warnings: [],
    });
  });

  it('reports blank input and text without fields', () => {
    expect(parsePaste('')).toEqual({ ok: false, reason: 'empty' });
    expect(parsePaste(' \r\n\t ')).toEqual({ ok: false, reason: 'empty' });
    expect(parsePaste('您好，开票信息如下：\n稍后发您，谢谢！')).toEqual({ ok: false, reason: 'nothingFound' });
    expect(parsePaste('Account details below, thanks')).toEqual({ ok: false, reason: 'nothingFound' });
  });
});

/** The invoice-title QR text, GBK-encoded, with its CRC over the bytes before the CRC field (± the last `</>`). */
function qrPayload(parts: string[], crc: 'withoutSeparator' | 'withSeparator' | string = 'withoutSeparator'): string {
  const head = iconv.encode(parts.join('</>'), 'gbk');
  const covered = crc === 'withSeparator' ? Buffer.concat([head, Buffer.from('</>')]) : head;
  const hex =
    crc === 'withoutSeparator' || crc === 'withSeparator'
      ? crc16Buypass(covered).toString(16).toUpperCase().padStart(4, '0')
      : crc;
  const text = Buffer.concat([head, Buffer.from(`</>${hex}`)]);
  return `$01${text.toString('base64')}$`;
}

const QR_PARTS = [
  '杭州青禾供应链管理有限公司',
  '91330106MA2CFR7N42',
  '杭州市西湖区文三路90号 0571-88881234',
  '杭州银行西湖支行 3301040160001234567',
];
const QR_FIELDS: Partial<PastedBuyer> = {
  name: '杭州青禾供应链管理有限公司',
  taxId: '91330106MA2CFR7N42',
  address: '杭州市西湖区文三路90号',
  phone: '0571-88881234',
  bankName: '杭州银行西湖支行',
  bankAccount: '3301040160001234567',
};

describe('parsePaste: invoice-title QR payload', () => {
  it('computes CRC-16/BUYPASS', () => {
    expect(crc16Buypass(new TextEncoder().encode('123456789'))).toBe(0xfee8);
  });

  it.each(['withoutSeparator', 'withSeparator'])('accepts a CRC computed %s', (crc) => {
    expect(parsePaste(qrPayload(QR_PARTS, crc))).toEqual({ ok: true, source: 'qr', fields: QR_FIELDS, warnings: [] });
  });

  it('accepts a lower-case CRC', () => {
    const upper = qrPayload(QR_PARTS);
    const crc = crc16Buypass(iconv.encode(QR_PARTS.join('</>'), 'gbk'))
      .toString(16)
      .padStart(4, '0');
    expect(parsePaste(qrPayload(QR_PARTS, crc.toLowerCase()))).toEqual(parsePaste(upper));
  });

  it('still returns the fields of a payload whose CRC does not match, with a warning', () => {
    expect(parsePaste(qrPayload(QR_PARTS, '0000'))).toEqual({
      ok: true,
      source: 'qr',
      fields: QR_FIELDS,
      warnings: ['qrChecksum'],
    });
  });

  it('finds the payload among the white space and text a scanner gun or a chat adds', () => {
    const payload = qrPayload(QR_PARTS);
    const expected = { ok: true, source: 'qr', fields: QR_FIELDS, warnings: [] };
    expect(parsePaste(`\r\n  ${payload}  \n`)).toEqual(expected);
    expect(parsePaste(`扫码结果：${payload} 请查收`)).toEqual(expected);
    expect(parsePaste(`${payload.slice(0, 20)}\n${payload.slice(20)}`)).toEqual(expected);
  });

  it('leaves out empty parts', () => {
    expect(parsePaste(qrPayload(['西安秦川印务有限公司', '91610131MA6TXB1K2W', '', '']))).toEqual({
      ok: true,
      source: 'qr',
      fields: { name: '西安秦川印务有限公司', taxId: '91610131MA6TXB1K2W' },
      warnings: [],
    });
  });

  it.each([
    ['bad base64', '$01abcde$'],
    ['base64 of something else', `$01${Buffer.from('hello world').toString('base64')}$`],
    ['too few parts', qrPayload(QR_PARTS.slice(0, 3))],
    ['too many parts', qrPayload([...QR_PARTS, 'extra'])],
    ['bytes that are not GBK', `$01${Buffer.from([0x81, 0x20, 0xff, 0xff]).toString('base64')}$`],
  ])('reports %s as unreadable', (_, text) => {
    expect(parsePaste(text)).toEqual({ ok: false, reason: 'qrUnreadable' });
  });
});
