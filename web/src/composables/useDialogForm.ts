import { watch, type Ref } from 'vue'
import { useFormSubmit, type FormSubmitOptions } from '@/composables/useFormSubmit'

export interface DialogFormOptions<T> extends Omit<FormSubmitOptions, 'submit'> {
  /** Fills the form afresh; called each time the dialog opens, after the old errors are cleared. */
  reset: () => void
  /** Asks the server and returns what it saved. */
  submit: () => Promise<T>
  /** After the server saved it and the dialog has closed (the component emits `saved` here). */
  saved: (result: T) => void
}

/**
 * A create/edit dialog's form (`open` is its v-model): reset on opening; `run()` saves, closes the
 * dialog and reports the result, or shows the server's error at its field (see useFormSubmit).
 */
export function useDialogForm<T>(open: Ref<boolean>, options: DialogFormOptions<T>) {
  const { reset, submit, saved, ...rest } = options
  const form = useFormSubmit({
    ...rest,
    submit: async () => {
      const result = await submit()
      open.value = false
      saved(result)
    },
  })
  watch(open, (v) => {
    if (!v) return
    form.errors.clear()
    reset()
  })
  return form
}
