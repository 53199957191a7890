/**
 * RFC 9457 problem details as sent by the backend (application/problem+json). `code` and `params`
 * (on the problem, each field and each row) let the UI word it in its own language (api/problemText.ts);
 * `title`, `detail`, `message` and `reason` are the server's English, kept for logs.
 */
export type Params = Record<string, string | number>;
export interface FieldError {
  field: string;
  message: string;
  code?: string | undefined;
  params?: Params | undefined;
}
export interface RowError {
  line: number;
  reason: string;
  code?: string | undefined;
  params?: Params | undefined;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly code: string | undefined;
  readonly params: Params;
  /** Field errors with their codes, keyed like fieldErrors. */
  readonly fieldProblems: Record<string, FieldError[]>;
  /** Field errors keyed by the last segment of the field path (e.g. "create.req.name" -> "name"). */
  readonly fieldErrors: Record<string, string>;
  readonly rows: RowError[];
  /** True when the request never got an HTTP answer (offline, DNS, reset). */
  readonly network: boolean;

  constructor(init: {
    status: number;
    title: string;
    detail?: string | undefined;
    type?: string | undefined;
    code?: string | undefined;
    params?: Params | undefined;
    errors?: FieldError[];
    rows?: RowError[];
    network?: boolean;
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.code =
      init.code ?? (init.type?.startsWith(TYPE_PREFIX) ? init.type.slice(TYPE_PREFIX.length) : undefined);
    this.params = init.params ?? {};
    this.rows = init.rows ?? [];
    this.network = init.network ?? false;
    const fields: Record<string, string> = {};
    const problems: Record<string, FieldError[]> = {};
    for (const e of init.errors ?? []) {
      const name = fieldName(e.field);
      fields[name] = fields[name] ? `${fields[name]} ${e.message}` : e.message;
      (problems[name] ??= []).push(e);
    }
    this.fieldErrors = fields;
    this.fieldProblems = problems;
  }
}

const TYPE_PREFIX = 'urn:gielda:problem:';

function paramsOf(v: unknown): Params | undefined {
  if (!isRecord(v)) return undefined;
  const out: Params = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string' || typeof x === 'number') out[k] = x;
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function fieldName(path: string): string {
  const parts = path.split('.').filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Builds an ApiProblem from whatever an error response body was (parsed JSON, text or nothing). */
export function toProblem(status: number, statusText: string, body: unknown): ApiProblem {
  if (isRecord(body)) {
    const errors = Array.isArray(body.errors)
      ? body.errors.filter(isRecord).map((e) => ({
          field: String(e.field ?? e.path ?? ''),
          message: String(e.message ?? ''),
          code: str(e.code),
          params: paramsOf(e.params),
        }))
      : [];
    const rows = Array.isArray(body.rows)
      ? body.rows.filter(isRecord).map((r) => ({
          line: Number(r.line),
          reason: String(r.reason ?? ''),
          code: str(r.code),
          params: paramsOf(r.params),
        }))
      : [];
    return new ApiProblem({
      status: typeof body.status === 'number' ? body.status : status,
      title: typeof body.title === 'string' ? body.title : statusText || `HTTP ${status}`,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      type: typeof body.type === 'string' ? body.type : undefined,
      code: str(body.code),
      params: paramsOf(body.params),
      errors,
      rows,
    });
  }
  const text = typeof body === 'string' && body.length < 300 ? body.trim() : '';
  return new ApiProblem({ status, title: statusText || `HTTP ${status}`, detail: text || undefined });
}
