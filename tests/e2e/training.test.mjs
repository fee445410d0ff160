// Training in the browser: Knowsley's training officer (the business unit) reads 2016/17's
// figures (seed 001's 1,756 delegates, counted from the registers), opens this year's full
// Working Together session, books a practitioner whose email is mistyped (the error summary
// names the field and nothing is saved), corrects it and sees the booking join the waiting
// list in order. The public calendar is read without signing in. Evaluation: the officer reads a
// course's and a 2016/17 session's results (a chart and a table), links impact evidence, sends
// the requests due; a delegate with no account answers through the link in their email, sees
// the error summary first, then their certificate. The officer reads the delegates' answers
// (and their CSV); a practitioner signed in finds the evaluation the server's daily round sent
// them in "My work" and answers it there. axe-core checks every page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, checkA11y, visit, signIn, freshPage } from './support.mjs'

let server, browser

before(async () => {
  server = await startServer({ today: '2026-11-23' })
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

test('the training officer reads the year and books onto a full session, correcting the email first', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Training' }).click()
  await checkA11y(page, 'training sessions to come')
  await page.getByRole('link', { name: 'Yearly figures' }).click()
  await page.getByLabel('Financial year').fill('2016-17')
  await page.getByRole('button', { name: 'Show' }).click()
  await checkA11y(page, 'training figures 2016-17')
  const byCourse = page.locator('table').filter({ hasText: 'Delegates by course' })
  const total = byCourse.locator('tr').filter({ has: page.getByRole('rowheader', { name: 'All courses', exact: true }) })
  assert.equal((await total.locator('td').first().textContent()).trim(), '1,756')
  // The same delegates by quarter, and the training pool: Compromised Care rests on one trainer.
  const byQuarter = page.locator('table').filter({ hasText: 'Delegates by quarter' })
  const quarters = byQuarter.locator('tr').filter({ has: page.getByRole('rowheader', { name: 'All courses', exact: true }) })
  assert.equal((await quarters.locator('td').first().textContent()).trim(), '1,756')
  assert.match(await page.locator('.govuk-inset-text').textContent(), /one trainer or none named.*Compromised Care/)

  await visit(page, server.baseUrl + '/training/courses', 'courses')
  await visit(page, server.baseUrl + '/training', 'sessions again')
  // The first session to come is Working Together, full with a waiting list of four.
  const full = page.locator('tr').filter({ hasText: 'Full: 4 on the waiting list' }).first()
  await full.getByRole('link').click()
  await checkA11y(page, 'a full session')
  await page.getByLabel('Name of the person attending').fill('Siobhan Kelly')
  await page.getByLabel('Their work email address').fill('siobhan.kelly-at-knowsley.example')
  await page.getByRole('button', { name: 'Book', exact: true }).click()
  await checkA11y(page, 'booking with an error')
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /Enter an email address like name@example.org/)
  await summary.getByRole('link').first().click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'email')
  assert.equal(await page.getByText('Siobhan Kelly').count(), 0, 'nothing saved')

  await page.getByLabel('Their work email address').fill('siobhan.kelly@knowsley.example')
  await page.getByRole('button', { name: 'Book', exact: true }).click()
  await page.getByText('The session is full: the booking is on the waiting list').waitFor()
  await checkA11y(page, 'booking on the waiting list')
  const row = page.locator('tr').filter({ hasText: 'siobhan.kelly@knowsley.example' })
  assert.match(await row.textContent(), /On the waiting list \(5\)/)
  await context.close()
})

test('the public calendar needs no sign-in and offers only sessions with places', async () => {
  const { context, page } = await freshPage(browser)
  await visit(page, server.baseUrl + '/p/knowsley/training', 'public calendar')
  const main = await page.locator('main').textContent()
  assert.match(main, /WTSC Refresher/)
  assert.doesNotMatch(main, /Full:/)
  const feed = await page.request.get(server.baseUrl + '/p/knowsley/training.ics')
  assert.equal(feed.headers()['content-type'], 'text/calendar; charset=utf-8')
  assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n/)
  await context.close()
})

