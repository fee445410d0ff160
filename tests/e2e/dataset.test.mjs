// The multi-agency dataset in the browser: Knowsley's business manager reads the 2016/17
// scorecard (seed 001's 290 children looked after, 89.3 per 10,000, the trend drawn with its
// figures in a table) and the returns list, where the council's Q3 return is late; the
// council's performance officer sends it, first with a figure that is not a number (the error
// summary names the field and nothing is saved), then whole; the re-referral rate, worse for
// the second quarter running, appears on the exception report, where the business manager
// writes its note with an action from the action plan; a damaged workbook uploaded on the import
// page is named in the error summary; a census is imported, a refused child first; the census
// rules are set, a wrong number first. axe-core checks every page visited.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, checkA11y, visit, signIn, freshPage, fitsAPhone } from './support.mjs'

let server, browser

before(async () => {
  server = await startServer({ today: '2026-11-23' })
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

const lead = () => ({ email: 'nadia.kowalski@knowsley-council.example', password: server.accounts.business_unit.password })

test('the business manager reads the scorecard and sees the council\'s third-quarter return late', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/dataset?period=2016-17', 'scorecard 2016-17')
  const row = page.locator('#indicator-cla_rate')
  assert.match(await row.textContent(), /89\.3/)
  assert.match(await page.locator('#indicator-cla').textContent(), /290/)
  assert.equal(await page.locator('#trend-cla_rate svg').count(), 1)
  assert.match(await page.locator('#trend-cla_rate table').textContent(), /2016\/17/)

  await page.getByRole('link', { name: 'Agency returns' }).click()
  await checkA11y(page, 'returns outstanding')
  await page.getByLabel('Show').selectOption('late')
  await page.getByRole('button', { name: 'Show' }).click()
  await checkA11y(page, 'returns late')
  const late = page.locator('table').filter({ hasText: 'Returns by due date' })
  assert.match(await late.textContent(), /Knowsley Council/)
  assert.match(await late.textContent(), /Q3 2016\/17/)
  assert.match(await late.textContent(), /Late/)
  await page.getByLabel('Show').selectOption('returned')
  await page.getByRole('button', { name: 'Show' }).click()
  await checkA11y(page, 'returns returned')
  await page.getByRole('link', { name: /Knowsley Council\W+Q2 2016\/17/ }).click()
  await checkA11y(page, 'the Q2 return with its correction')
  assert.match(await page.locator('#corrections').textContent(), /Two plans that started on 30 September/)
  await context.close()
})

test('the council\'s performance officer sends the late return after correcting a figure', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, lead())
  await visit(page, server.baseUrl + '/dataset/returns?state=late', 'own returns, late')
  await page.getByRole('link', { name: /Knowsley Council\W+Q3 2016\/17/ }).click()
  await checkA11y(page, 'the Q3 return')
  assert.match(await page.locator('h1').textContent(), /Knowsley Council: Q3 2016\/17 return/)

  for (const input of await page.locator('input[name^="value-"]').all()) await input.fill('10')
  for (const input of await page.locator('input[name^="numerator-"]').all()) await input.fill('13')
  for (const input of await page.locator('input[name^="denominator-"]').all()) await input.fill('100')
  const set = (name, value) => page.locator(`input[name="${name}"]`).fill(value)
  await set('value-cp_plans', '241')
  await set('value-cp_started', 'seventy-two')
  await set('numerator-re_referrals_12m', '176')
  await set('denominator-re_referrals_12m', '801')
  await page.getByRole('button', { name: 'Send the return' }).click()
  await checkA11y(page, 'the Q3 return with an error')
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /The figure for Child protection plans started must be a whole number/)
  await summary.getByRole('link').first().click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'value-cp_started')

  await set('value-cp_started', '72')
  await page.getByRole('button', { name: 'Send the return' }).click()
  await page.waitForURL(/saved=1/)
  await checkA11y(page, 'the Q3 return sent')
  assert.match(await page.locator('#return-figures').textContent(), /22\.0 \(176 of 801\)/)
  assert.match(await page.locator('main').textContent(), /Returned late/)
  await context.close()
})

