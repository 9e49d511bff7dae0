import { api } from '../../api/client';
import type { Attachment } from '../../api/types';

/** A file on its way into a message: uploading, ready (with its id) or failed. */
export interface PendingFile {
  key: string;
  name: string;
  size: number;
  status: 'uploading' | 'ready' | 'failed';
  attachment?: Attachment;
  error?: string;
}

/** Uploads one file as the raw request body; the answer's id goes into `attachmentIds`. */
export function uploadAttachment(file: File): Promise<Attachment> {
  return api<Attachment>('/api/v1/attachments', { method: 'POST', query: { filename: file.name || 'attachment' }, raw: file });
}
