import type { Clock } from '../platform/clock/clock.ts';
import type { AppConfig } from '../platform/config/config.ts';
import type { Database } from '../platform/db/database.ts';
import { FileStore } from '../platform/files/file-store.ts';
import { JobQueue } from '../platform/jobs/job-queue.ts';
import { createEventBus } from '../platform/events/event-bus.ts';
import { notificationsTicketListener, withSlaNotifications } from '../modules/notifications/index.ts';
import { type EmailContext, type EmailWorkerOptions, passwordResetMail, invitationMail, registerEmailWorkers, returnMail, slaMail, ticketMail, webFormMail, workshopMail } from '../modules/email/index.ts';
import { recomputeBrand, runSlaSweep, slaTicketListener, SlaRecomputeJob } from '../modules/sla/index.ts';
import { useTicketListener } from '../modules/tickets/index.ts';
import { registerWebhookWorker } from '../modules/webhooks/index.ts';
import { unitsTicketListener } from '../modules/orders/index.ts';
import { workshopTicketListener } from '../modules/workshop/index.ts';
import type { AppContext } from './context.ts';

/** One process's wiring of the modules: what the HTTP API, the workers and the tests share. */
export interface Services extends AppContext {
  database: Database;
  jobs: JobQueue;
}

/**
 * How the modules follow one another, wired once per process: units and service levels follow every
 * ticket change in the changing transaction (tickets never call them). Tests that call services without an
 * app get the same wiring from their setup file.
 */
export function wireModules(): void {
  // Units first: serials found in the text join the ticket before service levels look at it.
  useTicketListener(unitsTicketListener);
  useTicketListener(slaTicketListener);
}

/**
 * Wires the modules together — the one place that knows them all (STYLE.md: the composition
 * root). `main.ts`, the test harness and the mail test node all start from here, so none of them
 * can forget a listener the others have.
 */
export function createServices(config: AppConfig, database: Database, clock: Clock, log: (msg: string, err?: unknown) => void = (m, e) => console.error(m, e ?? '')): Services {
  wireModules();
  const files = new FileStore(config.filesDir);
  const jobs = new JobQueue(database, log);
  const email: EmailContext = { db: database.db, jobs, files, rawStore: new FileStore(config.mailDir), maxMessageBytes: config.maxMessageBytes, clock };
  const bus = createEventBus(database, log);
  const notifications = { bus, jobs, publicUrl: config.publicUrl };
  // Service-level alerts reach the notification centre too, and go by mail per each agent's choice.
  const slaNotifier = withSlaNotifications(slaMail(email), notifications);
  const workshopNotifier = workshopMail(email);
  // Live screens and notifications follow every ticket change, told after commit.
  useTicketListener(notificationsTicketListener(notifications));
  // A customer's reply "accept" or "refuse" answers their quote in the reply's own transaction.
  useTicketListener(workshopTicketListener({ db: database.db, jobs, notifier: workshopNotifier, sla: slaNotifier, publicUrl: config.publicUrl }));
  return {
    database,
    db: database.db,
    clock,
    config,
    files,
    jobs,
    bus,
    email,
    ticketEvents: ticketMail(email),
    sla: { jobs, notifier: slaNotifier },
    returns: { jobs, notifier: returnMail(email) },
    workshop: { jobs, notifier: workshopNotifier },
    passwordResetMailer: passwordResetMail(email),
    webFormMailer: webFormMail(email),
    invitationMailer: invitationMail(email),
  };
}

/** The background work of a full server: mail in and out, service-level recomputes and sweeps, webhooks. */
export function registerWorkers(s: Services, opts: { email?: EmailWorkerOptions } = {}): void {
  registerEmailWorkers(s.jobs, s.email, s.ticketEvents, opts.email ?? {});
  s.jobs.work(SlaRecomputeJob, async (p) => void (await recomputeBrand(s.db, p.brandId, { now: s.clock.now, concurrency: s.database.kind === 'postgres' ? 3 : 1 })));
  registerWebhookWorker(s.jobs, s.db, s.clock, s.config.allowPrivateTargets);
  // Service-level warnings and escalations: every process sweeps each minute (rows are claimed
  // with SKIP LOCKED, each action is done once per due time).
  s.jobs.every('sla.sweep', 60, async () => void (await runSlaSweep({ db: s.db, ...s.sla }, s.clock.now())));
}
