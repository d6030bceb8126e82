/** The six invoice-title details every part of Taitou reads, writes, compares or copies: 发票抬头 in short. */
export const BUYER_FIELDS = ['name', 'taxId', 'address', 'phone', 'bankName', 'bankAccount'] as const;
export type BuyerField = (typeof BUYER_FIELDS)[number];
export type BuyerDetails = Record<BuyerField, string>;
