// Notices in the browser: the header's bell counting up live as a case is accepted and decided,
// the inbox (unread first, opening marks read, mark all read, links to the case and the license,
// texts in zh-CN and after switching in English), contact settings with the server's errors at
// their field in both languages, the admin's outbox (counts, filter, retry) and the notice
// templates (placeholders, a bad one refused at its field). The case runs through the API.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { acceptCase, approveCase, submitCardApplication } from './helpers/flows.mjs'
import {
  assertAccessibleSettled, assertNoSideScroll, choose, fieldError, login, newPage, screenshot, settle,
} from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

useSuite()

let caseId

const bellCount = async (page) => Number(await page.getByTestId('notice-bell').getAttribute('data-unread'))
/** Waits until the bell shows more than `n` unread (it is told over the live socket). */
const bellAbove = (page, n) =>
  page.waitForFunction(
    (min) => Number(document.querySelector('[data-testid="notice-bell"]')?.getAttribute('data-unread')) > min,
    n,
  )

test('the bell counts up live when the case is accepted and decided', async () => {
  const page = await newPage(browser, server.baseURL)
  await login(page, 'citizen')
  await page.goto('/my/cases')
  await page.getByTestId('notice-bell').waitFor()
  const before = await bellCount(page)

  const c = await submitCardApplication(server.baseURL)
  caseId = c.id
  await acceptCase(server.baseURL, caseId)
  await bellAbove(page, before)
  const accepted = await bellCount(page)
  assert.match(await page.getByTestId('notice-bell').getAttribute('aria-label'), new RegExp(`${accepted} 条未读`))

  await approveCase(server.baseURL, caseId)
  await bellAbove(page, accepted)
  assert.equal(page.url().endsWith('/my/cases'), true, 'no reload, no navigation')
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})

test('the inbox: unread first, opening one marks it read, links, zh then English, mark all read', async () => {
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, 'citizen')
  await page.getByTestId('notice-bell').click()
  await page.waitForURL('**/inbox')
  const accepted = page.locator('[data-testid="notice"][data-event="case.accepted"]').first()
  await accepted.waitFor()
  assert.equal(await accepted.getAttribute('data-read'), 'false')
  assert.match(await accepted.getByTestId('notice-subject').innerText(), new RegExp(`${caseId}.*受理`))
  const unread = await bellCount(page)
  assert.ok(unread >= 2, `accepted and decided at least (${unread})`)
  await assertAccessibleSettled(page, 'inbox')
  await screenshot(page, 'notices-inbox-zh')

  await accepted.getByTestId('notice-open').click()
  await accepted.getByTestId('notice-body').waitFor()
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="notice-bell"]').getAttribute('data-unread')) === n - 1,
    unread,
  )
  assert.equal(await accepted.getAttribute('data-read'), 'true')
  assert.match(await accepted.getByTestId('notice-case').getAttribute('href'), new RegExp(`/my/cases/${caseId}`))

  // The license it yielded is linked from its notice, if one was sent.
  const issued = page.locator('[data-testid="notice"][data-event="license.issued"]').first()
  if (await issued.count()) {
    await issued.getByTestId('notice-open').click()
    await issued.getByTestId('notice-license').waitFor()
  }

  // The same notices in English after switching the language.
  await page.locator('header').getByRole('button', { name: 'English' }).click()
  await page.getByRole('heading', { name: 'Inbox' }).waitFor()
  assert.match(await accepted.getByTestId('notice-subject').innerText(), new RegExp(`${caseId}.*accepted`, 'i'))
  await screenshot(page, 'notices-inbox-en')

  await page.getByTestId('notices-read-all').click()
  await page.locator('[data-testid="notice-bell"][data-unread="0"]').waitFor()
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="notice"][data-read="false"]').length === 0)
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()

  const phone = await newPage(browser, server.baseURL, { viewport: { width: 375, height: 812 } })
  await login(phone, 'citizen')
  await phone.goto('/inbox')
  await phone.locator('[data-testid="notice"]').first().waitFor()
  await phone.getByTestId('notice-bell').waitFor()
  await settle(phone)
  await assertNoSideScroll(phone, 'inbox at 375 px')
  await screenshot(phone, 'notices-inbox-375')
  await phone.context().close()
})

