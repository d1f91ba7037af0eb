/** Goes to `#/name?query`, leaving out empty values and page 1, so that links stay short and shareable. */
export function navigate(name, params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== '' && value !== null && value !== undefined && !(key === 'page' && Number(value) <= 1)) {
      search.set(key, String(value));
    }
  }
  const query = search.toString();
  location.hash = `#/${name}${query ? `?${query}` : ''}`;
}
