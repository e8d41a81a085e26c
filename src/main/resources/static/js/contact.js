// Parley customer contact: on the portal home, the team the form offers follows the chosen product until the
// customer picks a team themselves. On the chat page (/customer/contact/{id}), messages are sent in the background
// (header X-Parley-Fragment) and the page follows the chat live (live.js): new messages are fetched after the last
// sequence number shown, once each, also after every reconnect; the place in line, the agent and the state come
// as fragments from the server; receipts and typing come with the events. Text comes from the page (data-l-*).
(function () {
  'use strict';

  var form = document.getElementById('contact-form');
  if (form && !form.hasAttribute('data-bound')) {
    form.setAttribute('data-bound', '');
    var refused = document.getElementById('contact-alert');
    if (refused) { refused.focus(); } // a refused start: its message first, with links to the marked fields
    var product = document.getElementById('contact-product');
    var queue = document.getElementById('contact-queue');
    var suggested = document.getElementById('contact-suggested');
    if (product && queue && suggested) {
      var chosen = queue.value !== suggested.value; // a refused form keeps the team the customer chose
      queue.addEventListener('change', function () { chosen = true; });
      product.addEventListener('change', function () {
        var option = product.options[product.selectedIndex];
        var key = option ? option.getAttribute('data-queue') : null;
        if (!key) { return; }
        suggested.value = key;
        if (!chosen) { queue.value = key; }
      });
    }
  }

  // the media follow the center's live figures (the home's status panel asks for them): chat open or, open by the
  // hours with nobody free, a line to wait in; the others open or closed, and not from the portal yet. Chat closed
  // by the hours stays so until the page is loaded again.
  var card = document.getElementById('contact');
  if (card && window.ParleyLive && !card.hasAttribute('data-bound')) {
    card.setAttribute('data-bound', '');
    window.ParleyLive.on('status', function (data) {
      var open = (data.center && data.center.mediaOpen) || [];
      card.querySelectorAll('.choice[data-medium]').forEach(function (choice) {
        var medium = choice.getAttribute('data-medium'), was = choice.getAttribute('data-state');
        var now = open.indexOf(medium) >= 0;
        var state = medium === 'chat' ? (was === 'closed' ? was : now ? 'open' : 'line')
          : now ? 'unavailable' : 'unavailable-closed';
        var label = choice.querySelector('.medium-state');
        if (state === was || !label) { return; }
        choice.setAttribute('data-state', state);
        label.className = 'medium-state ' + state;
        label.textContent = card.getAttribute('data-l-' + state) || label.textContent;
      });
    });
  }

  var page = document.getElementById('contact-chat');
  if (!page || !window.fetch || page.hasAttribute('data-bound')) { return; }
  page.setAttribute('data-bound', '');
  var base = page.getAttribute('data-base') || '/';
  var id = page.getAttribute('data-interaction');
  var url = base + 'customer/contact/' + id;
  var fetching = false, fetchAgain = false, refreshing = false, refreshAgain = false;
  var receipts = { read: 0, delivered: 0 }; // the newest heard, of the customer's messages
  var typingSent = 0, typingTimer = null, historyTries = 0;

  function text(key, arg) {
    var t = page.getAttribute('data-l-' + key) || '';
    return arg === undefined ? t : t.replace('{0}', arg);
  }

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    return token ? token.content : '';
  }

  function request(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: { 'X-Parley-Fragment': '1' } };
    if (method === 'POST') {
      body = body || new URLSearchParams();
      if (!body.has('_csrf')) { body.append('_csrf', csrf()); }
      init.body = body;
    }
    return fetch(path, init).then(function (r) {
      if (r.redirected && /\/login/.test(r.url)) { window.location.reload(); }
      return r.text().then(function (html) { return { ok: r.ok, html: html }; });
    });
  }

  function parse(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
  }

  function lastSeq() { return Number(page.getAttribute('data-last-seq') || 0); }

  function scrollDown() {
    var list = document.getElementById('messages');
    if (list) { list.scrollTop = list.scrollHeight; }
  }

  // what the customer sees counts as read while the page is in front
  function markRead() {
    var upTo = lastSeq();
    if (!upTo || document.visibilityState !== 'visible' || Number(page.getAttribute('data-read') || 0) >= upTo) { return; }
    var before = page.getAttribute('data-read');
    page.setAttribute('data-read', upTo);
    var data = new URLSearchParams();
    data.append('upTo', upTo);
    var undo = function () { // not recorded: the next message or look at the page says it again
      if (Number(page.getAttribute('data-read')) === upTo) { page.setAttribute('data-read', before || 0); }
    };
    request('POST', url + '/read', data).then(function (answer) { if (!answer.ok) { undo(); } }, undo);
  }

  // the messages after the last one shown, rendered by the server; a sequence number shown already is skipped
  function catchUp() {
    if (fetching) { fetchAgain = true; return; }
    fetching = true;
    request('GET', url + '/messages?after=' + lastSeq()).then(function (answer) {
      if (!answer.ok) { return; }
      var list = document.getElementById('messages');
      Array.prototype.slice.call(parse(answer.html).querySelectorAll('li.message')).forEach(function (li) {
        var seq = Number(li.getAttribute('data-seq'));
        if (seq > lastSeq() && !document.getElementById(li.id)) {
          list.appendChild(li);
          page.setAttribute('data-last-seq', seq);
          if (!li.classList.contains('from-customer')) { clearTyping(); }
        }
      });
      var none = document.getElementById('messages-none');
      if (none && lastSeq() > 0) { none.remove(); }
      showReceipts();
      scrollDown();
      markRead();
    }).finally(function () {
      fetching = false;
      if (fetchAgain) { fetchAgain = false; catchUp(); }
    });
  }

  // where the chat stands: the heading, the state (a live region: changed only when its text changes) and, when the
  // state changed, the controls (the message form keeps what is typed otherwise)
  function refresh() {
    if (refreshing) { refreshAgain = true; return; }
    refreshing = true;
    request('GET', url + '/state').then(function (answer) {
      if (!answer.ok) { return; }
      var parts = parse(answer.html);
      var head = parts.querySelector('#chat-head'), oldHead = document.getElementById('chat-head');
      if (head && oldHead && head.innerHTML !== oldHead.innerHTML) {
        oldHead.replaceWith(head);
        document.title = head.querySelector('h1').textContent;
      }
      var state = parts.querySelector('#chat-state'), oldState = document.getElementById('chat-state');
      if (state && oldState && state.innerHTML !== oldState.innerHTML) {
        oldState.innerHTML = state.innerHTML;
        oldState.setAttribute('data-state', state.getAttribute('data-state'));
      }
      var controls = parts.querySelector('#chat-controls'), oldControls = document.getElementById('chat-controls');
      if (controls && oldControls && controls.getAttribute('data-state') !== oldControls.getAttribute('data-state')) {
        oldControls.replaceWith(controls);
      }
      var now = state ? state.getAttribute('data-state') : null;
      if (now) { page.setAttribute('data-state', now); }
      if (now === 'closed' && !document.getElementById('chat-history') && historyTries < 10) {
        historyTries++; // the history writes the record a moment after the close
        setTimeout(refresh, 1000);
      }
    }).finally(function () {
      refreshing = false;
      if (refreshAgain) { refreshAgain = false; refresh(); }
    });
  }

  // the receipts of the customer's messages from the newest heard: a message fetched after its receipt came, or a
  // receipt that arrives after a newer one, never shows less than is known
  var RANK = { sent: 0, delivered: 1, read: 2 };
  function showReceipts() {
    document.querySelectorAll('#messages li.from-customer .receipt').forEach(function (span) {
      var seq = Number(span.parentNode.getAttribute('data-seq'));
      var r = seq <= receipts.read ? 'read' : seq <= receipts.delivered ? 'delivered' : 'sent';
      if ((RANK[r] || 0) > (RANK[span.getAttribute('data-receipt')] || 0)) {
        span.setAttribute('data-receipt', r);
        span.textContent = text(r);
      }
    });
  }

  function clearTyping() {
    clearTimeout(typingTimer);
    var line = document.getElementById('typing');
    if (line) { line.textContent = ''; }
  }

  // the message form: sent in the background; a refused message comes back with its field message
  document.addEventListener('submit', function (event) {
    var compose = event.target;
    if (!compose.matches || !compose.matches('#compose[data-fragment]') || !window.ParleyLive) { return; }
    event.preventDefault();
    var data = new URLSearchParams(new FormData(compose));
    var body = compose.querySelector('textarea');
    var button = compose.querySelector('button');
    button.disabled = true;
    body.value = '';
    request('POST', compose.action, data).then(function (answer) {
      if (answer.ok) {
        var error = document.getElementById('body-error');
        if (error) { error.textContent = ''; }
        body.removeAttribute('aria-invalid');
        catchUp();
        return;
      }
      var fresh = parse(answer.html).querySelector('#compose');
      if (fresh) {
        compose.replaceWith(fresh);
        var field = document.getElementById('body');
        if (field) { field.focus(); }
      } else {
        refresh(); // the chat is over meanwhile
      }
    }).catch(function () {
      body.value = data.get('body');
    }).finally(function () {
      button.disabled = false;
    });
  });

  // Enter sends, Shift+Enter starts a new line; the agent hears of typing at most every 3 s
  document.addEventListener('keydown', function (event) {
    var field = event.target;
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || field.id !== 'body') { return; }
    event.preventDefault();
    if (field.form.requestSubmit) { field.form.requestSubmit(); } else { field.form.submit(); }
  });

  document.addEventListener('input', function (event) {
    if (event.target.id !== 'body' || Date.now() - typingSent < 3000 || page.getAttribute('data-state') !== 'connected') {
      return;
    }
    typingSent = Date.now();
    request('POST', url + '/typing');
  });

  document.addEventListener('visibilitychange', markRead);
  scrollDown();
  markRead();
  // the estimate moves with time too, not only with events
  setInterval(function () { if (page.getAttribute('data-state') === 'queued') { refresh(); } }, 15000);

  if (!window.ParleyLive) { return; }
  var live = window.ParleyLive;
  live.on('message', function (d) { if (d.interaction === id) { catchUp(); } });
  live.on('interaction', function (d) { if (d.id === id) { refresh(); } });
  live.on('position', function (d) { if (d.id === id) { refresh(); } });
  live.on('receipts', function (d) {
    if (d.interaction !== id) { return; }
    receipts = { read: Math.max(receipts.read, d.agentRead || 0), delivered: Math.max(receipts.delivered, d.agentDelivered || 0) };
    showReceipts();
  });
  live.on('typing', function (d) {
    if (d.interaction !== id || d.side !== 'agent') { return; }
    var line = document.getElementById('typing');
    if (!line) { return; }
    line.textContent = text('typing', d.name);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(clearTyping, 5000);
  });
  live.onOpen(function () {
    catchUp();
    refresh();
  });
})();
