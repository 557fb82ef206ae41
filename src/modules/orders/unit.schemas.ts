import { z } from 'zod';
import { isIsoDate, WARRANTY_OUTCOMES, WARRANTY_RULES } from '../warranty/index.ts';

const Localised = z.record(z.string(), z.string());
const IsoDate = z.string().refine(isIsoDate, { message: 'must be a date YYYY-MM-DD', params: { code: 'invalid_format' } });

export const UnitResponse = z.object({
  id: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  model: z.object({ id: z.string(), code: z.string(), name: Localised, lifecycle: z.enum(['active', 'end_of_life']), endOfLifeOn: IsoDate.nullable() }),
  serial: z.string().nullable(),
  licenceKey: z.string().nullable(),
  condition: z.enum(['new', 'refurbished', 'second_hand']),
  countryOfSale: z.string(),
  purchasedOn: IsoDate.nullable(),
  deliveredOn: IsoDate.nullable(),
  proofStatus: z.enum(['none', 'uploaded', 'validated', 'rejected']),
  seller: z.object({ id: z.string(), name: z.string() }).nullable(),
  order: z.object({ id: z.string(), number: z.string() }).nullable(),
  accessories: z.array(z.object({ key: z.string(), name: Localised })),
  history: z.array(z.object({ at: z.string(), kind: z.string(), actor: z.string().nullable(), data: z.record(z.string(), z.unknown()) })),
});

const CoverageResponse = z.object({
  kind: z.enum(['legal_guarantee', 'commercial_warranty', 'service_contract']),
  startsOn: IsoDate,
  endsOn: IsoDate,
  article: z.string().nullable(),
  presumptionEndsOn: IsoDate.nullable().optional(),
  presumptionArticle: z.string().nullable().optional(),
});


export const WarrantyResponse = z.object({
  unitId: z.string(),
  /** The local date the decision is for. */
  at: IsoDate,
  outcome: z.enum(WARRANTY_OUTCOMES),
  rule: z.enum(WARRANTY_RULES),
  article: z.string().nullable(),
  coverage: CoverageResponse.nullable(),
  standingLegalGuarantee: CoverageResponse.nullable(),
  blockedUntil: IsoDate.nullable(),
  explanation: z.array(z.object({ rule: z.enum(WARRANTY_RULES), params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) })),
});
export type WarrantyResponseType = z.infer<typeof WarrantyResponse>;

export const WarrantyQuery = z.object({ at: IsoDate.optional() }).strict();

export const TicketUnitsResponse = z.object({
  items: z.array(
    z.object({
      /** As the ticket names it. */
      serial: z.string(),
      /** Null: no unit of this brand that you may see has this serial (shown as unknown). */
      unit: z.object({ id: z.string(), model: z.object({ id: z.string(), code: z.string(), name: Localised }), condition: z.enum(['new', 'refurbished', 'second_hand']), deliveredOn: IsoDate.nullable() }).nullable(),
      warranty: WarrantyResponse.nullable(),
    }),
  ),
});

export const OrdersQuery = z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(50).default(10) }).strict();

/** A unit's warranty today, in short: the outcome, the rule, until when it runs or is blocked. */
const TodaysWarranty = z.object({ outcome: WarrantyResponse.shape.outcome, rule: z.enum(WARRANTY_RULES), endsOn: IsoDate.nullable(), blockedUntil: IsoDate.nullable() });

export const OrderPage = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      brandId: z.string(),
      brandName: z.string(),
      orderedOn: IsoDate,
      paidOn: IsoDate.nullable(),
      paymentProvider: z.string().nullable(),
      dispute: z.object({ openedOn: IsoDate, closedOn: IsoDate.nullable() }).nullable(),
      currency: z.string(),
      totalCents: z.number(),
      seller: z.string().nullable(),
      invoice: z.object({ number: z.string().nullable() }).nullable().describe('Download it at GET /orders/{id}/invoice'),
      lines: z.array(
        z.object({
          id: z.string(),
          model: z.object({ code: z.string(), name: Localised }),
          quantity: z.number(),
          unitPriceCents: z.number(),
          units: z.array(
            z.object({
              id: z.string(),
              serial: z.string(),
              warranty: TodaysWarranty,
            }),
          ),
        }),
      ),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const AttachInvoiceBody = z.object({
  attachmentId: z.uuid().describe('An upload of yours (POST /attachments) that is a PDF'),
  number: z.string().trim().min(1).max(100).describe("The shop's invoice number"),
});
export const AttachInvoiceResponse = z.object({ number: z.string(), filename: z.string(), sizeBytes: z.number() });

const PushedValue = z.union([z.string().max(10_000), z.number(), z.null()]);
export const ImportPushBody = z.object({
  brand: z.string().min(1).max(60).describe("The brand's slug"),
  skipInvalid: z.boolean().optional().describe('Import the valid rows and report the others, instead of refusing the whole push'),
  rows: z
    .array(z.record(z.string(), PushedValue))
    .min(1)
    .max(50_000)
    .describe('One order line per row, with the CSV export’s column names: order_id, line_id, ordered_on, customer_email, country, currency, model, quantity, unit_price, serials, …'),
});
const Counts = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
export const ImportPushResponse = z.object({
  rows: z.number(),
  imported: z.number(),
  rejected: z.number(),
  orders: Counts,
  units: z.object({ created: z.number(), unchanged: z.number() }),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).describe('The refused rows (with skipInvalid): rows.<index>.<column>'),
});

export const RegisterUnitBody = z.object({
  brandId: z.uuid(),
  serial: z.string().trim().min(1).max(200).describe('As printed on the plate, or the licence key'),
  purchasedOn: IsoDate,
  deliveredOn: IsoDate.nullable().optional(),
  condition: z.enum(['new', 'refurbished', 'second_hand']).optional(),
  proofAttachmentId: z.uuid().describe('Your upload (POST /attachments) of the invoice or receipt: PDF or photo'),
});
export const ProofDecisionBody = z.object({
  decision: z.enum(['validated', 'rejected']),
  reason: z.string().trim().max(1000).optional().describe('Required to refuse: what the customer should send instead'),
  purchasedOn: IsoDate.optional().describe('Corrected from the document'),
  deliveredOn: IsoDate.nullable().optional().describe('Corrected from the document'),
});
/** A unit in a list: what it is and whose brand. */
const UnitSummary = z.object({ id: z.string(), serial: z.string(), model: z.object({ code: z.string(), name: Localised }), brandName: z.string(), purchasedOn: IsoDate.nullable() });

export const ProofsToCheckResponse = z.object({
  items: z.array(
    UnitSummary.extend({
      owner: z.object({ name: z.string(), email: z.string() }),
      deliveredOn: IsoDate.nullable(),
      uploadedAt: z.string(),
    }),
  ),
});

export const RegisteredUnitsResponse = z.object({
  items: z.array(
    UnitSummary.extend({
      proofStatus: z.enum(['none', 'uploaded', 'validated', 'rejected']),
      refusedBecause: z.string().nullable(),
      warranty: TodaysWarranty,
    }),
  ),
});
