import type { FieldRole } from './roles';

/**
 * How each buyer role shows itself, in order of precedence: combined fields before their parts, the specific
 * before the general. `text` is tried on what people read (label, aria, placeholder), `key` on what programmers
 * wrote (name, id, autocomplete), after lower-casing and dropping `_`, `-` and `.`.
 */
export const ROLE_PATTERNS: readonly { role: FieldRole; text: RegExp; key: RegExp }[] = [
  // The platform's show flags (sfzsgmfdzdh, sfzsgmfyhzhbq) name address, phone and bank too: they come first.
  {
    role: 'showBankAccount',
    text: /(展示|显示|打印).{0,8}(银行|开户|账号|帐号)|show.{0,12}bank/i,
    key: /^sfzs.*(yhzh|khh|zh)(bq)?$/,
  },
  {
    role: 'showAddressPhone',
    text: /(展示|显示|打印).{0,8}(地址|电话|购买方信息|购方信息)|show.{0,12}(address|phone|buyer)/i,
    key: /^sfzs.*(dzdh|dz|dh|xx)$/,
  },
  {
    role: 'invoiceType',
    text: /发票(类型|种类)|票种|票类|invoice\s*(type|kind)/i,
    key: /^(fplx|fplxdm|fpzl|fpzldm|invoicetype|invoicekind)$/,
  },
  { role: 'remarks', text: /备注|\bremarks?\b|\bmemo\b/i, key: /^(bz|fpbz|remark|remarks|memo)$/ },
  { role: 'naturalPerson', text: /自然人/, key: /^(zrrbz|isnaturalperson|naturalperson)$/ },
  {
    role: 'addressPhone',
    text: /地址.{0,2}(及|和|、|,|，|\/)?.{0,2}电话|address.{0,3}(and|&)?.{0,3}(phone|tel)/i,
    key: /(dzdh|addressphone|addresstel|addrtel)$/,
  },
  {
    role: 'bankNameAccount',
    text: /开户(银)?行.{0,2}(及|和|、|,|，|\/)?.{0,2}(银行)?(账|帐)号|银行(账|帐)户信息|bank.{0,3}(and|&)?.{0,3}account/i,
    key: /(yhzh|khhzh|bankaccountinfo|buyeraccount|bankandaccount)$/,
  },
  {
    role: 'taxId',
    text: /统一社会信用代码|纳税人识别号|识别号|税号|信用代码|tax\s*(id|no|number)|credit\s*code/i,
    key: /(nsrsbh|gfsh|gmfsh|taxnum|taxno|taxnumber|taxid|uscc|creditcode|sh)$/,
  },
  { role: 'email', text: /邮箱|电子邮件|e-?mail/i, key: /(email|mail|yx|dzyx)$/ },
  { role: 'mobile', text: /手机/i, key: /(mobile|sjh|sjhm|cellphone)$/ },
  {
    role: 'bankName',
    text: /开户(银)?行|开户银行|银行名称|bank(\s*name)?$/i,
    key: /(khh|khyh|bankname|bank)$/,
  },
  {
    role: 'bankAccount',
    text: /(银行)?(账|帐)号|银行(账|帐)户|account(\s*(no|number))?/i,
    key: /(zh|yhzh|banknumber|bankaccount|bankno|accountno|account)$/,
  },
  { role: 'address', text: /地址|address/i, key: /(dz|address|addr)$/ },
  { role: 'phone', text: /电话|phone|tel/i, key: /(dh|gddh|tel|telphone|telephone|phone)$/ },
  {
    role: 'name',
    text: /名称|抬头|单位|客户|title|company|name/i,
    key: /(mc|gmfmc|gfmc|ghfmc|buyername|title|companyname|custname|customername|name)$/,
  },
];

/** Blocks, labels and keys of the seller (销售方), whose fields are never written. */
export const SELLER = {
  text: /销售方|销方|卖方|销货|销售单位|seller|vendor/i,
  key: /^(xsf|xf|seller|sale|sell|vendor)/,
};
/** Blocks of the buyer, which make a weak signal (名称, 电话) count. */
export const BUYER = {
  text: /购买方|购方|买方|购货|受票方|抬头|buyer|purchaser/i,
  key: /^(gmf|gf|ghf|buyer|purchaser)/,
};
/** Search boxes, logins and captchas, never filled. */
export const EXCLUDED = {
  text: /搜索|查询|检索|search|用户名|登录|密码|验证码|captcha|password|login|username/i,
  key: /(search|keyword|query|^q$|^kw$|username|userid|login|password|pwd|captcha|^yzm|verifycode)/,
  types: new Set(['search', 'password', 'hidden', 'submit', 'button', 'reset', 'file', 'image', 'range', 'color']),
};
/** Line items and other invoice parts whose labels also say 名称 or 金额. */
export const NOT_BUYER = { text: /项目|货物|商品|规格|型号|^单位$|数量|单价|金额|税率|税额|开票人|收款人|复核/ };

/** What the options of an invoice-type choice say for each type: 增值税专用发票 / 专票, 普通发票 / 普票. */
export const INVOICE_TYPE_WORDS = { special: /专用|专票/, normal: /普通|普票/ } as const;
