// Parley pages: what every page needs from its script. Pages carry no inline script or handler (the
// Content-Security-Policy allows scripts from Parley's own files only); behaviour hangs on data- attributes.
(function () {
  'use strict';

  // Send the CSRF token with every htmx request.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A form with data-confirm asks before it is sent (deleting, say); the question is the attribute's text.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.hasAttribute('data-confirm')
        && !window.confirm(form.getAttribute('data-confirm'))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // A time-zone select with data-browser-zone starts at the browser's own zone on a fresh form (the form works
  // without this: the server's default stays selected).
  function preselectZones() {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    if (!zone) { return; }
    document.querySelectorAll('select[data-browser-zone]').forEach(function (select) {
      var fresh = select.getAttribute('data-browser-zone') || 'UTC';
      var options = Array.prototype.filter.call(select.options, function (o) { return o.value === zone; });
      if (select.value === fresh && options.length > 0) {
        select.value = zone;
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', preselectZones);
  } else {
    preselectZones();
  }
}());
