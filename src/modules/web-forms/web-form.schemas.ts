import { z } from 'zod';
import { LOCALES } from '../../shared/vocabulary.ts';
import { IntakeFormSchema } from '../brands/index.ts';

const Serial = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u, 'must be letters, digits, . / _ -');

/** What the form page needs: the brand's look and languages, its intake form, a fresh form token. */
export const PublicFormResponse = z.object({
  brand: z.object({
    slug: z.string(),
    name: z.string(),
    defaultLocale: z.enum(LOCALES),
    locales: z.array(z.enum(LOCALES)),
    accentColour: z.string(),
    /** The brand's logo (public), if it has one. */
    logoUrl: z.string().nullable(),
  }),
  form: IntakeFormSchema,
  token: z.string(),
  minFillSeconds: z.number(),
  maxFiles: z.number(),
  maxFileBytes: z.number(),
});

/** The JSON part `payload` of a submission (the files follow it as parts named `file`). */
export const WebFormSubmission = z
  .object({
    token: z.string().min(10).max(500),
    /** The honeypot: hidden from people, left empty by them. */
    website: z.string().max(500).optional(),
    name: z.string().trim().min(1).max(200),
    email: z.email().max(254),
    locale: z.enum(LOCALES),
    subject: z.string().trim().min(1).max(300),
    message: z.string().trim().min(1).max(20_000),
    serialNumbers: z.array(Serial).max(20).default([]),
    customFields: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type WebFormSubmissionInput = z.infer<typeof WebFormSubmission>;

export const WebFormAnswer = z.object({
  number: z.string(),
  email: z.string(),
  /** What became of the confirmation mail: on its way (`queued`: to a server or the built-in outbox), `held` until a server is set, or not sent (`suppressed`). */
  confirmation: z.enum(['queued', 'held', 'suppressed']),
});
export type WebFormAnswerType = z.infer<typeof WebFormAnswer>;

export const ActivateBody = z.object({ token: z.string().min(10).max(200), password: z.string().min(1).max(500) }).strict();
