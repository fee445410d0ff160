// Journeys through the partnership directory, as the business unit and others use it.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, checkA11y, visit, signIn, noScriptPage, demo, freshPage } from './support.mjs'

let server, browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})


test('the business unit signs in and browses the agencies', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Agencies' }).click()
  await checkA11y(page, 'agencies')
  const table = page.getByRole('table')
  // Today's statutory partners; the clinical commissioning group closed in 2022 and is listed only
  // among the deactivated agencies.
  for (const agency of demo.agencies.filter(a => a.kind === 'statutory_partner' && !a.ended)) {
    await assert.doesNotReject(table.getByRole('link', { name: agency.name, exact: true }).waitFor())
  }
  assert.equal(await table.getByRole('link', { name: 'Knowsley Clinical Commissioning Group' }).count(), 0)
  await table.getByRole('link', { name: 'Merseyside Police', exact: true }).click()
  await checkA11y(page, 'an agency')
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Merseyside Police')
  assert.ok(await page.getByRole('cell', { name: /Detective Chief Superintendent/ }).count() > 0)
  await context.close()
})

test('the business unit adds a person, fixing a validation error first', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/people', 'people')
  await page.getByRole('button', { name: 'Add a person' }).click()
  await checkA11y(page, 'add a person')
  await page.getByLabel('Full name').fill('Grace Okoro')
  await page.getByLabel('Job title').fill('Designated Safeguarding Lead')
  await page.getByLabel('Email address').fill('not-an-email')
  await page.getByRole('button', { name: 'Save person' }).click()
  await checkA11y(page, 'add a person with errors')
  assert.match(await page.title(), /^Error: Add a person/)
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /There is a problem/)
  assert.ok(await summary.getByRole('link', { name: /Select the person's agency/ }).count() === 1)
  assert.ok(await summary.getByRole('link', { name: /Enter an email address in the correct format/ }).count() === 1)
  assert.equal(await page.getByLabel('Full name').inputValue(), 'Grace Okoro')

  await page.getByLabel('Agency').selectOption({ label: 'Knowsley College of Further Education' })
  await page.getByLabel('Email address').fill('grace.okoro@knowsley-college.example')
  await page.getByRole('button', { name: 'Save person' }).click()
  await checkA11y(page, 'the new person')
  assert.match(await page.locator('.govuk-notification-banner').textContent(), /Person saved/)
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Grace Okoro')
  await context.close()
})

test('signing in with a wrong password or an unknown email reveals nothing', async () => {
  const { context, page } = await freshPage(browser)
  const messages = []
  for (const email of [server.accounts.member.email, 'nobody@knowsley.example']) {
    await visit(page, server.baseUrl + '/login', 'sign in')
    await page.getByLabel('Email address').fill(email)
    await page.getByLabel('Password').fill('definitely the wrong password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await checkA11y(page, 'sign in refused')
    messages.push(await page.locator('.govuk-error-summary').textContent())
  }
  assert.equal(messages[0], messages[1])
  assert.match(messages[0], /Enter a correct email address and password/)
  await context.close()
})

test('a read-only user cannot add agencies', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.read_only)
  await visit(page, server.baseUrl + '/agencies', 'agencies (read only)')
  assert.equal(await page.getByRole('button', { name: 'Add an agency' }).count(), 0)
  const response = await visit(page, server.baseUrl + '/agencies/new', 'forbidden page')
  assert.equal(response.status(), 403)
  assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /You do not have permission/)
  await context.close()
})

test('the administrator finds a change in the audit trail', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.administrator)
  await visit(page, server.baseUrl + '/agencies/new', 'add an agency')
  await page.getByLabel('Agency name').fill('Knowsley Early Years Network')
  await page.getByLabel('Relevant agency', { exact: true }).check()
  await page.getByLabel('Sector').selectOption({ label: 'Early years' })
  await page.getByRole('button', { name: 'Save agency' }).click()
  await checkA11y(page, 'the new agency')
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Audit trail' }).click()
  await checkA11y(page, 'audit trail')
  await page.getByLabel('Record type').selectOption({ label: 'Agencies' })
  await page.getByLabel('Action starts with').fill('agency.create')
  await page.getByRole('button', { name: 'Apply filter' }).click()
  await checkA11y(page, 'audit trail filtered')
  const firstRow = page.locator('tbody tr').first()
  assert.match(await firstRow.textContent(), /agency\.create/)
  // The name first, the email beneath it for telling two people of one name apart.
  assert.match(await firstRow.locator('td').nth(1).textContent(), /^Sophie Tran\s*sophie\.tran@knowsley-council\.example$/)
  await firstRow.getByText('Before and after').click()
  assert.match(await firstRow.textContent(), /Knowsley Early Years Network/)
  await context.close()
})

