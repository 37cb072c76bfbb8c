// The citizen portal: applying online step by step (vault materials reused with consent, an
// upload, a draft saved and restored, a server error sent back to its field), the confirmation,
// My cases with the timeline, withdrawal, a department's supplement request answered with an
// upload (arriving live), My documents; zh/en screenshots, axe and the phone layout.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { DEMO_PASSWORD } from './helpers/server.mjs'
import { assertAccessible, login, newPage, screenshot, fieldError } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

/** Set-up through the API (not the point of the tests): a bearer token per demo user. */
const tokens = {}
async function token(user) {
  if (!tokens[user]) {
    const r = await fetch(`${server.baseURL}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password: DEMO_PASSWORD }),
    })
    assert.equal(r.status, 200, `login ${user}`)
    tokens[user] = (await r.json()).token
  }
  return tokens[user]
}
async function api(user, method, path, body) {
  const r = await fetch(`${server.baseURL}${path}`, {
    method,
    headers: { authorization: `Bearer ${await token(user)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await r.json()
  assert.ok(r.ok, `${method} ${path}: ${JSON.stringify(json)}`)
  return json
}
async function uploadAs(user) {
  const r = await fetch(`${server.baseURL}/api/v1/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await token(user)}`, 'content-type': 'application/pdf' },
    body: Buffer.from('%PDF-1.4\n% set-up\n'),
  })
  return (await r.json()).id
}

const PDF = (name) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% test\n') })
const ELDER = { elder_name: '陈伯', elder_id_number: '440703194001011236', bank_account: '6222020200112233', applicant_relation: 'child', phone: '13800138000' }

/** An earlier CIVIL-003 application, accepted at the window: its materials fill the vault. */
let seededCase
useSuite({}, async () => {
  const materials = []
  for (const requirement of ['applicant_id_card', 'household_register', 'payment_account']) {
    materials.push({ requirement, file: await uploadAs('citizen') })
  }
  const c = await api('citizen', 'POST', '/api/v1/cases', {
    item_code: 'CIVIL-003', channel: 'online', service_point: 'PJ-SC', delivery: 'download', form: ELDER, materials,
  })
  await api('window_clerk', 'POST', `/api/v1/cases/${c.id}/accept`, {})
  seededCase = c.id
})

/** Waits until loading masks and CSS transitions are over (axe reads colours mid-fade otherwise). */
const settle = (page) =>
  page.waitForFunction(
    () => !document.querySelector('.el-loading-mask') && document.getAnimations().every((a) => a.playState !== 'running'),
  )
const axe = async (page, what) => {
  await settle(page)
  await assertAccessible(page, what)
}
const noOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)

let appliedCase

