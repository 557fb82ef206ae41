import { refusedTarget } from '../../platform/net/outbound-target.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countQuarantined, discardInbound, getMailboxSettings, mailReceiverSettings, listInbound, listMailboxes, openInboundRaw, reprocessInbound, saveMailbox } from './admin/index.ts';
import { listOutbox, listTicketMails, testSmtpConnection } from './outbound/index.ts';
import { DELIVERY_STATUSES } from '../../shared/vocabulary.ts';
import { testImapConnection } from './inbound/index.ts';
import { mailTemplateRoutes } from './templates/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppConfig } from '../../platform/config/config.ts';
import type { EmailContext } from './context/index.ts';

const IdParams = z.object({ id: z.uuid() });
const Settings = z
  .object({
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    user: z.string().max(254).optional(),
    password: z.string().max(500).optional(),
    folder: z.string().max(200).optional(),
  })
  .strict();
const MailboxBody = z
  .object({
    brandId: z.uuid(),
    address: z.email().max(254),
    displayName: z.string().trim().max(200).nullable().optional(),
    enabled: z.boolean().default(true),
    /** Without an SMTP server, deliver to the built-in outbox (Admin → Outbox) instead of holding the mail. */
    outbox: z.boolean().optional(),
    imap: Settings.nullable().optional(),
    smtp: Settings.nullable().optional(),
  })
  .strict();

