export { attachReceivedFiles, receiveUpload, type ReceivedFile, claimAttachments, listAttachmentsFor, openAttachment, openDocument, storeDocument, storeMailAttachment, takeUpload, uploadAttachment, type Attachment, type AttachmentTicketAccess } from './attachment.service.ts';
export { INLINE_TYPES, safeFilename, sniffContentType } from './content-type.ts';
export { attachmentRoutes, FILE_DOWNLOAD, sendDocument, sendFile } from './attachment.routes.ts';