test('a citizen applies for CIVIL-003 online: every step, vault consent, an upload, a saved draft, a server error at its field', async () => {
  const page = await newPage(browser, server.baseURL)
  await login(page, 'citizen')
  await page.goto('/apply/CIVIL-003')
  await page.getByTestId('apply-start').waitFor()
  assert.match(await page.getByTestId('apply-who').innerText(), /陈小明/)
  assert.match(await page.getByTestId('start-limit').innerText(), /10 个工作日/)
  assert.match(await page.getByTestId('apply-start').innerText(), /已有其中 3 份/)
  await screenshot(page, 'citizen-apply-start-zh')

  // Form page 1: the catalog's required answers are asked for before going on.
  await page.getByTestId('apply-next').click()
  await page.getByTestId('field-elder_name').waitFor()
  assert.match(await page.getByTestId('apply-step-title').innerText(), /第 1 页/)
  await page.getByTestId('apply-next').click()
  await fieldError(page, 'apply-elder_name').waitFor()
  await page.getByLabel('老人姓名').fill('陈伯')
  await page.getByLabel('老人公民身份号码').fill('440703194001011230') // wrong check digit: the server says so
  await page.getByLabel('津贴发放账号').fill(ELDER.bank_account)
  await page.getByTestId('apply-next').click()

  // Form page 2, then save and leave.
  await page.getByTestId('field-applicant_relation').waitFor()
  await page.locator('[data-testid="field-applicant_relation"] label', { hasText: '子女' }).click()
  await page.getByLabel('联系电话').fill(ELDER.phone)
  await page.getByTestId('apply-save').click()
  assert.match(await page.getByTestId('draft-saved').innerText(), /草稿已保存/)
  await page.locator('aside').getByRole('link', { name: '我的办件' }).click()
  await page.getByTestId('my-cases-table').waitFor()

  // Back again: the draft is restored at the step left, with the answers.
  await page.goto('/apply/CIVIL-003')
  await page.getByTestId('draft-restored').waitFor()
  assert.match(await page.getByTestId('apply-step-title').innerText(), /第 2 页/)
  assert.equal(await page.getByLabel('联系电话').inputValue(), ELDER.phone)
  assert.equal(await page.locator('[data-testid="field-applicant_relation"] input[value="child"]').isChecked(), true)
  await page.getByTestId('apply-next').click()

  // Materials: the vault's three are ticked; consent, and upload a newer bank card.
  await page.getByTestId('apply-materials').waitFor()
  assert.equal(await page.getByTestId('vault-held').count(), 3)
  await page.getByTestId('apply-next').click()
  await page.getByTestId('error-applicant_id_card').waitFor() // nothing given yet: asked for
  await page.getByTestId('vault-consent').click()
  await page.locator('[data-material="payment_account"] summary').click()
  await page.getByTestId('upload-payment_account').setInputFiles(PDF('银行卡.pdf'))
  await page.locator('[data-material="payment_account"] [data-testid="uploaded-file"]', { hasText: '银行卡.pdf' }).waitFor()
  await screenshot(page, 'citizen-apply-materials-zh')
  await page.getByTestId('apply-next').click()

  // Delivery: the district centre (CIVIL-003 is not handled at city level) and download.
  await page.getByTestId('apply-delivery').waitFor()
  await page.locator('[data-testid="apply-point"] [data-value="PJ-SC"]').click()
  await page.locator('[data-testid="apply-delivery"] [data-value="download"]').click()
  await page.getByTestId('apply-next').click()

  // Check your answers.
  await page.getByTestId('apply-check').waitFor()
  assert.match(await page.locator('[data-answer="elder_name"]').innerText(), /陈伯/)
  assert.match(await page.locator('[data-answer="applicant_relation"]').innerText(), /子女/)
  assert.equal(await page.locator('[data-answer="applicant_id_card"]').getAttribute('data-state'), 'vault')
  assert.equal(await page.locator('[data-answer="payment_account"]').getAttribute('data-state'), 'upload')
  assert.match(await page.locator('[data-answer="service_point"]').innerText(), /蓬江区行政服务中心/)
  await screenshot(page, 'citizen-apply-check-zh')

  // The server refuses the ID number: back at its page, the message at the field.
  await page.getByTestId('apply-submit').click()
  const idError = fieldError(page, 'apply-elder_id_number')
  await idError.waitFor()
  assert.match(await idError.innerText(), /身份证号码无效/)
  assert.match(await page.getByTestId('apply-error').innerText(), /提交未成功/)
  await page.getByLabel('老人公民身份号码').fill(ELDER.elder_id_number)
  assert.match(await page.getByTestId('apply-next').innerText(), /返回核对页/)
  await page.getByTestId('apply-next').click()
  await page.getByTestId('apply-check').waitFor()

  // A change link goes to the field's page and back.
  await page.getByTestId('change-phone').click()
  await page.getByLabel('联系电话').fill('13900139000')
  await page.getByTestId('apply-next').click()
  assert.match(await page.locator('[data-answer="phone"]').innerText(), /13900139000/)

  await page.getByTestId('apply-submit').click()
  await page.getByTestId('apply-confirmation').waitFor()
  appliedCase = (await page.getByTestId('case-number').innerText()).trim()
  assert.match(appliedCase, /^\d{8}-[A-Z0-9]+$/)
  assert.match(await page.getByTestId('confirmation-waiting').innerText(), /蓬江区行政服务中心/)
  assert.match(await page.getByTestId('confirmation-limit').innerText(), /10 个工作日/)
  await screenshot(page, 'citizen-apply-done-zh')
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('onewindow.draft.')).length), 0)

  const stored = await api('citizen', 'GET', `/api/v1/cases/${appliedCase}`)
  assert.equal(stored.vault_consent, true)
  assert.equal(stored.form.phone, '13900139000')
  assert.deepEqual(
    Object.fromEntries(stored.materials.map((m) => [m.requirement, m.state])),
    { applicant_id_card: 'from_vault', household_register: 'from_vault', payment_account: 'provided' },
  )

  // The case page with its timeline, and the case in My cases.
  await page.getByTestId('confirmation-case-link').click()
  await page.getByTestId('my-case').waitFor()
  assert.equal((await page.getByTestId('my-case-number').innerText()).trim(), appliedCase)
  assert.match(await page.getByTestId('my-case-progress').innerText(), /等待窗口受理/)
  assert.match(await page.getByTestId('my-case-status').innerText(), /待受理/)
  await page.getByRole('link', { name: /返回我的办件/ }).click()
  const row = page.locator(`[data-testid="my-cases-table"] tr[data-case="${appliedCase}"]`)
  await row.waitFor()
  assert.match(await row.innerText(), /高龄老人津贴申领/)
  assert.match(await row.innerText(), /待受理/)
  await screenshot(page, 'citizen-my-cases-zh')
  assert.deepEqual(page.jsErrors, [])
})

