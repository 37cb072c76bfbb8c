// Whole cases driven through the API, for tests whose point comes after them (the license a case
// yields, the notices it sends): the citizen applies for a social security card (HRSS-004, one
// review stage, result: an e-license) at Pengjiang, the Pengjiang window accepts, and Pengjiang's
// own HRSS bureau reviews and issues it (the demo has no account there: `HRSS_REVIEWER` is made).
import assert from 'node:assert/strict'
import { apiAs } from './api.mjs'

export const CITIZEN_ID = '440703199001011239'

/** The social security card application the demo citizen makes (answers by field key). */
export const SSC_FORM = {
  holder_name: '陈小明',
  holder_id_number: CITIZEN_ID,
  bank: 'icbc',
  phone: '13800138000',
}

/** Pengjiang's HRSS reviewer (made by the admin on first use, as the city would). */
export const HRSS_REVIEWER = { username: 'pj_hrss', password: 'Pengjiang-Hrss-2026' }

export async function ensureHrssReviewer(baseURL) {
  const admin = await apiAs(baseURL, 'admin')
  const { users } = await admin.get('/api/v1/users?q=pj_hrss')
  if (users.some((u) => u.username === HRSS_REVIEWER.username)) return HRSS_REVIEWER
  const pengjiang = (await admin.get('/api/v1/org/units')).units.find((u) => u.code === '440703')
  const dept = (await admin.get('/api/v1/org/departments')).departments.find(
    (d) => d.code === 'hrss' && d.org_unit_id === pengjiang.id,
  )
  await admin.post('/api/v1/users', {
    username: HRSS_REVIEWER.username,
    display_name: '蓬江区人社局审批员',
    password: HRSS_REVIEWER.password,
    roles: ['reviewer'],
    org_unit_id: pengjiang.id,
    department_id: dept.id,
    must_change_password: false,
  })
  return HRSS_REVIEWER
}

/** The citizen submits HRSS-004 online with every material uploaded; returns the case. */
export async function submitCardApplication(baseURL, form = SSC_FORM) {
  const citizen = await apiAs(baseURL, 'citizen')
  const item = await citizen.get('/api/v1/items/HRSS-004')
  const file = await citizen.upload()
  const materials = item.materials.map((m) => ({ requirement: m.code, file }))
  return citizen.post('/api/v1/cases', { item_code: 'HRSS-004', channel: 'online', service_point: 'PJ-SC', form, materials })
}

/** The Pengjiang window accepts the case. */
export async function acceptCase(baseURL, caseId) {
  const clerk = await apiAs(baseURL, 'window_clerk')
  const c = await clerk.post(`/api/v1/cases/${caseId}/accept`, {})
  assert.equal(c.status, 'in_review')
  return c
}

/** Pengjiang's HRSS reviewer claims the case's open task and approves it. */
export async function approveCase(baseURL, caseId) {
  const reviewer = await ensureHrssReviewer(baseURL)
  const api = await apiAs(baseURL, reviewer.username, reviewer.password)
  const { tasks } = await api.get('/api/v1/tasks')
  const task = tasks.find((t) => t.case_id === caseId)
  assert.ok(task, `a task of ${caseId} in ${reviewer.username}'s inbox`)
  await api.post(`/api/v1/tasks/${task.id}/claim`, {})
  return api.post(`/api/v1/tasks/${task.id}/decision`, { decision: 'approve', opinion: '材料齐全，同意制卡。' })
}

/** A case run end to end; returns { caseId, license } with the citizen's license of that case. */
export async function issuedLicense(baseURL) {
  const c = await submitCardApplication(baseURL)
  await acceptCase(baseURL, c.id)
  await approveCase(baseURL, c.id)
  const citizen = await apiAs(baseURL, 'citizen')
  const { licenses } = await citizen.get('/api/v1/licenses')
  const license = licenses.find((l) => l.source_case === c.id)
  assert.ok(license, `a license from case ${c.id} (licenses: ${JSON.stringify(licenses.map((l) => l.source_case))})`)
  return { caseId: c.id, license }
}

/** The same text with one character of its signed payload (the part after "OWL1.") changed. */
export function tamper(text) {
  const parts = text.split('.')
  const payload = parts[1]
  const i = Math.floor(payload.length / 2)
  parts[1] = payload.slice(0, i) + (payload[i] === 'A' ? 'B' : 'A') + payload.slice(i + 1)
  return parts.join('.')
}
