import type { AppConfig } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { FileStore } from '../files/file-store.ts';
import type { TicketEvents } from '../../modules/tickets/ticket-events.ts';
import type { EmailContext } from '../../modules/email/email-context.ts';

/** What every route plugin receives: the composition root's wiring, nothing global. */
export interface AppContext {
  db: Db;
  config: AppConfig;
  files: FileStore;
  ticketEvents: TicketEvents;
  email: EmailContext;
}
