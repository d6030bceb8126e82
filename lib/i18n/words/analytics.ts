/* The analytics texts of the one dictionary (see ../messages.ts): Chinese first; English must have the same keys. */
export const analyticsZhCN = {
  analyticsOpen: '分析',
  analyticsTitle: '客户分析',
} as const;

export const analyticsEn: Record<keyof typeof analyticsZhCN, string> = {
  analyticsOpen: 'Analytics',
  analyticsTitle: 'Customer analytics',
};
