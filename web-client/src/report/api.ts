import { api, unwrap } from '../api/client';
import { ApiProblem, toProblem } from '../api/problem';
import type { paths, components } from '../api/schema';
import type { Scope } from '../api/session';

type Schemas = components['schemas'];

/**
 * The report endpoints' shapes, from the OpenAPI like every other screen's. The server's records
 * always carry every field (Jackson writes nulls too), so `Complete` drops the generator's
 * optional marks; nullable fields stay nullable.
 */
type Complete<T> = T extends readonly (infer U)[]
  ? Complete<U>[]
  : T extends object
    ? { [K in keyof T]-?: Complete<Exclude<T[K], undefined>> }
    : T;

export type Sector = Schemas['Sector'];
export const SECTORS: readonly Sector[] = ['PUBLIC', 'NGO', 'BUSINESS', 'INFORMAL_GROUP', 'INDIVIDUAL'];

/** Decimals come as JSON numbers (BigDecimal); accept strings too. */
export type Decimal = number | string;

export type Headline = Complete<Schemas['Headline']>;
export type CategoryTally = Complete<Schemas['CategoryTally']>;
export type SectorPair = Complete<Schemas['SectorPair']>;
export type TimeBucket = Complete<Schemas['TimeBucket']>;
export type FollowUpTally = Complete<Schemas['FollowUpTally']>;
/** Only `headline` is there when the server answers with the headline scope (the big screen). */
export type Tallies = Omit<Complete<Schemas['Tallies']>, 'headline'> & { headline: Headline } & Partial<
    Omit<Complete<Schemas['Tallies']>, 'headline' | 'seq' | 'scope'>
  >;
// Looked up by path: the generated schema names enums called Status by the order it meets them.
type FollowUpBody = NonNullable<
  paths['/api/fairs/{fairId}/contracts/{contractId}/follow-ups']['post']['requestBody']
>['content']['application/json'];
export type FollowUpStatus = NonNullable<FollowUpBody['status']>;
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = [
  'DELIVERED',
  'IN_PROGRESS',
  'NO_CONTACT',
  'NOT_FEASIBLE',
];
export type FollowUpView = Complete<Schemas['FollowUpView']>;
export type StaleContract = Complete<Schemas['StaleContract']>;
export type Balance = Complete<Schemas['Balance']>;
export type BalanceView = Complete<Schemas['BalanceView']>;

export const num = (d: Decimal | null | undefined): number => (d == null ? 0 : Number(d) || 0);

/**
 * `after`: the last event the caller's board holds. The server computes the tallies once per log
 * number and shares them; saying what we hold lets it answer from that without a database read.
 */
export const fetchTallies = async (scope: Scope, fairId: number, after?: number): Promise<Tallies> =>
  (await unwrap(
    api(scope).GET('/api/fairs/{fairId}/tallies', {
      params: { path: { fairId }, query: after !== undefined && after > 0 ? { after } : {} },
    }),
  )) as Tallies;

/** File name from Content-Disposition, or the fallback. */
export function fileName(disposition: string | null, fallback: string): string {
  const m = disposition && /filename="?([^";]+)"?/i.exec(disposition);
  return m?.[1] ?? fallback;
}

export type ExportKind = 'xlsx' | 'pdf' | 'json' | { csv: string };

/** Downloads an export through the API client (bearer token, retries) and saves it under the server's name. */
export async function download(
  scope: Scope,
  fairId: number,
  kind: ExportKind,
  fallback: string,
): Promise<string> {
  const client = api(scope);
  const path = { fairId };
  const call =
    typeof kind === 'object'
      ? client.GET('/api/fairs/{fairId}/exports/csv', {
          params: { path, query: { table: kind.csv } },
          parseAs: 'blob',
        })
      : kind === 'xlsx'
        ? client.GET('/api/fairs/{fairId}/exports/xlsx', { params: { path }, parseAs: 'blob' })
        : kind === 'pdf'
          ? client.GET('/api/fairs/{fairId}/exports/pdf', { params: { path }, parseAs: 'blob' })
          : client.GET('/api/fairs/{fairId}/exports/json', { params: { path }, parseAs: 'blob' });
  const { data, error, response } = (await call) as { data?: Blob; error?: unknown; response: Response };
  if (!response.ok || !data) {
    // A problem+json answer was read as a blob: read it back as the problem it is.
    let body: unknown = error;
    if (error instanceof Blob) {
      try {
        body = JSON.parse(await error.text());
      } catch {
        body = undefined;
      }
    }
    throw body instanceof ApiProblem ? body : toProblem(response.status, response.statusText, body);
  }
  const name = fileName(response.headers.get('Content-Disposition'), fallback);
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
