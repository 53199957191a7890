import { ApiProblem, toProblem } from '../api/problem';
import { getSession, type Scope } from '../api/session';
import { uuid } from '../api/uuid';

/** The report endpoints are newer than the committed openapi.json: typed by hand from ReportDtos. */
export type Sector = 'PUBLIC' | 'NGO' | 'BUSINESS' | 'INFORMAL_GROUP' | 'INDIVIDUAL';
export const SECTORS: readonly Sector[] = ['PUBLIC', 'NGO', 'BUSINESS', 'INFORMAL_GROUP', 'INDIVIDUAL'];

/** Decimals come as JSON numbers (BigDecimal); accept strings too. */
export type Decimal = number | string;

export interface Headline {
  people: number;
  present: number;
  entities: number;
  offers: number;
  requests: number;
  contracts: number;
  items: number;
  valuePln: Decimal;
  hours: Decimal;
}

export interface CategoryTally {
  category: string;
  items: number;
  contracts: number;
  valuePln: Decimal;
  hours: Decimal;
}

export interface SectorPair {
  from: Sector;
  to: Sector;
  items: number;
  valuePln: Decimal;
  hours: Decimal;
}

export interface TimeBucket {
  from: string;
  count: number;
  total: number;
}

export interface FollowUpTally {
  byStatus: Record<string, number>;
  deliveredContracts: number;
  deliveredItems: number;
  deliveredValuePln: Decimal;
  deliveredHours: Decimal;
}

export interface Tallies {
  seq: number;
  scope: 'full' | 'headline';
  headline: Headline;
  entitiesBySector?: Partial<Record<Sector, number>>;
  offersByCategory?: Record<string, number>;
  requestsByCategory?: Record<string, number>;
  itemsByCategory?: CategoryTally[];
  sectorPairs?: SectorPair[];
  contractsTimeline?: TimeBucket[];
  checkInTimeline?: TimeBucket[];
  followUp?: FollowUpTally;
}

export type FollowUpStatus = 'DELIVERED' | 'IN_PROGRESS' | 'NO_CONTACT' | 'NOT_FEASIBLE';
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = [
  'DELIVERED',
  'IN_PROGRESS',
  'NO_CONTACT',
  'NOT_FEASIBLE',
];

export interface FollowUpView {
  id: number;
  contractId: number;
  version: number;
  status: FollowUpStatus;
  statusPl?: string;
  date: string;
  note?: string | null;
  setByName?: string | null;
  createdAt: string;
}

export interface StaleContract {
  contractId: number;
  number: number;
  title?: string | null;
  parties: string[];
  registeredAt: string;
  lastStatus?: FollowUpStatus | null;
  lastUpdateAt?: string | null;
  daysSinceUpdate: number;
}

export interface Balance {
  givenItems: number;
  givenPln: Decimal;
  givenHours: Decimal;
  receivedItems: number;
  receivedPln: Decimal;
  receivedHours: Decimal;
  balancePln: Decimal;
}

export interface BalanceView {
  fairId: number;
  deliveredOnly: boolean;
  entities: { entityId: number; name: string; sector: Sector; balance: Balance }[];
  sectors: { sector: Sector; balance: Balance }[];
}

export const num = (d: Decimal | null | undefined): number => (d == null ? 0 : Number(d) || 0);

function headers(scope: Scope): Headers {
  const h = new Headers({ Accept: 'application/json' });
  const token = getSession(scope)?.token;
  if (token) h.set('Authorization', `Bearer ${token}`);
  return h;
}

async function send(scope: Scope, path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: init.headers ?? headers(scope) });
  } catch (e) {
    throw new ApiProblem({ status: 0, title: 'Network error', detail: String(e), network: true });
  }
  if (!res.ok) {
    let body: unknown = undefined;
    try {
      body = await res.json();
    } catch {
      /* not JSON */
    }
    throw toProblem(res.status, res.statusText, body);
  }
  return res;
}

export async function getJson<T>(scope: Scope, path: string): Promise<T> {
  return (await (await send(scope, path)).json()) as T;
}

export async function postJson<T>(scope: Scope, path: string, body: unknown): Promise<T> {
  const h = headers(scope);
  h.set('Content-Type', 'application/json');
  h.set('Idempotency-Key', uuid());
  return (await (
    await send(scope, path, { method: 'POST', headers: h, body: JSON.stringify(body) })
  ).json()) as T;
}

/**
 * `after`: the last event the caller's board holds. The server computes the tallies once per log
 * number and shares them; saying what we hold lets it answer from that without a database read.
 */
export const fetchTallies = (scope: Scope, fairId: number, after?: number) =>
  getJson<Tallies>(
    scope,
    `/api/fairs/${fairId}/tallies${after !== undefined && after > 0 ? `?after=${after}` : ''}`,
  );

/** File name from Content-Disposition, or the fallback. */
export function fileName(disposition: string | null, fallback: string): string {
  const m = disposition && /filename="?([^";]+)"?/i.exec(disposition);
  return m?.[1] ?? fallback;
}

/** Downloads an export with the bearer token (a plain link would carry none). */
export async function download(scope: Scope, path: string, fallback: string): Promise<string> {
  const h = new Headers();
  const token = getSession(scope)?.token;
  if (token) h.set('Authorization', `Bearer ${token}`);
  const res = await send(scope, path, { headers: h });
  const blob = await res.blob();
  const name = fileName(res.headers.get('Content-Disposition'), fallback);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
