// The demo's event log: shows every `checkout-link:*` event the page hears,
// with its target and detail. Events bubble and are composed, so one
// listener on the document hears buttons, anchors and <checkout-link>s alike.
// Everything is written with textContent: details carry customer input.
const EVENTS = ['open', 'loaded', 'confirmed', 'success', 'close', 'error'].map((n) => `checkout-link:${n}`);

const panel = document.createElement('aside');
panel.className = 'event-log';
panel.setAttribute('aria-labelledby', 'event-log-title');
panel.innerHTML =
  '<header><h2 id="event-log-title">Event log</h2><button type="button">Clear</button></header>' +
  '<p class="empty">Click a buy button: every <code>checkout-link:*</code> event shows up here.</p>' +
  '<ol id="event-log" aria-live="polite"></ol>';
const list = panel.querySelector('ol');
const empty = panel.querySelector('.empty');
panel.querySelector('button').addEventListener('click', () => {
  list.replaceChildren();
  empty.hidden = false;
});
(document.querySelector('[data-event-log]') ?? document.body).append(panel);

/** A short, readable name for the element an event came from. */
function nameOf(target) {
  if (!(target instanceof Element)) return 'document (opened from code)';
  const label = target.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
  return `<${target.localName}>${label ? ` “${label}”` : ''}`;
}

function log(event) {
  empty.hidden = true;
  const item = document.createElement('li');
  const name = item.appendChild(document.createElement('div'));
  name.className = 'name';
  name.dataset.kind = event.type.slice('checkout-link:'.length);
  name.textContent = event.type;
  const meta = item.appendChild(document.createElement('div'));
  meta.className = 'meta';
  meta.textContent = `${new Date().toLocaleTimeString()} · from ${nameOf(event.target)}${event.cancelable ? ' · cancelable' : ''}`;
  if (event.detail && Object.keys(event.detail).length) {
    item.appendChild(document.createElement('pre')).textContent = JSON.stringify(event.detail, null, 2);
  }
  list.prepend(item);
}

for (const type of EVENTS) document.addEventListener(type, log);
