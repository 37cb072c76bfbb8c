// Live updates for case pages, from the server's WebSocket (no polling): the applicant and who
// submitted a case hear "case.updated" {case_id, status}; a department's reviewers hear
// "inbox.changed" {case_id} when a task of theirs appears or moves.
import { type Ref, unref } from 'vue'
import { useLiveEvent } from '@/live/events'

/** Calls `reload` when the case (or, without an id, any of the user's cases) changes. */
export function useCaseLive(caseId: Ref<string | undefined> | string | undefined, reload: () => void): void {
  useLiveEvent('case.updated', (e) => {
    const id = unref(caseId)
    if (!id || e.case_id === id) reload()
  })
}

/** Calls `reload` when the department's inbox changes. */
export function useInboxLive(reload: () => void): void {
  useLiveEvent('inbox.changed', () => reload())
}
