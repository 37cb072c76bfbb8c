// Loading a page's data: `loading` while it runs, the server's message in `loadError` when it
// fails (anything but an ApiError is thrown on), cleared when it is tried again.
import { ref } from 'vue'
import { ApiError } from '@/api/client'

export function useLoad(fetch: () => Promise<void>) {
  const loading = ref(false)
  const loadError = ref('')

  async function load(): Promise<void> {
    loading.value = true
    loadError.value = ''
    try {
      await fetch()
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      loadError.value = e.message
    } finally {
      loading.value = false
    }
  }

  return { loading, loadError, load }
}
