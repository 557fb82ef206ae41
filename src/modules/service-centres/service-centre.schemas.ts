import { z } from 'zod';
import { WEEKDAYS } from '../../shared/vocabulary.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Code = z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, 'letters, digits, ".", "_" or "-"');
const Country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code');

/** A centre as an admin writes it (POST adds, PUT replaces). */
export const ServiceCentreBody = z
  .object({
    brandId: z.uuid(),
    name: Text(200),
    addressLines: z.array(Text(200)).max(4).default([]).describe('Street lines, without postcode and city'),
    postcode: Text(20),
    city: Text(100),
    country: Country,
    latitude: z.number().min(-90).max(90).describe('WGS 84 degrees'),
    longitude: z.number().min(-180).max(180).describe('WGS 84 degrees'),
    phone: z.string().trim().max(40).nullable().default(null),
    email: z.email().max(254).nullable().default(null),
    calendarId: z.uuid().nullable().default(null).describe("Opening hours: one of the brand's business calendars (null: not published)"),
    families: z.array(Code).max(100).default([]).describe('Product family codes served'),
    models: z.array(Code).max(500).default([]).describe('Model codes served; with no family and no model, every product of the brand'),
    active: z.boolean().default(true),
  })
  .strict();
export type ServiceCentreInput = z.infer<typeof ServiceCentreBody>;

const Interval = z.object({ start: z.string(), end: z.string() });

export const OpeningDay = z.object({
  date: z.string().describe('Local date YYYY-MM-DD in the centre’s time zone'),
  weekday: z.enum(WEEKDAYS),
  intervals: z.array(Interval).describe('Opening intervals in local wall time; empty when closed'),
  closed: z.object({ reason: z.enum(['weekend', 'holiday', 'closure', 'closed']), name: z.string().nullable() }).nullable(),
});

export const OpeningHours = z.object({
  timeZone: z.string(),
  openNow: z.boolean(),
  nextOpeningAt: z.string().nullable().describe('When closed now: the next opening (ISO instant); null when open or never'),
  days: z.array(OpeningDay).describe('Today first, then the six days after'),
});

export const ServiceCentreResponse = z.object({
  id: z.string(),
  brandId: z.string(),
  name: z.string(),
  addressLines: z.array(z.string()),
  postcode: z.string(),
  city: z.string(),
  country: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  calendarId: z.string().nullable(),
  families: z.array(z.string()),
  models: z.array(z.string()),
  active: z.boolean(),
  updatedAt: z.string(),
});

export const ServiceCentresQuery = z.object({ brandId: z.uuid().optional() }).strict();

const Degrees = (min: number, max: number) => z.coerce.number().min(min).max(max);

export const NearestQuery = z
  .object({
    brand: z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a brand slug').describe('The brand’s slug, e.g. mecashop'),
    postcode: z.string().trim().min(1).max(20).optional(),
    city: z.string().trim().min(1).max(100).optional(),
    lat: Degrees(-90, 90).optional().describe('With lon: the customer’s position (WGS 84 degrees)'),
    lon: Degrees(-180, 180).optional(),
    country: Country.optional().describe('Where the postcode or town is; the brand’s country when left out'),
    model: Code.optional().describe('Only centres serving this model (its code)'),
    limit: z.coerce.number().int().min(1).max(20).default(5),
  })
  .strict();
export type NearestInput = z.infer<typeof NearestQuery>;

export const NearestResponse = z.object({
  origin: z.object({
    kind: z.enum(['postcode', 'city', 'position']),
    name: z.string().nullable().describe('The commune or town found; null for a position'),
    country: z.string().nullable(),
    latitude: z.number(),
    longitude: z.number(),
    precision: z.enum(['exact', 'town', 'area']).describe('area: only the postcode’s département was known, distances are approximate'),
  }),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      addressLines: z.array(z.string()),
      postcode: z.string(),
      city: z.string(),
      country: z.string(),
      latitude: z.number(),
      longitude: z.number(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      distanceKm: z.number().describe('Great-circle distance, rounded to 0.1 km'),
      families: z.array(z.string()),
      models: z.array(z.string()),
      openingHours: OpeningHours.nullable(),
    }),
  ),
});
