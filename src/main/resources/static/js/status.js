// The center's live figures on a page (the wallboard, the portal's status panel): every 'status' event carries
// the center's and each queue's figures; elements with data-field inside a data-scope="center" block or a
// data-scope="queue" data-queue="key" block take the figure's value, formatted by data-format the way the server
// renders it (StatusFormat): wait "45 s" / "3:05", range "2–4 min", percent "80%", a dash when there is none.
(function () {
  'use strict';
  var root = document.querySelector('[data-status]');
  if (!root || !window.ParleyLive) { return; }
  var rangeText = root.getAttribute('data-fmt-range') || '{0}–{1} min';
  var underText = root.getAttribute('data-fmt-under') || 'under a minute';

  function wait(s) {
    if (s === null || s === undefined) { return '—'; }
    s = Math.round(s);
    if (s < 60) { return s + ' s'; }
    var r = s % 60;
    return Math.floor(s / 60) + ':' + (r < 10 ? '0' : '') + r;
  }

  function range(r) {
    if (!r) { return '—'; }
    var low = Math.floor(r.low / 60), high = Math.max(low + 1, Math.ceil(r.high / 60));
    if (high <= 1) { return underText; }
    return rangeText.replace('{0}', String(low)).replace('{1}', String(high));
  }

  function percent(v) {
    return v === null || v === undefined ? '—' : Math.round(v * 100) + '%';
  }

  function show(scope, figures) {
    if (!scope || !figures) { return; }
    scope.querySelectorAll('[data-field]').forEach(function (el) {
      var value = figures[el.getAttribute('data-field')];
      var format = el.getAttribute('data-format');
      var text = format === 'wait' ? wait(value) : format === 'range' ? range(value)
        : format === 'percent' ? percent(value) : (value === null || value === undefined ? '—' : String(value));
      if (el.textContent !== text) { el.textContent = text; }
    });
    scope.querySelectorAll('[data-medium]').forEach(function (el) {
      var open = (figures.mediaOpen || []).indexOf(el.getAttribute('data-medium')) >= 0;
      el.classList.toggle('open', open);
      el.classList.toggle('closed', !open);
    });
  }

  // the wallboard's agents: rows rebuilt from the pushed list (names as text, states by the page's labels)
  var labelsEl = document.getElementById('agent-labels');
  var labels = {};
  try { labels = labelsEl ? JSON.parse(labelsEl.textContent) : {}; } catch (e) { labels = {}; }
  window.ParleyLive.on('agents', function (agents) {
    var table = document.getElementById('agent-rows');
    if (!table) { return; }
    var body = table.querySelector('tbody');
    var heads = table.querySelectorAll('thead th');
    var rows = document.createDocumentFragment();
    agents.forEach(function (a) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-agent', a.id);
      var th = document.createElement('th');
      th.scope = 'row';
      th.textContent = a.name;
      tr.appendChild(th);
      var group = document.createElement('td');
      group.setAttribute('data-label', heads[1].textContent);
      group.textContent = a.group;
      tr.appendChild(group);
      var state = document.createElement('td');
      state.setAttribute('data-label', heads[2].textContent);
      var badge = document.createElement('span');
      badge.className = 'badge' + (a.state === 'ready' ? ' ok' : a.state === 'not-ready' ? ' warn' : '');
      badge.textContent = (labels[a.state] || a.state) + (a.reason ? ' · ' + (labels['reason:' + a.reason] || a.reason) : '');
      state.appendChild(badge);
      tr.appendChild(state);
      var since = document.createElement('td');
      since.setAttribute('data-label', heads[3].textContent);
      if (a.since) {
        var t = document.createElement('time');
        t.dateTime = a.since;
        var d = new Date(a.since);
        t.textContent = (d.getHours() < 10 ? '0' : '') + d.getHours() + ':' + (d.getMinutes() < 10 ? '0' : '') + d.getMinutes();
        since.appendChild(t);
      }
      tr.appendChild(since);
      rows.appendChild(tr);
    });
    body.replaceChildren(rows);
    table.hidden = agents.length === 0;
    var none = document.getElementById('agents-none');
    if (none) { none.hidden = agents.length > 0; }
    var count = document.getElementById('agents-count');
    if (count) { count.textContent = String(agents.length); }
  });

  // the wallboard's threshold alerts: one line per queue and threshold passed, rebuilt from each push
  var alertsBox = document.getElementById('alerts');
  function alerts(queues) {
    if (!alertsBox) { return; }
    var list = document.createElement('ul');
    list.id = 'alert-list';
    queues.forEach(function (q) {
      var row = root.querySelector('tr[data-scope="queue"][data-queue="' + q.queue + '"]');
      if (row) { row.classList.toggle('breach', (q.alerts || []).length > 0); }
      (q.alerts || []).forEach(function (a) {
        var fmt = alertsBox.getAttribute('data-fmt-' + a.kind) || '{0}: {1} ({2})';
        var value = a.kind === 'oldest-wait' ? wait(a.value) : a.kind === 'service-level' ? percent(a.value) : String(a.value);
        var limit = a.kind === 'oldest-wait' ? wait(a.limit) : a.kind === 'service-level' ? percent(a.limit) : String(a.limit);
        var li = document.createElement('li');
        li.setAttribute('data-queue', q.queue);
        li.setAttribute('data-kind', a.kind);
        li.textContent = fmt.replace('{0}', q.name).replace('{1}', value).replace('{2}', limit);
        list.appendChild(li);
      });
    });
    var old = document.getElementById('alert-list');
    if (!old || old.textContent !== list.textContent) {
      if (old) { old.replaceWith(list); } else { alertsBox.appendChild(list); }
    }
    var none = document.getElementById('alerts-none');
    if (none) { none.hidden = list.children.length > 0; }
    alertsBox.classList.toggle('alerting', list.children.length > 0);
  }

  window.ParleyLive.on('status', function (data) {
    alerts(data.queues || []);
    root.querySelectorAll('[data-scope="center"]').forEach(function (scope) { show(scope, data.center); });
    (data.queues || []).forEach(function (q) {
      root.querySelectorAll('[data-scope="queue"][data-queue="' + q.queue + '"]').forEach(function (scope) {
        show(scope, q);
      });
    });
  });
}());
