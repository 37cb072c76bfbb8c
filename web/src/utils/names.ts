import type { Named } from '@/api/types'
import type { Locale } from '@/i18n'

/** The name to show in the current language, falling back to the other one if empty. */
export function localName(n: Named | null | undefined, locale: Locale): string {
  if (!n) return ''
  return locale === 'zh-CN' ? n.name_zh || n.name_en : n.name_en || n.name_zh
}
