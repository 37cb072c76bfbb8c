// The public service guide (办事指南): an anonymous visitor searches by typing and filters, opens an
// item and sees what to bring (materials, vault), limits in working days, visits, fees, where to
// go and the workflow stages; the apply button leads through login; bundles; phone width; zh/en.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assertAccessible, choose, fillLogin, navRoutes, newPage, screenshot } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

useSuite()

const resultCodes = (page) =>
  page.getByTestId('guide-results').locator('[data-testid="guide-item"]').evaluateAll((els) => els.map((e) => e.dataset.code))

async function waitForCodes(page, check, what) {
  for (let i = 0; i < 50; i++) {
    const codes = await resultCodes(page)
    if (check(codes)) return codes
    await page.waitForTimeout(100)
  }
  assert.fail(`${what}: results were ${JSON.stringify(await resultCodes(page))}`)
}

test('an anonymous visitor searches, filters and reads HOUSING-010 (zh)', async () => {
  const page = await newPage(browser, server.baseURL, { bypassCSP: true })
  await page.goto('/guide')
  await page.getByRole('heading', { level: 1, name: '办事指南' }).waitFor()
  const all = await waitForCodes(page, (c) => c.length > 50, 'whole catalog listed')
  assert.ok(all.includes('CIVIL-003') && all.includes('HOUSING-010'))
  await page.getByTestId('guide-bundles').locator('[data-code="BUNDLE-STARTUP"]').waitFor()
  await page.getByTestId('guide-login').waitFor() // a visitor can log in from here
  // Not signed in: the header offers to sign in (no logout), and the menu has only the public pages.
  await page.getByTestId('header-login').waitFor()
  assert.equal(await page.getByTestId('logout').count(), 0)
  assert.deepEqual(await navRoutes(page), ['/guide', '/verify'])

  // typing searches without pressing Enter
  await page.locator('#guide-q').pressSequentially('高龄', { delay: 60 })
  const found = await waitForCodes(page, (c) => c.length > 0 && c.length < 10, 'search by typing')
  assert.ok(found.includes('CIVIL-003'), 'the old-age allowance is found')
  assert.match(page.url(), /q=/)
  const card = page.locator('[data-testid="guide-item"][data-code="CIVIL-003"]')
  assert.match(await card.innerText(), /10 个工作日/)
  await page.getByTestId('guide-clear').click()
  await waitForCodes(page, (c) => c.length === all.length, 'cleared')

  // filter by department, then by channel
  await choose(page, 'guide-dept', '住房和城乡建设局')
  const housing = await waitForCodes(page, (c) => c.length > 0 && c.every((x) => x.startsWith('HOUSING-')), 'department filter')
  assert.ok(housing.includes('HOUSING-010'))
  await choose(page, 'guide-channel', '银行网点')
  await waitForCodes(page, (c) => !c.includes('HOUSING-010'), 'channel filter drops a window/online item')
  await page.getByTestId('guide-clear').click()
  // by level: a village-level search keeps the old-age allowance and drops the construction approval
  await choose(page, 'guide-level', '村（社区）')
  await waitForCodes(page, (c) => c.includes('CIVIL-003') && !c.includes('HOUSING-010'), 'level filter')
  await page.getByTestId('guide-clear').click()
  // a life-event chip
  await page.getByTestId('guide-events').locator('[data-life-event="construction"]').click()
  await waitForCodes(page, (c) => c.includes('HOUSING-010') && !c.includes('CIVIL-003'), 'life event filter')
  await assertAccessible(page, 'guide list (zh)')
  await screenshot(page, 'guide-list-zh')

  // open the item
  await page.locator('[data-testid="guide-item"][data-code="HOUSING-010"] a').click()
  await page.waitForURL(/\/guide\/HOUSING-010$/)
  await page.getByTestId('guide-item-title').waitFor()
  assert.match(await page.getByTestId('guide-item-title').innerText(), /社会投资工程建设项目审批/)
  assert.equal((await page.getByTestId('guide-promised').innerText()).trim(), '40 个工作日')
  assert.equal((await page.getByTestId('guide-statutory').innerText()).trim(), '55 个工作日')
  assert.equal((await page.getByTestId('guide-visits').innerText()).trim(), '一次不用跑')
  assert.equal((await page.getByTestId('guide-fee').innerText()).trim(), '不收费')
  const stages = page.getByTestId('guide-stage')
  assert.equal(await stages.count(), 4, 'four stages')
  const limits = await page.getByTestId('guide-stage-limit').allInnerTexts()
  assert.deepEqual(limits.map((s) => s.replace(/\s+/g, '')), ['时限10个工作日', '时限15个工作日', '时限5个工作日', '时限10个工作日'])
  const stage2 = await stages.nth(1).getByTestId('guide-stage-depts').innerText()
  for (const d of ['自然资源局', '生态环境局', '水务局', '交通运输局']) assert.ok(stage2.includes(d), `stage 2 lists ${d}: ${stage2}`)
  // materials: legal basis and the vault
  const licence = page.locator('[data-testid="guide-material"][data-code="business_license"]')
  assert.match(await licence.innerText(), /可从材料库调取：营业执照/)
  assert.match(await licence.innerText(), /《/, 'legal basis shown')
  assert.match(await page.locator('[data-testid="guide-material"][data-code="application"]').innerText(), /需本人提交/)
  assert.ok((await page.getByTestId('guide-point').count()) > 0, 'service points listed')
  await assertAccessible(page, 'item guide (zh)')
  await screenshot(page, 'guide-item-zh')

  // apply online: not logged in → the login page, then on to /apply/HOUSING-010 as the enterprise
  const apply = page.getByTestId('guide-apply')
  assert.match(await apply.innerText(), /登录后在线申办/)
  await apply.click()
  await page.waitForURL(/\/login\?redirect=%2Fapply%2FHOUSING-010|\/login\?redirect=\/apply\/HOUSING-010/)
  await fillLogin(page, 'enterprise')
  await page.waitForURL(/\/apply\/HOUSING-010$/)
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})