const InboundItem = z.object({
  id: z.string(),
  receivedAt: z.string(),
  redeliveries: z.number(),
  lastRedeliveredAt: z.string().nullable(),
  source: z.enum(['smtp', 'imap', 'api']),
  envelopeFrom: z.string().nullable(),
  envelopeTo: z.array(z.string()),
  messageId: z.string().nullable(),
  subject: z.string().nullable(),
  from: z.string().nullable(),
  sizeBytes: z.number(),
  status: z.enum(['received', 'processed', 'quarantined', 'discarded']),
  reason: z.string().nullable(),
  detail: z.string().nullable(),
  brandName: z.string().nullable(),
});
const ServerSettings = z.object({ host: z.string(), port: z.number(), secure: z.boolean(), user: z.string().nullable(), folder: z.string().nullable(), hasPassword: z.boolean() }).nullable();
const MailboxResponse = z.object({
  id: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  address: z.string(),
  displayName: z.string().nullable(),
  enabled: z.boolean(),
  outbox: z.boolean(),
  imap: ServerSettings,
  smtp: ServerSettings,
  lastCheckedAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
const Id = z.object({ id: z.string() });
const MailKind = z.enum(['reply', 'acknowledgment', 'confirmation_request', 'notification']);
const OutboxItem = z.object({
  id: z.string(),
  kind: MailKind,
  automatic: z.boolean(),
  to: z.string(),
  cc: z.array(z.string()),
  subject: z.string(),
  /** The text part only: a mail's HTML is never rendered in the app's origin. */
  bodyText: z.string(),
  messageId: z.string(),
  createdAt: z.string(),
  deliveredAt: z.string(),
  brandName: z.string(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
});
const TicketMail = z.object({
  id: z.string(),
  kind: MailKind,
  automatic: z.boolean(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  entryId: z.string().nullable(),
});

/** What the composition root hands these routes. */
export interface EmailRoutesOptions { db: Db; email: EmailContext; config: AppConfig }

export const emailRoutes: FastifyPluginAsyncZod<EmailRoutesOptions> = async (app, { db, email, config }) => {
  await app.register(mailTemplateRoutes, { db });
  app.get(
    '/admin/inbound',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['e-mail'],
        summary: 'Inbound messages by status (the quarantine is status=quarantined)',
        querystring: z.object({ status: z.enum(['received', 'processed', 'quarantined', 'discarded']).default('quarantined'), cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }),
        response: { 200: z.object({ items: z.array(InboundItem), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => listInbound(email, request.actor, request.query),
  );
  app.get(
    '/admin/inbound/counts',
    { config: { access: 'admin' }, schema: { tags: ['e-mail'], summary: 'How many messages wait in quarantine', response: { 200: z.object({ quarantined: z.number().int() }) } } },
    async (request) => countQuarantined(email, request.actor),
  );
  app.post('/admin/inbound/:id/reprocess', { config: { access: 'admin' }, schema: { tags: ['e-mail'], summary: 'Process a quarantined message again', params: IdParams, response: { 200: z.object({ status: z.literal('received') }) } } }, async (request) =>
    reprocessInbound(email, request.actor, request.params.id),
  );
  app.post('/admin/inbound/:id/discard', { config: { access: 'admin' }, schema: { tags: ['e-mail'], summary: 'Discard a quarantined message (its raw copy is kept)', params: IdParams, response: { 200: z.object({ status: z.literal('discarded') }) } } }, async (request) =>
    discardInbound(email, request.actor, request.params.id),
  );
  app.get('/admin/inbound/:id/raw', { config: { access: 'admin' }, schema: { tags: ['e-mail'], summary: 'The message as received (.eml)', params: IdParams, response: { 200: z.any().describe('The raw message (binary, message/rfc822)') } } }, async (request, reply) => {
    const { stream, sizeBytes } = await openInboundRaw(email, request.actor, request.params.id);
    return reply
      .header('content-type', 'message/rfc822')
      .header('content-length', sizeBytes)
      .header('content-disposition', `attachment; filename="${request.params.id}.eml"`)
      .send(stream);
  });

  app.get('/admin/mailboxes', { config: { access: 'admin' }, schema: { tags: ['e-mail'], summary: "Brands' support mailboxes (passwords never returned)", response: { 200: z.object({ items: z.array(MailboxResponse) }) } } }, async (request) => listMailboxes(db, request.actor));
  app.post('/admin/mailboxes', { config: { access: 'admin' }, schema: { tags: ['e-mail'], summary: 'Add a mailbox', body: MailboxBody, response: { 201: Id } } }, async (request, reply) => {
    const id = await saveMailbox(email, request.actor, null, request.body, config.allowPrivateTargets);
    return reply.status(201).send({ id });
  });
  app.patch('/admin/mailboxes/:id', { config: { access: 'admin' }, schema: { tags: ['e-mail'], summary: 'Change a mailbox; an omitted password is kept', params: IdParams, body: MailboxBody.partial(), response: { 200: Id } } }, async (request) => ({
    id: await saveMailbox(email, request.actor, request.params.id, request.body, config.allowPrivateTargets),
  }));
  app.post(
    '/admin/mailboxes/:id/test',
    { config: { access: 'admin' }, schema: { tags: ['e-mail'], summary: 'Test the IMAP or SMTP connection of a mailbox', params: IdParams, body: z.object({ kind: z.enum(['imap', 'smtp']) }).strict(), response: { 200: z.object({ ok: z.boolean(), error: z.string().nullable(), detail: z.string().nullable() }) } } },
    async (request) => {
      const m = await getMailboxSettings(db, request.actor, request.params.id);
      const settings = request.body.kind === 'imap' ? m.imap : m.smtp;
      if (!settings) return { ok: false, error: `no ${request.body.kind.toUpperCase()} server configured`, detail: null };
      // Never a probe of what sits behind the app (issue 9, finding 9).
      const refused = await refusedTarget(settings.host, config.allowPrivateTargets);
      if (refused) return { ok: false, error: refused, detail: null };
      if (request.body.kind === 'smtp') return { ...(await testSmtpConnection(settings)), detail: null };
      const r = await testImapConnection({ folder: 'INBOX', ...settings });
      return { ok: r.ok, error: r.error ?? null, detail: r.messages !== undefined ? `${r.messages} messages` : null };
    },
  );
  app.get(
    '/admin/outbox',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['e-mail'],
        summary: 'The built-in outbox: mail of mailboxes without an SMTP server, newest first (nothing here left the install)',
        querystring: z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }),
        response: { 200: z.object({ items: z.array(OutboxItem), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => listOutbox(db, request.actor, request.query),
  );
  app.get(
    '/tickets/:id/mails',
    {
      config: { access: 'staff' },
      schema: { tags: ['e-mail'], summary: "Every mail recorded on a ticket (automatic ones too) with its delivery state, newest first", params: IdParams, response: { 200: z.object({ items: z.array(TicketMail) }) } },
    },
    async (request) => listTicketMails(db, request.actor, request.params.id),
  );
  app.get('/admin/mail-settings', { config: { access: 'admin' }, schema: { tags: ['e-mail'], summary: 'Built-in SMTP receiver settings', response: { 200: z.object({ smtpReceiver: z.object({ enabled: z.boolean(), port: z.number() }) }) } } }, async (request) => {
    return mailReceiverSettings(request.actor, config.smtpPort);
  });
};
