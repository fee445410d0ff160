// Audits in the browser. The schools register and rounds of school audits (issue 20 item 3): Knowsley's
// business manager opens the register from the audits page (seed 001's 54 schools and more, by
// phase), imports a download with a URN twice (the error summary names the row, nothing saved)
// and then a good one, reads the 2016/17 Section 175 round's results by phase and invites the
// free school added since this year's Section 157 round opened. On a 375-pixel phone, she starts a
// round for the early years settings after a refused first try. The per-case audit tool (issue 20
// item 5): she records the moderation of the neglect audit's last case on a phone (a grade
// missed first) and adds the findings the grades support to the audit. axe-core checks every page.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useDemo, checkA11y, signIn, freshPage, fillDate } from './support.mjs'

const run = useDemo({ today: '2026-12-04' })
const phone = { viewport: { width: 375, height: 812 } }

async function fitsThePhone (page, label) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 375, `${label} is ${width} pixels wide`)
}

test('the business manager imports the register, reads a round by phase and invites a school added since', async () => {
  const { context, page } = await freshPage(run.browser)
  const base = run.server.baseUrl
  await signIn(page, base, run.server.accounts.business_unit)
  await page.goto(base + '/audits')
  await checkA11y(page, 'audits')
  await page.getByRole('link', { name: 'Schools, colleges and early years settings' }).click()
  await checkA11y(page, 'the schools register')
  const main = page.locator('main')
  assert.match(await main.textContent(), /67 active settings in the register/)
  assert.match(await main.textContent(), /Primary: 48/)
  await page.getByRole('link', { name: 'Special school: 6' }).click()
  await checkA11y(page, 'the register, special schools')
  assert.equal(await main.getByRole('row').count(), 7, 'a heading row and six special schools')

  await page.getByRole('link', { name: 'Show every phase' }).click()
  await page.getByRole('link', { name: 'Import the register' }).click()
  await checkA11y(page, 'import the register')
  const sheet = 'URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name)\n' +
    '910003,Huyton Primary School,Community school,Primary\n' +
    '910200,Cronton Brook Primary School,Community school,Primary\n' +
    '910200,Cronton Brook Again,Community school,Primary\n'
  await page.getByLabel('The register (XLSX or CSV)').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) })
  await page.getByRole('button', { name: 'Import' }).click()
  const summary = page.locator('.govuk-error-summary')
  await summary.waitFor()
  await checkA11y(page, 'an import refused')
  assert.match(await summary.textContent(), /Row 4: the URN 910200 is on row 3 too/)
  const fixed = sheet.split('\n').slice(0, 3).join('\n') + '\n'
  await page.getByLabel('The register (XLSX or CSV)').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) })
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByText('Register imported: 1 added, 0 updated, 1 as they were.').waitFor()
  await checkA11y(page, 'the register imported')
  assert.match(await main.textContent(), /68 active settings in the register/)

  await page.goto(base + '/audits')
  await page.getByRole('link', { name: 'Section 175 audit 2016/17' }).click()
  await checkA11y(page, 'the 2016/17 round')
  assert.match(await main.textContent(), /Section 175 \(maintained schools and colleges\)/)
  const byPhase = main.getByRole('table', { name: 'Returns by phase' })
  const primary = byPhase.getByRole('row', { name: /^Primary/ })
  assert.match(await primary.textContent(), /Primary\s*41\s*\d+\s*\d+%/)
  const meeting = main.getByRole('table', { name: 'Meeting each standard, by phase' })
  assert.match(await meeting.getByRole('row', { name: /Safer recruitment/ }).textContent(), /\d+% \(\d+ of \d+\)/)

  await page.goto(base + '/audits')
  await page.getByRole('link', { name: /^Section 157 audit/ }).click()
  await checkA11y(page, 'this year\'s Section 157 round')
  assert.match(await main.textContent(), /Not invited yet: 1 setting added to the register since the round opened/)
  await page.getByRole('button', { name: 'Invite them to this round' }).click()
  await page.getByText('1 setting added to the register since the round opened invited.').waitFor()
  await checkA11y(page, 'the round after inviting')
  assert.ok(await main.getByRole('link', { name: 'Knowsley Lane Free School' }).isVisible())
  await context.close()
})

