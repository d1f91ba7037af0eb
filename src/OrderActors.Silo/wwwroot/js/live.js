import { api, eventsUrl } from './api.js';
import { time } from './format.js';

// Server-sent events from /api/v1/events. EventSource reconnects by itself and resumes with
// Last-Event-ID; only when the server refuses the stream outright (it closes the source) do we start
// a new one after a pause — once /auth/me says the session still stands; without one, that call
// goes to the login page.

const STREAMS = ['order', 'warehouse', 'stock'];
const RETRY_AFTER_CLOSE_MS = 5000;

const STATES = {
  connecting: '连接中 Connecting',
  live: '实时 Live',
  reconnecting: '重连中 Reconnecting',
};

/**
 * Connects and keeps connected. `onEvent(stream, event)` gets each parsed event
 * ({seq, kind, subject, at, data}); `onResumed()` runs when a connection comes back after a fresh
 * start, when events may have been missed.
 */
export function connectLive(indicator, onEvent, onResumed) {
  let everOpen = false;

  const show = (state) => {
    indicator.dataset.state = state;
    indicator.querySelector('.live-text').textContent = STATES[state];
  };

  const open = (fresh) => {
    show(everOpen ? 'reconnecting' : 'connecting');
    const source = new EventSource(eventsUrl());
    source.onopen = () => {
      show('live');
      if (fresh && everOpen) {
        onResumed();
      }
      everOpen = true;
      fresh = false;
    };
    source.onerror = () => {
      show(everOpen ? 'reconnecting' : 'connecting');
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(reopenUnlessSignedOut, RETRY_AFTER_CLOSE_MS);
      }
    };
    for (const stream of STREAMS) {
      source.addEventListener(stream, (message) => {
        indicator.title = `最近事件 Last event: ${time(new Date().toISOString())}`;
        onEvent(stream, JSON.parse(message.data));
      });
    }
  };

  const reopenUnlessSignedOut = () => api.me().then(() => open(true), (error) => {
    if (error.status !== 401) {
      open(true);
    }
  });

  open(true);
}
