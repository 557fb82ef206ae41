import { z } from 'zod';
import { RMA_EVENTS, RMA_STATES } from './rma-machine.ts';

const Localised = z.record(z.string(), z.string());
const Text = (max: number) => z.string().trim().min(1).max(max);

export const RequestReturnBody = z
  .object({
    unitIds: z.array(z.uuid()).min(1).max(20).describe('The units of this ticket to send back (GET /tickets/{id}/units lists them)'),
    customerAcceptsCharges: z.boolean().optional().describe('The customer agrees to pay (quote, diagnostic fee) for a unit nothing covers'),
  })
  .strict();

export const ReturnEventBody = z
  .object({
    event: z.enum(RMA_EVENTS),
    reason: z.string().trim().max(2000).optional().describe('Required to refuse or cancel: shown to the customer'),
    inboundMode: z.enum(['drop_off', 'courier', 'pickup']).optional().describe('How the parcel comes in (arrange_shipment)'),
    customerAcceptsCharges: z.boolean().optional(),
    received: z
      .array(z.object({ unitId: z.uuid(), accessories: z.array(Text(100)).max(20), condition: z.string().trim().max(2000).optional() }).strict())
      .max(20)
      .optional()
      .describe('At receiving: what came with each unit, and its condition'),
    photoIds: z.array(z.uuid()).max(20).optional().describe('At receiving: photos of the parcel and the units, uploaded with POST /attachments; kept on the ticket as an internal note'),
    inbound: z
      .object({ carrier: Text(100), trackingNumber: z.string().trim().max(100).optional() })
      .strict()
      .optional()
      .describe('arrange_shipment: the carrier and tracking number of the parcel coming in (a courier, or the pickup the brand booked)'),
    outbound: z.object({ carrier: Text(100), trackingNumber: z.string().trim().max(100).optional() }).strict().optional().describe('Shipping back: the parcel going out'),
  })
  .strict();

export const RefuseParcelBody = z
  .object({
    reason: Text(2000).describe('Why the parcel is refused, told to the customer'),
    cashOnDelivery: z.boolean(),
    carrier: z.string().trim().max(100).optional(),
  })
  .strict();

export const ReturnLookupQuery = z.object({ number: Text(64).describe('The number as scanned or typed; its check digit catches a typo') }).strict();

export const ReturnResponse = z.object({
  id: z.string(),
  ticketId: z.string(),
  number: z.string().describe('The RMA number: the ticket number, check digit included'),
  state: z.enum(RMA_STATES),
  channelRoute: z.boolean(),
  reason: z.string().nullable(),
  inboundMode: z.enum(['drop_off', 'courier', 'pickup']).nullable(),
  customerAcceptsCharges: z.boolean(),
  createdAt: z.string(),
  stateChangedAt: z.string(),
  location: z.enum(['with_customer', 'on_its_way_in', 'at_workshop', 'on_its_way_back']).describe('Where the units are now'),
  lines: z.array(
    z.object({
      unitId: z.string(),
      serial: z.string(),
      model: z.object({ code: z.string(), name: Localised, accessories: z.array(z.object({ key: z.string(), name: Localised })).describe('What must travel with the unit, named in each language') }),
      warrantyOutcome: z.string(),
      accessoriesExpected: z.array(z.string()),
      accessoriesReceived: z.array(z.string()),
      accessoriesMissing: z.array(z.string()),
      condition: z.string().nullable(),
    }),
  ),
  shipments: z.array(
    z.object({
      direction: z.enum(['in', 'out']),
      mode: z.enum(['drop_off', 'courier', 'pickup', 'carrier']),
      carrier: z.string().nullable(),
      trackingNumber: z.string().nullable(),
      paidBy: z.enum(['customer', 'brand']),
      cashOnDelivery: z.boolean(),
      refusedReason: z.string().nullable(),
      createdAt: z.string(),
      handledAt: z.string().nullable(),
    }),
  ),
  history: z.array(z.object({ at: z.string(), event: z.string(), from: z.string().nullable(), to: z.string(), by: z.string().nullable(), data: z.record(z.string(), z.unknown()) })),
  nextEvents: z.array(z.enum(RMA_EVENTS)).describe('The events you may send now (guards still apply)'),
});

export const ReturnsQuery = z
  .object({
    state: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.enum(RMA_STATES)).min(1).max(12)).describe('One or more states (repeat the parameter)'),
    changedBefore: z.iso.datetime({ offset: true }).optional().describe('Only returns whose last change is older: awaiting the parcel for more than N days'),
    changedSince: z.iso.datetime({ offset: true }).optional().describe('Only returns changed since: received today'),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

export const ReturnsPage = z.object({
  items: z.array(
    z.object({
      ticketId: z.string(),
      number: z.string(),
      subject: z.string(),
      state: z.enum(RMA_STATES),
      stateChangedAt: z.string(),
      channelRoute: z.boolean(),
      brandName: z.string(),
      timeZone: z.string().describe('The brand’s time zone, in which its dates read'),
      requesterName: z.string(),
      units: z.number(),
    }),
  ),
});

export const UnexpectedParcelBody = z
  .object({
    brandId: z.uuid(),
    labelText: z.string().trim().max(200).optional().describe('A number or words read on the parcel'),
    sender: z.string().trim().max(500).optional(),
    carrier: z.string().trim().max(100).optional(),
    trackingNumber: z.string().trim().max(100).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export const UnexpectedParcelResponse = z.object({
  id: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  receivedAt: z.string(),
  recordedBy: z.string(),
  labelText: z.string().nullable(),
  sender: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  note: z.string().nullable(),
});

/** The courier's pickup of the defective unit: its carrier and tracking number, when known. */
export const PickupBody = z.object({ carrier: z.string().trim().max(100).optional(), trackingNumber: z.string().trim().max(100).optional() });
