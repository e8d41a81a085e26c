// The reports' charts (contacts: answered and abandoned; invitations: accepted, declined, expired), stacked bars per
// row, from the JSON the server put in the page: {names: [...], series: [{key, data}]}; each series' label is the
// script element's data-<key> attribute.
(function () {
  'use strict';
  var colors = { answered: '#1d6b38', abandoned: '#a4161a', accepted: '#1d6b38', declined: '#a4161a', expired: '#7a5c00' };
  if (!window.echarts) { return; }
  Array.prototype.forEach.call(document.querySelectorAll('script.chart-data'), function (data) {
    var box = document.getElementById(data.getAttribute('data-chart'));
    if (!box) { return; }
    var d = JSON.parse(data.textContent);
    var series = d.series.map(function (s) {
      return { name: data.getAttribute('data-' + s.key), type: 'bar', stack: 'rows', barMaxWidth: 48, data: s.data,
        color: colors[s.key] };
    });
    var chart = window.echarts.init(box, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: series.map(function (s) { return s.name; }) },
      grid: { left: 40, right: 16, top: 32, bottom: 60, containLabel: true },
      xAxis: { type: 'category', data: d.names, axisLabel: { rotate: d.names.length > 8 ? 45 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
}());
