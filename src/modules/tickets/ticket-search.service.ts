import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../auth/index.ts';
import { SEARCH_CONFIGS } from './search-config.ts';
import type { SearchParams } from './ticket.schemas.ts';
import { selectTicketSummaries } from './ticket.queries.ts';
import { toSummary } from './ticket.service.ts';
import { ticketVisibleTo } from './ticket-visibility.ts';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ts_headline marks matches with characters from the Private Use Area, which no ticket text
// carries: the answer is then cut into plain runs, so a description holding "<b>" or a script
// tag stays text and the client never renders HTML from the server.
const START = '\uE000';
const STOP = '\uE001';
const EXCERPT = `MaxWords=25, MinWords=10, ShortWord=2, StartSel=${START}, StopSel=${STOP}`;
const WHOLE = `HighlightAll=true, StartSel=${START}, StopSel=${STOP}`;

export interface HighlightSegment {
  text: string;
  match: boolean;
}

export function toSegments(marked: string): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  for (const [i, part] of marked.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (part) out.push({ text: part, match: i % 2 === 1 });
  }
  return out;
}

/** The query's words for matching names: at most eight, each long enough to mean something. */
function nameWords(q: string): string[] {
  return q.split(/\s+/).filter((w) => w.length >= 2).slice(0, 8);
}

/**
 * Full-text search over tickets and their conversations, plus substring matching on ticket
 * numbers, serial numbers, the requester's name and e-mail address and the organisation's name
 * (trigram indexes; names with accents and case folded, so "ionescu" finds "Maria Ionescu").
 *
 * Each text is indexed with its own language's stemmer; the query is parsed by every configured
 * language and OR-ed, so "imprimantes" finds a French ticket and "обновлении" a Russian one while
 * the query stays one constant tsquery that the GIN indexes can serve. Only tickets the searcher
 * may see are ranked, and the queue's filters narrow the hits here rather than in the browser, so
 * the limit counts only what the agent asked for.
 */
export async function searchTickets(db: Db, actor: Actor, params: SearchParams) {
  const tsq = sql.join(
    SEARCH_CONFIGS.map((cfg) => sql`websearch_to_tsquery(${sql.lit(cfg)}::regconfig, ${params.q})`),
    sql` || `,
  );
  const text = params.q.trim();
  const like = `%${escapeLike(text)}%`;
  const useTrigram = text.length >= 3;
  const words = nameWords(text);
  // Every word of the query in the name, in any order: "ionescu maria" finds "Maria Ionescu".
  const nameMatches = (column: string) =>
    sql.join(
      words.map((w) => sql`search_fold(${sql.ref(column)}) like search_fold(${`%${escapeLike(w)}%`})`),
      sql` and `,
    );
  const people =
    useTrigram && words.length > 0
      ? sql`union all select t.id, 6 from ticket t join app_user u on u.id = t.requester_id where ${nameMatches('u.name')}
    union all select t.id, 5 from ticket t join organisation o on o.id = t.organisation_id where ${nameMatches('o.name')}
    union all select t.id, 3 from ticket t join organisation o on o.id = t.reseller_id where ${nameMatches('o.name')}`
      : sql``;
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
    }
    ${people}`;
  let q = selectTicketSummaries(db)
    .innerJoin(
      (eb) => eb.selectFrom(sql`(${hits})`.as('h')).select([sql<string>`h.ticket_id`.as('ticket_id'), sql<number>`sum(h.r)`.as('rank')]).groupBy(sql`h.ticket_id`).as('hit'),
      (join) => join.onRef('hit.ticket_id', '=', 't.id'),
    )
    .select([
      'hit.rank',
      sql<string>`ts_headline(t.search_config, t.description, (${tsq}), ${EXCERPT})`.as('headline'),
      sql<string>`ts_headline(t.search_config, t.subject, (${tsq}), ${WHOLE})`.as('subject_highlight'),
    ])
    .where(ticketVisibleTo(actor));
  if (params.brandId) q = q.where('t.brand_id', '=', params.brandId);
  if (params.status?.length) q = q.where('t.status', 'in', params.status);
  if (params.groupId) q = q.where('t.group_id', '=', params.groupId);
  if (params.assigneeId === 'me') q = q.where('t.assignee_id', '=', actor.userId);
  else if (params.assigneeId === 'none') q = q.where('t.assignee_id', 'is', null);
  else if (params.assigneeId) q = q.where('t.assignee_id', '=', params.assigneeId);
  if (params.createdFrom) q = q.where('t.created_at', '>=', new Date(params.createdFrom));
  if (params.createdBefore) q = q.where('t.created_at', '<', new Date(params.createdBefore));
  const rows = await q.orderBy('hit.rank', 'desc').orderBy('t.created_at', 'desc').limit(params.limit).execute();
  return {
    items: rows.map((r) => ({ ...toSummary(r), rank: Number(r.rank), subjectHighlight: toSegments(r.subject_highlight), headline: toSegments(r.headline) })),
  };
}
