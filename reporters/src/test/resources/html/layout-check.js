// Appended by ReportLayoutTest to a copy of a report (the report itself has no script): measures
// the page after layout and prints the result into the DOM for --dump-dom.
window.addEventListener('load', () => {
  const W = window.innerWidth;
  const verdict = document.getElementById('verdict');
  const verdictBottom = verdict ? verdict.getBoundingClientRect().bottom + window.scrollY : null;
  // Folded parts must fit too once a reader opens them.
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '');
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > W + 0.5 || r.left < -0.5) {
      wide.push(name(el) + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
    }
  }
  const clipped = [];
  for (const el of document.body.querySelectorAll('h1,h2,h3,figcaption,summary,p,li,th,td,code,pre')) {
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') {
      clipped.push(name(el) + ': ' + el.textContent.slice(0, 80));
    }
  }
  const images = [...document.images];
  const broken = images.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.alt);
  const tables = {};
  for (const t of document.querySelectorAll('table[id]')) {
    tables[t.id] = [...t.querySelectorAll('tr')].map(tr => [...tr.cells].map(c => c.textContent.trim()));
  }
  const out = document.createElement('pre');
  out.id = 'layout-check';
  out.textContent = JSON.stringify({
    width: W, scrollWidth: document.documentElement.scrollWidth, wide, clipped,
    images: images.length, figures: document.querySelectorAll('figure').length, broken,
    verdictBottom, tables
  });
  document.body.appendChild(out);
});
