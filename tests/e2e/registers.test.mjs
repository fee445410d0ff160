// The LADO register in the browser: Knowsley's business manager reads seed 001's figures for
// 2016/17, records a referral whose outcome is dated before it (the error summary names the
// field and nothing is saved), corrects it and sees it listed with its dates in words. A member
// of a group is not shown the register. axe-core checks every page visited.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, checkA11y, visit, signIn, freshPage, fillDate } from './support.mjs'

let server, browser

before(async () => {
  server = await startServer({ today: '2026-11-23' })
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

test('the business manager reads the LADO figures and records a referral after correcting its outcome date', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Registers' }).click()
  await checkA11y(page, 'registers')
  await page.getByRole('link', { name: 'LADO allegations' }).click()
  await checkA11y(page, 'LADO register')
  await page.getByRole('link', { name: 'Yearly figures' }).click()
  await page.getByLabel('Financial year').selectOption('2016-17')
  await page.getByRole('button', { name: 'Show the year' }).click()
  await checkA11y(page, 'LADO figures 2016-17')
  const byYear = page.locator('table').filter({ hasText: 'Allegations by year' })
  const row = name => byYear.locator('tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
  assert.deepEqual((await row('Referrals').locator('td').allTextContents()).map(s => s.trim()), ['71', '89', '63'])
  assert.match(await row('No further action after initial consideration').locator('td').last().textContent(), /44 \(70% of referrals\)/)

  await visit(page, server.baseUrl + '/registers/lado/new', 'record a referral')
  await page.getByLabel("Adult's reference").fill('LADO-2026-27-001')
  await fillDate(page, 'Date of referral', '2026-11-02')
  await page.getByLabel('Who made the referral').selectOption('employer')
  await page.getByLabel('Sector the adult works in').selectOption('education')
  await page.getByLabel("The adult's role").fill('Teacher')
  await page.getByLabel('Harmed, or may have harmed, a child').check()
  await fillDate(page, 'Date of the initial consideration', '2026-11-03')
  await page.getByLabel('Strategy meeting or discussion').check()
  await page.getByLabel('Unsubstantiated').check()
  await fillDate(page, 'Date of the outcome', '2026-10-30')
  await page.getByRole('button', { name: 'Save' }).click()
  await checkA11y(page, 'referral with an error')
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /The outcome date must be the same as or after the referral date/)
  await summary.getByRole('link').first().click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'outcome_on')

  await fillDate(page, 'Date of the outcome', '2026-11-20')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByText('Saved').first().waitFor()
  await checkA11y(page, 'referral saved')
  const main = await page.locator('main').textContent()
  assert.match(main, /2 November 2026/)
  assert.match(main, /Unsubstantiated, 20 November 2026/)
  assert.match(main, /Within one month/)
  await context.close()
})

test('a group member is not shown the LADO register', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.member)
  assert.equal(await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Registers' }).count(), 0)
  const response = await page.goto(server.baseUrl + '/registers/lado')
  assert.equal(response.status(), 403)
  await checkA11y(page, 'forbidden')
  await context.close()
})
