// One license page's data: the license named by the route's :number, reloaded when the server
// says it changed (live "license.changed") or the route moves to another version.
import { computed, onMounted, ref, watch } from 'vue'
import { useRoute } from 'vue-router'
import { getLicense } from '@/api/licenses'
import type { License } from '@/api/licenseTypes'
import { useLoad } from '@/composables/useLoad'
import { useLiveEvent } from '@/live/events'

export function useLicense() {
  const route = useRoute()
  const number = computed(() => String(route.params.number ?? ''))
  const license = ref<License | null>(null)
  const { loading, loadError, load } = useLoad(async () => {
    license.value = await getLicense(number.value)
  })
  onMounted(load)
  watch(number, () => void load())
  useLiveEvent('license.changed', (e) => {
    if (!e.number || e.number === number.value) void load()
  })
  return { number, license, loading, loadError, load }
}
