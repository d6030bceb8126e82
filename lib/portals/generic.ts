import type { PortalAdapter } from './adapter';

/** Any other page the clerk enabled: heuristics only. */
export const generic: PortalAdapter = {
  id: 'generic',
  hosts: /.*/,
  revealButtons: [],
  dismissButtons: [],
  typeConfirmButtons: [],
};
