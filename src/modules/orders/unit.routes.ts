import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { Database, Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { FILE_DOWNLOAD, sendFile } from '../attachments/index.ts';
import { CsvFileError } from '../../platform/csv/csv-source.ts';
import { importOrders } from './import/index.ts';
import { attachInvoice, openInvoice } from './invoice.service.ts';
import { decideProof, openProof, proofsToCheck, registeredUnits, registerUnit } from './unit-registration.ts';
import { AttachInvoiceBody, AttachInvoiceResponse, ImportPushBody, ImportPushResponse, OrderPage, OrdersQuery, ProofDecisionBody, ProofsToCheckResponse, RegisteredUnitsResponse, RegisterUnitBody, TicketUnitsResponse, UnitResponse, WarrantyQuery, WarrantyResponse } from './unit.schemas.ts';
import { listOrders } from './order.service.ts';
import { getUnit, getUnitWarranty, ticketUnits } from './unit.service.ts';

/** What the composition root hands these routes. */
export interface UnitRoutesOptions {
  db: Db;
  /** The whole store, for the bulk import's COPY. */
  database: Database;
  files: FileStore;
}

export const unitRoutes: FastifyPluginAsyncZod<UnitRoutesOptions> = async (app, { db, database, files }) => {
  app.get(
    '/units/:id',
    { schema: { tags: ['units'], summary: 'A unit you may see: its model, order, seller and history', params: z.object({ id: z.uuid() }), response: { 200: UnitResponse } } },
    async (request) => getUnit(db, request.actor, request.params.id),
  );
  app.get(
    '/units/:id/warranty',
    {
      schema: {
        tags: ['units'],
        summary: 'What the customer is owed for this unit on a date (default today), the rule and the article that decided',
        params: z.object({ id: z.uuid() }),
        querystring: WarrantyQuery,
        response: { 200: WarrantyResponse },
      },
    },
    async (request) => getUnitWarranty(db, request.actor, request.params.id, request.query, request.now),
  );
  app.get(
    '/orders',
    { schema: { tags: ['orders'], summary: 'Orders you may see, newest first, with their lines, units and each unit’s warranty today', querystring: OrdersQuery, response: { 200: OrderPage } } },
    async (request) => listOrders(db, request.actor, request.query, request.now),
  );
  app.get(
    '/tickets/:id/units',
    {
      schema: {
        tags: ['units'],
        summary: "The units a ticket names by serial number, each with today's warranty decision; unknown serials are listed too",
        params: z.object({ id: z.uuid() }),
        response: { 200: TicketUnitsResponse },
      },
    },
    async (request) => ticketUnits(db, request.actor, request.params.id, request.now),
  );
  app.get(
    '/orders/:id/invoice',
    { schema: { tags: ['orders'], summary: "The order's invoice (PDF), for its owner and the brand's staff", params: z.object({ id: z.uuid() }), response: { 200: FILE_DOWNLOAD } } },
    async (request, reply) => {
      const { attachment, stream } = await openInvoice(db, files, request.actor, request.params.id);
      return sendFile(reply, attachment, stream, 'attachment');
    },
  );
  app.put(
    '/orders/:id/invoice',
    {
      schema: {
        tags: ['orders'],
        summary: "Attach the shop's invoice to an order: a PDF uploaded with POST /attachments, and its number (brand staff)",
        params: z.object({ id: z.uuid() }),
        body: AttachInvoiceBody,
        response: { 200: AttachInvoiceResponse },
      },
    },
    async (request) => attachInvoice(db, request.actor, request.params.id, request.body),
  );
  app.post(
    '/admin/orders/import',
    {
      config: { access: 'admin' },
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags: ['orders'],
        summary: 'Import order lines pushed by a shop or an ERP (the CSV export’s columns as fields): all or nothing, or skipInvalid; pushing the same rows again changes nothing',
        body: ImportPushBody,
        response: { 200: ImportPushResponse },
      },
    },
    async (request) => {
      const { brand: slug, rows, skipInvalid } = request.body;
      const brand = await db.selectFrom('brand').select('time_zone').where('slug', '=', slug).executeTakeFirst();
      if (!brand) throw notFound('BRAND_NOT_FOUND', 'Brand');
      const records = rows.map((r, i) => ({ line: i + 1, values: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])) }));
      let report;
      try {
        report = await importOrders(database, { records }, { brandSlug: slug, skipInvalid: skipInvalid ?? false, today: DateTime.fromJSDate(request.now, { zone: brand.time_zone }).toISODate()!, now: request.now });
      } catch (err) {
        if (err instanceof CsvFileError) throw new AppError('VALIDATION_FAILED', 400, `rows: ${err.message}`, { errors: [{ field: 'rows', code: 'invalid_value', message: err.message }] });
        throw err;
      }
      const errors = report.problems.map((p) => ({ field: `rows.${p.line - 1}.${p.column}`, code: p.code, message: p.message }));
      if (report.rolledBack) throw new AppError('ORDER_IMPORT_REFUSED', 422, `${report.rejected} of ${report.rows} rows have problems; nothing was imported`, { errors });
      const { timings: _timings, problems: _problems, rolledBack: _rolledBack, ...counts } = report;
      return { ...counts, errors };
    },
  );
  app.post(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Register a product you own, with its proof of purchase (customers); the desk checks the proof',
        body: RegisterUnitBody,
        response: { 201: UnitResponse },
      },
    },
    async (request, reply) => {
      const brand = await db.selectFrom('brand').select('time_zone').where('id', '=', request.body.brandId).executeTakeFirst();
      const today = DateTime.fromJSDate(request.now, { zone: brand?.time_zone ?? 'UTC' }).toISODate()!;
      return reply.status(201).send(await registerUnit(db, request.actor, request.body, today, request.now));
    },
  );
  app.get(
    '/units/registered',
    { schema: { tags: ['units'], summary: 'Products registered without an order (a customer: their own), newest first, with the proof’s state and today’s warranty', response: { 200: RegisteredUnitsResponse } } },
    async (request) => registeredUnits(db, request.actor, request.now),
  );
  app.get(
    '/units/proofs',
    { schema: { tags: ['units'], summary: 'Proofs of purchase waiting for the desk, oldest first (agents and admins)', response: { 200: ProofsToCheckResponse } } },
    async (request) => proofsToCheck(db, request.actor),
  );
  app.get(
    '/units/:id/proof',
    { schema: { tags: ['units'], summary: "The proof of purchase sent for a unit, for its owner and the brand's staff", params: z.object({ id: z.uuid() }), response: { 200: FILE_DOWNLOAD } } },
    async (request, reply) => {
      const { attachment, stream } = await openProof(db, files, request.actor, request.params.id);
      return sendFile(reply, attachment, stream);
    },
  );
  app.post(
    '/units/:id/proof-decision',
    {
      schema: {
        tags: ['units'],
        summary: "Accept or refuse a customer's proof of purchase (agents and admins); the warranty then runs from the dates it shows",
        params: z.object({ id: z.uuid() }),
        body: ProofDecisionBody,
        response: { 200: UnitResponse },
      },
    },
    async (request) => {
      const unit = await db.selectFrom('unit as u').innerJoin('brand as b', 'b.id', 'u.brand_id').select('b.time_zone').where('u.id', '=', request.params.id).executeTakeFirst();
      const today = DateTime.fromJSDate(request.now, { zone: unit?.time_zone ?? 'UTC' }).toISODate()!;
      return decideProof(db, request.actor, request.params.id, request.body, today, request.now);
    },
  );
};
