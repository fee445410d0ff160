// The schools register and rounds of school audits in the browser (issue 20 item 3). Knowsley's
// business manager opens the register from the audits page (seed 001's 54 schools and more, by
// phase), imports a download with a URN twice (the error summary names the row, nothing saved)
// and then a good one, reads the 2016/17 Section 175 round's results by phase and invites the
// free school added since this year's Section 157 round opened. On a 375-pixel phone, she starts a
// round for the early years settings after a refused first try. axe-core checks every page.
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
