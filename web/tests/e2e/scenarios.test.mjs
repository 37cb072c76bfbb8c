// The seed's scenarios, end to end through the pages of every role involved, with real clicks and
// typing against the real server: a citizen applies online and a reviewer approves; the window
// accepts with deficiency (容缺受理) and the citizen supplies the missing material from the
// portal; Enping's four-stage construction approval (社会投资工程建设项目) with several reviewers
// per stage; a social security card (社保卡) applied for online, accepted and approved, yielding an
// e-license the citizen downloads and anyone verifies, with every notice in the inbox. (A bank clerk's provident-fund withdrawal is walked in bank.test.mjs.) Only the
// accounts for Enping's own departments are made through the API: that is the city's set-up.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, PDF_BYTES } from './helpers/api.mjs'
import { ensureHrssReviewer, tamper } from './helpers/flows.mjs'
import { login, newPage, screenshot } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

const CHEN = '440703199001011239'
const pdf = (name) => ({ name, mimeType: 'application/pdf', buffer: PDF_BYTES })

useSuite()

/** A signed-in page of its own (cookies and storage apart from the other people's). */
async function pageOf(username, password) {
  const page = await newPage(browser, server.baseURL)
  await login(page, username, password)
  return page
}

/**
 * The applicant's side of "apply online": the item's form pages (answers by field key, typed or
 * clicked), a consent to reuse what the vault holds, uploads for the rest of the required
 * materials, where and how, check, submit. Returns the case number the confirmation shows.
 */
async function applyOnline(page, code, answers, { point, delivery }) {
  await page.goto(`/guide/${code}`)
  await page.getByTestId('guide-apply').click()
  await page.waitForURL(`**/apply/${code}`)
  await page.getByTestId('apply-start').waitFor()
  await page.getByTestId('apply-next').click()
  // One page of the form after the other, until the materials.
  for (let pages = 0; pages < 10; pages++) {
    await page.locator('[data-testid^="field-"], [data-testid="apply-materials"]').first().waitFor()
    if (await page.getByTestId('apply-materials').isVisible()) break
    const title = await page.getByTestId('apply-step-title').innerText()
    for (const [key, value] of Object.entries(answers)) {
      const field = page.getByTestId(`field-${key}`)
      if (!(await field.isVisible())) continue
      if (typeof value === 'object') await field.locator('label', { hasText: value.choose }).click()
      else await page.locator(`#apply-${key}`).fill(String(value))
    }
    await page.getByTestId('apply-next').click()
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="apply-step-title"]')?.textContent !== before,
      title,
    )
  }
  // Materials: the vault's with consent, uploads for the required rest.
  if (await page.getByTestId('vault-consent').isVisible()) await page.getByTestId('vault-consent').click()
  const item = await (await page.request.get(`/api/v1/items/${code}`)).json()
  for (const m of item.materials.filter((x) => x.requirement === 'required')) {
    const card = page.locator(`[data-material="${m.code}"]`)
    if ((await card.getByTestId('vault-held').count()) > 0) continue
    await page.getByTestId(`upload-${m.code}`).setInputFiles(pdf(`${m.code}.pdf`))
    await card.getByTestId('uploaded-file').waitFor()
  }
  await page.getByTestId('apply-next').click()
  await page.getByTestId('apply-delivery').waitFor()
  if (point) await page.locator(`[data-testid="apply-point"] [data-value="${point}"]`).click()
  await page.locator(`[data-testid="apply-delivery"] [data-value="${delivery}"]`).click()
  await page.getByTestId('apply-next').click()
  await page.getByTestId('apply-check').waitFor()
  await page.getByTestId('apply-submit').click()
  await page.getByTestId('apply-confirmation').waitFor()
  return (await page.getByTestId('case-number').innerText()).trim()
}

/** The window clerk accepts an online application from the live queue, with one click. */
async function acceptFromQueue(username, caseId, password) {
  const page = await pageOf(username, password)
  await page.goto('/window')
  const row = page.locator(`[data-testid="queue-row"][data-case="${caseId}"]`)
  await row.waitFor()
  await row.getByTestId('queue-accept').click()
  await row.waitFor({ state: 'detached' })
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
}

/**
 * A reviewer's part: the task in the department's inbox, claimed, opened, approved with an
 * opinion. `peek` looks at the task page before deciding (e.g. the parallel progress).
 */