test('a citizen withdraws an application after confirming', async () => {
  assert.ok(appliedCase, 'the application test ran first')
  const page = await newPage(browser, server.baseURL)
  await login(page, 'citizen')
  await page.goto(`/my/cases/${appliedCase}`)
  await page.getByTestId('withdraw-open').click()
  const dialog = page.getByRole('dialog', { name: '撤回申请' })
  await dialog.waitFor()
  await page.getByTestId('withdraw-cancel').click()
  await dialog.waitFor({ state: 'hidden' })
  assert.equal((await api('citizen', 'GET', `/api/v1/cases/${appliedCase}`)).status, 'submitted', 'cancel keeps it')

  await page.getByTestId('withdraw-open').click()
  await dialog.waitFor()
  await dialog.getByLabel('撤回原因（选填）').fill('已在窗口办理')
  await page.getByTestId('withdraw-confirm').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('[data-testid="my-case"][data-status="withdrawn"]').waitFor()
  assert.match(await page.getByTestId('my-case-status').innerText(), /已撤回/)
  assert.equal(await page.getByTestId('withdraw-open').count(), 0)
  assert.equal((await api('citizen', 'GET', `/api/v1/cases/${appliedCase}`)).status, 'withdrawn')
  assert.deepEqual(page.jsErrors, [])
})

test('a department asks for a supplement: it appears live, the citizen uploads and hands it in', async () => {
  const page = await newPage(browser, server.baseURL)
  await login(page, 'citizen')
  await page.goto(`/my/cases/${seededCase}`)
  await page.locator('[data-testid="my-case"][data-status="in_review"]').waitFor()
  assert.match(await page.getByTestId('my-case-progress').innerText(), /民政局/)
  assert.equal(await page.getByTestId('supplement-section').count(), 0)

  // The reviewer asks for a clearer household register (set-up through the API).
  const c = await api('citizen', 'GET', `/api/v1/cases/${seededCase}`)
  const task = c.tasks.find((t) => t.status === 'open')
  await api('reviewer_civil', 'POST', `/api/v1/tasks/${task.id}/claim`, {})
  await api('reviewer_civil', 'POST', `/api/v1/tasks/${task.id}/decision`, {
    decision: 'supplement', opinion: '户口簿照片不清晰，请重新上传', materials: ['household_register'],
  })

  // Live, without reloading.
  await page.getByTestId('supplement-section').waitFor()
  assert.match(await page.getByTestId('my-case-status').innerText(), /暂停计时/)
  assert.match(await page.getByTestId('supplement-reason-household_register').innerText(), /民政局.*户口簿照片不清晰/)
  assert.equal(await page.getByTestId('supplement-submit').isDisabled(), true)
  await screenshot(page, 'citizen-my-case-supplement-zh')

  await page.getByTestId('supplement-upload-household_register').setInputFiles(PDF('户口簿.pdf'))
  await page.getByTestId('supplement-chosen-household_register').waitFor()
  await page.getByTestId('supplement-submit').click()
  await page.getByTestId('supplement-section').waitFor({ state: 'detached' })
  await page.locator('[data-testid="my-case"][data-status="in_review"]').waitFor()
  const after = await api('citizen', 'GET', `/api/v1/cases/${seededCase}`)
  assert.equal(after.status, 'in_review')
  assert.ok(after.materials.find((m) => m.requirement === 'household_register').supplied_at)

  // My cases said it waited for the citizen; now it does not.
  await page.goto('/my/cases')
  const row = page.locator(`[data-testid="my-cases-table"] tr[data-case="${seededCase}"]`)
  await row.waitFor()
  assert.equal(await row.getByTestId('case-needs-you').count(), 0)
  assert.deepEqual(page.jsErrors, [])
})

