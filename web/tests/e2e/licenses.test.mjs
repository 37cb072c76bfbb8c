// E-licenses in the browser: the holder's license in My documents, its page (QR, text, PDF,
// history) and a use copy (加注件); the public verify page (paste, ?text=, a photo of the QR,
// tampered and unknown texts, a copy's purpose); the issuing department's register (suspend,
// reinstate, renew into a new version, change a field, revoke) and what verify says after each;
// the admin's signing keys and a rotation. The case that yields the license runs through the API
// (its pages are walked in scenarios.test.mjs).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import QRCode from 'qrcode'
import { apiAs } from './helpers/api.mjs'
import { HRSS_REVIEWER, issuedLicense, tamper } from './helpers/flows.mjs'
import {
  assertAccessibleSettled, assertNoSideScroll, fieldError, login, newPage, screenshot, settle,
} from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

let license

useSuite({}, async () => {
  ;({ license } = await issuedLicense(server.baseURL))
})

/** Verifies `text` on the public page as a visitor (no sign-in); returns the page and the verdict. */
async function verifyAsVisitor(text, opts = {}) {
  const page = await newPage(browser, server.baseURL, opts)
  await page.goto('/verify')
  await page.getByTestId('verify-text').fill(text)
  await page.getByTestId('verify-submit').click()
  const result = page.getByTestId('verify-result')
  await result.waitFor()
  return { page, verdict: await result.getAttribute('data-verdict') }
}

test('the holder finds the license in My documents, opens it, downloads the PDF and makes a use copy', async () => {
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, 'citizen')
  await page.goto('/my/documents')
  const row = page.locator(`[data-testid="my-licenses"] tr[data-number="${license.number}"]`)
  await row.waitFor()
  assert.equal(await row.getAttribute('data-state'), 'valid')
  assert.match(await row.innerText(), /社会保障卡/)
  await assertAccessibleSettled(page, 'my documents with licenses')
  await screenshot(page, 'licenses-my-documents-zh')
  await row.getByTestId('open-license').click()
  await page.waitForURL(`**/my/licenses/${license.number}`)

  const detail = page.getByTestId('license-detail')
  await detail.waitFor()
  assert.equal(await page.getByTestId('license-number').innerText().then((s) => s.trim().split(/\s/)[0]), license.number)
  assert.match(await page.getByTestId('license-holder').innerText(), /陈小明/)
  assert.match(await page.getByTestId('license-issuer').innerText(), /人力资源和社会保障局/)
  assert.equal(await page.getByTestId('license-text').inputValue(), license.text)
  await page.getByTestId('qr-image').waitFor()
  await page.locator('[data-testid="license-history"] tr[data-event="issued"]').waitFor()

  // The PDF link is the license's own, and what it answers is a PDF.
  const href = await page.getByTestId('license-pdf').getAttribute('href')
  const pdf = await page.request.get(href)
  assert.equal(pdf.status(), 200)
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-')

  // A use copy for a bank, until a date within the license's validity.
  await page.locator('#copy-purpose').fill('仅用于中国工商银行开户')
  const until = page.locator('input#copy-until')
  await until.click()
  await until.fill(await untilText(page))
  await until.press('Enter')
  await page.keyboard.press('Escape')
  await page.getByTestId('copy-make').click()
  const made = page.getByTestId('copy-made')
  await made.waitFor()
  const copyText = await page.getByTestId('copy-text').inputValue()
  assert.match(copyText, /^OWC1\./)
  await page.locator('[data-testid="copies-table"] tbody tr[data-copy]').first().waitFor()
  await assertAccessibleSettled(page, 'my license')
  await screenshot(page, 'licenses-my-license-zh')
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()

  // The copy verifies, and says what it is for.
  const { page: v, verdict } = await verifyAsVisitor(copyText)
  assert.equal(verdict, 'valid')
  assert.match(await v.getByTestId('verify-copy-purpose').innerText(), /中国工商银行开户/)
  await v.context().close()
})