async function approveAs(username, caseId, opinion, { password, peek } = {}) {
  const page = await pageOf(username, password)
  await page.goto('/review')
  const row = page.locator(`[data-testid="inbox-table"] tbody tr[data-case="${caseId}"]`).first()
  await row.waitFor()
  await row.getByTestId('claim-task').click()
  await row.getByTestId('claim-task').waitFor({ state: 'detached' })
  await row.getByTestId('open-task').click()
  await page.getByTestId('decision-panel').waitFor()
  if (peek) await peek(page)
  await page.getByTestId('decision').locator('label.el-radio[data-decision="approve"]').click()
  await page.locator('#review-opinion').fill(opinion)
  await page.getByTestId('decide').click()
  await page.waitForURL('**/review')
  await page.getByTestId('review-flash').waitFor()
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
}

test('a citizen applies online for the old-age allowance; the window accepts it and the civil affairs reviewer approves', async () => {
  const citizen = await pageOf('citizen')
  const id = await applyOnline(
    citizen,
    'CIVIL-003',
    {
      elder_name: '陈伯',
      elder_id_number: '440703194001011236',
      bank_account: '6222020200112233',
      applicant_relation: { choose: '子女' },
      phone: '13800138000',
    },
    { point: 'PJ-SC', delivery: 'download' },
  )
  // The citizen keeps the case open and watches it move, without reloading.
  await citizen.getByTestId('confirmation-case-link').click()
  await citizen.locator('[data-testid="my-case"][data-status="submitted"]').waitFor()

  await acceptFromQueue('window_clerk', id)
  await citizen.locator('[data-testid="my-case"][data-status="in_review"]').waitFor()
  assert.match(await citizen.getByTestId('my-case-progress').innerText(), /民政局/)

  await approveAs('reviewer_civil', id, '经核查，老人年满80周岁，符合高龄津贴申领条件，同意。')
  const done = citizen.locator('[data-testid="my-case"][data-status="issued"], [data-testid="my-case"][data-status="closed"]')
  await done.waitFor()
  await citizen.getByTestId('my-case-result').waitFor()
  const stored = await (await apiAs(server.baseURL, 'citizen')).get(`/api/v1/cases/${id}`)
  assert.equal(stored.tasks.length, 1)
  assert.equal(stored.tasks[0].status, 'approved')
  assert.match(stored.tasks[0].opinion, /符合高龄津贴申领条件/)
  assert.deepEqual(citizen.jsErrors, [])
})

test('the window accepts an unemployment claim with a material deferred (容缺); the citizen supplies it from the portal', async () => {
  const window = await pageOf('window_clerk')
  await window.goto('/window')
  await window.getByTestId('visitor-id').fill(CHEN)
  await window.getByTestId('visitor-lookup').click()
  await window.getByTestId('visitor-found').waitFor()
  await window.getByTestId('item-search').fill('HRSS-005')
  await window.locator('[data-testid="item-option"][data-code="HRSS-005"]').click()
  await window.getByTestId('item-chosen').waitFor()
  await window.getByTestId('applicant-name').fill('陈小明')
  const date = window.locator('#start-window-f-separation_date')
  await date.click()
  await date.fill('2026年10月1日')
  await date.press('Enter')
  await window.locator('[data-field="separation_reason"] label', { hasText: '劳动合同期满终止' }).click()
  await window.getByTestId('field-bank_account').fill('6222000011112222')
  await window.getByTestId('field-phone').fill('13800138000')
  // The visitor has the ID card; the separation certificate is still with the old employer.
  await window.getByTestId('upload-applicant_id_card').setInputFiles(pdf('id.pdf'))
  await window.locator('[data-testid="start-materials"] tr[data-requirement="applicant_id_card"]').getByText('已上传').waitFor()
  await window.getByTestId('start-submit').click()
  await window.waitForURL(/\/window\/cases\/[\w-]+$/)
  const id = window.url().split('/').pop()

  const missing = window.locator('[data-testid="precheck-row"][data-requirement="separation_certificate"]')
  await missing.locator('label[data-choice="defer"]').click()
  await window.getByTestId('decide-accept-deficiency').click()
  await window.getByTestId('commitment-letter').waitFor()
  const notice = window.locator('[data-testid="print-notice"][data-kind="deficiency"]')
  assert.match(await notice.innerText(), /解除或终止劳动关系证明/)
  await window.getByTestId('supply-card').waitFor()

  // At home, the citizen sees what is owed and by when, and uploads it.
  const citizen = await pageOf('citizen')
  await citizen.locator('aside').getByRole('link', { name: '我的办件' }).click()
  await citizen.getByTestId(`my-case-link-${id}`).click()
  await citizen.getByTestId('supplement-section').waitFor()
  assert.match(await citizen.getByTestId('notice').first().innerText(), /解除或终止劳动关系证明/)
  await citizen.getByTestId('supplement-upload-separation_certificate').setInputFiles(pdf('离职证明.pdf'))
  await citizen.getByTestId('supplement-chosen-separation_certificate').waitFor()
  await citizen.getByTestId('supplement-submit').click()
  await citizen.getByTestId('supplement-section').waitFor({ state: 'detached' })

  // The window's page hears of it: nothing more is owed.
  await window.getByTestId('supply-card').waitFor({ state: 'detached' })
  const stored = await (await apiAs(server.baseURL, 'window_clerk')).get(`/api/v1/cases/${id}`)
  assert.equal(stored.materials.find((m) => m.requirement === 'separation_certificate').state, 'provided')
  assert.deepEqual(window.jsErrors, [])
  assert.deepEqual(citizen.jsErrors, [])
})

