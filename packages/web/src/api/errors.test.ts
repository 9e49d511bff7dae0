import { describe, expect, it } from 'vitest';
import { ApiError, isVersionConflict, mapFieldErrors } from './errors';

describe('mapFieldErrors', () => {
  it('maps details paths onto form fields and keeps the rest', () => {
    const err = new ApiError(400, 'validation_failed', 'invalid body', [
      { path: 'body.email', message: 'not an email address' },
      { path: 'body.requester.email', message: 'bad' },
      { path: 'body.password', message: 'at least 10 characters' },
      { path: 'body.password', message: 'second message is ignored' },
      { path: 'body.extra', message: 'unknown field' },
      { path: 'query.limit', message: 'too big' },
    ]);
    expect(mapFieldErrors(err, ['email', 'password', 'requester'])).toEqual({
      fields: { email: 'not an email address', requester: 'bad', password: 'at least 10 characters' },
      other: ['extra: unknown field', 'limit: too big'],
    });
  });

  it('puts errors without details, and non-API errors, in "other"', () => {
    expect(mapFieldErrors(new ApiError(409, 'conflict', 'this tag exists'), ['name'])).toEqual({ fields: {}, other: ['this tag exists'] });
    expect(mapFieldErrors(new Error('offline'), ['name'])).toEqual({ fields: {}, other: ['offline'] });
    expect(mapFieldErrors(new ApiError(400, 'validation_failed', 'x', { currentVersion: 3 }), ['name']).other).toEqual(['x']);
  });

  it('recognises the version conflict', () => {
    expect(isVersionConflict(new ApiError(409, 'version_conflict', 'changed'))).toBe(true);
    expect(isVersionConflict(new ApiError(409, 'conflict', 'exists'))).toBe(false);
  });
});
