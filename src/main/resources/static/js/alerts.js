// Parley alerts: the header's count and the polite notice follow the live "alert" events (live.js). A new alert's
// text goes into the page's status region (announced by screen readers, never takes focus) with a link to the inbox;
// a dismissal (in any tab) lowers the count. The inbox page brings its list up to date from the server.
(function () {
  'use strict';
  function setCount(n) {
    var badge = document.getElementById('alerts-count');
    var said = document.getElementById('alerts-unread');
    if (badge) {
      badge.textContent = String(n);
      badge.classList.toggle('warn', n > 0);
    }
    if (said) { said.textContent = ', ' + said.getAttribute('data-template').replace('{0}', String(n)); }
  }
  function notice(data) {
    var region = document.getElementById('alert-live');
    if (!region) { return; }
    var p = document.createElement('p');
    p.className = 'alert-notice';
    p.setAttribute('data-alert', data.id);
    p.appendChild(document.createTextNode(data.text + ' '));
    var a = document.createElement('a');
    a.href = region.getAttribute('data-inbox');
    a.textContent = region.getAttribute('data-more');
    p.appendChild(a);
    region.appendChild(p);
    while (region.children.length > 3) { region.removeChild(region.firstElementChild); }
  }
  function refreshInbox() {
    var inbox = document.getElementById('alert-inbox');
    if (!inbox || !window.fetch) { return; }
    fetch(inbox.getAttribute('data-url'), { credentials: 'same-origin' }).then(function (r) { return r.text(); })
      .then(function (html) {
        var template = document.createElement('template');
        template.innerHTML = html;
        var fresh = template.content.querySelector('#alert-inbox');
        var old = document.getElementById('alert-inbox');
        if (fresh && old && !old.contains(document.activeElement)) { old.innerHTML = fresh.innerHTML; }
      });
  }
  function setup(live) {
    live.on('alert', function (data) {
      if (typeof data.unread === 'number') { setCount(data.unread); }
      if (data.dismissed) {
        var shown = document.querySelector('#alert-live [data-alert="' + data.id + '"]');
        if (shown) { shown.remove(); }
      } else {
        notice(data);
      }
      refreshInbox();
    });
  }
  if (window.ParleyLive) { setup(window.ParleyLive); return; }
  document.addEventListener('DOMContentLoaded', function () { if (window.ParleyLive) { setup(window.ParleyLive); } });
})();
