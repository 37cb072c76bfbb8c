// The reviewer's workbench (后台审批): the department inbox (most urgent first, warnings, working
// days left, live), claiming, reading a case (form answers, materials in the viewer, the other
// departments of the stage), deciding (approve / reject with reasons / supplements), and the
// server's refusals next to what caused them. Cases are set up through the API as the citizen or
// enterprise and the window clerk; the reviewing is done with clicks and typing.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DEMO_PASSWORD } from './helpers/server.mjs'
import { assertAccessible, login, newPage, screenshot, fieldError, assertNoSideScroll } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

// Monday 2 November 2026, 09:00 in Jiangmen: CIVIL-003's single stage (10 working days) is due
// on Monday 16 November.
const START = '2026-11-02T01:00:00Z'

useSuite({ clock: START })

/** A signed-in API client for set-up (a fresh session each time: clock jumps end sessions). */
async function as(username) {
  const B = server.baseURL
  const r = await fetch(B + '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: B },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  assert.equal(r.status, 200, `login ${username}`)
  const cookie = r.headers.get('set-cookie').split(';')[0]
  return async (method, path, body, contentType) => {
    const headers = { Cookie: cookie, Origin: B, 'Accept-Language': 'zh-CN' }
    let payload
    if (contentType) {
      headers['Content-Type'] = contentType
      payload = body
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    const res = await fetch(B + path, { method, headers, body: payload })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
}

const PDF = Buffer.from('%PDF-1.4\n% review test\n')

/** Submits an application as `applicant` and has the Pengjiang window accept it. */
async function acceptedCase(applicant, itemCode, form) {
  const api = await as(applicant)
  const item = (await api('GET', `/api/v1/items/${itemCode}`)).body
  const file = (await api('POST', '/api/v1/files', PDF, 'application/pdf')).body
  const materials = item.materials.map((m) => ({ requirement: m.code, file: file.id }))
  const sub = await api('POST', '/api/v1/cases', { item_code: itemCode, channel: 'online', service_point: 'PJ-SC', form, materials })
  assert.equal(sub.status, 201, JSON.stringify(sub.body))
  const clerk = await as('window_clerk')
  const acc = await clerk('POST', `/api/v1/cases/${sub.body.id}/accept`, {})
  assert.equal(acc.status, 200, JSON.stringify(acc.body))
  assert.equal(acc.body.status, 'in_review')
  return acc.body
}

const civilCase = () =>
  acceptedCase('citizen', 'CIVIL-003', {
    elder_name: '陈大爷',
    elder_id_number: '440703194001011236',
    bank_account: '6222000011112222',
    applicant_relation: 'child',
    phone: '13800138000',
  })

const housingCase = () =>
  acceptedCase('enterprise', 'HOUSING-010', {
    enterprise_name: '江门市桥裕纸业有限公司',
    credit_code: '91440705MA4UJ3QF2U',
    project_name: '桥裕纸业新厂房',
    project_code: '2026-440703-22-01-000001',
    project_location: '江门市蓬江区棠下镇',
    total_investment: '12000000.00',
    floor_area_m2: 8000,
    phone: '13800138001',
  })

const row = (page, caseId) => page.locator(`[data-testid="inbox-table"] tbody tr[data-case="${caseId}"]`)

async function openInbox(page) {
  await page.locator('aside').getByRole('link', { name: '审批工作台' }).click()
  await page.waitForURL('**/review')
  await page.getByTestId('inbox-table').waitFor()
}

/** Chooses a decision (approve / reject / supplement) by clicking its radio, types, submits. */
async function decide(page, decision, opinion) {
  await page.getByTestId('decision').locator(`label.el-radio[data-decision="${decision}"]`).click()
  if (opinion !== undefined) await page.locator('#review-opinion').fill(opinion)
  await page.getByTestId('decide').click()
}

test('reviewer_civil: inbox, a case arriving live, claim, view a PDF, approve with an opinion', async () => {
  const first = await civilCase()
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, 'reviewer_civil')
  await openInbox(page)

  const r1 = row(page, first.id)
  await r1.waitFor()
  assert.match(await r1.innerText(), /高龄老人津贴申领/)
  assert.match(await r1.innerText(), /陈小明/)
  assert.equal(await r1.getAttribute('data-warning'), 'normal')
  assert.match(await r1.getByTestId('warning').innerText(), /正常 · 剩余 10 个工作日/)
  assert.equal(await r1.getByTestId('task-status').innerText(), '待认领')

  // A new case arrives while the page is open: no reload.
  const second = await civilCase()
  const r2 = row(page, second.id)
  await r2.waitFor()
  await r2.getByTestId('new-task').waitFor()
  assert.match(await page.getByTestId('inbox-announcement').innerText(), new RegExp(second.id))
  assert.equal(await page.getByTestId('summary-normal').getAttribute('data-count'), '2')
  await screenshot(page, 'review-inbox-zh')
  await assertAccessible(page, 'review inbox')

  // Claim from the list.
  await r2.getByTestId('claim-task').click()
  await r2.getByTestId('task-status').filter({ hasText: '我已认领' }).waitFor()
  assert.equal(await r2.getByTestId('claim-task').count(), 0, 'a claimed task has no claim button')

  // Open it: the form answers, the materials.
  await r2.getByTestId('open-task').click()
  await page.waitForURL(`**/review/tasks/${second.tasks[0].id}?case=${second.id}`)
  await page.getByTestId('decision-panel').waitFor()
  assert.equal(await page.getByTestId('case-id').innerText(), second.id)
  assert.equal(await page.getByTestId('applicant-name').innerText(), '陈小明')
  const answers = page.getByTestId('form-answers')
  assert.match(await answers.locator('dd[data-field="elder_name"]').innerText(), /陈大爷/)
  assert.match(await answers.locator('dd[data-field="applicant_relation"]').innerText(), /子女/, 'a choice by its label')
  assert.equal(await page.getByTestId('panel-status').innerText(), '我已认领，审查中')
  assert.match(await page.getByTestId('parallel').innerText(), /仅由本部门审批/)

  // The PDF opens in the viewer.
  const mat = page.locator('[data-testid="review-materials"] tr[data-requirement="household_register"]')
  await mat.getByTestId('view-material').click()
  const dialog = page.getByRole('dialog', { name: /材料预览：老人居民户口簿/ })
  await dialog.waitFor()
  const frame = dialog.locator('[data-testid="file-viewer"] iframe')
  await frame.waitFor()
  const src = await frame.getAttribute('src')
  assert.match(src, /^\/api\/v1\/files\//)
  const file = await page.request.get(src)
  assert.equal(file.status(), 200)
  assert.match(file.headers()['content-type'], /application\/pdf/)
  assert.equal((await file.body()).toString(), PDF.toString(), 'the viewer shows the uploaded file')
  await screenshot(page, 'review-viewer-zh')
  await dialog.getByRole('button', { name: /关闭|Close/ }).click()
  await dialog.waitFor({ state: 'hidden' })

  await screenshot(page, 'review-task-zh')
  await assertAccessible(page, 'review task')

  // Approve with an opinion: back to the inbox with a confirmation; the case moves on.
  await decide(page, 'approve', '年龄、户籍核实无误，同意发放。')
  await page.waitForURL('**/review')
  const flash = page.getByTestId('review-flash')
  await flash.waitFor()
  assert.match(await flash.innerText(), new RegExp(`已提交审批意见：同意.*${second.id}`))
  await r2.waitFor({ state: 'detached' })
  const after = (await (await as('reviewer_civil'))('GET', `/api/v1/cases/${second.id}`)).body
  assert.notEqual(after.status, 'in_review', 'the case left review')
  assert.equal(after.tasks[0].status, 'approved')
  assert.equal(after.tasks[0].opinion, '年龄、户籍核实无误，同意发放。')
  // A bare link to the decided task (out of the inbox now) still opens it, with its decision.
  await page.goto(`/review/tasks/${second.tasks[0].id}`)
  await page.locator('[data-testid="decision-panel"][data-status="approved"]').waitFor()
  assert.equal((await page.getByTestId('case-id').innerText()).includes(second.id), true)
  assert.deepEqual(page.jsErrors, [])
})

test('reject without an opinion: the error shows at the opinion field; with reasons it goes through', async () => {
  const c = await civilCase()
  const page = await newPage(browser, server.baseURL)
  await login(page, 'reviewer_civil')
  await openInbox(page)
  await row(page, c.id).getByTestId('open-task').click()
  await page.getByTestId('decision-panel').waitFor()

  // Claim on the task page.
  await page.getByTestId('claim').click()
  await page.getByTestId('decision').waitFor()

  // Nothing chosen: asked to choose.
  await page.getByTestId('decide').click()
  await page.getByTestId('decision-item').locator('.el-form-item__error').waitFor()

  await decide(page, 'reject')
  const err = fieldError(page, 'review-opinion')
  await err.waitFor()
  assert.ok((await err.innerText()).trim().length > 0, 'the server’s message is at the opinion field')
  assert.equal((await (await as('reviewer_civil'))('GET', `/api/v1/cases/${c.id}`)).body.tasks[0].status, 'claimed', 'nothing decided')

  await page.locator('#review-opinion').fill('申请人年龄未满80周岁，不符合申领条件。')
  await page.getByTestId('decide').click()
  await page.waitForURL('**/review')
  assert.match(await page.getByTestId('review-flash').innerText(), /不同意/)
  const after = (await (await as('reviewer_civil'))('GET', `/api/v1/cases/${c.id}`)).body
  assert.equal(after.tasks[0].status, 'rejected')
  assert.deepEqual(page.jsErrors, [])
})

test('request supplements: pick the materials wanted, with reasons; the inbox shows what is wanted', async () => {
  const c = await civilCase()
  const page = await newPage(browser, server.baseURL)
  await login(page, 'reviewer_civil')
  await openInbox(page)
  await row(page, c.id).getByTestId('claim-task').click()
  await row(page, c.id).getByTestId('task-status').filter({ hasText: '我已认领' }).waitFor()
  await row(page, c.id).getByTestId('open-task').click()
  await page.getByTestId('decision').waitFor()

  await page.getByTestId('decision').locator('label.el-radio', { hasText: '要求补充材料' }).click()
  // None ticked: asked to pick the materials, at that field.
  await page.getByTestId('decide').click()
  await page.getByTestId('materials-item').locator('.el-form-item__error').waitFor()
  await page.getByTestId('supplement-materials').locator('label.el-checkbox', { hasText: '社会保障卡或本人银行卡' }).click()
  await page.locator('#review-opinion').fill('银行卡复印件不清晰，请重新提供。')
  await page.getByTestId('decide').click()

  await page.waitForURL('**/review')
  const flash = await page.getByTestId('review-flash').innerText()
  assert.match(flash, /已要求申请人补充材料/)
  assert.match(flash, /社会保障卡或本人银行卡/)
  const after = (await (await as('reviewer_civil'))('GET', `/api/v1/cases/${c.id}`)).body
  assert.equal(after.status, 'suspended')
  assert.deepEqual(after.tasks[0].requested, ['payment_account'])

  const r = row(page, c.id)
  if (await r.count()) {
    // Still listed while it waits on the applicant: what was asked for is shown.
    assert.match(await r.getByTestId('requested').innerText(), /社会保障卡或本人银行卡/)
  }
  assert.deepEqual(page.jsErrors, [])
})

test('a task claimed by a colleague first: the 409 shows at the claim button, in the inbox row and on the task page', async () => {
  const admin = await as('admin')
  const civil = (await admin('GET', '/api/v1/users?q=reviewer_civil')).body.users[0]
  const made = await admin('POST', '/api/v1/users', {
    username: 'reviewer_civil2',
    display_name: '民政审批二',
    password: 'Reviewer-Civil-2026',
    roles: ['reviewer'],
    org_unit_id: civil.org_unit_id,
    department_id: civil.department_id,
    must_change_password: false,
  })
  assert.equal(made.status, 201, JSON.stringify(made.body))
  const c = await civilCase()
  const d = await civilCase()
  const page = await newPage(browser, server.baseURL)
  await login(page, 'reviewer_civil')

  // The colleague's claim reaches the server just before ours.
  await page.route('**/api/v1/tasks/*/claim', async (route) => {
    const B = server.baseURL
    const r = await fetch(B + '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: B },
      body: JSON.stringify({ username: 'reviewer_civil2', password: 'Reviewer-Civil-2026' }),
    })
    const cookie = r.headers.get('set-cookie').split(';')[0]
    const id = route.request().url().match(/tasks\/(\d+)\/claim/)[1]
    const claimed = await fetch(`${B}/api/v1/tasks/${id}/claim`, { method: 'POST', headers: { Cookie: cookie, Origin: B, 'Content-Type': 'application/json' }, body: '{}' })
    assert.equal(claimed.status, 200)
    await route.continue()
  })

  // In the inbox: the refusal shows in the task's row, which now says a colleague has it.
  await openInbox(page)
  const rd = row(page, d.id)
  const refused = page.waitForResponse((r) => r.url().includes('/claim'))
  await rd.getByTestId('claim-task').click()
  assert.equal((await refused).status(), 409)
  await rd.getByTestId('claim-error').waitFor()
  assert.match(await rd.getByTestId('claim-error').innerText(), /认领未成功：.+/)
  await rd.getByTestId('task-status').filter({ hasText: '他人已认领' }).waitFor()
  assert.equal(await rd.getByTestId('claim-task').count(), 0)

  // On the task page.
  await page.goto(`/review/tasks/${c.tasks[0].id}`)
  await page.getByTestId('claim').waitFor()
  const answer = page.waitForResponse((r) => r.url().includes('/claim'))
  await page.getByTestId('claim').click()
  assert.equal((await answer).status(), 409)
  const err = page.getByTestId('claim-error')
  await err.waitFor()
  assert.ok((await err.innerText()).trim().length > 0)
  // The task reloads: claimed by someone else, no decision form.
  await page.getByTestId('panel-status').filter({ hasText: '已由本部门其他人员认领' }).waitFor()
  assert.equal(await page.getByTestId('decide').count(), 0)
  await page.getByTestId('claim-error').waitFor()
  assert.deepEqual(page.jsErrors, [])
})

test('HOUSING-010 stage 1: the NR reviewer sees DRC’s progress on the same stage, live; English; 375 px', async () => {
  const c = await housingCase()
  const stage1 = c.tasks.filter((tk) => tk.stage === 1)
  assert.deepEqual(stage1.map((tk) => tk.department_code).sort(), ['drc', 'nr'])
  const nrTask = stage1.find((tk) => tk.department_code === 'nr')
  const drcTask = stage1.find((tk) => tk.department_code === 'drc')

  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, 'reviewer_nr')
  await openInbox(page)
  await row(page, c.id).getByTestId('open-task').click()
  const panel = page.getByTestId('stage-tasks')
  await panel.waitFor()
  const drcRow = panel.locator(`tr[data-department="drc"]`)
  assert.equal(await drcRow.getAttribute('data-status'), 'open')
  assert.match(await drcRow.innerText(), /尚未出具意见/)
  assert.match(await page.getByTestId('parallel').innerText(), /多个部门并联审批/)
  assert.match(await page.getByTestId('task-heading').innerText(), /第 1 阶段：立项用地规划许可/)

  // DRC decides meanwhile: its opinion appears without reload.
  const drc = await as('reviewer_drc')
  assert.equal((await drc('POST', `/api/v1/tasks/${drcTask.id}/claim`, {})).status, 200)
  assert.equal((await drc('POST', `/api/v1/tasks/${drcTask.id}/decision`, { decision: 'approve', opinion: '项目符合产业政策，同意立项。' })).status, 200)
  await panel.locator('tr[data-department="drc"][data-status="approved"]').waitFor()
  assert.match(await drcRow.getByTestId('stage-task-opinion').innerText(), /同意立项/)
  assert.equal(await panel.locator(`tr[data-task="${nrTask.id}"]`).getAttribute('data-status'), 'open')

  // English.
  await page.evaluate(() => localStorage.setItem('onewindow.locale', 'en'))
  await page.reload()
  await panel.waitFor()
  assert.match(await page.locator('h1').innerText(), /Review a case/)
  assert.match(await panel.locator('tr[data-department="drc"]').innerText(), /Approved|approve/i)
  await screenshot(page, 'review-task-en')
  await assertAccessible(page, 'review task (en)')
  await page.goto('/review')
  await row(page, c.id).waitFor()
  assert.match(await row(page, c.id).getByTestId('warning').innerText(), /working days/)
  await screenshot(page, 'review-inbox-en')
  await assertAccessible(page, 'review inbox (en)')

  // Phone width.
  await page.setViewportSize({ width: 375, height: 812 })
  await page.goto('/review')
  await row(page, c.id).waitFor()
  await assertNoSideScroll(page, 'inbox at 375 px')
  await screenshot(page, 'review-inbox-375')
  const open = await row(page, c.id).getByTestId('open-task').boundingBox()
  assert.ok(open && open.x >= 0 && open.x + open.width <= 375, 'each task card shows its buttons at 375 px')
  await row(page, c.id).getByTestId('open-task').click()
  await page.getByTestId('decision-panel').waitFor()
  await assertNoSideScroll(page, 'task at 375 px')
  // The decision panel comes after the case; a button at the top leads there (and moves focus).
  await page.getByTestId('to-decision').click()
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'decision-h')
  await page.getByTestId('claim').click()
  await page.getByTestId('decision').waitFor()
  await page.getByTestId('decide').scrollIntoViewIfNeeded()
  const box = await page.getByTestId('decide').boundingBox()
  assert.ok(box && box.width >= 24 && box.height >= 24 && box.x >= 0 && box.x + box.width <= 375, 'submit reachable at 375 px')
  await screenshot(page, 'review-task-375')
  assert.deepEqual(page.jsErrors, [])
})

