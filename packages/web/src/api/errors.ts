/** One field problem as the API reports it: `path` like `body.subject` or `query.limit`. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** An error answer of the API: `{error:{code,message,details?}}` plus the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The per-field details, when the server sent them as a list of `{path, message}`. */
  get fieldDetails(): ErrorDetail[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is ErrorDetail => typeof d === 'object' && d !== null && typeof (d as ErrorDetail).path === 'string' && typeof (d as ErrorDetail).message === 'string',
    );
  }
}

/** True for the 409 the server answers when a ticket changed since the client loaded it. */
export function isVersionConflict(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'version_conflict';
}

/** Field errors keyed by form field, plus whatever could not be matched to a field. */
export interface MappedErrors {
  fields: Record<string, string>;
  other: string[];
}

/**
 * Maps an API error's `details[].path` onto form fields. `body.requester.email` becomes
 * `requester.email`; only paths naming one of `fields` (or a child of one) land on that field,
 * the rest are returned in `other` so a form can show them above its fields. A non-API error
 * or one without details yields its message in `other`.
 *
 * @example
 * mapFieldErrors(err, ['email', 'password']) // { fields: { email: 'not an email address' }, other: [] }
 */
export function mapFieldErrors(err: unknown, fields: readonly string[]): MappedErrors {
  const out: MappedErrors = { fields: {}, other: [] };
  if (!(err instanceof ApiError)) {
    if (err instanceof Error) out.other.push(err.message);
    return out;
  }
  const details = err.fieldDetails;
  if (details.length === 0) {
    out.other.push(err.message);
    return out;
  }
  for (const d of details) {
    const path = d.path.replace(/^(body|query|params|querystring)\./, '');
    const field = fields.find((f) => path === f || path.startsWith(`${f}.`));
    if (field && !out.fields[field]) out.fields[field] = d.message;
    else if (!field) out.other.push(`${path}: ${d.message}`);
  }
  return out;
}
