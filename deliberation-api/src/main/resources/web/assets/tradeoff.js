// Live trade-off feedback from GET /api/panels/{id}/tradeoffs (barycentric interpolation between the
// trained lattice points). The pages work without it: the learn page's form shows the nearest trained
// model, and the vote page is an ordinary form. Texts and numbers come formatted from the server, in the
// page's language; this script only places them.
(function () {
  'use strict';
  var lang = document.documentElement.lang === 'fr' ? 'fr' : 'en';

  function query(panel, weights) {
    var parts = [];
    Object.keys(weights).forEach(function (id) { parts.push(id + ':' + weights[id]); });
    return '/api/panels/' + encodeURIComponent(panel) + '/tradeoffs?lang=' + lang + '&weights=' + encodeURIComponent(parts.join(','));
  }

  // Only the latest request's answer is shown, however the responses arrive.
  function latestOnly(render) {
    var seq = 0;
    var timer = null;
    return function (url) {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var mine = ++seq;
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (json) { if (json && mine === seq) render(json); })
          .catch(function () { /* feedback only: the page still works without it */ });
      }, 120);
    };
  }

  function text(id, value) {
    var e = document.getElementById(id);
    if (e) e.textContent = value;
  }

  function slateList(items) {
    var ol = document.createElement('ol');
    items.forEach(function (i) {
      var li = document.createElement('li');
      li.appendChild(document.createTextNode(i.title + ' '));
      var meta = document.createElement('span');
      meta.className = 'muted';
      meta.textContent = '· ' + i.provider_group + i.tags.map(function (t) { return ' · ' + t; }).join('');
      li.appendChild(meta);
      ol.appendChild(li);
    });
    return ol;
  }

  // ---- learn page: sliders drive the explorer ----------------------------------------------------
  var explorer = document.getElementById('explorer');
  if (explorer && explorer.getAttribute('data-panel')) {
    var panel = explorer.getAttribute('data-panel');
    var sliders = explorer.querySelectorAll('input[type=range][data-objective]');
    var render = function (json) {
      text('tradeoff-summary', json.summary);
      text('tradeoff-point', json.texts.weights);
      text('tradeoff-method', json.texts.method);
      var badge = document.getElementById('tradeoff-nd');
      if (badge) badge.className = json.method !== 'barycentric' && json.nearest.non_dominated ? 'badge' : 'badge hidden';
      json.rows.forEach(function (row) {
        var tr = document.querySelector('#tradeoff-metrics tr[data-metric="' + row.id + '"]');
        if (!tr) return;
        tr.className = row.verdict;
        tr.querySelector('td.value').textContent = row.value;
        tr.querySelector('td.change').textContent = row.change;
      });
      document.querySelectorAll('#slates .slates').forEach(function (box, i) {
        var slate = json.nearest.example_slates[i];
        var chosen = box.querySelector('.slate.chosen');
        if (!slate || !chosen) return;
        chosen.replaceChild(slateList(slate.items), chosen.querySelector('ol'));
      });
      document.querySelectorAll('#lattice tbody tr').forEach(function (tr) {
        tr.classList.toggle('chosen', tr.id === 'point-' + json.nearest_point);
      });
      explorer.setAttribute('data-method', json.method);
    };
    var ask = latestOnly(render);
    var update = function () {
      var weights = {};
      var total = 0;
      sliders.forEach(function (s) {
        var v = parseFloat(s.value);
        if (!isFinite(v) || v < 0) v = 0;
        weights[s.getAttribute('data-objective')] = v;
        total += v;
        var out = document.getElementById(s.id + '-value');
        if (out) out.textContent = String(v);
      });
      if (total > 0) ask(query(panel, weights));
    };
    sliders.forEach(function (s) { s.addEventListener('input', update); });
  }

  // ---- vote page: predicted trade-off of the allocation being typed --------------------------------
  var script = document.currentScript;
  var ballot = document.getElementById('ballot');
  if (script && script.getAttribute('data-panel') && ballot) {
    var votePanel = script.getAttribute('data-panel');
    var live = document.createElement('p');
    live.id = 'tradeoff-live';
    live.className = 'tradeoff-live';
    live.setAttribute('aria-live', 'polite');
    var submit = document.getElementById('submit-ballot');
    ballot.insertBefore(live, submit);
    fetch('/api/panels/' + encodeURIComponent(votePanel) + '/sweep', { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (json) {
        if (!json) { live.remove(); return; }
        var swept = json.sweep.objectives;
        var inputs = ballot.querySelectorAll('input.points');
        var show = latestOnly(function (answer) {
          var uncovered = live.getAttribute('data-uncovered');
          live.textContent = answer.texts.predicted + ': ' + answer.summary + ' — ' + answer.texts.method
            + (uncovered ? ' (' + answer.texts.uncovered + ': ' + uncovered + ')' : '');
        });
        var update = function () {
          var weights = {};
          var total = 0;
          var outside = [];
          inputs.forEach(function (i) {
            var id = i.id.replace(/^points-/, '');
            var v = parseFloat(i.value);
            if (!isFinite(v) || v < 0) v = 0;
            if (swept.indexOf(id) >= 0) { weights[id] = v; total += v; }
            else if (v > 0) {
              var label = document.querySelector('label[for="' + i.id + '"]');
              outside.push(label ? label.textContent : id);
            }
          });
          live.setAttribute('data-uncovered', outside.join(', '));
          if (total > 0) show(query(votePanel, weights));
          else live.textContent = '';
        };
        inputs.forEach(function (i) { i.addEventListener('input', update); });
        update();
      })
      .catch(function () { live.remove(); });
  }
})();
