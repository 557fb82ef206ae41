export { claimAttachments, listAttachmentsFor, openAttachment, storeMailAttachment, uploadAttachment, type Attachment, type AttachmentTicketAccess } from './attachment.service.ts';
export { INLINE_TYPES, safeFilename, sniffContentType } from './content-type.ts';
export { attachmentRoutes } from './attachment.routes.ts';
