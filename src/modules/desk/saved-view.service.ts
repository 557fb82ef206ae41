import type { Db } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound, validationFailed, type FieldError } from '../../platform/errors/app-error.ts';
import type { QueueColumn, TicketSort } from '../../shared/vocabulary.ts';
import { type Actor, isAdmin, isStaff } from '../auth/index.ts';
import { mayUseBrand } from '../brands/index.ts';
import type { SavedViewFiltersType, SavedViewInput, SavedViewResponseType } from './saved-view.schemas.ts';

/**
 * Saved views of the desk's queue (issue 14, item 3): filters, columns and order under a name,
 * the agent's own or shared with a group. A group's members see its views; its author and the
 * administrators change them. A view out of reach is not found.
 */
const viewNotFound = () => notFound('DESK_VIEW_NOT_FOUND', 'Saved view');

function visibleViews(db: Db, actor: Actor) {
  return db
    .selectFrom('desk_saved_view as v')
    .leftJoin('agent_group as g', 'g.id', 'v.group_id')
    .select(['v.id', 'v.name', 'v.owner_id', 'v.group_id', 'v.created_by', 'v.filters', 'v.columns', 'v.sort', 'g.name as group_name', 'g.brand_id as group_brand_id'])
    .where((eb) =>
      eb.or([
        eb('v.owner_id', '=', actor.userId),
        isAdmin(actor)
          ? eb('v.group_id', 'is not', null)
          : eb('v.group_id', 'in', eb.selectFrom('group_member').select('group_id').where('user_id', '=', actor.userId)),
      ]),
    );
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof visibleViews>['executeTakeFirstOrThrow']>>;

function toView(actor: Actor, r: ViewRow): SavedViewResponseType {
  const shared = r.group_id !== null;
  return {
    id: r.id,
    name: r.name,
    group: shared ? { id: r.group_id!, name: r.group_name ?? '', brandId: r.group_brand_id ?? '' } : null,
    editable: shared ? isAdmin(actor) || r.created_by === actor.userId : r.owner_id === actor.userId,
    filters: r.filters as SavedViewFiltersType,
    columns: r.columns as QueueColumn[],
    sort: r.sort as TicketSort,
  };
}

export async function listSavedViews(db: Db, actor: Actor): Promise<SavedViewResponseType[]> {
  if (!isStaff(actor)) throw forbidden();
  const rows = await visibleViews(db, actor).orderBy('v.group_id', (ob) => ob.nullsFirst()).orderBy('v.name').orderBy('v.id').execute();
  return rows.map((r) => toView(actor, r));
}

async function checkInput(db: Db, actor: Actor, input: SavedViewInput, exceptId: string | null): Promise<void> {
  const errors: FieldError[] = [];
  if (input.groupId) {
    const group = await db.selectFrom('agent_group').select(['id', 'brand_id']).where('id', '=', input.groupId).executeTakeFirst();
    const member = group && (await db.selectFrom('group_member').select('user_id').where('group_id', '=', group.id).where('user_id', '=', actor.userId).executeTakeFirst());
    if (!group || !mayUseBrand(actor, group.brand_id) || (!member && !isAdmin(actor))) {
      errors.push({ field: 'groupId', code: 'invalid_value', message: 'not a group you belong to' });
    }
  }
  if (input.filters.brandId && !mayUseBrand(actor, input.filters.brandId)) errors.push({ field: 'filters.brandId', code: 'invalid_value', message: 'not a brand you serve' });
  if (input.filters.from && input.filters.until && input.filters.from > input.filters.until) {
    errors.push({ field: 'filters.until', code: 'invalid_value', message: 'before the start date' });
  }
  if (new Set(input.columns).size !== input.columns.length) errors.push({ field: 'columns', code: 'invalid_value', message: 'a column is listed twice' });
  if (errors.length) throw validationFailed(errors);
  let taken = db
    .selectFrom('desk_saved_view')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .where((eb) => (input.groupId ? eb('group_id', '=', input.groupId) : eb('owner_id', '=', actor.userId)));
  if (exceptId) taken = taken.where('id', '!=', exceptId);
  if (await taken.executeTakeFirst()) {
    throw new AppError('DESK_VIEW_NAME_TAKEN', 409, 'A view with this name already exists', { errors: [{ field: 'name', code: 'duplicate', message: 'already used' }] });
  }
}

const values = (input: SavedViewInput) => ({
  name: input.name,
  filters: JSON.stringify(input.filters),
  columns: input.columns,
  sort: input.sort,
});

async function getView(db: Db, actor: Actor, id: string): Promise<SavedViewResponseType> {
  const row = await visibleViews(db, actor).where('v.id', '=', id).executeTakeFirst();
  if (!row) throw viewNotFound();
  return toView(actor, row);
}

export async function createSavedView(db: Db, actor: Actor, input: SavedViewInput, now: Date): Promise<SavedViewResponseType> {
  if (!isStaff(actor)) throw forbidden();
  return db.transaction().execute(async (trx) => {
    await checkInput(trx, actor, input, null);
    const row = await trx
      .insertInto('desk_saved_view')
      .values({ ...values(input), owner_id: input.groupId ? null : actor.userId, group_id: input.groupId, created_by: actor.userId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getView(trx, actor, row.id);
  });
}

/** The view, when the caller may change it: out of sight is 404, in sight but someone else's is 403. */
async function editableView(db: Db, actor: Actor, id: string): Promise<SavedViewResponseType> {
  if (!isStaff(actor)) throw forbidden();
  const view = await getView(db, actor, id);
  if (!view.editable) throw forbidden('Only its author or an administrator changes a shared view');
  return view;
}

export async function updateSavedView(db: Db, actor: Actor, id: string, input: SavedViewInput): Promise<SavedViewResponseType> {
  return db.transaction().execute(async (trx) => {
    const view = await editableView(trx, actor, id);
    // A personal view stays personal and a shared one stays with its group: sharing is a new view.
    if ((input.groupId ?? null) !== (view.group?.id ?? null)) throw validationFailed([{ field: 'groupId', code: 'not_allowed', message: 'a view keeps its owner; save it as a new view to share it' }]);
    await checkInput(trx, actor, input, id);
    await trx.updateTable('desk_saved_view').set(values(input)).where('id', '=', id).execute();
    return getView(trx, actor, id);
  });
}

export async function deleteSavedView(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await editableView(trx, actor, id);
    await trx.deleteFrom('desk_saved_view').where('id', '=', id).execute();
  });
}
