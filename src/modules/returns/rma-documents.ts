import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { localised } from '../../platform/i18n/i18n.ts';
import type { Actor } from '../auth/index.ts';
import { getBrandById } from '../brands/index.ts';
import { getTicket } from '../tickets/index.ts';
import { renderLabelPdf } from './label-pdf.ts';
import { renderPackingPdf, renderReceiptPdf, type ReturnDocumentData } from './rma-pdfs.ts';
import { getReturn } from './rma.service.ts';

/** A label is printed once the return is authorised, and until the parcel is in. */
const LABEL_STATES = ['authorised', 'awaiting_parcel'];

/** A text field the brand's intake form asked for (seed 004: sender, address, contact person, phone). */
function field(custom: Record<string, unknown>, key: string): string | null {
  const v = custom[key];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** What every document of a return needs: the return, the ticket, the brand, and the requester's language. */
async function documentContext(db: Db, actor: Actor, ticketId: string) {
  const rma = await getReturn(db, actor, ticketId);
  const ticket = await getTicket(db, actor, ticketId);
  const brand = await getBrandById(db, ticket.brandId);
  const requester = await db.selectFrom('app_user').select(['name', 'locale']).where('id', '=', ticket.requester.id).executeTakeFirstOrThrow();
  const locale = brand.locales.includes(requester.locale) ? requester.locale : brand.defaultLocale;
  return { rma, ticket, brand, requester, locale };
}

function documentData(c: Awaited<ReturnType<typeof documentContext>>, at: Date): ReturnDocumentData {
  return {
    number: c.rma.number,
    locale: c.locale,
    timeZone: c.brand.timeZone,
    brand: { name: c.brand.name, accent: c.brand.settings.returns.accentColour },
    customer: c.requester.name,
    refusesCashOnDelivery: c.brand.settings.returns.refusesCashOnDelivery,
    at,
    lines: c.rma.lines.map((l) => ({
      serial: l.serial,
      model: localised(l.model.name, c.locale, l.model.code),
      condition: l.condition,
      accessories: l.accessoriesExpected.map((key) => ({ name: localised(l.model.accessories.find((a) => a.key === key)?.name ?? {}, c.locale, key), received: l.accessoriesReceived.includes(key) })),
    })),
  };
}

/**
 * The parcel label of a ticket's return, in the requester's language: the sender as the intake
 * form gave it (else the requester), the brand's return address, the number with its check digit.
 */
export async function returnLabel(db: Db, actor: Actor, ticketId: string, now: Date): Promise<{ pdf: Buffer; filename: string }> {
  const c = await documentContext(db, actor, ticketId);
  const { rma, ticket, brand, requester, locale } = c;
  if (!LABEL_STATES.includes(rma.state)) throw new AppError('RMA_NOT_AUTHORISED', 409, `A label is printed for an authorised return; this one is ${rma.state}`, { state: rma.state });
  const custom = ticket.customFields as Record<string, unknown>;
  const postal = brand.settings.addresses.postal;
  const pdf = await renderLabelPdf({
    number: rma.number,
    locale,
    brand: { name: brand.name, accent: brand.settings.returns.accentColour },
    sender: {
      name: field(custom, 'senderName') ?? requester.name,
      addressLines: (field(custom, 'senderAddress') ?? '').split(/\r?\n|,\s*/).filter(Boolean),
      contactPerson: field(custom, 'contactPerson') ?? requester.name,
      phone: field(custom, 'phone') ?? field(custom, 'contactPhone') ?? '—',
    },
    returnAddress: { name: brand.name, addressLines: brand.settings.returns.address.length ? brand.settings.returns.address : (postal ?? '').split(/,\s*/).filter(Boolean) },
    serials: rma.lines.map((l) => l.serial),
    refusesCashOnDelivery: brand.settings.returns.refusesCashOnDelivery,
    issuedOn: DateTime.fromJSDate(now, { zone: brand.timeZone }).toISODate()!,
  });
  return { pdf, filename: `${rma.number}-label.pdf` };
}

/** The packing instructions with each unit's accessories checklist, printed with the label. */
export async function returnPacking(db: Db, actor: Actor, ticketId: string, now: Date): Promise<{ pdf: Buffer; filename: string }> {
  const c = await documentContext(db, actor, ticketId);
  if (!LABEL_STATES.includes(c.rma.state)) throw new AppError('RMA_NOT_AUTHORISED', 409, `Packing instructions come with an authorised return; this one is ${c.rma.state}`, { state: c.rma.state });
  const day = DateTime.fromJSDate(now, { zone: c.brand.timeZone }).startOf('day').toJSDate();
  return { pdf: await renderPackingPdf(documentData(c, day)), filename: `${c.rma.number}-packing.pdf` };
}

/** The receipt of the parcel handed in: when it came, what came with each unit, its condition. */
export async function returnReceipt(db: Db, actor: Actor, ticketId: string): Promise<{ pdf: Buffer; filename: string }> {
  const c = await documentContext(db, actor, ticketId);
  const received = c.rma.history.find((h) => h.event === 'receive');
  if (!received) throw new AppError('RMA_NOT_RECEIVED', 409, `The receipt is printed once the parcel is in; this return is ${c.rma.state}`, { state: c.rma.state });
  return { pdf: await renderReceiptPdf(documentData(c, new Date(received.at))), filename: `${c.rma.number}-receipt.pdf` };
}
