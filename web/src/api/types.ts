// Shapes of the server's JSON, as documented in the API brief (docs/openapi.yaml on the server side).

export const ROLES = [
  'citizen',
  'enterprise',
  'window_clerk',
  'reviewer',
  'bank_clerk',
  'policy_officer',
  'trading_officer',
  'supervisor',
  'admin',
] as const
export type Role = (typeof ROLES)[number]

export const ORG_LEVELS = ['city', 'district', 'town', 'village'] as const
export type OrgLevel = (typeof ORG_LEVELS)[number]

export const SERVICE_POINT_KINDS = [
  'service_centre',
  'town_centre',
  'village_point',
  'bank_branch',
  'kiosk',
] as const
export type ServicePointKind = (typeof SERVICE_POINT_KINDS)[number]

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday'

/** Anything with a Chinese and an English name. */
export interface Named {
  name_zh: string
  name_en: string
}

export interface OrgUnit extends Named {
  id: number
  parent_id: number | null
  level: OrgLevel
  code: string
}

export interface Department extends Named {
  id: number
  org_unit_id?: number
  code: string
}

export interface ServicePoint extends Named {
  id: number
  org_unit_id: number
  kind: ServicePointKind
  code: string
  address: string
  active: boolean
}

export interface Me {
  id: number
  username: string
  display_name: string
  roles: Role[]
  org_unit: OrgUnit | null
  department: Department | null
  id_number_masked: string | null
  credit_code: string | null
  must_change_password: boolean
}

export interface LoginResponse {
  token: string
  expires_at: string
  user: Me
}

export interface User {
  id: number
  username: string
  display_name: string
  roles: Role[]
  org_unit_id: number | null
  department_id: number | null
  disabled: boolean
  locked_until: string | null
}

export interface CalendarDay {
  date: string
  working: boolean
  kind: DayKind
  name: string | null
  provisional: boolean
  override: boolean
}

export interface CalendarYear {
  year: number
  source: 'shipped' | 'loaded'
  days: number
}

export interface CalendarYears {
  years: CalendarYear[]
  first_year: number
  last_year: number
}

export interface CalendarOverride {
  date: string
  working: boolean
  name: string
  updated_at: string
}

/** The State Council notice as published (holiday-cn format). */
export interface HolidayNotice {
  year: number
  papers: string[]
  days: { name: string; date: string; isOffDay: boolean }[]
}
