import { type SelectQueryBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Db } from '../../platform/db/database.ts';
import { type Actor, isStaff } from '../auth/index.ts';
import { SEARCH_CONFIGS } from './search-config.ts';
import type { SearchParams } from './ticket.schemas.ts';
import { selectTicketSummaries, whereQueueFilter } from './ticket.queries.ts';
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

/** Up to this many text matches are all ranked; past it, the newest `RECENT` are. */
export const SEARCH_CANDIDATES = 1000;
export const SEARCH_RECENT = 300;
/** Matches each kind of identifier (number, serial, address, name) contributes, newest first. */
const PER_SOURCE = 200;
/** Tickets, people or organisations an identifier may name before its tickets are read. */
const KEYS = 500;

type TicketQuery = SelectQueryBuilder<DB & { t: DB['ticket'] }, 't', object>;

/**
 * Full-text search over tickets and their conversations, plus substring matching on ticket
 * numbers, serial numbers, the requester's name and e-mail address and the organisation's name
 * (trigram indexes; names with accents and case folded, so "ionescu" finds "Maria Ionescu").
 *
 * Text is matched against one search document per ticket (migration 0024): subject, description
 * and conversation, each entry stemmed in its own language. The query is parsed by every
 * configured language and OR-ed, so "imprimantes" finds a French ticket and "обновлении" a
 * Russian one while the query stays one tsquery that the index serves. Visibility, the brand and
 * the queue's filters apply inside each scan, so the limit counts only what the searcher may see
 * and asked for.
 *
 * Ranking costs a read of each document, so it is bounded: when a query matches at most
 * SEARCH_CANDIDATES tickets the searcher may see, all of them are ranked; a word so common that
 * it matches more ranks the SEARCH_RECENT newest matches (what an agent searching "printer" wants
 * to see first), read from the index a span of time at a time, newest first. Identifier
 * matches (number, serial, address, names) add fixed weights, so an exact number or serial comes
 * first. Results: by rank, then newest first.
 */
