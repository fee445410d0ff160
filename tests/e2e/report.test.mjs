// The yearly report in the browser, on a 375-pixel phone: Knowsley's business manager opens
// the list of reports and the 2016/17 report (its figures counted from the demo's records, seed
// 001's 1,756 delegates among them, each table scrolling in its own region; approved by the
// three statutory partners), then writes the section on independent scrutiny of 2017/18 and
// sees it in the draft. The council's lead then tries to sign 2017/18 off while sections are
// still empty: the error summary names them and nothing is signed. axe-core checks every page
// visited, and no page is wider than the phone.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, checkA11y, signIn, freshPage } from './support.mjs'

let server, browser

before(async () => {
  server = await startServer({ today: '2026-11-23' })
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

const phone = { viewport: { width: 375, height: 812 } }

async function fitsThePhone (page, label) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 375, `${label} is ${width} pixels wide`)
}

test('the business manager opens the 2016/17 report and writes a section; a partner cannot sign it off while sections are empty', async () => {
  const { context, page } = await freshPage(browser, phone)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await page.goto(server.baseUrl + '/reports')
  await checkA11y(page, 'yearly reports')
  await fitsThePhone(page, 'the list of reports')
  assert.ok(await page.getByRole('link', { name: '2017 to 2018' }).isVisible(), 'the list offers this year and the nine before it')
  await page.goto(server.baseUrl + '/reports/2016-17')
  await checkA11y(page, 'the 2016/17 report')
  await fitsThePhone(page, 'the 2016/17 report')
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Yearly report 2016 to 2017')
  const training = page.locator('section#training')
  assert.match(await training.textContent(), /1,756 delegates attended/)
  assert.equal(await training.getByRole('img').count(), 3, 'the delegates chart, the online modules chart and the evaluation scores chart')
  // Seed 001 Appendix A's online modules, counted from the provider's report.
  assert.match(await training.textContent(), /925 practitioners applied for an online module in the year and 701 completed one\./)
  assert.ok(await training.getByRole('region', { name: 'Online modules, 2016 to 2017' }).isVisible())
  assert.ok(await training.getByRole('region', { name: 'Delegates by agency, 2016 to 2017' }).isVisible())
  // The year's evaluation, counted from the delegates' answers (decision 0030).
  assert.ok(await training.getByRole('heading', { name: 'Evaluation of the training' }).isVisible())
  assert.ok(await training.getByRole('region', { name: 'Mean scores out of 5 given straight after the session, 2016 to 2017' }).isVisible())
  assert.match(await training.textContent(), /of the 1,756 delegates who attended evaluated their session straight after/)
  assert.match(await training.textContent(), /% of those who answered the follow-up \(\d+ of \d+\) reported a change in their practice/)
  assert.match(await page.locator('section#foreword').textContent(), /Audrey Williamson/)
  assert.equal(await page.getByRole('link', { name: 'Write the section Independent scrutiny' }).count(), 0, 'an approved report is closed')

  await page.goto(server.baseUrl + '/reports/2017-18')
  await checkA11y(page, 'the 2017/18 draft')
  await page.getByRole('link', { name: 'Write the section Independent scrutiny' }).click()
  await checkA11y(page, 'write a section')
  await fitsThePhone(page, 'the section form')
  await page.getByLabel('Text').fill('The independent scrutineer visited **three** frontline teams with young scrutineers.')
  await page.getByRole('button', { name: 'Save draft' }).click()
  await page.getByText('The section has been saved as a draft').waitFor()
  await checkA11y(page, 'the report after saving')
  const scrutiny = page.locator('section#scrutiny')
  assert.match(await scrutiny.textContent(), /visited three frontline teams/)
  assert.equal(await scrutiny.locator('strong').textContent(), 'three')
  await context.close()

  const lead = await freshPage(browser, phone)
  await signIn(lead.page, server.baseUrl, server.accounts.partner_lead)
  await lead.page.goto(server.baseUrl + '/reports/2017-18')
  await checkA11y(lead.page, 'the report for a partner lead')
  await lead.page.getByRole('button', { name: 'Sign off the report for Knowsley Council' }).click()
  const summary = lead.page.locator('.govuk-error-summary')
  await summary.waitFor()
  await checkA11y(lead.page, 'sign-off refused')
  await fitsThePhone(lead.page, 'the refused sign-off')
  assert.match(await summary.textContent(), /Write the section 'What changed because of reviews and audits' before the report is signed off/)
  assert.match(await summary.textContent(), /The voice of children and young people/)
  assert.doesNotMatch(await summary.textContent(), /Independent scrutiny'/, 'the scrutiny section was written')
  assert.match(await lead.page.locator('section#sign-off').textContent(), /Knowsley Council\s*Not signed off yet/)
  await lead.context.close()
})

// Issue 18 item 3: the agencies' statements, seed 001's Appendix B. Knowsley Housing Trust's
// safeguarding lead comments on this year's statement, waiting with the business unit; the
// business manager returns it with a reason (the empty reason refused first); the lead changes
// and submits it again, and the business manager accepts it. The 2016/17 report carries its
// accepted statements in the appendix.
test('an agency lead and the business manager take a statement from submitted to accepted', async () => {
  const housing = { email: 'andrew.kerr@knowsley-housing.example', password: server.accounts.business_unit.password }
  const lead = await freshPage(browser, phone)
  await signIn(lead.page, server.baseUrl, housing)
  await lead.page.goto(server.baseUrl + '/reports/2026-27/statements')
  await checkA11y(lead.page, 'this year\'s statements as an agency lead')
  await fitsThePhone(lead.page, 'the statements list')
  const row = lead.page.getByRole('row').filter({ hasText: 'Knowsley Housing Trust' })
  assert.match(await row.textContent(), /\(your agency\)\s*Submitted/)
  await row.getByRole('link').click()
  await checkA11y(lead.page, 'a submitted statement')
  assert.equal(await lead.page.getByRole('button', { name: 'Save as a draft' }).count(), 0, 'with the business unit now')
  await lead.page.getByLabel('Comment').fill('The referral figures are from our housing system.')
  await lead.page.getByRole('button', { name: 'Add the comment' }).click()
  await lead.page.getByText('Comment added.').waitFor()
  await checkA11y(lead.page, 'after a comment')

  const unit = await freshPage(browser, { viewport: { width: 1280, height: 900 } })
  await signIn(unit.page, server.baseUrl, server.accounts.business_unit)
  // The business manager finds it in My work, where what waits for them is listed.
  await unit.page.goto(server.baseUrl + '/my-work')
  await checkA11y(unit.page, 'my work with a statement waiting')
  await unit.page.getByRole('link', { name: /Accept or return Knowsley Housing Trust's statement for the yearly report 2026 to 2027/ }).click()
  await checkA11y(unit.page, 'a statement waiting for the business unit')
  assert.match(await unit.page.getByRole('main').textContent(), /Andrew Kerr commented on .*: The referral figures are from our housing system\./)
  await unit.page.getByRole('button', { name: 'Return for changes' }).click()
  const summary = unit.page.locator('.govuk-error-summary')
  await summary.waitFor()
  await checkA11y(unit.page, 'a return without a reason')
  assert.match(await summary.textContent(), /Say what the agency should change/)
  await unit.page.getByLabel('What should change').fill('Say how many tenancy officers were trained.')
  await unit.page.getByRole('button', { name: 'Return for changes' }).click()
  await unit.page.getByText('Statement returned to the agency for changes.').waitFor()

  await lead.page.reload()
  await checkA11y(lead.page, 'a returned statement')
  assert.match(await lead.page.getByRole('main').textContent(), /Returned for changes by Gareth Oduya .*: Say how many tenancy officers were trained\./)
  const text = lead.page.getByLabel('The statement')
  await text.fill((await text.inputValue()) + '\n\n42 tenancy officers completed the neglect training.')
  await lead.page.getByRole('button', { name: 'Submit to the business unit' }).click()
  await lead.page.getByText('Statement submitted to the business unit.').waitFor()
  await fitsThePhone(lead.page, 'the submitted statement')

  await unit.page.reload()
  await unit.page.getByRole('button', { name: 'Accept into the report' }).click()
  await unit.page.getByText('Statement accepted into the report.').waitFor()
  await checkA11y(unit.page, 'an accepted statement')
  await unit.page.goto(server.baseUrl + '/reports/2016-17#agency-statements')
  const appendix = unit.page.locator('section#agency-statements')
  assert.match(await appendix.getByRole('heading', { level: 2 }).textContent(), /Appendix: partners' contribution to safeguarding children/)
  assert.match(await appendix.textContent(), /signed a protocol with the Young Persons Team/)
  assert.equal(await appendix.getByRole('heading', { level: 3 }).count(), 8, 'the eight statements accepted for 2016/17')
  await lead.context.close()
  await unit.context.close()
})
