/** The closed sets of values a customer's fields take; plain data, so pages can list them without the schemas. */
export const CUSTOMER_KINDS = ['company', 'individualBusiness', 'naturalPerson'] as const;
export const INVOICE_TYPES = ['normal', 'special'] as const; // 普票, 专票
/** The choice a form offers: '' leaves the invoice type to the clerk at issue time. */
export const INVOICE_CHOICES = ['', ...INVOICE_TYPES] as const;
export const CREDIT_PERIODS = ['month', 'total'] as const;
export const SOURCES = ['manual', 'import', 'paste', 'capture', 'sample'] as const;
export const REVIEW_STATUSES = ['pending', 'verified'] as const;

/**
 * A customer's own invoice defaults, all unset: each follows the customer's tier (see lib/domain/tiers.ts). Here, as
 * plain data, so that the popup's quick add makes a customer without loading the schemas.
 */
export const NO_INVOICE_DEFAULTS = {
  type: null,
  remarks: '',
  deliveryEmail: '',
  deliveryMobile: '',
  showAddressBank: null,
} as const;
