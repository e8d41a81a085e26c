// Parley's chat widget: one tag on a company's own page, no build step.
//   <script src="https://parley.example.com/js/widget.js" data-queue="support" data-title="Chat with us" async></script>
// The page's origin must be in Parley's parley.widget.allowed-origins. A visitor fills in name, e-mail and topic;
// Parley finds or opens their customer record, starts a chat and hands back a token for that one chat, kept in
// sessionStorage so a reload goes on with it. New messages and the chat's state are fetched every two seconds
// (after the last sequence number seen, so nothing is missed or shown twice). Text is shown as text.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.ParleyWidget) { return; }
  var base = script.src.replace(/\/js\/widget(-[0-9a-f]{32})?\.js.*$/, '');
  var queue = script.getAttribute('data-queue') || '';
  var title = script.getAttribute('data-title') || 'Chat with us';
  var storeKey = 'parley-widget:' + base;
  var saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(storeKey) || 'null'); } catch (e) { saved = null; }
  var token = saved && saved.token, lastSeq = 0, timer = null, shown = {};

  var host = document.createElement('div');
  host.id = 'parley-widget';
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  root.innerHTML =
    '<button class="open" type="button"></button>' +
    '<section class="panel" hidden role="dialog" aria-label="">' +
    '  <div class="head"><strong class="title"></strong><button class="close" type="button" aria-label="Close">×</button></div>' +
    '  <div class="body">' +
    '    <form class="prechat" novalidate>' +
    '      <label for="pw-name">Name</label><input id="pw-name" name="name" autocomplete="name" maxlength="120">' +
    '      <label for="pw-email">E-mail</label><input id="pw-email" name="email" type="email" autocomplete="email" maxlength="254">' +
    '      <label for="pw-topic">Topic</label><input id="pw-topic" name="topic" maxlength="150">' +
    '      <p class="error" role="alert"></p>' +
    '      <button class="primary" type="submit">Start chat</button>' +
    '    </form>' +
    '    <div class="chat" hidden><p class="status" aria-live="polite"></p><div class="log" aria-live="polite"></div></div>' +
    '  </div>' +
    '  <form class="send" hidden><label for="pw-text" class="visually-hidden">Message</label>' +
    '    <textarea id="pw-text" maxlength="4000"></textarea><button class="primary" type="submit">Send</button></form>' +
    '</section>';
  // The styles are a file of Parley's beside this script (no style element or attribute, so a page whose
  // Content-Security-Policy names Parley's origin in script-src and style-src runs the widget as it is). The
  // widget shows once they are in (or failed to load: it works unstyled rather than not at all).
  var styles = document.createElement('link');
  styles.rel = 'stylesheet';
  styles.href = base + '/css/widget.css';
  host.style.display = 'none';
  function reveal() { host.style.removeProperty('display'); }
  styles.addEventListener('load', reveal);
  styles.addEventListener('error', reveal);
  root.insertBefore(styles, root.firstChild);
  document.body.appendChild(host);

  function $(selector) { return root.querySelector(selector); }
  $('.open').textContent = title;
  $('.title').textContent = title;
  $('.panel').setAttribute('aria-label', title);

  function call(method, path, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) { headers['X-Parley-Widget'] = token; }
    return fetch(base + '/widget/v1' + path, { method: method, headers: headers, credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body) }).then(function (r) {
      return r.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (!r.ok) { var err = new Error((data && data.detail) || ('HTTP ' + r.status)); err.problem = data; err.status = r.status; throw err; }
        return data;
      });
    });
  }

  function status(view) {
    var text;
    if (!view) { return; }
    if (view.state === 'queued' || view.state === 'offered') {
      text = 'Waiting for an agent' + (view.position ? ' (you are number ' + view.position + ')' : '') + '…';
    } else if (view.state === 'connected') {
      text = 'Connected' + (view.agent && view.agent.name ? ' with ' + view.agent.name : '') + '.';
    } else {
      text = 'This chat has ended.';
      $('.send').hidden = true;
      stop();
    }
    $('.status').textContent = text;
  }

  function add(m) {
    if (shown[m.seq]) { return; }
    shown[m.seq] = true;
    lastSeq = Math.max(lastSeq, m.seq);
    var div = document.createElement('div');
    div.className = 'msg ' + (m.sender === 'customer' ? 'mine' : 'theirs');
    var who = document.createElement('div');
    who.className = 'who';
    who.textContent = m.sender === 'customer' ? 'You' : (m.senderName || 'Agent');
    var text = document.createElement('div');
    text.textContent = m.body;
    div.appendChild(who);
    div.appendChild(text);
    $('.log').appendChild(div);
    $('.body').scrollTop = $('.body').scrollHeight;
  }

  function poll() {
    if (!token) { return; }
    Promise.all([call('GET', '/interaction'), call('GET', '/messages?after=' + lastSeq)]).then(function (r) {
      status(r[0]);
      (r[1] || []).forEach(add);
    }).catch(function (e) {
      if (e.status === 404) { forget(); }
    });
  }

  function start() { stop(); poll(); timer = setInterval(poll, 2000); }
  function stop() { if (timer) { clearInterval(timer); timer = null; } }
  function forget() { token = null; sessionStorage.removeItem(storeKey); stop(); showForm(); }

  function showChat() {
    $('.prechat').hidden = true;
    $('.chat').hidden = false;
    $('.send').hidden = false;
  }

  function showForm() {
    $('.prechat').hidden = false;
    $('.chat').hidden = true;
    $('.send').hidden = true;
  }

  $('.open').addEventListener('click', function () {
    $('.panel').hidden = false;
    $('.open').hidden = true;
    (token ? $('#pw-text') : $('#pw-name')).focus();
  });
  $('.close').addEventListener('click', function () {
    $('.panel').hidden = true;
    $('.open').hidden = false;
    $('.open').focus();
  });

  $('.prechat').addEventListener('submit', function (event) {
    event.preventDefault();
    $('.error').textContent = '';
    call('POST', '/sessions', { name: $('#pw-name').value, email: $('#pw-email').value, topic: $('#pw-topic').value,
      queue: queue }).then(function (data) {
      token = data.token;
      sessionStorage.setItem(storeKey, JSON.stringify({ token: token }));
      showChat();
      status(data.interaction);
      start();
      $('#pw-text').focus();
    }).catch(function (e) {
      var errors = e.problem && e.problem.errors;
      $('.error').textContent = errors && errors.length
        ? errors.map(function (x) { return x.field + ': ' + x.message; }).join('; ') : e.message;
    });
  });

  var sent = 0;
  $('.send').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('#pw-text').value;
    if (!text.trim()) { return; }
    var clientId = 'w-' + Date.now().toString(36) + '-' + (sent++);
    call('POST', '/messages', { body: text, clientId: clientId }).then(function (m) {
      $('#pw-text').value = '';
      add(m);
    }).catch(function (e) { $('.status').textContent = e.message; });
  });
  $('#pw-text').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('.send').requestSubmit(); }
  });

  window.ParleyWidget = { open: function () { $('.open').click(); } };
  if (token) { showChat(); start(); }
}());
