import { query, request } from './client'
import type { CalendarDay, CalendarOverride, CalendarYears, HolidayNotice } from './types'

export const listDays = (from: string, to: string) =>
  request<{ days: CalendarDay[] }>('GET', '/api/v1/calendar/days' + query({ from, to })).then((r) => r.days)

export const getDay = (date: string) => request<CalendarDay>('GET', `/api/v1/calendar/days/${date}`)

export const addWorkingDays = (from: string, days: number) =>
  request<{ date: string; provisional: boolean }>(
    'GET',
    '/api/v1/calendar/add-working-days' + query({ from, days }),
  )

export const countWorkingDays = (from: string, to: string) =>
  request<{ count: number; provisional: boolean }>('GET', '/api/v1/calendar/working-days' + query({ from, to }))

export const listYears = () => request<CalendarYears>('GET', '/api/v1/calendar/years')

export const listOverrides = () =>
  request<{ overrides: CalendarOverride[] }>('GET', '/api/v1/calendar/overrides').then((r) => r.overrides)

export const putOverride = (date: string, working: boolean, name: string) =>
  request<CalendarDay>('PUT', `/api/v1/calendar/overrides/${date}`, { working, name })

export const deleteOverride = (date: string) => request<void>('DELETE', `/api/v1/calendar/overrides/${date}`)

export const loadYear = (notice: HolidayNotice) =>
  request<{ year: number; days: number }>('POST', '/api/v1/calendar/years', notice)