test('a 容缺 material still owed and a returned application: the notices, then uploads handed in', async () => {
  // Set-up through the API: HRSS-005 accepted with the separation certificate to follow; a
  // CIVIL-003 application returned with a one-time notice about the bank card.
  const deferred = await api('citizen', 'POST', '/api/v1/cases', {
    item_code: 'HRSS-005', channel: 'online', service_point: 'PJ-SC', vault_consent: true, delivery: 'download',
    form: { applicant_name: '陈小明', id_number: '440703199001011239', separation_date: '2026-10-01', separation_reason: 'contract_end', bank_account: '6222', phone: '13800138000' },
  })
  await api('window_clerk', 'POST', `/api/v1/cases/${deferred.id}/accept`, {
    deferred: ['separation_certificate'], waived: ['bank_card'], commitment: '本人承诺按期补交',
  })
  const returned = await api('citizen', 'POST', '/api/v1/cases', {
    item_code: 'CIVIL-003', channel: 'online', service_point: 'PJ-SC', delivery: 'download', vault_consent: true, form: ELDER,
  })
  await api('window_clerk', 'POST', `/api/v1/cases/${returned.id}/return`, {
    problems: [{ subject: 'payment_account', message: '银行卡已过期，请上传有效的本人银行卡' }],
  })

  const page = await newPage(browser, server.baseURL)
  await login(page, 'citizen')
  await page.goto('/my/cases')
  await page.getByTestId('my-cases-action').waitFor()
  await page.locator('[data-testid="my-cases-filter"] label', { hasText: '待我处理' }).click()
  const table = page.getByTestId('my-cases-table')
  await table.locator(`tr[data-case="${deferred.id}"]`).waitFor()
  await table.locator(`tr[data-case="${returned.id}"]`).waitFor()
  assert.equal(await table.locator(`tr[data-case="${appliedCase}"]`).count(), 0, 'the withdrawn case needs nothing')

  // 容缺: the notice with the due date, and the upload.
  await table.getByTestId(`my-case-link-${deferred.id}`).click()
  await page.getByTestId('supplement-section').waitFor()
  assert.match(await page.getByTestId('notice').first().innerText(), /解除或终止劳动关系证明/)
  assert.match(await page.getByTestId('supplement-reason-separation_certificate').innerText(), /容缺受理.*前补交/)
  await page.getByTestId('supplement-upload-separation_certificate').setInputFiles(PDF('离职证明.pdf'))
  await page.getByTestId('supplement-chosen-separation_certificate').waitFor()
  await page.getByTestId('supplement-submit').click()
  await page.getByTestId('supplement-section').waitFor({ state: 'detached' })
  const d = await api('citizen', 'GET', `/api/v1/cases/${deferred.id}`)
  assert.equal(d.materials.find((m) => m.requirement === 'separation_certificate').state, 'provided')

  // Returned: the one-time notice, the upload, and the application submitted again.
  await page.goto(`/my/cases/${returned.id}`)
  await page.getByTestId('supplement-section').waitFor()
  assert.match(await page.getByTestId('supplement-section').innerText(), /申请被退回/)
  assert.match(await page.getByTestId('notice').innerText(), /社会保障卡或本人银行卡.*银行卡已过期/s)
  await page.getByTestId('supplement-upload-payment_account').setInputFiles(PDF('银行卡.pdf'))
  await page.getByTestId('supplement-chosen-payment_account').waitFor()
  await page.getByTestId('supplement-submit').click()
  await page.locator('[data-testid="my-case"][data-status="submitted"]').waitFor()
  assert.equal(await page.getByTestId('supplement-section').count(), 0)
  const r = await api('citizen', 'GET', `/api/v1/cases/${returned.id}`)
  assert.equal(r.status, 'submitted')
  assert.equal(r.materials.find((m) => m.requirement === 'payment_account').state, 'provided')
  assert.deepEqual(page.jsErrors, [])
})

test('My documents lists the vault with kind, issuer, dates and a viewer', async () => {
  const page = await newPage(browser, server.baseURL)
  await login(page, 'citizen')
  await page.locator('aside').getByRole('link', { name: '我的材料库' }).click()
  const table = page.getByTestId('vault-table')
  await table.locator('tr[data-doc="resident_id_card"]').waitFor()
  // The three accepted materials, and the household register supplied in the test before.
  assert.equal(await table.locator('tbody tr[data-doc]').count(), 4)
  assert.equal(await table.locator('tbody tr[data-doc="household_register"]').count(), 2)
  const idRow = table.locator('tr[data-doc="resident_id_card"]')
  assert.match(await idRow.innerText(), /居民身份证/)
  assert.match(await idRow.innerText(), /本人提交/)
  assert.match(await idRow.innerText(), /有效/)
  assert.match(await idRow.innerText(), new RegExp(seededCase))
  await screenshot(page, 'citizen-my-documents-zh')
  await idRow.getByRole('button', { name: /查看/ }).click()
  await page.getByTestId('vault-viewer').locator('iframe, img').first().waitFor()
  assert.deepEqual(page.jsErrors, [])
})

