// The working-day calendar: holidays and make-up days of a published year, the calculators with
// dates in each language's format, and an administrator's override showing up — on a page opened
// afterwards and, live over the WebSocket, on a page that was already open.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { login, newPage } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

useSuite()

/** Types a date into an Element Plus date picker the way a person would, and confirms with Enter. */
async function typeDate(page, id, text) {
  const input = page.locator(`input#${id}`)
  await input.click()
  await input.fill(text)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}

async function showMonth(page, text) {
  const picker = page.locator('#month-picker')
  await picker.click()
  await picker.fill(text)
  await picker.press('Enter')
  await page.keyboard.press('Escape')
}

test('October 2020: National Day holidays and the make-up Saturday', async () => {
  const page = await newPage(browser, server.baseURL)
  await login(page, 'citizen')
  await page.locator('aside').getByRole('link', { name: '工作日日历' }).click()
  await page.getByTestId('calendar-month').waitFor()
  await showMonth(page, '2020年10月')
  await page.getByTestId('month-title').getByText('2020年10月').waitFor()

  const oct1 = page.locator('td[data-date="2020-10-01"]')
  await oct1.waitFor()
  assert.equal(await oct1.getAttribute('data-kind'), 'holiday')
  assert.equal(await oct1.getAttribute('data-working'), 'false')
  assert.match(await oct1.innerText(), /休/)
  assert.match(await oct1.innerText(), /国庆/)
  const oct10 = page.locator('td[data-date="2020-10-10"]')
  assert.equal(await oct10.getAttribute('data-kind'), 'makeup_workday')
  assert.match(await oct10.innerText(), /班/)
  assert.equal(await page.locator('td[data-date="2020-10-12"]').getAttribute('data-kind'), 'workday')
  assert.equal(await page.locator('td[data-date="2020-10-17"]').getAttribute('data-kind'), 'weekend')
  assert.match(await page.getByTestId('month-summary').innerText(), /工作日/)
  assert.equal(await page.getByTestId('provisional-notice').count(), 0)

  // calculators, in Chinese date format
  await typeDate(page, 'add-from', '2020年9月30日')
  await page.getByTestId('add-days').locator('input').fill('1')
  await page.getByTestId('add-submit').click()
  await page.getByTestId('add-result').getByText('2020年10月9日').first().waitFor()

  await typeDate(page, 'count-from', '2020年9月30日')
  await typeDate(page, 'count-to', '2020年10月10日')
  await page.getByTestId('count-submit').click()
  await page.getByTestId('count-result').getByText('2 个工作日').waitFor()

  // and in English
  await page.locator('header').getByRole('button', { name: 'English' }).click()
  await page.getByTestId('month-title').getByText('October 2020').waitFor()
  await page.getByTestId('add-submit').click()
  await page.getByTestId('add-result').getByText('9 Oct 2020').first().waitFor()
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})

function shanghaiToday() {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
  return new Date(p + 'T00:00:00Z')
}
const iso = (d) => d.toISOString().slice(0, 10)

test('an override set by the administrator shows on the calendar, live and after reload', async () => {
  const admin = await newPage(browser, server.baseURL)
  await login(admin, 'admin')

  // a working day in the coming weeks, in the month after this one so the page must navigate
  const today = shanghaiToday()
  let target = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 10))
  for (;;) {
    const day = await (await admin.request.get(`/api/v1/calendar/days/${iso(target)}`)).json()
    if (day.working && !day.override) break
    target = new Date(target.getTime() + 86400000)
  }
  const date = iso(target)
  const [y, m, d] = date.split('-').map(Number)

  // a second window already showing that month, which must update by itself
  const viewer = await admin.context().newPage()
  viewer.jsErrors = []
  viewer.on('pageerror', (e) => viewer.jsErrors.push(String(e)))
  await viewer.goto('/calendar')
  await viewer.getByTestId('next-month').click()
  await viewer.getByTestId('month-title').getByText(`${y}年${m}月`).waitFor()
  const cell = viewer.locator(`td[data-date="${date}"]`)
  await cell.waitFor()
  assert.equal(await cell.getAttribute('data-working'), 'true')
  await viewer.waitForTimeout(300) // let the live socket settle

  await admin.goto('/admin/calendar')
  await typeDate(admin, 'ov-date', `${y}年${m}月${d}日`)
  await admin.getByTestId('ov-working-false').click()
  await admin.getByTestId('ov-name').fill('台风停工')
  await admin.getByTestId('ov-submit').click()
  const row = admin.locator(`[data-testid="overrides-table"] tr[data-date="${date}"]`)
  await row.waitFor()
  assert.match(await row.innerText(), /台风停工/)
  assert.match(await row.innerText(), new RegExp(`${y}年${m}月${d}日`))

  // live: no reload of the viewer
  await assert.doesNotReject(
    viewer.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute('data-working') === 'false',
      `td[data-date="${date}"]`,
      { timeout: 8000 },
    ),
    'the open calendar page did not update after calendar.changed',
  )
  assert.match(await cell.innerText(), /台风停工/)
  assert.match(await cell.innerText(), /调整/)

  // a page opened afterwards shows it too
  const later = await newPage(browser, server.baseURL)
  await login(later, 'window_clerk')
  await later.goto('/calendar')
  await later.getByTestId('next-month').click()
  const cell2 = later.locator(`td[data-date="${date}"]`)
  await cell2.waitFor()
  assert.equal(await cell2.getAttribute('data-working'), 'false')
  assert.match(await cell2.innerText(), /台风停工/)

  // removing it restores the working day
  admin.once('dialog', (dlg) => dlg.accept())
  await row.getByTestId('ov-remove').click()
  await admin.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
  await row.waitFor({ state: 'detached' })
  await later.reload()
  await later.getByTestId('next-month').click()
  await later.locator(`td[data-date="${date}"][data-working="true"]`).waitFor()

  assert.deepEqual(admin.jsErrors, [])
  assert.deepEqual(viewer.jsErrors, [])
  await admin.context().close()
  await later.context().close()
})

test('admin loads a newly published year and it is no longer provisional', async () => {
  const page = await newPage(browser, server.baseURL)
  await login(page, 'admin')
  const years = await (await page.request.get('/api/v1/calendar/years')).json()
  const year = years.last_year + 1
  const before = await (await page.request.get(`/api/v1/calendar/days/${year}-01-01`)).json()
  assert.equal(before.provisional, true, `${year} should start provisional`)

  await page.goto('/admin/calendar')
  const notice = {
    year,
    papers: [],
    days: [
      { name: '元旦', date: `${year}-01-01`, isOffDay: true },
      { name: '元旦', date: `${year}-01-02`, isOffDay: true },
    ],
  }
  await page.getByTestId('notice-text').fill('{ not json')
  await page.getByTestId('notice-submit').click()
  await page.getByText(/不是有效的 JSON/).first().waitFor()

  await page.getByTestId('notice-text').fill(JSON.stringify(notice, null, 2))
  await page.getByTestId('notice-preview').getByText(`${year} 年：2 天放假`).waitFor()
  await page.getByTestId('notice-submit').click()
  const yearRow = page.locator(`[data-testid="years-table"] tr[data-year="${year}"]`)
  await yearRow.waitFor()
  assert.match(await yearRow.innerText(), /管理员导入/)

  const afterDay = await (await page.request.get(`/api/v1/calendar/days/${year}-01-01`)).json()
  assert.equal(afterDay.provisional, false)
  assert.equal(afterDay.working, false)
  await page.context().close()
})
