import type { DayKind, OrgLevel, ServicePointKind } from '@/api/types'

export const LEVEL_LABEL: Record<OrgLevel, string> = {
  city: 'levels.city',
  district: 'levels.district',
  town: 'levels.town',
  village: 'levels.village',
}

export const SERVICE_POINT_KIND_LABEL: Record<ServicePointKind, string> = {
  service_centre: 'spKinds.service_centre',
  town_centre: 'spKinds.town_centre',
  village_point: 'spKinds.village_point',
  bank_branch: 'spKinds.bank_branch',
  kiosk: 'spKinds.kiosk',
}

export const DAY_KIND_LABEL: Record<DayKind, string> = {
  workday: 'dayKinds.workday',
  weekend: 'dayKinds.weekend',
  holiday: 'dayKinds.holiday',
  makeup_workday: 'dayKinds.makeup_workday',
}