test('a person revokes an API token they no longer need', async () => {
  const account = server.accounts.business_unit
  server.assure('token', 'create', '--user', account.email, '--name', 'old laptop')
  server.assure('token', 'create', '--user', account.email, '--name', 'monthly report')
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, account)
  await page.getByRole('link', { name: 'Your API tokens' }).click()
  await checkA11y(page, 'your API tokens')
  const row = page.getByRole('row', { name: /old laptop/ })
  assert.match(await row.textContent(), /Active/)
  await row.getByRole('link', { name: 'Revoke the token old laptop' }).click()
  await checkA11y(page, 'revoke an API token')
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Revoke the API token old laptop?')
  await page.getByRole('button', { name: 'Revoke token' }).click()
  await checkA11y(page, 'API token revoked')
  assert.match(await page.locator('.govuk-notification-banner').textContent(), /Token revoked/)
  assert.match(await page.getByRole('row', { name: /old laptop/ }).textContent(), /Revoked/)
  assert.match(await page.getByRole('row', { name: /monthly report/ }).textContent(), /Active/)
  assert.match(server.assure('token', 'list', '--user', account.email), /Revoked\told laptop/)
  await context.close()
})

test('every page works without JavaScript', async () => {
  const { context, page } = await noScriptPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await visit(page, server.baseUrl + '/agencies/new', 'add an agency (no JavaScript)')
  await page.getByRole('button', { name: 'Save agency' }).click()
  await checkA11y(page, 'agency errors (no JavaScript)')
  assert.match(await page.title(), /^Error:/)
  await page.getByLabel('Agency name').fill('Knowsley Foodbank')
  await page.getByLabel('Relevant agency', { exact: true }).check()
  await page.getByLabel('Sector').selectOption({ label: 'Voluntary, community and faith sector' })
  await page.getByRole('button', { name: 'Save agency' }).click()
  await checkA11y(page, 'new agency (no JavaScript)')
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Knowsley Foodbank')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await checkA11y(page, 'signed out')
  assert.match(await page.locator('.govuk-notification-banner').textContent(), /You have signed out/)
  await context.close()
})

test('the business unit reads the safeguarding partners and records a delegate, fixing an error first', async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Agencies' }).click()
  await page.getByRole('link', { name: 'Lead and delegated safeguarding partners' }).click()
  await checkA11y(page, 'safeguarding partners')
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Safeguarding partners')
  // Each statutory partner's holders, from the demo's records: the council's chief executive leads.
  for (const partner of demo.partners.filter(p => !p.to)) {
    const person = demo.people.find(p => p.email === partner.email)
    assert.ok(await page.getByRole('main').getByText(person.name).count() > 0, `${person.name} is listed`)
  }
  // The clinical commissioning group's chief officer held the role until the ICB took over.
  await page.getByText('Earlier and later holders').first().click()
  assert.ok(await page.getByText(/Dianne Johnson, lead safeguarding partner, 29 September 2019 to 30 June 2022/).count() > 0)

  await page.getByRole('button', { name: 'Record a safeguarding partner' }).click()
  await page.waitForURL(/\/partners\/new$/)
  await checkA11y(page, 'record a safeguarding partner')
  await page.getByLabel('Statutory partner').selectOption({ label: 'Merseyside Police' })
  await page.getByRole('button', { name: 'Save' }).click()
  await checkA11y(page, 'record a safeguarding partner, with errors')
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /Select a person from the directory/)
  assert.match(await summary.textContent(), /Select whether they are the lead safeguarding partner or a delegate/)
  const claire = demo.people.find(p => p.email.startsWith('claire.moss'))
  await page.getByLabel('Person', { exact: true }).selectOption({ label: `${claire.name}, ${claire.job_title}` })
  await page.getByLabel('Delegated safeguarding partner').check()
  const from = page.getByRole('group', { name: 'First day in the role' })
  await from.getByLabel('Day').fill('1')
  await from.getByLabel('Month').fill('4')
  await from.getByLabel('Year').fill('2026')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.waitForURL(/\/partners\?saved=appointed$/)
  await checkA11y(page, 'safeguarding partners, saved')
  assert.ok(await page.getByRole('main').getByText(claire.name).count() > 0)
  await context.close()
})
