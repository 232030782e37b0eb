// The dashboard's own script: it draws the charts from PG.options and shows
// the measures behind a heatmap cell. Document text only ever reaches the
// page through textContent or echarts.format.encodeHTML.
(function () {
  var started = performance.now();
  var errors = [];
  function report(msg) { errors.push(String(msg)); document.body.dataset.errors = errors.join(' | '); }
  window.addEventListener('error', function (e) { report(e.message); });
  var consoleError = console.error;
  console.error = function () { report(Array.prototype.join.call(arguments, ' ')); consoleError.apply(console, arguments); };
  var enc = echarts.format.encodeHTML;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function cellTip(cols) {
    return function (p) {
      var v = p.data.value || p.data;
      return enc(PG.regions[v[1]]) + '<br>' + enc(cols[v[0]]) + ': ' + enc(PG.levelLabels[v[3]]) + ' ' + Number(v[2]).toFixed(2);
    };
  }
  function showCell(r, t) {
    var box = document.getElementById('detail');
    box.textContent = '';
    var c = PG.cells[r][t];
    box.appendChild(el('h3', PG.regions[r] + ' · ' + PG.tasks[t]));
    box.appendChild(el('p', PG.levelLabels[c.l] + ' ' + c.s.toFixed(2)));
    if (c.c && c.c.length) box.appendChild(el('p', PG.labels['dash.covered'] + '：' + c.c.join('；')));
    if (c.x && c.x.length) box.appendChild(el('p', PG.labels['dash.missing'] + '：' + c.x.join('；')));
    box.appendChild(el('h4', PG.labels['dash.measures'] + ' (' + c.m.length + ')'));
    if (!c.m.length) box.appendChild(el('p', PG.labels['dash.none'], 'hint'));
    c.m.forEach(function (i) {
      var m = PG.measures[i];
      var d = el('div', null, 'measure');
      d.appendChild(el('span', m[0] + ' #' + m[1], 'cite'));
      d.appendChild(document.createTextNode(m[2]));
      box.appendChild(d);
    });
  }
  var drawn = 0, charts = {};
  Object.keys(PG.options).forEach(function (id) {
    var node = document.getElementById(id);
    if (!node) return;
    var opt = PG.options[id];
    if (id === 'tasks') opt.tooltip = { formatter: cellTip(PG.tasks) };
    if (id === 'areas') opt.tooltip = { formatter: cellTip(PG.areas) };
    var chart = echarts.init(node, null, { renderer: 'canvas' });
    chart.setOption(opt);
    charts[id] = chart;
    drawn++;
  });
  if (charts.tasks) charts.tasks.on('click', function (p) {
    var v = p.data.value || p.data;
    showCell(v[1], v[0]);
    history.replaceState(null, '', '#cell=' + v[1] + ',' + v[0]); // a link to this cell
  });
  var link = /^#cell=(\d+),(\d+)$/.exec(location.hash);
  if (link && PG.cells[+link[1]] && PG.cells[+link[1]][+link[2]]) showCell(+link[1], +link[2]);
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  window.addEventListener('beforeprint', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  document.body.dataset.charts = String(drawn);
  document.body.dataset.renderMs = String(Math.round(performance.now() - started));
})();
