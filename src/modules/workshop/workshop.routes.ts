import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { loadActor } from '../auth/index.ts';
import { getBrandById } from '../brands/index.ts';
import type { SlaNotifier } from '../sla/index.ts';
import { lowStock, receivePurchaseOrder } from './parts.service.ts';
import { answerByLink, answerQuote, quoteByLink } from './quote.service.ts';
import { decide, diagnose, repairEvent, shipReplacement, type WorkshopContext } from './repair.service.ts';
import type { WorkshopNotifier } from './workshop-notifier.ts';
import { getWorkshop, quoteLines, quoteView, workshopBoard } from './workshop.read.ts';
import { feeInvoicePdf, quotePdf, recyclingCertificatePdf, repairReportPdf } from './workshop-documents.ts';
import { FILE_DOWNLOAD, sendDocument } from '../attachments/index.ts';
import {
  BoardResponse,
  DecisionBody,
  DiagnosisBody,
  LowStockResponse,
  QuoteAnswerBody,
  QuoteAnswerResponse,
  QuoteLinkResponse,
  RepairEventBody,
  ReplacementBody,
  WorkshopResponse,
} from './workshop.schemas.ts';

export interface WorkshopRoutesOptions {
  db: Db;
  jobs: JobQueue;
  notifier: WorkshopNotifier;
  sla: SlaNotifier;
  publicUrl: string;
}

