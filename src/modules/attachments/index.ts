export { claimAttachments, listAttachmentsFor, openAttachment, storeMailAttachment, uploadAttachment, type Attachment } from './attachment.service.ts';
export { INLINE_TYPES, safeFilename, sniffContentType } from './content-type.ts';
export { attachmentRoutes } from './attachment.routes.ts';
