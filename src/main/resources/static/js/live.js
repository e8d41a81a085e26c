// Parley live push: one event stream per tab (GET /live/presence). The server sends "hello" with the
// connection id, then "swap" events carrying HTML whose root element replaces the element with the same
// id. The page reports idle (no input for a while) and its closing, so presence follows the person.
// The broker's JSON events (offer, offer-ended, interaction, position, message, receipts, typing) reach
// other scripts of the page through window.ParleyLive.on(name, handler(data)); ParleyLive.onOpen(handler)
// runs on every (re)connect, so a page asks for what it missed.
(function () {
  'use strict';
  if (!window.EventSource) { return; }
  var script = document.currentScript;
  var base = script ? script.src.replace(/js\/live\.js.*$/, '') : '/';
  var wants = Array.prototype.map.call(document.querySelectorAll('[data-live]'), function (e) {
    return e.getAttribute('data-live');
  }).join(',');
  var connection = null, idleAfter = 300000, idle = false, timer = null;
  var source = new EventSource(base + 'live/presence?want=' + encodeURIComponent(wants));

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
      source.addEventListener(name, function (event) {
        var data;
        try { data = JSON.parse(event.data); } catch (e) { return; }
        handler(data);
      });
    },
    onOpen: function (handler) { openHandlers.push(handler); }
  };

  source.addEventListener('hello', function (event) {
    var hello = JSON.parse(event.data);
    connection = hello.connection;
    idleAfter = hello.idleAfter || idleAfter;
    idle = false;
    active();
    openHandlers.forEach(function (h) { try { h(); } catch (e) { /* a page's handler failed */ } });
  });

  source.addEventListener('swap', function (event) {
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
    source.close();
  });
})();