test("Enping's four-stage construction approval: the enterprise applies online, Enping's window accepts, eleven reviews in four parallel stages", async () => {
  // The city's set-up: Enping's window clerk and a reviewer for each of Enping's departments.
  const admin = await apiAs(server.baseURL, 'admin')
  const enping = (await admin.get('/api/v1/org/units')).units.find((u) => u.code === '440785')
  const departments = (await admin.get('/api/v1/org/departments')).departments
  const password = 'Enping-Approvals-2026'
  const account = (username, roles, department) =>
    admin.post('/api/v1/users', {
      username,
      display_name: username,
      password,
      roles,
      org_unit_id: enping.id,
      department_id: department ? departments.find((d) => d.code === department && d.org_unit_id === enping.id).id : null,
      must_change_password: false,
    })
  await account('ep_window', ['window_clerk'])
  for (const d of ['drc', 'nr', 'housing', 'emergency']) await account(`ep_${d}`, ['reviewer'], d)
  const enpingReviewer = (d) => ({ username: `ep_${d}`, password })
  const cityReviewer = (d) => ({ username: `reviewer_${d}` })

  const enterprise = await pageOf('enterprise')
  const id = await applyOnline(
    enterprise,
    'HOUSING-010',
    {
      enterprise_name: '江门市桥裕纸业有限公司',
      credit_code: '91440705MA4UJ3QF2U',
      project_name: '桥裕纸业恩平新厂房',
      project_code: '2026-440785-22-01-000001',
      project_location: '恩平市恩城街道工业园',
      total_investment: '12000000.00',
      floor_area_m2: 8000,
      phone: '13800138001',
    },
    { point: 'EP-SC', delivery: 'download' },
  )
  await acceptFromQueue('ep_window', id, password)

  const stages = [
    [enpingReviewer('drc'), enpingReviewer('nr')],
    [enpingReviewer('nr'), cityReviewer('eco'), cityReviewer('water'), cityReviewer('transport')],
    [enpingReviewer('housing'), enpingReviewer('emergency')],
    [enpingReviewer('housing'), enpingReviewer('nr'), cityReviewer('water')],
  ]
  for (const [n, reviewers] of stages.entries()) {
    for (const [i, r] of reviewers.entries()) {
      // The last reviewer of a stage sees the others' approvals on the same stage.
      const peek =
        i === reviewers.length - 1
          ? async (page) => {
              const rows = page.locator('[data-testid="stage-tasks"] tr[data-department]')
              await page.locator('[data-testid="stage-tasks"] tr[data-status="approved"]').nth(reviewers.length - 2).waitFor()
              assert.equal(await rows.count(), reviewers.length, `stage ${n + 1}: every department is listed`)
            }
          : undefined
      await approveAs(r.username, id, `第${n + 1}阶段审查意见：符合要求，同意。`, { password: r.password, peek })
    }
  }

  await enterprise.goto(`/my/cases/${id}`)
  await enterprise.locator('[data-testid="my-case"][data-status="issued"], [data-testid="my-case"][data-status="closed"]').waitFor()
  const stored = await (await apiAs(server.baseURL, 'enterprise')).get(`/api/v1/cases/${id}`)
  assert.equal(stored.service_point.code, 'EP-SC')
  assert.deepEqual(
    stored.tasks.map((t) => `${t.stage}:${t.department_code}:${t.status}`),
    stages.flatMap((rs, n) => rs.map((r) => `${n + 1}:${r.username.replace(/^(ep|reviewer)_/, '')}:approved`)),
  )
  // Enping's own departments decided their parts; the city's decided the rest.
  const enpingIds = new Set(departments.filter((d) => d.org_unit_id === enping.id).map((d) => d.id))
  for (const t of stored.tasks) {
    assert.equal(enpingIds.has(t.department_id), ['drc', 'nr', 'housing', 'emergency'].includes(t.department_code), `${t.department_code}`)
  }
  assert.deepEqual(enterprise.jsErrors, [])
})

