import type { Db } from '../../../platform/db/database.ts';
import { forbidden } from '../../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor.ts';
import { type Actor, assertAdmin, isStaff } from '../../auth/index.ts';
import { getVisibleTicket } from '../../tickets/index.ts';
import { outboxPage, ticketMails } from './outbound.queries.ts';

/**
 * The built-in outbox (issue 14): the mail of mailboxes without an SMTP server, kept for an admin
 * to read in the app like a mail catcher. Bodies go out as text only: a mail is hostile content and
 * its HTML is never rendered in the app's origin.
 */
export async function listOutbox(db: Db, actor: Actor, q: { cursor?: string | undefined; limit: number }) {
  assertAdmin(actor, 'Only an administrator reads the outbox');
  const rows = await outboxPage(db, { after: q.cursor ? decodeCursor(q.cursor) : undefined, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      automatic: r.automatic,
      to: r.to_address,
      cc: r.cc,
      subject: r.subject,
      bodyText: r.body_text,
      messageId: r.message_id,
      createdAt: r.created_at.toISOString(),
      deliveredAt: (r.sent_at ?? r.created_at).toISOString(),
      brandName: r.brand_name,
      ticketId: r.ticket_id,
      ticketNumber: r.ticket_number,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: (last.sent_at ?? last.created_at).toISOString(), id: last.id }) : null,
  };
}

/** Every mail recorded on a ticket with its delivery state (staff only: the customer reads the mail itself). */
export async function listTicketMails(db: Db, actor: Actor, ticketId: string) {
  if (!isStaff(actor)) throw forbidden('Only staff see how mail was delivered');
  await getVisibleTicket(db, actor, ticketId);
  const rows = await ticketMails(db, ticketId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      automatic: r.automatic,
      to: r.to_address,
      subject: r.subject,
      status: r.status,
      error: r.last_error,
      attempts: r.attempts,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      entryId: r.entry_id,
    })),
  };
}
