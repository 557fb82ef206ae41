import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

/** Brands administered in the app (issue 14, item 6): settings, look, intake form, mail templates. */

export type BrandAdmin = ResponseOf<'/api/v1/admin/brands/{id}', 'get'>;
export type BrandAdminInput = BodyOf<'/api/v1/admin/brands/{id}', 'put'>;
export type IntakeFormInput = BodyOf<'/api/v1/admin/brands/{id}/intake-form', 'put'>;
export type MailTemplate = ResponseOf<'/api/v1/admin/brands/{id}/mail-templates', 'get'>['items'][number];
export type MailTemplateKey = MailTemplate['template'];
export type MailLanguage = MailTemplate['languages'][number];
export type MailPreview = ResponseOf<'/api/v1/admin/brands/{id}/mail-templates/{template}/{locale}/preview', 'post'>;

const KEY = ['admin', 'brands'] as const;

export function useAdminBrands() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/brands', { signal })) });
}

export function useAdminBrand(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, id],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/brands/{id}', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
  });
}

function useBrandWrite<V>(id: string, call: (v: V) => Promise<BrandAdmin>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (brand) => {
      qc.setQueryData([...KEY, id], brand);
      // The portal look and the intake form are read from the public brand too.
      return Promise.all([qc.invalidateQueries({ queryKey: KEY }), qc.invalidateQueries({ queryKey: ['brands'] })]);
    },
  });
}

export function useSaveBrand(id: string) {
  return useBrandWrite(id, (body: BrandAdminInput) => ok(api.PUT('/api/v1/admin/brands/{id}', { params: { path: { id } }, body })));
}

export function useSaveIntakeForm(id: string) {
  return useBrandWrite(id, (body: IntakeFormInput) => ok(api.PUT('/api/v1/admin/brands/{id}/intake-form', { params: { path: { id } }, body })));
}

export function useUploadLogo(id: string) {
  return useBrandWrite(id, (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return ok(api.POST('/api/v1/admin/brands/{id}/logo', { params: { path: { id } }, body: form as never, bodySerializer: (b: unknown) => b as FormData }));
  });
}

export function useRemoveLogo(id: string) {
  return useBrandWrite(id, () => ok(api.DELETE('/api/v1/admin/brands/{id}/logo', { params: { path: { id } } })));
}

export function useMailTemplates(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, id, 'mail-templates'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/brands/{id}/mail-templates', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
  });
}

type TemplateRef = { template: MailTemplateKey; locale: MailLanguage['locale'] };
type Wording = { subject: string; body: string };

export function useSaveMailTemplate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ template, locale, ...body }: TemplateRef & Wording) => ok(api.PUT('/api/v1/admin/brands/{id}/mail-templates/{template}/{locale}', { params: { path: { id, template, locale } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, id, 'mail-templates'] }),
  });
}

export function useResetMailTemplate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ template, locale }: TemplateRef) => ok(api.DELETE('/api/v1/admin/brands/{id}/mail-templates/{template}/{locale}', { params: { path: { id, template, locale } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, id, 'mail-templates'] }),
  });
}

export function usePreviewMailTemplate(id: string) {
  return useMutation({
    mutationFn: ({ template, locale, ...body }: TemplateRef & Wording) => ok(api.POST('/api/v1/admin/brands/{id}/mail-templates/{template}/{locale}/preview', { params: { path: { id, template, locale } }, body })),
  });
}