test('warnings: as the clock runs, the inbox turns yellow then red and the working days left fall, live', async () => {
  const c = await civilCase()
  const reviewer = async (page) => {
    await login(page, 'reviewer_civil')
    await openInbox(page)
    await row(page, c.id).waitFor()
  }
  const sweep = async () => assert.equal((await (await as('admin'))('POST', '/api/v1/admin/sweep')).status, 200)
  const page = await newPage(browser, server.baseURL)
  await reviewer(page)
  const r = row(page, c.id)
  assert.equal(await r.getAttribute('data-warning'), 'normal')
  const before = await r.getByTestId('warning').innerText()

  // Thursday 12 November: 2 working days left of 10 (less than a third) → yellow.
  server.setClock('2026-11-12T01:00:00Z')
  await reviewer(page) // the jump ends the session
  await sweep()
  await page.locator(`[data-testid="inbox-table"] tr[data-case="${c.id}"][data-warning="yellow"]`).waitFor()
  const yellow = await r.getByTestId('warning').innerText()
  assert.match(yellow, /黄牌预警 · 剩余 \d+ 个工作日/)
  assert.notEqual(yellow, before)
  assert.ok(Number(await page.getByTestId('summary-yellow').getAttribute('data-count')) >= 1)

  // Monday 16 November, the last day → red.
  server.setClock('2026-11-16T01:00:00Z')
  await reviewer(page)
  await sweep()
  await page.locator(`[data-testid="inbox-table"] tr[data-case="${c.id}"][data-warning="red"]`).waitFor()
  assert.match(await r.getByTestId('warning').innerText(), /红牌预警 · 今日到期/)
  assert.notEqual(await r.getByTestId('warning').innerText(), yellow)
  await screenshot(page, 'review-inbox-warnings-zh')

  // Tuesday 17 November → overdue.
  server.setClock('2026-11-17T03:00:00Z')
  await reviewer(page)
  await sweep()
  await page.locator(`[data-testid="inbox-table"] tr[data-case="${c.id}"][data-warning="overdue"]`).waitFor()
  assert.match(await r.getByTestId('warning').innerText(), /已超期/)
  assert.deepEqual(page.jsErrors, [])
})
