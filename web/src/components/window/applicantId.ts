// Quick, in-browser checks of an applicant's identifier, for a hint while the clerk types: the
// resident ID number (GB 11643: 17 digits, a birth date, a check digit 0-9 or X) and the unified
// social credit code (GB 32100: 18 characters of 0-9 and A-Y without I, O, S, V, Z, a check
// character). The server checks again and decides.
export type ApplicantType = 'person' | 'enterprise'
export type IdProblem = 'format' | 'birthDate' | 'checkDigit'

/** Strips spaces and upper-cases (a trailing x is an X). */
export function normalizeId(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase()
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

export function residentIdProblem(raw: string): IdProblem | null {
  const s = normalizeId(raw)
  if (!/^\d{17}[\dX]$/.test(s)) return 'format'
  const y = Number(s.slice(6, 10))
  const m = Number(s.slice(10, 12))
  const d = Number(s.slice(12, 14))
  const birth = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return 'birthDate'
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]
  return ID_CHECK[sum % 11] === s[17] ? null : 'checkDigit'
}

const CC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function creditCodeProblem(raw: string): IdProblem | null {
  const s = normalizeId(raw)
  if (s.length !== 18 || [...s].some((c) => !CC_CHARS.includes(c)) || !/^\d{6}$/.test(s.slice(2, 8))) return 'format'
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CC_CHARS.indexOf(s[i]) * CC_WEIGHTS[i]
  const check = (31 - (sum % 31)) % 31
  return CC_CHARS[check] === s[17] ? null : 'checkDigit'
}

export function idProblem(type: ApplicantType, raw: string): IdProblem | null {
  return type === 'person' ? residentIdProblem(raw) : creditCodeProblem(raw)
}

/** i18n keys of the hints, by applicant type and problem. */
export const ID_PROBLEM_LABEL: Record<ApplicantType, Record<IdProblem, string>> = {
  person: {
    format: 'window.idFormat',
    birthDate: 'window.idBirthDate',
    checkDigit: 'window.idCheckDigit',
  },
  enterprise: {
    format: 'window.codeFormat',
    birthDate: 'window.codeFormat',
    checkDigit: 'window.codeCheckDigit',
  },
}
