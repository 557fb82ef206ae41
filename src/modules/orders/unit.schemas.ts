import { z } from 'zod';

const Localised = z.record(z.string(), z.string());
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

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

export const WARRANTY_RULES = [
  'missing_proof_of_purchase',
  'misuse_recorded',
  'payment_dispute_open',
  'legal_guarantee',
  'legal_guarantee_extended_after_repair',
  'legal_guarantee_second_hand_reduced',
  'commercial_warranty',
  'service_contract',
  'legal_guarantee_expired',
  'business_buyer_no_legal_guarantee',
  'no_law_for_country',
  'nothing_applies',
] as const;

export const WarrantyResponse = z.object({
  unitId: z.string(),
  /** The local date the decision is for. */
  at: IsoDate,
  outcome: z.enum(['legal_guarantee', 'commercial_warranty', 'service_contract', 'none', 'blocked', 'needs_information']),
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