export async function searchTickets(db: Db, actor: Actor, params: SearchParams, bounds = { candidates: SEARCH_CANDIDATES, recent: SEARCH_RECENT }) {
  const tsq = sql.join(
    SEARCH_CONFIGS.map((cfg) => sql`websearch_to_tsquery(${sql.lit(cfg)}::regconfig, ${params.q})`),
    sql` || `,
  );
  const text = params.q.trim();
  const like = `%${escapeLike(text)}%`;
  const useTrigram = text.length >= 3;
  const words = nameWords(text);

  // The queue's filters, on `t`, for every source of matches.
  const filtered = <Q extends TicketQuery>(q: Q): Q => whereQueueFilter(q.where(ticketVisibleTo(actor)) as Q, actor.userId, params);

  // The brands to look in, as index keys: one equality per brand, so each is an index condition.
  const brandKeys = params.brandId ? [params.brandId] : actor.role === 'agent' || actor.role === 'technician' ? actor.brandIds : null;
  const textMatches = () => {
    let q = filtered(db.selectFrom('ticket_search as s').innerJoin('ticket as t', 't.id', 's.ticket_id').where(sql<boolean>`s.doc @@ (${tsq})`) as unknown as TicketQuery) as unknown as SelectQueryBuilder<
      DB & { s: DB['ticket_search']; t: DB['ticket'] },
      's' | 't',
      object
    >;
    if (brandKeys) q = q.where((eb) => eb.or(brandKeys.map((b) => eb('s.brand_id', '=', b))));
    return q.select('s.ticket_id');
  };
  const identifierSources: Promise<{ id: string; w: number }[]>[] = [];
  // Each started at once and awaited at the end; a failure is marked handled here so it surfaces
  // there, not as an unhandled rejection while the text search runs or after it failed.
  const handled = <T>(p: Promise<T>): Promise<T> => {
    p.catch(() => {});
    return p;
  };
  const source = (weight: number, build: (q: TicketQuery) => TicketQuery) =>
    identifierSources.push(
      handled(
        filtered(build(db.selectFrom('ticket as t') as unknown as TicketQuery))
          .select('t.id')
          .orderBy('t.created_at', 'desc')
          .limit(PER_SOURCE)
          .execute()
          .then((rows) => rows.map((r) => ({ id: (r as { id: string }).id, w: weight }))),
      ),
    );
  // Identifiers are looked up while the text is searched (on PostgreSQL, on connections of their own).
  const identifierLookups = handled(
    (async () => {
      if (useTrigram) {
        // What each identifier names is looked up first in its own trigram index (numbers, serials,
        // addresses, names: the people and organisations tables are small), then those tickets are
        // read by key. Asked as one join, the planner walked the whole ticket table newest first
        // whenever nothing matched (0.6 s at a million tickets).
        const nameMatches = (column: string) =>
          sql.join(
            words.map((w) => sql`search_fold(${sql.ref(column)}) like search_fold(${`%${escapeLike(w)}%`})`),
            sql` and `,
          );
        const none = Promise.resolve([] as { id: string }[]);
        const [numbered, serials, addressed, people, organisations] = await Promise.all([
          // Ticket numbers hold digits; a word without one cannot be part of a number.
          /\d/.test(text) ? db.selectFrom('ticket').select('id').where('number', 'ilike', like).limit(KEYS).execute() : none,
          db.selectFrom('ticket_serial').select('ticket_id as id').where(sql<boolean>`upper(serial) like upper(${like})`).limit(KEYS).execute(),
          text.includes('@') || !/\s/.test(text) ? db.selectFrom('app_user').select('id').where(sql<boolean>`lower(email) like lower(${like})`).limit(KEYS).execute() : none,
          // Every word of the query in the name, in any order: "ionescu maria" finds "Maria Ionescu".
          words.length ? db.selectFrom('app_user as nu').select('nu.id').where(sql<boolean>`${nameMatches('nu.name')}`).limit(KEYS).execute() : none,
          words.length ? db.selectFrom('organisation as no').select('no.id').where(sql<boolean>`${nameMatches('no.name')}`).limit(KEYS).execute() : none,
        ]);
        const ids = (rows: { id: string }[]) => [...new Set(rows.map((r) => r.id))];
        if (numbered.length) source(10, (q) => q.where('t.id', 'in', ids(numbered)));
        if (serials.length) source(8, (q) => q.where('t.id', 'in', ids(serials)));
        if (people.length) source(6, (q) => q.where('t.requester_id', 'in', ids(people)));
        if (organisations.length) {
          source(5, (q) => q.where('t.organisation_id', 'in', ids(organisations)));
          source(3, (q) => q.where('t.reseller_id', 'in', ids(organisations)));
        }
        if (addressed.length) source(4, (q) => q.where('t.requester_id', 'in', ids(addressed)));
      }
    })(),
  );

  // The newest text matches the searcher may see, for a word too common to rank every match.
  // The index holds each ticket's 30-day period of opening (migration 0024), so the matches are
  // read a span of periods at a time, newest first, with visibility and the filters applied, until
  // there are `bounds.recent`: one period, then two, four… back to the oldest ticket. The spans do
  // not overlap, so what is kept is exactly the newest matches. (Read newest first from a recency
  // index instead, a word in one ticket of fifty cost 10 000 document reads, 60–70 ms.)
  // The periods of the newest and oldest tickets, by the migration's own function (max and min
  // are read from the ends of the creation-time index).
  const span = await db
    .selectFrom('ticket')
    .select([sql<number | null>`ticket_search_bucket(max(created_at))`.as('newest'), sql<number | null>`ticket_search_bucket(min(created_at))`.as('oldest')])
    .executeTakeFirst();
  const newestPeriod = span?.newest ?? 0;
  const oldestPeriod = span?.oldest ?? 0;
  /** Matches opened in these periods, newest first, visible and passing the filters. */
  const inPeriods = async (periods: number[], limit: number) =>
    (await textMatches().where('s.bucket', 'in', periods).orderBy('s.created_at', 'desc').limit(limit).execute()).map((r) => r.ticket_id);
  const newestMatches = async (out: string[], from: number): Promise<string[]> => {
    for (let hi = from, width = 2; hi >= oldestPeriod && out.length < bounds.recent; hi -= width, width *= 2) {
      // Periods named one by one: the index finds each key directly, where a range of them made
      // it merge every period's entries (40 ms against 8 for one period).
      const periods = Array.from({ length: Math.min(width, hi - oldestPeriod + 1) }, (_, k) => hi - k);
      out.push(...(await inPeriods(periods, bounds.recent - out.length)));
    }
    return out;
  };

  /**
   * The desk's newest matches in the newest period: read from the index alone (twice as many as
   * needed, newest first), then visibility and the filters checked on just those tickets. What
   * passes, in order, is exactly the newest visible matches: any newer one would have been read.
   * Only when the filters drop too many does the period go the joined way.
   */
  const latestForDesk = async (): Promise<string[]> => {
    const limit = bounds.recent * 2;
    let q = db.selectFrom('ticket_search as s').select('s.ticket_id').where(sql<boolean>`s.doc @@ (${tsq})`).where('s.bucket', '=', newestPeriod);
    if (brandKeys) q = q.where((eb) => eb.or(brandKeys.map((b) => eb('s.brand_id', '=', b))));
    const found = (await q.orderBy('s.created_at', 'desc').orderBy('s.ticket_id', 'desc').limit(limit).execute()).map((r) => r.ticket_id);
    if (found.length === 0) return [];
    const passing = new Set((await filtered(db.selectFrom('ticket as t') as unknown as TicketQuery).select('t.id').where('t.id', 'in', found).execute()).map((r) => (r as { id: string }).id));
    const kept = found.filter((id) => passing.has(id));
    return found.length < limit || kept.length >= bounds.recent ? kept.slice(0, bounds.recent) : inPeriods([newestPeriod], bounds.recent);
  };

  // Text. The newest period first: when it alone holds `bounds.recent` matches, the word is too
  // common to rank every match, and those are the newest (the common case costs one small scan).
  // Otherwise the matches are counted: up to `bounds.candidates`, every one is ranked; past it,
  // the newest are read on, period by period. The desk counts matches in its brands from the
  // index alone and checks visibility and the filters only on the few it ranks; a customer's or
  // reseller's own tickets are few, so their search starts from those.
  const staff = isStaff(actor);
  let textIds: string[] = [];
  const latest = span?.newest == null ? [] : staff ? await latestForDesk() : await inPeriods([newestPeriod], bounds.recent);
  if (latest.length >= bounds.recent) {
    textIds = latest;
  } else if (span?.newest != null) {
    let first: { ticket_id: string }[];
    if (staff) {
      let q = db.selectFrom('ticket_search as s').select('s.ticket_id').where(sql<boolean>`s.doc @@ (${tsq})`);
      if (brandKeys) q = q.where((eb) => eb.or(brandKeys.map((b) => eb('s.brand_id', '=', b))));
      first = await q.limit(bounds.candidates + 1).execute();
    } else {
      first = await textMatches().limit(bounds.candidates + 1).execute();
    }
    textIds =
      first.length > bounds.candidates
        ? await newestMatches(latest, newestPeriod - 1)
        : staff && first.length > 0
          ? (await textMatches().where('s.ticket_id', 'in', first.map((r) => r.ticket_id)).execute()).map((r) => r.ticket_id)
          : first.map((r) => r.ticket_id);
  }
  await identifierLookups;
  const identifiers = (await Promise.all(identifierSources)).flat();
  if (textIds.length === 0 && identifiers.length === 0) return { items: [] };

  const hits = sql`
    select s.ticket_id, ts_rank_cd(s.doc, (${tsq})) * 2 as r from ticket_search s where s.ticket_id = any(${textIds}::uuid[])
    union all
    select x.id, x.w from unnest(${identifiers.map((i) => i.id)}::uuid[], ${identifiers.map((i) => i.w)}::real[]) as x(id, w)`;
  const rows = await selectTicketSummaries(db)
    .innerJoin(
      (eb) => eb.selectFrom(sql`(${hits})`.as('h')).select([sql<string>`h.ticket_id`.as('ticket_id'), sql<number>`sum(h.r)`.as('rank')]).groupBy(sql`h.ticket_id`).as('hit'),
      (join) => join.onRef('hit.ticket_id', '=', 't.id'),
    )
    .select([
      'hit.rank',
      sql<string>`ts_headline(t.search_config, t.description, (${tsq}), ${EXCERPT})`.as('headline'),
      sql<string>`ts_headline(t.search_config, t.subject, (${tsq}), ${WHOLE})`.as('subject_highlight'),
    ])
    // Every source applied visibility already; once more here, so no future source can leak.
    .where(ticketVisibleTo(actor))
    .orderBy('hit.rank', 'desc')
    .orderBy('t.created_at', 'desc')
    .limit(params.limit)
    .execute();
  return {
    items: rows.map((r) => ({ ...toSummary(r), rank: Number(r.rank), subjectHighlight: toSegments(r.subject_highlight), headline: toSegments(r.headline) })),
  };
}
