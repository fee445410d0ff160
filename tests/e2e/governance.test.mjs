// Journeys through governance on a frozen date, Monday 23 November 2026: a meeting from
// scheduling to minuted actions, the answers a business manager is asked for, and a member
// closing their own action.
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


function memberRow (page, name) {
  return page.getByRole('table').first().getByRole('row').filter({ hasText: name })
}

test('schedule a meeting, record attendance, minute a decision and an action, and see the rate change', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Groups' }).click()
  await checkA11y(page, 'groups')
  await page.getByRole('link', { name: 'Core Business Group' }).click()
  await checkA11y(page, 'Core Business Group')
  assert.match(await memberRow(page, 'Ruth Ashby').textContent(), /60%\s*3 of 5/)

  await page.getByRole('button', { name: 'Schedule a meeting' }).click()
  await checkA11y(page, 'schedule form')
  await fillDate(page, 'Date', '2024-01-01')
  await page.getByLabel('Place').fill('')
  await page.getByRole('button', { name: 'Schedule meeting' }).click()
  await checkA11y(page, 'schedule form with errors')
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /The group is not active on that date/)
  assert.match(await summary.textContent(), /Enter where the meeting is/)
  await fillDate(page, 'Date', '2026-11-23')
  await page.getByLabel('Place').fill('Municipal Buildings, Huyton')
  await page.getByLabel('Theme (optional)').fill('Neglect')
  await page.getByRole('button', { name: 'Schedule meeting' }).click()
  await page.getByText('Meeting saved.').waitFor()
  await checkA11y(page, 'new meeting')

  for (const fieldset of await page.locator('.app-attendance-row fieldset').all()) {
    await fieldset.getByLabel('Present').check()
  }
  await page.getByRole('button', { name: 'Save attendance' }).click()
  await page.getByText('Meeting saved.').waitFor()
  await checkA11y(page, 'meeting with attendance')
  // Seed 000 sets the group no quorum: the meeting stands, and the page says there is no rule rather than "Quorate".
  const summary2 = await page.locator('.govuk-summary-list').textContent()
  assert.match(summary2, /No quorum rule set: \d+ of \d+ members attended/)
  assert.doesNotMatch(summary2, /Not quorate/)

  await page.getByLabel('Decision').fill('Adopt the neglect screening tool in every agency.')
  await page.getByRole('button', { name: 'Record decision' }).click()
  await page.getByText('Meeting saved.').waitFor()

  await page.getByText('Add an action').click()
  await page.getByLabel('Action', { exact: true }).fill('Brief designated safeguarding leads on the tool.')
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Ruth Ashby, Education Safeguarding Officer' })
  await fillDate(page, 'Due by', '2026-11-01')
  await page.getByRole('button', { name: 'Add action' }).click()
  await checkA11y(page, 'action with errors')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /The due date must be on or after the meeting, 2026-11-23/)
  await fillDate(page, 'Due by', '2026-12-18')
  await page.getByRole('button', { name: 'Add action' }).click()
  await page.getByText('Meeting saved.').waitFor()
  await checkA11y(page, 'meeting with decision and action')
  assert.match(await page.getByRole('list').filter({ hasText: 'Adopt the neglect' }).textContent(), /screening tool/)
  assert.equal(await page.getByRole('link', { name: 'Brief designated safeguarding leads on the tool.' }).count(), 1)

  // On paper: the page's content under the partnership's name, without menus or forms; and the
  // minutes as a PDF of their own.
  await page.emulateMedia({ media: 'print' })
  assert.equal(await page.getByRole('navigation', { name: 'Menu' }).isVisible(), false)
  assert.equal(await page.getByRole('button', { name: 'Record decision' }).isVisible(), false)
  assert.equal(await page.locator('.assure-letterhead').isVisible(), true)
  assert.match(await page.locator('.assure-letterhead').textContent(), /Knowsley Safeguarding Children Partnership/)
  assert.equal(await page.getByRole('heading', { level: 1 }).isVisible(), true)
  await page.emulateMedia({ media: 'screen' })
  assert.equal(await page.locator('.assure-letterhead').isVisible(), false)
  const minutesHref = await page.getByRole('link', { name: 'Minutes (PDF)' }).getAttribute('href')
  const minutes = await page.request.get(server.baseUrl + minutesHref, { timeout: 90000 })
  assert.equal(minutes.status(), 200)
  assert.equal(minutes.headers()['content-type'], 'application/pdf')
  assert.equal((await minutes.body()).subarray(0, 5).toString(), '%PDF-')

  await page.getByRole('link', { name: 'Core Business Group' }).first().click()
  await checkA11y(page, 'Core Business Group after the meeting')
  assert.match(await memberRow(page, 'Ruth Ashby').textContent(), /67%\s*4 of 6/)
  await context.close()
})

