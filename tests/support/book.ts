import { openBook } from '../../lib/db/open';
import type { CustomerInput } from '../../lib/domain/customer';

let counter = 0;

/** A fresh, empty book in fake-indexeddb under a unique name. */
export function freshBook() {
  counter += 1;
  return openBook(`taitou-test-${counter}-${Date.now()}`);
}

/** A valid customer input with one billing entry; override what a test cares about. */
export function customerInput(overrides: Partial<CustomerInput> = {}): CustomerInput {
  return {
    name: '北京小米科技有限责任公司',
    taxId: '91110000600037341L',
    entries: [
      {
        id: 'main',
        address: '北京市海淀区清河中街68号',
        phone: '010-60606666',
        bankName: '中国工商银行北京海淀支行',
        bankAccount: '0200049619200088888',
      },
    ],
    defaultEntryId: 'main',
    ...overrides,
  };
}