test('a practitioner without an account books a place from the public calendar on a phone', async () => {
  const { context, page } = await freshPage(browser, { viewport: { width: 375, height: 812 } })
  await visit(page, server.baseUrl + '/p/knowsley/training', 'public calendar on a phone')
  await page.getByRole('link', { name: /^Book a place on WTSC Refresher/ }).first().click()
  await checkA11y(page, 'public booking form')
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the form fits a phone')
  await page.getByLabel('Full name').fill('Jordan Hughes')
  await page.getByLabel('Email address').fill('jordan.hughes at knowsley')
  await page.getByLabel('Your agency').selectOption({ label: 'Knowsley Council' })
  await page.getByRole('button', { name: 'Book a place' }).click()
  await checkA11y(page, 'public booking form with errors')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /Enter an email address/)
  await page.getByLabel('Email address').fill('jordan.hughes@knowsley.example')
  await page.getByRole('button', { name: 'Book a place' }).click()
  await page.getByRole('heading', { name: 'You have a place' }).waitFor()
  await checkA11y(page, 'public booking made')
  await context.close()
})

test('a group member may read and book but not set up courses', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.member)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Training' }).click()
  await checkA11y(page, 'member sees sessions')
  const response = await page.goto(server.baseUrl + '/training/courses/new')
  assert.equal(response.status(), 403)
  await checkA11y(page, 'forbidden')
  await context.close()
})

test('the officer sends evaluation requests and a delegate without an account answers through their link', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/training/courses', 'courses for evaluation')
  await page.getByRole('link', { name: 'Exploring Neglect', exact: true }).click()
  await checkA11y(page, 'a course with its evaluation')
  assert.match(await page.locator('main').textContent(), /Mean scores out of 5/)
  assert.equal(await page.locator('main svg[role="img"]').count(), 1, 'the chart of mean scores')

  await page.getByRole('link', { name: 'Add impact evidence' }).click()
  await checkA11y(page, 'impact evidence form')
  await page.getByRole('button', { name: 'Save' }).click()
  await checkA11y(page, 'impact evidence with errors')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /Select whether the evidence is an audit or a dataset indicator/)
  await page.getByLabel('An audit').check()
  await page.getByLabel('Link to the audit or the dataset indicator').fill('/audits')
  await page.getByLabel('What the evidence shows').fill('The neglect audit found the Graded Care Profile used in most cases')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByText('Impact evidence added').waitFor()
  await checkA11y(page, 'course with impact evidence')

  await visit(page, server.baseUrl + '/training?when=all', 'every session')
  await page.locator('tr').filter({ hasText: 'Exploring Neglect' }).first().getByRole('link').click()
  await checkA11y(page, 'a 2016 session with its evaluation')
  await page.getByRole('button', { name: 'Send the evaluation requests due' }).click()
  await page.getByText(/Evaluation requests queued: \d+ after the session, \d+ follow-ups/).waitFor()
  await checkA11y(page, 'requests sent')

  await visit(page, server.baseUrl + '/outbox', 'outbox with evaluation requests')
  const request = page.locator('tr').filter({ hasText: 'Evaluate Exploring Neglect' }).first()
  const link = (await request.textContent()).match(/\/training\/evaluate\/[A-Za-z0-9_-]+/)[0]
  await context.close()

  const delegate = await freshPage(browser)
  await visit(delegate.page, server.baseUrl + link, 'evaluation form without signing in')
  await delegate.page.getByRole('button', { name: 'Send your answers' }).click()
  await checkA11y(delegate.page, 'evaluation form with errors')
  assert.match(await delegate.page.locator('.govuk-error-summary').textContent(), /Select a score from 1 to 5/)
  const scores = [['The session met its learning outcomes', '5 (strongly agree)'], ['My confidence before the session', '2'],
    ['My confidence after the session', '5 (very confident)'], ['The session was relevant to my work', '4']]
  for (const [question, answer] of scores) {
    await delegate.page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check()
  }
  await delegate.page.getByLabel('What will you do differently in your work?').fill('Use the Graded Care Profile at the first visit')
  await delegate.page.getByRole('button', { name: 'Send your answers' }).click()
  await delegate.page.getByText('Thank you: your answers are saved').waitFor()
  await checkA11y(delegate.page, 'evaluation saved')
  const certificate = await delegate.page.request.get(server.baseUrl + link + '/certificate.pdf')
  assert.equal(certificate.status(), 200)
  assert.equal(certificate.headers()['content-type'], 'application/pdf')
  await delegate.context.close()
})

