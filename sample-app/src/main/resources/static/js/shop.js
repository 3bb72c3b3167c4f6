// The shop page: a plain-JavaScript WAMP client (autobahn-js) of the router that served this page.
// It calls procedures of the app's beans, subscribes to their events, and registers a procedure the app calls.
'use strict';

const $ = (selector) => document.querySelector(selector);
let current = null;              // the WAMP session while connected, else null
const pendingOrders = new Map(); // orderId -> card of an order of this page whose fulfilment is still running
const orders = new Map();        // orderId -> order, from every browser
const mails = new Map();         // orderId -> mail

// ---------------------------------------------------------------------------------------------------------------
// The connection: same origin, path /ws, realm realm1. autobahn-js reconnects by itself when the connection is lost.

const connection = new autobahn.Connection({
  url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
  realm: 'realm1',
  max_retries: -1,        // never give up
  initial_retry_delay: 1, // seconds, growing up to max_retry_delay
  max_retry_delay: 5,
});

connection.onopen = async (session) => {
  current = session;
  showStatus('connecting', `Joined as session ${session.id} - subscribing`);
  activity('info', `joined realm1 as session ${session.id}`);
  try {
    await setUp(session);    // a new session starts with nothing: subscribe and register again on every connect
    if (current === session) showStatus('connected', `Connected - session ${session.id}`, session.id);
  } catch (error) {
    showStatus('closed', `Setting up failed: ${describe(error)}`);
    activity('error', `setting up failed: ${describe(error)}`);
  }
};

connection.onclose = (reason, details) => {
  current = null;
  // reason: 'lost' (dropped), 'closed' (the router said GOODBYE or closed the WebSocket), 'unreachable'
  const why = details.reason ? `${reason}, ${details.reason}` : reason;
  for (const card of pendingOrders.values()) {
    stopCard(card, 'The connection dropped before this order was fulfilled');
  }
  if (details.will_retry) {
    showStatus('reconnecting', `Disconnected (${why}) - reconnecting in ${details.retry_delay.toFixed(1)} s`);
  } else if (reason !== 'unsupported') {
    // After a GOODBYE (the server restarting, or ending this session) autobahn-js does not retry: start again.
    showStatus('reconnecting', `Disconnected (${why}) - reconnecting`);
    setTimeout(() => connection.open(), 1000);
  } else {
    showStatus('closed', 'This browser cannot open a WebSocket');
  }
  activity('error', `connection closed (${why})`);
};

async function setUp(session) {
  // Live orders from every browser (exact topic), then the recent ones from the router's event history.
  const orderEvents = await session.subscribe('com.shop.order.created', ([order]) => addOrder(order));
  // Stock levels and counters are published retained: get_retained brings the current values at once.
  await session.subscribe('com.shop.inventory.updated', (args, kwargs) => showStock(kwargs.stock),
                          {get_retained: true});
  await session.subscribe('com.shop.analytics.updated', ([stats]) => showStats(stats), {get_retained: true});
  const mailEvents = await session.subscribe('com.shop.email.mailed', ([mail]) => addMail(mail));
  // One prefix subscription feeds the activity log with every com.shop. event; details.topic names the topic.
  await session.subscribe('com.shop.', (args, kwargs, details) => activity('event', details.topic, args[0] ?? kwargs),
                          {match: 'prefix'});
  // This page is a callee too: the app's Fulfilment bean calls it to ask the customer.
  const procedure = `com.shop.ui.${session.id}.confirm`;
  await session.register(procedure, ([orderId, question]) => askCustomer(procedure, orderId, question));
  // Catch up with what happened while this page was away (the app keeps the last ones: wamp.pubsub.event-history).
  (await recentEvents(session, orderEvents)).forEach((event) => addOrder(event.args[0]));
  (await recentEvents(session, mailEvents)).forEach((event) => addMail(event.args[0]));
}

async function recentEvents(session, subscription) {
  const page = await session.call('wamp.subscription.get_events', [subscription.id], {reverse: true, limit: 10});
  return page.args; // a Result: the router answers with args (the events) and kwargs ({count, more})
}

// ---------------------------------------------------------------------------------------------------------------
// Calling the app: place an order, then follow its fulfilment step by step.

$('#order-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const order = {item: form.get('item').trim(), quantity: Number(form.get('quantity'))};
  try {
    if (!current) throw 'not connected';
    activity('call', 'call com.shop.order.create', order);
    const created = await current.call('com.shop.order.create', [], order);
    showResult('ok', `Order ${created.orderId} placed`);
    fulfil(current, created);
  } catch (error) {
    showResult('error', describe(error)); // an invalid order: the WAMP error URI and the bean's message
  }
});

