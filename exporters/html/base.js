/* kamerxref explorer, shared part (window.KX): DOM helpers, links, sortable tables, the
 * details panel (sticky beside the page; a bottom sheet on a phone), the selection in the
 * URL hash, and the client of the corpus search index (assets/search/, loaded lazily by
 * script elements so it works from file://).
 *
 * Safety rules (the pages may show a letter containing a closing script tag, an img tag
 * with an onerror attribute, or a javascript: href):
 *  - document text is only ever inserted with textContent / createTextNode;
 *  - a source URL becomes a link only when it is https:// (footnote text: http(s)://);
 *  - page links must be plain relative paths.
 */
(function () {
  'use strict';
  var KX = window.KX = {};

  // ------------------------------------------------------------------ DOM helpers
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
  KX.h = h;
  KX.$ = function (id) { return document.getElementById(id); };
  KX.short = function (s, n) {
    s = String(s || '').replace(/\s+/g, ' ').trim();
    return s.length <= n ? s : s.slice(0, n - 1).trimEnd() + '\u2026';
  };
  KX.norm = function (s) {
    return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  };
  KX.fnSort = function (a, b) {
    var x = parseInt(a, 10), y = parseInt(b, 10);
    if (!isNaN(x) && !isNaN(y) && x !== y) return x - y;
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  };
  KX.uniq = function (list) {
    var seen = {}, out = [];
    list.forEach(function (x) { if (!seen[x]) { seen[x] = true; out.push(x); } });
    return out;
  };

  // ------------------------------------------------------------------ links
  function httpsUrl(u) {
    return (typeof u === 'string' && /^https:\/\/[^\s"'<>\\]+$/.test(u)) ? u : null;
  }
  KX.httpsUrl = httpsUrl;
  KX.officialLink = function (u, text, label) {
    var s = httpsUrl(u);
    if (!s) return null;
    return h('a', {href: s, target: '_blank', rel: 'noopener noreferrer', cls: 'kx-official',
      'aria-label': label || null}, text || 'official source \u2197');
  };
  KX.relHref = function (u) {
    return (typeof u === 'string' && /^[A-Za-z0-9._~\/-]+(#[A-Za-z0-9._~=\/-]*)?$/.test(u) &&
      u.slice(0, 2) !== '//') ? u : null;
  };
  // footnote text with its http(s) URLs as links (the same rule as links.FOOTNOTE_URL)
  KX.linkify = function (text) {
    var out = [], re = /https?:\/\/[^\s<>"'\u00ab\u00bb\u201c\u201d]+/g, m, last = 0;
    text = String(text || '');
    while ((m = re.exec(text))) {
      var url = m[0].replace(/[.,;:)\]]+$/, '');
      out.push(text.slice(last, m.index));
      if (/^https?:\/\/[^\s"'<>\\]+$/.test(url)) {
        out.push(h('a', {href: url, target: '_blank', rel: 'noopener noreferrer', cls: 'kx-url'}, url));
      } else out.push(url);
      last = m.index + url.length;
      re.lastIndex = last;
    }
    out.push(text.slice(last));
    return out;
  };
  // letters/letter-181524.html: the file of a letter page (search-meta lists exceptions)
  KX.letterFile = function (lid) {
    var files = (KX.searchMeta && KX.searchMeta.files) || {};
    return files[lid] || String(lid).replace(/[^A-Za-z0-9._-]/g, '_') + '.html';
  };

  // ------------------------------------------------------------------ status badge
  KX.statusClass = function (l) {
    var s = String(l.status || '');
    if (s.indexOf('answered') === 0) return 'kx-answered';
    if (s === 'overdue' || (l.days_left !== null && l.days_left !== undefined && l.days_left < 0)) return 'kx-overdue';
    if (l.days_left !== null && l.days_left !== undefined && l.days_left <= 7) return 'kx-due';
    return 'kx-open';
  };
  KX.statusBadge = function (l) {
    return h('span', {cls: 'kx-days ' + KX.statusClass(l), text: l.status + (l.due ? ': ' + l.due : '')});
  };

  // ------------------------------------------------------------------ sortable tables
  var collator = new Intl.Collator('nl', {numeric: true});
  KX.sortableTable = function (opts) {
    // opts: {id, caption, columns: [{key, label, num, cell(row), value(row)}], rows, sort, limit}
    var state = {key: opts.sort.key, dir: opts.sort.dir};
    var table = h('table', {cls: 'kx-table', id: opts.id});
    if (opts.caption) table.appendChild(h('caption', {cls: 'kx-sr', text: opts.caption}));
    var thead = h('thead'), tr = h('tr'), ths = {};
    opts.columns.forEach(function (c) {
      var th = h('th', {scope: 'col', cls: c.num ? 'kx-num' : null},
        c.nosort ? c.label : h('button', {type: 'button', cls: 'kx-sort', on: {click: function () {
          state.dir = state.key === c.key ? -state.dir : (c.num ? -1 : 1);
          state.key = c.key;
          draw();
        }}}, c.label));
      ths[c.key] = th;
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    table.appendChild(thead);
    table.appendChild(h('tbody'));
    var more = h('p', {cls: 'kx-more'});
    function draw() {
      var col = opts.columns.filter(function (c) { return c.key === state.key; })[0];
      var keyed = opts.rows.map(function (r, i) { return {r: r, i: i, v: col.value(r)}; });
      keyed.sort(function (a, b) {
        var x = a.v, y = b.v, r;
        if (col.num) r = (x === null ? -Infinity : x) - (y === null ? -Infinity : y);
        else r = collator.compare(String(x), String(y));
        return r * state.dir || a.i - b.i;
      });
      var rows = keyed.map(function (k) { return k.r; });
      Object.keys(ths).forEach(function (k) {
        if (opts.columns.filter(function (c) { return c.key === k; })[0].nosort) return;
        ths[k].setAttribute('aria-sort', k === state.key ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
      });
      var body = h('tbody'), all = rows.length;
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
          row.appendChild(h(i === 0 ? 'th' : 'td', {scope: i === 0 ? 'row' : null, cls: c.num ? 'kx-num' : null,
            lang: c.nl ? 'nl' : null}, v === null || v === undefined ? '' : v));
        });
        body.appendChild(row);
      });
      table.replaceChild(body, table.tBodies[0]);
    }
    draw();
    if (!opts.rows.length) return h('p', {cls: 'kx-hint', text: opts.empty || 'Nothing matches the filters.'});
    return h('div', null, table, more);
  };

  // ------------------------------------------------------------------ panel
  var panel = KX.$('kx-panel'), panelBody = KX.$('kx-panel-body'), panelHead = KX.$('kx-panel-h');
  KX.panel = {
    body: panelBody,
    // replace the panel's content; on a phone the bottom sheet opens
    show: function (title, node) {
      panelBody.replaceChildren();
      panelHead.textContent = title || 'Details';
      document.body.classList.add('kx-sheet-open');
      return panelBody;
    },
    focus: function () { panel.focus({preventScroll: true}); },
    close: function () { document.body.classList.remove('kx-sheet-open'); }
  };
  var closer = KX.$('kx-panel-close');
  if (closer) closer.addEventListener('click', function () { document.body.classList.toggle('kx-sheet-open'); });
  KX.live = function (text) { var l = KX.$('kx-live'); if (l) l.textContent = text; };

  // ------------------------------------------------------------------ selection in the URL
  // #q=letter-181524/q7, #page=kst-36871-O/bijlage/p40, #letter=letter-181524 ...
  var HASH_KEY = {question: 'q', page: 'page', part: 'part', document: 'doc', dossier: 'dossier',
    letter: 'letter', section: 'section', fractie: 'fractie', footnote: 'fn'};
  KX.hashKey = function (kind) { return HASH_KEY[kind] || 'node'; };
  KX.route = {
    parse: function () {
      var m = /^#([a-z]+)=(.+)$/.exec(location.hash || '');
      if (!m) return null;
      var id;
      try { id = decodeURIComponent(m[2]); } catch (e) { return null; }
      return {key: m[1], id: id};
    },
    href: function (kind, id) {
      return '#' + KX.hashKey(kind) + '=' + encodeURIComponent(id).replace(/%2F/g, '/');
    },
    push: function (kind, id) {
      var want = KX.route.href(kind, id);
      if (location.hash !== want) history.pushState(null, '', want);
    },
    listen: function (fn) { window.addEventListener('popstate', function () { fn(KX.route.parse()); }); }
  };

  // ------------------------------------------------------------------ search words
  // the twin of search.search_tokens in Python (tests compare them)
  var STOP = {};
  ('de het een en van in op te dat die is aan voor met zijn er om of als ook bij door naar ' +
   'dan uit wat hoe nog wel niet zij ze dit deze hun tot over').split(' ').forEach(function (w) { STOP[w] = true; });
  KX.searchTokens = function (text) {
    var t = KX.norm(text);
    t = t.replace(/\b(com|swd|join|sec|c)\s*\(\s*(\d{4})\s*\)\s*0*(\d+)/g, function (m, s, y, n) {
      return ' ' + s + y + 'n' + parseInt(n, 10) + ' ';
    });
    t = t.replace(/\b(\d{2})[ .](\d{3})\b/g, '$1$2');
    t = t.replace(/\b(?:p|pp|pag|blz)\.?\s*(\d+)/g, ' p$1 ');
    return (t.match(/[a-z0-9]+/g) || []).filter(function (w) { return !STOP[w]; });
  };
  KX.shardOf = function (text, n) {
    var hsh = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hsh ^= text.charCodeAt(i);
      hsh = Math.imul(hsh, 0x01000193) >>> 0;
    }
    return n > 0 ? hsh % n : 0;
  };

  // ------------------------------------------------------------------ the index client
  var waiting = {}, loaded = {}, base = null;
  function load(name) {
    if (loaded[name]) return Promise.resolve(loaded[name]);
    if (!waiting[name]) {
      waiting[name] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = base + '/search/' + name + '.js';
        s.onerror = function () { delete waiting[name]; reject(new Error('search index file ' + name + '.js not found')); };
        pending[name] = resolve;
        document.head.appendChild(s);
      });
    }
    return waiting[name];
  }
  var pending = {};
  function arrived(name, value) {
    loaded[name] = value;
    if (pending[name]) { pending[name](value); delete pending[name]; }
  }
  window.kxSearch = {
    meta: function (m) { KX.searchMeta = m; arrived('search-meta', m); },
    shard: function (key, words) { arrived('p-' + key, words); },
    docs: function (n, docs) { arrived('d-' + n, docs); },
    targets: function (n, recs) { arrived('t-' + n, recs); }
  };
  function decode(postings) {
    var out = [], prev = 0;
    postings.split(',').forEach(function (d) { prev += parseInt(d, 36); out.push(prev); });
    return out;
  }
  function shardsFor(word, prefix) {
    var keys = KX.searchMeta.shards, out = [];
    if (prefix && word.length === 2) {
      keys.forEach(function (k) { if (k.slice(0, 2) === word) out.push(k); });
      return out;
    }
    if (keys.indexOf(word.slice(0, 3)) >= 0 && word.length >= 3) return [word.slice(0, 3)];
    if (keys.indexOf(word.slice(0, 2)) >= 0) return [word.slice(0, 2)];
    return [];
  }
  // documents holding every word (the last also as a prefix of 2+ characters)
  function postingsOf(word, prefix) {
    var keys = shardsFor(word, prefix);
    return Promise.all(keys.map(function (k) { return load('p-' + k); })).then(function (shards) {
      var hit = {}, any = false;
      shards.forEach(function (words) {
        Object.keys(words).forEach(function (w) {
          if (w === word || (prefix && word.length >= 2 && w.indexOf(word) === 0)) {
            any = true;
            decode(words[w]).forEach(function (d) {
              hit[d] = Math.max(hit[d] || 0, w === word ? 2 : 1);
            });
          }
        });
      });
      return any ? hit : {};
    });
  }
  var KIND_RANK = {page: 0, part: 1, document: 2, dossier: 3, letter: 4, question: 5, footnote: 6};
  KX.search = {
    available: function () { return !!KX.site; },
    ready: function () {
      if (!KX.site) return Promise.reject(new Error('no search index in a single-file view'));
      base = KX.site.assets;
      return load('search-meta');
    },
    // {total, docs: [[kind, id, letter, title, text], ...]} best first, at most `limit`
    query: function (q, limit) {
      return KX.search.ready().then(function () {
        var words = KX.searchTokens(q);
        if (!words.length) return {total: 0, docs: [], words: words};
        var last = /\s$/.test(q) ? -1 : words.length - 1;
        return Promise.all(words.map(function (w, i) { return postingsOf(w, i === last); }))
          .then(function (lists) {
            var first = lists[0], ids = [];
            Object.keys(first).forEach(function (d) {
              var score = 0;
              for (var i = 0; i < lists.length; i++) {
                if (!lists[i][d]) return;
                score += lists[i][d];
              }
              ids.push({d: +d, s: score});
            });
            var total = ids.length;
            var chunk = KX.searchMeta.chunk;
            // rank needs the kind: load the chunks of the first 2,000 hits by number
            ids.sort(function (a, b) { return b.s - a.s || a.d - b.d; });
            var head = ids.slice(0, 2000);
            var chunks = KX.uniq(head.map(function (x) { return Math.floor(x.d / chunk); }));
            if (chunks.length > 40) { head = head.slice(0, 400); chunks = KX.uniq(head.map(function (x) { return Math.floor(x.d / chunk); })); }
            return Promise.all(chunks.map(function (c) { return load('d-' + c); })).then(function () {
              var docs = head.map(function (x) {
                var doc = loaded['d-' + Math.floor(x.d / chunk)][x.d % chunk];
                return {doc: doc, s: x.s, d: x.d};
              });
              var citing = words.some(function (w) { return /\d/.test(w); });
              docs.sort(function (a, b) {
                var ka = KIND_RANK[a.doc[0]], kb = KIND_RANK[b.doc[0]];
                if (!citing) { ka = ka >= 4 ? ka - 4 : ka + 3; kb = kb >= 4 ? kb - 4 : kb + 3; }
                return b.s - a.s || ka - kb || (a.doc[4] || '').length - (b.doc[4] || '').length || a.d - b.d;
              });
              return {total: total, words: words, docs: docs.slice(0, limit || 50).map(function (x) { return x.doc; })};
            });
          });
      });
    },
    // the record of a cited node: questions and letters citing it
    target: function (id) {
      return KX.search.ready().then(function (meta) {
        var n = KX.shardOf(id, meta.target_shards);
        return load('t-' + n).then(function (recs) { return recs[id] || null; });
      });
    }
  };
  // a search hit as a list item; `open(doc)` handles a click
  KX.hitItem = function (doc, open, root) {
    var kind = doc[0], text = doc[4] || '';
    var label = kind === 'question' || kind === 'footnote' ? doc[3] + ' \u2013 letter ' + String(doc[2]).replace(/^letter-/, '') : doc[3];
    var target = kind === 'letter' || kind === 'question' || kind === 'footnote'
      ? (root || '') + 'letters/' + KX.letterFile(doc[2]) + (kind === 'letter' ? '' : KX.route.href(kind, doc[1])) : null;
    var main = open ? h('button', {type: 'button', cls: 'kx-link-button', 'data-node': doc[1],
      on: {click: function () { open(doc); }}}, label)
      : h('a', {href: KX.relHref(target) || '#', 'data-node': doc[1]}, label);
    return h('li', null, h('span', {cls: 'kx-badge', text: kind}), ' ', main,
      text ? h('div', {cls: 'kx-excerpt', lang: 'nl', text: KX.short(text, 220)}) : null);
  };
  KX.hitHref = function (doc, root) {
    var kind = doc[0];
    if (kind === 'letter') return (root || '') + 'letters/' + KX.letterFile(doc[2]);
    if (kind === 'question' || kind === 'footnote') return (root || '') + 'letters/' + KX.letterFile(doc[2]) + KX.route.href(kind, doc[1]);
    return (root || '') + 'index.html' + KX.route.href(kind, doc[1]);
  };

  // ------------------------------------------------------------------ graph canvas
  // vis-network's canvas duplicates the lists and tables: not a tab stop for keyboards
  KX.quietCanvas = function (container) {
    Array.prototype.forEach.call(container.querySelectorAll('[tabindex]'), function (e) { e.removeAttribute('tabindex'); });
    Array.prototype.forEach.call(container.querySelectorAll('canvas'), function (c) { c.setAttribute('aria-hidden', 'true'); });
  };

  var data = document.getElementById('kx-data');
  if (data) {
    KX.data = JSON.parse(data.textContent);
    KX.site = KX.data.site || null;
  }
}());
