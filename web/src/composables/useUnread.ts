// The signed-in user's unread notice count, shared by the header's bell and the inbox page. The
// server says the new count with every "notice.new" and "notice.read"; it is asked again only
// when the live socket (re)connects, in case a message was missed while it was down.
import { ref, watch } from 'vue'
import { listNotices } from '@/api/notices'
import { liveConnected, onLiveEvent, type LiveEvent } from '@/live/events'

const unread = ref(0)
let wired = false

async function refreshUnread(): Promise<void> {
  try {
    unread.value = (await listNotices({ unread: true, limit: 1 })).unread
  } catch {
    // signed out or server away: the bell shows the last count until the next event
  }
}

function wire(): void {
  if (wired) return
  wired = true
  const take = (e: LiveEvent) => {
    if (typeof e.unread === 'number') unread.value = e.unread
  }
  onLiveEvent('notice.new', take)
  onLiveEvent('notice.read', take)
  watch(liveConnected, (up) => {
    if (up) void refreshUnread()
  })
}

export function useUnread() {
  wire()
  return { unread, refreshUnread }
}
