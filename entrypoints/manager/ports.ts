import type { ImportPagePort } from '../../lib/import/send';
import {
  BACKUP_PORT,
  type BackupReply,
  RESTORE_PORT,
  type RestoreReply,
  type RestoreRequest,
} from '../../lib/messaging/backup-port';
import { IMPORT_PORT } from '../../lib/messaging/import-port';
import type { PortLike } from '../../lib/messaging/port';

// Closing the page closes these ports; the background then drops what it was given (an import rolls back).
const connect = (name: string) => browser.runtime.connect({ name }) as unknown;

export const connectImport = () => connect(IMPORT_PORT) as ImportPagePort;
export const connectBackup = () => connect(BACKUP_PORT) as PortLike<never, BackupReply>;
export const connectRestore = () => connect(RESTORE_PORT) as PortLike<RestoreRequest, RestoreReply>;
