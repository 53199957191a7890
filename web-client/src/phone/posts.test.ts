import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../ui/search';
import { filterPosts, type ShownPost } from './posts';

const post = (id: number, kind: 'OFFER' | 'REQUEST', title: string): ShownPost =>
  ({ id, kind, title, status: 'ACTIVE', category: 'EQUIPMENT', createdAt: `2026-01-0${id}` }) as ShownPost;

const board = [
  post(1, 'OFFER', 'Rzutnik multimedialny do pożyczenia'),
  post(2, 'OFFER', 'Kanapki z salami na poczęstunek'),
  post(3, 'OFFER', 'Udostępnimy salę na 40 osób'),
  post(4, 'REQUEST', 'Szukamy wolontariuszy na festyn'),
];
const titles = (query: string, kind: 'OFFER' | 'REQUEST' = 'OFFER') =>
  filterPosts(board, { kind, query }).map((p) => p.title);

describe('the phone board search, once the synonym groups are loaded', () => {
  it('finds the "rzutnik" offer for "projektor" and the room for "sala", but not the salami', async () => {
    await loadLexicon();
    expect(titles('projektor')).toEqual(['Rzutnik multimedialny do pożyczenia']);
    expect(titles('sala')).toEqual(['Udostępnimy salę na 40 osób']);
    expect(titles('volunteers', 'REQUEST')).toEqual(['Szukamy wolontariuszy na festyn']);
  });
});
