// Training in the browser: Knowsley's training officer (the business unit) reads 2016/17's
// figures (seed 001's 1,756 delegates, counted from the registers), opens this year's full
// Working Together session, books a practitioner whose email is mistyped (the error summary
// names the field and nothing is saved), corrects it and sees the booking join the waiting
// list in order. The public calendar is read without signing in. axe-core checks every page.
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

test('the training officer reads the year and books onto a full session, correcting the email first', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Training' }).click()
  await checkA11y(page, 'training sessions to come')
  await page.getByRole('link', { name: 'Yearly figures' }).click()
  await page.getByLabel('Financial year').fill('2016-17')
  await page.getByRole('button', { name: 'Show' }).click()
  await checkA11y(page, 'training figures 2016-17')
  const byCourse = page.locator('table').filter({ hasText: 'Delegates by course' })
  const total = byCourse.locator('tr').filter({ has: page.getByRole('rowheader', { name: 'All courses', exact: true }) })
  assert.equal((await total.locator('td').first().textContent()).trim(), '1,756')

  await visit(page, server.baseUrl + '/training/courses', 'courses')
  await visit(page, server.baseUrl + '/training', 'sessions again')
  // The first session to come is Working Together, full with a waiting list of four.
  const full = page.locator('tr').filter({ hasText: 'Full: 4 on the waiting list' }).first()
  await full.getByRole('link').click()
  await checkA11y(page, 'a full session')
  await page.getByLabel('Name of the person attending').fill('Siobhan Kelly')
  await page.getByLabel('Their work email address').fill('siobhan.kelly-at-knowsley.example')
  await page.getByRole('button', { name: 'Book', exact: true }).click()
  await checkA11y(page, 'booking with an error')
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /Enter an email address like name@example.org/)
  await summary.getByRole('link').first().click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'email')
  assert.equal(await page.getByText('Siobhan Kelly').count(), 0, 'nothing saved')

  await page.getByLabel('Their work email address').fill('siobhan.kelly@knowsley.example')
  await page.getByRole('button', { name: 'Book', exact: true }).click()
  await page.getByText('The session is full: the booking is on the waiting list').waitFor()
  await checkA11y(page, 'booking on the waiting list')
  const row = page.locator('tr').filter({ hasText: 'siobhan.kelly@knowsley.example' })
  assert.match(await row.textContent(), /On the waiting list \(5\)/)
  await context.close()
})

test('the public calendar needs no sign-in and offers only sessions with places', async () => {
  const { context, page } = await freshPage(browser)
  await visit(page, server.baseUrl + '/p/knowsley/training', 'public calendar')
  const main = await page.locator('main').textContent()
  assert.match(main, /WTSC Refresher/)
  assert.doesNotMatch(main, /Full:/)
  const feed = await page.request.get(server.baseUrl + '/p/knowsley/training.ics')
  assert.equal(feed.headers()['content-type'], 'text/calendar; charset=utf-8')
  assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n/)
  await context.close()
})

test('a group member may read and book but not set up courses', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.member)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Training' }).click()
  await checkA11y(page, 'member sees sessions')
  const response = await page.goto(server.baseUrl + '/training/courses/new')
  assert.equal(response.status(), 403)
  await checkA11y(page, 'forbidden')
  await context.close()
})
