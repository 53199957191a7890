import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import type { TakeEarly } from './early';
import { ApiProblem, toProblem } from './problem';
import { clearSession, getSession, type Scope } from './session';
import { uuid } from './uuid';

export type Api = Client<paths>;

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const RETRY_DELAYS_MS = [400, 1500];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let takeEarly: TakeEarly = () => undefined;

/** Lets the client use the answers the entry script asked for early (api/early.ts; start.tsx). */
export function useEarlyAnswers(take: TakeEarly): void {
  takeEarly = take;
}

/**
 * fetch that retries requests which never got an answer (weak venue Wi-Fi). Safe for mutations
 * because every mutation carries an Idempotency-Key: the server answers a retry with the first response.
 */
export async function retryingFetch(input: Request): Promise<Response> {
  // The first board's answers may already be on their way (api/early.ts).
  const early = takeEarly(input);
  if (early) {
    try {
      return await early;
    } catch {
      /* no answer: ask again below */
    }
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(input.clone());
    } catch (e) {
      const retriable =
        e instanceof TypeError && (input.method === 'GET' || input.headers.has('Idempotency-Key'));
      const delay = RETRY_DELAYS_MS[attempt];
      if (!retriable || delay === undefined) {
        throw new ApiProblem({ status: 0, title: 'Network error', detail: String(e), network: true });
      }
      await sleep(delay);
    }
  }
}

export function authMiddleware(scope: Scope | null): Middleware {
  return {
    onRequest({ request }) {
      const session = scope ? getSession(scope) : null;
      if (session && !request.headers.has('Authorization')) {
        request.headers.set('Authorization', `Bearer ${session.token}`);
      }
      if (MUTATING.has(request.method) && !request.headers.has('Idempotency-Key')) {
        request.headers.set('Idempotency-Key', uuid());
      }
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401 && scope && getSession(scope)) clearSession(scope);
      return response;
    },
  };
}

const clients = new Map<string, Api>();

/** A typed client for the API; `scope` chooses which stored token is sent (null: none). */
export function api(scope: Scope | null): Api {
  const k = scope ?? 'anonymous';
  let c = clients.get(k);
  if (!c) {
    c = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', fetch: retryingFetch });
    c.use(authMiddleware(scope));
    clients.set(k, c);
  }
  return c;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns the data of a successful response or throws an ApiProblem parsed from problem+json. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) {
    throw toProblem(response.status, response.statusText, error);
  }
  return data as T;
}