/** 30 days from the server's today, typed the way the zh date input shows dates. */
async function untilText(page) {
  const today = await page.evaluate(() => new Date().toISOString().slice(0, 10))
  const d = new Date(today + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + 30)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

test('anyone verifies on the public page: valid, tampered, not a license, ?text=, a photo of the QR', async () => {
  const { page, verdict } = await verifyAsVisitor(license.text, { bypassCSP: true })
  assert.equal(verdict, 'valid')
  assert.match(await page.getByTestId('verify-verdict').innerText(), /有效/)
  assert.match(await page.getByTestId('license-holder').innerText(), /陈小明/)
  assert.match(await page.getByTestId('license-type').innerText(), /社会保障卡/)
  // The visitor reached it without signing in, and the menu offers it to visitors.
  await page.getByTestId('header-login').waitFor()
  await page.locator('aside a[data-nav="/verify"]').waitFor()
  await assertAccessibleSettled(page, 'verify: valid')
  await screenshot(page, 'licenses-verify-valid-zh')

  // One byte of the payload changed.
  await page.getByTestId('verify-text').fill(tamper(license.text))
  await page.getByTestId('verify-submit').click()
  await page.locator('[data-testid="verify-result"][data-verdict="tampered"]').waitFor()
  assert.match(await page.getByTestId('verify-verdict').innerText(), /篡改/)
  await assertAccessibleSettled(page, 'verify: tampered')
  await screenshot(page, 'licenses-verify-tampered-zh')

  // Text that is no license at all: the server's message at the field.
  await page.getByTestId('verify-text').fill('hello')
  await page.getByTestId('verify-submit').click()
  await fieldError(page, 'verify-text').waitFor()
  assert.match(await fieldError(page, 'verify-text').innerText(), /[\u4e00-\u9fff]/)
  assert.equal(await page.getByTestId('verify-result').count(), 0)
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()

  // Arriving with ?text= (a link from the PDF's verify hint), in English.
  const en = await newPage(browser, server.baseURL, { locale: 'en' })
  await en.goto('/verify?text=' + encodeURIComponent(license.text))
  await en.locator('[data-testid="verify-result"][data-verdict="valid"]').waitFor()
  assert.match(await en.getByTestId('verify-verdict').innerText(), /Valid/)
  await screenshot(en, 'licenses-verify-valid-en')
  await en.context().close()

  // A photo of the QR code is read in the browser (a screenshot's size: jsQR wants some 8 px a module).
  const png = await QRCode.toBuffer(license.text, { width: 1000, margin: 4 })
  const photo = await newPage(browser, server.baseURL)
  await photo.goto('/verify')
  await photo.getByTestId('verify-image').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: png })
  await photo.locator('[data-testid="verify-result"][data-verdict="valid"]').waitFor()
  assert.equal(await photo.getByTestId('verify-text').inputValue(), license.text)
  assert.deepEqual(photo.jsErrors, [])
  await photo.context().close()

  const phone = await newPage(browser, server.baseURL, { viewport: { width: 375, height: 812 } })
  await phone.goto('/verify?text=' + encodeURIComponent(license.text))
  await phone.locator('[data-testid="verify-result"][data-verdict="valid"]').waitFor()
  await assertNoSideScroll(phone, 'verify at 375 px')
  await phone.context().close()
})

test('the issuing department suspends, reinstates, renews, changes and revokes; verify follows each', async () => {
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, HRSS_REVIEWER.username, HRSS_REVIEWER.password)
  await page.locator('aside a[data-nav="/licenses"]').click()
  await page.getByTestId('register-holder').fill('440703199001011239')
  await page.getByTestId('register-search').click()
  const row = page.locator(`[data-testid="register-table"] tr[data-number="${license.number}"]`)
  await row.waitFor()
  await assertAccessibleSettled(page, 'license register')
  await screenshot(page, 'licenses-register-zh')
  await row.getByTestId('register-open').click()
  await page.waitForURL(`**/licenses/${license.number}`)
  await page.getByTestId('license-actions').waitFor()

  // Suspend: a reason is asked for first.
  await page.getByTestId('license-suspend').click()
  await page.getByTestId('state-save').click()
  await page.locator('.el-form-item', { has: page.locator('#state-reason') }).locator('.el-form-item__error').waitFor()
  await page.locator('#state-reason').fill('持证人申请挂失')
  await page.getByTestId('state-save').click()
  await page.locator('[data-testid="license-detail"][data-state="suspended"]').waitFor()
  assert.equal((await verifyState(license.text)).verdict, 'suspended')

  await page.getByTestId('license-reinstate').click()
  await page.locator('#state-reason').fill('已找回')
  await page.getByTestId('state-save').click()
  await page.locator('[data-testid="license-detail"][data-state="valid"]').waitFor()
  assert.equal((await verifyState(license.text)).verdict, 'valid')
  await assertAccessibleSettled(page, 'license manage')
  await screenshot(page, 'licenses-manage-zh')

  // Renew: a new version, linked both ways; the old text still verifies, pointing to the new one.
  await page.getByTestId('license-renew').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await page.waitForURL((u) => !u.pathname.endsWith(encodeURIComponent(license.number)) && u.pathname.startsWith('/licenses/'))
  await page.getByTestId('previous-link').waitFor()
  assert.equal(await page.getByTestId('previous-link').innerText(), license.number)
  const renewed = decodeURIComponent(new URL(page.url()).pathname.split('/').pop())
  const old = await verifyState(license.text)
  assert.equal(old.superseded_by, renewed)

  // Change a field: a newer version with the new value.
  await page.getByTestId('license-change').click()
  await page.locator('#change-bank').fill('中国建设银行')
  await page.locator('#change-reason').fill('持证人更换发卡银行')
  await page.getByTestId('change-save').click()
  await page.waitForURL((u) => !u.pathname.endsWith(encodeURIComponent(renewed)))
  await page.locator('[data-testid="license-detail"] [data-field="bank"]', { hasText: '中国建设银行' }).waitFor()
  const current = decodeURIComponent(new URL(page.url()).pathname.split('/').pop())

  // Revoke: verify says so, online, for the current version's text.
  await page.getByTestId('license-revoke').click()
  await page.locator('#state-reason').fill('以欺骗手段取得')
  await page.getByTestId('state-save').click()
  await page.locator('[data-testid="license-detail"][data-state="revoked"]').waitFor()
  const staff = await apiAs(server.baseURL, HRSS_REVIEWER.username, HRSS_REVIEWER.password)
  const now = await staff.get(`/api/v1/licenses/${encodeURIComponent(current)}`)
  const { page: v, verdict } = await verifyAsVisitor(now.text, { bypassCSP: true })
  assert.equal(verdict, 'revoked')
  await assertAccessibleSettled(v, 'verify: revoked')
  await screenshot(v, 'licenses-verify-revoked-zh')
  await v.context().close()
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()

  // The holder may not act on it (the server refuses; the page has no actions for them).
  const citizen = await newPage(browser, server.baseURL)
  await login(citizen, 'citizen')
  await citizen.goto(`/licenses/${encodeURIComponent(current)}`)
  await citizen.getByRole('heading', { name: '无权访问' }).waitFor()
  await citizen.context().close()
})

