import { query, request } from './client'
import type { License, PublishedKey, UseCopy, Verification } from './licenseTypes'

const path = (number: string) => `/api/v1/licenses/${encodeURIComponent(number)}`

/** Public: checks a license or use-copy text (OWL1… / OWC1…); a 400 means it is no license text. */
export const verifyLicense = (text: string) =>
  request<Verification>('POST', '/api/v1/licenses/verify', { text }, { allowUnauthorized: true })

/** Public: every issuing department's keys, retired ones included. */
export const listLicenseKeys = () =>
  request<{ keys: PublishedKey[] }>('GET', '/api/v1/licenses/keys', undefined, { allowUnauthorized: true })

export const rotateLicenseKey = (departmentCode: string) =>
  request<PublishedKey>('POST', `/api/v1/licenses/keys/${encodeURIComponent(departmentCode)}/rotate`, {})

/** A holder's own; a reviewer's department's (filtered by holder id or number); an admin's all. */
export const listLicenses = (filter: { holder?: string; q?: string } = {}) =>
  request<{ licenses: License[] }>('GET', '/api/v1/licenses' + query(filter)).then((r) => r.licenses)

export const getLicense = (number: string) => request<License>('GET', path(number))

/** Where the printable PDF is (same-origin link; the session cookie goes along). */
export const licensePdfUrl = (number: string) => `${path(number)}/pdf`

export type LicenseStateAction = 'suspend' | 'reinstate' | 'revoke'

export const changeLicenseState = (number: string, action: LicenseStateAction, reason: string) =>
  request<License>('POST', `${path(number)}/${action}`, { reason })

/** A new version with new dates; answers the new version. */
export const renewLicense = (number: string) => request<License>('POST', `${path(number)}/renew`, {})

/** A new version with the changed fields; answers the new version. */
export const changeLicenseFields = (number: string, fields: Record<string, string>, reason: string) =>
  request<License>('POST', `${path(number)}/change`, { fields, reason })

export const listUseCopies = (number: string) =>
  request<{ copies: UseCopy[] }>('GET', `${path(number)}/copies`).then((r) => r.copies)

export const makeUseCopy = (number: string, purpose: string, validUntil: string) =>
  request<UseCopy>('POST', `${path(number)}/copies`, { purpose, valid_until: validUntil })
