import { z } from 'zod';

// Extension pages and the worker forbid eval (MV3 CSP). Zod would otherwise probe `new Function` when the first
// schema is built, and Chrome logs that probe as a CSP violation on the extension's error page. Every schema in
// lib/ takes `z` from here, so this runs before any of them exists.
z.config({ jitless: true });

export { z };
