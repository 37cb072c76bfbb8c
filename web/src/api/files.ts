import { request } from './client'
import type { StoredFile } from './caseTypes'

/** What the server takes as a material: PDF, PNG or JPEG (checked by content), up to 20 MiB. */
export const ACCEPTED_FILE_TYPES = 'application/pdf,image/png,image/jpeg'
export const MAX_FILE_BYTES = 20 * 1024 * 1024

/** Uploads one file as the raw body, with its name; the server answers with its id. */
export const uploadFile = (file: Blob, name = file instanceof File ? file.name : undefined) =>
  request<StoredFile>('POST', '/api/v1/files', undefined, {
    raw: { body: file, contentType: file.type || 'application/octet-stream', name },
  })

/** Where the browser reads a file (same-origin, the session cookie decides who may). */
export const fileUrl = (id: string) => `/api/v1/files/${encodeURIComponent(id)}`
