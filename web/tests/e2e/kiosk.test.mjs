// Kiosk mode: /kiosk turns the device into a self-service kiosk (large type, big targets, a
// welcome with three buttons), the same application pages after sign-in, automatic sign-out after
// two minutes without use (a countdown in the last 20 s, "continue" keeps the session) — driven
// by Playwright's fake clock, no sleeping — and /kiosk?exit=1 turns it off.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { assertAccessible, fillLogin, newPage, screenshot } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

useSuite()

const px = (page, selector, prop) =>
  page.locator(selector).first().evaluate((el, p) => parseFloat(getComputedStyle(el)[p]), prop)
const settle = (page) =>
  page.waitForFunction(
    () => !document.querySelector('.el-loading-mask') && document.getAnimations().every((a) => a.playState !== 'running'),
  )

test('kiosk: large welcome, an application step after sign-in, sign-out after inactivity with a countdown', async () => {
  const page = await newPage(browser, server.baseURL, { viewport: { width: 1080, height: 1920 }, bypassCSP: true })
  await page.clock.install()
  await page.goto('/kiosk')
  await page.getByTestId('kiosk-welcome').waitFor()
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('ow-kiosk')), true)
  assert.ok(await px(page, 'body', 'fontSize') >= 20, 'base type at least 20 px')
  for (const id of ['kiosk-guide', 'kiosk-apply', 'kiosk-my-cases']) {
    const box = await page.getByTestId(id).boundingBox()
    assert.ok(box.height >= 48 && box.width >= 48, `${id} is a large target`)
  }
  assert.match(await page.getByTestId('kiosk-apply').innerText(), /我要申请/)
  assert.match(await page.getByTestId('kiosk-guide').innerText(), /办事指南/)
  assert.match(await page.getByTestId('kiosk-my-cases').innerText(), /我的办件/)
  await settle(page)
  await assertAccessible(page, 'kiosk welcome')
  await screenshot(page, 'kiosk-welcome-zh')

  // 我要申请 → the services this kiosk takes → sign in → the application's first steps.
  await page.getByTestId('kiosk-apply').click()
  await page.getByTestId('kiosk-item-HRSS-002').click()
  await page.getByTestId('login-username').waitFor()
  await fillLogin(page, 'citizen')
  await page.getByTestId('apply-start').waitFor()
  assert.match(await page.getByTestId('apply-who').innerText(), /自助终端/)
  assert.ok(await px(page, '[data-testid="apply-next"]', 'height') >= 48, 'buttons at least 48 px high')
  assert.ok(await px(page, '[data-testid="apply-start"]', 'fontSize') >= 20)
  await page.getByTestId('kiosk-bar').waitFor()
  await page.getByTestId('apply-next').click()
  await page.getByLabel('申请人姓名').fill('陈小明')
  await page.getByTestId('apply-save').click()
  await page.getByTestId('draft-saved').waitFor()
  await settle(page)
  await assertAccessible(page, 'kiosk application step')
  await screenshot(page, 'kiosk-apply-zh')

  // 101 s without a touch: the warning counts down; "continue" keeps everything.
  await page.clock.fastForward(101_000)
  const warning = page.getByTestId('kiosk-idle-warning')
  await warning.waitFor()
  const left = Number(await page.getByTestId('kiosk-idle-count').innerText())
  assert.ok(left > 0 && left <= 20, `countdown shows the seconds left (${left})`)
  assert.match(await warning.innerText(), /秒后自动退出/)
  // The "continue" button takes the focus, so a keyboard user is one key away from staying.
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'kiosk-idle-continue')
  // Pressed from the keyboard: a pointer click right after the fake clock jumps can reach the
  // browser before its hit-test data shows the new overlay (then it lands on <html>).
  await page.keyboard.press('Enter')
  await warning.waitFor({ state: 'hidden' })
  assert.equal(await page.getByLabel('申请人姓名').inputValue(), '陈小明')
  await page.clock.fastForward(60_000)
  assert.equal(await warning.isVisible(), false, 'no warning a minute after the last touch')

  // Then nothing for the full two minutes: signed out, drafts gone, back at the welcome.
  await page.clock.fastForward(45_000)
  await warning.waitFor()
  await screenshot(page, 'kiosk-idle-warning-zh')
  await page.clock.fastForward(21_000)
  await page.getByTestId('kiosk-welcome').waitFor()
  assert.equal(new URL(page.url()).pathname, '/kiosk')
  assert.equal(await page.getByTestId('kiosk-user').count(), 0, 'nobody signed in')
  assert.equal((await page.request.get('/api/v1/me')).status(), 401, 'the session is over on the server')
  assert.equal(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('onewindow.draft.')).length),
    0,
    'drafts removed from the shared device',
  )
  assert.deepEqual(page.jsErrors, [])
})

test('kiosk: English, the bar sign-out button, and /kiosk?exit=1 turns kiosk mode off', async () => {
  const page = await newPage(browser, server.baseURL, { locale: 'en', viewport: { width: 1920, height: 1080 } })
  await page.goto('/kiosk')
  await page.getByTestId('kiosk-welcome').waitFor()
  assert.match(await page.getByTestId('kiosk-apply').innerText(), /Apply/)
  await screenshot(page, 'kiosk-welcome-en')

  await page.getByTestId('kiosk-my-cases').click()
  await fillLogin(page, 'citizen')
  await page.getByTestId('my-cases-table').waitFor()
  assert.equal(await page.locator('aside').isVisible(), false, 'the kiosk bar replaces the side navigation')
  await screenshot(page, 'kiosk-my-cases-en')
  await page.getByTestId('kiosk-signout').click()
  await page.getByTestId('kiosk-welcome').waitFor()
  assert.equal((await page.request.get('/api/v1/me')).status(), 401)

  // The header's own sign-out also ends at the kiosk welcome, not the bare login page.
  await page.getByTestId('kiosk-my-cases').click()
  await fillLogin(page, 'citizen')
  await page.getByTestId('my-cases-table').waitFor()
  await page.getByTestId('logout').click()
  await page.getByTestId('kiosk-welcome').waitFor()
  assert.equal(new URL(page.url()).pathname, '/kiosk')

  // A reload keeps kiosk mode; the exit address ends it.
  await page.reload()
  await page.getByTestId('kiosk-welcome').waitFor()
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('ow-kiosk')), true)
  await page.goto('/kiosk?exit=1')
  await page.getByTestId('kiosk-exited').waitFor()
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('ow-kiosk')), false)
  assert.equal(await page.evaluate(() => localStorage.getItem('onewindow.kiosk')), null)
  await page.goto('/login')
  await page.getByTestId('login-username').waitFor()
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('ow-kiosk')), false)
  assert.deepEqual(page.jsErrors, [])
})
