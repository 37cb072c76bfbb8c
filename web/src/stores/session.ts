// Who is logged in. The session itself is the HttpOnly cookie; this store only mirrors /api/v1/me.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as auth from '@/api/auth'
import { ApiError } from '@/api/client'
import type { Me, Role } from '@/api/types'
import { connectLive, disconnectLive } from '@/live/events'

export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)
  /** True once /me has been asked at least once since the page loaded. */
  const checked = ref(false)

  const roles = computed<Role[]>(() => me.value?.roles ?? [])
  const loggedIn = computed(() => me.value !== null)

  function hasAnyRole(wanted: readonly Role[] | '*'): boolean {
    if (!me.value) return false
    if (wanted === '*') return true
    return me.value.roles.some((r) => wanted.includes(r))
  }

  function setMe(user: Me | null): void {
    me.value = user
    checked.value = true
    if (user) connectLive()
    else disconnectLive()
  }

  /** Asks the server who we are; a 401 means nobody. Other failures propagate. */
  async function refresh(): Promise<void> {
    try {
      setMe(await auth.fetchMe())
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setMe(null)
      else throw e
    }
  }

  async function login(username: string, password: string): Promise<void> {
    const res = await auth.login(username, password)
    setMe(res.user)
  }

  async function logout(): Promise<void> {
    try {
      await auth.logout()
    } finally {
      setMe(null)
    }
  }

  /** The server told us the session is gone (401 on some call). */
  function lost(): void {
    setMe(null)
  }

  return { me, checked, roles, loggedIn, hasAnyRole, refresh, login, logout, lost, setMe }
})
