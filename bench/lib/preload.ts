/**
 * `--preload M`: M extra tickets loaded straight into the database with COPY in 5,000-ticket
 * batches (secondary indexes dropped for the load and built again, triggers off, each batch's
 * search documents built in one statement), so the read paths can be measured at a million
 * tickets without creating them one by one over HTTP.
 *
 * The rows look like the server's own: numbers in each brand's format with the check digit and
 * the counters advanced past them, requesters that are real customers of the brand, serial rows,
 * a short conversation, audit rows, statuses spread by age (most old tickets closed, some still
 * open), creation times spread over three years and the text-search configuration the server
 * would pick for the text.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { type CopySession, copyLine, openCopySession } from '../../src/platform/db/copy.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { Locale } from '../../src/platform/db/schema.ts';
import { yearIn } from '../../src/modules/brands/index.ts';
import { counterScope, formatTicketNumber } from '../../src/modules/brands/index.ts';
import { searchConfigFor } from '../../src/modules/tickets/index.ts';
import type { TicketStatus } from '../../src/modules/tickets/index.ts';
import { BRAND_SLUGS, BRAND_WEIGHTS, type BrandSlug, type EntryKind, makeEntry, makeTicket, type Requester } from './corpus.ts';
import type { Rng } from './rng.ts';

export interface KnownNumber {
  brand: BrandSlug;
  number: string;
}

/** Uniform sample of the ticket numbers an agent of the brand may open (Algorithm R). */
export class NumberReservoir {
  readonly items: KnownNumber[] = [];
  private seen = 0;

  constructor(
    private readonly size: number,
    private readonly rng: Rng,
  ) {}

  offer(item: KnownNumber): void {
    this.seen++;
    if (this.items.length < this.size) this.items.push(item);
    else {
      const j = Math.floor(this.rng.next() * this.seen);
      if (j < this.size) this.items[j] = item;
    }
  }
}

interface BrandInfo {
  id: string;
  slug: BrandSlug;
  format: string;
  timeZone: string;
  groups: { id: string; name: string }[];
  agentId: string;
  agentGroups: Set<string>;
  technicianId: string | undefined;
}

const DAY = 86_400_000;
const BATCH = 5000;

