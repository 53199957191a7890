import { beforeAll, describe, expect, it } from 'vitest';
import { buildLexicon, fold, loadLexicon, matchesQuery, queryTerms, stem } from './search';
import { SYNONYM_GROUPS } from './synonyms';

const find = (q: string, ...texts: string[]) => matchesQuery(queryTerms(q), texts);

describe('search without case and diacritics', () => {
  beforeAll(loadLexicon);

  it('folds Polish letters, including ł which NFD does not decompose', () => {
    expect(fold('Zażółć gęślą jaźń ŁÓDŹ')).toBe('zazolc gesla jazn lodz');
  });

  it('finds across case and diacritics', () => {
    expect(find('sala', 'Sala gimnastyczna')).toBe(true);
    expect(find('sale', 'Udostępnimy salę')).toBe(true);
    expect(find('lodz', 'Transport do Łodzi', 'Łódź')).toBe(true);
    expect(find('ŁÓDŹ', 'lodz')).toBe(true);
  });

  it('needs every word, in any field', () => {
    expect(find('  sala   tczew ', 'Sala', 'Tczew')).toBe(true);
    expect(find('sala gdansk', 'Sala', 'Tczew')).toBe(false);
    expect(find('', 'anything')).toBe(true);
  });

  it('still finds a word it does not know as a piece of text, so half-typed words and names work', () => {
    expect(find('rzut', 'Rzutnik do wypożyczenia')).toBe(true);
    expect(find('ann', 'Anna Nowak')).toBe(true);
    expect(find('tczew', 'Tczewski Uniwersytet Trzeciego Wieku')).toBe(true);
  });
});

describe('inflected Polish forms find each other', () => {
  beforeAll(loadLexicon);

  it('"sala" finds "salę", "sali", "salach" and "salą"', () => {
    expect(find('sala', 'Udostępnimy salę na 40 osób')).toBe(true);
    expect(find('sala', 'Szukamy sali na warsztaty')).toBe(true);
    expect(find('sala', 'Spotkania w salach parafii')).toBe(true);
    expect(find('sali', 'Dysponujemy salą gimnastyczną')).toBe(true);
  });

  it('"rzutnik" finds "rzutnika" and "rzutniki", and the other way round', () => {
    expect(find('rzutnik', 'Potrzebujemy rzutnika na sobotę')).toBe(true);
    expect(find('rzutnik', 'Dwa rzutniki do pożyczenia')).toBe(true);
    expect(find('rzutniki', 'Rzutnik Epson')).toBe(true);
  });

  it('"wolontariusz" finds "wolontariuszy" and "wolontariuszami"', () => {
    expect(find('wolontariusz', 'Szukamy pięciu wolontariuszy')).toBe(true);
    expect(find('wolontariusz', 'Pomożemy z wolontariuszami')).toBe(true);
  });

  it('adjectives lose their endings too ("duża sala" finds "dużej sali")', () => {
    expect(find('duża sala', 'W dużej sali zmieści się 80 osób')).toBe(true);
  });
});

describe('words with the same meaning find each other, Polish and English', () => {
  beforeAll(loadLexicon);

  it('"projektor" finds the "rzutnik" offer', () => {
    expect(find('projektor', 'Rzutnik multimedialny z ekranem')).toBe(true);
  });

  it('"nagłośnienie" finds "głośniki" and "mikrofon"', () => {
    expect(find('nagłośnienie', 'Dwa głośniki aktywne')).toBe(true);
    expect(find('naglosnienie', 'Mikrofon bezprzewodowy')).toBe(true);
    expect(find('głośnik', 'Zapewnimy nagłośnienie koncertu')).toBe(true);
  });

  it('English words find Polish posts with the same meaning', () => {
    expect(find('projector', 'Pożyczymy rzutnik')).toBe(true);
    expect(find('volunteers', 'Szukamy wolontariuszy do festynu')).toBe(true);
    expect(find('room', 'Udostępnimy salę konferencyjną')).toBe(true);
    expect(find('tables chairs', 'Stoły i krzesła na piknik')).toBe(true);
  });

  it('Polish words find English posts', () => {
    expect(find('rzutnik', 'Projector and screen for your event')).toBe(true);
    expect(find('wolontariusze', 'Volunteers for the weekend')).toBe(true);
  });

  it('a phrase of the groups is one meaning ("strona internetowa" finds "website")', () => {
    expect(find('strona internetowa', 'We can build a website')).toBe(true);
    expect(find('website', 'Zrobimy stronę internetową')).toBe(true);
    expect(find('promocja', 'Reklama w mediach społecznościowych')).toBe(true);
  });

  it('"bus" finds "przewóz autobusowy": the same passenger transport', () => {
    expect(find('bus', 'Przewóz autobusowy dla grupy')).toBe(true);
    expect(find('transport', 'Bus 8-osobowy z kierowcą')).toBe(true);
  });
});

describe('unrelated words still do not match', () => {
  beforeAll(loadLexicon);

  it('"sala" does not find "salami"', () => {
    expect(find('sala', 'Kanapki z salami na poczęstunek')).toBe(false);
  });

  it('"bus" does not find "busola", "rzutnik" does not find "rzut oszczepem"', () => {
    expect(find('bus', 'Busola i mapy dla harcerzy')).toBe(false);
    expect(find('rzutnik', 'Pokaz rzutu oszczepem')).toBe(false);
  });

  it('a meaning from one group does not leak into another ("namiot" does not find chairs)', () => {
    expect(find('namiot', 'Krzesła i stoły na piknik')).toBe(false);
    expect(find('projektor', 'Nagłośnienie i mikrofony')).toBe(false);
    expect(find('wolontariusze', 'Sala na 40 osób')).toBe(false);
  });

  it('every query word must still find something', () => {
    expect(find('projektor gdańsk', 'Rzutnik', 'Tczew')).toBe(false);
  });
});

describe('the stemmer and the synonym groups', () => {
  it('keeps at least three letters and "salami" whole', () => {
    expect(stem('sala')).toBe('sal');
    expect(stem('bus')).toBe('bus');
    expect(stem('salami')).toBe('salami');
    expect(stem('autobusowy')).toBe('autobus');
  });

  it('has small groups, no empty member and no word in two groups (each word one meaning)', () => {
    const lexicon = buildLexicon(SYNONYM_GROUPS);
    for (const group of lexicon.groups) expect(group.length).toBeGreaterThan(1);
    for (const ids of lexicon.byStem.values()) expect(ids).toHaveLength(1);
    expect(JSON.stringify(SYNONYM_GROUPS).length).toBeLessThan(4096);
  });
});
