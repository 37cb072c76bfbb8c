// On a phone (375 × 812) the side navigation folds into a drawer behind the menu button.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fillLogin, newPage } from './helpers/browser.mjs'
import { browser, server, useSuite } from './helpers/suite.mjs'

useSuite()

test('at 375 px the nav is reached through the menu button', async () => {
  const page = await newPage(browser, server.baseURL, { viewport: { width: 375, height: 812 } })
  await page.goto('/login')
  const loginWide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(loginWide <= 0, `login page scrolls sideways by ${loginWide}px on a phone`)
  await fillLogin(page, 'admin')
  await page.getByTestId('welcome').waitFor()

  // nothing is wider than the phone
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`)

  assert.equal(await page.locator('aside').isVisible(), false, 'side nav hidden on a phone')
  const menu = page.getByTestId('menu-button')
  assert.ok(await menu.isVisible())
  const box = await menu.boundingBox()
  assert.ok(box.width >= 44 && box.height >= 44, `menu button ${box.width}x${box.height}`)
  assert.equal(await menu.getAttribute('aria-expanded'), 'false')

  await menu.click()
  const drawer = page.getByRole('dialog', { name: '菜单' })
  await drawer.waitFor()
  const links = drawer.locator('a[data-nav]')
  assert.deepEqual(
    await links.evaluateAll((as) => as.map((a) => a.getAttribute('data-nav'))),
    [
      '/', '/guide', '/verify', '/inbox', '/licenses', '/calendar', '/account', '/admin/org', '/admin/users',
      '/admin/calendar', '/admin/catalog', '/admin/notice-templates', '/admin/outbox', '/admin/licenses/keys',
    ],
  )
  // the user and the language switch are in the drawer too
  await drawer.getByText('系统管理员').first().waitFor()
  await drawer.getByRole('button', { name: 'English' }).waitFor()

  await drawer.getByRole('link', { name: '工作日日历' }).click()
  await page.getByTestId('calendar-month').waitFor()
  assert.equal(new URL(page.url()).pathname, '/calendar')
  await drawer.waitFor({ state: 'hidden' })

  for (const path of ['/calendar', '/account', '/admin/org', '/admin/users', '/admin/calendar']) {
    if (path !== '/calendar') {
      await page.goto(path)
      await page.locator('main h1').waitFor()
      await page.waitForLoadState('networkidle')
    }
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 0, `${path} scrolls sideways by ${wide}px on a phone`)
  }

  // keyboard: the menu button opens the drawer from the keyboard too
  await page.goto('/calendar')
  await menu.focus()
  await page.keyboard.press('Enter')
  await drawer.waitFor()
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })
  assert.deepEqual(page.jsErrors, [])
  await page.context().close()
})
