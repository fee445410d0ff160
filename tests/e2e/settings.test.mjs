// Journeys through a partnership's own settings on a frozen date: Knowsley's business manager
// lowers the thematic-audit limit after fixing an error, and the audit calendar holds the
// partnership to it, while Sefton on the same server keeps its own limit; the settings pages
// fit a 375-pixel phone. axe-core checks every page visited.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, checkA11y, visit, signIn, freshPage } from './support.mjs'

let server, browser

before(async () => {
  server = await startServer({ today: '2026-11-23' })
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

const auditLimitRow = page => page.locator('.govuk-summary-list__row')
  .filter({ hasText: 'Most multi-agency thematic audits planned in a year' })
  .locator('.govuk-summary-list__value')

test('the business manager changes the thematic-audit limit and the calendar holds Knowsley to it, not Sefton', async () => {
  let { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' }).click()
  await checkA11y(page, 'settings')
  assert.equal((await auditLimitRow(page).textContent()).trim(), '4', "Knowsley's demo plans four a year")
  assert.match(await page.locator('main').textContent(), /Annual programme of multi-agency audits agreed/)

  await page.getByRole('link', { name: 'Change Learning and improvement' }).click()
  await checkA11y(page, 'learning settings')
  const limit = page.getByLabel('Most multi-agency thematic audits planned in a year')
  await limit.fill('none')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await checkA11y(page, 'learning settings with an error')
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /must be a whole number from 1 to 52/)
  await summary.getByRole('link').first().click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'max_thematic_audits_per_year')
  await limit.fill('1')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await page.getByText('Settings saved.').waitFor()
  await checkA11y(page, 'settings saved')
  assert.equal((await auditLimitRow(page).textContent()).trim(), '1')

  await visit(page, server.baseUrl + '/learning/calendar?year=2026', 'audit calendar')
  assert.match(await page.locator('main').textContent(), /the partnership's rule is at most 1\./)
  await context.close();

  ({ context, page } = await freshPage(browser))
  const sefton = { email: 'joanne.pritchard@sefton-council.example', password: server.accounts.business_unit.password }
  await signIn(page, server.baseUrl, sefton)
  await visit(page, server.baseUrl + '/settings', 'Sefton settings')
  assert.equal((await auditLimitRow(page).textContent()).trim(), '3', "Sefton's own limit is untouched")
  assert.match(await page.locator('.govuk-service-navigation__service-name').textContent(), /Sefton Safeguarding Children Partnership/)
  await context.close()
})

test('the settings pages fit a 375-pixel phone', async () => {
  const { context, page } = await freshPage(browser, { viewport: { width: 375, height: 812 } })
  await signIn(page, server.baseUrl, server.accounts.administrator)
  for (const [path, label] of [['/settings', 'settings'], ['/settings/governance', 'governance settings'], ['/partnerships/new', 'add a partnership']]) {
    await visit(page, server.baseUrl + path, label + ' on a phone')
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(width <= 375, `${path} is ${width} pixels wide`)
  }
  await context.close()
})
