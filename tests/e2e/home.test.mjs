// Each role signs in and sees first what needs them (issue 19 item 1), on the demo partnership
// frozen on Monday 23 November 2026. The business manager: the cases whose statutory date comes
// soonest, the overdue rapid review of Child W first, and what they owe. A statutory partner's
// lead: the same cases, and the Strategic Forum's next meeting. An agency's safeguarding lead:
// their agency's returns, the one case whose panel they sit on and their group's next meeting, on
// a 375-pixel phone. The independent
// scrutineer, who chairs the Strategic Forum: the statutory clocks over every case and no case
// record. axe-core checks every page visited.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useDemo, checkA11y, signIn, freshPage } from './support.mjs'

const run = useDemo({ today: '2026-11-23' })

const main = page => page.getByRole('main')
const list = (page, name) => main(page).getByRole('list', { name, exact: true })

async function fitsThePhone (page, label) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 375, `${label} is ${width} pixels wide`)
}

async function waitingForYou (page) {
  await main(page).getByRole('heading', { name: 'Waiting for you', exact: true }).waitFor()
  return (await page.locator('#my-work-link').textContent()).replace(/\s+/g, ' ').trim()
}

test('the business manager sees the overdue rapid review first and opens it', async () => {
  const { context, page } = await freshPage(run.browser, { viewport: { width: 1280, height: 900 } })
  await signIn(page, run.server.baseUrl, run.server.accounts.business_unit)
  assert.match(await waitingForYou(page), /^My work: \d+ things? waiting for you, \d+ overdue$/)
  const due = list(page, 'Statutory dates coming up').getByRole('listitem')
  assert.ok(await due.count() >= 2, 'the open cases due soonest')
  const first = due.first()
  assert.match(await first.textContent(), /\(Child W\)/)
  assert.match(await first.textContent(), /3 working days overdue/)
  assert.equal(await first.locator('.govuk-tag--red').count(), 1)
  // Child V's clock has 12 working days to run: it comes after, without a red tag.
  const childV = due.filter({ hasText: 'Child V' })
  assert.match(await childV.textContent(), /due 9 December 2026\s*\(12 working days left\)/)
  assert.equal(await childV.locator('.govuk-tag--red').count(), 0)
  assert.match(await main(page).locator('.govuk-warning-text').first().textContent(), /1 case past a statutory date/)

  await first.getByRole('link').click()
  await page.waitForURL(/\/reviews\/\d+$/)
  await checkA11y(page, 'the overdue case')
  assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /Child W/)
  await context.close()
})

test('a statutory partner’s lead sees the cases and opens the Strategic Forum’s next meeting', async () => {
  const { context, page } = await freshPage(run.browser, { viewport: { width: 1280, height: 900 } })
  await signIn(page, run.server.baseUrl, run.server.accounts.partner_lead)
  await waitingForYou(page)
  assert.match(await list(page, 'Statutory dates coming up').getByRole('listitem').first().textContent(), /Child W/)
  const meetings = list(page, 'Your groups’ next meetings').getByRole('listitem')
  const forum = meetings.filter({ hasText: 'Strategic Forum' })
  assert.equal(await forum.count(), 1)
  assert.match(await forum.textContent(), /Agenda (not sent yet|sent to the members on \d+ \w+ \d{4})\./)
  assert.doesNotMatch(await forum.textContent(), /You are its chair/, 'the independent chair chairs it')
  const text = (await forum.getByRole('link').first().textContent()).trim()
  const [, when] = text.match(/^Strategic Forum, (\d+ \w+ \d{4}) at \d\d:\d\d$/)
  assert.ok(new Date(when) >= new Date('2026-11-23'), `${when} is still to come`)
  await forum.getByRole('link').first().click()
  await page.waitForURL(/\/meetings\/\d+$/)
  await checkA11y(page, 'the next meeting')
  assert.match(await page.getByRole('heading', { level: 1 }).textContent(), new RegExp(`Meeting on ${when}`))
  assert.match(await main(page).textContent(), /Strategic Forum/)
  await context.close()
})

test('an agency’s safeguarding lead sees what their agency owes on a phone, and only the case whose panel they sit on', async () => {
  const { context, page } = await freshPage(run.browser, { viewport: { width: 375, height: 812 } })
  await signIn(page, run.server.baseUrl, run.server.accounts.agency_lead)
  await fitsThePhone(page, 'the agency lead’s home page')
  assert.match(await waitingForYou(page), /^My work: [1-9]\d* things? waiting for you/)
  const owed = list(page, 'Waiting for you').getByRole('listitem')
  assert.ok(await owed.count() >= 1)
  assert.match(await owed.first().textContent(), /(Due|No due date|On) /)
  // On Child X's panel (the review group's school member), so that case and no other.
  const cases = list(page, 'Statutory dates coming up').getByRole('listitem')
  assert.equal(await cases.count(), 1)
  assert.match(await cases.first().textContent(), /\(Child X\): Complete the local review, due \d+ \w+ \d{4}/)
  const meetings = list(page, 'Your groups’ next meetings').getByRole('listitem')
  assert.equal(await meetings.filter({ hasText: 'Safeguarding Review and Learning Group' }).count(), 1)
  await owed.first().getByRole('link').click()
  await checkA11y(page, 'the first thing owed')
  await fitsThePhone(page, 'the first thing owed')
  assert.notEqual(await page.getByRole('heading', { level: 1 }).count(), 0)
  await context.close()
})

test('the independent scrutineer sees the clocks over every case, no case, and the meeting they chair', async () => {
  const { context, page } = await freshPage(run.browser, { viewport: { width: 1280, height: 900 } })
  await signIn(page, run.server.baseUrl, run.server.accounts.scrutineer)
  await waitingForYou(page)
  assert.equal(await main(page).locator('a[href^="/reviews/"]').count(), 0, 'no case record')
  assert.equal(await list(page, 'Statutory dates coming up').count(), 0)
  assert.match(await main(page).locator('.govuk-warning-text').first().textContent(), /1 case past a statutory date/)
  const clocks = main(page).locator('#clocks')
  assert.match(await main(page).getByRole('heading', { name: /^Statutory clocks in \d{4}\/\d\d$/ }).textContent(), /2026\/27/)
  assert.match(await clocks.textContent(), /Panel notified in time\s*\d+ of \d+ \(\d+%\)/)
  assert.match(await clocks.textContent(), /Rapid review completed in time/)
  assert.match(await main(page).textContent(), /Every case of the partnership\./)
  const forum = list(page, 'Your groups’ next meetings').getByRole('listitem').filter({ hasText: 'Strategic Forum' })
  assert.match(await forum.textContent(), /You are its chair/)
  await main(page).getByRole('link', { name: 'The clocks year by year' }).click()
  await page.waitForURL(/\/reviews#timeliness$/)
  await checkA11y(page, 'the clocks year by year')
  await context.close()
})
