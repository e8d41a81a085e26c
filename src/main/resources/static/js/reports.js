// The report's chart: answered and abandoned contacts per row, stacked, from the JSON the server put in the page.
(function () {
  'use strict';
  var data = document.getElementById('report-chart-data');
  var box = document.getElementById('report-chart');
  if (!data || !box || !window.echarts) { return; }
  var d = JSON.parse(data.textContent);
  var chart = window.echarts.init(box, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [data.getAttribute('data-answered'), data.getAttribute('data-abandoned')] },
    grid: { left: 40, right: 16, top: 32, bottom: 60, containLabel: true },
    xAxis: { type: 'category', data: d.names, axisLabel: { rotate: d.names.length > 8 ? 45 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: data.getAttribute('data-answered'), type: 'bar', stack: 'contacts', barMaxWidth: 48, data: d.answered, color: '#1d6b38' },
      { name: data.getAttribute('data-abandoned'), type: 'bar', stack: 'contacts', barMaxWidth: 48, data: d.abandoned, color: '#a4161a' }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
}());
