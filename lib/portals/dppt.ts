import type { PortalAdapter } from './adapter';

/** The national e-invoice platform, every province: dppt.<province>.chinatax.gov.cn (TDesign Vue 3). */
export const dppt: PortalAdapter = {
  id: 'dppt',
  hosts: /^dppt\.[a-z]+\.chinatax\.gov\.cn$/,
  revealButtons: ['更多'],
  dismissButtons: ['我知道了'],
  typeConfirmButtons: ['确定'],
};
