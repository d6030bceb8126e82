/* The credit texts of the one dictionary (see ../messages.ts): Chinese first; English must have the same keys. */
export const creditZhCN = {} as const;

export const creditEn: Record<keyof typeof creditZhCN, string> = {};
