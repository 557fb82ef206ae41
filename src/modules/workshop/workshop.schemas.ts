import { z } from 'zod';
import { QUOTE_STATES, REPAIR_EVENTS, REPAIR_STATES } from '../../shared/vocabulary.ts';
import { REMEDIES, REMEDY_RULES } from './remedy-decision.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const DiagnosisBody = z.object({
  unitId: z.uuid(),
  findings: text(4000),
  faultCode: z.string().trim().max(40).optional(),
  repairable: z.boolean(),
  customerDamage: z.boolean(),
  labourMinutes: z.number().int().min(0).max(10_000),
  parts: z.array(z.object({ partId: z.uuid(), quantity: z.number().int().min(1).max(1000) })).max(50).default([]),
  unused: z.boolean().optional(),
  photoIds: z.array(z.uuid()).max(20).optional(),
});

export const DecisionBody = z.object({
  customerChoice: z.enum(['repair', 'replacement']).optional(),
  refurbishedConsent: z.boolean().optional(),
  offer: z.object({ condition: z.enum(['new', 'refurbished', 'second_hand']), priceCents: z.number().int().min(0).max(100_000_000), modelId: z.uuid().optional() }).optional(),
});

export const RepairEventBody = z.object({
  event: z.enum(['repaired', 'test_failed', 'test_passed', 'shipped']),
  workDone: z.string().trim().max(4000).optional(),
  testsPassed: z.array(text(200)).max(50).optional(),
  outbound: z.object({ carrier: text(100), trackingNumber: z.string().trim().max(100).optional() }).optional(),
});

export const ReplacementBody = z.object({ serial: z.string().trim().min(1).max(100).optional(), carrier: text(100), trackingNumber: z.string().trim().max(100).optional() });
export const QuoteAnswerBody = z.object({ answer: z.enum(['accept', 'refuse']) });

const Money = z.object({ amountCents: z.number().int(), currency: z.string() });

export const QuoteResponse = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(['repair', 'offer']),
  state: z.enum(QUOTE_STATES),
  /** Past its validity while still unanswered. */
  expired: z.boolean(),
  lines: z.array(z.object({ kind: z.string(), description: z.string(), quantity: z.number().int(), unit: Money, net: Money })),
  net: Money,
  taxRateBp: z.number().int(),
  tax: Money,
  total: Money,
  validUntil: z.string(),
  /** What refusing costs (the diagnostic fee), announced with the quote; null: nothing. */
  refusalFee: Money.nullable(),
  offeredCondition: z.enum(['new', 'refurbished', 'second_hand']).nullable(),
  answeredAt: z.string().nullable(),
  answeredVia: z.enum(['portal', 'link', 'email', 'desk']).nullable(),
});

export const RepairResponse = z.object({
  id: z.string(),
  unitId: z.string(),
  serial: z.string(),
  model: z.string(),
  state: z.enum(REPAIR_STATES),
  nextEvents: z.array(z.enum(REPAIR_EVENTS)),
  diagnosis: z
    .object({ findings: z.string(), faultCode: z.string().nullable(), repairable: z.boolean(), customerDamage: z.boolean(), labourMinutes: z.number().int(), diagnosedAt: z.string(), technician: z.string().nullable() })
    .nullable(),
  decision: z
    .object({
      remedy: z.enum(REMEDIES),
      rule: z.enum(REMEDY_RULES),
      article: z.string().nullable(),
      billable: z.boolean(),
      replacementCondition: z.enum(['new', 'refurbished']).nullable(),
      coverage: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      overridden: z.array(z.object({ setting: z.string(), law: z.string() })),
    })
    .nullable(),
  customerChoice: z.enum(['repair', 'replacement']).nullable(),
  estimate: z.object({ minDays: z.number().int(), maxDays: z.number().int(), basis: z.record(z.string(), z.unknown()) }).nullable(),
  parts: z.array(z.object({ partId: z.string(), reference: z.string(), name: z.string(), quantity: z.number().int(), status: z.enum(['needed', 'reserved', 'ordered', 'consumed', 'released']), expectedOn: z.string().nullable(), purchaseOrderId: z.string().nullable() })),
  quotes: z.array(QuoteResponse),
  invoices: z.array(z.object({ id: z.string(), number: z.string(), kind: z.literal('diagnostic_fee'), total: Money, issuedAt: z.string() })),
  workDone: z.string().nullable(),
  testsPassed: z.array(z.string()),
  replacementSerial: z.string().nullable(),
  recycled: z.boolean(),
  history: z.array(z.object({ event: z.string(), from: z.string().nullable(), to: z.string(), at: z.string(), by: z.string().nullable() })),
});

export const WorkshopResponse = z.object({ items: z.array(RepairResponse) });

export const BoardResponse = z.object({
  items: z.array(
    z.object({
      repairId: z.string(),
      ticketId: z.string(),
      number: z.string(),
      serial: z.string(),
      model: z.string(),
      state: z.enum(REPAIR_STATES),
      since: z.string(),
      /** The brand's time zone, which `since` is read in. */
      timeZone: z.string(),
      remedy: z.enum(REMEDIES).nullable(),
      quoteState: z.enum(QUOTE_STATES).nullable(),
      partsWaiting: z.number().int(),
      estimate: z.object({ minDays: z.number().int(), maxDays: z.number().int() }).nullable(),
    }),
  ),
});

export const LowStockResponse = z.object({
  items: z.array(z.object({ partId: z.string(), reference: z.string(), name: z.string(), stockOnHand: z.number().int(), neededByRepairs: z.number().int(), onOrder: z.number().int(), nextDelivery: z.string().nullable(), reorderLeadDays: z.number().int() })),
});

export const QuoteLinkResponse = z.object({ answer: z.enum(['accept', 'refuse']), brand: z.string(), ticketNumber: z.string(), quote: QuoteResponse });
export const QuoteAnswerResponse = z.object({ quoteId: z.string(), state: z.enum(['accepted', 'refused']) });
