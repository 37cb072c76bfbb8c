import { query, request } from './client'
import type { VaultDocument } from './caseTypes'

/** The caller's own documents, or (window and bank clerks) an applicant's with `holder`. */
export const listVault = (holder?: string) =>
  request<{ holder: string; documents: VaultDocument[] }>('GET', '/api/v1/vault' + query({ holder }))
