// Every page a person of each role reaches from their home page, one link deep, opened on a
// 375-pixel phone: nothing wider than the screen (a table too wide scrolls inside its own
// region, not the page) and axe-core finds nothing on any of them. A page one role has opened
// is not opened again for the next: the layout is the same, and the run stays short.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, visit, signIn, freshPage } from './support.mjs'

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

// Pages to open: same-site links of the home page and the pages it links to, skipping files
// (CSV, calendars), signing out and anchors within a page.
function pagesLinkedFrom (hrefs, baseUrl) {
  const pages = new Set()
  for (const href of hrefs) {
    const url = new URL(href, baseUrl)
    if (url.origin !== baseUrl || url.pathname === '/logout' || url.pathname.startsWith('/assets/')) continue
    if (/\.(csv|ics|xlsx|json|pdf)$/.test(url.pathname) || url.pathname.startsWith('/api/')) continue
    if (url.searchParams.has('format')) continue
    url.hash = ''
    pages.add(url.pathname + url.search)
  }
  return pages
}

const opened = new Set()
const links = page => page.$$eval('a[href]', anchors => anchors.map(a => a.getAttribute('href')))

async function pageWidth (page) {
  return page.evaluate(() => document.documentElement.scrollWidth)
}

for (const role of ['business_unit', 'agency_lead', 'scrutineer', 'administrator']) {
  test(`every page a ${role.replace('_', ' ')} reaches from home fits a 375-pixel phone`, async () => {
    const account = server.accounts[role]
    assert.ok(account, `the demo has a ${role} account`)
    const { context, page } = await freshPage(browser, phone)
    await signIn(page, server.baseUrl, account)
    const home = pagesLinkedFrom(await links(page), server.baseUrl)
    const tooWide = []
    let count = 0
    const open = async path => {
      opened.add(path)
      const response = await visit(page, server.baseUrl + path, `${path} (${role}, phone)`)
      if (response.status() !== 200) return false
      count++
      const width = await pageWidth(page)
      if (width > 375) tooWide.push(`${path} is ${width} pixels wide`)
      return true
    }
    // The main sections, then one step further: their first records and sub-pages.
    const further = new Set()
    for (const path of home) {
      if (!(await open(path))) continue
      for (const next of pagesLinkedFrom(await links(page), server.baseUrl)) further.add(next)
    }
    for (const path of [...further].filter(p => !opened.has(p) && !home.has(p)).slice(0, 30)) await open(path)
    assert.ok(count >= 5, `only ${count} pages opened for ${role}`)
    assert.deepEqual(tooWide, [], `pages wider than a phone for ${role}`)
    await context.close()
  })
}