test('citizen pages: English, axe, and the phone layout', async () => {
  const en = await newPage(browser, server.baseURL, { locale: 'en', bypassCSP: true })
  await login(en, 'citizen')
  await en.goto('/apply/CIVIL-003')
  await en.getByTestId('apply-start').waitFor()
  assert.match(await en.getByTestId('start-limit').innerText(), /10 working days/)
  await screenshot(en, 'citizen-apply-start-en')
  await axe(en, 'apply: before you start')
  await en.getByTestId('apply-next').click()
  await en.getByLabel("Elder's name").waitFor()
  await axe(en, 'apply: a form page')
  await en.getByTestId('apply-next').click()
  await en.getByLabel("Elder's name").fill('Chen')
  await en.getByLabel("Elder's ID number").fill(ELDER.elder_id_number)
  await en.getByLabel('Account for payment').fill('1')
  await en.getByTestId('apply-next').click()
  await en.locator('[data-testid="field-applicant_relation"] label', { hasText: 'Self' }).click()
  await en.getByLabel('Contact phone').fill(ELDER.phone)
  await en.getByTestId('apply-next').click()
  await en.getByTestId('apply-materials').waitFor()
  await axe(en, 'apply: materials')
  await screenshot(en, 'citizen-apply-materials-en')
  await en.getByTestId('vault-consent').click()
  await en.getByTestId('apply-next').click()
  await en.locator('[data-testid="apply-point"] [data-value="PJ-SC"]').click()
  await en.locator('[data-testid="apply-delivery"] [data-value="window_pickup"]').click()
  await axe(en, 'apply: delivery')
  await en.getByTestId('apply-next').click()
  await en.getByTestId('apply-check').waitFor()
  await axe(en, 'apply: check your answers')
  await screenshot(en, 'citizen-apply-check-en')

  await en.goto('/my/cases')
  await en.getByTestId('my-cases-table').locator('tr[data-case]').first().waitFor()
  assert.match(await en.getByTestId('my-cases-table').innerText(), /Old-age allowance/)
  await axe(en, 'my cases')
  await screenshot(en, 'citizen-my-cases-en')
  await en.goto(`/my/cases/${seededCase}`)
  await en.getByTestId('my-case-progress').waitFor()
  await axe(en, 'my case')
  await screenshot(en, 'citizen-my-case-en')
  await en.goto('/my/documents')
  await en.getByTestId('vault-table').locator('tr[data-doc]').first().waitFor()
  assert.match(await en.getByTestId('vault-table').innerText(), /Resident identity card/)
  await axe(en, 'my documents')
  await screenshot(en, 'citizen-my-documents-en')
  assert.deepEqual(en.jsErrors, [])

  const zh = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(zh, 'citizen')
  await zh.goto(`/my/cases/${seededCase}`)
  await zh.getByTestId('my-case-progress').waitFor()
  await axe(zh, 'my case (zh)')
  await screenshot(zh, 'citizen-my-case-zh')

  const phone = await newPage(browser, server.baseURL, { viewport: { width: 375, height: 812 } })
  await login(phone, 'citizen')
  for (const [path, ready] of [
    ['/apply/CIVIL-003', 'apply-start'],
    ['/my/cases', 'my-cases-table'],
    [`/my/cases/${seededCase}`, 'my-case-progress'],
    ['/my/documents', 'vault-table'],
  ]) {
    await phone.goto(path)
    await phone.getByTestId(ready).waitFor()
    assert.ok(await noOverflow(phone), `${path} fits 375 px`)
  }
  await phone.goto('/apply/CIVIL-003')
  await phone.getByTestId('apply-next').click()
  await phone.getByTestId('field-elder_name').waitFor()
  assert.ok(await noOverflow(phone), 'a form page fits 375 px')
  await screenshot(phone, 'citizen-apply-form-375')
  assert.deepEqual(phone.jsErrors, [])
})
