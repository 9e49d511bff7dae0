import { describe, expect, it } from 'vitest';
import { newPasswordErrors } from './new-password';

describe('newPasswordErrors', () => {
  it('asks for the length first, on the named field', () => {
    expect(newPasswordErrors('short', 'other', 'newPassword')).toEqual({ newPassword: 'At least 10 characters' });
  });

  it('then asks for the same password twice', () => {
    expect(newPasswordErrors('long enough 1', 'long enough 2', 'password')).toEqual({ confirm: 'The passwords do not match' });
  });

  it('accepts a long password typed twice', () => {
    expect(newPasswordErrors('long enough 1', 'long enough 1', 'password')).toBeUndefined();
  });
});
