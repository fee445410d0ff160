// Journeys through serious incidents and reviews, on a frozen date: Monday 23 November 2026.
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


async function recordStep (page, step, fill = async () => {}) {
  await page.getByRole('link', { name: step, exact: true }).click()
  await checkA11y(page, `record: ${step}`)
  await fill()
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByText('The step was recorded').waitFor()
  await checkA11y(page, `after: ${step}`)
}

test('the dashboard shows every live case and the overdue one in red', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Reviews' }).click()
  await checkA11y(page, 'reviews dashboard')
  const rows = page.getByRole('table', { name: 'Open cases' }).getByRole('row')
  const overdue = rows.filter({ hasText: 'Child W' })
  assert.match(await overdue.textContent(), /3 working days overdue/)
  assert.equal(await overdue.locator('.govuk-tag--red').count(), 1)
  assert.match(await rows.filter({ hasText: 'Child V' }).textContent(), /9 December 2026\s*12 working days left/)
  await page.getByRole('link', { name: 'Overdue', exact: true }).click()
  await checkA11y(page, 'overdue cases')
  assert.equal(await page.getByRole('table', { name: 'Overdue cases' }).getByRole('row').count(), 2) // header and Child W
  // The statutory clocks year by year, beside the cases: a table and its chart.
  assert.ok(await page.getByRole('table', { name: 'Statutory clocks by year' }).isVisible())
  assert.ok(await page.locator('svg[role="img"]').first().isVisible())
  await context.close()
})

test('the business unit takes a case from notification to decision', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/reviews', 'reviews dashboard')
  await page.getByRole('button', { name: 'Notify a serious incident' }).click()
  await checkA11y(page, 'notify form')
  await fillDate(page, 'Date the local authority became aware', '2026-11-24')
  await page.getByRole('button', { name: 'Notify incident' }).click()
  await checkA11y(page, 'notify form with errors')
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /must be today or in the past/)
  assert.match(await summary.textContent(), /Enter at least one child/)

  await fillDate(page, 'Date the local authority became aware', '2026-11-20')
  await fillDate(page, 'Date of the incident', '2026-11-19')
  await page.getByLabel('The child was seriously harmed').check()
  await page.getByLabel('Summary of what happened').fill('Admitted to hospital with a head injury.')
  await page.getByLabel('Child 1: pseudonym').fill('Child X')
  await page.getByLabel('Knowsley Council', { exact: true }).check()
  await page.getByLabel('Merseyside Police', { exact: true }).check()
  await page.getByRole('button', { name: 'Notify incident' }).click()
  await checkA11y(page, 'the new case')
  assert.match(await page.locator('.govuk-inset-text').textContent(), /Notify the Panel.*27 November 2026.*4 working days left/s)

  await recordStep(page, 'Panel notified')
  await recordStep(page, 'Safeguarding partners informed')
  await recordStep(page, 'Agency summaries requested', async () => {
    await page.getByLabel('Knowsley Council', { exact: true }).check()
    await page.getByLabel('Merseyside Police', { exact: true }).check()
  })
  await recordStep(page, 'Agency summary returned', async () => {
    await page.getByLabel('Knowsley Council', { exact: true }).check()
    await page.getByLabel('Merseyside Police', { exact: true }).check()
  })
  await recordStep(page, 'Rapid review panel met')
  await recordStep(page, 'Partners signed off the rapid review')

  await page.getByRole('link', { name: 'Decision recorded', exact: true }).click()
  await page.getByLabel('Local child safeguarding practice review').check()
  await page.getByRole('button', { name: 'Save' }).click()
  await checkA11y(page, 'decision with errors')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /Enter the reasons for the decision/)
  await page.getByLabel('Reasons for the decision').fill('Concerns about how agencies worked together.')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByText('The step was recorded').waitFor()
  await checkA11y(page, 'the decided case')
  assert.match(await page.locator('.govuk-caption-l').textContent(), /Awaiting Panel response/)
  assert.match(await page.locator('.govuk-summary-list').textContent(), /Local child safeguarding practice review/)
  const milestones = page.getByRole('table', { name: 'Milestones, due and done' })
  assert.match(await milestones.getByRole('row').filter({ hasText: 'Complete the rapid review' }).textContent(), /11 December 2026\s*23 November 2026/)
  await context.close()
})

test('a member sees only the case whose panel they sit on, and not the child\'s details', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.member)
  await visit(page, server.baseUrl + '/reviews?show=all', 'reviews as a panel member')
  const links = page.getByRole('table').getByRole('link')
  assert.deepEqual(await links.allTextContents(), ['SI-2026-05'])
  await links.first().click()
  await checkA11y(page, 'a case as a panel member')
  assert.equal(await page.getByRole('heading', { name: 'Identifiable details' }).count(), 0)
  const other = await page.goto(server.baseUrl + '/reviews/6')
  assert.equal(other.status(), 404)
  await checkA11y(page, 'a case the member may not see')
  await context.close()
})
