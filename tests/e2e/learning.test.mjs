// Journeys through learning and improvement on a frozen date, Monday 23 November 2026: an
// agency lead fills in and submits a Section 11 return, the business unit moderates it and
// turns a gap into an action, the agency lead moves the action on with evidence; and the
// business manager's golden thread; an organisation working with two partnerships on the server
// submits once and shares its return, which the other partnership moderates as its own. axe-core
// checks every page visited.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, checkA11y, visit, signIn, freshPage, fillDate } from './support.mjs'

let server, browser, housingLead

before(async () => {
  server = await startServer({ today: '2026-11-23' })
  browser = await launchBrowser()
  housingLead = { email: 'andrew.kerr@knowsley-housing.example', password: server.accounts.business_unit.password }
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

// The page laid out on a 375-pixel phone: nothing wider than the screen. The viewport is put back.
const fitsAPhone = async (page, label) => {
  const before = page.viewportSize()
  await page.setViewportSize({ width: 375, height: 812 })
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  await page.setViewportSize(before)
  assert.ok(width <= 375, `${label} is ${width} pixels wide on a phone`)
}

const returnPath = async (page) => {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audits' }).click()
  await checkA11y(page, 'audit cycles')
  await page.getByRole('link', { name: 'Section 11 audit 2026' }).click()
  await checkA11y(page, 'Section 11 cycle')
  await page.getByRole('link', { name: 'Knowsley Housing Trust' }).click()
  await checkA11y(page, 'housing trust return')
}

test('an agency lead submits a Section 11 return; the business unit moderates it and raises an action; the lead evidences it', async () => {
  // The agency lead fills in the return: refused until every standard is graded and explained.
  let { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, housingLead)
  await returnPath(page)
  await page.getByRole('button', { name: 'Continue to check your answers' }).click()
  await checkA11y(page, 'return with errors')
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /Standard 1: choose a grade before submitting/)
  assert.match(await summary.textContent(), /Standard 8: say how the agency meets it/)
  for (let n = 1; n <= 8; n++) {
    const standard = page.locator('fieldset').filter({ has: page.getByRole('heading', { name: new RegExp(`^Standard ${n}:`) }) })
    await standard.getByLabel('2 – Good').check()
    await standard.getByLabel('How the agency meets the standard').fill(`Knowsley Housing Trust evidence for standard ${n}.`)
  }
  await page.getByRole('button', { name: 'Continue to check your answers' }).click()
  await page.getByRole('heading', { name: 'Check your answers before submitting the return' }).waitFor()
  await checkA11y(page, 'check your answers')
  await fitsAPhone(page, 'check your answers')
  const standardThree = page.locator('.govuk-summary-card').filter({ has: page.getByRole('heading', { name: /^Standard 3:/ }) })
  assert.match(await standardThree.textContent(), /2 – Good.*Knowsley Housing Trust evidence for standard 3\./s)
  // Change goes back to the form, where the answer is changed and checked again.
  await page.getByRole('link', { name: 'Change the grade for standard 3' }).click()
  await page.waitForURL(/#grade-3$/)
  const three = page.locator('fieldset').filter({ has: page.getByRole('heading', { name: /^Standard 3:/ }) })
  assert.equal(await three.getByLabel('2 – Good').isChecked(), true)
  await three.getByLabel('1 – Outstanding').check()
  await page.getByRole('button', { name: 'Continue to check your answers' }).click()
  await page.waitForURL(/\/check$/)
  assert.match(await standardThree.textContent(), /1 – Outstanding/)
  await page.getByRole('button', { name: 'Submit return' }).click()
  await page.getByRole('heading', { name: 'Return submitted' }).waitFor()
  await checkA11y(page, 'return submitted')
  await fitsAPhone(page, 'return submitted')
  const next = await page.locator('main').textContent()
  assert.match(next, /moderates the return/)
  assert.match(next, /letter to the agency.*follows moderation/s)
  assert.match(next, /The cycle closes on \d{1,2} [A-Z][a-z]+ \d{4}/)
  await page.getByRole('link', { name: 'View the return' }).click()
  await checkA11y(page, 'submitted return')
  assert.match(await page.locator('main').textContent(), /Status: Submitted on 23 November 2026 by Andrew Kerr/)
  assert.equal(await page.getByRole('button', { name: 'Submit return' }).count(), 0)
  assert.equal(await page.getByRole('link', { name: 'Letter to the agency' }).count(), 0)  // not until moderated
  assert.match(await page.locator('main').textContent(), /letter to the agency follows once the business unit has moderated/)
  await context.close();

  // The business unit moderates standard 5 down after challenge and raises an action for the gap.
  ({ context, page } = await freshPage(browser))
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await returnPath(page)
  await page.getByLabel('Moderated grade for standard 5').selectOption('3')
  await page.getByLabel('Moderation note for standard 5').fill('No training needs analysis; impact of training not measured.')
  await page.getByLabel('Challenge session notes').fill('Challenge session with the chief executive on 20 November.')
  await page.getByRole('button', { name: 'Save moderation' }).click()
  await page.getByText('Saved.').waitFor()
  await checkA11y(page, 'moderated return')
  await page.getByRole('link', { name: 'Letter to the agency' }).click()
  await checkA11y(page, 'letter')
  assert.match(await page.locator('main').textContent(), /Standard 5, Staff training \(3 – Requires improvement\): No training needs analysis/)
  await page.getByRole('link', { name: 'Back to the return' }).click()
  await page.getByRole('link', { name: 'Raise an action for standard 5' }).click()
  await checkA11y(page, 'raise an action')
  await page.getByRole('button', { name: 'Raise action' }).click()
  await checkA11y(page, 'raise an action with errors')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /Enter what is to be done/)
  await page.getByLabel('What is to be done').fill('Complete a training needs analysis for all housing officers.')
  const andrew = await page.getByLabel('Lead person').locator('option', { hasText: 'Andrew Kerr' }).first().getAttribute('value')
  await page.getByLabel('Lead person').selectOption(andrew)
  await fillDate(page, 'Due date', '2027-02-26')
  await page.getByLabel('Success measure').fill('Analysis complete and training plan agreed by the Core Business Group.')
  await page.getByRole('button', { name: 'Raise action' }).click()
  await page.getByText('Saved.').waitFor()
  await checkA11y(page, 'new action')
  await page.getByLabel('Agreed').check()
  await page.getByLabel('Progress update').fill('Agreed with the trust.')
  await page.getByRole('button', { name: 'Save progress' }).click()
  await page.getByText('Saved.').waitFor()
  const actionUrl = page.url().replace(/\?.*$/, '')
  await context.close();

  // The agency lead sees only their agency's actions, starts it, evidences it and completes it.
  ({ context, page } = await freshPage(browser))
  await signIn(page, server.baseUrl, housingLead)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Action plan' }).click()
  await checkA11y(page, 'action plan for the housing trust')
  const rows = page.getByRole('table', { name: 'Actions', exact: true }).locator('tbody tr')
  assert.ok(await rows.count() >= 2)
  for (const row of await rows.all()) assert.match(await row.textContent(), /Knowsley Housing Trust/)
  await visit(page, actionUrl, 'the action, as the agency lead')
  assert.equal(await page.getByLabel('Evidenced and signed off').count(), 0)
  await page.getByLabel('In progress').check()
  await page.getByLabel('Progress update').fill('Analysis started with the HR team.')
  await page.getByRole('button', { name: 'Save progress' }).click()
  await page.getByText('Saved.').waitFor()
  await page.getByLabel('Completed, awaiting evidence').check()
  await page.getByRole('button', { name: 'Save progress' }).click()
  await checkA11y(page, 'completing without evidence')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /Add evidence of what was done before marking the action completed/)
  await page.getByLabel('What was done').check()
  await page.getByLabel('Evidence', { exact: true }).fill('Training needs analysis for 64 housing officers, approved by the executive.')
  await page.getByRole('button', { name: 'Add evidence' }).click()
  await page.getByText('Saved.').waitFor()
  await page.getByLabel('Completed, awaiting evidence').check()
  await page.getByLabel('Progress update').fill('Analysis complete.')
  await page.getByRole('button', { name: 'Save progress' }).click()
  await page.getByText('Saved.').waitFor()
  await checkA11y(page, 'completed action')
  assert.match(await page.locator('.govuk-summary-list').first().textContent(), /Completed, awaiting evidence/)
  assert.match(await page.locator('main').textContent(), /Agreed to In progress/)
  await context.close()
})

