import { describe, expect, it } from 'vitest';
import { greatCircleKm } from './great-circle.ts';
import { lookupCity, lookupPostcode, normalisePlaceName, transliterate } from './place-lookup.ts';

const LYON = { lat: 45.764, lon: 4.8357 };

describe('offline place look-up', () => {
  it('finds a French postcode at its commune, Paris arrondissements and overseas included', async () => {
    const lyon = await lookupPostcode('FR', '69003');
    expect(lyon).toMatchObject({ name: 'Lyon', country: 'FR', precision: 'town' });
    expect(greatCircleKm(lyon!, LYON)).toBeLessThan(5);
    expect(await lookupPostcode('FR', '75 116')).toMatchObject({ name: 'Paris', precision: 'town' });
    const guadeloupe = await lookupPostcode('FR', '97110');
    expect(guadeloupe?.lat).toBeGreaterThan(15);
    expect(guadeloupe?.lat).toBeLessThan(17);
  });

  it('places a postcode of villages only at the centre of its département, marked as an area', async () => {
    // 01280 Prévessin-Moëns is below GeoNames' threshold: the Ain's centre, well inside the Ain.
    const ain = await lookupPostcode('FR', '01280');
    expect(ain).toMatchObject({ country: 'FR', precision: 'area' });
    expect(ain!.lat).toBeGreaterThan(45.6);
    expect(ain!.lat).toBeLessThan(46.5);
    expect(ain!.lon).toBeGreaterThan(4.7);
    expect(ain!.lon).toBeLessThan(6.2);
  });

  it('knows no postcode that does not exist, and no postcode outside France', async () => {
    expect(await lookupPostcode('FR', '00000')).toBeUndefined();
    expect(await lookupPostcode('SE', '11122')).toBeUndefined();
  });

  it('finds a town whatever its accents, case, hyphens or "St" abbreviation', async () => {
    const a = await lookupCity('FR', 'Saint-Étienne');
    expect(a).toMatchObject({ name: 'Saint-Étienne', precision: 'town' });
    expect(await lookupCity('FR', 'ST ETIENNE')).toEqual(a);
    expect(await lookupCity('FR', 'saint etienne')).toEqual(a);
    expect(await lookupCity('FR', 'MERIGNAC')).toMatchObject({ name: 'Mérignac' });
  });

  it('finds a merged commune by its former name', async () => {
    expect(await lookupCity('FR', 'Bellegarde-sur-Valserine')).toMatchObject({ name: 'Valserhône' });
  });

  it('picks a town of the same name by country, then by population', async () => {
    const fr = await lookupCity('FR', 'Paris');
    const us = await lookupCity('US', 'Paris');
    expect(fr!.lat).toBeCloseTo(48.85, 1);
    expect(us!.lat).toBeLessThan(45);
    // Several Saint-Denis in France: the most populous one.
    expect(await lookupCity('FR', 'Saint-Denis')).toMatchObject({ name: 'Saint-Denis' });
  });

  it('finds Swedish, Romanian and Russian towns by their local names', async () => {
    expect(await lookupCity('SE', 'Göteborg')).toMatchObject({ name: 'Gothenburg', country: 'SE' });
    expect(await lookupCity('SE', 'malmo')).toMatchObject({ name: 'Malmö' });
    expect(await lookupCity('RO', 'București')).toMatchObject({ name: 'Bucharest' });
    expect(await lookupCity('RO', 'Iasi')).toMatchObject({ country: 'RO' });
    expect(await lookupCity('RU', 'Москва')).toMatchObject({ name: 'Moscow' });
    expect(await lookupCity('RU', 'Екатеринбург')).toMatchObject({ name: 'Yekaterinburg' });
  });

  it('answers nothing for a town it does not know', async () => {
    expect(await lookupCity('FR', 'Nulle-Part-sur-Mer')).toBeUndefined();
    expect(await lookupCity('FR', '  ')).toBeUndefined();
  });

  it('normalises names and transliterates Cyrillic', () => {
    expect(normalisePlaceName("L'Haÿ-les-Roses")).toBe('l hay les roses');
    expect(normalisePlaceName('Ste-Foy-lès-Lyon')).toBe('sainte foy les lyon');
    expect(normalisePlaceName('Œuilly')).toBe('oeuilly');
    expect(transliterate('Нижний Новгород')).toBe('nizhniy novgorod');
    expect(transliterate('Ельня')).toBe('yelnya');
  });
});
