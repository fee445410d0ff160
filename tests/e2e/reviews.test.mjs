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

// Issue 18 item 2: the agencies' chronologies merged into one timeline, as Chronolator did.
async function openChronology (page, label) {
  await visit(page, server.baseUrl + '/reviews?show=all', `reviews before the chronology (${label})`)
  await page.getByRole('table').getByRole('link', { name: 'SI-2026-05' }).click()
  await page.getByRole('link', { name: /Multi-agency chronology/ }).click()
  await page.getByRole('heading', { level: 1, name: 'Multi-agency chronology' }).waitFor()
  await checkA11y(page, `the chronology (${label})`)
}

test('the business unit reads the merged chronology, names shown and hidden, and adds to it', async () => {
  const { context, page } = await freshPage(browser, { viewport: { width: 1280, height: 900 } })
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await openChronology(page, 'business unit')
  const timeline = page.getByRole('region', { name: 'The merged chronology' })
  assert.match(await timeline.textContent(), /Child V and his mother, Mother, seen at home/)
  assert.doesNotMatch(await page.getByRole('main').textContent(), /Officers attended and spoke to Jade Turner/,
    'the anonymised view is the default')
  assert.equal(await timeline.getByText(/days with no entry/).count(), 2, 'two silences longer than 28 days')
  assert.match(await page.getByRole('main').textContent(), /Days on which more than one agency was involved/)

  await page.getByRole('link', { name: 'Show it with names' }).click()
  await checkA11y(page, 'the chronology with names')
  assert.match(await page.locator('.govuk-warning-text').textContent(), /Your viewing of the named chronology is recorded/)
  assert.match(await timeline.textContent(), /Officers attended and spoke to Jade Turner and her partner, Dean Walsh/)

  await page.getByRole('link', { name: 'Add an entry' }).click()
  await checkA11y(page, 'add a chronology entry')
  await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'Mersey Care NHS Foundation Trust' })
  await fillDate(page, 'Date of the event', '2026-02-30')
  await page.getByRole('button', { name: 'Add the entry' }).click()
  const summary = page.locator('.govuk-error-summary')
  await summary.waitFor()
  await checkA11y(page, 'a chronology entry with errors')
  assert.match(await summary.textContent(), /Enter a real date the event happened/)
  assert.match(await summary.textContent(), /Describe what happened/)
  await fillDate(page, 'Date of the event', '2026-11-02')
  await page.getByLabel('Time (optional)').fill('11:00')
  await page.getByLabel('What happened').fill('Jade Turner did not attend her first appointment; a second was offered.')
  await page.getByRole('button', { name: 'Add the entry' }).click()
  await page.getByText('Chronology entry added.').waitFor()
  await checkA11y(page, 'the chronology after adding')
  assert.match(await timeline.textContent(), /Mother did not attend her first appointment/)

  await page.getByRole('link', { name: "Upload an agency's chronology" }).click()
  await checkA11y(page, 'upload a chronology')
  await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'Mersey Care NHS Foundation Trust' })
  await page.getByLabel("The agency's chronology (XLSX or CSV)").setInputFiles({
    name: 'mersey-care.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Date,Time,Event,Source\n20/08/2026,,Referral received,Referral log\n31/09/2026,,Appointment offered,Letter\n')
  })
  await page.getByRole('button', { name: 'Upload' }).click()
  await summary.waitFor()
  await checkA11y(page, 'a chronology upload refused')
  assert.match(await summary.textContent(), /Row 3: enter a real date the event happened/)
  await page.getByLabel("The agency's chronology (XLSX or CSV)").setInputFiles({
    name: 'mersey-care.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Date,Time,Event,Source\n20/08/2026,,Referral received,Referral log\n30/09/2026,14:00,Appointment offered,Letter\n')
  })
  await page.getByRole('button', { name: 'Upload' }).click()
  await page.getByText(/Chronology uploaded: 2 rows added, replacing the agency's 2 rows before\./).waitFor()
  await checkA11y(page, 'the chronology after an upload')
  await context.close()
})

test('a police officer on the panel reads the chronology anonymised on a phone and adds their own agency’s row', async () => {
  const { context, page } = await freshPage(browser, { viewport: { width: 375, height: 800 } })
  await signIn(page, server.baseUrl, server.accounts.member)
  await openChronology(page, 'panel member')
  assert.equal(await page.getByRole('link', { name: 'Show it with names' }).count(), 0)
  assert.doesNotMatch(await page.getByRole('main').textContent(), /Jade Turner|Dean Walsh/)
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 375, `the chronology is ${width} pixels wide`)
  await page.getByRole('link', { name: 'Add an entry' }).click()
  await checkA11y(page, 'add a chronology entry as a panel member')
  const agency = page.getByLabel('Agency', { exact: true })
  assert.deepEqual((await agency.locator('option').allTextContents()).filter(t => t !== 'Select the agency'), ['Merseyside Police'])
  await fillDate(page, 'Date of the event', '2026-11-03')
  await page.getByLabel('What happened').fill('Intelligence report: Mother’s partner seen with the baby at the shops.')
  await page.getByRole('button', { name: 'Add the entry' }).click()
  await page.getByText('Chronology entry added.').waitFor()
  await checkA11y(page, 'the chronology after the officer’s entry')
  await context.close()
})

// Issue 20 item 6: seed 001's serious case reviews, judged under the guidance of their date.
test('a serious case review of 2015 is judged under Working Together 2015, a recent review under 2023', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/reviews?show=all', 'every case')
  await page.getByRole('table').getByRole('link', { name: 'SI-2015-01' }).click()
  await checkA11y(page, 'a serious case review of 2015')
  const main = page.locator('main')
  assert.match(await main.textContent(), /Working Together 2015: the board decides whether to hold a serious case review/)
  const milestones = page.getByRole('table', { name: 'Milestones, due and done' })
  assert.match(await milestones.getByRole('row').filter({ hasText: 'Decide whether to hold a serious case review' }).textContent(), /No statutory date\s*25 September 2015/)
  assert.equal(await milestones.getByRole('row').filter({ hasText: 'rapid review' }).count(), 0, 'no rapid review before 2018')
  assert.match(await main.textContent(), /Serious incident review group met/)
  assert.match(await main.textContent(), /Decision\s*Serious case review/)

  await visit(page, server.baseUrl + '/reviews?show=all', 'every case again')
  await page.getByRole('table').getByRole('link', { name: 'SI-2026-07' }).click()
  await checkA11y(page, 'a recent local review')
  assert.match(await main.textContent(), /Working Together 2023: the Panel notified within 5 working days; a rapid review within 15 working days/)
  assert.match(await main.textContent(), /Local child safeguarding practice review/)
  await context.close()
})
