// Harbour's one script. Everything works without it; it only adds:
// - quick exit by the Esc key and by the button without leaving a history entry;
// - an opt-in "use my position" that fills two hidden form fields (sent by POST, never in a URL);
// - a print button on the rights result, and every explanation opened before printing.
(function () {
  'use strict';
  var exit = document.getElementById('quick-exit');
  function leave(e) {
    if (e) { e.preventDefault(); }
    var target = (exit && exit.getAttribute('data-exit')) || '/exit';
    document.body.style.display = 'none';
    window.location.replace(target);
  }
  if (exit) { exit.addEventListener('click', leave); }
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' || e.key === 'Esc') { leave(e); }
  });
  var btn = document.getElementById('use-position');
  var note = document.getElementById('position-note');
  var form = document.getElementById('search-form');
  if (btn && form && 'geolocation' in navigator) {
    btn.hidden = false;
    if (note) { note.hidden = false; }
    btn.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        document.getElementById('lat').value = pos.coords.latitude.toFixed(4);
        document.getElementById('lon').value = pos.coords.longitude.toFixed(4);
        document.getElementById('near').value = '';
        form.submit();
      }, function () { btn.disabled = true; }, { maximumAge: 600000, timeout: 15000 });
    });
  }
  var print = document.getElementById('print-page');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', function () { window.print(); });
  }
  window.addEventListener('beforeprint', function () {
    var d = document.querySelectorAll('details');
    for (var i = 0; i < d.length; i++) { d[i].open = true; }
  });
}());