test('the officer reads the answers, and a practitioner answers the evaluation waiting in My work', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/training?when=all', 'every session, for the answers')
  await page.locator('tr').filter({ hasText: 'Exploring Neglect' }).first().getByRole('link').click()
  await page.getByRole('link', { name: "Read the delegates' answers" }).click()
  await checkA11y(page, 'the answers of a session')
  const answers = page.getByRole('region', { name: 'Answers' })
  assert.ok(await answers.isVisible())
  assert.ok(await answers.locator('tbody tr').count() > 0, 'the delegates answered')
  await page.getByLabel('Stage').selectOption('follow_up')
  await page.getByRole('button', { name: 'Filter' }).click()
  await checkA11y(page, 'the follow-up answers')
  assert.match(page.url(), /stage=follow_up/)
  const href = await page.getByRole('link', { name: 'Download these answers (CSV)' }).getAttribute('href')
  assert.match(href, /\/answers\.csv\?stage=follow_up$/)
  const csv = await page.request.get(server.baseUrl + href)
  assert.equal(csv.status(), 200)
  assert.match(await csv.text(), /^Delegate,Session,Stage,Given/)
  await context.close()

  const member = await freshPage(browser)
  await signIn(member.page, server.baseUrl, server.accounts.member)
  // The server's daily round sent the request for last week's refresher when it started.
  let found = false
  for (let i = 0; i < 20 && !found; i++) {
    await member.page.goto(server.baseUrl + '/my-work')
    found = await member.page.getByRole('heading', { name: 'Evaluations waiting for you' }).count() > 0
    if (!found) await new Promise(resolve => setTimeout(resolve, 250))
  }
  assert.ok(found, 'My work lists the evaluation waiting')
  await checkA11y(member.page, 'my work with an evaluation waiting')
  await member.page.getByRole('link', { name: /^Evaluate WTSC Refresher/ }).click()
  await checkA11y(member.page, 'the signed-in evaluation form')
  await member.page.getByRole('button', { name: 'Send your answers' }).click()
  await checkA11y(member.page, 'the signed-in evaluation form with errors')
  assert.match(await member.page.locator('.govuk-error-summary').textContent(), /Select a score from 1 to 5/)
  const scores = [['The session met its learning outcomes', '4'], ['My confidence before the session', '3'],
    ['My confidence after the session', '5 (very confident)'], ['The session was relevant to my work', '5 (strongly agree)']]
  for (const [question, answer] of scores) {
    await member.page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check()
  }
  await member.page.getByLabel('What will you do differently in your work?').fill('Check the refreshed thresholds before a referral')
  await member.page.getByRole('button', { name: 'Send your answers' }).click()
  await member.page.getByText('Thank you: your answers are saved').waitFor()
  await checkA11y(member.page, 'signed-in evaluation saved')
  await visit(member.page, server.baseUrl + '/my-work', 'my work after answering')
  assert.equal(await member.page.getByRole('heading', { name: 'Evaluations waiting for you' }).count(), 0, 'answered: no longer waiting')
  await member.context.close()
})

test('an agency lead books two colleagues at once, after the error summary names the wrong line', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.agency_lead)
  await visit(page, server.baseUrl + '/training', 'sessions for an agency lead')
  await page.locator('tr').filter({ hasText: 'Full: ' }).first().getByRole('link').click()
  await page.getByRole('link', { name: 'Book several people at once' }).click()
  await checkA11y(page, 'book several people')
  await page.getByLabel('Who is coming').fill('Priya Shah, priya.shah@halewood.example\nTom Ward')
  await page.getByRole('button', { name: 'Book them' }).click()
  await checkA11y(page, 'book several people, with an error')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /Line 2: enter/)
  await page.getByLabel('Who is coming').fill('Priya Shah, priya.shah@halewood.example\nTom Ward, tom.ward@halewood.example')
  await page.getByRole('button', { name: 'Book them' }).click()
  await page.getByText('0 places booked, 2 people on the waiting list').waitFor()
  await checkA11y(page, 'the session after booking two')
  await context.close()
})

test('on a phone, the training officer reads the online modules of 2016/17 and imports a report, correcting a row first', async () => {
  const { context, page } = await freshPage(browser, { viewport: { width: 375, height: 812 } })
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/training', 'sessions')
  await page.getByRole('link', { name: 'Online modules', exact: true }).click()
  await page.getByLabel('Financial year').fill('2016-17')
  await page.getByRole('button', { name: 'Show' }).click()
  await checkA11y(page, 'online modules of 2016/17')
  // Seed 001 Appendix A, counted from the provider's report the demo imported.
  assert.match(await page.getByRole('main').textContent(), /925 practitioners applied for an online module in 2016 to 2017 and 701 completed one\./)
  const byModule = page.locator('table').filter({ hasText: 'Applications by module' })
  assert.equal(await byModule.locator('tbody tr').count(), 8, 'seven modules and the total')
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'fits the phone')
  await byModule.getByRole('link', { name: 'Hate Crime' }).click()
  await checkA11y(page, 'a module')
  assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /Hate Crime/)
  assert.match(await page.getByRole('main').textContent(), /70 practitioners applied in 2016 to 2017/)

  await visit(page, server.baseUrl + '/training/modules/import', 'import the report')
  const wrong = 'Module,Name,Email,Organisation,Applied,Started,Completed\nHate Crime,Sam Carter,sam.carter@knowsley.example,,2026-11-02,,\nPrevent,Jo Bloggs,jo@knowsley.example,,2026-11-03,,\n'
  await page.getByLabel('The report (XLSX or CSV)').setInputFiles({ name: 'report.csv', mimeType: 'text/csv', buffer: Buffer.from(wrong) })
  await page.getByRole('button', { name: 'Import' }).click()
  await checkA11y(page, 'the refused report')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /Row 3: "Prevent" is not one of the partnership's online modules/)
  const fixed = wrong.replace('Prevent', 'Hate Crime')
  await page.getByLabel('The report (XLSX or CSV)').setInputFiles({ name: 'report.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) })
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByText('Report imported: 2 enrolments added').waitFor()
  await checkA11y(page, 'this year after the import')
  await context.close()
})

