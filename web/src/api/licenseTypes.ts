// Shapes of the e-license API (/api/v1/licenses…), as the server's license routes answer them.
import type { Named } from './types'

export const LICENSE_STATES = ['valid', 'suspended', 'revoked', 'expired'] as const
export type LicenseState = (typeof LICENSE_STATES)[number]

export const VERDICTS = [
  'valid',
  'tampered',
  'unknown_key',
  'revoked',
  'suspended',
  'expired',
  'not_yet_valid',
] as const
export type Verdict = (typeof VERDICTS)[number]

export const LICENSE_EVENT_TYPES = [
  'issued',
  'suspended',
  'reinstated',
  'revoked',
  'renewed',
  'changed',
  'expired',
  'copy_made',
] as const
export type LicenseEventType = (typeof LICENSE_EVENT_TYPES)[number]

export interface LicenseField {
  key: string
  label_zh: string
  label_en: string
  value: string
}

export interface LicenseEvent {
  type: LicenseEventType | string
  at: string
  actor: string | number | null
  reason: string
}

/** What anyone may see of a license (the verify answer). */
export interface LicensePublic {
  number: string
  version?: number
  state?: LicenseState | string
  type: { code: string } & Named
  holder: { id: string; name: string }
  issuer: { department_code: string } & Named
  issued_on: string
  valid_from: string
  valid_until: string | null
  fields: LicenseField[]
}

/** A license as its holder, its issuing department's staff and admins see it. */
export interface License extends LicensePublic {
  version: number
  previous: string | null
  superseded_by: string | null
  state: LicenseState | string
  source_case: string | null
  text: string
  events?: LicenseEvent[]
}

/** A use copy (加注件): the license shared for a stated purpose until a date. */
export interface UseCopy {
  id: string
  purpose: string
  valid_until: string
  made_on: string
  text?: string
}

export interface Verification {
  verdict: Verdict | string
  license: LicensePublic | null
  copy: UseCopy | null
  superseded_by: string | null
}

export interface PublishedKey {
  department_code: string
  department_name_zh: string
  department_name_en: string
  key_id: string
  public_key: string
  created: string
  retired: string | null
}
