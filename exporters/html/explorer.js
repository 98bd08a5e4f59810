/* kamerxref explorer: builds the graph, the details panel, the lists and the tables
 * from the JSON data element (id kx-data).
 *
 * Safety rules this file keeps (the page may show a letter containing a closing script tag,
 * an img tag with an onerror attribute, or a javascript: href):
 *  - document text is only ever inserted with textContent / createTextNode, never
 *    innerHTML; vis-network tooltips are DOM elements built the same way;
 *  - a document URL becomes a link only when it starts with https://;
 *  - letter page links (overview) must be plain relative paths.
 * window.kamerxref exposes the network and its DataSets (tests, notebooks).
 */
(function () {
  'use strict';

  var T0 = performance.now();
  var timings = {};
  var DATA = JSON.parse(document.getElementById('kx-data').textContent);
  timings.parse = performance.now() - T0;
  var MODE = DATA.mode; // "letter", "corpus" or "aggregate"
  var STYLE = DATA.style;
  var KIND_RANK = {question: 0, page: 1, part: 2, document: 3, dossier: 4, section: 5,
    letter: 6, fractie: 7};
  var HOWS = DATA.hows; // direct, paragraph, section, letter (+ any other in the data)

  // ------------------------------------------------------------------ helpers
  function h(tag, props) {
    var e = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        var v = props[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'text') e.textContent = String(v);
        else if (k === 'cls') e.className = v;
        else if (k === 'on') Object.keys(v).forEach(function (ev) { e.addEventListener(ev, v[ev]); });
        else e.setAttribute(k, v === true ? '' : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(e, arguments[i]);
    return e;
  }
  function append(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(parent, c); }); return; }
    parent.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child);
  }
  function httpsUrl(u) {
    return (typeof u === 'string' && /^https:\/\/[^\s"'<>\\]+$/.test(u)) ? u : null;
  }
  function officialLink(u, text) {
    var s = httpsUrl(u);
    if (!s) return null;
    return h('a', {href: s, target: '_blank', rel: 'noopener noreferrer', cls: 'kx-official'},
      text || 'official source \u2197');
  }
  function relHref(u) {
    return (typeof u === 'string' && /^[A-Za-z0-9._~\/-]+(#[A-Za-z0-9._~-]*)?$/.test(u) &&
      u.slice(0, 2) !== '//') ? u : null;
  }
  function norm(s) {
    return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  function short(s, n) {
    s = String(s || '').replace(/\s+/g, ' ').trim();
    return s.length <= n ? s : s.slice(0, n - 1).trimEnd() + '\u2026';
  }
  function fnSort(a, b) {
    var x = parseInt(a, 10), y = parseInt(b, 10);
    if (!isNaN(x) && !isNaN(y) && x !== y) return x - y;
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  }
  function uniq(list) {
    var seen = {}, out = [];
    list.forEach(function (x) { if (!seen[x]) { seen[x] = true; out.push(x); } });
    return out;
  }
  function $(id) { return document.getElementById(id); }

  // ------------------------------------------------------------------ indexes
  var byId = {}, order = {}, outE = {}, inE = {};
  DATA.nodes.forEach(function (n, i) { byId[n.id] = n; order[n.id] = i; outE[n.id] = []; inE[n.id] = []; });
  DATA.edges.forEach(function (e) {
    if (outE[e.from]) outE[e.from].push(e);
    if (inE[e.to]) inE[e.to].push(e);
  });
  var letterById = {};
  DATA.letters.forEach(function (l) { letterById[l.id] = l; });
  var isTarget = {page: true, part: true, document: true, dossier: true};
  var UP = {page_of: true, part_of: true, in_dossier: true};

  function nodeLetter(n) { return n.kind === 'letter' ? n.id : (n.letter || ''); }
  function questionTitle(n) {
    var l = letterById[n.letter];
    var who = (n.fracties || []).join(', ');
    var num = n.number ? 'question ' + n.number : 'q' + n.index;
    return (who ? who + ', ' : '') + num + (l && DATA.letters.length > 1 ? ' (letter ' + (l.kenmerk || l.id) + ')' : '');
  }
  function displayName(n) {
    if (n.kind === 'question') return questionTitle(n);
    if (isTarget[n.kind] && n.citation) return n.citation;
    if (n.kind === 'section') return n.heading || n.label;
    if (n.kind === 'letter') {
      var l = letterById[n.id];
      return l ? 'Letter ' + (l.kenmerk || l.id) + (l.betreft ? ': ' + l.betreft : '') : n.label;
    }
    if (n.kind === 'fractie') return n.name || n.label;
    return n.label || n.id;
  }
  // cited nodes below a target (pages of a part, parts and pages of a document ...)
  function subtree(id) {
    var out = [id], seen = {}, i;
    seen[id] = true;
    for (i = 0; i < out.length; i++) {
      (inE[out[i]] || []).forEach(function (e) {
        if (UP[e.kind] && !seen[e.from]) { seen[e.from] = true; out.push(e.from); }
      });
    }
    return out;
  }
  // cites edges into a target and everything below it
  function citesInto(id) {
    var out = [];
    subtree(id).forEach(function (t) {
      (inE[t] || []).forEach(function (e) { if (e.kind === 'cites') out.push(e); });
    });
    return out;
  }

  // ------------------------------------------------------------------ vis data
  function tipText(n) {
    if (n.kind === 'question') return questionTitle(n) + '\n' + short(n.text, 300);
    if (n.kind === 'letter') {
      var l = letterById[n.id];
      return l ? 'Letter ' + (l.kenmerk || l.id) + ' (' + (l.datum || '') + ')\n' + l.betreft : n.id;
    }
    if (MODE === 'aggregate' && (n.kind === 'document' || n.kind === 'dossier')) {
      return displayName(n) + '\n' + n.n_letters + ' letters, ' + n.n_questions + ' questions, ' +
        n.n_cites + ' citations';
    }
    if (n.kind === 'fractie') return n.name + (MODE === 'aggregate' ? '\n' + n.n_letters + ' letters, ' + n.n_questions + ' questions' : '');
    return displayName(n) + '\n' + n.id;
  }
  function tip(text) { return h('div', {cls: 'kx-tip', text: text}); }

  function visNode(n) {
    var st = STYLE.nodes[n.kind] || {shape: 'dot', color: '#90a4ae'};
    var bg = n.color || st.color;
    var v = {
      id: n.id, label: n.label, x: n.x, y: n.y, shape: st.shape, title: tip(tipText(n)),
      color: {background: bg, border: '#455a64',
        highlight: {background: '#ffd54f', border: '#e65100'},
        hover: {background: bg, border: '#e65100'}}
    };
    if (n.size) v.size = n.size;
    if (n.kind === 'section') v.font = {size: 12};
    if (n.kind === 'question') { v.size = 7; v.font = {size: 11}; } // label fits above the next row
    if (n.kind === 'letter') { v.size = 18; v.font = {size: 14, bold: true}; }
    return v;
  }
  function dominantHow(hows) {
    var best = 'direct', max = -1;
    HOWS.forEach(function (k) { if ((hows[k] || 0) > max) { max = hows[k] || 0; best = k; } });
    return best;
  }
  function edgeTip(e) {
    if (e.kind === 'cites' && MODE === 'aggregate') {
      var parts = HOWS.filter(function (k) { return e.hows[k]; }).map(function (k) { return k + ' ' + e.hows[k]; });
      return e.weight + ' citations (' + parts.join(', ') + '), ' + e.questions + ' questions';
    }
    if (e.kind === 'cites') {
      return 'cites (' + e.how + ')' + (e.footnotes && e.footnotes.length ? ', footnote ' + e.footnotes.join(', ') : '');
    }
    if (e.kind === 'member') return e.weight + ' questions asked in this letter';
    return e.kind.replace('_', ' ');
  }
  function visEdge(e) {
    var st;
    if (e.kind === 'cites') st = STYLE.hows[MODE === 'aggregate' ? dominantHow(e.hows) : e.how] || STYLE.other;
    else if (e.kind === 'about') st = STYLE.about;
    else st = STYLE.structure;
    var v = {id: e.id, from: e.from, to: e.to, title: tip(edgeTip(e)),
      color: {color: st.color, highlight: '#e65100', hover: '#e65100', opacity: 0.85},
      width: st.width, dashes: st.dashes};
    if (e.kind === 'cites' || e.kind === 'about') v.arrows = {to: {enabled: true, scaleFactor: 0.45}};
    if (MODE === 'aggregate' && e.weight) v.width = Math.min(8, st.width * (1 + Math.log(e.weight) / Math.LN2 / 2));
    return v;
  }

  var big = DATA.nodes.length > 800;
  var T1 = performance.now();
  var nodes = new vis.DataSet(DATA.nodes.map(visNode));
  var edges = new vis.DataSet(DATA.edges.map(visEdge));
  timings.datasets = performance.now() - T1;
  T1 = performance.now();
  var container = $('kx-graph');
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    autoResize: true,
    physics: {enabled: false},
    layout: {improvedLayout: false, randomSeed: 1},
    interaction: {hover: !big, tooltipDelay: 150, multiselect: true, hideEdgesOnDrag: big,
      hideEdgesOnZoom: big, keyboard: false, navigationButtons: false},
    nodes: {borderWidth: 1, size: 10,
      font: {size: 13, face: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: '#263238'}},
    edges: {smooth: false, selectionWidth: 1.5}
  });

  timings.network = performance.now() - T1;
  var api = window.kamerxref = {
    network: network, nodes: nodes, edges: edges, data: DATA, ready: false, timings: timings,
    selected: null, select: select, search: runSearch, applyFilters: applyFilters
  };

  // ------------------------------------------------------------------ details panel
  var panel = $('kx-panel');

  function nodeButton(id, text, extraCls) {
    var n = byId[id];
    return h('button', {type: 'button', cls: 'kx-link-button' + (extraCls ? ' ' + extraCls : ''),
      'data-node': id, on: {click: function () { select(id, {fromUi: true}); }}},
    text || (n ? displayName(n) : id));
  }
  function howBadge(how) {
    return h('span', {cls: 'kx-badge' + (STYLE.hows[how] ? ' kx-how-' + how : ''), text: how});
  }
  function fnBadge(fns) {
    return fns && fns.length ? h('span', {cls: 'kx-badge kx-fn', text: 'fn ' + fns.join(', ')}) : null;
  }
  function dl(rows) {
    var d = h('dl', {cls: 'kx-dl'});
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === '') return;
      d.appendChild(h('div', null, h('dt', {text: r[0]}), h('dd', null, r[1])));
    });
    return d;
  }
  function letterLink(lid) {
    var l = letterById[lid];
    if (!l) return lid;
    var text = (l.kenmerk || l.id) + (l.betreft ? ' \u2013 ' + l.betreft : '');
    var href = relHref(l.href);
    if (href) return h('a', {href: href, lang: 'nl'}, text);
    return byId[lid] ? nodeButton(lid, text) : h('span', {lang: 'nl', text: text});
  }
  function questionItem(q, extra) {
    return h('li', null, nodeButton(q.id, questionTitle(q)), ' ', extra || null,
      h('div', {cls: 'kx-excerpt', lang: 'nl', text: short(q.text, 220)}));
  }

  function showQuestion(n) {
    var cites = outE[n.id].filter(function (e) { return e.kind === 'cites'; });
    var vias = uniq(cites.map(function (e) { return e.via; }).filter(Boolean));
    var fns = vias.map(function (v) { return DATA.footnotes[v]; }).filter(Boolean)
      .sort(function (a, b) { return fnSort(a.number, b.number); });
    var sec = n.section_id && byId[n.section_id];
    panel.appendChild(h('h2', {cls: 'kx-panel-title'}, questionTitle(n)));
    panel.appendChild(dl([
      ['Id', h('code', {text: n.id})],
      ['Number', n.number || 'not numbered (prose question ' + n.index + ')'],
      ['Fracties', h('span', {lang: 'nl', text: (n.fracties || []).join(', ')})],
      ['Section', sec ? nodeButton(sec.id, sec.heading) : (n.section ? h('span', {lang: 'nl', text: n.section}) : null)],
      ['Letter', letterLink(n.letter)],
      ['Line', n.line ? String(n.line) : null]
    ]));
    panel.appendChild(h('p', {cls: 'kx-qtext', lang: 'nl', text: n.text}));
    panel.appendChild(h('h3', {text: 'Cites (' + cites.length + ')'}));
    if (!cites.length) panel.appendChild(h('p', {cls: 'kx-hint', text: 'No citation attributed to this question.'}));
    var ul = h('ul', {cls: 'kx-list'});
    cites.forEach(function (e) {
      var t = byId[e.to];
      ul.appendChild(h('li', null, nodeButton(e.to), ' ', howBadge(e.how), ' ', fnBadge(e.footnotes), ' ',
        t ? officialLink(t.url) : null));
    });
    panel.appendChild(ul);
    panel.appendChild(h('h3', {text: 'Footnotes (' + fns.length + ')'}));
    var ol = h('ul', {cls: 'kx-list kx-footnotes'});
    fns.forEach(function (f) {
      ol.appendChild(h('li', null, h('span', {cls: 'kx-fnnum', text: f.number}), ' ',
        h('span', {lang: 'nl', text: f.text})));
    });
    panel.appendChild(ol);
  }

  function showTarget(n) {
    panel.appendChild(h('h2', {cls: 'kx-panel-title', lang: 'nl', text: displayName(n)}));
    var doc = n.document && n.document !== n.id && byId[n.document];
    panel.appendChild(dl([
      ['Id', h('code', {text: n.id})],
      ['Kind', n.kind + (n.doc_kind ? ' (' + n.doc_kind + ')' : '')],
      ['Document', doc ? nodeButton(doc.id) : null],
      ['Official source', officialLink(n.url, n.url) || 'no official URL can be built offline']
    ]));
    if (MODE === 'aggregate') { showAggregateTarget(n); return; }
    var edgesIn = citesInto(n.id);
    var perQ = {}, qs = [], letters = [];
    edgesIn.forEach(function (e) {
      var src = byId[e.from];
      if (!src) return;
      if (src.kind === 'letter') { letters.push(e); return; }
      if (!perQ[e.from]) { perQ[e.from] = []; qs.push(src); }
      perQ[e.from].push(e);
    });
    qs.sort(function (a, b) { return order[a.id] - order[b.id]; });
    var below = n.kind === 'page' ? '' : ' (directly or through its parts and pages)';
    panel.appendChild(h('h3', {text: 'Cited by ' + qs.length + ' question' + (qs.length === 1 ? '' : 's') + below}));
    var ul = h('ul', {cls: 'kx-list kx-citing'});
    qs.forEach(function (q) {
      var es = perQ[q.id];
      var hows = uniq(es.map(function (e) { return e.how; }));
      var fns = uniq([].concat.apply([], es.map(function (e) { return e.footnotes || []; }))).sort(fnSort);
      ul.appendChild(questionItem(q, [hows.map(howBadge), ' ', fnBadge(fns)]));
    });
    panel.appendChild(ul);
    if (letters.length) {
      panel.appendChild(h('h3', {text: 'Cited in the introduction of'}));
      var ul2 = h('ul', {cls: 'kx-list'});
      letters.forEach(function (e) {
        ul2.appendChild(h('li', null, nodeButton(e.from), ' ', howBadge('letter'), ' ', fnBadge(e.footnotes)));
      });
      panel.appendChild(ul2);
    }
    var kids = (inE[n.id] || []).filter(function (e) { return UP[e.kind]; })
      .map(function (e) { return byId[e.from]; }).filter(Boolean)
      .sort(function (a, b) { return order[a.id] - order[b.id]; });
    if (kids.length) {
      panel.appendChild(h('h3', {text: 'Cited parts and pages'}));
      var ul3 = h('ul', {cls: 'kx-list'});
      kids.forEach(function (k) { ul3.appendChild(h('li', null, nodeButton(k.id))); });
      panel.appendChild(ul3);
    }
  }

  function showAggregateTarget(n) {
    panel.appendChild(h('p', null, n.n_letters + ' letters, ' + n.n_questions + ' questions, ' +
      n.n_cites + ' citations.'));
    var es = (inE[n.id] || []).slice().sort(function (a, b) { return (b.weight || 0) - (a.weight || 0) || order[a.from] - order[b.from]; });
    panel.appendChild(h('h3', {text: 'Letters citing it'}));
    var ul = h('ul', {cls: 'kx-list kx-citing'});
    es.forEach(function (e) {
      var what = e.kind === 'about' ? 'about (betreft)' : e.weight + ' citations, ' + e.questions + ' questions';
      ul.appendChild(h('li', null, letterLink(e.from), ' ', h('span', {cls: 'kx-badge', text: what})));
    });
    panel.appendChild(ul);
  }

  function showLetter(n) {
    var l = letterById[n.id] || {};
    panel.appendChild(h('h2', {cls: 'kx-panel-title'}, 'Letter ' + (l.kenmerk || n.id)));
    var href = relHref(l.href);
    panel.appendChild(dl([
      ['Betreft', h('span', {lang: 'nl', text: l.betreft || ''})],
      ['Datum', l.datum_nl || l.datum],
      ['Deadline', (l.deadline_nl ? l.deadline_nl + ', ' : '') + (l.status || '')],
      ['Committee', h('span', {lang: 'nl', text: l.committee || ''})],
      ['Addressee', h('span', {lang: 'nl', text: l.addressee || ''})],
      ['Fracties', h('span', {lang: 'nl', text: (l.fracties || []).join(', ')})],
      ['Questions', String(l.n_questions || 0)],
      ['Footnotes', String(l.n_footnotes || 0)],
      ['Page', href ? h('a', {href: href}, 'open the letter page') : null]
    ]));
    var out = (outE[n.id] || []).filter(function (e) { return e.kind === 'cites' || e.kind === 'about'; });
    if (MODE === 'aggregate') {
      out.sort(function (a, b) { return (b.weight || 0) - (a.weight || 0) || order[a.to] - order[b.to]; });
      panel.appendChild(h('h3', {text: 'Cited documents (' + out.length + ')'}));
    } else {
      panel.appendChild(h('h3', {text: 'Sources of the letter itself (' + out.length + ')'}));
    }
    var ul = h('ul', {cls: 'kx-list'});
    out.forEach(function (e) {
      var t = byId[e.to];
      var badge = e.kind === 'about' ? h('span', {cls: 'kx-badge', text: 'about (betreft)'})
        : MODE === 'aggregate' ? h('span', {cls: 'kx-badge', text: e.weight + ' citations'})
          : [howBadge('letter'), ' ', fnBadge(e.footnotes)];
      ul.appendChild(h('li', null, nodeButton(e.to), ' ', badge, ' ', t ? officialLink(t.url) : null));
    });
    panel.appendChild(ul);
    if (MODE !== 'aggregate') {
      var fns = Object.keys(DATA.footnotes).map(function (k) { return DATA.footnotes[k]; })
        .filter(function (f) { return f.letter === n.id; })
        .sort(function (a, b) { return fnSort(a.number, b.number); });
      panel.appendChild(h('h3', {text: 'All footnotes (' + fns.length + ')'}));
      var fl = h('ul', {cls: 'kx-list kx-footnotes'});
      fns.forEach(function (f) {
        fl.appendChild(h('li', null, h('span', {cls: 'kx-fnnum', text: f.number}), ' ', h('span', {lang: 'nl', text: f.text})));
      });
      panel.appendChild(fl);
    }
  }

  function showSection(n) {
    panel.appendChild(h('h2', {cls: 'kx-panel-title', lang: 'nl', text: n.heading || n.label}));
    panel.appendChild(dl([
      ['Id', h('code', {text: n.id})],
      ['Kind', n.section_kind === 'topic' ? 'topic subsection' : 'fractie section'],
      ['Fracties', h('span', {lang: 'nl', text: (n.fracties || []).join(', ')})],
      ['Letter', letterLink(n.letter)]
    ]));
    var kids = outE[n.id].filter(function (e) { return e.kind === 'contains'; })
      .map(function (e) { return byId[e.to]; }).filter(Boolean)
      .sort(function (a, b) { return (a.index || 0) - (b.index || 0) || order[a.id] - order[b.id]; });
    panel.appendChild(h('h3', {text: 'Contains (' + kids.length + ')'}));
    var ul = h('ul', {cls: 'kx-list'});
    kids.forEach(function (k) {
      ul.appendChild(k.kind === 'question' ? questionItem(k) : h('li', null, nodeButton(k.id)));
    });
    panel.appendChild(ul);
  }

  function showFractie(n) {
    panel.appendChild(h('h2', {cls: 'kx-panel-title', lang: 'nl', text: n.name}));
    panel.appendChild(h('p', null, n.n_letters + ' letters, ' + n.n_questions + ' questions.'));
    var ul = h('ul', {cls: 'kx-list'});
    outE[n.id].slice().sort(function (a, b) { return order[a.to] - order[b.to]; }).forEach(function (e) {
      ul.appendChild(h('li', null, letterLink(e.to), ' ', h('span', {cls: 'kx-badge', text: e.weight + ' questions'})));
    });
    panel.appendChild(ul);
  }

  function showDetails(n) {
    panel.replaceChildren();
    panel.setAttribute('data-node', n.id);
    if (n.kind === 'question') showQuestion(n);
    else if (isTarget[n.kind]) showTarget(n);
    else if (n.kind === 'letter') showLetter(n);
    else if (n.kind === 'section') showSection(n);
    else if (n.kind === 'fractie') showFractie(n);
  }

  function select(id, opts) {
    var n = byId[id];
    if (!n) return false;
    api.selected = id;
    network.selectNodes(nodes.get(id) && !nodes.get(id).hidden ? [id] : [], true);
    showDetails(n);
    if (opts && opts.fromUi) {
      if (!nodes.get(id).hidden) network.focus(id, {scale: Math.max(network.getScale(), 0.7), animation: false});
      panel.focus({preventScroll: true});
    }
    return true;
  }
  network.on('click', function (p) {
    if (p.nodes && p.nodes.length) select(p.nodes[0]);
  });

  // ------------------------------------------------------------------ search
  var searchText = {};
  function indexText(n) {
    var parts = [n.id, n.label, n.kind];
    if (n.kind === 'question') {
      parts.push(n.number, n.text, n.section, (n.fracties || []).join(' '), questionTitle(n));
      outE[n.id].forEach(function (e) {
        if (e.kind !== 'cites') return;
        var f = DATA.footnotes[e.via];
        if (f) parts.push(f.text);
        var t = byId[e.to];
        if (t) parts.push(t.citation, t.id);
      });
    } else if (isTarget[n.kind]) {
      parts.push(n.citation, n.url);
    } else if (n.kind === 'section') {
      parts.push(n.heading, (n.fracties || []).join(' '));
    } else if (n.kind === 'letter') {
      var l = letterById[n.id] || {};
      parts.push(l.kenmerk, l.betreft, l.committee, l.addressee, l.datum, l.datum_nl, (l.fracties || []).join(' '));
    } else if (n.kind === 'fractie') {
      parts.push(n.name);
    }
    return norm(parts.filter(Boolean).join(' \u0001 '));
  }
  T1 = performance.now();
  DATA.nodes.forEach(function (n) { searchText[n.id] = indexText(n); });
  timings.search_index = performance.now() - T1;

  var searchBox = $('kx-search');
  var results = $('kx-results');
  var lastMatches = [];

  function runSearch(query) {
    if (typeof query === 'string') searchBox.value = query;
    var terms = norm(searchBox.value).split(/\s+/).filter(Boolean);
    results.replaceChildren();
    lastMatches = [];
    if (!terms.length) { network.unselectAll(); return []; }
    var q = terms.join(' ');
    DATA.nodes.forEach(function (n) {
      if (hiddenNode[n.id]) return;
      var t = searchText[n.id];
      for (var i = 0; i < terms.length; i++) if (t.indexOf(terms[i]) < 0) return;
      lastMatches.push(n);
    });
    lastMatches.sort(function (a, b) {
      var ea = norm(a.id) === q ? 0 : 1, eb = norm(b.id) === q ? 0 : 1;
      return ea - eb || KIND_RANK[a.kind] - KIND_RANK[b.kind] || order[a.id] - order[b.id];
    });
    var ids = lastMatches.map(function (n) { return n.id; });
    results.appendChild(h('p', {cls: 'kx-results-count', role: 'status',
      text: ids.length + (ids.length === 1 ? ' match' : ' matches') + (ids.length > 50 ? ' (first 50 listed)' : '')}));
    var ul = h('ul', {cls: 'kx-list'});
    lastMatches.slice(0, 50).forEach(function (n) {
      ul.appendChild(h('li', null, h('span', {cls: 'kx-badge', text: n.kind}), ' ', nodeButton(n.id),
        n.kind === 'question' ? h('div', {cls: 'kx-excerpt', lang: 'nl', text: short(n.text, 160)}) : null));
    });
    results.appendChild(ul);
    if (ids.length === 1) select(ids[0]);
    else network.selectNodes(ids.slice(0, 2000), false);
    return ids;
  }
  var searchTimer = null;
  searchBox.addEventListener('input', function () {
    if (DATA.nodes.length < 3000) { runSearch(); return; }
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, 150);
  });
  searchBox.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      clearTimeout(searchTimer);
      runSearch();
      if (lastMatches.length) select(lastMatches[0].id, {fromUi: true});
    } else if (ev.key === 'Escape') {
      runSearch('');
    }
  });

  // ------------------------------------------------------------------ filters
  var fractieSel = $('kx-fractie');
  var letterSel = $('kx-letter');
  var kindBoxes = Array.prototype.slice.call(document.querySelectorAll('.kx-kind'));
  var howBoxes = Array.prototype.slice.call(document.querySelectorAll('.kx-how'));
  var hiddenNode = {}, hiddenEdge = {};

  function checkedSet(boxes) {
    var s = {};
    boxes.forEach(function (b) { if (b.checked) s[b.value] = true; });
    return s;
  }
  function currentLetter() {
    if (letterSel && letterSel.value) return letterSel.value;
    return DATA.letters.length === 1 ? DATA.letters[0].id : '';
  }
  function sourceVisible(n, fr, lt) {
    if (n.kind === 'fractie') {
      if (fr && n.name !== fr) return false;
      return !lt || outE[n.id].some(function (e) { return e.to === lt; });
    }
    if (lt && nodeLetter(n) !== lt) return false;
    if (fr && (n.kind === 'question' || n.kind === 'section')) return (n.fracties || []).indexOf(fr) >= 0;
    if (fr && n.kind === 'letter' && MODE === 'aggregate') {
      return ((letterById[n.id] || {}).fracties || []).indexOf(fr) >= 0;
    }
    return true;
  }
  function edgeHowVisible(e, hows) {
    if (e.kind !== 'cites') return true;
    if (MODE === 'aggregate') return HOWS.some(function (k) { return hows[k] && e.hows[k]; });
    return !!hows[e.how];
  }

  function applyFilters() {
    var kinds = checkedSet(kindBoxes), hows = checkedSet(howBoxes);
    var fr = fractieSel ? fractieSel.value : '', lt = letterSel ? letterSel.value : '';
    var show = {}, reached = {}, stack = [];
    DATA.nodes.forEach(function (n) {
      if (!isTarget[n.kind]) show[n.id] = sourceVisible(n, fr, lt);
    });
    var edgeShow = {};
    DATA.edges.forEach(function (e) {
      var ok = edgeHowVisible(e, hows);
      edgeShow[e.id] = ok;
      if (ok && (e.kind === 'cites' || e.kind === 'about') && show[e.from] && !reached[e.to]) {
        reached[e.to] = true;
        stack.push(e.to);
      }
    });
    while (stack.length) { // a page shown brings its part, document and dossier
      var t = stack.pop();
      outE[t].forEach(function (e) {
        if (UP[e.kind] && !reached[e.to]) { reached[e.to] = true; stack.push(e.to); }
      });
    }
    var nodeUpd = [], edgeUpd = [], shownN = 0, shownE = 0;
    DATA.nodes.forEach(function (n) {
      var vis = (isTarget[n.kind] ? !!reached[n.id] : show[n.id]) && !!kinds[n.kind];
      if (vis) shownN++;
      if (!!hiddenNode[n.id] === !vis) return;
      hiddenNode[n.id] = !vis;
      nodeUpd.push({id: n.id, hidden: !vis});
    });
    DATA.edges.forEach(function (e) {
      var vis = edgeShow[e.id];
      if (vis && !hiddenNode[e.from] && !hiddenNode[e.to]) shownE++;
      if (!!hiddenEdge[e.id] === !vis) return;
      hiddenEdge[e.id] = !vis;
      edgeUpd.push({id: e.id, hidden: !vis});
    });
    if (nodeUpd.length) nodes.update(nodeUpd);
    if (edgeUpd.length) edges.update(edgeUpd);
    $('kx-status').textContent = shownN + ' of ' + DATA.nodes.length + ' nodes and ' + shownE +
      ' of ' + DATA.edges.length + ' edges shown.';
    container.setAttribute('data-visible-nodes', String(shownN));
    container.setAttribute('data-visible-edges', String(shownE));
    renderLists();
  }
  [fractieSel, letterSel].concat(kindBoxes, howBoxes).forEach(function (c) {
    if (c) c.addEventListener('change', function () { applyFilters(); if (searchBox.value) runSearch(); });
  });
  $('kx-fit').addEventListener('click', function () { network.fit({animation: false}); });
  $('kx-reset').addEventListener('click', function () {
    if (fractieSel) fractieSel.value = '';
    if (letterSel) letterSel.value = '';
    kindBoxes.concat(howBoxes).forEach(function (b) { b.checked = true; });
    runSearch('');
    applyFilters();
    network.unselectAll();
    network.fit({animation: false});
  });

  // ------------------------------------------------------------------ sortable tables
  var collator = new Intl.Collator('nl', {numeric: true});
  function sortableTable(opts) {
    // opts: {id, caption, columns: [{key, label, num, cell(row) -> node|string, value(row)}], rows, sort: {key, dir}}
    var state = {key: opts.sort.key, dir: opts.sort.dir};
    var table = h('table', {cls: 'kx-table', id: opts.id});
    if (opts.caption) table.appendChild(h('caption', {cls: 'kx-sr', text: opts.caption}));
    var thead = h('thead'), tbody = h('tbody'), tr = h('tr');
    var ths = {};
    opts.columns.forEach(function (c) {
      var th = h('th', {scope: 'col', cls: c.num ? 'kx-num' : null},
        h('button', {type: 'button', cls: 'kx-sort', on: {click: function () {
          state.dir = state.key === c.key ? -state.dir : (c.num ? -1 : 1);
          state.key = c.key;
          draw();
        }}}, c.label));
      ths[c.key] = th;
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    table.appendChild(thead);
    table.appendChild(tbody);
    function draw() {
      var col = opts.columns.filter(function (c) { return c.key === state.key; })[0];
      // decorate-sort-undecorate: values computed once, ties keep the given order
      var keyed = opts.rows.map(function (r, i) { return {r: r, i: i, v: col.value(r)}; });
      keyed.sort(function (a, b) {
        var x = a.v, y = b.v, r;
        if (col.num) r = (x === null ? -Infinity : x) - (y === null ? -Infinity : y);
        else r = collator.compare(String(x), String(y));
        return r * state.dir || a.i - b.i;
      });
      var rows = keyed.map(function (k) { return k.r; });
      Object.keys(ths).forEach(function (k) {
        ths[k].setAttribute('aria-sort', k === state.key ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
      });
      var body = h('tbody');
      var all = rows.length;
      if (opts.limit && !state.all && rows.length > opts.limit) rows = rows.slice(0, opts.limit);
      more.replaceChildren();
      if (rows.length < all) {
        more.appendChild(h('button', {type: 'button', on: {click: function () { state.all = true; draw(); }}},
          'Show all ' + all + ' rows (' + rows.length + ' shown)'));
      }
      rows.forEach(function (r) {
        var row = h('tr', {'data-id': r.id});
        opts.columns.forEach(function (c, i) {
          var v = c.cell ? c.cell(r) : c.value(r);
          row.appendChild(h(i === 0 ? 'th' : 'td', {scope: i === 0 ? 'row' : null, cls: c.num ? 'kx-num' : null},
            v === null || v === undefined ? '' : v));
        });
        body.appendChild(row);
      });
      table.replaceChild(body, table.tBodies[0]);
    }
    var more = h('p', {cls: 'kx-more'});
    draw();
    return h('div', null, table, more);
  }

  // ------------------------------------------------------------------ detail lists
  function renderSources() {
    var box = $('kx-sources-list');
    if (!box) return;
    box.replaceChildren();
    var docs = DATA.nodes.filter(function (n) {
      return (n.kind === 'document' || n.kind === 'dossier') && !hiddenNode[n.id];
    });
    docs.sort(function (a, b) { return order[a.id] - order[b.id]; });
    var ul = h('ul', {cls: 'kx-sources'});
    function count(id) {
      var qs = {};
      citesInto(id).forEach(function (e) {
        if (!hiddenNode[e.from] && !hiddenEdge[e.id] && byId[e.from].kind === 'question') qs[e.from] = true;
      });
      return Object.keys(qs).length;
    }
    docs.forEach(function (d) {
      var kids = subtree(d.id).slice(1).map(function (id) { return byId[id]; })
        .filter(function (k) {
          return k && (k.kind === 'page' || k.kind === 'part') && k.document === d.id && !hiddenNode[k.id];
        })
        .sort(function (a, b) { return order[a.id] - order[b.id]; });
      var sub = h('ul');
      kids.forEach(function (k) {
        var label = k.kind === 'page' ? (k.part ? k.part + ', ' : '') + 'p. ' + k.page : k.part || k.label;
        sub.appendChild(h('li', null, nodeButton(k.id, label), ' ',
          h('span', {cls: 'kx-count', text: count(k.id) + ' q'}), ' ', officialLink(k.url, '\u2197')));
      });
      ul.appendChild(h('li', null, nodeButton(d.id), ' ',
        h('span', {cls: 'kx-count', text: count(d.id) + ' q'}), ' ', officialLink(d.url), kids.length ? sub : null));
    });
    if (!docs.length) box.appendChild(h('p', {cls: 'kx-hint', text: 'No cited source matches the filters.'}));
    box.appendChild(ul);
  }

  var matrixSort = {col: null, dir: 1};
  // "Kamerstukken I 2025/26, 36 871, O" -> "36 871, O" for a narrow column heading
  function docShort(id) {
    var d = byId[id] || {};
    return short(String(d.citation || d.label || id).replace(/^.*?\d{4}\/\d{2,4},\s*/, ''), 20);
  }
  function renderMatrix() {
    var box = $('kx-matrix-table');
    if (!box) return;
    box.replaceChildren();
    var lid = currentLetter();
    if (!lid) {
      box.appendChild(h('p', {cls: 'kx-hint', text: 'Choose a letter in the Letter filter to see its question \u00d7 page matrix.'}));
      return;
    }
    var rows = DATA.nodes.filter(function (n) {
      return (n.kind === 'question' && n.letter === lid && !hiddenNode[n.id]) ||
        (n.id === lid && outE[lid].some(function (e) { return e.kind === 'cites'; }));
    });
    rows.sort(function (a, b) {
      return (a.kind === 'letter' ? -1 : a.index) - (b.kind === 'letter' ? -1 : b.index);
    });
    var cells = {}, colSet = {};
    rows.forEach(function (r) {
      cells[r.id] = {};
      outE[r.id].forEach(function (e) {
        if (e.kind !== 'cites' || hiddenEdge[e.id]) return;
        var c = cells[r.id][e.to] || (cells[r.id][e.to] = {fns: [], hows: []});
        c.fns = uniq(c.fns.concat(e.footnotes || [])).sort(fnSort);
        c.hows = uniq(c.hows.concat([e.how]));
        colSet[e.to] = true;
      });
    });
    var cols = Object.keys(colSet).map(function (id) { return byId[id]; }).filter(Boolean)
      .sort(function (a, b) { return order[a.id] - order[b.id]; });
    if (!rows.length || !cols.length) {
      box.appendChild(h('p', {cls: 'kx-hint', text: 'No citations match the filters.'}));
      return;
    }
    if (matrixSort.col) { // rows citing the column first, by footnote number; the rest in order
      var k = matrixSort.col;
      var fnv = function (r) { return parseInt(cells[r.id][k].fns[0], 10) || 0; };
      var cited = rows.filter(function (r) { return cells[r.id][k]; });
      var rest = rows.filter(function (r) { return !cells[r.id][k]; });
      cited.sort(function (a, b) {
        return ((fnv(a) - fnv(b)) || ((a.index || 0) - (b.index || 0))) * matrixSort.dir;
      });
      rows = cited.concat(rest);
    }
    var table = h('table', {cls: 'kx-table kx-matrix-table'});
    table.appendChild(h('caption', {cls: 'kx-sr', text: 'Questions (rows) by cited pages (columns); cells give the footnote numbers'}));
    var head = h('tr');
    var th0 = h('th', {scope: 'col', 'aria-sort': matrixSort.col ? 'none' : 'ascending'},
      h('button', {type: 'button', cls: 'kx-sort', on: {click: function () { matrixSort = {col: null, dir: 1}; renderMatrix(); }}}, 'Question'));
    head.appendChild(th0);
    head.appendChild(h('th', {scope: 'col'}, 'Fractie'));
    cols.forEach(function (c) {
      var label = c.kind === 'page' ? (c.part ? c.part + ' ' : '') + 'p. ' + c.page : c.kind === 'part' ? c.part : c.label;
      var sorted = matrixSort.col === c.id;
      head.appendChild(h('th', {scope: 'col', cls: 'kx-col', 'aria-sort': sorted ? (matrixSort.dir > 0 ? 'ascending' : 'descending') : 'none',
        'data-col': c.id, title: c.citation},
      h('button', {type: 'button', cls: 'kx-sort', 'aria-label': 'Sort by ' + c.citation, on: {click: function () {
        matrixSort = {col: c.id, dir: sorted ? -matrixSort.dir : 1};
        renderMatrix();
      }}}, h('span', {cls: 'kx-col-doc', lang: 'nl', text: c.kind === 'page' || c.kind === 'part' ? docShort(c.document) : ''}), label),
      ' ', officialLink(c.url, '\u2197')));
    });
    var thead = h('thead', null, head);
    table.appendChild(thead);
    var tb = h('tbody');
    rows.forEach(function (r) {
      var tr = h('tr', {'data-id': r.id});
      var title = r.kind === 'letter' ? 'Introduction (letter)' : (r.number ? r.number + '. ' : 'q' + r.index + ' ') + short(r.text, 90);
      tr.appendChild(h('th', {scope: 'row'}, nodeButton(r.id, title, 'kx-rowhead')));
      tr.appendChild(h('td', {lang: 'nl', text: r.kind === 'letter' ? '' : (r.fracties || []).join(', ')}));
      cols.forEach(function (c) {
        var cell = cells[r.id][c.id];
        if (!cell) { tr.appendChild(h('td', {cls: 'kx-empty'})); return; }
        tr.appendChild(h('td', {cls: 'kx-cell' + (STYLE.hows[cell.hows[0]] ? ' kx-how-' + cell.hows[0] : ''), title: 'footnote ' + cell.fns.join(', ') + ' (' + cell.hows.join(', ') + ')'},
          h('button', {type: 'button', cls: 'kx-cell-button', 'aria-label': displayName(r) + ' cites ' + c.citation + ', footnote ' + cell.fns.join(', '),
            on: {click: function () { select(r.id, {fromUi: true}); }}}, cell.fns.join(', ') || '\u2022')));
      });
      tb.appendChild(tr);
    });
    table.appendChild(tb);
    box.appendChild(table);
  }

  // ------------------------------------------------------------------ aggregate tables
  function renderAggregateTables() {
    var lt = letterSel ? letterSel.value : '', fr = fractieSel ? fractieSel.value : '';
    var lbox = $('kx-letters-table');
    if (!lbox) return;
    var letters = DATA.letters.filter(function (l) {
      return (!lt || l.id === lt) && (!fr || (l.fracties || []).indexOf(fr) >= 0);
    });
    lbox.replaceChildren(sortableTable({
      id: 'kx-letters-tbl', caption: 'Letters', rows: letters, sort: {key: 'datum', dir: -1}, limit: 500,
      columns: [
        {key: 'kenmerk', label: 'Kenmerk', value: function (l) { return l.kenmerk || l.id; }, cell: function (l) {
          var href = relHref(l.href);
          return href ? h('a', {href: href, cls: 'kx-letter-link'}, l.kenmerk || l.id) : nodeButton(l.id, l.kenmerk || l.id);
        }},
        {key: 'datum', label: 'Datum', value: function (l) { return l.datum; }},
        {key: 'betreft', label: 'Betreft', value: function (l) { return l.betreft; }, cell: function (l) {
          return h('span', {lang: 'nl', text: l.betreft});
        }},
        {key: 'committee', label: 'Committee', value: function (l) { return l.committee_abbr || l.committee; }},
        {key: 'fracties', label: 'Fracties', value: function (l) { return (l.fracties || []).join(', '); }},
        {key: 'q', label: 'Questions', num: true, value: function (l) { return l.n_questions; }},
        {key: 'fn', label: 'Footnotes', num: true, value: function (l) { return l.n_footnotes; }},
        {key: 'docs', label: 'Documents', num: true, value: function (l) { return l.n_documents; }},
        {key: 'deadline', label: 'Deadline', value: function (l) { return l.deadline; }},
        {key: 'days', label: 'Days left', num: true, value: function (l) { return l.days_left; }, cell: function (l) {
          var cls = l.days_left === null ? 'kx-none' : l.days_left < 0 ? 'kx-overdue' : l.days_left <= 7 ? 'kx-due' : 'kx-open';
          return h('span', {cls: 'kx-days ' + cls, text: l.status});
        }},
        {key: 'show', label: 'Graph', value: function () { return ''; }, cell: function (l) {
          return nodeButton(l.id, 'show', 'kx-small');
        }}
      ]
    }));
    var fracties = (DATA.fractie_table || []).filter(function (f) {
      return (!fr || f.name === fr) && (!lt || f.letters.indexOf(lt) >= 0);
    });
    $('kx-fracties-table').replaceChildren(sortableTable({
      id: 'kx-fracties-tbl', caption: 'Fracties', rows: fracties, sort: {key: 'q', dir: -1},
      columns: [
        {key: 'name', label: 'Fractie', value: function (n) { return n.name; }, cell: function (n) {
          return byId[n.id] ? nodeButton(n.id, n.name) : h('span', {lang: 'nl', text: n.name});
        }},
        {key: 'l', label: 'Letters', num: true, value: function (n) { return n.n_letters; }},
        {key: 'q', label: 'Questions', num: true, value: function (n) { return n.n_questions; }}
      ]
    }));
    var keepLetter = {};
    letters.forEach(function (l) { keepLetter[l.id] = true; });
    var docs = (DATA.documents || []).filter(function (d) {
      return (!lt && !fr) || d.letters.some(function (l) { return keepLetter[l]; });
    });
    $('kx-documents-table').replaceChildren(sortableTable({
      id: 'kx-documents-tbl', caption: 'Cited documents', rows: docs, sort: {key: 'c', dir: -1}, limit: 500,
      columns: [
        {key: 'citation', label: 'Document', value: function (n) { return n.citation; }, cell: function (n) {
          return byId[n.id] ? nodeButton(n.id, n.citation) : h('span', {lang: 'nl', text: n.citation});
        }},
        {key: 'kind', label: 'Kind', value: function (n) { return n.doc_kind || n.kind; }},
        {key: 'l', label: 'Letters', num: true, value: function (n) { return n.n_letters; }},
        {key: 'q', label: 'Questions', num: true, value: function (n) { return n.n_questions; }},
        {key: 'c', label: 'Citations', num: true, value: function (n) { return n.n_cites; }},
        {key: 'url', label: 'Official source', value: function (n) { return n.url || ''; }, cell: function (n) { return officialLink(n.url, '\u2197 open'); }}
      ]
    }));
  }

  function renderLists() {
    if (MODE === 'aggregate') renderAggregateTables();
    else { renderSources(); renderMatrix(); }
  }

  // The first view frames the precomputed positions. network.fit() would measure every
  // label first (about 0.2-0.4 s on a large page); the positions are known already.
  function initialView() {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    DATA.nodes.forEach(function (n) {
      if (hiddenNode[n.id]) return;
      if (n.x < x0) x0 = n.x;
      if (n.x > x1) x1 = n.x;
      if (n.y < y0) y0 = n.y;
      if (n.y > y1) y1 = n.y;
    });
    if (x0 === Infinity) return;
    // fit the width (labels stay readable) unless the whole graph fits; a tall letter
    // then opens at its first questions, the rest is a scroll or "Fit graph" away
    var w = container.clientWidth || 800, hh = container.clientHeight || 600;
    var sw = (w - 240) / Math.max(1, x1 - x0), sh = (hh - 80) / Math.max(1, y1 - y0);
    // the aggregate view is an overview: show all of it
    var scale = Math.max(0.02, Math.min(sw, 1.2, MODE === 'aggregate' ? sh : Infinity));
    var cy = sh >= scale ? (y0 + y1) / 2 : y0 - 40 + (hh / 2) / scale;
    network.moveTo({position: {x: (x0 + x1) / 2, y: cy}, scale: scale, animation: false});
  }

  // ------------------------------------------------------------------ start
  T1 = performance.now();
  applyFilters();
  timings.filters_and_lists = performance.now() - T1;
  T1 = performance.now();
  initialView();
  timings.fit = performance.now() - T1;
  T1 = performance.now();
  network.once('afterDrawing', function () {
    timings.first_draw = performance.now() - T1;
    timings.script_total = performance.now() - T0;
    api.readyAt = performance.now(); // ms since navigation start (benchmarks)
    api.ready = true;
    document.body.setAttribute('data-ready', '1');
  });
  network.redraw();
}());
