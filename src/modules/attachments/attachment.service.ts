import { Readable } from 'node:stream';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors/app-error.ts';
import { FileTooLargeError, type FileStore, type StoredFile } from '../../platform/files/file-store.ts';
import { idempotent, type IdempotentResult } from '../../platform/db/idempotency.ts';
import type { Actor } from '../auth/index.ts';
import { safeFilename, SNIFF_BYTES, sniffContentType } from './content-type.ts';

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  contentId?: string | null;
  inline?: boolean;
}

/** What customers really attach: screenshots, photos, invoices, logs, office files, archives. */
export const ALLOWED_CONTENT_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/x-zip-compressed',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'message/rfc822',
]);

const attachmentNotFound = () => notFound('ATTACHMENT_NOT_FOUND', 'Attachment');

/** The first bytes of a stored file, for the type sniffer. */
async function readHead(files: FileStore, storageKey: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of files.open(storageKey)) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    chunks.push(b);
    size += b.length;
    if (size >= SNIFF_BYTES) break;
  }
  return new Uint8Array(Buffer.concat(chunks).subarray(0, SNIFF_BYTES));
}

/** A file taken in and stored (type checked, size capped, typed from its bytes), not yet on any record. */
export interface ReceivedFile {
  filename: string;
  declaredType: string;
  contentType: string;
  stored: StoredFile;
}

/**
 * Takes one uploaded file in under the same rules as `uploadAttachment` (allowed types, the size
 * cap, the type read from the bytes), for a caller that links it in its own transaction with
 * `attachReceivedFiles` (a public web form, whose sender has no account yet). `field` names the
 * form's part in the errors.
 */
export async function receiveUpload(files: FileStore, upload: { filename: string; contentType: string; stream: Readable }, maxBytes: number, field = 'file'): Promise<ReceivedFile> {
  const declaredType = upload.contentType.split(';')[0]!.trim().toLowerCase();
  if (!ALLOWED_CONTENT_TYPES.has(declaredType)) {
    upload.stream.resume();
    throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', 415, `Files of type ${declaredType} are not accepted`, {
      errors: [{ field, code: 'type_not_allowed', message: `type ${declaredType} is not accepted` }],
    });
  }
  let stored;
  try {
    stored = await files.put(upload.stream, maxBytes);
  } catch (err) {
    if (err instanceof FileTooLargeError) {
      throw new AppError('ATTACHMENT_TOO_LARGE', 413, `The file is larger than ${maxBytes} bytes`, { errors: [{ field, code: 'too_big', message: `must be at most ${maxBytes} bytes` }], maxBytes });
    }
    throw err;
  }
  const contentType = await sniffContentType(await readHead(files, stored.storageKey), declaredType);
  return { filename: upload.filename, declaredType, contentType, stored };
}

/** Puts received files on a ticket, in the caller's transaction. */
export async function attachReceivedFiles(trx: Db, received: readonly ReceivedFile[], target: { ticketId: string; entryId: string | null; uploadedById: string | null }): Promise<Attachment[]> {
  if (!received.length) return [];
  const rows = await trx
    .insertInto('attachment')
    .values(
      received.map((r) => ({
        uploaded_by_id: target.uploadedById,
        filename: safeFilename(r.filename),
        content_type: r.contentType,
        size_bytes: r.stored.sizeBytes,
        sha256: r.stored.sha256,
        storage_key: r.stored.storageKey,
        ticket_id: target.ticketId,
        entry_id: target.entryId,
      })),
    )
    .returningAll()
    .execute();
  return rows.map(toAttachment);
}

export async function uploadAttachment(
  db: Db,
  files: FileStore,
  actor: Actor,
  upload: { filename: string; contentType: string; stream: Readable },
  maxBytes: number,
  idempotencyKey?: string,
): Promise<IdempotentResult<Attachment>> {
  // Stored as what the bytes are, not as what the browser said.
  const r = await receiveUpload(files, upload, maxBytes);
  return idempotent(
    db,
    { userId: actor.userId, key: idempotencyKey, route: 'POST /attachments', request: { filename: upload.filename, contentType: r.declaredType, sha256: r.stored.sha256 }, status: 201 },
    (trx) => insertAttachment(trx, actor, upload.filename, r.contentType, r.stored),
  );
}

