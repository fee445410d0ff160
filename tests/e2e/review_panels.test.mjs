// Review panels and the commissioned reviewer, on a frozen date: Monday 23 November 2026. The
// business unit finds Child X's panel drawn from the Safeguarding Review and Learning Group, each
// member with the interests they declared, and sends Dr Ruth Anderton, the independent reviewer,
// her link again. The message reaches a mail server on loopback; she opens it on her phone, is
// refused a password typed differently twice, sets one and sees Child X's review and nothing else.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, startMailCatcher, launchBrowser, checkA11y, visit, signIn, freshPage } from './support.mjs'

let server, browser, catcher

before(async () => {
  catcher = await startMailCatcher()
  server = await startServer({ today: '2026-11-23', mailPort: catcher.port })
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
  await catcher?.close()
})

// The text of a quoted-printable body, as a mail program shows it.
const unquoted = raw => raw.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))

test('the business unit draws the panel from the review group and sends the reviewer her link', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/settings', 'settings')
  assert.match(await page.locator('main').textContent(), /The group whose members sit on case panels\s*Safeguarding Review and Learning Group/)

  await visit(page, server.baseUrl + '/reviews', 'reviews dashboard')
  await page.getByRole('table', { name: 'Open cases' }).getByRole('row').filter({ hasText: 'Child X' }).getByRole('link').first().click()
  await checkA11y(page, 'Child X')
  const main = page.locator('main')
  assert.match(await main.textContent(), /Dr Ruth Anderton\s*Invited on 18 November 2026 at ruth\.anderton@reviews\.example\. The link works until 25 November 2026/)
  const members = page.getByRole('table', { name: 'Members of the Safeguarding Review and Learning Group' })
  assert.match(await members.getByRole('row').nth(1).textContent(), /Chair/)
  assert.match(await members.getByRole('row').filter({ hasText: 'Aisha Begum' }).textContent(), /On the panel/)
  // The choice offers the group's members, not the whole directory.
  const offered = await page.getByLabel('Add a member to this case\'s panel').locator('option').allTextContents()
  assert.ok(offered.some(o => /Steven Rigby \(Member\)/.test(o)), offered.join(', '))
  assert.ok(!offered.some(o => /Claire Moss/.test(o)), 'the chair has no account in Assure')
  assert.ok(!offered.some(o => /Aisha Begum/.test(o)), 'on the panel already')

  await page.getByRole('button', { name: 'Send the link again' }).click()
  await page.getByText('Your change was saved').waitFor()
  await checkA11y(page, 'Child X, link sent again')
  // The outbox keeps the message but never shows the key it carries.
  await visit(page, server.baseUrl + '/outbox', 'outbox')
  assert.match(await page.locator('main').textContent(), /\/account\/invitation\/…/)
  await context.close()

  const sent = unquoted(await catcher.waitFor(m => m.includes('ruth.anderton@reviews.example') && unquoted(m).includes(server.baseUrl)))
  assert.match(sent, /Dear Dr Ruth Anderton,/)
  const link = sent.match(/http:\/\/127\.0\.0\.1:\d+\/account\/invitation\/[A-Za-z0-9_-]+/)[0]

  const phone = await freshPage(browser, { viewport: { width: 375, height: 812 } })
  const ruth = phone.page
  await visit(ruth, link, 'invitation')
  assert.ok(await ruth.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the invitation fits a phone')
  assert.match(await ruth.locator('main').textContent(), /Your account shows you this review and nothing else/)
  await ruth.getByLabel('Password', { exact: true }).fill('a long enough password')
  await ruth.getByLabel('Password again').fill('not the same password')
  await ruth.getByRole('button', { name: 'Set password and sign in' }).click()
  await checkA11y(ruth, 'invitation with errors')
  assert.match(await ruth.locator('.govuk-error-summary').textContent(), /Enter the same password twice/)
  await ruth.getByLabel('Password', { exact: true }).fill('a long enough password')
  await ruth.getByLabel('Password again').fill('a long enough password')
  await ruth.getByRole('button', { name: 'Set password and sign in' }).click()
  await ruth.waitForURL(server.baseUrl + '/reviews')
  await checkA11y(ruth, 'the reviewer\'s reviews')
  const rows = ruth.getByRole('table', { name: 'Open cases' }).getByRole('row')
  assert.equal(await rows.count(), 2, 'the header and Child X')
  assert.match(await rows.nth(1).textContent(), /Child X/)
  const nav = await ruth.getByRole('navigation', { name: 'Menu' }).getByRole('link').allTextContents()
  assert.ok(!nav.some(n => /Governance|Learning|Scorecard|Training/.test(n)), nav.join(', '))
  const refused = await ruth.goto(server.baseUrl + '/groups')
  assert.equal(refused.status(), 403)
  await checkA11y(ruth, 'forbidden')
  await phone.context.close()
})
