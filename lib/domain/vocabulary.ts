/** The closed sets of values a customer's fields take; plain data, so pages can list them without the schemas. */
export const CUSTOMER_KINDS = ['company', 'individualBusiness', 'naturalPerson'] as const;
export const INVOICE_TYPES = ['normal', 'special'] as const; // 普票, 专票
export const SOURCES = ['manual', 'import', 'paste', 'capture', 'sample'] as const;
export const REVIEW_STATUSES = ['pending', 'verified'] as const;
