import type { Db } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound, validationFailed, type FieldError } from '../../platform/errors/app-error.ts';
import { formatDateTime, rawMessage } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../shared/vocabulary.ts';
import { type Actor, isAdmin, isStaff } from '../auth/index.ts';
import { getBrandById, mayUseBrand } from '../brands/index.ts';
import { getTicketSla } from '../sla/index.ts';
import { addEntry, getTicket, type TicketEvents, updateTicket } from '../tickets/index.ts';
import { renderTemplate, templateProblems } from './macro-template.ts';
import type { MacroActionsType, MacroInput, MacroResponseType } from './macro.schemas.ts';

type MacroRow = {
  id: string; brand_id: string; owner_id: string | null; name: string; actions: unknown; reply: unknown; reply_kind: 'agent_reply' | 'internal_note'; updated_at: Date;
};

const macroNotFound = () => notFound('DESK_MACRO_NOT_FOUND', 'Macro');

function toMacro(actor: Actor, r: MacroRow): MacroResponseType {
  return {
    id: r.id,
    brandId: r.brand_id,
    name: r.name,
    shared: r.owner_id === null,
    editable: r.owner_id === null ? isAdmin(actor) : r.owner_id === actor.userId,
    actions: r.actions as MacroActionsType,
    reply: r.reply as MacroResponseType['reply'],
    replyKind: r.reply_kind,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The macros an agent may use: the brand's shared ones and their own, in the brands they serve. */
function visibleMacros(db: Db, actor: Actor) {
  let q = db.selectFrom('desk_macro').selectAll().where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', actor.userId)]));
  if (!isAdmin(actor)) q = actor.brandIds.length ? q.where('brand_id', 'in', actor.brandIds) : q.where(() => false as never);
  return q;
}

export async function listMacros(db: Db, actor: Actor, brandId: string | undefined): Promise<MacroResponseType[]> {
  if (!isStaff(actor)) throw forbidden();
  let q = visibleMacros(db, actor);
  if (brandId) q = q.where('brand_id', '=', brandId);
  return (await q.orderBy('name').orderBy('id').execute()).map((r) => toMacro(actor, r));
}

async function checkInput(db: Db, actor: Actor, input: MacroInput, exceptId: string | null): Promise<void> {
  const errors: FieldError[] = [];
  // An administrator may use every brand, but only one that exists.
  const brand = await db.selectFrom('brand').select('id').where('id', '=', input.brandId).executeTakeFirst();
  if (!brand || !mayUseBrand(actor, input.brandId)) errors.push({ field: 'brandId', code: 'invalid_value', message: 'not a brand you serve' });
  if (input.shared && !isAdmin(actor)) errors.push({ field: 'shared', code: 'forbidden', message: 'only administrators share macros with the whole brand' });
  for (const [lang, text] of Object.entries(input.reply)) {
    for (const p of templateProblems(text ?? '')) errors.push({ field: `reply.${lang}`, ...p });
  }
  const { groupId, assigneeId } = input.actions;
  if (groupId && !(await db.selectFrom('agent_group').select('id').where('id', '=', groupId).where('brand_id', '=', input.brandId).executeTakeFirst())) {
    errors.push({ field: 'actions.groupId', code: 'invalid_value', message: 'no such group in this brand' });
  }
  if (assigneeId) {
    const agent = await db
      .selectFrom('app_user as u')
      .innerJoin('user_brand as ub', 'ub.user_id', 'u.id')
      .select('u.id')
      .where('u.id', '=', assigneeId)
      .where('ub.brand_id', '=', input.brandId)
      .where('u.role', 'in', ['agent', 'technician', 'admin'])
      .executeTakeFirst();
    if (!agent) errors.push({ field: 'actions.assigneeId', code: 'invalid_value', message: 'no such agent in this brand' });
  }
  if (errors.length) throw validationFailed(errors);
  let taken = db
    .selectFrom('desk_macro')
    .select('id')
    .where('brand_id', '=', input.brandId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .where((eb) => (input.shared ? eb('owner_id', 'is', null) : eb('owner_id', '=', actor.userId)));
  if (exceptId) taken = taken.where('id', '!=', exceptId);
  if (await taken.executeTakeFirst()) {
    throw new AppError('DESK_MACRO_NAME_TAKEN', 409, 'A macro with this name already exists', { errors: [{ field: 'name', code: 'taken', message: 'already used' }] });
  }
}

function values(input: MacroInput) {
  return {
    brand_id: input.brandId,
    name: input.name,
    actions: JSON.stringify(input.actions),
    reply: JSON.stringify(Object.fromEntries(Object.entries(input.reply).filter(([, v]) => v && v.trim() !== ''))),
    reply_kind: input.replyKind,
  };
}

export async function createMacro(db: Db, actor: Actor, input: MacroInput, now: Date): Promise<MacroResponseType> {
  if (!isStaff(actor)) throw forbidden();
  await checkInput(db, actor, input, null);
  const row = await db
    .insertInto('desk_macro')
    .values({ ...values(input), owner_id: input.shared ? null : actor.userId, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMacro(actor, row);
}

/** A macro the caller may change: their own, or a shared one for an administrator; out of sight is 404. */
async function editableMacro(db: Db, actor: Actor, id: string): Promise<MacroRow> {
  if (!isStaff(actor)) throw forbidden();
  const row = await visibleMacros(db, actor).where('id', '=', id).executeTakeFirst();
  if (!row) throw macroNotFound();
  if (!toMacro(actor, row).editable) throw forbidden('Only administrators change the brand\'s shared macros');
  return row;
}

export async function updateMacro(db: Db, actor: Actor, id: string, input: MacroInput, now: Date): Promise<MacroResponseType> {
  await editableMacro(db, actor, id);
  await checkInput(db, actor, input, id);
  const row = await db
    .updateTable('desk_macro')
    .set({ ...values(input), owner_id: input.shared ? null : actor.userId, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMacro(actor, row);
}

export async function deleteMacro(db: Db, actor: Actor, id: string): Promise<void> {
  await editableMacro(db, actor, id);
  await db.deleteFrom('desk_macro').where('id', '=', id).execute();
}

/** The reply's text in the customer's language, else the brand's default language, else none. */
export function pickReply(reply: Partial<Record<Locale, string>>, customerLocale: string, brandLocale: string): { locale: string; text: string } | null {
  for (const locale of [customerLocale, brandLocale]) {
    const text = reply[locale as Locale];
    if (text && text.trim()) return { locale, text };
  }
  return null;
}

/**
 * Applies a macro to one ticket in the caller's transaction, through the tickets module's own
 * operations: the reply (variables filled in the customer's language and the brand's time zone)
 * and its status in one step, then priority, assignee and group. The macro must belong to the
 * ticket's brand; a macro out of reach is not found.
 */
export async function applyMacro(trx: Db, actor: Actor, ticketId: string, macroId: string, now: Date, ticketEvents: TicketEvents): Promise<void> {
  const ticket = await getTicket(trx, actor, ticketId);
  const macro = await visibleMacros(trx, actor).where('id', '=', macroId).where('brand_id', '=', ticket.brandId).executeTakeFirst();
  if (!macro) throw macroNotFound();
  const actions = macro.actions as MacroActionsType;
  const [requester, brand] = await Promise.all([
    trx.selectFrom('app_user').select('locale').where('id', '=', ticket.requester.id).executeTakeFirstOrThrow(),
    getBrandById(trx, ticket.brandId),
  ]);
  const reply = pickReply(macro.reply as Partial<Record<Locale, string>>, requester.locale, brand.defaultLocale);
  if (reply) {
    const body = renderTemplate(reply.text, {
      'customer.name': ticket.requester.name,
      'ticket.number': ticket.number,
      'ticket.subject': ticket.subject,
      'ticket.due': await dueText(trx, actor, ticketId, now, reply.locale, ticket.timeZone),
      'agent.name': actor.name,
    });
    const entry = await addEntry(trx, actor, ticketId, { kind: macro.reply_kind, body, attachmentIds: [], ...(actions.status ? { thenStatus: actions.status } : {}) }, now);
    if (entry.kind === 'agent_reply') await ticketEvents.agentReplied(trx, ticketId, entry.id, now);
  }
  const rest = {
    ...(actions.status && !reply ? { status: actions.status } : {}),
    ...(actions.priority ? { priority: actions.priority } : {}),
    ...(actions.assigneeId !== undefined ? { assigneeId: actions.assigneeId } : {}),
    ...(actions.groupId !== undefined ? { groupId: actions.groupId } : {}),
  };
  if (Object.keys(rest).length) await updateTicket(trx, actor, ticketId, rest, now);
}

/** Whether applying the macro writes an entry (a reply or a note cannot be taken back by an undo). */
export async function macroWrites(db: Db, macroId: string): Promise<boolean> {
  const row = await db.selectFrom('desk_macro').select('reply').where('id', '=', macroId).executeTakeFirst();
  return !!row && Object.values(row.reply as Record<string, string>).some((v) => v && v.trim() !== '');
}

/** `{{ticket.due}}`: the planned date, else the nearest running due time, in the reply's language and the brand's zone. */
async function dueText(trx: Db, actor: Actor, ticketId: string, now: Date, locale: string, timeZone: string): Promise<string> {
  const sla = await getTicketSla(trx, actor, ticketId, now);
  const running = sla.timers.filter((t) => t.state === 'running' && t.dueAt).map((t) => t.dueAt!).sort();
  const due = sla.plannedResolutionAt ?? running[0];
  return due ? formatDateTime(new Date(due), locale, timeZone) : (rawMessage(locale, 'deskMacro.noDueDate') ?? '');
}
