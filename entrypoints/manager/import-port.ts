import type { PagePort } from '../../lib/import/send';
import { IMPORT_PORT } from '../../lib/messaging/import-port';

/** A new port to the background's importer; closing the page closes it, and that rolls an unfinished import back. */
export const connectImport = (): PagePort => browser.runtime.connect({ name: IMPORT_PORT }) as unknown as PagePort;
