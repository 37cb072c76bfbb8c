// Kiosk mode (自助终端): a shared, touch-first device in a public place. The flag lives in this
// browser's localStorage, so a kiosk stays a kiosk across reloads; `/kiosk` turns it on (with
// `?point=CODE` naming the kiosk's service point), `/kiosk?exit=1` turns it off (staff only know
// the address). While on: large type and targets, a welcome page, and automatic sign-out after
// a period without touch or keys (KioskShell).
import { computed, ref } from 'vue'

const KEY = 'onewindow.kiosk'
/** The demo city's first kiosk, when the set-up did not name one. */
export const KIOSK_DEFAULT_POINT = 'PJ-KIOSK-01'
/** Seconds without activity before the user is signed out. */
export const KIOSK_IDLE_SECONDS = 120
/** Seconds before that when the countdown warning shows. */
export const KIOSK_WARN_SECONDS = 20

interface KioskState {
  on: boolean
  point: string
  idleSeconds: number
}

function read(): KioskState {
  const off: KioskState = { on: false, point: KIOSK_DEFAULT_POINT, idleSeconds: KIOSK_IDLE_SECONDS }
  try {
    const raw = localStorage.getItem(KEY)
    if (!raw) return off
    const s = JSON.parse(raw) as Partial<KioskState>
    return {
      on: s.on === true,
      point: typeof s.point === 'string' && s.point ? s.point : KIOSK_DEFAULT_POINT,
      idleSeconds:
        typeof s.idleSeconds === 'number' && s.idleSeconds >= 30 ? Math.floor(s.idleSeconds) : KIOSK_IDLE_SECONDS,
    }
  } catch {
    return off
  }
}

const state = ref<KioskState>(read())

function write(): void {
  try {
    if (state.value.on) localStorage.setItem(KEY, JSON.stringify(state.value))
    else localStorage.removeItem(KEY)
  } catch {
    // not persisted: kiosk mode holds until the page is reloaded
  }
}

export function useKiosk() {
  return {
    kiosk: computed(() => state.value.on),
    point: computed(() => state.value.point),
    idleSeconds: computed(() => state.value.idleSeconds),
    /** Turns this device into a kiosk (optionally naming its service point). */
    enter(point?: string): void {
      state.value = { ...state.value, on: true, point: point?.trim() || state.value.point }
      write()
    },
    exit(): void {
      state.value = { on: false, point: KIOSK_DEFAULT_POINT, idleSeconds: KIOSK_IDLE_SECONDS }
      write()
    },
  }
}
