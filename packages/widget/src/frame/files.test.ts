import { describe, expect, it } from 'vitest';
import { fileProblem, typeAllowed } from './files';
import { formatBytes, translator } from './i18n';

const limits = { maxUploadBytes: 2 * 1024 * 1024, allowedUploadTypes: ['image/*', 'application/pdf'] };

describe('file checks before upload', () => {
  it('allows listed types, with image/* covering every image', () => {
    expect(typeAllowed('image/png', limits.allowedUploadTypes)).toBe(true);
    expect(typeAllowed('IMAGE/JPEG', limits.allowedUploadTypes)).toBe(true);
    expect(typeAllowed('application/pdf', limits.allowedUploadTypes)).toBe(true);
    expect(typeAllowed('application/zip', limits.allowedUploadTypes)).toBe(false);
    expect(typeAllowed('', limits.allowedUploadTypes)).toBe(false);
  });

  it('names the problem: too large, or a type the channel does not take', () => {
    expect(fileProblem({ name: 'a.png', size: 1024, type: 'image/png' }, limits)).toBeNull();
    expect(fileProblem({ name: 'big.png', size: 3 * 1024 * 1024, type: 'image/png' }, limits)).toBe('fileTooLarge');
    expect(fileProblem({ name: 'x.exe', size: 10, type: 'application/x-msdownload' }, limits)).toBe('fileType');
    expect(fileProblem({ name: 'a.png', size: 1, type: 'image/png' }, { ...limits, maxUploadBytes: 0 })).toBe('fileTooLarge');
  });

  it('says so in the visitor’s language', () => {
    const de = translator('de');
    expect(de('fileTooLarge', { name: 'big.png', max: formatBytes(limits.maxUploadBytes, 'de') })).toBe('big.png ist größer als 2 MB.');
    expect(translator('en')('fileType', { name: 'x.exe' })).toBe('Files of this type cannot be sent: x.exe.');
    expect(formatBytes(1536, 'de')).toBe('1,5 KB');
  });
});