test('the business manager writes the exception report\'s note for the re-referral rate', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/improvement', 'action plan')
  const action = (await page.locator('a[href^="/improvement/"]').first().getAttribute('href')).split('/').pop()
  await visit(page, server.baseUrl + '/dataset/exceptions?period=2016-17-Q3', 'exception report Q3')
  const card = page.locator('#exception-re_referrals_12m')
  assert.match(await card.textContent(), /Off trend/)
  await card.getByText('Write the note for Re-referrals within 12 months').click()
  await card.getByLabel("The owner's narrative").fill('Re-referrals rose as domestic abuse notifications from the police rose.')
  await card.getByLabel('Action taken').fill('A dip sample of re-referrals by the Quality Assurance and Review Group')
  await card.getByLabel('Action on the action plan (optional)').fill(action)
  await card.getByRole('button', { name: 'Save the note' }).click()
  await page.waitForURL(/saved=1/)
  await checkA11y(page, 'exception report with a note')
  const saved = page.locator('#exception-re_referrals_12m')
  assert.match(await saved.textContent(), /domestic abuse notifications/)
  assert.equal(await saved.getByRole('link', { name: new RegExp(`^Action ${action}:`) }).count(), 1)
  const csv = await page.request.get(server.baseUrl + '/dataset/exceptions.csv?period=2016-17-Q3')
  assert.match(await csv.text(), /re_referrals_12m/)
  await context.close()
})

test('the business manager uploads a damaged workbook and the import page says what is wrong with it', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/dataset/imports/new', 'import a file')
  await page.getByLabel("Agencies' figures (code, period, value or numerator and denominator)").check()
  await page.getByLabel('CSV, XLSX or XML file').setInputFiles({
    name: 'figures.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not the rest of a workbook')])
  })
  await page.getByRole('button', { name: 'Import' }).click()
  await checkA11y(page, 'import refused: damaged workbook')
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /upload an XLSX workbook or a CSV file/)
  await summary.getByRole('link').first().click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'file')
  await context.close()
})

// Issue 15 item 1: the partnership's own catalogue. The business manager raises the target for
// children looked after per 10,000 on its indicator page, a target that is not a number refused
// first, then records the region's figure for 2016/17 as a benchmark.
test('the business manager changes an indicator\'s target and records a benchmark', async () => {
  const { context, page } = await freshPage(browser, { viewport: { width: 1280, height: 900 } })
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/dataset/indicators/cla_rate', 'an indicator')
  await page.getByRole('link', { name: 'Change the indicator or its benchmarks' }).click()
  await checkA11y(page, 'change an indicator')
  await page.getByLabel('Target', { exact: true }).fill('ninety')
  await page.getByRole('button', { name: 'Save the indicator' }).click()
  const summary = page.locator('.govuk-error-summary')
  await summary.waitFor()
  await checkA11y(page, 'an indicator with a wrong target')
  assert.match(await summary.textContent(), /Enter the target as a number/)
  await page.getByLabel('Target', { exact: true }).fill('85')
  await page.getByRole('button', { name: 'Save the indicator' }).click()
  await page.getByText('The indicator was saved.').waitFor()
  await checkA11y(page, 'the indicator after its change')
  assert.match(await page.getByRole('main').textContent(), /Target\s*85/)

  await page.getByRole('link', { name: 'Change the indicator or its benchmarks' }).click()
  await page.getByLabel('Financial year').fill('2016-17')
  await page.getByLabel('Region').check()
  await page.getByLabel('Value').fill('71.3')
  await page.getByRole('button', { name: 'Record the benchmark' }).click()
  await page.getByText('The benchmark was recorded.').waitFor()
  await checkA11y(page, 'the indicator\'s benchmarks')
  const row = page.getByRole('region', { name: 'Benchmarks' }).getByRole('row').filter({ hasText: 'Region' }).filter({ hasText: '2016 to 2017' })
  assert.match(await row.textContent(), /71\.3/)
  await context.close()
})

