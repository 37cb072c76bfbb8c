// The window console (综合窗口): looking a visitor up (with the ID check digit), starting a
// deficiency-tolerant case with a material missing, the pre-check and acceptance with deficiency
// (commitment letter and one-time notice, printed), a return with a one-time notice, a refusal,
// an online application appearing in the queue live and accepted with one click, and handing out
// a result. Set-up that is not the point of a test goes through the API with a bearer token.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, PDF_BYTES } from './helpers/api.mjs'
import { assertAccessible, login, newPage, screenshot as save, fieldError, assertNoSideScroll } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

/** A screenshot once Element Plus's tag and dialog transitions have finished. */
async function screenshot(page, name) {
  await page.waitForTimeout(350)
  await save(page, name)
}

const CHEN = '440703199001011239'

useSuite()

const HRSS005_FORM = {
  applicant_name: '陈小明',
  id_number: CHEN,
  separation_date: '2026-10-01',
  separation_reason: 'contract_end',
  bank_account: '6222000011112222',
  phone: '13800138000',
}

/** A citizen's online application for HRSS-005 at the Pengjiang centre, every required material given. */
async function onlineCase() {
  const citizen = await apiAs(server.baseURL, 'citizen')
  const f = await citizen.upload()
  return citizen.post('/api/v1/cases', {
    item_code: 'HRSS-005',
    channel: 'online',
    service_point: 'PJ-SC',
    form: HRSS005_FORM,
    materials: [
      { requirement: 'applicant_id_card', file: f },
      { requirement: 'separation_certificate', file: f },
    ],
  })
}

/** The window's own application for HRSS-006 (on the spot, result picked up at the window). */
async function windowCase(clerk) {
  const f = await clerk.upload()
  return clerk.post('/api/v1/cases', {
    item_code: 'HRSS-006',
    applicant: { type: 'person', id_number: CHEN, name: '陈小明' },
    channel: 'window',
    service_point: 'PJ-SC',
    delivery: 'window_pickup',
    form: {
      applicant_name: '陈小明',
      id_number: CHEN,
      contribution_grade: await firstOption('HRSS-006', 'contribution_grade', clerk),
      bank_account: '6222000011112222',
      phone: '13800138000',
    },
    materials: [
      { requirement: 'applicant_id_card', file: f },
      { requirement: 'household_register', file: f },
    ],
  })
}
async function firstOption(code, key, client) {
  const item = await client.get(`/api/v1/items/${code}`)
  return item.form.find((x) => x.key === key).options[0].value
}

