/** The closed sets of values a customer's fields take; plain data, so pages can list them without the schemas. */
export const CUSTOMER_KINDS = ['company', 'individualBusiness', 'naturalPerson'] as const;
export const INVOICE_TYPES = ['normal', 'special'] as const; // 普票, 专票
/** The choice a form offers: '' leaves the invoice type to the clerk at issue time. */
export const INVOICE_CHOICES = ['', ...INVOICE_TYPES] as const;
export const CREDIT_PERIODS = ['month', 'total'] as const;
export const SOURCES = ['manual', 'import', 'paste', 'capture', 'sample'] as const;
export const REVIEW_STATUSES = ['pending', 'verified'] as const;
