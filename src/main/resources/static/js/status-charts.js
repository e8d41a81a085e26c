// The wallboard's charts of the last hours: contacts waiting per queue, and one queue's estimated against actual
// wait. Drawn from the JSON the server put in the page; when the live channel says a new sample was taken
// (event "sampled"), the data is fetched again and redrawn.
(function () {
  'use strict';
  var holder = document.getElementById('chart-data');
  var waitingBox = document.getElementById('chart-waiting');
  var waitBox = document.getElementById('chart-wait');
  var pick = document.getElementById('chart-queue');
  if (!holder || !waitingBox || !waitBox || !window.echarts) { return; }
  var data = JSON.parse(holder.textContent);
  var waiting = window.echarts.init(waitingBox, null, { renderer: 'svg' });
  var wait = window.echarts.init(waitBox, null, { renderer: 'svg' });
  var none = document.getElementById('charts-none');
  var fetched = 0;

  function draw() {
    none.hidden = data.times.length > 0;
    waitingBox.setAttribute('data-points', String(data.times.length));
    waiting.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.times },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.queues.map(function (q) {
        return { name: q.name, type: 'line', step: 'end', showSymbol: data.times.length < 40, data: q.waiting };
      })
    }, true);
    var q = data.queues.filter(function (x) { return pick && x.queue === pick.value; })[0] || data.queues[0];
    if (!q) { return; }
    waitBox.setAttribute('data-queue', q.queue);
    wait.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: [holder.getAttribute('data-estimated'), holder.getAttribute('data-actual')] },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.times },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: holder.getAttribute('data-estimated'), type: 'line', showSymbol: data.times.length < 40, connectNulls: false,
          data: q.estimated, color: '#1f4e8c' },
        { name: holder.getAttribute('data-actual'), type: 'line', showSymbol: true, symbolSize: 4,
          connectNulls: false, data: q.actual, color: '#b35c00' }
      ]
    }, true);
  }

  draw();
  if (pick) { pick.addEventListener('change', draw); }
  window.addEventListener('resize', function () { waiting.resize(); wait.resize(); });
  if (window.ParleyLive) {
    window.ParleyLive.on('sampled', function () {
      fetch(holder.getAttribute('data-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) {
          if (!d) { return; }
          data = d;
          draw();
          fetched++;
          holder.setAttribute('data-fetched', String(fetched));
        })
        .catch(function () { /* the next sample tries again */ });
    });
  }
}());
