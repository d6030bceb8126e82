/* The tiers' texts of the one dictionary (see ../messages.ts): Chinese first; English must have the same keys. */
export const tiersZhCN = {
  tiersOpen: '等级与开票默认',
  tiersTitle: '等级与开票默认',
} as const;

export const tiersEn: Record<keyof typeof tiersZhCN, string> = {
  tiersOpen: 'Tiers and invoice defaults',
  tiersTitle: 'Tiers and invoice defaults',
};