async function insertAttachment(db: Db, actor: Actor, filename: string, contentType: string, stored: StoredFile): Promise<Attachment> {
  const row = await db
    .insertInto('attachment')
    .values({
      uploaded_by_id: actor.userId,
      filename: safeFilename(filename),
      content_type: contentType,
      size_bytes: stored.sizeBytes,
      sha256: stored.sha256,
      storage_key: stored.storageKey,
      ticket_id: null,
      entry_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAttachment(row);
}

function toAttachment(r: { id: string; filename: string; content_type: string; size_bytes: number; sha256: string; content_id?: string | null; inline?: boolean }): Attachment {
  return {
    id: r.id,
    filename: safeFilename(r.filename),
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    ...(r.content_id !== undefined ? { contentId: r.content_id, inline: r.inline ?? false } : {}),
  };
}

/**
 * Keeps a file a customer mailed, on its ticket and entry: every file is kept (nothing a customer
 * sent is lost), typed from its bytes, its name neutralised for display.
 */
export async function storeMailAttachment(
  trx: Db,
  files: FileStore,
  a: { content: Buffer; filename: string; declaredType: string; ticketId: string; entryId: string; contentId: string | null; inline: boolean },
): Promise<void> {
  const stored = await files.put(Readable.from(a.content), Number.MAX_SAFE_INTEGER);
  const contentType = await sniffContentType(new Uint8Array(a.content.subarray(0, SNIFF_BYTES)), a.declaredType);
  await trx
    .insertInto('attachment')
    .values({
      ticket_id: a.ticketId,
      entry_id: a.entryId,
      uploaded_by_id: null,
      filename: safeFilename(a.filename),
      content_type: contentType,
      size_bytes: stored.sizeBytes,
      sha256: stored.sha256,
      storage_key: stored.storageKey,
      content_id: a.contentId,
      inline: a.inline && a.contentId !== null,
    })
    .execute();
}

/**
 * Keeps a document that Apres made or a shop sent (an invoice) outside any ticket. The module that
 * links it (orders) decides who may read it, and serves it through `openDocument`.
 */
export async function storeDocument(trx: Db, files: FileStore, doc: { content: Buffer; filename: string; uploadedById: string | null }): Promise<Attachment> {
  const stored = await files.put(Readable.from(doc.content), Number.MAX_SAFE_INTEGER);
  const contentType = await sniffContentType(new Uint8Array(doc.content.subarray(0, SNIFF_BYTES)), 'application/octet-stream');
  const row = await trx
    .insertInto('attachment')
    .values({ uploaded_by_id: doc.uploadedById, filename: safeFilename(doc.filename), content_type: contentType, size_bytes: stored.sizeBytes, sha256: stored.sha256, storage_key: stored.storageKey, ticket_id: null, entry_id: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAttachment(row);
}

/**
 * An upload of this actor, not on a ticket, whose bytes are one of `types` (an invoice must be a
 * PDF) — else a field error naming `field`: "no such upload of yours", or what the file really is.
 */
export async function takeUpload(db: Db, actor: Actor, id: string, types: readonly string[], field: string): Promise<Attachment> {
  const row = await db
    .selectFrom('attachment')
    .select(['id', 'filename', 'content_type', 'size_bytes', 'sha256'])
    .where('id', '=', id)
    .where('uploaded_by_id', '=', actor.userId)
    .where('ticket_id', 'is', null)
    .executeTakeFirst();
  if (!row) throw validationFailed([{ field, code: 'invalid_value', message: 'no such upload of yours' }]);
  if (!types.includes(row.content_type)) throw validationFailed([{ field, code: 'invalid_type', message: `the file is ${row.content_type}, not ${types.join(' or ')}` }]);
  return toAttachment(row);
}

/** A document's bytes, for the module that linked it and has decided the actor may read it. */
export async function openDocument(db: Db, files: FileStore, id: string) {
  const row = await db.selectFrom('attachment').select(['id', 'filename', 'content_type', 'size_bytes', 'sha256', 'storage_key']).where('id', '=', id).executeTakeFirst();
  if (!row) throw attachmentNotFound();
  return { attachment: toAttachment(row), stream: files.open(row.storage_key) };
}

/** Links uploads of this actor that are not yet on a ticket; any other id is a field error. */
export async function claimAttachments(
  trx: Db,
  actor: Actor,
  ids: string[],
  target: { ticketId: string; entryId: string | null },
  field: string,
): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const claimed = await trx
    .updateTable('attachment')
    .set({ ticket_id: target.ticketId, entry_id: target.entryId })
    .where('id', 'in', unique)
    .where('uploaded_by_id', '=', actor.userId)
    .where('ticket_id', 'is', null)
    .returning('id')
    .execute();
  if (claimed.length !== unique.length) {
    const got = new Set(claimed.map((c) => c.id));
    const missing = unique.filter((id) => !got.has(id));
    throw validationFailed(missing.map((id) => ({ field: `${field}.${ids.indexOf(id)}`, code: 'invalid_value', message: 'no such upload of yours' })));
  }
}

/** Attachments of a ticket grouped by entry (null: attached to the ticket itself). */
export async function listAttachmentsFor(db: Db, scope: { ticketId: string; entryIds: (string | null)[] }) {
  const rows = await db
    .selectFrom('attachment')
    .select(['id', 'filename', 'content_type', 'size_bytes', 'sha256', 'entry_id', 'content_id', 'inline'])
    .where('ticket_id', '=', scope.ticketId)
    .orderBy('created_at')
    .execute();
  const out = new Map<string | null, Attachment[]>();
  for (const r of rows) {
    if (!scope.entryIds.includes(r.entry_id)) continue;
    out.set(r.entry_id, [...(out.get(r.entry_id) ?? []), toAttachment(r)]);
  }
  return out;
}

/** How the attachments module learns whether someone may read a ticket's file (the tickets module answers; wired at the composition root). */
export interface AttachmentTicketAccess {
  mayRead(db: Db, actor: Actor, ticketId: string, entryId: string | null): Promise<boolean>;
}

export async function openAttachment(db: Db, files: FileStore, actor: Actor, id: string, ticketAccess: AttachmentTicketAccess) {
  const unsafeAttachment = await db
    .selectFrom('attachment as at')
    .select(['at.id', 'at.filename', 'at.content_type', 'at.size_bytes', 'at.sha256', 'at.storage_key', 'at.ticket_id', 'at.entry_id', 'at.uploaded_by_id'])
    .where('at.id', '=', id)
    .executeTakeFirst();
  if (!unsafeAttachment) throw attachmentNotFound();
  const a = unsafeAttachment;
  if (a.ticket_id === null) {
    if (a.uploaded_by_id !== actor.userId) throw attachmentNotFound();
  } else if (!(await ticketAccess.mayRead(db, actor, a.ticket_id, a.entry_id))) {
    throw attachmentNotFound();
  }
  return { attachment: toAttachment(a), stream: files.open(a.storage_key) };
}
