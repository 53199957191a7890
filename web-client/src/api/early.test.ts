import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prefetchBoard, takeEarly } from './early';

const ORIGIN = 'https://gielda.example';
const session = { token: 'tok', expiresAt: '2999-01-01T00:00:00Z', fairId: 7, personId: 3 };

describe('the first board asked for early', () => {
  let asked: { url: string; auth: string | null }[];
  beforeEach(() => {
    asked = [];
    const store = new Map([['gielda.session.person', JSON.stringify(session)]]);
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null });
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      asked.push({ url, auth: new Headers(init.headers).get('Authorization') });
      return Promise.resolve(new Response(JSON.stringify({ url }), { status: 200 }));
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const get = (path: string, token = 'tok') =>
    new Request(ORIGIN + path, { headers: { Authorization: `Bearer ${token}` } });

  it("asks for the fair, the posts and me of the phone's own fair, with its token", () => {
    prefetchBoard('/f/7', ORIGIN);
    expect(asked).toEqual([
      { url: `${ORIGIN}/api/fairs/7`, auth: 'Bearer tok' },
      { url: `${ORIGIN}/api/fairs/7/posts`, auth: 'Bearer tok' },
      { url: `${ORIGIN}/api/me`, auth: 'Bearer tok' },
    ]);
    for (const p of ['/api/fairs/7', '/api/fairs/7/posts', '/api/me'])
      expect(takeEarly(get(p))).toBeDefined();
  });

  it('hands each answer over once, only to a GET with the same token, only while fresh', async () => {
    prefetchBoard('/f/7/p/12', ORIGIN);
    const posts = takeEarly(get('/api/fairs/7/posts'));
    expect(await (await posts!).json()).toEqual({ url: `${ORIGIN}/api/fairs/7/posts` });
    expect(takeEarly(get('/api/fairs/7/posts'))).toBeUndefined();
    expect(takeEarly(get('/api/fairs/7', 'other'))).toBeUndefined();
    expect(takeEarly(new Request(`${ORIGIN}/api/me`, { method: 'POST' }))).toBeUndefined();
    expect(takeEarly(get('/api/me'), Date.now() + 60_000)).toBeUndefined();
  });

  it("asks nothing on other pages or another fair's board", () => {
    prefetchBoard('/', ORIGIN);
    prefetchBoard('/f/8', ORIGIN);
    prefetchBoard('/organiser/fairs/7', ORIGIN);
    expect(asked).toEqual([]);
  });
});
