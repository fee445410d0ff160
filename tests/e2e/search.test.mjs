// Search in the browser (docs/decisions/0026-search-and-my-work.md). At 1280 pixels Knowsley's business
// manager types a group's name into the box in the header and finds the group, grouped by kind
// with the words marked, and opens it; a search of only symbols is an error summary; words
// from a case's summary find no case. On a 375-pixel phone, without JavaScript, an agency lead
// opens My work from the home page, searches from the header, opens every result of one kind
// and pages through it. axe-core
// checks every page visited, and no page is wider than the phone.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, checkA11y, signIn, freshPage, noScriptPage } from './support.mjs'

let server, browser

before(async () => {
  server = await startServer({ today: '2026-11-23' })
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

async function fitsThePhone (page, label) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 375, `${label} is ${width} pixels wide`)
}

async function searchFromTheHeader (page, text) {
  const box = page.getByRole('search').first()
  await box.getByRole('searchbox', { name: 'Search the partnership’s records' }).fill(text)
  await box.getByRole('button', { name: 'Search' }).click()
  await page.waitForURL(/\/search\?q=/)
}

test('the business manager finds a group from the header, and a case by none of its words', async () => {
  const { context, page } = await freshPage(browser, { viewport: { width: 1280, height: 900 } })
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await searchFromTheHeader(page, 'strategic forum')
  await checkA11y(page, 'search results')
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Search results')
  const groups = page.locator('section#results-group')
  assert.match(await groups.getByRole('heading', { level: 2 }).textContent(), /Groups/)
  const link = groups.getByRole('link', { name: 'Strategic Forum' }).first()
  assert.deepEqual(await link.locator('mark').allTextContents(), ['Strategic', 'Forum'])
  await link.click()
  await page.waitForURL(/\/groups\/\d+$/)
  await checkA11y(page, 'the group found')
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Strategic Forum')

  await searchFromTheHeader(page, '- "" OR')
  await checkA11y(page, 'a search of symbols')
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /Enter words or names to search for, not only symbols/)
  assert.equal(await page.title(), 'Error: Search – Assure')

  // Child O's case summary speaks of the coroner: no case is ever a result.
  await searchFromTheHeader(page, 'coroner')
  await checkA11y(page, 'a search of a case’s words')
  assert.equal(await page.locator('main a[href^="/reviews/"]').count(), 0)
  await context.close()
})

test('an agency lead searches on a phone without JavaScript and pages through one kind', async () => {
  const { context, page } = await noScriptPage(browser)
  await page.setViewportSize({ width: 375, height: 812 })
  await signIn(page, server.baseUrl, server.accounts.agency_lead)
  await fitsThePhone(page, 'the home page with the search box')
  assert.match(await page.locator('#my-work-link').textContent(), /My work: \d+ things? waiting for you, \d+ overdue/)
  await page.getByRole('link', { name: 'My work' }).click()
  await page.waitForURL(/\/my-work$/)
  await checkA11y(page, 'my work')
  await fitsThePhone(page, 'my work')
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'My work')
  await searchFromTheHeader(page, 'knowsley')
  await checkA11y(page, 'search results on a phone')
  await fitsThePhone(page, 'search results')
  assert.match(await page.locator('#results-summary').textContent(), /results? for “knowsley”/)
  const people = page.locator('section#results-person')
  const all = people.getByRole('link', { name: /^See all \d+ people$/ })
  assert.ok(await all.isVisible(), 'more people than the five shown')
  const total = Number((await all.textContent()).match(/\d+/)[0])
  await all.click()
  await checkA11y(page, 'every person found')
  await fitsThePhone(page, 'every person found')
  let shown = await page.locator('.assure-search-result').count()
  while (await page.getByRole('link', { name: /Next/ }).count() > 0) {
    await page.getByRole('link', { name: /Next/ }).first().click()
    await checkA11y(page, 'the next page of people')
    await fitsThePhone(page, 'the next page of people')
    shown += await page.locator('.assure-search-result').count()
  }
  assert.equal(shown, total)
  await page.getByRole('link', { name: 'All results for “knowsley”' }).click()
  await checkA11y(page, 'back to every kind')
  await context.close()
})
