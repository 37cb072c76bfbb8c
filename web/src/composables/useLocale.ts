import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Named, Role } from '@/api/types'
import type { Locale } from '@/i18n'
import { formatDate, formatInstant } from '@/utils/dates'
import { localName } from '@/utils/names'
import { ROLE_LABEL } from '@/utils/roles'

/** Locale-aware formatting helpers for templates. */
export function useLocaleFormat() {
  const { t, locale } = useI18n()
  const loc = computed(() => locale.value as Locale)
  return {
    t,
    locale: loc,
    date: (iso: string) => formatDate(iso, loc.value),
    instant: (rfc3339: string) => formatInstant(rfc3339, loc.value),
    name: (n: Named | null | undefined) => localName(n, loc.value),
    roleNames: (roles: readonly Role[]) =>
      roles.map((r) => t(ROLE_LABEL[r] ?? r)).join(loc.value === 'zh-CN' ? '、' : ', '),
  }
}
