// The bank branch (政银通办): a CCB clerk in Heshan applies for HPF-002 (提取住房公积金) for
// 陈小明; the submission is refused until the customer's consent is recorded, then sent on; the
// case page shows it, and follows it live when the handling unit's window accepts it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, PDF_BYTES } from './helpers/api.mjs'
import { assertAccessible, login, newPage, screenshot as save, assertNoSideScroll } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

/** A screenshot once Element Plus's tag and dialog transitions have finished. */
async function screenshot(page, name) {
  await page.waitForTimeout(350)
  await save(page, name)
}

const CHEN = '440703199001011239'

useSuite()

test('the bank clerk applies for HPF-002 for 陈小明: refused until consent is recorded, then sent; the case page follows it live', async () => {
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, 'bank_clerk')
  await page.locator('aside').getByRole('link', { name: '政银通办' }).click()
  await page.getByTestId('visitor-id').fill(CHEN)
  await page.getByTestId('visitor-lookup').click()
  await page.getByTestId('visitor-found').waitFor()

  await page.getByTestId('item-search').fill('公积金')
  assert.equal(await page.locator('[data-testid="item-option"][data-code="HRSS-005"]').count(), 0, 'only bank-channel items')
  await page.locator('[data-testid="item-option"][data-code="HPF-002"]').click()
  await page.getByTestId('item-chosen').waitFor()
  await page.getByTestId('applicant-name').fill('陈小明')
  assert.equal(await page.getByTestId('field-id_number').inputValue(), CHEN)
  await page.locator('[data-field="purchase_type"] label', { hasText: '存量房' }).click()
  await page.getByTestId('field-house_price').fill('1200000.00')
  await page.getByTestId('field-amount').fill('80000.00')
  await page.getByTestId('field-phone').fill('13800138000')
  for (const code of ['applicant_id_card', 'sale_contract', 'purchase_invoice', 'bank_card']) {
    await page.getByTestId(`upload-${code}`).setInputFiles({ name: `${code}.pdf`, mimeType: 'application/pdf', buffer: PDF_BYTES })
    await page.locator(`[data-testid="start-materials"] tr[data-requirement="${code}"]`).getByText('已上传').waitFor()
  }
  await screenshot(page, 'bank-start-zh')

  // Without the customer's consent: refused, the message at the consent.
  await page.getByTestId('start-submit').click()
  const consentError = page.getByTestId('consent-step').locator('.el-form-item__error')
  await consentError.waitFor()
  assert.ok((await consentError.innerText()).trim().length > 0)
  assert.match(page.url(), /\/bank$/, 'still on the form')
  const clerk = await apiAs(server.baseURL, 'bank_clerk')
  assert.equal((await clerk.get('/api/v1/cases')).cases.length, 0, 'no case was made')
  await assertAccessible(page, 'bank counter with the consent error')

  // Consent recorded: sent on.
  await page.getByTestId('consent-given').click()
  assert.equal(await page.locator('[data-testid="consent-method"] label[data-method="signed_form"] input').isChecked(), true)
  await page.getByTestId('consent-note').fill('授权书 No.0012')
  await page.getByTestId('start-submit').click()
  await page.waitForURL(/\/bank\/cases\/[\w-]+$/)
  const id = page.url().split('/').pop()
  await page.getByTestId('bank-sent').waitFor()
  assert.equal(await page.getByTestId('case-state').getAttribute('data-status'), 'submitted')
  assert.match(await page.getByTestId('case-consent').innerText(), /是/)
  const kase = await clerk.get(`/api/v1/cases/${id}`)
  assert.equal(kase.channel, 'bank')
  assert.equal(kase.consent.given, true)
  assert.equal(kase.consent.method, 'signed_form')
  assert.equal(kase.consent.note, '授权书 No.0012')
  await screenshot(page, 'bank-case-zh')
  await assertAccessible(page, 'bank case page')

  // The handling unit's window (Heshan) accepts it: the bank's page shows it without a reload.
  const admin = await apiAs(server.baseURL, 'admin')
  const units = (await admin.get('/api/v1/org/units')).units
  const heshan = units.find((u) => u.code === '440784')
  await admin.post('/api/v1/users', {
    username: 'hs_window', display_name: '鹤山窗口', password: 'Heshan-Window-2026', roles: ['window_clerk'],
    org_unit_id: heshan.id, must_change_password: false,
  })
  const hs = await apiAs(server.baseURL, 'hs_window', 'Heshan-Window-2026')
  await hs.post(`/api/v1/cases/${id}/accept`, { waived: ['title_certificate', 'marriage_certificate'] })
  await page.locator('[data-testid="case-state"][data-status="in_review"]').waitFor({ timeout: 5000 })
  assert.equal(await page.getByTestId('bank-sent').count(), 0)
  assert.deepEqual(page.jsErrors, [])

  // English and the phone width.
  const en = await newPage(browser, server.baseURL, { locale: 'en', bypassCSP: true })
  await login(en, 'bank_clerk')
  await en.goto(`/bank/cases/${id}`)
  await en.getByTestId('case-consent').waitFor()
  assert.match(await en.getByTestId('case-consent').innerText(), /Yes/)
  await screenshot(en, 'bank-case-en')
  await assertAccessible(en, 'bank case page in English')
  await en.goto('/bank')
  await en.getByTestId('visitor-id').fill(CHEN)
  await en.getByTestId('visitor-lookup').click()
  await en.locator('[data-testid="item-option"][data-code="HPF-002"]').click()
  await en.getByTestId('consent-step').waitFor()
  await screenshot(en, 'bank-start-en')
  await assertAccessible(en, 'bank counter in English')
  assert.deepEqual(en.jsErrors, [])

  const phone = await newPage(browser, server.baseURL, { viewport: { width: 375, height: 812 } })
  await login(phone, 'bank_clerk')
  await phone.goto('/bank')
  await phone.getByTestId('visitor-id').fill(CHEN)
  await phone.getByTestId('visitor-lookup').click()
  await phone.locator('[data-testid="item-option"][data-code="HPF-002"]').click()
  await phone.getByTestId('consent-step').waitFor()
  await assertNoSideScroll(phone, 'bank counter')
  await screenshot(phone, 'bank-start-phone')
  await phone.goto(`/bank/cases/${id}`)
  await phone.getByTestId('case-consent').waitFor()
  await assertNoSideScroll(phone, 'bank case page')
  assert.deepEqual(phone.jsErrors, [])
})
