// Texts the guide repeats: limits in working days (0 = on the spot), visits, money, lists.
import { useLocaleFormat } from '@/composables/useLocale'

export function useGuideFormat() {
  const f = useLocaleFormat()
  const { t } = f
  return {
    ...f,
    /** "5 个工作日", or "即办" for 0. */
    days: (n: number) => (n === 0 ? t('guide.onTheSpot') : t('guide.workingDays', { n })),
    /** "一次不用跑" for 0, else "最多跑 n 次". */
    visits: (n: number) => (n === 0 ? t('guide.zeroVisits') : t('guide.maxVisits', { n })),
    /** Yuan as the server sent it (a decimal string), never parsed. */
    money: (amount: string) => '¥' + amount,
    list: (parts: readonly string[]) => parts.filter(Boolean).join(t('common.listSeparator')),
  }
}
