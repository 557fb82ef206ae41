import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { loadActor } from '../auth/index.ts';
import type { TicketListener } from '../tickets/index.ts';
import { answerQuote, type QuoteAnswer } from './quote.service.ts';
import type { WorkshopContext } from './repair.service.ts';

/**
 * The words that answer a quote when a customer replies to its e-mail (issue 13, item 3), in the
 * five languages — the words the quote mail asks for, and their plain variants. The whole first
 * line of the reply must be one of them: "Non, merci, mais…", a question or a bare "yes"/"no"
 * (which may answer something else the desk asked) is a message for the desk, never an answer.
 */
const WORDS: Record<QuoteAnswer, readonly string[]> = {
  accept: ['accept', 'i accept', 'accepted', 'accepte', 'j accepte', 'accepté', 'acceptat', 'accept oferta', 'accept oferta de preț', 'принимаю', 'принято', 'согласен', 'согласна', 'godkänner', 'godkänn', 'godkänt'],
  refuse: ['refuse', 'i refuse', 'refused', 'je refuse', 'refusé', 'refuz', 'refuzat', 'refuz oferta', 'отказ', 'отказываюсь', 'avböjer', 'avböj', 'avböjt'],
};

/** The answer a reply's text gives, if its first line is nothing but one of the words. */
export function answerInReply(text: string): QuoteAnswer | null {
  const first = text.split('\n').map((l) => l.trim()).find((l) => l.length > 0 && !l.startsWith('>'));
  if (!first) return null;
  const word = first.toLowerCase().normalize('NFC').replace(/[’']/g, ' ').replace(/[.!,;:\s]+$/u, '').replace(/\s+/g, ' ').trim();
  for (const answer of ['accept', 'refuse'] as const) if (WORDS[answer].includes(word)) return answer;
  return null;
}

/**
 * Follows the customer's messages: a reply whose first line accepts or refuses, on a ticket with
 * exactly one quote awaiting its customer, answers that quote (via `email`), in the message's own
 * transaction (a portal message of the same words answers it too). Anything else stays a message for the desk.
 */
export function workshopTicketListener(ctx: WorkshopContext): TicketListener {
  return {
    name: 'workshop',
    async ticketsChanged(trx: Db, ticketIds: string[], at: Date, change) {
      if (change === 'opened') return; // no quote yet, nor a message answering one
      const open = await trx.selectFrom('quote').select(['id', 'ticket_id', 'customer_id']).where('ticket_id', 'in', ticketIds).where('state', '=', 'sent').execute();
      if (!open.length) return;
      const messages = await trx
        .selectFrom('ticket_entry')
        .select(['ticket_id', 'body', 'author_id', 'inbound_message_id', 'auto_submitted'])
        .where('ticket_id', 'in', [...new Set(open.map((q) => q.ticket_id))])
        .where('kind', '=', 'customer_message')
        .where('created_at', '=', at)
        .execute();
      for (const m of messages) {
        const quotes = open.filter((q) => q.ticket_id === m.ticket_id);
        const answer = answerInReply(m.body);
        if (quotes.length !== 1 || !answer || m.auto_submitted || m.author_id !== quotes[0]!.customer_id) continue;
        const actor = await loadActor(trx, m.author_id);
        if (!actor) continue;
        // An answer that cannot be taken (the quote expired meanwhile) leaves the message to the desk:
        // the message itself is never lost for it. A savepoint keeps the message's transaction whole.
        await sql`savepoint apres_quote_reply`.execute(trx);
        try {
          await answerQuote({ ...ctx, db: trx }, actor, quotes[0]!.id, answer, m.inbound_message_id ? 'email' : 'portal', at);
          await sql`release savepoint apres_quote_reply`.execute(trx);
        } catch (err) {
          await sql`rollback to savepoint apres_quote_reply`.execute(trx);
          if (!(err instanceof AppError)) throw err;
        }
      }
    },
  };
}
