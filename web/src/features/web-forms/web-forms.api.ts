import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { problemToError } from '../../api/errors';
import type { paths } from '../../api/schema';

export type PublicForm = paths['/api/v1/public/forms/{slug}']['get']['responses'][200]['content']['application/json'];
export type WebFormAnswer = paths['/api/v1/public/forms/{slug}/submissions']['post']['responses'][201]['content']['application/json'];
export type IntakeField = PublicForm['form']['fields'][number];

export interface WebFormPayload {
  token: string;
  website: string;
  name: string;
  email: string;
  locale: string;
  subject: string;
  message: string;
  serialNumbers: string[];
  customFields: Record<string, unknown>;
}

/** The brand's form and a fresh token: fetched once per showing, never cached (the token proves when it was shown). */
export function usePublicForm(slug: string) {
  return useQuery({
    queryKey: ['public-form', slug],
    queryFn: () => ok(api.GET('/api/v1/public/forms/{slug}', { params: { path: { slug } } })),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

/**
 * Sends the form as multipart (the JSON part first, then the files), without the visitor's session
 * even if they have one: the form is anonymous, on the brand's site as in the app.
 */
export async function submitWebForm(slug: string, payload: WebFormPayload, files: File[]): Promise<WebFormAnswer> {
  const form = new FormData();
  form.append('payload', JSON.stringify(payload));
  for (const f of files) form.append('file', f, f.name);
  const res = await fetch(`/api/v1/public/forms/${encodeURIComponent(slug)}/submissions`, {
    method: 'POST',
    body: form,
    credentials: 'omit',
    headers: { accept: 'application/json, application/problem+json' },
  }).catch(() => {
    throw problemToError(0, undefined);
  });
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw problemToError(res.status, data);
  return data as WebFormAnswer;
}
