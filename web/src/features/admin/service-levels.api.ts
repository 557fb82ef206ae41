import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { CalendarInput, SlaPolicyInput } from '../../api/types';

/** Administration of service levels (admins only): business calendars and policies. */

const CALENDARS_KEY = ['admin', 'calendars'] as const;
const POLICIES_KEY = ['admin', 'sla-policies'] as const;

export function useCalendars() {
  return useQuery({
    queryKey: CALENDARS_KEY,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/calendars', { signal })),
    select: (d) => d.items,
  });
}

export function useCalendar(id: string | null) {
  return useQuery({
    queryKey: [...CALENDARS_KEY, id],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/calendars/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });
}

/** The year's closed days of the saved calendar: library holidays (removed ones marked) and the brand's own. */
export function useCalendarHolidays(id: string | null, year: number, version: number | undefined) {
  return useQuery({
    // The version is in the key: a save changes what the same year holds.
    queryKey: [...CALENDARS_KEY, id, 'holidays', year, version ?? 0],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/calendars/{id}/holidays', { params: { path: { id: id ?? '' }, query: { year } }, signal })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

export function useDuePreview(id: string | null) {
  return useMutation({
    mutationFn: ({ from, minutes }: { from: string; minutes: number }) =>
      ok(api.GET('/api/v1/admin/calendars/{id}/preview', { params: { path: { id: id ?? '' }, query: { from, minutes } } })),
  });
}

/** Creates (id null) or replaces a calendar; the brand's open tickets are recomputed by the server. */
export function useSaveCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: CalendarInput }) =>
      ok(id ? api.PUT('/api/v1/admin/calendars/{id}', { params: { path: { id } }, body }) : api.POST('/api/v1/admin/calendars', { body })),
    onSuccess: (saved) => {
      qc.setQueryData([...CALENDARS_KEY, saved.id], saved);
      void qc.invalidateQueries({ queryKey: CALENDARS_KEY, predicate: (q) => q.queryKey.length === 2 });
      void qc.invalidateQueries({ queryKey: POLICIES_KEY });
      // Due times of open tickets move with the calendar.
      void qc.invalidateQueries({ queryKey: ['tickets'] });
      void qc.invalidateQueries({ queryKey: ['ticket'] });
    },
  });
}

export function usePolicies() {
  return useQuery({
    queryKey: POLICIES_KEY,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/admin/sla-policies', { signal })),
    select: (d) => d.items,
  });
}

export function useSavePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: SlaPolicyInput }) =>
      ok(id ? api.PUT('/api/v1/admin/sla-policies/{id}', { params: { path: { id } }, body }) : api.POST('/api/v1/admin/sla-policies', { body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: POLICIES_KEY });
      void qc.invalidateQueries({ queryKey: ['tickets'] });
      void qc.invalidateQueries({ queryKey: ['ticket'] });
    },
  });
}

/** Imports a year's exceptions (closed days, days with other hours) from a CSV or an iCalendar file's text. */
export function useImportExceptions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, format, content }: { id: string; format: 'csv' | 'ics'; content: string }) => ok(api.POST('/api/v1/admin/calendars/{id}/exceptions', { params: { path: { id } }, body: { format, content } })),
    onSuccess: (r) => {
      qc.setQueryData([...CALENDARS_KEY, r.calendar.id], r.calendar);
      void qc.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}
