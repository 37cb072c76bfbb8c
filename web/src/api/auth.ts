import { request } from './client'
import type { LoginResponse, Me } from './types'

export const login = (username: string, password: string) =>
  request<LoginResponse>('POST', '/api/v1/auth/login', { username, password }, { allowUnauthorized: true })

export const logout = () => request<void>('POST', '/api/v1/auth/logout', undefined, { allowUnauthorized: true })

export const fetchMe = () => request<Me>('GET', '/api/v1/me', undefined, { allowUnauthorized: true })

export const changePassword = (current_password: string, new_password: string) =>
  request<void>('POST', '/api/v1/auth/password', { current_password, new_password })
