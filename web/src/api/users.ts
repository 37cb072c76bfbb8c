import { query, request } from './client'
import type { Role, User } from './types'

export const listUsers = (filter: { role?: Role | ''; q?: string } = {}) =>
  request<{ users: User[] }>('GET', '/api/v1/users' + query({ role: filter.role, q: filter.q })).then(
    (r) => r.users,
  )

export interface NewUser {
  username: string
  display_name: string
  password: string
  roles: Role[]
  org_unit_id: number | null
  department_id?: number | null
  id_number?: string
  credit_code?: string
}
export const createUser = (u: NewUser) => request<User>('POST', '/api/v1/users', u)

export type UserPatch = Partial<Pick<User, 'display_name' | 'roles' | 'org_unit_id' | 'department_id' | 'disabled'>>
export const updateUser = (id: number, p: UserPatch) => request<User>('PATCH', `/api/v1/users/${id}`, p)

export const resetPassword = (id: number, new_password: string) =>
  request<void>('POST', `/api/v1/users/${id}/password`, { new_password })

export const unlockUser = (id: number) => request<void>('POST', `/api/v1/users/${id}/unlock`)