test('the clerk looks up 陈小明 (a wrong ID is refused at the field), starts HRSS-005 with a material missing and accepts it with deficiency; commitment and notice print', async () => {
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, 'window_clerk')
  await page.locator('aside').getByRole('link', { name: '综合窗口' }).click()
  await page.getByTestId('window-queue').waitFor()

  // A wrong check digit: the browser's hint, then the server's message next to the field.
  await page.getByTestId('visitor-id').fill('440703199001011238')
  await page.getByTestId('visitor-id-hint').filter({ hasText: '校验码' }).waitFor()
  await page.getByTestId('visitor-lookup').click()
  const err = fieldError(page, 'visitor-id')
  await err.waitFor()
  assert.match(await err.innerText(), /校验码/)
  assert.equal(await page.getByTestId('visitor-found').count(), 0, 'no visitor shown for a wrong ID')

  await page.getByTestId('visitor-id').fill(CHEN)
  await page.getByTestId('visitor-lookup').click()
  await page.getByTestId('visitor-found').waitFor()
  await err.waitFor({ state: 'detached' })
  assert.match(await page.getByTestId('visitor-found-id').innerText(), new RegExp(CHEN))

  // The item, the applicant, the form, one material (the separation certificate is missing).
  await page.getByTestId('item-search').fill('HRSS-005')
  await page.locator('[data-testid="item-option"][data-code="HRSS-005"]').click()
  await page.getByTestId('item-chosen').waitFor()
  await page.getByTestId('applicant-name').fill('陈小明')
  assert.equal(await page.getByTestId('field-id_number').inputValue(), CHEN, 'the ID number is filled in from the lookup')
  assert.equal(await page.getByTestId('field-applicant_name').inputValue(), '陈小明')
  const date = page.locator('#start-window-f-separation_date')
  await date.click()
  await date.fill('2026年10月1日')
  await date.press('Enter')
  await page.locator('[data-field="separation_reason"] label', { hasText: '劳动合同期满终止' }).click()
  await page.getByTestId('field-bank_account').fill('6222000011112222')
  await page.getByTestId('field-phone').fill('13800138000')
  await page.getByTestId('upload-applicant_id_card').setInputFiles({ name: 'id.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES })
  await page.locator('[data-testid="start-materials"] tr[data-requirement="applicant_id_card"]').getByText('已上传').waitFor()
  await page.getByTestId('start-submit').click()

  // The case page: pre-check, one click per requirement.
  await page.waitForURL(/\/window\/cases\/[\w-]+$/)
  const id = page.url().split('/').pop()
  const row = (code) => page.locator(`[data-testid="precheck-row"][data-requirement="${code}"]`)
  await row('separation_certificate').waitFor()
  assert.equal(await row('applicant_id_card').getAttribute('data-choice'), 'ok')
  assert.equal(await row('separation_certificate').getAttribute('data-choice'), 'missing')
  assert.equal(await row('bank_card').getAttribute('data-choice'), 'waive', 'a conditional material not given: not applicable')
  assert.ok(await page.getByTestId('decide-accept').isDisabled(), 'plain acceptance needs every required material')
  await row('separation_certificate').locator('label[data-choice="defer"]').click()
  await page.getByTestId('commitment-box').waitFor()
  assert.match(await page.getByTestId('commitment-text').inputValue(), /解除或终止劳动关系证明/)
  await screenshot(page, 'window-precheck-zh')
  await assertAccessible(page, 'window pre-check')

  // A double click accepts once (Idempotency-Key, and the button ignores a second click).
  await page.getByTestId('decide-accept-deficiency').dblclick()
  await page.getByTestId('printout').waitFor()
  assert.equal(await page.getByTestId('case-state').getAttribute('data-status'), 'in_review')
  const letter = page.getByTestId('commitment-letter')
  assert.match(await letter.innerText(), /容缺受理承诺书/)
  assert.match(await letter.innerText(), /解除或终止劳动关系证明/)
  const notice = page.locator('[data-testid="print-notice"][data-kind="deficiency"]')
  assert.match(await notice.innerText(), /解除或终止劳动关系证明/)
  assert.match(await notice.innerText(), /终止办理/)
  await page.evaluate(() => {
    window.__printed = 0
    window.print = () => { window.__printed += 1 }
  })
  await page.getByTestId('print-button').click()
  assert.equal(await page.evaluate(() => window.__printed), 1, 'the print dialog was asked for')
  // Only the printout is printed.
  await page.emulateMedia({ media: 'print' })
  assert.equal(await page.getByTestId('case-facts').evaluate((e) => getComputedStyle(e).visibility), 'hidden')
  assert.equal(await letter.evaluate((e) => getComputedStyle(e).visibility), 'visible')
  await page.emulateMedia({ media: 'screen' })

  const clerk = await apiAs(server.baseURL, 'window_clerk')
  const events = await clerk.get(`/api/v1/cases/${encodeURIComponent(id)}/events`)
  assert.equal(events.events.filter((e) => e.type === 'accepted').length, 1, 'accepted once')
  const kase = await clerk.get(`/api/v1/cases/${encodeURIComponent(id)}`)
  assert.equal(kase.materials.find((m) => m.requirement === 'separation_certificate').state, 'deferred')
  assert.equal(kase.materials.find((m) => m.requirement === 'bank_card').state, 'waived')
  assert.ok(kase.commitment.length > 0)

  await screenshot(page, 'window-case-accepted-zh')
  await assertAccessible(page, 'window case page (accepted with deficiency)')

  // The applicant brings the deferred certificate in later.
  await page.getByTestId('supply-separation_certificate').setInputFiles({ name: 'cert.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES })
  await page.getByTestId('supply-card').getByText('已上传').waitFor()
  await page.getByTestId('supply-submit').click()
  await page.getByTestId('supply-card').waitFor({ state: 'detached' })
  const after = await clerk.get(`/api/v1/cases/${encodeURIComponent(id)}`)
  assert.equal(after.materials.find((m) => m.requirement === 'separation_certificate').state, 'provided')
  assert.deepEqual(page.jsErrors, [])

  // English, and the phone width.
  const en = await newPage(browser, server.baseURL, { locale: 'en', bypassCSP: true })
  await login(en, 'window_clerk')
  await en.goto(`/window/cases/${id}`)
  await en.getByTestId('commitment-letter').waitFor()
  assert.match(await en.getByTestId('printout').innerText(), /Commitment letter/)
  await screenshot(en, 'window-case-accepted-en')
  await assertAccessible(en, 'window case page in English')
  await en.goto('/window')
  await en.getByTestId('window-queue').waitFor()
  await en.getByTestId('visitor-id').fill(CHEN)
  await en.getByTestId('visitor-lookup').click()
  await en.getByTestId('visitor-found').waitFor()
  await screenshot(en, 'window-console-en')
  await assertAccessible(en, 'window console in English')
  assert.deepEqual(en.jsErrors, [])

  const phone = await newPage(browser, server.baseURL, { viewport: { width: 375, height: 812 } })
  await login(phone, 'window_clerk')
  await phone.goto('/window')
  await phone.getByTestId('window-queue').waitFor()
  await phone.getByTestId('visitor-id').fill(CHEN)
  await phone.getByTestId('visitor-lookup').click()
  await phone.getByTestId('visitor-found').waitFor()
  await assertNoSideScroll(phone, 'window console')
  await screenshot(phone, 'window-console-phone')
  await phone.goto(`/window/cases/${id}`)
  await phone.getByTestId('commitment-letter').waitFor()
  await assertNoSideScroll(phone, 'window case page')
  await screenshot(phone, 'window-case-phone')
  assert.deepEqual(phone.jsErrors, [])
})

test('an online application appears in the queue live and is accepted with one click', async () => {
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, 'window_clerk')
  await page.goto('/window')
  await page.getByTestId('window-queue').waitFor()
  await page.waitForTimeout(500) // the live socket is open
  const c = await onlineCase()
  const row = page.locator(`[data-testid="queue-row"][data-case="${c.id}"]`)
  await row.waitFor({ timeout: 5000 }) // pushed over the WebSocket, no reload
  assert.equal(await row.getAttribute('data-waiting'), 'precheck')
  await screenshot(page, 'window-console-zh')
  await assertAccessible(page, 'window console')
  await row.getByTestId('queue-accept').click()
  await row.waitFor({ state: 'detached' })
  const clerk = await apiAs(server.baseURL, 'window_clerk')
  const kase = await clerk.get(`/api/v1/cases/${c.id}`)
  assert.equal(kase.status, 'in_review')
  assert.equal(kase.materials.find((m) => m.requirement === 'bank_card').state, 'waived')
  assert.deepEqual(page.jsErrors, [])
})

test('a return gives a one-time notice of every problem, with reasons', async () => {
  const c = await onlineCase()
  const page = await newPage(browser, server.baseURL)
  await login(page, 'window_clerk')
  await page.goto('/window')
  await page.locator(`[data-testid="queue-row"][data-case="${c.id}"]`).getByTestId('queue-open').click()
  const row = (code) => page.locator(`[data-testid="precheck-row"][data-requirement="${code}"]`)
  await row('separation_certificate').waitFor()
  assert.ok(await page.getByTestId('decide-return').isDisabled(), 'nothing to return yet')
  await row('separation_certificate').locator('label[data-choice="problem"]').click()
  await page.getByTestId('decide-return').click()
  const dialog = page.getByTestId('return-dialog')
  await dialog.waitFor()
  await page.getByTestId('reason-separation_certificate').fill('证明未加盖单位公章')
  await page.getByTestId('form-problem-bank_account').click()
  await screenshot(page, 'window-return-dialog-zh')
  await page.getByTestId('return-submit').click()
  const notice = page.locator('[data-testid="print-notice"][data-kind="correction"]')
  await notice.waitFor()
  assert.equal(await page.getByTestId('case-state').getAttribute('data-status'), 'returned')
  assert.match(await notice.innerText(), /证明未加盖单位公章/)
  assert.match(await notice.innerText(), /待遇发放账号/)
  assert.equal(await page.getByTestId('precheck').count(), 0, 'no decision left to take')
  await screenshot(page, 'window-returned-zh')

  // The applicant comes back with the corrections: scanned again, the answer corrected, resubmitted.
  await page.getByTestId('resubmit-separation_certificate').setInputFiles({ name: 'cert.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES })
  await page.getByTestId('resubmit-card').getByText('已上传').waitFor()
  await page.locator('#resubmit-f-bank_account').fill('6222000099998888')
  await page.getByTestId('resubmit-submit').click()
  await page.getByTestId('precheck-table').waitFor()
  assert.equal(await page.getByTestId('case-state').getAttribute('data-status'), 'submitted')
  const kase = await (await apiAs(server.baseURL, 'window_clerk')).get(`/api/v1/cases/${c.id}`)
  assert.equal(kase.form.bank_account, '6222000099998888')
  assert.equal(kase.counters.visits, 1, 'the window visit is counted')
  assert.deepEqual(page.jsErrors, [])
})

test('a refusal needs a reason, shown next to the field, and is recorded', async () => {
  const c = await onlineCase()
  const page = await newPage(browser, server.baseURL)
  await login(page, 'window_clerk')
  await page.goto(`/window/cases/${c.id}`)
  await page.getByTestId('precheck-table').waitFor()
  await page.getByTestId('decide-refuse').click()
  await page.getByTestId('refuse-dialog').waitFor()
  await page.getByTestId('refuse-submit').click()
  const err = fieldError(page, 'refuse-reason')
  await err.waitFor()
  assert.ok((await err.innerText()).trim().length > 0, 'the server says the reason is needed')
  await page.getByTestId('refuse-reason').fill('申请人非本辖区参保人员，请向参保地经办机构申请')
  await page.getByTestId('refuse-submit').click()
  await page.getByTestId('refusal-reason').waitFor()
  assert.equal(await page.getByTestId('case-state').getAttribute('data-status'), 'refused')
  assert.match(await page.getByTestId('refusal-reason').innerText(), /参保地/)
  assert.deepEqual(page.jsErrors, [])
})

test('the window hands out a result waiting to be picked up', async () => {
  const clerk = await apiAs(server.baseURL, 'window_clerk')
  const c = await windowCase(clerk)
  const accepted = await clerk.post(`/api/v1/cases/${c.id}/accept`, {})
  assert.equal(accepted.status, 'issued', 'an on-the-spot item is issued on acceptance')
  const page = await newPage(browser, server.baseURL)
  await login(page, 'window_clerk')
  await page.goto('/window')
  const row = page.locator(`[data-testid="queue-row"][data-case="${c.id}"]`)
  await row.waitFor()
  assert.equal(await row.getAttribute('data-waiting'), 'handout')
  await row.getByTestId('queue-open').click()
  await page.getByTestId('deliver-button').click()
  await page.getByTestId('delivered-card').waitFor()
  assert.equal(await page.getByTestId('case-state').getAttribute('data-status'), 'closed')
  assert.equal((await clerk.get(`/api/v1/cases/${c.id}`)).status, 'closed')
  await page.getByTestId('back-to-queue').click()
  await page.getByTestId('window-queue').waitFor()
  await row.waitFor({ state: 'detached' })
  assert.deepEqual(page.jsErrors, [])
})