test('the training officer sets the charges, correcting an amount first, and tells the agencies of 2016/17’s places not used', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/training', 'sessions')
  await page.getByRole('link', { name: 'Places not used, by agency' }).click()
  await checkA11y(page, 'places not used this year')
  await page.getByRole('link', { name: 'Change the charges' }).click()
  await checkA11y(page, 'the charges')
  await page.getByLabel('Charge for a place not used without notice (optional)').fill('twenty five')
  await page.getByRole('button', { name: 'Save' }).click()
  const summary = page.locator('.govuk-error-summary')
  await summary.waitFor()
  await checkA11y(page, 'a charge refused')
  assert.match(await summary.textContent(), /Enter the charge for a place not used without notice in pounds/)
  await page.getByLabel('Charge for a place not used without notice (optional)').fill('25')
  await page.getByLabel('Charge for a place cancelled late (optional)').fill('10.00')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByText('Charges saved.').waitFor()
  assert.match(await page.getByRole('main').textContent(), /charges an agency £25 for a place not used without notice and £10 for a place cancelled late/)

  await page.getByLabel('Financial year').fill('2016-17')
  await page.getByRole('button', { name: 'Show' }).click()
  await checkA11y(page, 'places not used in 2016/17')
  const table = page.getByRole('table', { name: 'Places not used by agency' })
  assert.ok(await table.locator('tbody tr').count() > 1, 'several agencies')
  // Who they were, for the officer to follow up, agency by agency.
  await page.locator('details summary').first().click()
  assert.match(await page.locator('details').first().textContent(), /did not come|cancelled late/)
  await page.getByRole('button', { name: 'Tell each agency’s leads of their staff not yet told' }).click()
  await page.getByText(/Told \d+ agenc(y|ies) of \d+ places? not used\./).waitFor()
  await checkA11y(page, 'after telling the agencies')
  await context.close()
})

test('the training officer limits the places one agency may hold, and a booking past it is refused naming the agency', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/training', 'sessions')
  await page.locator('tr').filter({ hasText: 'WTSC Refresher' }).first().getByRole('link').click()
  await checkA11y(page, 'a session with places')
  assert.match(await page.locator('.govuk-summary-list').textContent(), /Places for one agency\s*No limit/)
  await page.getByRole('link', { name: 'Set the places for one agency' }).click()
  await checkA11y(page, 'the places for one agency')
  await page.getByLabel('Most places one agency may hold (optional)').fill('99')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.locator('.govuk-error-summary').waitFor()
  await checkA11y(page, 'a limit refused')
  await page.getByLabel('Most places one agency may hold (optional)').fill('1')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByText('Places for one agency saved').waitFor()
  assert.match(await page.locator('.govuk-summary-list').textContent(), /At most 1 for any one agency/)
  // An agency that holds a place already may not take another.
  const bookings = page.getByRole('table', { name: 'Bookings in the order they arrived' })
  const agency = (await bookings.locator('tbody tr').first().locator('td').nth(2).textContent()).trim()
  await page.getByLabel('Name of the person attending').fill('Megan Quinn')
  await page.getByLabel('Their work email address').fill('megan.quinn@knowsley.example')
  await page.getByLabel('Their agency').selectOption({ label: agency })
  await page.getByRole('button', { name: 'Book', exact: true }).click()
  const summary = page.locator('.govuk-error-summary')
  await summary.waitFor()
  await checkA11y(page, 'a booking past the limit')
  assert.match(await summary.textContent(), new RegExp(`may hold 1 place on this session and holds \\d+`))
  assert.match(await summary.textContent(), new RegExp(agency.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  await context.close()
})
