import { reactive } from 'vue'
import { ApiError } from '@/api/client'

/**
 * Server errors for one form: `fields[name]` holds the message for the input the server named in
 * error.field; `general` holds messages that concern no single field.
 */
export function useFormErrors() {
  const state = reactive({ fields: {} as Record<string, string>, general: '' })
  function clear(): void {
    state.fields = {}
    state.general = ''
  }
  /** Records an API error against its field (or as general); anything else is rethrown. */
  function take(e: unknown, knownFields: readonly string[]): void {
    if (!(e instanceof ApiError)) throw e
    if (e.field && knownFields.includes(e.field)) state.fields = { ...state.fields, [e.field]: e.message }
    else state.general = e.message
  }
  return { state, clear, take }
}
