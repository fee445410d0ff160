// Shared steps for the end-to-end journeys: a real server over a fresh demo database, Debian's
// Chromium driven by Playwright, and an axe-core check on every page a journey visits.
import { spawn, execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import assert from 'node:assert/strict'
import { before, after } from 'node:test'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const binary = path.join(root, 'build/assure')
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export const demo = JSON.parse(fs.readFileSync(path.join(root, 'data/demo/knowsley.json'), 'utf8'))

function freePort () {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

// A mail server on loopback that takes every message (plain SMTP, no TLS) and keeps it, so a
// journey can read what a person would have been sent. waitFor(test) answers the first message
// whose text passes the test, waiting for the server's sender to hand it over.
export function startMailCatcher () {
  const messages = []
  const server = net.createServer(socket => {
    let buffer = ''
    let inData = false
    const reply = line => socket.write(line + '\r\n')
    reply('220 catcher ESMTP')
    socket.on('data', chunk => {
      buffer += chunk.toString('utf8')
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end < 0) return
          messages.push(buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.'))
          buffer = buffer.slice(end + 5)
          inData = false
          reply('250 kept')
          continue
        }
        const eol = buffer.indexOf('\r\n')
        if (eol < 0) return
        const command = buffer.slice(0, eol).toUpperCase()
        buffer = buffer.slice(eol + 2)
        if (command.startsWith('EHLO')) reply('250 catcher')
        else if (command.startsWith('DATA')) { inData = true; reply('354 go ahead') } else if (command.startsWith('QUIT')) { reply('221 bye'); socket.end() } else reply('250 ok')
      }
    })
  })
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve({
    port: server.address().port,
    messages,
    async waitFor (test, ms = 20000) {
      const deadline = Date.now() + ms
      for (;;) {
        const found = messages.find(test)
        if (found) return found
        if (Date.now() > deadline) throw new Error('no such message arrived')
        await new Promise(resolve => setTimeout(resolve, 100))
      }
    },
    close () { return new Promise(resolve => server.close(resolve)) }
  })))
}

// options.today freezes the server's date (ASSURE_TODAY) for the demo and the server alike;
// options.mailPort sends its mail to a catcher on loopback (startMailCatcher).
export async function startServer (options = {}) {
  const env = { ...process.env, ...(options.today ? { ASSURE_TODAY: options.today } : {}) }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assure-e2e-'))
  const db = path.join(dir, 'e2e.db')
  const password = 'e2e-' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2)
  const printed = execFileSync(binary, ['demo', '--db', db, '--password', password], { encoding: 'utf8', env })
  const accounts = {}
  for (const line of printed.split('\n')) {
    const [role, email] = line.trim().split(/\s+/)
    // The first account of each role (Knowsley's); the neighbour partnership's are listed after.
    if (email && email.includes('@') && !accounts[role]) accounts[role] = { email, password }
  }
  const port = await freePort()
  const configArgs = []
  if (options.mailPort) {
    const config = path.join(dir, 'assure.toml')
    fs.writeFileSync(config, `[mail]\nhost = "127.0.0.1"\nport = ${options.mailPort}\ntls = "none"\nfrom = "assure@knowsley.example"\npoll_seconds = 1\nsite_address = "http://127.0.0.1:${port}"\n`)
    configArgs.push('--config', config)
  }
  const child = spawn(binary, [...configArgs, 'serve', '--db', db, '--bind', '127.0.0.1', '--port', String(port)],
    { stdio: ['ignore', 'ignore', 'inherit'], env })
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 20000
  for (;;) {
    try {
      if ((await fetch(baseUrl + '/healthz')).status === 200) break
    } catch {}
    if (Date.now() > deadline) throw new Error('server did not become ready')
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return {
    baseUrl,
    accounts,
    // Runs `assure ARGS --db <this server's database>` beside the running server.
    assure (...args) { return execFileSync(binary, [...args, '--db', db], { encoding: 'utf8', env }) },
    async stop () {
      const exited = new Promise(resolve => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}

// A page in a context of its own: no cookies shared with other journeys.
export async function freshPage (browser, options = {}) {
  const context = await browser.newContext(options)
  return { context, page: await context.newPage() }
}

export function launchBrowser () {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
  })
}

// Runs axe on the page as it is now and fails with every violation spelled out.
export async function checkA11y (page, label) {
  const result = noScriptPages.has(page) ? await axeOnMirror(page) : await runAxe(page)
  const problems = result.violations.map(v =>
    `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`)
  assert.deepEqual(problems, [], `accessibility violations on ${label} (${page.url()})`)
  pagesChecked.add(new URL(page.url()).pathname)
}

export const pagesChecked = new Set()

// Pages opened with JavaScript off, whose markup axe checks in a mirror page instead.
const noScriptPages = new WeakSet()

export async function noScriptPage (browser) {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  noScriptPages.add(page)
  return { context, page }
}

function runAxe (page) {
  // evaluate() runs through the browser's debugging protocol, so the page's strict CSP
  // (which rightly refuses injected scripts) stays in force for the page itself.
  return page.evaluate(axeSource).then(() => page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }
  })))
}

// axe needs JavaScript, so a page seen without it is replayed, byte for byte, at the same
// address in a page that has it: same markup, same styles, same base URL.
async function axeOnMirror (page) {
  const html = await page.content()
  const url = page.url()
  const mirror = await page.context().browser().newPage()
  try {
    await mirror.route(url, route => route.fulfill({ status: 200, contentType: 'text/html', body: html }))
    await mirror.goto(url)
    return await runAxe(mirror)
  } finally {
    await mirror.close()
  }
}

export async function visit (page, url, label) {
  const response = await page.goto(url)
  await checkA11y(page, label)
  return response
}

export async function signIn (page, baseUrl, account) {
  await visit(page, baseUrl + '/login', 'sign in')
  await page.getByLabel('Email address').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(baseUrl + '/')
  await checkA11y(page, 'home')
}

// Fills a GOV.UK date input (its day, month and year boxes) from an ISO date.
export async function fillDate (page, legend, iso) {
  const [year, month, day] = iso.split('-')
  const group = page.getByRole('group', { name: legend, exact: true })
  await group.getByLabel('Day').fill(String(Number(day)))
  await group.getByLabel('Month').fill(String(Number(month)))
  await group.getByLabel('Year').fill(year)
}

// A file's journeys share one demo server (frozen on `today`) and one browser: started before the
// first journey, stopped after the last. Read `run.server` and `run.browser` inside the journeys.
export function useDemo (options = {}) {
  const run = {}
  before(async () => {
    run.server = await startServer(options)
    run.browser = await launchBrowser()
  })
  after(async () => {
    await run.browser?.close()
    await run.server?.stop()
  })
  return run
}

// The page laid out on a 375-pixel phone: nothing wider than the screen. The viewport is put back.
export async function fitsAPhone (page, label) {
  const before = page.viewportSize()
  await page.setViewportSize({ width: 375, height: 812 })
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  await page.setViewportSize(before)
  assert.ok(width <= 375, `${label} is ${width} pixels wide on a phone`)
}
