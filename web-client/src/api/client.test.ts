import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, unwrap } from './client';
import { ApiProblem } from './problem';
import { setSession } from './session';

class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

describe('typed API client', () => {
  const seen: Request[] = [];
  beforeEach(() => {
    seen.length = 0;
    vi.stubGlobal('localStorage', new MemoryStorage());
    vi.stubGlobal('location', new URL('http://fair.local/'));
  });
  afterEach(() => vi.unstubAllGlobals());

  const respond = (...responses: (Response | Error)[]) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async (r: Request) => {
        seen.push(r);
        const next = responses.shift();
        if (!next) throw new Error('no more responses');
        if (next instanceof Error) throw next;
        return next;
      }),
    );

  it('sends the bearer token and an Idempotency-Key on POST', async () => {
    setSession('organiser', { token: 'jwt-1', expiresAt: '2999-01-01T00:00:00Z' });
    respond(json(201, { id: 5, name: 'X' }));
    const fair = await unwrap(
      api('organiser').POST('/api/fairs', {
        body: { name: 'X', venue: 'V', startsAt: '2026-11-28T09:00:00Z', endsAt: '2026-11-28T11:00:00Z' },
      }),
    );
    expect(fair.id).toBe(5);
    expect(seen[0]!.headers.get('Authorization')).toBe('Bearer jwt-1');
    expect(seen[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends no Idempotency-Key on GET and no token for anonymous calls', async () => {
    respond(
      json(200, { fairId: 1, name: 'F', venue: 'V', startsAt: '2026-11-28T09:00:00Z', phase: 'DRAFT' }),
    );
    await unwrap(api(null).GET('/api/public/fairs/{joinCode}', { params: { path: { joinCode: 'ABC' } } }));
    expect(seen[0]!.headers.has('Idempotency-Key')).toBe(false);
    expect(seen[0]!.headers.has('Authorization')).toBe(false);
  });

  it('retries a lost POST with the same Idempotency-Key', async () => {
    respond(new TypeError('Failed to fetch'), json(200, { token: 't', expiresAt: '2999-01-01T00:00:00Z' }));
    await unwrap(api(null).POST('/api/auth/login', { body: { email: 'a@b.c', password: 'p' } }));
    expect(seen).toHaveLength(2);
    expect(seen[0]!.headers.get('Idempotency-Key')).toBe(seen[1]!.headers.get('Idempotency-Key'));
  });

  it('parses problem+json with field and row errors', async () => {
    respond(
      json(
        422,
        {
          title: 'Invalid',
          status: 422,
          detail: 'One or more fields are invalid',
          errors: [{ field: 'create.input.name', message: 'must not be blank' }],
          rows: [{ line: 4, reason: 'unknown sector' }],
        },
        'application/problem+json',
      ),
    );
    const err = await unwrap(api(null).POST('/api/auth/login', { body: { email: '', password: '' } })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiProblem);
    const p = err as ApiProblem;
    expect(p.status).toBe(422);
    expect(p.detail).toBe('One or more fields are invalid');
    expect(p.fieldErrors).toEqual({ name: 'must not be blank' });
    expect(p.rows).toEqual([{ line: 4, reason: 'unknown sector' }]);
  });

  it('drops the stored session on 401', async () => {
    setSession('person', { token: 'old', expiresAt: '2999-01-01T00:00:00Z' });
    respond(json(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json'));
    await expect(unwrap(api('person').GET('/api/me'))).rejects.toBeInstanceOf(ApiProblem);
    expect(localStorage.getItem('gielda.session.person')).toBeNull();
  });
});
