// End-to-end test of the sample app's page (src/main/resources/static) in real headless Chromium, driven by
// playwright-core; run by ShopPageBrowserTest, which starts the app and checks what this script prints.
//
//   node shop-page.e2e.mjs <base url> <chromium executable> <screenshot file>
//
// Two pages (two tabs of one browser) load the page from the app. Every step waits for a condition on the page
// (Playwright's waits, each with a timeout), never for a fixed time. On success the script prints one line,
// '@@shop-page ' + JSON of what it observed, and exits 0; on failure it prints the error, what both pages showed,
// saves a screenshot of each next to the requested one, and exits 1.
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, executablePath, screenshot] = process.argv.slice(2);
if (!baseUrl || !executablePath || !screenshot) {
  console.error('usage: node shop-page.e2e.mjs <base url> <chromium executable> <screenshot file>');
  process.exit(2);
}
const WAIT = 15_000;

// Debian's chromium as root: no sandbox, and nothing that reaches for the network on its own (the machine has none).
// Playwright gives every launch a fresh, temporary profile.
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-quic'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
context.setDefaultTimeout(WAIT);
const pages = { A: await context.newPage(), B: await context.newPage() };
// Uncaught errors and console errors fail the test, but for one: autobahn-browser 22.11.1 closes its WebSocket
// before its answer to the router's GOODBYE is written, and Chromium logs that lost answer.
const AUTOBAHN_GOODBYE_NOISE = 'WebSocket is already in CLOSING or CLOSED state.';
const problems = [];
for (const [name, page] of Object.entries(pages)) {
  page.on('pageerror', (error) => problems.push(`page ${name}: uncaught ${error}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text() !== AUTOBAHN_GOODBYE_NOISE) {
      problems.push(`page ${name}: console error: ${message.text()}`);
    }
  });
}

try {
  const observed = await scenario(pages.A, pages.B);
  await pages.A.screenshot({ path: screenshot, fullPage: true });
  assert.deepEqual(problems, [], 'no script errors on either page');
  console.log('@@shop-page ' + JSON.stringify(observed));
} catch (error) {
  console.error('FAILED:', error);
  for (const [name, page] of Object.entries(pages)) {
    console.error(`--- page ${name}: ${await page.locator('#status').textContent().catch(() => '?')}`);
    console.error(await page.locator('main').innerText().catch(() => '(no text)'));
    await page.screenshot({ path: failureShot(name), fullPage: true }).catch(() => {});
  }
  console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
}

async function scenario(a, b) {
  const observed = {};
  await Promise.all([a.goto(baseUrl), b.goto(baseUrl)]);
  const sessionA = await connectedSession(a);
  const sessionB = await connectedSession(b);
  assert.notEqual(sessionA, sessionB);
  // connected means set up: the stock table and the counters show what the retained events said
  const bookBefore = await stockOf(a, 'book');
  observed.statsBefore = await statsOf(b);

  // 1. an order placed in A: its id on A, the order in both pages' live list
  const first = await placeOrder(a, 'book', 2);
  await Promise.all([a, b].map((page) => page.locator(`#orders li[title="${first}"]`).waitFor()));

  // 2. the backend calls A's procedure com.shop.ui.<session>.confirm; A answers by clicking
  const card = a.locator(`#my-orders li[data-order-id="${first}"]`);
  await card.locator('.prompt').waitFor();
  observed.question = await card.locator('.prompt').innerText();
  await activityEntry(a, `called by the app: com.shop.ui.${sessionA}.confirm`);
  await card.getByRole('button', { name: 'Ship it' }).click();

  // 3. the fulfilment steps, streamed as progressive results, in the order they arrived
  await a.locator(`#my-orders li.done[data-order-id="${first}"]`).waitFor();
  observed.steps = await card.locator('[data-step]').evaluateAll((items) => items.map((item) => item.dataset.step));

  // 4. the beans' effects, by events, on both pages: stock, the mail, the counters
  for (const page of [a, b]) {
    await stockReaches(page, 'book', bookBefore - 2);
    await page.locator(`#mails li[title="${first}"]`).waitFor();
  }
  const { orders, items } = observed.statsBefore;
  await b.locator(`#stats dd[data-stat="orders"]`, { hasText: new RegExp(`^${orders + 1}$`) }).waitFor();
  await b.locator(`#stats dd[data-stat="items"]`, { hasText: new RegExp(`^${items + 2}$`) }).waitFor();
  observed.stats = await statsOf(b);
  // the prefix subscription's activity log saw the order and the events the beans published about it
  for (const topic of ['com.shop.order.created', 'com.shop.inventory.updated', 'com.shop.email.mailed',
                       'com.shop.analytics.updated']) {
    await activityEntry(b, topic);
  }

  // 5. an invalid order: the WAMP error URI and the bean's message
  await placeOrder(b, 'book', 0, 'error');
  observed.invalidOrder = await b.locator('#order-result').innerText();

  // 6. the server ends both sessions: A's WebSocket is closed (autobahn-js reconnects), B gets GOODBYE
  //    wamp.close.killed (as on a server restart; the page reconnects); both come back with new sessions
  await endSession(sessionA, 'close');
  await endSession(sessionB, 'kill');
  const sessionA2 = await connectedSession(a, sessionA);
  const sessionB2 = await connectedSession(b, sessionB);
  observed.closedA = await activityEntry(a, 'connection closed');
  observed.closedB = await activityEntry(b, 'connection closed');
  observed.sessions = { A: [sessionA, sessionA2], B: [sessionB, sessionB2] };

  // 7. after reconnecting everything works again: B orders, A sees it, the backend calls B's new procedure,
  //    and this time the customer cancels
  const second = await placeOrder(b, 'pen', 3);
  await a.locator(`#orders li[title="${second}"]`).waitFor();
  const card2 = b.locator(`#my-orders li[data-order-id="${second}"]`);
  await card2.getByRole('button', { name: 'Cancel order' }).click();
  await b.locator(`#my-orders li.done[data-order-id="${second}"]`).waitFor();
  observed.cancelledSteps = await card2.locator('[data-step]').evaluateAll((items) => items.map((i) => i.dataset.step));
  await activityEntry(b, `called by the app: com.shop.ui.${sessionB2}.confirm`);
  // A still lists the first order and now the second, newest first
  observed.ordersOnA = await a.locator('#orders li').evaluateAll((items) => items.map((item) => item.title));
  observed.orderIds = [first, second];
  return observed;
}

/** Waits until the page is connected and set up (with another session than `previous`); answers the session id. */
async function connectedSession(page, previous = '') {
  const status = page.locator(`#status[data-state="connected"]:not([data-session="${previous}"])`);
  await status.waitFor();
  return Number(await status.getAttribute('data-session'));
}

/** Fills the form and submits; waits for the outcome ('ok' or 'error') and answers the new order's id. */
async function placeOrder(page, item, quantity, outcome = 'ok') {
  const before = await page.locator('#order-result').innerText();
  await page.getByLabel('Item').fill(item);
  await page.getByLabel('Quantity').fill(String(quantity));
  await page.getByRole('button', { name: 'Place order' }).click();
  // a new outcome: its class, and a text other than the last one (each order has its own id)
  await page.waitForFunction(([kind, last]) => {
    const result = document.querySelector('#order-result');
    return result.classList.contains(kind) && result.textContent !== last;
  }, [outcome, before]);
  const text = await page.locator('#order-result').innerText();
  return outcome === 'ok' ? /^Order (\S+) placed$/.exec(text)?.[1] : undefined;
}

async function stockOf(page, item) {
  const cell = page.locator('#stock tbody tr').filter({ hasText: item }).locator('td').nth(1);
  await cell.waitFor();
  return Number(await cell.innerText());
}

async function statsOf(page) {
  return Object.fromEntries(await page.locator('#stats dd').evaluateAll(
    (cells) => cells.map((cell) => [cell.dataset.stat, Number(cell.textContent)])));
}

/** Waits for an activity log entry whose title contains `text`; answers the entry's text. */
async function activityEntry(page, text) {
  const entry = page.locator('#activity li b', { hasText: text }).first();
  await entry.waitFor();
  return entry.innerText();
}

/** Waits until the stock table, fed by com.shop.inventory.updated events, shows `level` for `item`. */
async function stockReaches(page, item, level) {
  await page.waitForFunction(([name, value]) => [...document.querySelectorAll('#stock tbody tr')].some(
    (row) => row.cells[0].textContent === name && row.cells[1].textContent === String(value)), [item, level]);
}

/** Ends a page's session from the server side through the test-only endpoint. */
async function endSession(session, how) {
  const response = await fetch(`${baseUrl}/test/sessions/${session}/${how}`, { method: 'POST' });
  assert.equal(response.status, 200, `${how} session ${session}: HTTP ${response.status}`);
}

function failureShot(name) {
  const parsed = path.parse(screenshot);
  return path.join(parsed.dir, `${parsed.name}-failure-${name}${parsed.ext}`);
}
