import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Actor } from '../auth/index.ts';
import { getBrandById } from '../brands/index.ts';
import { getTicket } from '../tickets/index.ts';
import { renderLabelPdf } from './label-pdf.ts';
import { getReturn } from './rma.service.ts';

/** A label is printed once the return is authorised, and until the parcel is in. */
const LABEL_STATES = ['authorised', 'awaiting_parcel'];

/** A text field the brand's intake form asked for (seed 004: sender, address, contact person, phone). */
function field(custom: Record<string, unknown>, key: string): string | null {
  const v = custom[key];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/**
 * The parcel label of a ticket's return, in the requester's language: the sender as the intake
 * form gave it (else the requester), the brand's return address, the number with its check digit.
 */
export async function returnLabel(db: Db, actor: Actor, ticketId: string, now: Date): Promise<{ pdf: Buffer; filename: string }> {
  const rma = await getReturn(db, actor, ticketId);
  if (!LABEL_STATES.includes(rma.state)) throw new AppError('RMA_NOT_AUTHORISED', 409, `A label is printed for an authorised return; this one is ${rma.state}`, { state: rma.state });
  const ticket = await getTicket(db, actor, ticketId);
  const brand = await getBrandById(db, ticket.brandId);
  const requester = await db.selectFrom('app_user').select(['name', 'locale']).where('id', '=', ticket.requester.id).executeTakeFirstOrThrow();
  const custom = ticket.customFields as Record<string, unknown>;
  const locale = brand.locales.includes(requester.locale) ? requester.locale : brand.defaultLocale;
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