test('on a phone, the business manager starts a round for the early years settings', async () => {
  const { context, page } = await freshPage(run.browser, phone)
  const base = run.server.baseUrl
  await signIn(page, base, run.server.accounts.business_unit)
  await page.goto(base + '/schools')
  await checkA11y(page, 'the register on a phone')
  await fitsThePhone(page, 'the schools register')
  await page.goto(base + '/audits')
  await page.getByRole('link', { name: 'Start a round of school audits' }).click()
  await checkA11y(page, 'start a round')
  await fitsThePhone(page, 'the round form')
  await page.getByLabel('Title').fill('Early years safeguarding audit 2027')
  await page.getByRole('button', { name: 'Start the round' }).click()
  const summary = page.locator('.govuk-error-summary')
  await summary.waitFor()
  await checkA11y(page, 'a round refused')
  assert.match(await summary.textContent(), /Select the questions the round asks/)
  await page.getByLabel('Early years (EYFS safeguarding requirements)').check()
  await fillDate(page, 'Opens', '2027-01-04')
  await fillDate(page, 'Closes', '2027-03-31')
  await page.getByRole('button', { name: 'Start the round' }).click()
  await page.getByRole('heading', { level: 1, name: 'Early years safeguarding audit 2027' }).waitFor()
  await checkA11y(page, 'the early years round')
  await fitsThePhone(page, 'the early years round')
  const main = page.locator('main')
  assert.match(await main.textContent(), /Returns submitted\s*0 of 4/)
  assert.match(await main.textContent(), /Lead practitioner/)
  await context.close()
})

test('on a phone, the business manager moderates a case of the neglect audit and adds the findings its grades support', async () => {
  const { context, page } = await freshPage(run.browser, phone)
  const base = run.server.baseUrl
  await signIn(page, base, run.server.accounts.business_unit)
  await page.goto(base + '/learning?kind=thematic_audit')
  await page.getByRole('link', { name: 'Neglect multi-agency audit' }).click()
  await page.getByRole('link', { name: /The cases audited/ }).click()
  await checkA11y(page, 'the cases audited')
  await fitsThePhone(page, 'the cases audited')
  const main = page.locator('main')
  const cases = main.getByRole('table', { name: 'Cases audited' })
  assert.equal(await cases.getByRole('row').count(), 11, 'a heading row and ten cases')
  assert.match(await cases.getByRole('row').filter({ hasText: 'Case J' }).textContent(), /Not yet/)
  await cases.getByRole('link', { name: 'Case J' }).click()
  await checkA11y(page, 'case J')
  await fitsThePhone(page, 'case J')
  assert.match(await main.textContent(), /Not yet moderated/)
  await page.getByRole('link', { name: 'Record the moderation meeting' }).click()
  await checkA11y(page, 'the moderation form')
  await fitsThePhone(page, 'the moderation form')
  await fillDate(page, 'Date of the moderation meeting', '2026-11-30')
  for (const code of ['1', '2', '3', '4', '5']) {
    await page.getByRole('group', { name: new RegExp('^' + code + '\\. ') }).getByLabel(code === '1' ? '3 – Requires improvement' : '2 – Good').check()
  }
  await page.getByRole('button', { name: 'Record the moderation' }).click()
  const summary = page.locator('.govuk-error-summary')
  await summary.waitFor()
  await checkA11y(page, 'a moderation refused')
  assert.match(await summary.textContent(), /Question 6: choose a grade/)
  await page.getByRole('group', { name: /^6\. / }).getByLabel('2 – Good').check()
  await page.getByRole('button', { name: 'Record the moderation' }).click()
  await page.getByText('Moderation recorded.').waitFor()
  await checkA11y(page, 'case J moderated')
  assert.match(await main.textContent(), /Agreed at the moderation meeting on 30 November 2026/)

  await page.getByRole('link', { name: 'Back to the cases audited' }).click()
  const findings = main.getByRole('listitem').filter({ hasText: 'Area for development' })
  assert.ok(await findings.count() > 0, 'the child\'s voice is graded requires improvement in most cases')
  assert.match(await findings.first().textContent(), /Question 1, Was the child seen/)
  await page.getByRole('button', { name: 'Add these findings to the audit' }).click()
  await page.getByText(/\d+ findings added to the audit\./).waitFor()
  await checkA11y(page, 'findings added')
  await page.getByRole('link', { name: /Back to Neglect multi-agency audit/ }).click()
  await checkA11y(page, 'the neglect audit with its findings')
  assert.match(await main.textContent(), /Question 1, Was the child seen, and seen alone/)
  await context.close()
})
