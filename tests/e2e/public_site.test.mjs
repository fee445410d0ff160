// Knowsley's public site in the browser, signed out, at 1280 and at 375 pixels: the home page,
// each section (arrangements and procedures, review reports with one past its twelve months
// listed as available on request, 7-minute briefings, training, yearly reports) and the
// published 2016/17 report. Then publishing: the business manager proposes a document from its
// documents page, it is not public until the council's partner lead approves it, and then it
// is. axe-core checks every page visited; at 375 pixels no page is wider than the phone.
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

const pages = [
  ['/p/knowsley/', 'the public home page'],
  ['/p/knowsley/policies', 'arrangements and procedures'],
  ['/p/knowsley/reviews', 'review reports'],
  ['/p/knowsley/briefings', '7-minute briefings'],
  ['/p/knowsley/training', 'the training calendar'],
  ['/p/knowsley/reports', 'yearly reports'],
  ['/p/knowsley/reports/2016-17', 'the published 2016/17 report']
]

for (const width of [1280, 375]) {
  test(`a visitor reads Knowsley's public site at ${width} pixels`, async () => {
    const { context, page } = await freshPage(browser, { viewport: { width, height: 900 } })
    for (const [path, label] of pages) {
      const response = await page.goto(server.baseUrl + path)
      assert.equal(response.status(), 200, label)
      assert.match(response.headers()['cache-control'], /^public, max-age=/, label)
      assert.ok(response.headers().etag, `${label} has an ETag`)
      await checkA11y(page, `${label} at ${width}`)
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(scroll <= width, `${label} is ${scroll} pixels wide at ${width}`)
    }
    await page.goto(server.baseUrl + '/p/knowsley/reviews')
    const older = page.getByRole('listitem').filter({ hasText: 'a young person at risk of exploitation' })
    assert.match(await older.textContent(), /Available on request/)
    assert.equal(await older.getByRole('link').count(), 0, 'no link once past the twelve months')
    await page.getByRole('link', { name: 'Local child safeguarding practice review: domestic abuse in the home' }).waitFor()

    await page.goto(server.baseUrl + '/p/knowsley/reports')
    await page.getByRole('link', { name: 'Knowsley Safeguarding Children Board annual report 2016 to 2017' }).click()
    await page.waitForURL(server.baseUrl + '/p/knowsley/reports/2016-17')
    assert.match(await page.locator('section#training').textContent(), /1,756 delegates attended/)
    assert.equal(await page.getByRole('link', { name: /Write the section/ }).count(), 0)
    await context.close()
  })
}

test('the business manager proposes a briefing and the council lead approves it before it is public', async () => {
  const bu = await freshPage(browser)
  await signIn(bu.page, server.baseUrl, server.accounts.business_unit)
  await bu.page.goto(server.baseUrl + '/documents')
  await checkA11y(bu.page, 'the partnership documents')
  await bu.page.getByRole('link', { name: 'Publish Multi-agency audit framework and calendar on the public site' }).click()
  await checkA11y(bu.page, 'propose a publication')
  await bu.page.getByRole('button', { name: 'Propose for approval' }).click()
  await bu.page.locator('.govuk-error-summary').waitFor()
  await checkA11y(bu.page, 'proposal refused')
  assert.match(await bu.page.locator('.govuk-error-summary').textContent(), /Enter the title the public will read/)
  await bu.page.getByLabel('What is it?').selectOption('briefing')
  await bu.page.getByLabel('Public title').fill('7-minute briefing: what the audits found')
  await bu.page.getByLabel('Day').fill('20')
  await bu.page.getByLabel('Month').fill('11')
  await bu.page.getByLabel('Year', { exact: true }).fill('2026')
  await bu.page.getByRole('button', { name: 'Propose for approval' }).click()
  await bu.page.getByText('The publication is proposed and awaits approval').waitFor()
  await checkA11y(bu.page, 'the publications page')
  assert.equal(await bu.page.getByRole('button', { name: 'Approve 7-minute briefing: what the audits found' }).count(), 0,
    'the proposer cannot approve it')
  await bu.context.close()

  const visitor = await freshPage(browser)
  await visitor.page.goto(server.baseUrl + '/p/knowsley/briefings')
  assert.doesNotMatch(await visitor.page.locator('main').textContent(), /what the audits found/, 'not public before approval')

  const lead = await freshPage(browser)
  await signIn(lead.page, server.baseUrl, server.accounts.partner_lead)
  await lead.page.goto(server.baseUrl + '/publications')
  await checkA11y(lead.page, 'publications for the partner lead')
  await lead.page.getByRole('button', { name: 'Approve 7-minute briefing: what the audits found' }).click()
  await lead.page.getByText('The publication is approved and on the public site').waitFor()
  await lead.context.close()

  await visitor.page.reload()
  await visitor.page.getByRole('link', { name: '7-minute briefing: what the audits found' }).waitFor()
  await checkA11y(visitor.page, 'briefings after approval')
  await visitor.context.close()
})
