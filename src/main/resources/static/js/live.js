// Parley live push: one event stream per tab (GET /live/presence). The server sends "hello" with the
// connection id, then "swap" events carrying HTML whose root element replaces the element with the same
// id. The page reports idle (no input for a while) and its closing, so presence follows the person.
// The broker's JSON events (offer, offer-ended, interaction, position, message, receipts, typing) reach
// other scripts of the page through window.ParleyLive.on(name, handler(data)); ParleyLive.onOpen(handler)
// runs on every (re)connect, so a page asks for what it missed. A stream that is cut comes back by itself after
// the server's retry (1-10 s, spread per page); one the browser gives up on (an error answer, e.g. while the server
// restarts) is opened again by this script after a jittered, doubling back-off (0.5-1 s, then 1-2 s, ... up to
// 30-60 s), so thousands of pages that lost the server together do not all come back in the same second.
(function () {
  'use strict';
  if (!window.EventSource) { return; }
  var script = document.currentScript;
  var base = script ? script.src.replace(/js\/live(-[0-9a-f]{32})?\.js.*$/, '') : '/';
  var wants = Array.prototype.map.call(document.querySelectorAll('[data-live]'), function (e) {
    return e.getAttribute('data-live');
  }).join(',');
  var connection = null, idleAfter = 300000, idle = false, timer = null;
  var source = null, listeners = [], failures = 0, retry = null;

  function listen(name, handler) {
    listeners.push([name, handler]);
    if (source) { source.addEventListener(name, handler); }
  }

  function connect() {
    var stream = new EventSource(base + 'live/presence?want=' + encodeURIComponent(wants));
    source = stream;
    listeners.forEach(function (l) { stream.addEventListener(l[0], l[1]); });
    stream.addEventListener('error', function () {
      if (stream.readyState === EventSource.CLOSED && stream === source) { reconnectLater(); }
    });
  }

  function reconnectLater() {
    clearTimeout(retry);
    var ceiling = Math.min(60000, 1000 * Math.pow(2, failures));
    failures++;
    retry = setTimeout(connect, ceiling / 2 + Math.random() * ceiling / 2);
  }

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    return token ? token.content : '';
  }

  // url-encoded, so the CSRF filter reads the token as a plain request parameter
  function form(fields) {
    var data = new URLSearchParams();
    Object.keys(fields).forEach(function (k) { data.append(k, fields[k]); });
    data.append('_csrf', csrf());
    return data;
  }

  function report(isIdle) {
    if (!connection || idle === isIdle) { return; }
    idle = isIdle;
    fetch(base + 'live/idle', { method: 'POST', credentials: 'same-origin',
      body: form({ connection: connection, idle: String(isIdle) }) });
  }

  function active() {
    report(false);
    clearTimeout(timer);
    timer = setTimeout(function () { report(true); }, idleAfter);
  }

  var openHandlers = [];
  window.ParleyLive = {
    on: function (name, handler) {
      listen(name, function (event) {
        var data;
        try { data = JSON.parse(event.data); } catch (e) { return; }
        handler(data);
      });
    },
    onOpen: function (handler) { openHandlers.push(handler); }
  };

  listen('hello', function (event) {
    var hello = JSON.parse(event.data);
    failures = 0;
    connection = hello.connection;
    idleAfter = hello.idleAfter || idleAfter;
    idle = false;
    active();
    openHandlers.forEach(function (h) { try { h(); } catch (e) { /* a page's handler failed */ } });
  });

  listen('swap', function (event) {
    var template = document.createElement('template');
    template.innerHTML = event.data;
    var fresh = template.content.firstElementChild;
    var old = fresh && fresh.id ? document.getElementById(fresh.id) : null;
    if (old) {
      var focused = document.activeElement && old.contains(document.activeElement);
      old.replaceWith(fresh);
      if (focused) { fresh.setAttribute('tabindex', '-1'); fresh.focus(); }
    }
  });

  ['keydown', 'pointerdown', 'pointermove', 'scroll', 'touchstart', 'focus'].forEach(function (name) {
    window.addEventListener(name, active, { passive: true, capture: true });
  });

  window.addEventListener('pagehide', function () {
    if (connection && navigator.sendBeacon) {
      navigator.sendBeacon(base + 'live/close', form({ connection: connection }));
    }
    clearTimeout(retry);
    if (source) { source.close(); }
  });

  connect();
})();
