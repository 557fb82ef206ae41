import type { Clock } from '../platform/clock/clock.ts';
import type { AppConfig } from '../platform/config/config.ts';
import type { Database, Db } from '../platform/db/database.ts';
import type { FileStore } from '../platform/files/file-store.ts';
import type { TicketEvents } from '../modules/tickets/index.ts';
import type { EmailContext } from '../modules/email/index.ts';
import type { SlaNotifier } from '../modules/sla/index.ts';
import type { ReturnNotifier } from '../modules/returns/index.ts';
import type { WorkshopNotifier } from '../modules/workshop/index.ts';
import type { InvitationMailer, PasswordResetMailer } from '../modules/auth/index.ts';
import type { JobQueue } from '../platform/jobs/job-queue.ts';
import type { WebFormMailer } from '../modules/web-forms/index.ts';
import type { EventBus } from '../platform/events/event-bus.ts';

/** What every route plugin receives: the composition root's wiring, nothing global. */
export interface AppContext {
  db: Db;
  /** The store behind `db`, for bulk loads (COPY) that hold one connection. */
  database: Database;
  /** The server's one clock: routes read `request.now`, jobs and workers ask this. */
  clock: Clock;
  config: AppConfig;
  files: FileStore;
  ticketEvents: TicketEvents;
  /** Changes told to every process after commit (live screens). */
  bus: EventBus;
  email: EmailContext;
  /** Service levels: the job queue for recomputations and how alerts reach people. */
  sla: { jobs: JobQueue; notifier: SlaNotifier };
  /** Returns: the job queue (webhooks) and how the customer hears of each step (the e-mail module). */
  returns: { jobs: JobQueue; notifier: ReturnNotifier };
  /** The workshop: the job queue (webhooks) and how the customer hears of decisions, quotes and repairs (the e-mail module). */
  workshop: { jobs: JobQueue; notifier: WorkshopNotifier };
  /** How password-reset links reach users (the e-mail module). */
  passwordResetMailer: PasswordResetMailer;
  /** How a public web form's confirmation, with its link, reaches the requester (the e-mail module). */
  webFormMailer: WebFormMailer;
  /** How an admin's invitations reach people (the e-mail module). */
  invitationMailer: InvitationMailer;
}
