import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { paths } from '../../api/schema';

type NearestOp = paths['/api/v1/service-centres/nearest']['get'];
export type NearestQuery = NearestOp['parameters']['query'];
export type NearestAnswer = NearestOp['responses'][200]['content']['application/json'];
export type NearestCentre = NearestAnswer['items'][number];

/** The brand's centres nearest to a postcode, a town or a position; nothing asked while `query` is null. */
export function useNearestCentres(query: NearestQuery | null) {
  return useQuery({
    queryKey: ['service-centres', 'nearest', query],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/service-centres/nearest', { params: { query: query! }, signal })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    // A centre's "open now" moves with the clock: asked again after a few minutes.
    staleTime: 5 * 60_000,
  });
}
