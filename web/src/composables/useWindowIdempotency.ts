// One Idempotency-Key per distinct request: a retry of the same body (double click, flaky
// network) reuses the key and gets the first answer; a changed body (the clerk fixed what the
// server refused) gets a new key, since the server refuses a key reused for another request.
import { ref } from 'vue'

function randomKey(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export function useWindowIdempotency() {
  const last = ref<{ body: string; key: string } | null>(null)
  /** The key to send with this body. */
  function keyFor(body: unknown): string {
    const text = JSON.stringify(body)
    if (last.value && last.value.body === text) return last.value.key
    last.value = { body: text, key: randomKey() }
    return last.value.key
  }
  /** Forget the last key (after a success, the next application is a new one). */
  function reset(): void {
    last.value = null
  }
  return { keyFor, reset }
}
