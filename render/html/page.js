// The dashboard's own script. The regions are a tree: the top rows are the
// provinces and ministries (a region with regions below shows its roll-up
// with them, its own index beside it), a click or Enter on ▸ shows the rows
// below. The table shows PAGE rows at a time, so nothing on the page grows
// with the corpus; the charts below it show the rows of the page. Document
// text only ever reaches the page through textContent, or through
// echarts.format.encodeHTML in the charts' tooltips.
(function () {
  var started = performance.now();
  // the data is JSON in its own element: JSON.parse reads it several times
  // faster than the script parser would read it as a literal
  var PG = JSON.parse(document.getElementById('pg-data').textContent);
  document.body.dataset.parseMs = String(Math.round(performance.now() - started));
  // The detail (the measures and provisions behind each cell, the measures'
  // documents and texts) comes after this script, so that the table and the
  // charts are drawn while the browser still reads it: what needs it waits
  // for the page to be read.
  var D = null;
  function detail() {
    if (!D) D = JSON.parse(document.getElementById('pg-detail').textContent);
    return D;
  }
  function textOf(k) { return detail().texts[detail().measures[k][2]]; }
  function whenRead(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }
  var errors = [];
  function report(msg) { errors.push(String(msg)); document.body.dataset.errors = errors.join(' | '); }
  window.addEventListener('error', function (e) { report(e.message); });
  var consoleError = console.error;
  console.error = function () { report(Array.prototype.join.call(arguments, ' ')); consoleError.apply(console, arguments); };
  var enc = echarts.format.encodeHTML, L = PG.labels, PAGE = 40, OUT = 4; // OUT: the level index of out of scope
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function fmt(s) { var a = Array.prototype.slice.call(arguments, 1), k = 0; return s.replace(/%(\[(\d+)\])?[ds]/g, function (_, b, n) { return String(n ? a[n - 1] : a[k++]); }); }
  function num(x) { return x === undefined || x === null ? '' : Number(x).toFixed(3); }

  // the tree
  var rows = PG.rows, kids = rows.map(function () { return []; }), tops = [];
  rows.forEach(function (r, i) { if (r.p < 0) tops.push(i); else kids[r.p].push(i); });
  var levelLabel = {};
  PG.regionLevels.forEach(function (l) { levelLabel[l[0]] = l[1]; });
  function below(i) { var out = []; (function walk(j) { kids[j].forEach(function (k) { out.push(k); walk(k); }); })(i); return out; }
  // shown: what a row's cells and index are: its roll-up where it has one
  // a cell is its score, -1 out of scope; its level is compare.LevelOf's
  function cellOf(i, t) { var r = rows[i]; return r.uc ? r.uc[t] : r.c[t]; }
  function lv(s) { return s < 0 ? OUT : s === 0 ? 0 : s <= PG.cuts[0] ? 1 : s >= PG.cuts[1] ? 3 : 2; }
  function areaOf(i, a) { var r = rows[i]; return r.ua ? r.ua[a] : r.a[a]; }
  function indexOf(i) { var r = rows[i]; return r.u !== undefined ? r.u : r.i; }
  // a cell's strength: the strongest level of the measures behind it (its
  // roll-up's where it has one), -1 without measures; its actionable measures
  var strengthMemo = {}; // row -> [strengths, actionables]: a roll-up walks its tree once
  function strengthsOf(i) {
    if (strengthMemo[i]) return strengthMemo[i];
    var best = PG.tasks.map(function () { return -1; }), n = PG.tasks.map(function () { return 0; });
    (rows[i].uc ? [i].concat(below(i)) : [i]).forEach(function (j) {
      PG.tasks.forEach(function (_, t) {
        if (rows[j].s && rows[j].s[t] > best[t]) best[t] = rows[j].s[t];
        if (rows[j].sa) n[t] += rows[j].sa[t];
      });
    });
    return (strengthMemo[i] = [best, n]);
  }
  function strengthOf(i, t) { return strengthsOf(i)[0][t]; }
  function actionableOf(i, t) { return strengthsOf(i)[1][t]; }
  var DIRECTIVE = 2; // strength.Directive: below it a task in scope is weak

  var state = { open: {}, sort: null, desc: false, level: '', q: '', page: 0, mark: -1, view: 'coverage' };
  function sortKey(i) {
    var r = rows[i], s = state.sort;
    if (s === 'name') return r.n;
    if (s === 'up') return indexOf(i);
    if (s === 'own') return r.i === undefined ? -1 : r.i;
    if (s === 'rank') return r.k ? -r.k : -1e9; // rank 1 first when descending
    if (state.view === 'strength') return cellOf(i, +s) < 0 ? -2 : strengthOf(i, +s);
    return cellOf(i, +s);
  }
  function sorted(list) {
    if (state.sort === null) return list;
    var dir = state.desc ? -1 : 1;
    return list.slice().sort(function (a, b) {
      var x = sortKey(a), y = sortKey(b);
      if (x < y) return -dir;
      if (x > y) return dir;
      return a - b;
    });
  }
  function nameMatches() {
    if (!state.q) return [];
    var out = [];
    rows.forEach(function (r, i) { if (r.n.indexOf(state.q) >= 0) out.push(i); });
    return out;
  }
  // visible: [row, depth] in the table's order
  function visible() {
    var out = [], names = nameMatches();
    if (state.level || names.length) {
      var list = names.length ? names : rows.map(function (_, i) { return i; });
      sorted(list).forEach(function (i) { if (!state.level || rows[i].v === state.level) out.push([i, 0]); });
      return out;
    }
    (function walk(list, depth) {
      sorted(list).forEach(function (i) { out.push([i, depth]); if (state.open[i]) walk(kids[i], depth + 1); });
    })(tops, 0);
    return out;
  }
  function path(i) { var p = [], j = rows[i].p; while (j >= 0 && p.length < 8) { p.unshift(rows[j].n); j = rows[j].p; } return p; }

  var body = document.querySelector('#tree tbody'), shownRows = [];
  function render(focusRow) {
    var vis = visible(), pages = Math.max(1, Math.ceil(vis.length / PAGE));
    state.page = Math.min(Math.max(0, state.page), pages - 1);
    shownRows = vis.slice(state.page * PAGE, state.page * PAGE + PAGE);
    body.textContent = '';
    shownRows.forEach(function (v) {
      var i = v[0], r = rows[i], tr = el('tr');
      tr.dataset.row = i;
      if (i === state.mark) tr.className = 'mark';
      var name = el('td', null, 'name');
      name.style.paddingLeft = (3 + 14 * v[1]) + 'px';
      if (kids[i].length) {
        var b = el('button', state.open[i] ? '▾' : '▸');
        b.dataset.toggle = i;
        b.setAttribute('aria-expanded', state.open[i] ? 'true' : 'false');
        b.setAttribute('aria-label', (state.open[i] ? L['dash.collapse'] : L['dash.expand']) + ' ' + r.n);
        name.appendChild(b);
      } else name.appendChild(el('span', '', 'leaf'));
      name.appendChild(document.createTextNode(r.n));
      var p = path(i);
      name.title = (p.length ? p.join(' › ') + ' › ' : '') + r.n + (r.i === undefined ? ' (' + L['dash.outofcorpus'] + ')' : '');
      tr.appendChild(name);
      tr.appendChild(el('td', levelLabel[r.v] || r.v, 'num'));
      tr.appendChild(el('td', r.u !== undefined ? num(r.u) : '', 'num'));
      tr.appendChild(el('td', r.i !== undefined ? num(r.i) : '—', 'num'));
      tr.appendChild(el('td', r.k || '', 'num'));
      PG.tasks.forEach(function (task, t) {
        var td = state.view === 'strength' ? strengthCell(i, t) : coverageCell(i, t);
        td.tabIndex = 0;
        td.dataset.row = i;
        td.dataset.task = t;
        td.title = r.n + ' · ' + task + ': ' + td.title;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    document.getElementById('page').textContent = fmt(L['dash.page'], state.page + 1, pages, vis.length);
    document.getElementById('prev').disabled = state.page === 0;
    document.getElementById('next').disabled = state.page >= pages - 1;
    if (focusRow !== undefined) {
      var f = body.querySelector('button[data-toggle="' + focusRow + '"]');
      if (f) f.focus();
    }
    drawPage();
  }
  function coverageCell(i, t) {
    var c = cellOf(i, t), td = el('td', c < 0 ? '—' : c.toFixed(2), 'cell');
    td.style.background = PG.levelColors[lv(c)];
    td.title = PG.levelLabels[lv(c)];
    return td;
  }
  function strengthCell(i, t) {
    var c = cellOf(i, t), s = strengthOf(i, t), td;
    if (c < 0) {
      td = el('td', '—', 'cell');
      td.style.background = PG.levelColors[OUT];
      td.title = PG.levelLabels[OUT];
    } else if (s < 0) {
      td = el('td', '', 'cell');
      td.style.background = '#f2f2f2';
      td.title = L['dash.nomeasure'];
    } else {
      td = el('td', PG.strengthShort[s], s < DIRECTIVE ? 'cell weak' : 'cell');
      td.style.background = PG.strengthColors[s];
      td.title = PG.strengthLabels[s] + ' · ' + L['col.actionable'] + ' ' + actionableOf(i, t) + (s < DIRECTIVE ? ' · ' + L['dash.weak.tip'] : '');
    }
    return td;
  }
  var legend = document.getElementById('legend');
  function drawLegend() {
    legend.textContent = '';
    var key = function (text, color, cls) { var k = el('span', text, cls); k.style.background = color; legend.appendChild(k); };
    if (state.view === 'strength') {
      for (var s = PG.strengthLabels.length - 1; s >= 0; s--) key(PG.strengthLabels[s], PG.strengthColors[s]);
      key(L['dash.nomeasure'], '#f2f2f2');
      key(PG.levelLabels[OUT], PG.levelColors[OUT]);
      var w = el('span', L['dash.weak.tip']);
      w.style.boxShadow = 'inset 0 0 0 2px #C00000';
      legend.appendChild(w);
    } else {
      PG.levelLabels.forEach(function (l, k) { key(l, PG.levelColors[k]); });
    }
  }
  function toggle(i) { state.open[i] = !state.open[i]; render(i); }
  // focus: show row i in the table: its ancestors open, on its page, marked
  function focus(i, open) {
    state.q = ''; state.level = '';
    document.getElementById('search').value = '';
    document.getElementById('level').value = '';
    for (var j = rows[i].p; j >= 0; j = rows[j].p) state.open[j] = true;
    if (open && kids[i].length) state.open[i] = true;
    state.mark = i;
    var vis = visible();
    for (var k = 0; k < vis.length; k++) if (vis[k][0] === i) state.page = Math.floor(k / PAGE);
    render();
  }

  // the detail: the measures behind a cell, and a measure found by its words
  var box = document.getElementById('detail');
  function cite(k) {
    var m = detail().measures[k], d = D.docs[m[0]];
    return rows[d[0]].n + ' · ' + d[1] + ' #' + m[1];
  }
  function keyOf(k) { var m = detail().measures[k], d = D.docs[m[0]]; return rows[d[0]].n + '/' + d[1] + '#' + m[1]; }
  function measureBox(k, marked) {
    var d = el('div', null, 'measure'), text = textOf(k);
    d.dataset.key = keyOf(k);
    d.appendChild(el('span', cite(k), 'cite'));
    if (!marked) { d.appendChild(document.createTextNode(text)); return d; }
    // the sentence that holds the words is marked, the words in it too
    var at = text.indexOf(marked), from = at, to = at + marked.length;
    while (from > 0 && '。；！？\n'.indexOf(text[from - 1]) < 0) from--;
    while (to < text.length && '。；！？\n'.indexOf(text[to - 1]) < 0) to++;
    d.appendChild(document.createTextNode(text.slice(0, from)));
    var s = el('mark');
    s.appendChild(document.createTextNode(text.slice(from, to)));
    d.appendChild(s);
    d.appendChild(document.createTextNode(text.slice(to)));
    return d;
  }
  function showCell(i, t) {
    var r = rows[i], c = cellOf(i, t), members = r.uc ? [i].concat(below(i)) : [i];
    box.textContent = '';
    box.appendChild(el('h3', r.n + ' · ' + PG.tasks[t]));
    box.appendChild(el('p', PG.levelLabels[lv(c)] + (c < 0 ? '' : ' ' + c.toFixed(3))));
    var st = strengthOf(i, t);
    if (st >= 0) box.appendChild(el('p', L['col.strength'] + '：' + PG.strengthLabels[st] + ' · ' + L['col.actionable'] + ' ' + actionableOf(i, t) +
      (c >= 0 && st < DIRECTIVE ? ' · ' + L['dash.weak.tip'] : ''), c >= 0 && st < DIRECTIVE ? 'weak' : ''));
    if (r.uc) box.appendChild(el('p', L['dash.rollup'] + ' (' + members.length + ' ' + L['dash.regions'] + '). ' + L['dash.rollup.note'] +
      (r.c ? ' ' + L['dash.ownlevel'] + ': ' + PG.levelLabels[lv(r.c[t])] : ''), 'hint'));
    if (c >= 0) {
      var labels = PG.provisions[t] || [], got = r.uc ? detail().up[i][t][1] : detail().cells[i][t][1];
      if (got.length) box.appendChild(el('p', L['dash.covered'] + '：' + got.map(function (k) { return labels[k]; }).join('；')));
      var miss = labels.filter(function (_, k) { return got.indexOf(k) < 0; });
      if (miss.length) box.appendChild(el('p', L['dash.missing'] + '：' + miss.join('；')));
    }
    var ms = [];
    members.forEach(function (j) { if (rows[j].c) ms = ms.concat(detail().cells[j][t][0]); });
    box.appendChild(el('h4', L['dash.measures'] + ' (' + ms.length + ')'));
    if (!ms.length) box.appendChild(el('p', L['dash.none'], 'hint'));
    ms.forEach(function (k) { box.appendChild(measureBox(k)); });
    history.replaceState(null, '', '#region=' + encodeURIComponent(r.n) + '&task=' + encodeURIComponent(PG.tasks[t].split(' ')[0]) +
      (state.view === 'strength' ? '&view=strength' : ''));
  }
  var cellsOf = null; // measure -> [row, task] it stands behind, built on first use
  function openMeasure(k, words) {
    if (!cellsOf) {
      cellsOf = {};
      rows.forEach(function (r, i) {
        if (r.c) detail().cells[i].forEach(function (c, t) { c[0].forEach(function (m) { (cellsOf[m] = cellsOf[m] || []).push([i, t]); }); });
      });
    }
    box.textContent = '';
    box.appendChild(el('h3', L['dash.opened']));
    box.appendChild(measureBox(k, words));
    var cells = cellsOf[k] || [];
    if (cells.length) {
      box.appendChild(el('h4', L['dash.behind']));
      cells.forEach(function (rt) {
        var b = el('button', rows[rt[0]].n + ' · ' + PG.tasks[rt[1]]);
        b.addEventListener('click', function () { focus(rt[0]); showCell(rt[0], rt[1]); });
        box.appendChild(b);
      });
    }
    history.replaceState(null, '', '#open=' + encodeURIComponent(keyOf(k)) + (words ? '&q=' + encodeURIComponent(words) : ''));
    document.getElementById('detail-section').scrollIntoView({ block: 'nearest' });
  }

  // the search: region names filter the table; measures that say the words
  // are listed, each opening its sentence
  var found = document.getElementById('found'), LIST = 200;
  function search(q) {
    state.q = q; state.page = 0; state.mark = -1;
    found.textContent = '';
    render();
    if (!q) return;
    var hits = [];
    for (var k = 0; k < detail().measures.length; k++) if (textOf(k).indexOf(q) >= 0) hits.push(k);
    if (!hits.length) { found.appendChild(el('p', fmt(L['dash.found.none'], q), 'note')); return; }
    found.appendChild(el('p', fmt(L['dash.found'], q, hits.length) + (hits.length > LIST ? '；' + fmt(L['dash.found.more'], LIST) : '')));
    hits.slice(0, LIST).forEach(function (k) {
      var text = textOf(k), at = text.indexOf(q), b = el('button');
      b.dataset.measure = k;
      b.appendChild(el('b', cite(k) + '  '));
      b.appendChild(document.createTextNode((at > 30 ? '…' : '') + text.slice(Math.max(0, at - 30), at)));
      b.appendChild(el('mark', q));
      b.appendChild(document.createTextNode(text.slice(at + q.length, at + q.length + 40) + '…'));
      found.appendChild(b);
    });
  }

  // the charts
  var charts = {}, drawn = 0;
  function chart(id, opt) {
    var node = document.getElementById(id);
    if (!node) return null;
    var c = echarts.init(node, null, { renderer: 'canvas' });
    c.setOption(opt);
    charts[id] = c;
    drawn++;
    return c;
  }
  function drawPage() {
    var page = shownRows.map(function (v) { return v[0]; }), names = page.map(function (i) { return rows[i].n; });
    if (charts.areas) {
      var pts = [];
      page.forEach(function (i, y) { PG.areas.forEach(function (_, x) { var a = areaOf(i, x); pts.push([x, y, Math.max(a, 0), lv(a)]); }); });
      document.getElementById('areas').style.height = (160 + 24 * page.length) + 'px';
      charts.areas.resize();
      charts.areas.setOption({ yAxis: [{ data: names }], series: [{ data: pts }] });
    }
    if (charts.bars) {
      charts.bars.setOption({ xAxis: [{ data: names }], series: PG.areas.map(function (_, a) { return { data: page.map(function (i) { return Math.max(areaOf(i, a), 0); }) }; }) });
    }
    if (charts.radar) {
      var first = page.slice(0, 5);
      charts.radar.setOption({ legend: [{ data: first.map(function (i) { return rows[i].n; }) }],
        series: [{ data: first.map(function (i) { return { name: rows[i].n, value: PG.areas.map(function (_, a) { return Math.max(areaOf(i, a), 0); }) }; }) }] });
    }
  }
  function tileValue(i, metric) {
    if (metric === 'index') return indexOf(i);
    var n = +metric.slice(1), c = metric[0] === 'a' ? areaOf(i, n) : cellOf(i, n);
    return c < 0 ? '-' : c;
  }
  function drawTiles() {
    var metric = document.getElementById('metric').value;
    var item = function (t) { return { value: [t.x, t.y, t.r < 0 ? '-' : tileValue(t.r, metric)], name: t.s, row: t.r }; };
    // a province not in the run, or with the task out of its scope, is grey
    var grey = function (t) { return t.r < 0 || item(t).value[2] === '-'; };
    charts.tiles.setOption({ series: [
      { data: PG.tiles.filter(function (t) { return !grey(t); }).map(item) },
      { data: PG.tiles.filter(grey).map(function (t) { var it = item(t); it.value[2] = 0; return it; }) }] });
  }
  var cellTip = function (p) {
    var v = p.data.value || p.data;
    return enc(rows[shownRows[v[1]][0]].n) + '<br>' + enc(PG.areas[v[0]]) + ': ' + enc(PG.levelLabels[v[3]]) + ' ' + Number(v[2]).toFixed(2);
  };
  Object.keys(PG.options).forEach(function (id) {
    var opt = PG.options[id];
    opt.animation = false; // drawn at once, every page of the table again
    if (id === 'areas') opt.tooltip = { formatter: cellTip };
    if (id === 'tiles') {
      opt.tooltip = { formatter: function (p) { var r = p.data.row; return r < 0 ? enc(p.data.name) + ': ' + enc(L['dash.outofcorpus']) : enc(rows[r].n) + ': ' + (p.seriesIndex ? '—' : p.data.value[2].toFixed(3)); } };
      opt.series[0].label = { show: true, formatter: function (p) { return p.data.name + '\n' + p.data.value[2].toFixed(2); } };
      opt.series[1].label = { show: true, color: '#888', formatter: function (p) { return p.data.name; } };
      opt.series[0].itemStyle = { borderColor: '#fff', borderWidth: 3 };
      opt.series[1].itemStyle = { color: '#e8e8e8', borderColor: '#fff', borderWidth: 3 };
    }
    chart(id, opt);
  });
  document.body.dataset.chartsMs = String(Math.round(performance.now() - started));
  if (charts.tiles) {
    drawTiles();
    charts.tiles.on('click', function (p) { if (p.data.row >= 0) { focus(p.data.row, true); document.getElementById('tree-section').scrollIntoView(); } });
    document.getElementById('metric').addEventListener('change', drawTiles);
  }

  // events
  body.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-toggle]');
    if (b) { toggle(+b.dataset.toggle); return; }
    var td = e.target.closest('td.cell');
    if (td) whenRead(function () { showCell(+td.dataset.row, +td.dataset.task); });
  });
  body.addEventListener('keydown', function (e) {
    var td = e.target.closest('td.cell');
    if (td && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); whenRead(function () { showCell(+td.dataset.row, +td.dataset.task); }); }
  });
  document.querySelector('#tree thead').addEventListener('click', function (e) {
    var b = e.target.closest('button[data-sort]');
    if (!b) return;
    var s = b.dataset.sort;
    state.desc = state.sort === s ? !state.desc : s !== 'name';
    state.sort = s;
    render();
  });
  document.getElementById('prev').addEventListener('click', function () { state.page--; render(); });
  document.getElementById('next').addEventListener('click', function () { state.page++; render(); });
  document.getElementById('level').addEventListener('change', function (e) { state.level = e.target.value; state.page = 0; render(); });
  function setView(v) {
    state.view = v === 'strength' ? 'strength' : 'coverage';
    document.getElementById('view').value = state.view;
    drawLegend();
    render();
  }
  document.getElementById('view').addEventListener('change', function (e) { setView(e.target.value); });
  var typing;
  document.getElementById('search').addEventListener('input', function (e) {
    clearTimeout(typing);
    typing = setTimeout(function () { whenRead(function () { search(e.target.value.trim()); }); }, 200);
  });
  found.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-measure]');
    if (b) openMeasure(+b.dataset.measure, state.q);
  });

  drawLegend();
  render();
  document.body.dataset.tableMs = String(Math.round(performance.now() - started));
  // links: #region=厦门市&task=T04 (or #cell=row,task), #q=words, #open=key
  whenRead(function () {
  var link = new URLSearchParams(location.hash.slice(1)), numeric = /^#cell=(\d+),(\d+)$/.exec(location.hash);
  var named = function (n) { for (var i = 0; i < rows.length; i++) if (rows[i].n === n) return i; return -1; };
  var taskNo = function (id) { for (var t = 0; t < PG.tasks.length; t++) if (PG.tasks[t].split(' ')[0] === id) return t; return -1; };
  if (link.get('view')) setView(link.get('view'));
  if (numeric && rows[+numeric[1]] && +numeric[2] < PG.tasks.length) { focus(+numeric[1]); showCell(+numeric[1], +numeric[2]); }
  if (link.get('region') !== null && named(link.get('region')) >= 0) {
    var r0 = named(link.get('region')), t0 = taskNo(link.get('task') || '');
    focus(r0, link.has('expand'));
    if (t0 >= 0) showCell(r0, t0);
  }
  if (link.get('q')) { document.getElementById('search').value = link.get('q'); search(link.get('q')); }
  if (link.get('open')) {
    for (var k = 0; k < detail().measures.length; k++) if (keyOf(k) === link.get('open')) { openMeasure(k, link.get('q') || ''); break; }
  }
  });
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  window.addEventListener('beforeprint', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  document.body.dataset.charts = String(drawn);
  document.body.dataset.renderMs = String(Math.round(performance.now() - started));
  document.body.dataset.startMs = String(Math.round(started));
  // the first frame with every chart in it, in ms since the page was asked for
  requestAnimationFrame(function () { setTimeout(function () { document.body.dataset.paintMs = String(Math.round(performance.now())); }, 0); });
})();
