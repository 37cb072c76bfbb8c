import { query, request } from './client'
import type { Department, OrgLevel, OrgUnit, ServicePoint, ServicePointKind } from './types'

export const listUnits = () => request<{ units: OrgUnit[] }>('GET', '/api/v1/org/units').then((r) => r.units)

export interface NewUnit {
  parent_id: number | null
  level: OrgLevel
  code: string
  name_zh: string
  name_en: string
}
export const createUnit = (u: NewUnit) => request<OrgUnit>('POST', '/api/v1/org/units', u)
export const updateUnit = (id: number, u: Partial<Pick<OrgUnit, 'code' | 'name_zh' | 'name_en'>>) =>
  request<OrgUnit>('PATCH', `/api/v1/org/units/${id}`, u)

export const listServicePoints = (orgUnitId?: number) =>
  request<{ service_points: ServicePoint[] }>(
    'GET',
    '/api/v1/org/service-points' + query({ org_unit_id: orgUnitId }),
  ).then((r) => r.service_points)

export interface NewServicePoint {
  org_unit_id: number
  kind: ServicePointKind
  code: string
  name_zh: string
  name_en: string
  address: string
}
export const createServicePoint = (p: NewServicePoint) =>
  request<ServicePoint>('POST', '/api/v1/org/service-points', p)
export const updateServicePoint = (
  id: number,
  p: Partial<Pick<ServicePoint, 'name_zh' | 'name_en' | 'address' | 'kind' | 'active'>>,
) => request<ServicePoint>('PATCH', `/api/v1/org/service-points/${id}`, p)

export const listDepartments = (orgUnitId?: number) =>
  request<{ departments: Department[] }>(
    'GET',
    '/api/v1/org/departments' + query({ org_unit_id: orgUnitId }),
  ).then((r) => r.departments)

export interface NewDepartment {
  org_unit_id: number
  code: string
  name_zh: string
  name_en: string
}
export const createDepartment = (d: NewDepartment) =>
  request<Department>('POST', '/api/v1/org/departments', d)
export const updateDepartment = (id: number, d: Partial<Pick<Department, 'code' | 'name_zh' | 'name_en'>>) =>
  request<Department>('PATCH', `/api/v1/org/departments/${id}`, d)
