import { ref } from 'vue'
import { useFormErrors } from '@/utils/errors'

/** Messages by field name, as `useFormErrors().state.fields` holds them. */
export type FieldMessages = Record<string, string>

export interface FormSubmitOptions {
  /** The fields the server may name in `error.field`; its message for any other goes in the alert. */
  fields?: readonly string[]
  /**
   * What is checked before asking the server: messages by field stop the submit and show at their
   * fields (`{}` stops without adding any, e.g. when ElForm's rules show their own); null goes on.
   */
  check?: () => FieldMessages | null | Promise<FieldMessages | null>
  /** Asks the server; an ApiError it throws is shown by the field it names (see `fields`). */
  submit: () => Promise<unknown>
  /** Shows an error `submit` threw, in place of `errors.take(e, fields)` (which rethrows non-API errors). */
  failed?: (e: unknown, errors: ReturnType<typeof useFormErrors>) => void
}

/**
 * One form that asks the server: `run()` clears the old errors, checks, sets `busy` while the
 * request runs, and puts a server error at the field it names or in `errors.state.general`.
 */
export function useFormSubmit(options: FormSubmitOptions) {
  const errors = useFormErrors()
  const busy = ref(false)

  async function run(): Promise<void> {
    errors.clear()
    const stop = await options.check?.()
    if (stop) {
      errors.state.fields = stop
      return
    }
    busy.value = true
    try {
      await options.submit()
    } catch (e) {
      if (options.failed) options.failed(e, errors)
      else errors.take(e, options.fields ?? [])
    } finally {
      busy.value = false
    }
  }

  return { errors, busy, run }
}