test('the business manager follows a priority from learning to evidence of impact', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  // Home counts the late action-plan items; each group's page lists the ones it monitors.
  const lateOnHome = Number(await page.locator('p', { has: page.getByRole('link', { name: 'overdue', exact: true }) }).locator('span').textContent())
  assert.ok(lateOnHome >= 1)
  await page.getByRole('link', { name: 'overdue', exact: true }).click()
  await checkA11y(page, 'overdue improvement actions')
  assert.equal(await page.getByRole('table', { name: 'Actions', exact: true }).locator('tbody tr').count(), lateOnHome)
  // The plan's history: open and overdue at each month's end, as bars and a table.
  await page.getByText('Open and overdue actions over the last 12 months').click()
  await checkA11y(page, 'the action plan month by month')
  const history = page.getByRole('table', { name: 'Open and overdue actions by month' })
  assert.equal(await history.locator('tbody tr').count(), 12)
  assert.match(await history.locator('tbody tr').last().textContent(), /Today, \d+ \w+ \d{4}/)
  assert.ok(await page.locator('svg[role="img"]').first().isVisible())
  await page.getByLabel('Monitoring group').selectOption({ label: 'Core Business Group' })
  await page.getByRole('button', { name: 'Filter' }).click()
  await checkA11y(page, 'overdue actions of one group')
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Groups' }).click()
  await page.getByRole('link', { name: 'Core Business Group' }).first().click()
  await checkA11y(page, 'group page with its improvement actions')
  assert.match(await page.locator('main').textContent(), /Improvement actions this group monitors\s*\d+ open/)
  const chair = page.locator('tbody tr').first().getByRole('link').first()
  const chairName = await chair.textContent()
  await chair.click()
  await checkA11y(page, 'a member\'s page with their groups and interests')
  assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), chairName.trim())
  assert.match(await page.locator('main').textContent(), /Groups\s.*Core Business Group\s*Chair/s)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Learning' }).click()
  await checkA11y(page, 'learning')
  await page.getByRole('link', { name: 'Priorities: the golden thread from learning to impact' }).click()
  await checkA11y(page, 'priorities')
  await page.getByRole('link', { name: 'Domestic abuse' }).click()
  await checkA11y(page, 'domestic abuse thread')
  const main = await page.locator('main').textContent()
  assert.match(main, /Domestic abuse multi-agency audit/)
  assert.match(main, /Screen every police domestic abuse notification/)
  assert.match(main, /1 overdue/)
  await page.getByRole('link', { name: 'Domestic abuse multi-agency audit' }).first().click()
  await checkA11y(page, 'domestic abuse audit')
  await page.getByRole('link', { name: 'Change finding 1' }).click()
  await checkA11y(page, 'change a finding')
  await page.getByLabel('Finding', { exact: true }).fill('')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await checkA11y(page, 'change a finding with errors')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /Enter the finding/)
  await page.getByRole('link', { name: 'Cancel' }).click()
  await page.getByRole('link', { name: 'Change recommendation 1' }).click()
  await checkA11y(page, 'change a recommendation')
  await page.getByRole('link', { name: 'Cancel' }).click()
  await visit(page, server.baseUrl + '/improvement?show=without_impact', 'completed without evidence of impact')
  assert.match(await page.getByRole('table', { name: 'Actions', exact: true }).locator('tbody').textContent(), /graded care profile/)
  await visit(page, server.baseUrl + '/learning/calendar', 'audit calendar')
  await visit(page, server.baseUrl + '/briefings', 'briefings')
  await visit(page, server.baseUrl + '/learning/new', 'record learning form')
  await visit(page, server.baseUrl + '/audits/new', 'open a cycle form')
  await context.close()
})

