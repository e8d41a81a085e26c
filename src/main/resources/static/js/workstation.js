// Parley agent workstation: every form on it works as a plain POST; this script sends the same forms in the
// background (header X-Parley-Fragment) and swaps in the fragments the server answers with, so several chats stay
// open with what the agent typed. Live events (live.js) bring offers, chat states, messages, typing and receipts;
// on every (re)connect each chat asks for the messages after the last one it shows. Text comes from the page's
// data-l-* attributes (the message bundle), never from here.
(function () {
  'use strict';
  var desk = document.getElementById('desk');
  if (!desk || !window.fetch) { return; }
  var base = desk.getAttribute('data-base') || '/';
  var skew = Number(desk.getAttribute('data-now') || Date.now()) - Date.now();
  var pending = {};   // interaction id -> a catch-up is running
  var again = {};     // interaction id -> another catch-up was asked for meanwhile
  var receipts = {};  // interaction id -> the newest receipts heard: {read, delivered} of the agent's messages
  var typingSent = {};
  var typingTimers = {};

  function text(key, arg, arg1) {
    var t = desk.getAttribute('data-l-' + key) || '';
    t = arg === undefined ? t : t.replace('{0}', arg);
    return arg1 === undefined ? t : t.replace('{1}', arg1);
  }

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    return token ? token.content : '';
  }

  function send(method, url, body) {
    var init = { method: method, credentials: 'same-origin', headers: { 'X-Parley-Fragment': '1' } };
    if (method === 'POST') {
      body = body || new URLSearchParams();
      if (!body.has('_csrf')) { body.append('_csrf', csrf()); }
      init.body = body;
    }
    return fetch(url, init).then(function (r) {
      if (r.redirected && /\/login/.test(r.url)) { window.location.reload(); }
      return r.text();
    });
  }

  function announce(id, message) {
    var region = document.getElementById(id);
    if (region && message) { region.textContent = ''; setTimeout(function () { region.textContent = message; }, 50); }
  }

  // Each element of an answer replaces the one with its id; data-append-to adds a new one to that container,
  // data-remove takes it away, data-swap=inner changes the content only (a live region stays the same node).
  function swapIn(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    Array.prototype.slice.call(template.content.children).forEach(function (fresh) {
      var old = fresh.id ? document.getElementById(fresh.id) : null;
      if (fresh.hasAttribute('data-remove')) {
        if (old) { forget(old); old.remove(); index(); }
        return;
      }
      if (old && fresh.getAttribute('data-swap') === 'inner') {
        old.innerHTML = fresh.innerHTML;
        return;
      }
      if (old && fresh.classList.contains('chat') && old.getAttribute('data-state') === fresh.getAttribute('data-state')) {
        return; // the same chat in the same state (shown by a live event and by the answer): keep what is typed
      }
      if (old) {
        var focused = document.activeElement && old.contains(document.activeElement) ? document.activeElement.id : null;
        forget(old);
        old.replaceWith(fresh);
        if (focused && document.getElementById(focused)) { document.getElementById(focused).focus(); }
      } else if (fresh.getAttribute('data-append-to')) {
        var into = document.getElementById(fresh.getAttribute('data-append-to'));
        if (!into) { return; }
        into.appendChild(fresh);
        if (fresh.classList.contains('chat')) {
          announce('chats-announce', text('new-chat', fresh.querySelector('.context-name').textContent));
        }
      } else {
        return;
      }
      if (fresh.classList.contains('chat')) { opened(fresh); index(); }
      if (fresh.id === 'offers') { tick(); }
    });
  }

  // forms: sent in the background, answered with fragments
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('#desk form[data-fragment]')) { return; }
    event.preventDefault();
    var data = new URLSearchParams(new FormData(form));
    var buttons = form.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    var body = form.classList.contains('compose') ? form.querySelector('textarea') : null;
    if (body) { body.value = ''; }
    var offer = form.closest('.offer');
    var pane = form.closest('.chat');
    send('POST', form.action, data).then(function (html) {
      swapIn(html);
      if (body && pane) { catchUp(pane.getAttribute('data-interaction')); }
      refocus(offer, pane && pane.id ? document.getElementById(pane.id) : null, body);
    }).catch(function () {
      if (body) { body.value = data.get('body'); }
    }).finally(function () {
      buttons.forEach(function (b) { b.disabled = false; });
    });
  });

  // after the agent's own action took focus away: to the first refused field, the message box, the chat just
  // accepted, or the heading of the list the item left
  function refocus(offer, pane, body) {
    var now = document.activeElement;
    if (now && now !== document.body && document.body.contains(now)) { return; }
    var target = null;
    if (pane && document.body.contains(pane)) {
      target = pane.querySelector('[aria-invalid=true]') || (body && document.getElementById(body.id)) || pane.querySelector('h3');
    } else if (offer) {
      target = document.getElementById('body-' + offer.getAttribute('data-interaction')) || document.getElementById('offers-title');
    } else {
      target = document.getElementById('chats-title');
    }
    if (!target) { return; }
    if (!/^(TEXTAREA|SELECT|INPUT|BUTTON|A)$/.test(target.tagName)) { target.setAttribute('tabindex', '-1'); }
    target.focus();
  }

  // Enter sends, Shift+Enter starts a new line; typing is told to the customer at most every 3 s
  document.addEventListener('keydown', function (event) {
    var field = event.target;
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || !field.classList
        || !field.classList.contains('compose-body')) { return; }
    event.preventDefault();
    if (field.form.requestSubmit) { field.form.requestSubmit(); } else { field.form.submit(); }
  });

  document.addEventListener('input', function (event) {
    var field = event.target;
    if (!field.classList || !field.classList.contains('compose-body')) { return; }
    var pane = field.closest('.chat');
    var id = pane && pane.getAttribute('data-interaction');
    if (!id || (typingSent[id] && Date.now() - typingSent[id] < 3000)) { return; }
    typingSent[id] = Date.now();
    send('POST', base + 'agent/chats/' + id + '/typing');
  });

  function pane(id) { return document.getElementById('chat-' + id); }

  // the open chats as links at the top (tabs of a kind: on a phone the panes stand one under the other), each with
  // the customer's messages the agent has not read yet
  function index() {
    var list = document.querySelector('#chat-index ul');
    if (!list) { return; }
    list.textContent = '';
    document.querySelectorAll('#chats .chat').forEach(function (p) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      var name = document.createElement('span');
      a.href = '#' + p.id;
      a.setAttribute('data-chat', p.getAttribute('data-interaction'));
      name.className = 'index-name';
      name.textContent = p.getAttribute('data-customer');
      a.appendChild(name);
      li.appendChild(a);
      list.appendChild(li);
      showUnread(p);
    });
  }

  // the customer's messages after the agent's read mark
  function unread(p) {
    var read = Number(p.getAttribute('data-read') || 0);
    return Array.prototype.filter.call(p.querySelectorAll('li.message.from-customer'), function (li) {
      return Number(li.getAttribute('data-seq')) > read;
    }).length;
  }

  // the count beside the chat's link; its text is part of the link's name (", 2 unread"), the figure is for the eye
  function showUnread(p) {
    var a = document.querySelector('#chat-index a[data-chat="' + p.getAttribute('data-interaction') + '"]');
    if (!a) { return 0; }
    var n = unread(p);
    var badge = a.querySelector('.unread');
    if (!n) { if (badge) { badge.remove(); } return 0; }
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'unread';
      var figure = document.createElement('span');
      figure.className = 'unread-count';
      figure.setAttribute('aria-hidden', 'true');
      var said = document.createElement('span');
      said.className = 'sr-only';
      badge.appendChild(figure);
      badge.appendChild(said);
      a.appendChild(badge);
    }
    badge.querySelector('.unread-count').textContent = String(n);
    badge.querySelector('.sr-only').textContent = ', ' + text('unread', n);
    return n;
  }

  function lastSeq(p) { return Number(p.getAttribute('data-last-seq') || 0); }

  function scrollDown(p) {
    var list = p.querySelector('.messages');
    if (list) { list.scrollTop = list.scrollHeight; }
  }

  // what the agent sees counts as read: the chat's messages on screen while the page is in front
  var watcher = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      var p = entry.target.closest('.chat');
      if (!p) { return; }
      p.parleyInView = entry.isIntersecting; // on the element: a pane swapped for a fresh one starts afresh
      if (entry.isIntersecting) { markRead(p); }
    });
  }, { threshold: 0.25 }) : null;

  function watch(p) {
    var list = p.querySelector('.messages');
    if (watcher && list) { watcher.observe(list); } else if (!watcher) { p.parleyInView = true; }
  }

  function forget(p) {
    var list = p.querySelector && p.querySelector('.messages');
    if (watcher && list) { watcher.unobserve(list); }
  }

  function markRead(p) {
    var upTo = lastSeq(p);
    if (!upTo || document.visibilityState !== 'visible' || !p.parleyInView
        || Number(p.getAttribute('data-read') || 0) >= upTo) { showUnread(p); return; }
    p.setAttribute('data-read', upTo);
    showUnread(p);
    var data = new URLSearchParams();
    data.append('upTo', upTo);
    send('POST', base + 'agent/chats/' + p.getAttribute('data-interaction') + '/read', data);
  }

  function opened(p) {
    scrollDown(p);
    watch(p);
    markRead(p);
  }

  // the messages after the last one the pane shows, rendered by the server, once each
  function catchUp(id) {
    var p = pane(id);
    if (!p) { return; }
    if (pending[id]) { again[id] = true; return; }
    pending[id] = true;
    send('GET', base + 'agent/chats/' + id + '/messages?after=' + lastSeq(p)).then(function (html) {
      var template = document.createElement('template');
      template.innerHTML = html;
      var list = p.querySelector('.messages');
      var before = unread(p);
      Array.prototype.slice.call(template.content.querySelectorAll('li.message')).forEach(function (li) {
        var seq = Number(li.getAttribute('data-seq'));
        if (seq > lastSeq(p)) {
          list.appendChild(li);
          p.setAttribute('data-last-seq', seq);
          if (li.classList.contains('from-customer')) { clearTyping(id); }
        }
      });
      showReceipts(p);
      scrollDown(p);
      markRead(p);
      var after = unread(p);
      if (after > before) { announce('chats-announce', text('unread-from', p.getAttribute('data-customer'), after)); }
    }).finally(function () {
      pending[id] = false;
      if (again[id]) { again[id] = false; catchUp(id); }
    });
  }

  // the receipts of the agent's messages from the newest heard: a message fetched after its receipt came, or a
  // receipt that arrives after a newer one, never shows less than is known
  var RANK = { sent: 0, delivered: 1, read: 2 };
  function showReceipts(p) {
    var known = receipts[p.getAttribute('data-interaction')];
    if (!known) { return; }
    p.querySelectorAll('li.from-agent .receipt').forEach(function (span) {
      var seq = Number(span.parentNode.getAttribute('data-seq'));
      var r = seq <= known.read ? 'read' : seq <= known.delivered ? 'delivered' : 'sent';
      if ((RANK[r] || 0) > (RANK[span.getAttribute('data-receipt')] || 0)) {
        span.setAttribute('data-receipt', r);
        span.textContent = text(r);
      }
    });
  }

  function clearTyping(id) {
    var line = document.getElementById('typing-' + id);
    if (line) { line.textContent = ''; }
  }

  function refreshOffers(announceNew) {
    var before = {};
    document.querySelectorAll('#offers li.offer').forEach(function (li) { before[li.id] = true; });
    send('GET', base + 'agent/desk/offers').then(function (html) {
      swapIn(html);
      if (!announceNew) { return; }
      document.querySelectorAll('#offers li.offer').forEach(function (li) {
        if (!before[li.id]) { announce('offers-announce', text('new-offer', li.getAttribute('data-customer'))); }
      });
    });
  }

  function refreshState() {
    send('GET', base + 'agent/desk/state').then(function (html) {
      var template = document.createElement('template');
      template.innerHTML = html;
      var now = template.content.querySelector('#agent-now');
      var old = document.getElementById('agent-now');
      if (now && old) { old.replaceWith(now); }
      var chosen = template.content.querySelector('#state');
      var select = document.getElementById('state');
      if (chosen && select && document.activeElement !== select) { select.value = chosen.value; }
    });
  }

  // offers count down to their end (the server's clock); an ended one says so until the server takes it away
  function tick() {
    document.querySelectorAll('#offers time[data-expires]').forEach(function (time) {
      var left = Math.ceil((Number(time.getAttribute('data-expires')) - (Date.now() + skew)) / 1000);
      time.textContent = left > 0 ? text('seconds', left) : text('expired');
      var label = time.parentNode.querySelector('.countdown-label');
      if (label) { label.hidden = true; }
    });
  }
  setInterval(tick, 1000);
  tick();

  document.querySelectorAll('#chats .chat').forEach(opened);
  document.addEventListener('visibilitychange', function () {
    document.querySelectorAll('#chats .chat').forEach(markRead);
  });

  if (!window.ParleyLive) { return; }
  var live = window.ParleyLive;

  live.on('offer', function () { refreshOffers(true); });
  live.on('offer-ended', function (data) {
    var li = document.getElementById('offer-' + data.id);
    if (li) { refreshOffers(false); }
  });
  live.on('agent-state', refreshState);
  live.on('interaction', function (data) {
    var p = pane(data.id);
    if (data.state === 'transferred' || data.state === 'closed' || data.state === 'abandoned') {
      if (p) { forget(p); p.remove(); index(); announce('chats-announce', text(data.state === 'transferred' ? 'transferred' : 'closed')); }
    } else if (data.state === 'connected' && !p) {
      send('GET', base + 'agent/chats/' + data.id).then(swapIn);
    } else if (data.state === 'wrap-up' && p && p.getAttribute('data-state') === 'connected') {
      send('GET', base + 'agent/chats/' + data.id).then(swapIn);
    }
    refreshState();
  });
  live.on('message', function (data) { catchUp(data.interaction); });
  live.on('receipts', function (data) {
    var p = pane(data.interaction);
    if (!p) { return; }
    if (data.agentRead > Number(p.getAttribute('data-read') || 0)) { // read in another of the agent's tabs
      p.setAttribute('data-read', data.agentRead);
      showUnread(p);
    }
    var known = receipts[data.interaction] || { read: 0, delivered: 0 };
    receipts[data.interaction] = { read: Math.max(known.read, data.customerRead || 0),
      delivered: Math.max(known.delivered, data.customerDelivered || 0) };
    showReceipts(p);
  });
  live.on('typing', function (data) {
    if (data.side !== 'customer' || !pane(data.interaction)) { return; }
    var line = document.getElementById('typing-' + data.interaction);
    if (!line) { return; }
    line.textContent = text('typing', data.name);
    clearTimeout(typingTimers[data.interaction]);
    typingTimers[data.interaction] = setTimeout(function () { clearTyping(data.interaction); }, 5000);
  });
  live.onOpen(function () {
    refreshOffers(false);
    refreshState();
    document.querySelectorAll('#chats .chat').forEach(function (p) { catchUp(p.getAttribute('data-interaction')); });
  });
})();