test('CIVIL-003 in English on a phone (375 px): vault materials, working days, apply', async () => {
  const page = await newPage(browser, server.baseURL, { viewport: { width: 375, height: 812 }, locale: 'en', bypassCSP: true })
  await page.goto('/guide')
  await page.getByRole('heading', { level: 1, name: 'Service guide' }).waitFor()
  await page.locator('#guide-q').pressSequentially('CIVIL-003', { delay: 30 })
  await waitForCodes(page, (c) => c.length === 1 && c[0] === 'CIVIL-003', 'search by code')
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 376, `the list fits 375 px (scrollWidth ${width})`)
  await screenshot(page, 'guide-list-en-375')

  await page.locator('[data-testid="guide-item"][data-code="CIVIL-003"] a').click()
  await page.getByTestId('guide-item-title').waitFor()
  assert.match(await page.getByTestId('guide-item-title').innerText(), /Old-age allowance/)
  assert.equal((await page.getByTestId('guide-promised').innerText()).trim(), '10 working days')
  assert.equal((await page.getByTestId('guide-visits').innerText()).trim(), 'Visits at most: 1')
  const vault = await page.getByTestId('guide-material-vault').allInnerTexts()
  assert.equal(vault.length, 3)
  assert.ok(vault.every((v) => /From your vault/.test(v)), `all three from the vault: ${vault}`)
  assert.equal(await page.getByTestId('guide-stage').count(), 1)
  assert.match(await page.getByTestId('guide-stage-depts').innerText(), /Civil Affairs/)
  const w2 = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(w2 <= 376, `the item page fits 375 px (scrollWidth ${w2})`)
  const box = await page.getByTestId('guide-apply').boundingBox()
  assert.ok(box && box.height >= 24 && box.width >= 200, 'a large apply button')
  await assertAccessible(page, 'item guide (en, phone)')
  await screenshot(page, 'guide-item-en-375')
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})

test('a logged-in citizen applies from the guide; bank branches, fees and a bundle', async () => {
  const page = await newPage(browser, server.baseURL, { locale: 'en' })
  await page.goto('/login')
  await fillLogin(page, 'citizen')
  await page.getByTestId('welcome').waitFor()

  // HPF-002: a bank channel item lists bank branches among its service points
  await page.goto('/guide/HPF-002')
  await page.getByTestId('guide-item-title').waitFor()
  assert.match(await page.getByTestId('guide-channels').innerText(), /Bank/)
  assert.ok((await page.locator('[data-testid="guide-point"][data-kind="bank_branch"]').count()) > 0, 'bank branches listed')
  await page.getByTestId('guide-apply').click()
  await page.waitForURL(/\/apply\/HPF-002$/)

  // fees shown as the server sends them, with ¥
  await page.goto('/guide/PSB-003')
  await page.getByTestId('guide-item-title').waitFor()
  assert.equal((await page.getByTestId('guide-fee').innerText()).trim(), '¥10.00')
  assert.match(await page.getByTestId('guide-fees').innerText(), /¥10\.00/)

  // an enterprise item tells the citizen to use an enterprise account instead
  await page.goto('/guide/HOUSING-010')
  await page.getByTestId('guide-apply-subject').waitFor()
  assert.equal(await page.getByTestId('guide-apply').count(), 0)

  // a bundle, reached from the list
  await page.goto('/guide')
  await page.locator('[data-testid="guide-bundle"][data-code="BUNDLE-STARTUP"] h3 a').click()
  await page.getByTestId('guide-bundle-page').waitFor()
  await page.getByTestId('guide-bundle-items').locator('tbody tr').nth(4).waitFor() // loaded: five items at least
  await page.getByTestId('guide-bundle-materials').locator('tbody tr').first().waitFor()
  await screenshot(page, 'guide-bundle-en')
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})