function fulfil(session, order) {
  const card = addCard(order);
  pendingOrders.set(order.orderId, card);
  activity('call', 'call com.shop.order.fulfil', order.orderId);
  // receive_progress: each step arrives as a progressive result, in order (the promise's third handler);
  // the final result is the last step.
  session.call('com.shop.order.fulfil', [order], {}, {receive_progress: true}).then(
    (last) => { addStep(card, last); stopCard(card); },
    (error) => stopCard(card, describe(error)),
    (step) => addStep(card, step));
}

// ---------------------------------------------------------------------------------------------------------------
// Being called by the app: com.shop.ui.<session>.confirm answers true or false once the user clicks.

function askCustomer(procedure, orderId, question) {
  activity('call', `called by the app: ${procedure}`, question);
  const card = pendingOrders.get(orderId);
  if (!card) throw new autobahn.Error('com.shop.error.unknown_order', [`this page has no order ${orderId}`]);
  return new Promise((resolve) => {
    const prompt = element('div', 'prompt', question);
    for (const [label, answer] of [['Ship it', true], ['Cancel order', false]]) {
      const button = element('button', answer ? '' : 'secondary', label);
      button.addEventListener('click', () => { prompt.remove(); resolve(answer); });
      prompt.append(' ', button);
    }
    card.append(prompt);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Showing things. Lists are redrawn from their maps, so an event that arrives twice (live and from history) is
// shown once.

function addOrder(order) {
  orders.set(order.orderId, order);
  redraw('#orders', newest(orders, 'createdAt', 10), (o) => o.orderId,
         (o) => `${time(o.createdAt)} ${o.quantity} x ${o.item} (order ${o.orderId.slice(0, 8)})`, 'No orders yet');
}

function addMail(mail) {
  mails.set(mail.orderId, mail);
  redraw('#mails', newest(mails, 'sentAt', 8), (m) => m.orderId, (m) => `${time(m.sentAt)} ${m.text}`,
         'No mail yet');
}

function showStock(stock) {
  $('#stock tbody').replaceChildren(...Object.entries(stock).map(([item, level]) => {
    const row = element('tr');
    row.append(element('td', '', item), element('td', level < 10 ? 'low' : '', String(level)));
    return row;
  }));
  $('#catalog').replaceChildren(...Object.keys(stock).map((item) => Object.assign(element('option'), {value: item})));
}

function showStats(stats) {
  for (const [name, value] of Object.entries(stats)) {
    const cell = $(`#stats [data-stat="${name}"]`);
    if (cell) cell.textContent = value;
  }
}

function addCard(order) {
  const card = element('li', 'card running');
  card.dataset.orderId = order.orderId;
  card.append(element('strong', '', `${order.quantity} x ${order.item}`), ` order ${order.orderId}`,
              element('ol', 'steps'));
  $('#my-orders').prepend(card);
  return card;
}

function addStep(card, step) {
  const item = element('li', '', step.text);
  item.dataset.step = step.name;
  card.querySelector('.steps').append(item);
}

function stopCard(card, failure) {
  pendingOrders.delete(card.dataset.orderId);
  card.classList.remove('running');
  card.querySelector('.prompt')?.remove();
  if (failure) card.append(element('p', 'error', failure));
  card.classList.add(failure ? 'failed' : 'done');
}

function showStatus(state, text, sessionId) {
  const status = $('#status');
  status.dataset.state = state;
  status.dataset.session = sessionId ?? '';
  status.textContent = text;
}

function showResult(kind, text) {
  $('#order-result').className = `result ${kind}`;
  $('#order-result').textContent = text;
}

function activity(kind, what, value) {
  const line = element('li', kind);
  line.append(element('time', '', new Date().toLocaleTimeString()), ' ', element('b', '', what));
  if (value !== undefined) line.append(' ', element('code', '', JSON.stringify(value).slice(0, 160)));
  $('#activity').prepend(line);
  $('#activity').querySelectorAll('li:nth-child(n+51)').forEach((old) => old.remove()); // keep the last 50
}

// An autobahn.Error carries the WAMP error URI, args and kwargs; anything else is shown as it is.
function describe(error) {
  if (error instanceof autobahn.Error) {
    const detail = error.kwargs && Object.keys(error.kwargs).length ? ` ${JSON.stringify(error.kwargs)}` : '';
    return `${error.error}: ${error.args[0] ?? ''}${detail}`;
  }
  return String(error);
}

function redraw(selector, values, id, text, emptyText) {
  const items = values.map((value) => Object.assign(element('li', '', text(value)), {title: id(value)}));
  $(selector).replaceChildren(...(items.length ? items : [element('li', 'empty', emptyText)]));
}

function newest(map, timeField, count) {
  return [...map.values()].sort((a, b) => Date.parse(b[timeField]) - Date.parse(a[timeField])).slice(0, count);
}

function time(iso) {
  return new Date(iso).toLocaleTimeString();
}

function element(tag, className = '', text = '') {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

connection.open();