// Issue 15 item 3: the children in need census, as the XML sent to the DfE. A child whose plan
// ends before it starts is refused at its line and nothing is saved; with the valid children
// accepted, the import report counts children and the year's plans are counted from them. Last in
// this file: the census's year becomes the dataset's latest.
function census (secondPlanEnd) {
  const child = (id, plan) => `<Child>\n<ChildIdentifiers><LAchildID>${id}</LAchildID></ChildIdentifiers>\n` +
    `<CINdetails><CINreferralDate>2017-06-02</CINreferralDate>${plan}</CINdetails>\n</Child>\n`
  const plan = (start, end, category) => `<ChildProtectionPlans><CPPstartDate>${start}</CPPstartDate>` +
    (end ? `<CPPendDate>${end}</CPPendDate>` : '') + `<LatestCategoryOfAbuse>${category}</LatestCategoryOfAbuse></ChildProtectionPlans>`
  return '<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n<Header><CollectionDetails><ReferenceDate>2018-03-31</ReferenceDate>' +
    '</CollectionDetails></Header>\n<Children>\n' +
    child('E2E001', plan('2017-07-01', '', 'NEG')) +
    child('E2E002', plan('2017-08-01', secondPlanEnd, 'EMO')) +
    child('E2E003', plan('2017-09-01', '', 'EMO')) +
    '</Children>\n</Message>\n'
}

test('the business manager imports a children in need census, a refused child first', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/dataset/imports/new', 'import a file')
  const upload = async (xml) => {
    await page.getByLabel('Children in need census (the XML file sent to the DfE)').check()
    await page.getByLabel('Financial year (for a record extract)').selectOption('2017-18')
    await page.getByLabel('CSV, XLSX or XML file').setInputFiles({ name: 'cin-2017-18.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) })
    await page.getByRole('button', { name: 'Import' }).click()
  }
  await upload(census('2017-07-15'))
  const summary = page.locator('.govuk-error-summary')
  await summary.waitFor()
  await checkA11y(page, 'census refused: a plan ending before it starts')
  assert.match(await summary.textContent(), /1 child was refused, so nothing was saved/)
  const refused = page.locator('#refused-rows')
  assert.match(await refused.textContent(), /CPPendDate 15 July 2017 is before CPPstartDate 1 August 2017/)
  assert.match(await refused.getByRole('row').nth(1).textContent(), /^\s*9/)  // the refused child's <Child> line

  await page.getByLabel('Save the valid rows anyway').check()
  await upload(census('2017-07-15'))
  await page.getByText('2 children saved from cin-2017-18.xml').waitFor()
  await checkA11y(page, 'census imported')
  assert.match(await page.getByRole('main').textContent(), /Children read\s*3/)
  await visit(page, server.baseUrl + '/dataset/indicators/cp_plans', 'plans counted from the census')
  const main = await page.getByRole('main').textContent()
  assert.match(main, /Latest figure\s*2 for 2017\/18/)
  assert.match(main, /Counted from\s*The local authority's records imported for 2017\/18/)
  await context.close()
})

test('the business manager sets the partnership\'s census rules, a wrong number first', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/dataset?period=2016-17', 'scorecard before the census rules')
  await page.getByRole('link', { name: 'Census rules' }).click()
  await checkA11y(page, 'census rules, the defaults')
  assert.match(await page.locator('#census-rules').textContent(), /Working days from a referral to its assessment's authorisation\s*45/)
  const assessment = page.getByLabel('Working days from a referral to its assessment\'s authorisation')
  await assessment.fill('forty')
  await page.getByRole('button', { name: 'Save the census rules' }).click()
  const summary = page.locator('.govuk-error-summary')
  await summary.waitFor()
  await checkA11y(page, 'census rules refused')
  await fitsAPhone(page, 'census rules with the error summary')
  assert.match(await summary.textContent(), /as a whole number from 1 to 200/)
  await assessment.fill('40')
  await page.getByRole('button', { name: 'Save the census rules' }).click()
  await page.getByText('The census rules were saved.').waitFor()
  await checkA11y(page, 'census rules saved')
  assert.match(await page.locator('#census-rules').textContent(), /authorisation\s*40/)
  await context.close()
})
