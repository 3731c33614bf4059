/** The one script of our own (served as /assets/api-docs.js): sends the forms of /api/docs with fetch. */
export const API_DOCS_SCRIPT = `
for (const form of document.querySelectorAll('form.try')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let path = form.dataset.path;
    const query = new URLSearchParams();
    for (const input of form.querySelectorAll('input')) {
      if (input.value === '') continue;
      if (input.dataset.in === 'path') path = path.replace('{' + input.name + '}', encodeURIComponent(input.value));
      else query.set(input.name, input.value);
    }
    const out = form.nextElementSibling;
    const qs = query.toString();
    const res = await fetch(path + (qs ? '?' + qs : ''), { method: form.dataset.method });
    const text = await res.text();
    out.hidden = false;
    out.textContent = res.status + ' ' + res.statusText + '\\n' + text.slice(0, 20000);
  });
}
`;
