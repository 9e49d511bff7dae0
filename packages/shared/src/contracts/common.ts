import { z } from 'zod';

export const Uuid = z.uuid();
export const IsoDate = z.iso.datetime({ offset: true });

/** Cursor pagination shared by every list endpoint. */
export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
};

/** Text that people type: trimmed, no NUL, bounded. HTML in it is kept as text. */
export const Text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

export const NonEmptyText = (max: number) => Text(max).refine((s) => s.length > 0, 'must not be empty');

export const Email = z
  .string()
  .max(254)
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email({ pattern: z.regexes.unicodeEmail, message: "not an email address" }));

export const Locale = z.enum(['en', 'de']);

/** A tag: 1-64 characters, no whitespace or commas, stored lower-case. */
export const TagName = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().min(1).max(64).regex(/^[^\s,]+$/, 'no spaces or commas'));

export const TimeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA time zone');

export const CustomValues = z
  .record(z.string().max(64), z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]))
  .refine((o) => Object.keys(o).length <= 100, 'at most 100 custom fields');

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

type Patchable<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner extends z.ZodType> ? Inner : S[K]>;
};

/**
 * The body of a PATCH for a create body: every field optional and defaults dropped, so a field
 * left out keeps its stored value instead of being reset to the create default (zod's
 * `.partial()` keeps defaults and would fill them in).
 */
export function patchBody<S extends z.ZodRawShape>(create: z.ZodObject<S>): z.ZodObject<Patchable<S>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(create.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.removeDefault() as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<Patchable<S>, z.core.$strict>;
}
