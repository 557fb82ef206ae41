export type { EmailContext } from './email-context.ts';