/** A row value in COPY's text format: dates as ISO instants, JSON already a string. */
function toCopy(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

function statusForAge(rng: Rng, ageDays: number): TicketStatus {
  if (ageDays > 90) {
    return rng.weighted<TicketStatus>([['closed', 975], ['resolved', 20], ['waiting_parts', 2], ['waiting_third_party', 1.5], ['waiting_customer', 1.5]]);
  }
  if (ageDays > 30) {
    return rng.weighted<TicketStatus>([['closed', 70], ['resolved', 15], ['in_progress', 5], ['waiting_customer', 5], ['waiting_parts', 3], ['waiting_third_party', 2]]);
  }
  return rng.weighted<TicketStatus>([['closed', 15], ['resolved', 25], ['new', 20], ['accepted', 10], ['in_progress', 12], ['waiting_customer', 10], ['waiting_parts', 5], ['waiting_third_party', 3]]);
}

/** Customers of the pool as app_user rows linked to their brand; returns email → id. */
export async function ensureCustomers(database: Database, pool: Record<BrandSlug, Requester[]>, brandIds: Map<BrandSlug, string>): Promise<Map<string, string>> {
  const db = database.db;
  const all = BRAND_SLUGS.flatMap((b) => pool[b]);
  const ids = new Map<string, string>();
  for (let i = 0; i < all.length; i += 1000) {
    const chunk = all.slice(i, i + 1000);
    // One statement gives the ids of the new customers and of those already there (the demo's):
    // the conflict's no-op update returns the existing row. A separate `lower(email) in (…1 000)`
    // read was planned as a scan of the just-filled, unanalysed table: seconds per chunk.
    const rows = await db
      .insertInto('app_user')
      .values(chunk.map((r) => ({ email: r.email, name: r.name, role: 'customer' as const, locale: r.locale, phone: null, organisation_id: null, password_hash: null })))
      .onConflict((oc) => oc.expression(sql`lower(email)`).doUpdateSet({ email: sql`app_user.email` }))
      .returning(['id', 'email'])
      .execute();
    for (const r of rows) ids.set(r.email.toLowerCase(), r.id);
    await db
      .insertInto('user_brand')
      .values(chunk.map((r) => ({ user_id: ids.get(r.email.toLowerCase())!, brand_id: brandIds.get(r.brand)! })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return ids;
}

async function loadBrands(database: Database): Promise<Map<BrandSlug, BrandInfo>> {
  const db = database.db;
  const brands = await db.selectFrom('brand').select(['id', 'slug', 'ticket_number_format', 'time_zone']).execute();
  const groups = await db.selectFrom('agent_group').select(['id', 'brand_id', 'name']).execute();
  const staff = await db
    .selectFrom('app_user as u')
    .innerJoin('user_brand as ub', 'ub.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.role', 'ub.brand_id'])
    .where('u.role', 'in', ['agent', 'technician'])
    .execute();
  const members = await db.selectFrom('group_member').select(['group_id', 'user_id']).execute();
  const out = new Map<BrandSlug, BrandInfo>();
  for (const b of brands) {
    const slug = b.slug as BrandSlug;
    if (!BRAND_SLUGS.includes(slug)) continue;
    const agent = staff.find((s) => s.brand_id === b.id && s.role === 'agent');
    if (!agent) throw new Error(`no agent for brand ${slug}`);
    out.set(slug, {
      id: b.id,
      slug,
      format: b.ticket_number_format,
      timeZone: b.time_zone,
      groups: groups.filter((g) => g.brand_id === b.id).map((g) => ({ id: g.id, name: g.name })),
      agentId: agent.id,
      agentGroups: new Set(members.filter((m) => m.user_id === agent.id).map((m) => m.group_id)),
      technicianId: staff.find((s) => s.brand_id === b.id && s.role === 'technician')?.id,
    });
  }
  return out;
}

export interface PreloadOptions {
  count: number;
  rng: Rng;
  pool: Record<BrandSlug, Requester[]>;
  reservoir: NumberReservoir;
  /** Batches in flight at once (PostgreSQL: a few; PGlite: one session, so 1). */
  concurrency: number;
  log: (line: string) => void;
}

export async function preload(database: Database, opts: PreloadOptions): Promise<{ inserted: number; entries: number; seconds: number }> {
  const db = database.db;
  const t0 = performance.now();
  const brands = await loadBrands(database);
  const brandIds = new Map([...brands.values()].map((b) => [b.slug, b.id]));
  opts.log(`preload: ${BRAND_SLUGS.reduce((s, b) => s + opts.pool[b].length, 0)} customers…`);
  const customerIds = await ensureCustomers(database, opts.pool, brandIds);

  // Each brand's ticket numbers continue after its sequence's last value (migration 0028).
  const counters = new Map<string, number>();
  const sequences = await sql<{ brand_id: string; scope: string; last_value: string | null }>`
    select b.id as brand_id, substring(q.sequencename from length(format('ticket_number_%s_', replace(b.id::text, '-', ''))) + 1) as scope, q.last_value
      from brand b
      join pg_sequences q on q.schemaname = current_schema()
       and starts_with(q.sequencename, format('ticket_number_%s_', replace(b.id::text, '-', '')))`.execute(db);
  for (const c of sequences.rows) counters.set(`${c.brand_id}|${c.scope}`, Number(c.last_value ?? 0));

  const { rng } = opts;
  const now = Date.now();
  const end = now - 2 * 3600_000;
  const start = end - 3 * 365 * DAY;
  const span = end - start;
  let made = 0;
  let inserted = 0;
  let entryCount = 0;

  /** The next BATCH tickets in creation order (numbers follow time within each brand). */
  const nextBatch = () => {
    const tickets: Record<string, unknown>[] = [];
    const serials: { ticket_id: string; position: number; serial: string }[] = [];
    const entries: Record<string, unknown>[] = [];
    const audit: Record<string, unknown>[] = [];
    const n = Math.min(BATCH, opts.count - made);
    for (let k = 0; k < n; k++, made++) {
      const createdMs = start + ((made + rng.next()) / opts.count) * span;
      const created = new Date(createdMs);
      const slug = rng.weighted(BRAND_WEIGHTS);
      const brand = brands.get(slug)!;
      const people = opts.pool[slug];
      const requester = people[Math.floor(people.length * rng.next() ** 2)]!;
      const requesterId = customerIds.get(requester.email.toLowerCase())!;
      const text = makeTicket(rng, slug, requester);
      const year = yearIn(brand.timeZone, created);
      const key = `${brand.id}|${counterScope(brand.format, year)}`;
      const seq = (counters.get(key) ?? 0) + 1;
      counters.set(key, seq);
      const number = formatTicketNumber(brand.format, seq, year);
      const ageDays = (now - createdMs) / DAY;
      const status = statusForAge(rng, ageDays);
      const channel = rng.weighted([['portal', 35], ['email', 30], ['phone', 20], ['web_form', 10], ['fax', 2], ['postal', 2], ['onsite', 1]] as const);
      const createdBy = channel === 'portal' || channel === 'web_form' ? requesterId : channel === 'email' ? null : brand.agentId;

      let group: { id: string; name: string } | undefined;
      let assignee: string | null = null;
      if (status !== 'new') {
        group = rng.chance(0.85) ? rng.pick(brand.groups) : undefined;
        assignee = group && /site|atelier/i.test(group.name) && brand.technicianId ? brand.technicianId : rng.chance(0.9) ? brand.agentId : null;
      }
      const maxLife = Math.max(60_000, now - createdMs - 60_000);
      const acceptedMs = status === 'new' ? null : createdMs + Math.min(maxLife * 0.2, rng.int(5, 48 * 60) * 60_000);
      const resolvedMs = status === 'resolved' || status === 'closed' ? acceptedMs! + Math.min(maxLife * 0.5, rng.int(1, 20) * DAY * rng.next()) : null;
      const closedMs = status === 'closed' ? resolvedMs! + Math.min(maxLife * 0.25, rng.int(1, 14) * DAY) : null;
      const updatedMs = closedMs ?? resolvedMs ?? (acceptedMs === null ? createdMs : acceptedMs + Math.min(maxLife * 0.5, rng.int(0, 10) * DAY * rng.next()));

      const id = crypto.randomUUID();
      tickets.push({
        id,
        brand_id: brand.id,
        number,
        channel,
        requester_id: requesterId,
        organisation_id: null,
        reseller_id: null,
        subject: text.subject,
        description: text.description,
        custom_fields: JSON.stringify(text.customFields),
        priority: text.priority,
        status,
        group_id: group?.id ?? null,
        assignee_id: assignee,
        merged_into_id: null,
        created_by_id: createdBy,
        search_config: searchConfigFor(`${text.subject}\n${text.description}`, text.lang),
        created_at: created,
        updated_at: new Date(updatedMs),
        accepted_at: acceptedMs === null ? null : new Date(acceptedMs),
        resolved_at: resolvedMs === null ? null : new Date(resolvedMs),
        closed_at: closedMs === null ? null : new Date(closedMs),
      });
      text.serialNumbers.forEach((serial, position) => serials.push({ ticket_id: id, position, serial }));

      // A short conversation: the desk answers, the customer writes back, sometimes a note.
      const kinds: EntryKind[] = [];
      if (channel === 'phone') kinds.push('phone_note');
      const exchanges = rng.int(1, 3);
      for (let e = 0; e < exchanges; e++) {
        kinds.push('agent_reply');
        if (rng.chance(0.6)) kinds.push('customer_message');
      }
      if (rng.chance(0.15)) kinds.push('internal_note');
      const lastMs = Math.max(createdMs + 60_000, updatedMs);
      kinds.forEach((kind, i) => {
        const at = createdMs + ((i + 1) / (kinds.length + 1)) * (lastMs - createdMs);
        const body = makeEntry(rng, slug, text.lang, kind, text.symptom);
        entries.push({
          id: crypto.randomUUID(),
          ticket_id: id,
          kind,
          body,
          author_id: kind === 'customer_message' ? requesterId : (assignee ?? brand.agentId),
          search_config: searchConfigFor(body, text.lang as Locale),
          created_at: new Date(at),
        });
      });

      audit.push({ ticket_id: id, brand_id: brand.id, group_id: group?.id ?? null, actor_id: createdBy, at: created, field: 'created', before: JSON.stringify(null), after: JSON.stringify({ number, status: 'new' }), before_since: null });
      if (status !== 'new') {
        audit.push({ ticket_id: id, brand_id: brand.id, group_id: group?.id ?? null, actor_id: assignee ?? brand.agentId, at: new Date(updatedMs), field: 'status', before: JSON.stringify('new'), after: JSON.stringify(status), before_since: created });
      }
      if (!group || brand.agentGroups.has(group.id)) opts.reservoir.offer({ brand: slug, number });
    }
    return { tickets, serials, entries, audit };
  };

  // A bulk load as PostgreSQL's manual advises: the tables' secondary indexes go for the load and
  // are built again at the end (one sort each instead of a million index insertions). Those behind
  // a constraint (primary keys, unique numbers) stay. The search index's documents are made once
  // per ticket, whole, at the end of each batch (below), not inserted then updated entry by entry.
  const TABLES = ['ticket', 'ticket_serial', 'ticket_entry', 'ticket_audit', 'ticket_search'];
  const dropped = (
    await sql<{ name: string; definition: string }>`
      select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any(${TABLES})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
        -- Kept: the entries by ticket, which each batch's search documents are built from.
        and not (i.tablename = 'ticket_entry' and i.indexdef like '%(ticket_id%')`.execute(db)
  ).rows;
  for (const index of dropped) await sql`drop index ${sql.id(index.name)}`.execute(db);
  opts.log(`preload: ${dropped.length} secondary indexes dropped for the load`);

  let lastLog = performance.now();
  // COPY, as a bulk load should: one statement per table and batch, on a connection of its own
  // per worker. Triggers are off within the batch's transaction (session_replication_role): the
  // rows are consistent by construction, and the batch's search documents are then built in one
  // statement by the very function the triggers use (ticket_search_rebuild).
  const copyRows = (session: CopySession, table: string, rows: Record<string, unknown>[]) => {
    if (rows.length === 0) return Promise.resolve();
    const columns = Object.keys(rows[0]!);
    const lines = rows.map((r) => copyLine(columns.map((c) => toCopy(r[c])))).join('');
    return session.copy(table, columns, lines);
  };
  const worker = async () => {
    const session = await openCopySession(database);
    try {
      while (made < opts.count) {
        const batch = nextBatch();
        await sql`begin`.execute(session.db);
        await sql`set local session_replication_role = replica`.execute(session.db).catch((err: Error) => {
          throw new Error(`preload: turning triggers off needs a superuser (or GRANT SET ON PARAMETER session_replication_role): ${err.message}`);
        });
        await copyRows(session, 'ticket', batch.tickets);
        await copyRows(session, 'ticket_serial', batch.serials);
        await copyRows(session, 'ticket_entry', batch.entries);
        await copyRows(session, 'ticket_audit', batch.audit);
        await sql`select ticket_search_rebuild(${batch.tickets.map((t) => t.id as string)}::uuid[])`.execute(session.db);
        await sql`commit`.execute(session.db);
        inserted += batch.tickets.length;
        entryCount += batch.entries.length;
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          const s = (performance.now() - t0) / 1000;
          opts.log(`preload: ${inserted.toLocaleString('en-US')} / ${opts.count.toLocaleString('en-US')} tickets, ${(inserted / s).toFixed(0)} tickets/s, ${s.toFixed(0)} s`);
        }
      }
      session.release();
    } catch (err) {
      session.release(err);
      throw err;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
  } catch (err) {
    // A load cut short leaves the database with its indexes, not without them.
    for (const index of dropped) await sql.raw(index.definition).execute(db);
    throw err;
  }

  // The server continues each brand's numbering after the preloaded tickets.
  for (const [key, value] of counters) {
    const [brandId, scope] = key.split('|') as [string, string];
    // Forward only: a sequence never goes back below what it already gave.
    if (value > 0) await sql`select setval(s, greatest(${value}::bigint, coalesce((select last_value from pg_sequences where schemaname = current_schema() and sequencename = s::text), 0))) from ticket_number_sequence(${brandId}::uuid, ${scope}) as s`.execute(db);
  }
  const tIndexes = performance.now();
  await rebuildIndexes(database, dropped, database.pglite ? 1 : 2);
  opts.log(`preload: ${dropped.length} indexes built again in ${((performance.now() - tIndexes) / 1000).toFixed(0)} s`);
  opts.log(`preload: ${inserted.toLocaleString('en-US')} tickets and ${entryCount.toLocaleString('en-US')} entries in ${((performance.now() - t0) / 1000).toFixed(0)} s; vacuum analyze…`);
  const t1 = performance.now();
  // A bulk load is followed by autovacuum on PostgreSQL; do it now so the read phase sees the
  // steady state (planner statistics, visibility map) instead of racing it.
  await sql`vacuum analyze`.execute(db);
  opts.log(`preload: vacuum analyze ${((performance.now() - t1) / 1000).toFixed(0)} s`);
  return { inserted, entries: entryCount, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Builds the dropped indexes again on `sessions` connections at once, the largest first (the
 * search documents' GIN index alone takes about as long as all the others together), each session
 * with room to sort in memory.
 */
async function rebuildIndexes(database: Database, indexes: { name: string; definition: string }[], sessions: number): Promise<void> {
  const queue = [...indexes].sort((a, b) => Number(/ticket_search/.test(b.definition)) - Number(/ticket_search/.test(a.definition)));
  const builder = async () => {
    const session = await openCopySession(database);
    try {
      // Room to sort on the server; the embedded store's memory is the benchmark's own.
      if (!database.pglite) await sql`set maintenance_work_mem = '256MB'`.execute(session.db);
      for (let index = queue.shift(); index; index = queue.shift()) await sql.raw(index.definition).execute(session.db);
      if (!database.pglite) await sql`reset maintenance_work_mem`.execute(session.db);
      session.release();
    } catch (err) {
      session.release(err);
      throw err;
    }
  };
  // Every session finishes (or fails) before the caller goes on: none is left building on a pool
  // about to close.
  const outcomes = await Promise.allSettled(Array.from({ length: Math.max(1, sessions) }, builder));
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}
