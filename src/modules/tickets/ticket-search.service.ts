import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../auth/index.ts';
import { SEARCH_CONFIGS } from './search-config.ts';
import { selectTicketSummaries } from './ticket.queries.ts';
import { toSummary } from './ticket.service.ts';
import { ticketVisibleTo } from './ticket-visibility.ts';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Full-text search over tickets and their conversations, plus substring matching on ticket
 * numbers, serial numbers and requester e-mail addresses (trigram indexes).
 *
 * Each text is indexed with its own language's stemmer; the query is parsed by every configured
 * language and OR-ed, so "imprimantes" finds a French ticket and "обновлении" a Russian one while
 * the query stays one constant tsquery that the GIN indexes can serve. Only tickets the searcher
 * may see are ranked.
 */
export async function searchTickets(db: Db, actor: Actor, params: { q: string; brandId?: string | undefined; limit: number }) {
  const tsq = sql.join(
    SEARCH_CONFIGS.map((cfg) => sql`websearch_to_tsquery(${sql.lit(cfg)}::regconfig, ${params.q})`),
    sql` || `,
  );
  const like = `%${escapeLike(params.q.trim())}%`;
  const useTrigram = params.q.trim().length >= 3;
  const hits = sql`
    select id as ticket_id, ts_rank_cd(search_vector, (${tsq})) * 2 as r from ticket where search_vector @@ (${tsq})
    union all
    select ticket_id, ts_rank_cd(search_vector, (${tsq})) from ticket_entry where search_vector @@ (${tsq}) and kind <> 'internal_note'
    ${
      useTrigram
        ? sql`union all select id, 10 from ticket where number ilike ${like}
    union all select ticket_id, 8 from ticket_serial where upper(serial) like upper(${like})
    union all select t.id, 4 from ticket t join app_user u on u.id = t.requester_id where lower(u.email) like lower(${like})`
        : sql``
    }`;
  let q = selectTicketSummaries(db)
    .innerJoin(
      (eb) => eb.selectFrom(sql`(${hits})`.as('h')).select([sql<string>`h.ticket_id`.as('ticket_id'), sql<number>`sum(h.r)`.as('rank')]).groupBy(sql`h.ticket_id`).as('hit'),
      (join) => join.onRef('hit.ticket_id', '=', 't.id'),
    )
    .select(['hit.rank', sql<string>`ts_headline(t.search_config, t.description, (${tsq}), 'MaxWords=25, MinWords=10, ShortWord=2')`.as('headline')])
    .where(ticketVisibleTo(actor));
  if (params.brandId) q = q.where('t.brand_id', '=', params.brandId);
  const rows = await q.orderBy('hit.rank', 'desc').orderBy('t.created_at', 'desc').limit(params.limit).execute();
  return { items: rows.map((r) => ({ ...toSummary(r), rank: Number(r.rank), headline: r.headline })) };
}
