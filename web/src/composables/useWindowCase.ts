// One case as the window and the bank branch see it: the case, the item at the case's version
// (its form, materials and stages), and its history; reloaded when the server says it changed.
import { computed, ref, watch, type Ref } from 'vue'
import { ApiError } from '@/api/client'
import { caseEvents, getCase } from '@/api/cases'
import { getItem } from '@/api/catalog'
import type { Case, CaseEvent } from '@/api/caseTypes'
import type { Item } from '@/api/catalogTypes'
import { useCaseLive } from '@/composables/useCaseLive'

export function useWindowCase(id: Ref<string>, extra?: () => Promise<void>) {
  const kase = ref<Case | null>(null)
  const item = ref<Item | null>(null)
  const events = ref<CaseEvent[]>([])
  const loading = ref(false)
  const loadError = ref('')
  let itemKey = ''

  async function load(): Promise<void> {
    const want = id.value
    if (!want) return
    loading.value = true
    try {
      const c = await getCase(want)
      if (want !== id.value) return
      const key = `${c.item_code}@${c.item_version}`
      const [it, ev] = await Promise.all([
        key === itemKey && item.value ? Promise.resolve(item.value) : getItem(c.item_code, c.item_version),
        caseEvents(want).catch(() => [] as CaseEvent[]),
        extra ? extra() : Promise.resolve(),
      ])
      if (want !== id.value) return
      kase.value = c
      item.value = it
      itemKey = key
      events.value = ev
      loadError.value = ''
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      loadError.value = e.message
    } finally {
      loading.value = false
    }
  }

  watch(id, () => {
    kase.value = null
    void load()
  }, { immediate: true })
  useCaseLive(id, () => void load())

  /** A material's or a form field's name, for notice lines (subject = material code or form.<key>). */
  const subjectNamed = computed(() => {
    const it = item.value
    return (subject: string, locale: string): string => {
      if (!it) return subject
      if (subject.startsWith('form.')) {
        const f = it.form.find((x) => x.key === subject.slice(5))
        if (f) return locale === 'zh-CN' ? f.label_zh : f.label_en || f.label_zh
      }
      const m = it.materials.find((x) => x.code === subject)
      if (m) return locale === 'zh-CN' ? m.name_zh : m.name_en || m.name_zh
      return subject
    }
  })

  return { kase, item, events, loading, loadError, load, subjectNamed }
}
