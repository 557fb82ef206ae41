export { claimAttachments, listAttachmentsFor, openAttachment, uploadAttachment, type Attachment } from './attachment.service.ts';
export { attachmentRoutes } from './attachment.routes.ts';
