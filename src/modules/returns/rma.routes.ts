import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { FILE_DOWNLOAD, sendDocument } from '../attachments/index.ts';
import { returnLabel, returnPacking, returnReceipt } from './rma-documents.ts';
import type { ReturnNotifier } from './rma-notifier.ts';
import { PickupBody, RefuseParcelBody, RequestReturnBody, ReturnEventBody, ReturnLookupQuery, ReturnResponse, ReturnsPage, ReturnsQuery, UnexpectedParcelBody, UnexpectedParcelResponse } from './rma.schemas.ts';
import { listReturns, listUnexpectedParcels, lookupReturn, recordUnexpectedParcel } from './receiving.service.ts';
import { getReturn, refuseParcel, requestReturn, sendReturnEvent } from './rma.service.ts';
import { recordPickup } from './rma-workshop.ts';


/** What the composition root hands these routes. */
export interface ReturnRoutesOptions {
  db: Db;
  jobs: JobQueue;
  notifier: ReturnNotifier;
}

export const returnRoutes: FastifyPluginAsyncZod<ReturnRoutesOptions> = async (app, { db, jobs, notifier }) => {
  const ctx = { db, jobs, notifier };
  const params = z.object({ id: z.uuid() });
  app.post(
    '/tickets/:id/rma',
    {
      schema: {
        tags: ['returns'],
        summary: "Request the return of some of the ticket's units; the RMA number is the ticket number (customer, their reseller, the desk)",
        params,
        body: RequestReturnBody,
        response: { 201: ReturnResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await requestReturn(ctx, request.actor, request.params.id, request.body, request.now)),
  );
  app.get(
    '/tickets/:id/rma',
    { schema: { tags: ['returns'], summary: "The ticket's return: its lines, parcels, history and the events you may send now", params, response: { 200: ReturnResponse } } },
    async (request) => getReturn(db, request.actor, request.params.id),
  );
  app.post(
    '/tickets/:id/rma/events',
    {
      schema: {
        tags: ['returns'],
        summary: 'Move the return on (endorse, approve, authorise, refuse, arrange_shipment, receive, complete_accessories, start_workshop, ship_back, close, cancel); a refusal names the state and the guard that failed',
        params,
        body: ReturnEventBody,
        response: { 200: ReturnResponse },
      },
    },
    async (request) => sendReturnEvent(ctx, request.actor, request.params.id, request.body, request.now),
  );
  app.post(
    '/tickets/:id/rma/pickup',
    { config: { access: 'staff' }, schema: { tags: ['returns'], summary: "The courier collected the defective unit from the customer (the replacement may ship from now on)", params, body: PickupBody, response: { 200: z.object({ pickedUpAt: z.string() }) } } },
    async (request) => recordPickup(db, request.actor, request.params.id, request.body, request.now),
  );
  app.post(
    '/tickets/:id/rma/refused-parcels',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['returns'],
        summary: 'Record a parcel refused at the counter (sent cash on delivery), with the reason; the return keeps waiting for its parcel',
        params,
        body: RefuseParcelBody,
        response: { 200: ReturnResponse },
      },
    },
    async (request) => refuseParcel(ctx, request.actor, request.params.id, request.body, request.now),
  );
  app.get(
    '/tickets/:id/rma/label',
    { schema: { tags: ['returns'], summary: "The parcel label (PDF, the customer's language): the number as text, Code 128 and QR", params, response: { 200: FILE_DOWNLOAD } } },
    async (request, reply) => sendDocument(reply, await returnLabel(db, request.actor, request.params.id, request.now)),
  );
  app.get(
    '/tickets/:id/rma/packing',
    { schema: { tags: ['returns'], summary: "Packing instructions with each unit's accessories checklist (PDF, the customer's language)", params, response: { 200: FILE_DOWNLOAD } } },
    async (request, reply) => sendDocument(reply, await returnPacking(db, request.actor, request.params.id, request.now)),
  );
  app.get(
    '/tickets/:id/rma/receipt',
    { schema: { tags: ['returns'], summary: 'The receipt of the parcel handed in: when, what came with each unit, its condition (PDF)', params, response: { 200: FILE_DOWNLOAD } } },
    async (request, reply) => sendDocument(reply, await returnReceipt(db, request.actor, request.params.id)),
  );
  app.get(
    '/returns',
    {
      config: { access: 'staff' },
      schema: { tags: ['returns'], summary: 'The returns queue: by state, oldest change first (awaiting the parcel for more than N days, on hold, received today)', querystring: ReturnsQuery, response: { 200: ReturnsPage } },
    },
    async (request) => listReturns(db, request.actor, request.query),
  );
  app.post(
    '/returns/unexpected-parcels',
    {
      config: { access: 'staff' },
      schema: { tags: ['returns'], summary: 'Record a parcel that came with no return behind it, with what can be read on it: never lost', body: UnexpectedParcelBody, response: { 201: UnexpectedParcelResponse } },
    },
    async (request, reply) => reply.code(201).send(await recordUnexpectedParcel(db, request.actor, request.body, request.now)),
  );
  app.get(
    '/returns/unexpected-parcels',
    { config: { access: 'staff' }, schema: { tags: ['returns'], summary: 'Unexpected parcels not yet linked to a ticket, oldest first', response: { 200: z.object({ items: z.array(UnexpectedParcelResponse) }) } } },
    async (request) => listUnexpectedParcels(db, request.actor),
  );
  app.get(
    '/returns/lookup',
    { config: { access: 'staff' }, schema: { tags: ['returns'], summary: 'The receiving desk: the return behind a scanned or typed number (the check digit catches a typo)', querystring: ReturnLookupQuery, response: { 200: ReturnResponse } } },
    async (request) => lookupReturn(db, request.actor, request.query.number),
  );
};
