/* kamerxref explorer, the overview (index.html): built for 1,000-10,000 letters.
 * The letters table comes first (sortable; filters by fractie, committee, period, status
 * and cited document), then a timeline of letters per month, the most-cited documents and
 * pages, a graph of the sources the filtered letters share (laid out again whenever the
 * filters change), the fracties and the documents. Search goes through the whole corpus
 * (questions, footnotes, citations as people type them) with the index in assets/search.
 * Helpers and safety rules: base.js (window.KX).
 */
(function () {
  'use strict';
  var T0 = performance.now();
  var DATA = KX.data, h = KX.h, $ = KX.$, short = KX.short;
  var STYLE = DATA.style;
  var letterById = {};
  DATA.letters.forEach(function (l) { letterById[l.id] = l; });
  var SRC = DATA.sources;
  var SPECIFIC = {page: 0, part: 1, document: 2, dossier: 3};
  var lettersOf = {}; // source -> letters sharing it
  DATA.letters.forEach(function (l) {
    l.shared.forEach(function (t) { (lettersOf[t] = lettersOf[t] || []).push(l.id); });
  });
  var api = window.kamerxref = {data: DATA, ready: false, selected: null, timings: {}};

  // ------------------------------------------------------------------ filters
  var sel = {fractie: $('kx-fractie'), committee: $('kx-committee'), from: $('kx-from'),
    to: $('kx-to'), status: $('kx-status-filter'), doc: $('kx-doc')};
  function filterValues() {
    var v = {};
    Object.keys(sel).forEach(function (k) { v[k] = sel[k] ? sel[k].value : ''; });
    return v;
  }
  function keep(l, v) {
    if (v.fractie && l.fracties.indexOf(v.fractie) < 0) return false;
    if (v.committee && (l.committee_abbr || l.committee) !== v.committee) return false;
    var month = (l.datum || '').slice(0, 7);
    if (v.from && month < v.from) return false;
    if (v.to && month > v.to) return false;
    if (v.status && l.status !== v.status) return false;
    if (v.doc && l.docs.indexOf(v.doc) < 0) return false;
    return true;
  }
  var shown = DATA.letters;

  // ------------------------------------------------------------------ links and buttons
  function letterHref(l) { return KX.relHref(l.href); }
  function letterLink(lid, text) {
    var l = letterById[lid];
    if (!l) return h('span', {text: lid});
    var href = letterHref(l);
    return href ? h('a', {href: href, lang: 'nl', cls: 'kx-letter-link'}, text || (l.kenmerk || l.id))
      : h('span', {lang: 'nl', text: text || (l.kenmerk || l.id)});
  }
  function selectButton(id, text, cls) {
    return h('button', {type: 'button', cls: 'kx-link-button' + (cls ? ' ' + cls : ''), 'data-node': id,
      on: {click: function () { select(id, {fromUi: true}); }}}, text);
  }
  function srcName(t) { return SRC[t] ? SRC[t].readable : t; }

  // ------------------------------------------------------------------ tables
  function renderLetters() {
    $('kx-filter-status').textContent = shown.length + ' of ' + DATA.letters.length + ' letters match the filters.';
    $('kx-letters-table').replaceChildren(KX.sortableTable({
      id: 'kx-letters-tbl', caption: 'Letters', rows: shown, sort: {key: 'datum', dir: -1}, limit: 100,
      empty: 'No letter matches the filters.',
      columns: [
        {key: 'kenmerk', label: 'Kenmerk', value: function (l) { return l.kenmerk || l.id; }, cell: function (l) {
          return [letterLink(l.id), ' ', h('button', {type: 'button', cls: 'kx-link-button kx-small', 'data-node': l.id,
            'aria-label': 'Details of letter ' + (l.kenmerk || l.id), on: {click: function () { select(l.id, {fromUi: true}); }}}, 'details')];
        }},
        {key: 'datum', label: 'Datum', value: function (l) { return l.datum; }},
        {key: 'betreft', label: 'Betreft', nl: true, value: function (l) { return l.betreft; }},
        {key: 'committee', label: 'Committee', nl: true, value: function (l) { return l.committee_abbr || l.committee; }},
        {key: 'fracties', label: 'Fracties', nl: true, value: function (l) { return l.fracties.join(', '); }},
        {key: 'q', label: 'Questions', num: true, value: function (l) { return l.n_questions; }},
        {key: 'docs', label: 'Documents', num: true, value: function (l) { return l.n_documents; }},
        {key: 'deadline', label: 'Deadline', value: function (l) { return l.deadline; }, cell: function (l) {
          return [l.deadline || 'none', h('div', {cls: 'kx-excerpt', text: l.due})];
        }},
        {key: 'status', label: 'Status', value: function (l) { return l.status; }, cell: function (l) {
          return h('span', {cls: 'kx-days ' + KX.statusClass(l), text: l.status});
        }}
      ]
    }));
  }

  function countSources(letters, kinds) {
    var n = {};
    letters.forEach(function (l) {
      (kinds.page ? l.shared : l.docs).forEach(function (t) {
        if (SRC[t] && kinds[SRC[t].kind]) n[t] = (n[t] || 0) + 1;
      });
    });
    return n;
  }
  function sourceTable(id, counts, min, limit, empty) {
    var rows = Object.keys(counts).filter(function (t) { return counts[t] >= min; }).map(function (t) {
      return {id: t, s: SRC[t], n: counts[t]};
    });
    return KX.sortableTable({
      id: id, caption: 'Cited sources', rows: rows, sort: {key: 'n', dir: -1}, limit: limit, empty: empty,
      columns: [
        {key: 'name', label: 'Source', nl: true, value: function (r) { return r.s.readable; }, cell: function (r) {
          return selectButton(r.id, r.s.readable);
        }},
        {key: 'n', label: 'Letters', num: true, value: function (r) { return r.n; }},
        {key: 'q', label: 'Questions (all letters)', num: true, value: function (r) { return r.s.n_questions; }},
        {key: 'url', label: 'Official source', nosort: true, value: function () { return ''; }, cell: function (r) {
          return KX.officialLink(r.s.url, '\u2197 open', 'open ' + r.s.readable + ' at the publisher');
        }}
      ]
    });
  }
  function renderSourceTables() {
    var docs = countSources(shown, {document: true, dossier: true});
    $('kx-top-sources-table').replaceChildren(sourceTable('kx-top-sources-tbl', docs, 1, 15, 'No cited document.'));
    $('kx-documents-table').replaceChildren(sourceTable('kx-documents-tbl', docs, 1, 100, 'No cited document.'));
    var pages = countSources(shown, {page: true, part: true});
    $('kx-top-pages-table').replaceChildren(sourceTable('kx-top-pages-tbl', pages, 2, 15,
      'No page is cited by two of the filtered letters.'));
  }
  function renderFracties() {
    var per = {}, letters = {}, total = 0;
    shown.forEach(function (l) {
      Object.keys(l.fq).forEach(function (f) {
        per[f] = (per[f] || 0) + l.fq[f];
        letters[f] = (letters[f] || 0) + 1;
      });
      total += l.n_questions;
    });
    var rows = Object.keys(per).map(function (f) { return {id: f, name: f, q: per[f], l: letters[f]}; });
    var colors = {};
    DATA.fracties.forEach(function (f) { colors[f.name] = f.color; });
    $('kx-fracties-table').replaceChildren(KX.sortableTable({
      id: 'kx-fracties-tbl', caption: 'Questions per fractie', rows: rows, sort: {key: 'q', dir: -1},
      empty: 'No fractie asks in the filtered letters.',
      columns: [
        {key: 'name', label: 'Fractie', nl: true, value: function (r) { return r.name; }, cell: function (r) {
          return h('span', null, h('span', {cls: 'kx-dot', style: 'background:' + (colors[r.name] || '#90a4ae'), 'aria-hidden': 'true'}),
            ' ', h('span', {lang: 'nl', text: r.name}));
        }},
        {key: 'l', label: 'Letters', num: true, value: function (r) { return r.l; }},
        {key: 'q', label: 'Questions', num: true, value: function (r) { return r.q; }}
      ]
    }), h('p', {cls: 'kx-hint', text: total + ' questions in the filtered letters.'}));
  }

  // ------------------------------------------------------------------ timeline
  function renderTimeline() {
    var box = $('kx-timeline-chart');
    var all = {}, now = {};
    DATA.letters.forEach(function (l) { var m = (l.datum || '').slice(0, 7); if (m) all[m] = (all[m] || 0) + 1; });
    shown.forEach(function (l) { var m = (l.datum || '').slice(0, 7); if (m) now[m] = (now[m] || 0) + 1; });
    var months = Object.keys(all).sort();
    if (!months.length) { box.replaceChildren(h('p', {cls: 'kx-hint', text: 'No dated letters.'})); return; }
    var max = Math.max.apply(null, months.map(function (m) { return all[m]; }));
    var ns = 'http://www.w3.org/2000/svg', bw = Math.max(6, Math.min(40, Math.floor(900 / months.length))), H = 90;
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', String(months.length * bw + 40));
    svg.setAttribute('height', String(H + 30));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Letters per month, ' + months[0] + ' to ' + months[months.length - 1] +
      '; busiest ' + months.reduce(function (a, b) { return all[b] > all[a] ? b : a; }) + ' with ' + max + ' letters');
    months.forEach(function (m, i) {
      [[all[m], '#cfd8dc'], [now[m] || 0, '#1565c0']].forEach(function (x) {
        var r = document.createElementNS(ns, 'rect'), hh = Math.round(H * x[0] / max);
        r.setAttribute('x', String(i * bw + 1));
        r.setAttribute('y', String(H - hh));
        r.setAttribute('width', String(bw - 2));
        r.setAttribute('height', String(hh));
        r.setAttribute('fill', x[1]);
        var t = document.createElementNS(ns, 'title');
        t.textContent = m + ': ' + (now[m] || 0) + ' of ' + all[m] + ' letters';
        r.appendChild(t);
        r.addEventListener('click', function () { sel.from.value = m; sel.to.value = m; update(); });
        svg.appendChild(r);
      });
      var step = Math.ceil(64 / bw); // a label every 64 px at most: no overlap
      if ((i % step === 0 && (months.length - 1 - i >= step || i === 0)) || i === months.length - 1) {
        var tx = document.createElementNS(ns, 'text');
        tx.setAttribute('x', String(i * bw));
        tx.setAttribute('y', String(H + 14));
        tx.setAttribute('font-size', '11');
        tx.setAttribute('fill', '#37474f');
        tx.textContent = m;
        svg.appendChild(tx);
      }
    });
    box.replaceChildren(svg, h('p', {cls: 'kx-hint', text: 'Blue: letters matching the filters; grey: all letters. Click a month to filter on it.'}));
  }

  // ------------------------------------------------------------------ the graph of what letters share
  // fewer nodes on a narrow screen, so that labels stay readable at the opening zoom
  var NARROW = ($('kx-graph').clientWidth || 800) < 600;
  var MAX_SOURCES = NARROW ? 10 : 30, MAX_LETTERS = NARROW ? 20 : 60;
  var container = $('kx-graph');
  var nodes = new vis.DataSet(), edges = new vis.DataSet();
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    autoResize: true,
    physics: {enabled: false, solver: 'forceAtlas2Based', forceAtlas2Based: {gravitationalConstant: -45, springLength: 70, centralGravity: 0.015},
      stabilization: {enabled: false}},
    layout: {improvedLayout: false, randomSeed: 7},
    interaction: {hover: true, tooltipDelay: 150, keyboard: false},
    nodes: {borderWidth: 1, font: {size: 15, face: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: '#263238'}},
    edges: {smooth: false, color: {color: '#90a4ae', opacity: 0.7}}
  });
  KX.quietCanvas(container);
  api.network = network; api.nodes = nodes; api.edges = edges;
  function sharedGraph() {
    var count = {}, members = {};
    shown.forEach(function (l) {
      l.shared.forEach(function (t) {
        count[t] = (count[t] || 0) + 1;
        (members[t] = members[t] || []).push(l.id);
      });
    });
    var srcs = Object.keys(count).filter(function (t) { return count[t] >= 2 && SRC[t]; });
    // a document cited by exactly the letters that cite one of its pages adds nothing
    var bySet = {};
    srcs.forEach(function (t) {
      var k = members[t].join(' ');
      if (!bySet[k] || SPECIFIC[SRC[t].kind] < SPECIFIC[SRC[bySet[k]].kind]) bySet[k] = t;
    });
    srcs = Object.keys(bySet).map(function (k) { return bySet[k]; });
    srcs.sort(function (a, b) { return count[b] - count[a] || SPECIFIC[SRC[a].kind] - SPECIFIC[SRC[b].kind] || (a < b ? -1 : 1); });
    srcs = srcs.slice(0, MAX_SOURCES);
    var deg = {};
    srcs.forEach(function (t) { members[t].forEach(function (lid) { deg[lid] = (deg[lid] || 0) + 1; }); });
    var lids = Object.keys(deg).sort(function (a, b) { return deg[b] - deg[a] || (a < b ? -1 : 1); });
    var more = Math.max(0, lids.length - MAX_LETTERS);
    lids = lids.slice(0, MAX_LETTERS);
    var inGraph = {};
    lids.forEach(function (lid) { inGraph[lid] = true; });
    return {srcs: srcs, lids: lids, members: members, count: count, more: more, inGraph: inGraph};
  }
  function renderGraph(done) {
    var g = sharedGraph();
    var ns = [], es = [];
    g.srcs.forEach(function (t, i) {
      var s = SRC[t], st = STYLE.nodes[s.kind];
      var angle = 2 * Math.PI * i / Math.max(1, g.srcs.length);
      ns.push({id: t, label: short(s.readable, 28), shape: st.shape, size: Math.min(30, 10 + 3 * Math.sqrt(g.count[t])),
        color: {background: st.color, border: '#37474f', highlight: {background: '#ffd54f', border: '#e65100'}},
        x: 260 * Math.cos(angle), y: 260 * Math.sin(angle), font: {size: 24, strokeWidth: 4, strokeColor: '#ffffff'},
        title: h('div', {cls: 'kx-tip', text: s.citation + '\n' + g.count[t] + ' of the filtered letters cite it'})});
      g.members[t].forEach(function (lid) {
        if (g.inGraph[lid]) es.push({id: lid + '>' + t, from: lid, to: t});
      });
    });
    g.lids.forEach(function (lid, i) {
      var l = letterById[lid], angle = 2 * Math.PI * i / Math.max(1, g.lids.length);
      ns.push({id: lid, label: l.kenmerk || l.id, shape: 'star', size: 14,
        color: {background: STYLE.nodes.letter.color, border: '#263238', highlight: {background: '#ffd54f', border: '#e65100'}},
        x: 520 * Math.cos(angle), y: 520 * Math.sin(angle), font: {size: 18, color: '#37474f'},
        title: h('div', {cls: 'kx-tip', text: 'Letter ' + (l.kenmerk || l.id) + ' (' + l.datum + ')\n' + l.betreft})});
    });
    nodes.clear(); edges.clear();
    nodes.add(ns); edges.add(es);
    $('kx-status').textContent = g.srcs.length ? g.srcs.length + ' shared sources and ' + g.lids.length + ' letters drawn' +
      (g.more ? ' (' + g.more + ' more letters share them; filter to see them)' : '') + '.'
      : 'No source is cited by two of the filtered letters.';
    container.setAttribute('data-visible-nodes', String(ns.length));
    container.setAttribute('data-visible-edges', String(es.length));
    // a short force layout from the circles, then frozen: the same picture every time
    if (!ns.length) { if (done) done(); return; }
    network.setOptions({physics: {enabled: true}});
    network.stabilize(120);
    network.once('stabilizationIterationsDone', function () {
      network.setOptions({physics: {enabled: false}});
      network.fit({animation: false, maxZoomLevel: 1.2});
      if (done) done();
    });
  }
  network.on('click', function (p) { if (p.nodes && p.nodes.length) select(p.nodes[0], {push: true}); });

  // ------------------------------------------------------------------ panel
  function relatedOf(lid) {
    var l = letterById[lid], score = {}, common = {};
    var W = {page: 3, part: 2, document: 2, dossier: 1};
    l.shared.forEach(function (t) {
      var others = lettersOf[t] || [], w = (W[(SRC[t] || {}).kind] || 1) / Math.log2(1 + others.length);
      others.forEach(function (o) {
        if (o === lid) return;
        score[o] = (score[o] || 0) + w;
        (common[o] = common[o] || []).push(t);
      });
    });
    return Object.keys(score).sort(function (a, b) { return score[b] - score[a] || (a < b ? -1 : 1); })
      .slice(0, 10).map(function (o) { return {id: o, shared: common[o]}; });
  }
  function showLetter(l) {
    var body = KX.panel.show('Letter ' + (l.kenmerk || l.id));
    body.setAttribute('data-node', l.id);
    body.appendChild(h('p', {cls: 'kx-panel-title', lang: 'nl', text: l.betreft}));
    var dl = h('dl', {cls: 'kx-dl'});
    [['Datum', l.datum_nl || l.datum], ['Deadline', l.deadline_nl || 'none'], ['Status', KX.statusBadge(l)],
      ['Committee', h('span', {lang: 'nl', text: l.committee})], ['Fracties', h('span', {lang: 'nl', text: l.fracties.join(', ')})],
      ['Questions', String(l.n_questions)], ['Footnotes', String(l.n_footnotes)],
      ['Page', letterHref(l) ? h('a', {href: letterHref(l)}, 'open the letter page') : null]
    ].forEach(function (r) { if (r[1]) dl.appendChild(h('div', null, h('dt', {text: r[0]}), h('dd', null, r[1]))); });
    body.appendChild(dl);
    var fq = Object.keys(l.fq).sort(function (a, b) { return l.fq[b] - l.fq[a] || (a < b ? -1 : 1); });
    body.appendChild(h('h3', {text: 'Questions per fractie'}));
    body.appendChild(h('ul', {cls: 'kx-list kx-fq'}, fq.map(function (f) {
      return h('li', null, h('span', {lang: 'nl', text: f}), ': ' + l.fq[f]);
    })));
    body.appendChild(h('h3', {text: 'Cited documents (' + l.docs.length + ')'}));
    body.appendChild(h('ul', {cls: 'kx-list'}, l.docs.map(function (t) {
      return h('li', null, selectButton(t, srcName(t)), ' ', KX.officialLink((SRC[t] || {}).url, '\u2197', 'open ' + srcName(t)));
    })));
    var rel = relatedOf(l.id);
    body.appendChild(h('h3', {text: 'Related letters (' + rel.length + ')'}));
    body.appendChild(h('ul', {cls: 'kx-list kx-related'}, rel.map(function (r) {
      var o = letterById[r.id];
      return h('li', {'data-letter': r.id}, letterLink(r.id, (o.kenmerk || o.id) + ' \u2013 ' + o.betreft),
        h('div', {cls: 'kx-excerpt'}, 'shares ', h('span', {lang: 'nl', text: r.shared.map(srcName).join('; ')})));
    })));
  }
  function sourceRows(dl, t, s) {
    [['Citation', h('span', {lang: 'nl', text: s.citation || t})], ['Id', h('code', {text: t})], ['Kind', s.kind],
      ['Official source', KX.officialLink(s.url, s.url) || 'no official URL can be built offline'],
      ['Letters', s.n_letters !== undefined ? String(s.n_letters) : null],
      ['Questions', s.n_questions !== undefined ? String(s.n_questions) : null]
    ].forEach(function (r) { if (r[1]) dl.appendChild(h('div', null, h('dt', {text: r[0]}), h('dd', null, r[1]))); });
  }
  function showSource(t) {
    var s = SRC[t];
    var body = KX.panel.show(s ? s.readable : t);
    body.setAttribute('data-node', t);
    var dl = h('dl', {cls: 'kx-dl'});
    if (s) sourceRows(dl, t, s);
    body.appendChild(dl);
    var qbox = h('div', {cls: 'kx-target-questions'});
    body.appendChild(qbox);
    if (!KX.search.available()) {
      var lids = DATA.letters.filter(function (l) { return l.docs.indexOf(t) >= 0 || l.shared.indexOf(t) >= 0; });
      qbox.appendChild(h('h3', {text: 'Letters citing it (' + lids.length + ')'}));
      qbox.appendChild(h('ul', {cls: 'kx-list'}, lids.map(function (l) { return h('li', null, letterLink(l.id, (l.kenmerk || l.id) + ' \u2013 ' + l.betreft)); })));
      return Promise.resolve();
    }
    qbox.appendChild(h('p', {cls: 'kx-hint', text: 'Loading the questions citing it\u2026'}));
    return KX.search.target(t).then(function (rec) {
      if (api.selected !== t) return;
      qbox.replaceChildren();
      if (!rec) { qbox.appendChild(h('p', {cls: 'kx-hint', text: 'Not cited by any letter.'})); return; }
      if (!s) {
        $('kx-panel-h').textContent = rec.readable;
        sourceRows(dl, t, {citation: rec.citation, url: rec.url, kind: rec.kind,
          n_letters: rec.letters.length, n_questions: rec.n_questions});
      }
      qbox.appendChild(h('h3', {text: 'Cited by ' + rec.n_questions + ' question' + (rec.n_questions === 1 ? '' : 's') +
        ' in ' + rec.letters.length + ' letter' + (rec.letters.length === 1 ? '' : 's')}));
      var ul = h('ul', {cls: 'kx-list kx-citing'});
      rec.questions.forEach(function (q) {
        var l = letterById[q[1]] || {};
        var href = KX.relHref((l.href || 'letters/' + KX.letterFile(q[1])) + KX.route.href('question', q[0]));
        ul.appendChild(h('li', {'data-question': q[0]}, h('a', {href: href || '#'}, (q[2] ? q[2] + ', ' : '') + 'letter ' + (l.kenmerk || q[1]) + ', ' + q[0].split('/').pop()),
          h('div', {cls: 'kx-excerpt', lang: 'nl', text: q[3]})));
      });
      qbox.appendChild(ul);
      if (rec.questions.length < rec.n_questions) qbox.appendChild(h('p', {cls: 'kx-hint', text: 'The first ' + rec.questions.length + ' listed.'}));
    });
  }
  // opts.fromUi / opts.push: put the selection in the URL; opts.fromHash: restore it
  function select(id, opts) {
    opts = opts || {};
    api.selected = id;
    var kind, p;
    if (letterById[id]) { kind = 'letter'; showLetter(letterById[id]); p = Promise.resolve(); }
    else if (SRC[id] || /^(kst|h|ah|stb|stcrt|trb|com|swd|join|sec|celex|ecli|dossier|edossier)-|^ECLI:/i.test(id)) {
      kind = (SRC[id] || {}).kind || (id.indexOf('/p') > 0 ? 'page' : 'document');
      p = showSource(id);
    } else return Promise.resolve(false);
    if (nodes.get(id)) network.selectNodes([id], false); else network.unselectAll();
    if (!opts.fromHash && (opts.fromUi || opts.push)) KX.route.push(kind, id);
    if (opts.fromUi || opts.fromHash) KX.panel.focus();
    return p.then(function () { return true; });
  }
  api.select = select;
  KX.route.listen(function (r) { if (r) select(r.id, {fromHash: true}); });
  window.addEventListener('hashchange', function () { var r = KX.route.parse(); if (r) select(r.id, {fromHash: true}); });

  // ------------------------------------------------------------------ search
  var box = $('kx-search'), results = $('kx-results'), seq = 0, lastHits = [];
  function localLetters(q) {
    var words = KX.norm(q).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    return DATA.letters.filter(function (l) {
      var t = KX.norm([l.kenmerk, l.id, l.betreft, l.committee, l.datum].join(' '));
      return words.every(function (w) { return t.indexOf(w) >= 0; });
    });
  }
  function openHit(doc) {
    if (doc[0] === 'letter') return select(doc[1], {fromUi: true});
    if (doc[0] === 'question' || doc[0] === 'footnote') {
      var l = letterById[doc[2]] || {};
      var href = KX.relHref((l.href || 'letters/' + KX.letterFile(doc[2])) + KX.route.href(doc[0], doc[1]));
      if (href) location.href = href;
      return Promise.resolve(true);
    }
    return select(doc[1], {fromUi: true});
  }
  function runSearch(q) {
    if (typeof q === 'string') box.value = q;
    q = box.value;
    var mine = ++seq;
    results.replaceChildren();
    lastHits = [];
    if (!q.trim()) return Promise.resolve([]);
    var local = localLetters(q);
    lastHits = local.slice(0, 20).map(function (l) { return ['letter', l.id, l.id, 'Letter ' + (l.kenmerk || l.id), l.betreft]; });
    var status = h('p', {cls: 'kx-results-count', role: 'status'});
    var ul = h('ul', {cls: 'kx-list'});
    results.appendChild(status);
    results.appendChild(ul);
    function draw(docs, total, note) {
      ul.replaceChildren();
      docs.forEach(function (d) {
        var li = KX.hitItem(d, function (doc) { return openHit(doc); });
        ul.appendChild(li);
      });
      status.textContent = total + (total === 1 ? ' match' : ' matches') + (docs.length < total ? ' (first ' + docs.length + ' listed)' : '') + (note || '');
    }
    draw(lastHits, local.length, KX.search.available() ? '; searching questions, footnotes and sources\u2026' : '');
    if (!KX.search.available()) return Promise.resolve(lastHits);
    return KX.search.query(q, 50).then(function (res) {
      if (mine !== seq) return lastHits;
      var seen = {};
      var docs = res.docs.filter(function (d) { return !seen[d[1]] && (seen[d[1]] = true); });
      lastHits = docs;
      draw(docs, res.total, '');
      return docs;
    }).catch(function (err) {
      status.textContent = String(err.message || err);
      return lastHits;
    });
  }
  api.search = runSearch;
  var timer = null;
  box.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(runSearch, 120); });
  box.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      clearTimeout(timer);
      runSearch().then(function (hits) { if (hits.length) openHit(hits[0]); });
    } else if (ev.key === 'Escape') runSearch('');
  });

  // ------------------------------------------------------- status and reply times
  // How many of the filtered letters are open, overdue, postponed, answered (late) or
  // partly answered, and how long the replies that were found took (letter datum to the
  // reply's datum), in the buckets a clerk chasing replies uses.
  var STATUSES = ['open', 'overdue', 'postponed', 'partly answered', 'answered late', 'answered'];
  var REPLY_BUCKETS = [[14, 'within 2 weeks'], [28, '2\u20134 weeks'], [56, '4\u20138 weeks'],
                       [91, '8\u201313 weeks'], [Infinity, 'over 13 weeks']];
  function dayNumber(iso) { var t = Date.parse(iso + 'T00:00:00Z'); return isNaN(t) ? null : Math.round(t / 864e5); }
  function simpleTable(caption, head, rows) {
    return h('table', {cls: 'kx-table'}, h('caption', {text: caption}),
      h('thead', null, h('tr', null, head.map(function (c, i) { return h('th', {scope: 'col', cls: i ? 'kx-num' : null, text: c}); }))),
      h('tbody', null, rows.map(function (r) {
        return h('tr', null, r.map(function (c, i) { return i ? h('td', {cls: 'kx-num', text: String(c)}) : h('th', {scope: 'row', text: c}); }));
      })));
  }
  function renderReplies() {
    var count = {}, days = [];
    shown.forEach(function (l) {
      count[l.status] = (count[l.status] || 0) + 1;
      var a = l.answered && dayNumber(l.answered), d = l.datum && dayNumber(l.datum);
      if (a !== null && a !== '' && d !== null && d !== '' && a >= d) days.push(a - d);
    });
    var names = STATUSES.concat(Object.keys(count).filter(function (s) { return STATUSES.indexOf(s) < 0; }).sort());
    $('kx-status-table').replaceChildren(simpleTable('Letters by status (filtered)', ['Status', 'Letters'],
      names.filter(function (s) { return count[s]; }).map(function (s) { return [s, count[s]]; })));
    var box = $('kx-reply-times');
    if (!days.length) {
      box.replaceChildren(h('p', {cls: 'kx-hint', text: 'No reply found for the filtered letters: load the replies (a verslag, or the ministry\u2019s letter) to see reply times.'}));
      return;
    }
    days.sort(function (a, b) { return a - b; });
    var rows = REPLY_BUCKETS.map(function (b, i) {
      var lo = i ? REPLY_BUCKETS[i - 1][0] : -1;
      return [b[1], days.filter(function (x) { return x > lo && x <= b[0]; }).length];
    });
    var median = days[Math.floor((days.length - 1) / 2)];
    box.replaceChildren(simpleTable('Reply time, letter to reply', ['Reply after', 'Letters'], rows),
      h('p', {cls: 'kx-hint', text: days.length + (days.length === 1 ? ' reply' : ' replies') + ' found; median ' + median + ' days, longest ' + days[days.length - 1] + ' days.'}));
  }

  // ------------------------------------------------------------------ start
  function update(done) {
    var v = filterValues();
    shown = DATA.letters.filter(function (l) { return keep(l, v); });
    renderLetters();
    renderTimeline();
    renderReplies();
    renderSourceTables();
    renderFracties();
    renderGraph(done);
  }
  api.update = update;
  Object.keys(sel).forEach(function (k) { if (sel[k]) sel[k].addEventListener('change', function () { update(); }); });
  $('kx-reset').addEventListener('click', function () {
    Object.keys(sel).forEach(function (k) { if (sel[k]) sel[k].value = ''; });
    runSearch('');
    update();
  });
  update(function () {
    api.timings.script_total = performance.now() - T0;
    api.readyAt = performance.now();
    api.ready = true;
    document.body.setAttribute('data-ready', '1');
  });
  var r = KX.route.parse();
  if (r) select(r.id, {fromHash: true});
}());
