import { describe, expect, it } from 'vitest';
import { splitAddressPhone, splitBankAccount } from '../../../lib/domain/split';
import { captureBuyer } from '../../../lib/fill/capture';

describe('combined fields', () => {
  it.each([
    ['杭州市西湖区龙井路1号 0571-88881234', '杭州市西湖区龙井路1号', '0571-88881234'],
    ['北京市海淀区清河中街68号，010-60606666', '北京市海淀区清河中街68号', '010-60606666'],
    ['上海市浦东新区张江路665号3幢502室 13916627788', '上海市浦东新区张江路665号3幢502室', '13916627788'],
    ['绍兴市柯桥区 0575 87996781', '绍兴市柯桥区', '0575 87996781'],
    ['只有地址没有电话', '只有地址没有电话', ''],
    ['北京市朝阳区望京街10号院2号楼 1501 010-84561234', '北京市朝阳区望京街10号院2号楼 1501', '010-84561234'],
    ['上海市长宁区仙霞路99号 200050 138 0013 8000', '上海市长宁区仙霞路99号 200050', '138 0013 8000'],
  ])('%s', (text, address, phone) => {
    expect(splitAddressPhone(text)).toEqual({ address, phone });
  });

  it.each([
    ['杭州银行西湖支行 3301040160001234567', '杭州银行西湖支行', '3301040160001234567'],
    ['中国工商银行北京海淀支行 0200 0496 1920 0088 888', '中国工商银行北京海淀支行', '0200049619200088888'],
    ['招商银行上海张江支行', '招商银行上海张江支行', ''],
  ])('%s', (text, bankName, bankAccount) => {
    expect(splitBankAccount(text)).toEqual({ bankName, bankAccount });
  });
});

describe('captureBuyer', () => {
  it('reads single and combined fields, and needs a name', () => {
    expect(
      captureBuyer([
        { role: 'name', value: ' 宁波港湾物流有限公司 ' },
        { role: 'taxId', value: '91330206MA2H3K5P7L' },
        { role: 'addressPhone', value: '宁波市北仑区明州路88号 0574-86881234' },
        { role: 'bankNameAccount', value: '宁波银行北仑支行 51010122000123456' },
        { role: 'email', value: 'x@y.cn' },
      ]),
    ).toEqual({
      name: '宁波港湾物流有限公司',
      taxId: '91330206MA2H3K5P7L',
      address: '宁波市北仑区明州路88号',
      phone: '0574-86881234',
      bankName: '宁波银行北仑支行',
      bankAccount: '51010122000123456',
    });
    expect(captureBuyer([{ role: 'taxId', value: '91330206MA2H3K5P7L' }])).toBeNull();
  });
});
