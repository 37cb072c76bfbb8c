// An action the user confirms first (a warning box whose OK button repeats the title), whose
// server refusal is shown as a message; cancelling does nothing.
import { ElMessage, ElMessageBox } from 'element-plus'
import { ApiError } from '@/api/client'
import { useLocaleFormat } from '@/composables/useLocale'

export function useConfirmedAction() {
  const { t } = useLocaleFormat()
  return async function confirmThen(message: string, title: string, action: () => Promise<void>): Promise<void> {
    try {
      await ElMessageBox.confirm(message, title, {
        confirmButtonText: title,
        cancelButtonText: t('common.cancel'),
        type: 'warning',
      })
    } catch {
      return
    }
    try {
      await action()
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      ElMessage.error(e.message)
    }
  }
}
