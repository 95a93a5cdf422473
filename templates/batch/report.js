// Sorting of the countries table (the page works without it: the table is in name order and the
// tier filter is CSS). Each sortable column header gets a button; a click sorts the rows by the
// row's data-KEY attribute (numbers as numbers), again to reverse, and says so in aria-sort.
(function () {
  var table = document.getElementById('countries');
  if (!table) return;
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.querySelectorAll('th[data-sort]'));
  function value(row, key) {
    return row.getAttribute('data-' + key) || '';
  }
  function compare(a, b, key) {
    var x = value(a, key);
    var y = value(b, key);
    var nx = Number(x);
    var ny = Number(y);
    if (x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny)) return nx - ny;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  heads.forEach(function (th) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var key = th.getAttribute('data-sort');
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      heads.forEach(function (h) {
        h.removeAttribute('aria-sort');
      });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var c = compare(a, b, key) || compare(a, b, 'name');
        return ascending ? c : -c;
      });
      rows.forEach(function (r) {
        body.appendChild(r);
      });
    });
  });
})();
