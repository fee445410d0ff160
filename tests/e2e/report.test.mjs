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
  assert.equal(await training.getByRole('img').count(), 2, 'the delegates chart and the evaluation scores chart')
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
