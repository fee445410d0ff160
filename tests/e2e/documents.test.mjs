// A journey through documents: the business unit opens a meeting's documents, is told to
// choose a file, uploads the signed minutes (a PDF, scanned by a real clamd), sees it listed
// with its version, and has the EICAR test file refused. Every page is checked with axe.
// Needs a clamd: run under scripts/with-clamd (scripts/test does), which sets ASSURE_TEST_CLAMD.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, checkA11y, signIn, freshPage } from './support.mjs'

const clamd = process.env.ASSURE_TEST_CLAMD
let server, browser

before(async () => {
  if (!clamd) return
  process.env.ASSURE_CLAMD = clamd
  server = await startServer({ today: '2026-11-23' })
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n')
const eicar = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*')

test('upload the signed minutes on a meeting page, and have a test virus refused', { skip: !clamd && 'needs a clamd (scripts/with-clamd)' }, async () => {
  const { context, page } = await freshPage(browser)
  await signIn(page, server.baseUrl, server.accounts.business_unit)
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Groups' }).click()
  await page.getByRole('link', { name: 'Core Business Group' }).click()
  await page.locator('a[href^="/meetings/"]').first().click()
  await page.getByRole('link', { name: 'Documents: papers and signed minutes' }).click()
  await checkA11y(page, 'a meeting\'s documents')
  assert.match(await page.locator('main').textContent(), /No documents yet/)

  // Nothing chosen: the error summary links to the file input.
  await page.getByLabel('Title').fill('Signed minutes')
  await page.getByRole('button', { name: 'Upload', exact: true }).click()
  await checkA11y(page, 'documents with an error')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /Select a file/)

  await page.getByLabel('Title').fill('Signed minutes')
  await page.getByLabel('Upload a file').setInputFiles({ name: 'signed-minutes.pdf', mimeType: 'application/pdf', buffer: pdf })
  await page.getByRole('button', { name: 'Upload', exact: true }).click()
  await page.getByText('The file was uploaded and checked.').waitFor()
  await checkA11y(page, 'documents after an upload')
  const table = page.getByRole('region', { name: 'Documents and their versions' })
  // Each document offers to publish it on the public site (publishing needs a second person's approval).
  assert.match(await table.textContent(), /Signed minutes\s*Publish Signed minutes on the public site\s*1 \(latest\)\s*signed-minutes\.pdf\s*PDF/)
  const download = await page.request.get(server.baseUrl + await table.getByRole('link', { name: 'signed-minutes.pdf' }).getAttribute('href'))
  assert.equal(download.status(), 200)
  assert.equal(download.headers()['content-type'], 'application/pdf')
  assert.match(download.headers()['content-disposition'], /^attachment; filename="signed-minutes\.pdf"/)

  await page.getByLabel('Title').fill('Notes')
  await page.getByLabel('Upload a file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: eicar })
  await page.getByRole('button', { name: 'Upload', exact: true }).click()
  await checkA11y(page, 'documents with a virus refused')
  assert.match(await page.locator('.govuk-error-summary').textContent(), /contains a virus or other harmful content \(Eicar-Test-Signature/)
  assert.doesNotMatch(await page.locator('main').textContent(), /notes\.txt/)
  await context.close()
})
