// Running total of the allocation form. The server validates every ballot; this is only feedback.
(function () {
  var form = document.getElementById('ballot');
  if (!form) return;
  var inputs = form.querySelectorAll('input.points');
  var total = document.getElementById('total');
  var remaining = document.getElementById('remaining');
  function update() {
    var sum = 0;
    inputs.forEach(function (i) { var v = parseFloat(i.value); if (isFinite(v)) sum += v; });
    sum = Math.round(sum * 1000) / 1000;
    total.textContent = String(sum);
    var left = Math.round((100 - sum) * 1000) / 1000;
    remaining.textContent = left === 0 ? '' : left > 0 ? '(' + left + ' ' + remaining.getAttribute('data-label') + ')'
      : '(' + (-left) + ' ' + remaining.getAttribute('data-over') + ')';
    total.className = sum === 100 ? '' : 'over';
  }
  inputs.forEach(function (i) { i.addEventListener('input', update); });
  update();
})();