/** What the public verify page says of `text`, asked by a visitor who has not signed in. */
async function verdictOf(text) {
  const page = await newPage(browser, server.baseURL)
  await page.goto('/verify?text=' + encodeURIComponent(text))
  const result = page.locator('[data-testid="verify-result"]')
  await result.waitFor()
  const verdict = await result.getAttribute('data-verdict')
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
  return verdict
}

test('a social security card end to end: the bell counts up live, the license is downloaded and verified, revoked, and every notice is in the inbox', async () => {
  const citizen = await pageOf('citizen')
  const bell = () => citizen.getByTestId('notice-bell').getAttribute('data-unread').then(Number)
  const bellAbove = (n) =>
    citizen.waitForFunction((min) => Number(document.querySelector('[data-testid="notice-bell"]').getAttribute('data-unread')) > min, n)

  const id = await applyOnline(
    citizen,
    'HRSS-004',
    { holder_name: '陈小明', holder_id_number: CHEN, bank: { choose: '中国工商银行' }, phone: '13800138000' },
    { point: 'PJ-SC', delivery: 'window_pickup' },
  )
  await citizen.getByTestId('confirmation-case-link').click()
  await citizen.locator('[data-testid="my-case"][data-status="submitted"]').waitFor()
  const before = await bell()

  // Accepted at the window: the citizen's bell counts up without a reload.
  await acceptFromQueue('window_clerk', id)
  await bellAbove(before)
  const afterAccept = await bell()
  const hrss = await ensureHrssReviewer(server.baseURL)
  await approveAs(hrss.username, id, '信息核对无误，同意制卡。', { password: hrss.password })
  await citizen.locator('[data-testid="my-case"][data-status="issued"], [data-testid="my-case"][data-status="closed"]').waitFor()
  await bellAbove(afterAccept)

  // The license is in My documents; its PDF is a PDF; its text verifies, and a changed byte does not.
  await citizen.locator('aside').getByRole('link', { name: '我的材料库' }).click()
  const row = citizen.locator('[data-testid="my-licenses"] tr[data-number]', { hasText: '社会保障卡' }).first()
  await row.waitFor()
  await row.getByTestId('open-license').click()
  await citizen.getByTestId('license-detail').waitFor()
  const number = await citizen.getByTestId('license-detail').getAttribute('data-number')
  const text = await citizen.getByTestId('license-text').inputValue()
  // The link the page offers, fetched with the citizen's session (a browser would save the file).
  const download = await citizen.request.get(await citizen.getByTestId('license-pdf').getAttribute('href'))
  assert.equal(download.status(), 200)
  assert.equal((await download.body()).subarray(0, 5).toString(), '%PDF-')
  assert.equal(await verdictOf(text), 'valid')
  assert.equal(await verdictOf(tamper(text)), 'tampered')

  // Pengjiang's HRSS staff revoke it from the register; verify says so at once.
  const staff = await pageOf(hrss.username, hrss.password)
  await staff.goto('/licenses')
  await staff.locator(`[data-testid="register-table"] tr[data-number="${number}"]`).getByTestId('register-open').click()
  await staff.getByTestId('license-revoke').click()
  await staff.locator('#state-reason').fill('持证人申请注销')
  await staff.getByTestId('state-save').click()
  await staff.locator('[data-testid="license-detail"][data-state="revoked"]').waitFor()
  await staff.context().close()
  assert.equal(await verdictOf(text), 'revoked')
  // The holder's page follows live.
  await citizen.locator('[data-testid="license-detail"][data-state="revoked"]').waitFor()

  // Every notice of the case is in the inbox, in Chinese and, after switching, in English.
  await citizen.getByTestId('notice-bell').click()
  await citizen.waitForURL('**/inbox')
  const ofCase = (event) => citizen.locator(`[data-testid="notice"][data-event="${event}"]`).filter({ hasText: id })
  await ofCase('case.accepted').waitFor()
  await ofCase('case.decided').waitFor()
  const subject = ofCase('case.accepted').getByTestId('notice-subject')
  assert.match(await subject.innerText(), /受理/)
  await screenshot(citizen, 'scenario-inbox-zh')
  await citizen.locator('header').getByRole('button', { name: 'English' }).click()
  await citizen.getByRole('heading', { name: 'Inbox' }).waitFor()
  assert.match(await subject.innerText(), /accepted/i)
  await screenshot(citizen, 'scenario-inbox-en')
  assert.deepEqual(citizen.jsErrors, [])

  // The admin sees the messages of this case in the outbox.
  const admin = await pageOf('admin')
  await admin.goto('/admin/outbox')
  await admin.locator('[data-testid="outbox-table"] tr[data-event="case.accepted"]').first().waitFor()
  assert.deepEqual(admin.jsErrors, [])
  await admin.context().close()
})
