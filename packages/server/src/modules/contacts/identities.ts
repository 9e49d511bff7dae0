import { AppError } from '../../platform/errors.ts';

/** Normalises an identity value so the same address or number is always stored the same way. */
export function normalizeIdentity(kind: 'email' | 'phone' | 'chat' | 'external', value: string): string {
  const v = value.trim();
  switch (kind) {
    case 'email':
      return v.toLowerCase();
    case 'phone': {
      const digits = v.replace(/[\s().\-/]/g, '');
      if (!/^\+?[0-9]{3,20}$/.test(digits)) {
        throw new AppError('validation_failed', 'not a phone number', [{ path: 'body.phone', message: 'digits, spaces, +, -, ( ) only' }]);
      }
      return digits;
    }
    default:
      return v;
  }
}