test('an organisation working with two partnerships submits once; the other partnership moderates its own copy', async () => {
  const probationLead = { email: 'yvonne.clarke@probation.example', password: server.accounts.business_unit.password }
  const seftonManager = { email: 'joanne.pritchard@sefton-council.example', password: server.accounts.business_unit.password }
  const shareLabel = 'When I submit, share this return with Sefton Safeguarding Children Partnership'

  // Knowsley: the probation lead misses the grades; then, checking the answers, ticks "share".
  let { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, probationLead)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audits' }).click()
  await page.getByRole('link', { name: 'Section 11 audit 2026' }).click()
  await page.getByRole('link', { name: 'Probation Service' }).click()
  await checkA11y(page, 'probation return')
  await page.getByRole('button', { name: 'Continue to check your answers' }).click()
  await checkA11y(page, 'probation return with errors')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /Standard 1: choose a grade before submitting/)
  for (let n = 1; n <= 8; n++) {
    const standard = page.locator('fieldset').filter({ has: page.getByRole('heading', { name: new RegExp(`^Standard ${n}:`) }) })
    await standard.getByLabel(n === 7 ? '3 – Requires improvement' : '2 – Good').check()
    await standard.getByLabel('How the agency meets the standard').fill(`Probation evidence for standard ${n}.`)
  }
  await page.getByRole('button', { name: 'Continue to check your answers' }).click()
  await checkA11y(page, 'probation answers to check, with the share choice')
  await page.getByLabel(shareLabel).check()
  await page.getByRole('button', { name: 'Submit return' }).click()
  await page.getByRole('heading', { name: 'Return submitted' }).waitFor()
  await checkA11y(page, 'probation return submitted and shared')
  assert.match(await page.locator('main').textContent(), /also shared with:\s*Sefton Safeguarding Children Partnership/)
  await page.getByRole('link', { name: 'View the return' }).click()
  assert.match(await page.locator('main').textContent(), /Shared with Sefton Safeguarding Children Partnership on 23 November 2026/)
  await context.close();

  // Sefton: the shared returns arrive submitted; its business unit moderates one as its own.
  ({ context, page } = await freshPage(browser))
  await signIn(page, server.baseUrl, seftonManager)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audits' }).click()
  await checkA11y(page, 'Sefton audit cycles')
  await page.getByRole('link', { name: 'Sefton Section 11 audit 2026' }).click()
  await checkA11y(page, 'Sefton Section 11 cycle')
  const probationRow = page.locator('tbody tr').filter({ hasText: 'Probation Service' })
  assert.match(await probationRow.textContent(), /Submitted.*Shared from Knowsley Safeguarding Children Partnership/)
  assert.match(await page.locator('tbody tr').filter({ hasText: 'Merseyside Police' }).textContent(), /Shared from Knowsley/)
  await page.getByRole('link', { name: 'Probation Service' }).click()
  await checkA11y(page, 'shared return in Sefton')
  assert.match(await page.locator('.govuk-inset-text').textContent(), /submitted this return to Knowsley Safeguarding Children Partnership/)
  assert.equal(await page.getByRole('button', { name: 'Submit return' }).count(), 0)
  await page.getByLabel('Moderated grade for standard 7').selectOption('2')
  await page.getByLabel('Moderation note for standard 7').fill('Sefton multi-agency training records seen at challenge.')
  await page.getByRole('button', { name: 'Save moderation' }).click()
  await page.getByText('Saved.').waitFor()
  await checkA11y(page, 'shared return moderated in Sefton')
  assert.match(await page.locator('main').textContent(), /Moderated on 23 November 2026/)
  await context.close();

  // Knowsley's copy keeps its own (absent) moderation: the gap at standard 7 stands there.
  ({ context, page } = await freshPage(browser))
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audits' }).click()
  await page.getByRole('link', { name: 'Section 11 audit 2026' }).click()
  await page.getByRole('link', { name: 'Probation Service' }).click()
  await checkA11y(page, 'probation return in Knowsley after Sefton moderated')
  assert.doesNotMatch(await page.locator('main').textContent(), /Moderated on/)
  assert.match(await page.getByRole('heading', { name: 'Gaps' }).locator('xpath=following-sibling::ul[1]').textContent(), /Standard 7/)
  await context.close()
})