test('the business manager sees who is under 75%, which groups are overdue and what actions are late', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await checkA11y(page, 'home')
  // The demo's overdue rapid review (Child W) comes first, then the groups overdue to meet.
  const warnings = page.locator('.govuk-warning-text')
  assert.match(await warnings.first().textContent(), /1 past a statutory date/)
  assert.equal(await warnings.filter({ hasText: 'Groups overdue to meet' }).count(), 1)
  assert.equal(await page.getByRole('link', { name: 'Policy and Performance Review Group' }).count(), 1)

  await visit(page, server.baseUrl + '/attendance', 'attendance report')
  const below = page.getByRole('table').first()
  const lisa = below.getByRole('row').filter({ hasText: 'Lisa Connor' })
  assert.match(await lisa.textContent(), /Chief Fire Officer, Merseyside Fire and Rescue Service/)
  assert.match(await lisa.textContent(), /33%/)
  assert.equal(await below.getByRole('row').filter({ hasText: 'Helen Marsh' }).count(), 0)

  await visit(page, server.baseUrl + '/actions?show=overdue', 'overdue actions')
  assert.match(await page.getByRole('table').textContent(), /Revise the missing-from-home procedure/)
  assert.match(await page.locator('main').textContent(), /Michelle Byrne: 1 overdue/)

  await visit(page, server.baseUrl + '/groups/structure', 'structure')
  assert.match(await page.locator('main ul').first().textContent(), /Core Business Group[\s\S]*Safeguarding Review and Learning Group/)
  await visit(page, server.baseUrl + '/forward-plan', 'forward plan')
  assert.match(await page.getByRole('table').textContent(), /Annual cycle\s*Business plan review with the safeguarding partners/)
  await visit(page, server.baseUrl + '/groups/new', 'set up a group')
  await page.getByLabel('Name of the group').fill('Neglect task and finish group')
  await page.getByLabel('Type of group').selectOption({ label: 'Task and finish group' })
  await page.getByLabel('A named chair').check()
  await page.getByLabel('How often the group must meet').selectOption({ label: 'Monthly' })
  await page.getByLabel('At least a share of members').check()
  await page.getByLabel('Number of members, or percentage of members').fill('150')
  await page.getByRole('button', { name: 'Save group' }).click()
  await checkA11y(page, 'set up a group with errors')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /Enter the share of members needed, from 1 to 100 per cent/)
  await page.getByLabel('Number of members, or percentage of members').fill('50')
  await page.getByRole('button', { name: 'Save group' }).click()
  await page.getByText('Group saved.').waitFor()
  await checkA11y(page, 'new group')
  await page.getByRole('button', { name: 'Change the group' }).click()
  await checkA11y(page, 'change a group')
  await visit(page, server.baseUrl + '/interests', 'interests')
  await visit(page, server.baseUrl + '/feeds', 'calendar feeds')
  await page.getByRole('button', { name: 'Create my feed address' }).click()
  await checkA11y(page, 'calendar feed address')
  const address = (await page.locator('code').first().textContent()).trim()
  const ics = await (await fetch(server.baseUrl + address)).text()
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/)
  assert.match(ics, /SUMMARY:Strategic Forum: Neglect/)
  await context.close()
})

test('a member closes their own action from "my actions"', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.member)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Actions' }).click()
  await checkA11y(page, 'action log as a member')
  await page.getByRole('link', { name: 'Show only my actions' }).click()
  await checkA11y(page, 'my actions')
  await page.getByRole('link', { name: /Check the police's records/ }).click()
  await checkA11y(page, 'my action')
  await page.getByLabel('Done').check()
  await page.getByRole('button', { name: 'Save update' }).click()
  await checkA11y(page, 'action update with errors')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /Say what was done/)
  await page.getByLabel('Update').fill('Records checked; two referrals added to the chronology.')
  await page.getByRole('button', { name: 'Save update' }).click()
  await page.getByText('Action updated.').waitFor()
  await checkA11y(page, 'action done')
  assert.match(await page.locator('.govuk-summary-list').textContent(), /Done on 23 November 2026/)
  await visit(page, server.baseUrl + '/groups/1', 'a group as a member')
  assert.equal(await page.getByRole('button', { name: 'Schedule a meeting' }).count(), 0)
  await context.close()
})