test('contact settings: bad values refused at their field in zh and en; good ones kept', async () => {
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, 'reviewer')
  await page.goto('/account')
  await page.getByTestId('contact-settings').locator('form').waitFor()
  await page.locator('#contact-email').fill('not-an-email')
  await page.getByTestId('contact-save').click()
  await fieldError(page, 'contact-email').waitFor()
  assert.match(await fieldError(page, 'contact-email').innerText(), /[\u4e00-\u9fff]/)
  await page.locator('#contact-email').fill('reviewer@example.cn')
  await page.locator('#contact-mobile').fill('12345')
  await page.getByTestId('contact-save').click()
  await fieldError(page, 'contact-mobile').waitFor()
  await assertAccessibleSettled(page, 'account with contact settings')
  await screenshot(page, 'notices-contact-error-zh')

  await page.locator('header').getByRole('button', { name: 'English' }).click()
  await page.getByTestId('contact-save').click()
  await page.waitForFunction(() => /[a-z]/i.test(
    [...document.querySelectorAll('.el-form-item')].find((f) => f.querySelector('#contact-mobile'))?.querySelector('.el-form-item__error')?.textContent ?? '',
  ))
  assert.doesNotMatch(await fieldError(page, 'contact-mobile').innerText(), /[\u4e00-\u9fff]/)
  await screenshot(page, 'notices-contact-error-en')

  await page.locator('#contact-mobile').fill('13912345678')
  await page.locator('[data-testid="contact-channels"] label[data-channel="sms"]').click()
  await page.getByTestId('contact-save').click()
  await page.locator('.el-message--success').waitFor()
  await page.reload()
  await page.getByTestId('contact-settings').locator('form').waitFor()
  assert.equal(await page.locator('#contact-email').inputValue(), 'reviewer@example.cn')
  assert.equal(await page.locator('#contact-mobile').inputValue(), '13912345678')
  assert.ok(await page.locator('[data-testid="contact-channels"] label[data-channel="sms"]').evaluate((l) => l.classList.contains('is-checked')))
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})

test('the admin reads the outbox: counts by status, the messages of the case, a filter', async () => {
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, 'admin')
  await page.locator('aside a[data-nav="/admin/outbox"]').click()
  const row = page.locator(`[data-testid="outbox-table"] tr[data-event="case.accepted"]`).first()
  await row.waitFor()
  const total = await page.getByTestId('outbox-counts').evaluate((ul) =>
    [...ul.querySelectorAll('[data-testid^="outbox-count-"]')].reduce((s, e) => s + Number(e.textContent), 0),
  )
  assert.ok(total >= (await page.locator('[data-testid="outbox-table"] tr[data-message]').count()))
  await assertAccessibleSettled(page, 'outbox')
  await screenshot(page, 'notices-outbox-zh')

  const status = await row.getAttribute('data-status')
  await choose(page, 'outbox-status', { queued: '待发送', sent: '已发送', delivered: '已送达', failed: '发送失败' }[status])
  await page.waitForFunction(
    (s) => {
      const rows = [...document.querySelectorAll('[data-testid="outbox-table"] tr[data-message]')]
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-status') === s)
    },
    status,
  )
  const failed = page.locator('[data-testid="outbox-table"] tr[data-status="failed"]').first()
  if (await failed.count()) {
    const id = await failed.getAttribute('data-message')
    await failed.getByTestId('outbox-retry').click()
    await page.locator(`[data-testid="outbox-table"] tr[data-message="${id}"][data-status="queued"]`).waitFor()
  }
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()

  const en = await newPage(browser, server.baseURL, { locale: 'en' })
  await login(en, 'admin')
  await en.goto('/admin/outbox')
  await en.locator('[data-testid="outbox-table"] tr[data-message]').first().waitFor()
  await settle(en)
  await screenshot(en, 'notices-outbox-en')
  await en.context().close()
})

test('the admin edits a notice template: placeholders listed, an unknown one refused at its field', async (t) => {
  // Until the server side of the templates lands, say so in the report rather than fail on a 404.
  const probe = await fetch(`${server.baseURL}/api/v1/notice-templates`)
  if (probe.status === 404) return t.skip('the server has no /api/v1/notice-templates yet')
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await login(page, 'admin')
  await page.locator('aside a[data-nav="/admin/notice-templates"]').click()
  await page.getByTestId('tpl-description').waitFor()
  await choose(page, 'tpl-event', 'case.accepted')
  await page.getByTestId('tpl-placeholder').filter({ hasText: '{case_id}' }).waitFor()
  const subject = page.locator('#tpl-zh-subject')
  const original = await subject.inputValue()
  await subject.fill('您的办件 {case_no} 已受理')
  await page.getByTestId('tpl-save').click()
  await fieldError(page, 'tpl-zh-subject').waitFor()
  await assertAccessibleSettled(page, 'notice templates')
  await screenshot(page, 'notices-templates-error-zh')

  await subject.fill(original + '（请留意短信）')
  await page.getByTestId('tpl-save').click()
  await page.locator('.el-message--success').waitFor()
  await page.reload()
  await choose(page, 'tpl-event', 'case.accepted')
  assert.equal(await page.locator('#tpl-zh-subject').inputValue(), original + '（请留意短信）')
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()

  const en = await newPage(browser, server.baseURL, { locale: 'en' })
  await login(en, 'admin')
  await en.goto('/admin/notice-templates')
  await en.getByTestId('tpl-description').waitFor()
  await screenshot(en, 'notices-templates-en')
  await en.context().close()
})
