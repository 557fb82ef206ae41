import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.ts';
import { type Attachment, type AttachmentTicketAccess, openAttachment, uploadAttachment } from './attachment.service.ts';
import { INLINE_TYPES } from './content-type.ts';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import type { AppConfig } from '../../platform/config/config.ts';

const AttachmentResponse = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number(), sha256: z.string() });


/**
 * Sends a stored file. Only raster images and PDF are ever shown; anything else (SVG, HTML, XML,
 * scripts, and rows stored before types were sniffed) is an opaque download that no page can run
 * as a script or a style (nosniff with a non-script type), and a sandbox keeps even a shown file
 * out of the application's origin.
 */
export function sendFile(reply: FastifyReply, attachment: Attachment, stream: Readable, disposition?: 'attachment') {
  const inline = INLINE_TYPES.has(attachment.contentType) && disposition !== 'attachment';
  const ascii = attachment.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', INLINE_TYPES.has(attachment.contentType) ? attachment.contentType : 'application/octet-stream')
    .header('content-length', attachment.sizeBytes)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox")
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', 'private, no-store')
    .send(stream);
}

/** A document made for this request (a label, a quote, a report): served like any file, sandboxed and never cached. */
export function sendDocument(reply: FastifyReply, doc: { pdf: Buffer; filename: string }) {
  return sendFile(reply, { id: '', filename: doc.filename, contentType: 'application/pdf', sizeBytes: doc.pdf.length, sha256: '' }, Readable.from([doc.pdf]));
}

/** A file's bytes in an OpenAPI answer (the schema documents it; a stream is never serialised). */
export const FILE_DOWNLOAD = z.any().describe('The file (binary): image/png, image/jpeg, image/gif, image/webp, application/pdf, or application/octet-stream');

/** What the composition root hands these routes. */
export interface AttachmentRoutesOptions { db: Db; files: FileStore; config: AppConfig; ticketAccess: AttachmentTicketAccess }

export const attachmentRoutes: FastifyPluginAsyncZod<AttachmentRoutesOptions> = async (app, { db, files, config, ticketAccess }) => {
  app.post(
    '/attachments',
    {
      schema: {
        tags: ['attachments'],
        summary: 'Upload one file (multipart field `file`); reference its id in attachmentIds',
        consumes: ['multipart/form-data'],
        response: { 201: AttachmentResponse },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!request.isMultipart()) {
        throw new AppError('VALIDATION_FAILED', 400, 'file: send multipart/form-data with a part named file', {
          errors: [{ field: 'file', code: 'required', message: 'send multipart/form-data with a part named file' }],
        });
      }
      const malformed = (err: unknown) =>
        new AppError('BAD_REQUEST', 400, `file: the multipart body is malformed (${(err as Error).message})`, { errors: [{ field: 'file', code: 'invalid_format', message: 'the multipart body is malformed or cut short' }] });
      let part;
      try {
        part = await request.file({ limits: { fileSize: config.maxAttachmentBytes + 1, files: 1 } });
      } catch (err) {
        if (err instanceof AppError || ((err as { statusCode?: number }).statusCode ?? 500) < 500) throw err;
        throw malformed(err);
      }
      if (!part || part.fieldname !== 'file') {
        part?.file.resume();
        throw new AppError('VALIDATION_FAILED', 400, 'file: is required', { errors: [{ field: 'file', code: 'required', message: 'is required' }] });
      }
      const key = request.headers['idempotency-key'];
      // A body cut short fails while the file streams in: that is the client's error, not ours.
      let streamError: unknown = null;
      part.file.on('error', (err) => (streamError = err));
      let result;
      try {
        result = await uploadAttachment(
          db, files, actor,
          { filename: part.filename, contentType: part.mimetype, stream: part.file },
          config.maxAttachmentBytes,
          typeof key === 'string' ? key : undefined,
        );
      } catch (err) {
        if (!(err instanceof AppError) && (streamError || /busboy|dicer/.test((err as Error).stack ?? ''))) throw malformed(streamError ?? err);
        throw err;
      }
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.body);
    },
  );

  app.get(
    '/attachments/:id',
    { schema: { tags: ['attachments'], summary: 'Download a file you may see', params: z.object({ id: z.uuid() }), response: { 200: FILE_DOWNLOAD } } },
    async (request, reply) => {
      const { attachment, stream } = await openAttachment(db, files, request.actor, request.params.id, ticketAccess);
      return sendFile(reply, attachment, stream);
    },
  );
};
