/** Names for the API's shapes, looked up by path so they survive schema renames in the generated OpenAPI. */
import type { paths } from './schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : never
  : never;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? JsonOf<NonNullable<B>>
  : never;

export type Fair = Ok<'/api/fairs/{fairId}', 'get'>;
export type Phase = Fair['phase'];
export type CreateFair = Body<'/api/fairs', 'post'>;
export type Me = Ok<'/api/me', 'get'>;
export type PublicFair = Ok<'/api/public/fairs/{joinCode}', 'get'>;
export type JoinRequest = Body<'/api/join', 'post'>;
export type Entity = Ok<'/api/fairs/{fairId}/entities', 'get'>[number];
export type Person = Ok<'/api/fairs/{fairId}/people', 'get'>[number];
export type Post = Ok<'/api/fairs/{fairId}/posts', 'get'>[number];
export type ImportResult = Ok<'/api/fairs/{fairId}/import', 'post'>;
export type Sector = NonNullable<Entity['sector']>;

export const PHASES = ['DRAFT', 'REGISTRATION', 'LIVE', 'CLOSED'] as const satisfies readonly Phase[];
export const SECTORS = [
  'PUBLIC',
  'NGO',
  'BUSINESS',
  'INFORMAL_GROUP',
  'INDIVIDUAL',
] as const satisfies readonly Sector[];

export function nextPhase(p: Phase | undefined): Phase | null {
  const i = PHASES.indexOf(p as (typeof PHASES)[number]);
  return i >= 0 && i < PHASES.length - 1 ? PHASES[i + 1]! : null;
}

export type PostMatches = Ok<'/api/fairs/{fairId}/matches/mine', 'get'>[number];
export type Match = Ok<'/api/fairs/{fairId}/matches/for/{postId}', 'get'>[number];
export type Deals = Ok<'/api/fairs/{fairId}/deals', 'get'>;
export type Deal = NonNullable<Deals['plan']>[number];
export type Help = Ok<'/api/fairs/{fairId}/help-requests', 'get'>[number];

export type Contract = Ok<'/api/fairs/{fairId}/contracts/{contractId}', 'get'>;
export type ContractStatus = NonNullable<Contract['status']>;
export type ProposeInput = Body<'/api/fairs/{fairId}/contracts', 'post'>;
export type EditInput = Body<'/api/fairs/{fairId}/contracts/{contractId}', 'put'>;
export type ItemInput = ProposeInput['items'][number];
export type PaperInput = Body<'/api/fairs/{fairId}/contracts/paper', 'post'>;
export type Partner = Ok<'/api/fairs/{fairId}/contracts/partner-lookup', 'post'>;
export type ChainCheck = Ok<'/api/fairs/{fairId}/contracts/chain/verify', 'get'>;
