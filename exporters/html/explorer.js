/* kamerxref explorer, letter view (one letter, or a small corpus in one file): the graph
 * of questions and the pages they cite, the details panel, related letters, cited sources,
 * the question x page matrix and the reading view, from the JSON data element (kx-data).
 * Helpers and the safety rules are in base.js (window.KX): document text only ever goes
 * in with textContent; vis-network tooltips are DOM elements built the same way.
 * window.kamerxref exposes the network and its DataSets (tests, notebooks).
 */
(function () {
  'use strict';

  var T0 = performance.now();
  var timings = {};
  var DATA = KX.data;
  timings.parse = performance.now() - T0;
  var MODE = DATA.mode; // "letter" or "corpus"
  var STYLE = DATA.style;
  var KIND_RANK = {question: 0, page: 1, part: 2, document: 3, dossier: 4, section: 5,
    letter: 6, fractie: 7};
  var HOWS = DATA.hows; // direct, paragraph, section, letter (+ any other in the data)
  var h = KX.h, $ = KX.$, short = KX.short, norm = KX.norm, fnSort = KX.fnSort, uniq = KX.uniq;
  var officialLink = KX.officialLink, relHref = KX.relHref;

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
    if (n.kind === 'fractie') return n.name;
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
  function edgeTip(e) {
    if (e.kind === 'cites') {
      return 'cites (' + e.how + ')' + (e.footnotes && e.footnotes.length ? ', footnote ' + e.footnotes.join(', ') : '');
    }
    return e.kind.replace('_', ' ');
  }
  function visEdge(e) {
    var st;
    if (e.kind === 'cites') st = STYLE.hows[e.how] || STYLE.other;
    else if (e.kind === 'about') st = STYLE.about;
    else st = STYLE.structure;
    var v = {id: e.id, from: e.from, to: e.to, title: tip(edgeTip(e)),
      color: {color: st.color, highlight: '#e65100', hover: '#e65100', opacity: 0.85},
      width: st.width, dashes: st.dashes};
    if (e.kind === 'cites' || e.kind === 'about') v.arrows = {to: {enabled: true, scaleFactor: 0.45}};
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

  KX.quietCanvas(container);
  timings.network = performance.now() - T1;
  var api = window.kamerxref = {
    network: network, nodes: nodes, edges: edges, data: DATA, ready: false, timings: timings,
    selected: null, select: select, search: runSearch, applyFilters: applyFilters
  };

  // ------------------------------------------------------------------ details panel
  var panel = KX.panel.body;

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
    cites.forEach(function (e) {
      var t = byId[e.to];
      if (t && t.page_text) panel.appendChild(pageText(t));
    });
    panel.appendChild(h('h3', {text: 'Footnotes (' + fns.length + ')'}));
    var ol = h('ul', {cls: 'kx-list kx-footnotes'});
    fns.forEach(function (f) { ol.appendChild(footnoteItem(f)); });
    panel.appendChild(ol);
    panel.appendChild(h('h3', {text: 'Answer'}));
    if (n.answer) {
      panel.appendChild(h('p', {cls: 'kx-hint', text: 'Paired ' + (n.answer.how ? 'by ' + n.answer.how : '') +
        (n.answer.score !== null && n.answer.score !== undefined ? ' (score ' + n.answer.score + ')' : '') +
        (n.answer.letter ? ', in ' + n.answer.letter : '')}));
      panel.appendChild(h('p', {cls: 'kx-qtext kx-answer', lang: 'nl', text: n.answer.text}));
    } else {
      panel.appendChild(h('p', {cls: 'kx-hint', text: 'No answer paired with this question.'}));
    }
  }
  // a footnote: number, text with its web addresses as links, and what it refers to
  function footnoteItem(f) {
    var refs = (f.refs || []).map(function (r) {
      return h('span', {cls: 'kx-ref'}, byId[r[0]] ? nodeButton(r[0], r[1]) : h('span', {lang: 'nl', text: r[1]}),
        ' ', officialLink(r[2], '\u2197', 'official source of ' + r[1]));
    });
    return h('li', null,
      h('span', {cls: 'kx-fnnum', text: f.number}), ' ', h('span', {lang: 'nl'}, KX.linkify(f.text)),
      refs.length ? h('div', {cls: 'kx-refs'}, '\u2192 ', refs.map(function (r, i) { return i ? [', ', r] : r; })) : null);
  }

  // the text of a cited page, where a fetch cache holds the paper's PDF (kamerxref fetch)
  function pageText(t) {
    return h('details', {cls: 'kx-pagetext'},
      h('summary', {text: 'Text of ' + displayName(t) + ' (from the cached paper)'}),
      h('blockquote', {lang: 'nl', text: t.page_text}));
  }

  function showTarget(n) {
    panel.appendChild(h('h2', {cls: 'kx-panel-title', lang: 'nl', text: displayName(n)}));
    var doc = n.document && n.document !== n.id && byId[n.document];
    panel.appendChild(dl([
      ['Id', h('code', {text: n.id})],
      ['Kind', n.kind + (n.doc_kind ? ' (' + n.doc_kind + ')' : '')],
      ['Title', n.doc_title ? h('span', {lang: 'nl', text: n.doc_title}) : null],
      ['Published', n.doc_date || null],
      ['Type', n.doc_type ? h('span', {lang: 'nl', text: n.doc_type}) : null],
      ['Document', doc ? nodeButton(doc.id) : null],
      ['Official source', officialLink(n.url, n.url) || 'no official URL can be built offline']
    ]));
    if (n.page_text) panel.appendChild(pageText(n));
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

  function showLetter(n) {
    var l = letterById[n.id] || {};
    panel.appendChild(h('h2', {cls: 'kx-panel-title'}, 'Letter ' + (l.kenmerk || n.id)));
    var href = relHref(l.href);
    panel.appendChild(dl([
      ['Betreft', h('span', {lang: 'nl', text: l.betreft || ''})],
      ['Datum', l.datum_nl || l.datum],
      ['Deadline', l.deadline_nl || 'none'],
      ['Status', KX.statusBadge(l)],
      ['Committee', h('span', {lang: 'nl', text: l.committee || ''})],
      ['Addressee', h('span', {lang: 'nl', text: l.addressee || ''})],
      ['Fracties', h('span', {lang: 'nl', text: (l.fracties || []).join(', ')})],
      ['Questions', String(l.n_questions || 0)],
      ['Footnotes', String(l.n_footnotes || 0)],
      ['Page', href ? h('a', {href: href}, 'open the letter page') : null]
    ]));
    var out = (outE[n.id] || []).filter(function (e) { return e.kind === 'cites' || e.kind === 'about'; });
    panel.appendChild(h('h3', {text: 'Sources of the letter itself (' + out.length + ')'}));
    var ul = h('ul', {cls: 'kx-list'});
    out.forEach(function (e) {
      var t = byId[e.to];
      var badge = e.kind === 'about' ? h('span', {cls: 'kx-badge', text: 'about (betreft)'})
        : [howBadge('letter'), ' ', fnBadge(e.footnotes)];
      ul.appendChild(h('li', null, nodeButton(e.to), ' ', badge, ' ', t ? officialLink(t.url) : null));
    });
    panel.appendChild(ul);
    var fns = Object.keys(DATA.footnotes).map(function (k) { return DATA.footnotes[k]; })
      .filter(function (f) { return f.letter === n.id; })
      .sort(function (a, b) { return fnSort(a.number, b.number); });
    panel.appendChild(h('h3', {text: 'All footnotes (' + fns.length + ')'}));
    var fl = h('ul', {cls: 'kx-list kx-footnotes'});
    fns.forEach(function (f) { fl.appendChild(footnoteItem(f)); });
    panel.appendChild(fl);
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
    var qs = DATA.nodes.filter(function (q) { return q.kind === 'question' && (q.fracties || []).indexOf(n.name) >= 0; });
    panel.appendChild(h('p', null, qs.length + ' questions.'));
    var ul = h('ul', {cls: 'kx-list'});
    qs.forEach(function (q) { ul.appendChild(questionItem(q)); });
    panel.appendChild(ul);
  }

  function showFootnote(fid) {
    var f = DATA.footnotes[fid];
    KX.panel.show('Footnote ' + f.number);
    panel.setAttribute('data-node', fid);
    panel.appendChild(h('ul', {cls: 'kx-list kx-footnotes'}, footnoteItem(f)));
    var qs = DATA.edges.filter(function (e) { return e.kind === 'cites' && e.via === fid; })
      .map(function (e) { return byId[e.from]; }).filter(function (q) { return q && q.kind === 'question'; });
    qs = uniq(qs.map(function (q) { return q.id; })).map(function (id) { return byId[id]; });
    panel.appendChild(h('h3', {text: 'Cited by ' + qs.length + ' question' + (qs.length === 1 ? '' : 's')}));
    var ul = h('ul', {cls: 'kx-list kx-citing'});
    qs.forEach(function (q) { ul.appendChild(questionItem(q)); });
    panel.appendChild(ul);
  }

  function showDetails(n) {
    KX.panel.show(n.kind === 'question' ? 'Question' : n.kind.charAt(0).toUpperCase() + n.kind.slice(1));
    panel.setAttribute('data-node', n.id);
    if (n.kind === 'question') showQuestion(n);
    else if (isTarget[n.kind]) showTarget(n);
    else if (n.kind === 'letter') showLetter(n);
    else if (n.kind === 'section') showSection(n);
    else if (n.kind === 'fractie') showFractie(n);
  }

  // opts.fromUi: a click or Enter (focus the panel, put the selection in the URL);
  // opts.fromHash: restoring a link or going back/forward (the URL is already right)
  function select(id, opts) {
    opts = opts || {};
    if (DATA.footnotes[id] && !byId[id]) {
      api.selected = id;
      showFootnote(id);
      if (!opts.fromHash) KX.route.push('footnote', id);
      if (opts.fromUi || opts.fromHash) KX.panel.focus();
      return true;
    }
    var n = byId[id];
    if (!n) return false;
    api.selected = id;
    network.selectNodes(nodes.get(id) && !nodes.get(id).hidden ? [id] : [], true);
    showDetails(n);
    if (!opts.fromHash && (opts.fromUi || opts.push)) KX.route.push(n.kind, id);
    if (opts.fromUi || opts.fromHash) {
      if (!nodes.get(id).hidden) network.focus(id, {scale: Math.max(network.getScale(), 0.7), animation: false});
      KX.panel.focus();
    }
    return true;
  }
  network.on('click', function (p) {
    if (p.nodes && p.nodes.length) select(p.nodes[0], {push: true});
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
    corpusSearch(searchBox.value);
    return ids;
  }
  // the same words in every letter of the site (the index in assets/search, loaded on
  // the first search); hits in this letter are the ones listed above
  var corpusBox = null, corpusSeq = 0;
  function corpusSearch(q) {
    if (!KX.search.available()) return;
    var seq = ++corpusSeq;
    if (!corpusBox) corpusBox = h('div', {cls: 'kx-corpus-results'});
    corpusBox.replaceChildren(h('p', {cls: 'kx-hint', text: 'Searching all letters\u2026'}));
    results.appendChild(corpusBox);
    KX.search.query(q, 30).then(function (res) {
      if (seq !== corpusSeq) return;
      var others = res.docs.filter(function (d) { return !byId[d[1]] && !DATA.footnotes[d[1]]; });
      corpusBox.replaceChildren(h('h3', {cls: 'kx-results-count', text: 'In all letters: ' + res.total + ' match' + (res.total === 1 ? '' : 'es')}));
      var ul = h('ul', {cls: 'kx-list'});
      others.forEach(function (d) {
        var li = KX.hitItem(d, null, KX.site.root);
        li.querySelector('a').setAttribute('href', KX.relHref(KX.hitHref(d, KX.site.root)) || '#');
        ul.appendChild(li);
      });
      corpusBox.appendChild(ul);
    }).catch(function (err) {
      if (seq === corpusSeq) corpusBox.replaceChildren(h('p', {cls: 'kx-hint', text: String(err.message || err)}));
    });
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
    return true;
  }
  function edgeHowVisible(e, hows) {
    if (e.kind !== 'cites') return true;
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

  function renderLists() {
    renderSources();
    renderMatrix();
    renderReading();
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
    var scale = Math.max(0.02, Math.min(sw, 1.2));
    var cy = sh >= scale ? (y0 + y1) / 2 : y0 - 40 + (hh / 2) / scale;
    network.moveTo({position: {x: (x0 + x1) / 2, y: cy}, scale: scale, animation: false});
  }

  // ------------------------------------------------------------------ related letters
  function renderRelated() {
    var box = $('kx-related-list');
    if (!box) return;
    var rel = DATA.related || [];
    if (!rel.length) { box.appendChild(h('p', {cls: 'kx-hint', text: 'No other letter cites the same sources.'})); return; }
    var ul = h('ul', {cls: 'kx-list kx-related'});
    rel.forEach(function (r) {
      var title = (r.kenmerk || r.id) + (r.betreft ? ' \u2013 ' + r.betreft : '');
      var href = relHref(r.href);
      var what = r.shared.map(function (s) { return s[2]; }).join('; ') +
        (r.n_shared > r.shared.length ? ' and ' + (r.n_shared - r.shared.length) + ' more' : '');
      ul.appendChild(h('li', {'data-letter': r.id}, href ? h('a', {href: href, lang: 'nl'}, title) : h('span', {lang: 'nl', text: title}),
        r.datum ? ' (' + r.datum + ')' : '',
        h('div', {cls: 'kx-excerpt'}, 'shares ' + r.n_shared + ': ', h('span', {lang: 'nl', text: what}))));
    });
    box.appendChild(ul);
  }

  // ------------------------------------------------------------------ reading view
  function renderReading() {
    var box = $('kx-reading-text');
    if (!box) return;
    var lid = currentLetter();
    box.replaceChildren();
    if (!lid) { box.appendChild(h('p', {cls: 'kx-hint', text: 'Choose a letter in the Letter filter to read it.'})); return; }
    var art = h('article', {lang: 'nl', cls: 'kx-reading'});
    var items = DATA.nodes.filter(function (n) { return (n.kind === 'question' || n.kind === 'section') && n.letter === lid; });
    items.sort(function (a, b) {
      // sections stand before their first question
      var ka = a.kind === 'section' ? firstQuestionIndex(a) - 0.5 + (a.index || 0) / 1000 : a.index;
      var kb = b.kind === 'section' ? firstQuestionIndex(b) - 0.5 + (b.index || 0) / 1000 : b.index;
      return ka - kb;
    });
    var intro = (outE[lid] || []).filter(function (e) { return e.kind === 'cites'; });
    if (intro.length) {
      art.appendChild(h('p', {cls: 'kx-intro'}, h('em', {lang: 'en', text: 'Introduction cites '}),
        markers(intro)));
    }
    items.forEach(function (n) {
      if (n.kind === 'section') {
        art.appendChild(h(n.section_kind === 'topic' ? 'h4' : 'h3', null, nodeButton(n.id, n.heading || n.label)));
        return;
      }
      var cites = outE[n.id].filter(function (e) { return e.kind === 'cites'; });
      art.appendChild(h('p', {'data-id': n.id}, n.number ? h('strong', {text: n.number + '. '}) : null,
        h('span', {text: n.text}), ' ', markers(cites), ' ',
        h('button', {type: 'button', cls: 'kx-link-button kx-small', lang: 'en', 'aria-label': 'Details of ' + questionTitle(n),
          on: {click: function () { select(n.id, {fromUi: true}); }}}, 'details')));
    });
    box.appendChild(art);
    var fns = Object.keys(DATA.footnotes).map(function (k) { return [k, DATA.footnotes[k]]; })
      .filter(function (x) { return x[1].letter === lid; })
      .sort(function (a, b) { return fnSort(a[1].number, b[1].number); });
    box.appendChild(h('h3', {text: 'Notes'}));
    var ol = h('ul', {cls: 'kx-list kx-footnotes kx-notes'});
    fns.forEach(function (x) {
      var li = footnoteItem(x[1]);
      li.id = noteId(x[0]);
      li.setAttribute('tabindex', '-1');
      ol.appendChild(li);
    });
    box.appendChild(ol);
  }
  function firstQuestionIndex(sec) {
    var best = Infinity;
    (outE[sec.id] || []).forEach(function (e) {
      var k = byId[e.to];
      if (e.kind === 'contains' && k) best = Math.min(best, k.kind === 'question' ? k.index : firstQuestionIndex(k));
    });
    return best;
  }
  function noteId(fid) { return 'kx-note-' + fid.replace(/[^A-Za-z0-9_-]/g, '_'); }
  // superscript links to the notes a question cites through
  function markers(cites) {
    var seen = {}, out = [];
    cites.forEach(function (e) {
      if (!e.via || seen[e.via] || !DATA.footnotes[e.via]) return;
      seen[e.via] = true;
      var f = DATA.footnotes[e.via];
      out.push(h('sup', null, h('a', {href: KX.route.href('footnote', e.via), cls: 'kx-marker',
        title: 'footnote ' + f.number + ' (' + e.how + ')', 'aria-label': 'footnote ' + f.number}, f.number)));
    });
    return out;
  }

  // ------------------------------------------------------------------ the URL hash
  function fromHash(r) {
    if (!r) return;
    if (r.key === 'fn') {
      var el = document.getElementById(noteId(r.id));
      select(r.id, {fromHash: true});
      if (el) el.scrollIntoView({block: 'nearest'});
      return;
    }
    select(r.id, {fromHash: true});
  }
  KX.route.listen(fromHash);
  window.addEventListener('hashchange', function () { fromHash(KX.route.parse()); });

  // ------------------------------------------------------------------ start
  T1 = performance.now();
  renderRelated();
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
  fromHash(KX.route.parse());
}());