export const workshopRoutes: FastifyPluginAsyncZod<WorkshopRoutesOptions> = async (app, opts) => {
  const ctx: WorkshopContext = { db: opts.db, jobs: opts.jobs, notifier: opts.notifier, sla: opts.sla, publicUrl: opts.publicUrl };
  const db = opts.db;
  const params = z.object({ id: z.uuid() });
  const repairParams = z.object({ id: z.uuid(), repairId: z.uuid() });
  /** Every workshop step answers with the ticket's repairs as they now stand (the step's own result unused). */
  const view = (request: { actor: Parameters<typeof getWorkshop>[1]; params: { id: string }; now: Date }, _done?: unknown) => getWorkshop(db, request.actor, request.params.id, request.now);

  app.get('/tickets/:id/workshop', { schema: { tags: ['workshop'], summary: "The ticket's repairs: diagnosis, the remedy decided and why, parts, quotes, invoices, expected duration", params, response: { 200: WorkshopResponse } } }, async (request) => view(request));
  app.post(
    '/tickets/:id/workshop/diagnosis',
    { config: { access: 'staff' }, schema: { tags: ['workshop'], summary: "A technician's diagnosis of a unit of the ticket's return, once it is in the workshop", params, body: DiagnosisBody, response: { 200: WorkshopResponse } } },
    async (request) => view(request, await diagnose(ctx, request.actor, request.params.id, request.body, request.now)),
  );
  app.post(
    '/tickets/:id/workshop/repairs/:repairId/decision',
    { schema: { tags: ['workshop'], summary: 'Decide the remedy (explained, the law first) and carry it out; the customer answers an exchange proposed to them here', params: repairParams, body: DecisionBody, response: { 200: WorkshopResponse } } },
    async (request) => view(request, await decide(ctx, request.actor, request.params.id, request.params.repairId, request.body, request.now)),
  );
  app.post(
    '/tickets/:id/workshop/repairs/:repairId/events',
    { config: { access: 'staff' }, schema: { tags: ['workshop'], summary: 'The bench: repaired (parts consumed), test failed or passed, shipped', params: repairParams, body: RepairEventBody, response: { 200: WorkshopResponse } } },
    async (request) => view(request, await repairEvent(ctx, request.actor, request.params.id, request.params.repairId, request.body, request.now)),
  );
  app.post(
    '/tickets/:id/workshop/repairs/:repairId/replacement',
    { config: { access: 'staff' }, schema: { tags: ['workshop'], summary: 'Ship the replacement unit from stock; refused until the defective unit was picked up or received', params: repairParams, body: ReplacementBody, response: { 200: WorkshopResponse } } },
    async (request) => view(request, await shipReplacement(ctx, request.actor, request.params.id, request.params.repairId, request.body, request.now)),
  );
  app.post(
    '/quotes/:id/answer',
    { schema: { tags: ['workshop'], summary: 'Accept or refuse a quote or an offer, once (the customer in the portal, or the desk on their word)', params, body: QuoteAnswerBody, response: { 200: QuoteAnswerResponse } } },
    async (request) => answerQuote(ctx, request.actor, request.params.id, request.body.answer, request.actor.role === 'customer' ? 'portal' : 'desk', request.now),
  );
  // The token travels in the query or the body, not the path: it is longer than a path segment may be.
  const token = z.object({ token: z.string().min(10).max(1000) });
  app.get(
    '/quote-links',
    { config: { access: 'public' }, schema: { tags: ['workshop'], summary: 'What a signed e-mail link answers, and the quote; reading it changes nothing', querystring: token, response: { 200: QuoteLinkResponse } } },
    async (request) => {
      const { quote, answer } = await quoteByLink(ctx, request.query.token, request.now);
      const brand = await getBrandById(db, quote.brand_id);
      const customer = await loadActor(db, quote.customer_id);
      const ticket = await db.selectFrom('ticket').select('number').where('id', '=', quote.ticket_id).executeTakeFirstOrThrow();
      const today = DateTime.fromJSDate(request.now, { zone: brand.timeZone }).toISODate()!;
      return { answer, brand: brand.name, ticketNumber: ticket.number, quote: quoteView(quote, await quoteLines(db, [quote.id]), customer?.locale ?? brand.defaultLocale, today) };
    },
  );
  app.post(
    '/quote-links',
    { config: { access: 'public' }, schema: { tags: ['workshop'], summary: 'Give the answer a signed e-mail link carries (once; a link of a replaced quote is refused)', body: token, response: { 200: QuoteAnswerResponse } } },
    async (request) =>
      answerByLink(ctx, request.body.token, request.now, async (userId) => {
        const actor = await loadActor(db, userId);
        if (!actor) throw new AppError('QUOTE_LINK_INVALID', 403, 'This link is no longer valid');
        return actor;
      }),
  );
  const pdf = { 200: FILE_DOWNLOAD };
  app.get('/quotes/:id/pdf', { schema: { tags: ['workshop'], summary: "A quote's or an offer's PDF, in the customer's language", params, response: pdf } }, async (request, reply) => sendDocument(reply, await quotePdf(db, request.actor, request.params.id)));
  app.get('/workshop-invoices/:id/pdf', { schema: { tags: ['workshop'], summary: "A workshop invoice's PDF (the diagnostic fee), in the customer's language", params, response: pdf } }, async (request, reply) => sendDocument(reply, await feeInvoicePdf(db, request.actor, request.params.id)));
  app.get('/tickets/:id/workshop/repairs/:repairId/report', { schema: { tags: ['workshop'], summary: 'The repair report PDF, once the repair passed its tests', params: repairParams, response: pdf } }, async (request, reply) => sendDocument(reply, await repairReportPdf(db, request.actor, request.params.id, request.params.repairId)));
  app.get('/tickets/:id/workshop/repairs/:repairId/recycling-certificate', { schema: { tags: ['workshop'], summary: 'The recycling certificate PDF of a unit taken back and recycled free', params: repairParams, response: pdf } }, async (request, reply) => sendDocument(reply, await recyclingCertificatePdf(db, request.actor, request.params.id, request.params.repairId)));
  app.get(
    '/workshop/board',
    { config: { access: 'staff' }, schema: { tags: ['workshop'], summary: 'The workshop board: repairs on the bench by state, waiting for parts, quotes awaiting the customer, ready to ship', querystring: z.object({ brandId: z.uuid().optional() }), response: { 200: BoardResponse } } },
    async (request) => workshopBoard(db, request.actor, request.query.brandId),
  );
  app.get(
    '/workshop/low-stock',
    { config: { access: 'staff' }, schema: { tags: ['workshop'], summary: "The brand's parts out of stock or short of what open repairs need, with what is on order", querystring: z.object({ brandId: z.uuid() }), response: { 200: LowStockResponse } } },
    async (request) => lowStock(db, request.actor, request.query.brandId, request.actor.locale),
  );
  app.post(
    '/workshop/purchase-orders/:id/receive',
    { config: { access: 'staff' }, schema: { tags: ['workshop'], summary: 'A supplier delivery: stock rises, waiting repairs take their parts and go back on the bench', params, response: { 200: z.object({ purchaseOrderId: z.string(), resumedRepairIds: z.array(z.string()) }) } } },
    async (request) => receivePurchaseOrder(ctx, request.actor, request.params.id, request.now),
  );
};