/** The server's verify answer for a text (the page's own call, through the API). */
async function verifyState(text) {
  const r = await fetch(`${server.baseURL}/api/v1/licenses/verify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text }),
  })
  assert.equal(r.status, 200)
  return r.json()
}

test('the admin sees the published keys and rotates one; licenses signed before still verify', async () => {
  const page = await newPage(browser, server.baseURL, { locale: 'en', bypassCSP: true })
  await login(page, 'admin')
  await page.locator('aside a[data-nav="/admin/licenses/keys"]').click()
  // The key of the department that issued the license.
  const dept = license.issuer.department_code
  const active = page.locator(`[data-testid="keys-table"] tr[data-department="${dept}"][data-retired="false"]`)
  await active.waitFor()
  const before = await verifyState(license.text)
  await assertAccessibleSettled(page, 'signing keys')
  await screenshot(page, 'licenses-keys-en')
  await active.getByTestId('key-rotate').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await page.locator(`[data-testid="keys-table"] tr[data-department="${dept}"][data-retired="true"]`).waitFor()
  await page.locator(`[data-testid="keys-table"] tr[data-department="${dept}"][data-retired="false"]`).waitFor()
  await settle(page)
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
  // A license signed with the key now retired verifies as before.
  assert.equal((await verifyState(license.text)).verdict, before.verdict)
  assert.notEqual(before.verdict, 'unknown_key')
})

test('license pages in English and at 375 px', async () => {
  const en = await newPage(browser, server.baseURL, { locale: 'en', bypassCSP: true })
  await login(en, 'citizen')
  await en.goto(`/my/licenses/${encodeURIComponent(license.number)}`)
  await en.getByTestId('license-detail').waitFor()
  assert.match(await en.getByTestId('license-type').innerText(), /Social security card/)
  await assertAccessibleSettled(en, 'my license (en)')
  await screenshot(en, 'licenses-my-license-en')
  await en.goto('/my/documents')
  await en.locator('[data-testid="my-licenses"] tr[data-number]').first().waitFor()
  await screenshot(en, 'licenses-my-documents-en')
  await en.context().close()

  const phone = await newPage(browser, server.baseURL, { viewport: { width: 375, height: 812 } })
  await login(phone, 'citizen')
  for (const path of ['/my/documents', `/my/licenses/${encodeURIComponent(license.number)}`]) {
    await phone.goto(path)
    await phone.locator('[data-testid="my-licenses"], [data-testid="license-detail"]').first().waitFor()
    await settle(phone)
    await assertNoSideScroll(phone, `${path} at 375 px`)
  }
  await screenshot(phone, 'licenses-my-license-375')
  await phone.context().close()
})
