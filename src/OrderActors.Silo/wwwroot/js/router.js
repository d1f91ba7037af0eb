import { h, fill } from './dom.js';
import { showError } from './notices.js';

// Live events can arrive by the hundred (a demo load, a breaker trip): a view reloads at most once per
// interval, and once more after the last event of a burst.
const MIN_REFRESH_GAP_MS = 1000;

// A hand-typed hash may carry a stray '%': show the segment as typed rather than fail the route.
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Hash routes: `#/name/segment?query`. A view is `mount(section, route, reload)` returning
 * `{ refresh(): Promise, wants(stream, event): boolean, everyMs?: number }`; the router loads it, then
 * reloads it when a live event concerns it, and every `everyMs` while it is shown and the tab is visible
 * (for what changes without a hub event, such as the notification outbox's delivery attempts). Views call
 * `reload()` after their own commands.
 */
export function createRouter(outlet, views, fallback) {
  let current = null;

  const parse = () => {
    const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
    const segments = path.split('/').filter(Boolean).map(decodeSegment);
    return { name: segments[0] ?? fallback, segments: segments.slice(1), params: new URLSearchParams(search) };
  };

  const show = () => {
    const route = parse();
    const mount = views[route.name] ?? views[fallback];
    const section = h('section', { class: 'view', dataset: { view: route.name } });
    fill(outlet, section);
    for (const link of document.querySelectorAll('nav a[data-route]')) {
      link.classList.toggle('active', link.dataset.route === route.name);
    }
    const entry = { controller: null, loading: null, lastStart: 0, queued: false, timer: null };
    entry.controller = mount(section, route, () => reload(entry));
    if (current?.timer) {
      clearInterval(current.timer);
    }
    current = entry;
    if (entry.controller.everyMs) {
      entry.timer = setInterval(() => {
        if (entry === current && !document.hidden) {
          reload(entry);
        }
      }, entry.controller.everyMs);
    }
    reload(entry);
  };

  const reload = (entry) => {
    if (entry.loading) {
      entry.queued = true;
      return;
    }
    const wait = Math.max(0, entry.lastStart + MIN_REFRESH_GAP_MS - Date.now());
    entry.loading = new Promise((resolve) => setTimeout(resolve, wait))
      .then(() => {
        entry.lastStart = Date.now();
        return entry.controller.refresh();
      })
      .catch(showError)
      .finally(() => {
        entry.loading = null;
        if (entry.queued && entry === current) {
          entry.queued = false;
          reload(entry);
        }
      });
  };

  window.addEventListener('hashchange', show);

  return {
    start: show,
    /** Reloads the current view (after a reconnect, when events may have been missed). */
    refresh: () => current && reload(current),
    notify: (stream, event) => {
      if (current && current.controller.wants(stream, event)) {
        reload(current);
      }
    },
  };
}
