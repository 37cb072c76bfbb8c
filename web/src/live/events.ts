// Live updates from the server over one WebSocket (/ws/events, same origin, cookie auth).
// Messages are JSON {"type": "...", ...}; pages subscribe to the types they care about.
// The socket reconnects with exponential back-off (1 s doubling to 30 s, with jitter); no polling.
import { onBeforeUnmount, onMounted, ref } from 'vue'

export interface LiveEvent {
  type: string
  [key: string]: unknown
}
type Handler = (e: LiveEvent) => void

const handlers = new Map<string, Set<Handler>>()
let socket: WebSocket | null = null
let wanted = false
let attempt = 0
let timer: ReturnType<typeof setTimeout> | null = null

/** Whether the socket is open now (for a status hint in the UI). */
export const liveConnected = ref(false)

function url(): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${proto}//${location.host}/ws/events`
}

function dispatch(raw: string): void {
  let msg: LiveEvent
  try {
    msg = JSON.parse(raw) as LiveEvent
  } catch {
    return
  }
  if (!msg || typeof msg.type !== 'string') return
  for (const h of handlers.get(msg.type) ?? []) h(msg)
  for (const h of handlers.get('*') ?? []) h(msg)
}

function scheduleReconnect(): void {
  if (!wanted || timer) return
  const base = Math.min(30_000, 1000 * 2 ** attempt)
  const delay = base / 2 + Math.random() * (base / 2)
  attempt += 1
  timer = setTimeout(() => {
    timer = null
    open()
  }, delay)
}

function open(): void {
  if (!wanted || socket) return
  let ws: WebSocket
  try {
    ws = new WebSocket(url())
  } catch {
    scheduleReconnect()
    return
  }
  socket = ws
  ws.onopen = () => {
    attempt = 0
    liveConnected.value = true
  }
  ws.onmessage = (ev) => {
    if (typeof ev.data === 'string') dispatch(ev.data)
  }
  ws.onclose = () => {
    if (socket === ws) socket = null
    liveConnected.value = false
    scheduleReconnect()
  }
  ws.onerror = () => {
    // onclose follows and schedules the retry
  }
}

/** Opens the socket (after login). Safe to call more than once. */
export function connectLive(): void {
  wanted = true
  open()
}

/** Closes the socket and stops reconnecting (after logout). */
export function disconnectLive(): void {
  wanted = false
  attempt = 0
  if (timer) {
    clearTimeout(timer)
    timer = null
  }
  const ws = socket
  socket = null
  liveConnected.value = false
  if (ws) {
    ws.onclose = null
    ws.close(1000)
  }
}

/** Registers a handler for one message type ('*' for all); returns the unsubscribe function. */
export function onLiveEvent(type: string, h: Handler): () => void {
  let set = handlers.get(type)
  if (!set) handlers.set(type, (set = new Set()))
  set.add(h)
  return () => set.delete(h)
}

/** In a component: call `h` on each message of `type` while the component is mounted. */
export function useLiveEvent(type: string, h: Handler): void {
  let off: (() => void) | null = null
  onMounted(() => {
    off = onLiveEvent(type, h)
  })
  onBeforeUnmount(() => off?.())
}
