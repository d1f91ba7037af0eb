import { activeTenant, csrfToken } from './session.js';

// The REST facade (docs/API.md). The browser's session cookie says who acts (the server writes that
// name on order timelines); every call names this tab's tenant, and every command carries the session's
// CSRF token and a fresh idempotency key, so that a retried click never runs twice on the server.

/** A failed call, carrying the server's RFC 7807 problem details (title, detail, errors) and, on a 429, the seconds to wait. */
class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

// crypto.randomUUID exists only in secure contexts; an operator reaching the silo by a plain-HTTP host
// name still needs unique keys, and getRandomValues is available everywhere.
function newIdempotencyKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function send(method, path, body, headers) {
  headers.Accept = 'application/json';
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, { title: '无法连接服务器 Cannot reach the server', detail: error.message });
  }
  const text = await response.text();
  const data = parseJson(text);
  if (!response.ok) {
    throw new ApiError(response.status, problemOf(response, data, text), retryAfterSeconds(response.headers.get('Retry-After')));
  }
  return data;
}

/** A call of the signed-in app: without a session (none, expired, signed out elsewhere) it goes to the login page. */
async function request(method, path, body) {
  const headers = {};
  const tenant = activeTenant();
  if (tenant) {
    headers['X-Tenant'] = tenant;
  }
  if (method !== 'GET') {
    headers['Idempotency-Key'] = newIdempotencyKey();
    const csrf = csrfToken();
    if (csrf) {
      headers['X-CSRF-Token'] = csrf;
    }
  }
  try {
    return await send(method, path, body, headers);
  } catch (error) {
    if (error.status === 401) {
      signInAgain();
    }
    throw error;
  }
}

/** Sends the browser to the login page, keeping the hash, so that signing in comes back to this view. */
export function signInAgain() {
  location.assign(`login.html${location.hash}`);
}

/** Signs in with the session cookie (HttpOnly, set by the server). 401: wrong user or password; 429: `retryAfter` seconds. */
export const signIn = (user, password) => send('POST', '/api/v1/auth/session', { user, password }, {});

/** The login page's question whether a session already stands: a 401 is the answer there, not a reason to go anywhere. */
export const currentSession = () => send('GET', '/api/v1/auth/me', undefined, {});

/** The live event stream of this tab's tenant (EventSource cannot send headers, so the tenant goes in the query). */
export const eventsUrl = () => `/api/v1/events${query({ tenant: activeTenant() })}`;

// Retry-After is seconds here (the contract), or an HTTP date as RFC 9110 also allows.
function retryAfterSeconds(header) {
  if (!header) {
    return null;
  }
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : Math.ceil((Date.parse(header) - Date.now()) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : null;
}

function parseJson(text) {
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function problemOf(response, data, text) {
  if (data && typeof data === 'object' && (data.title || data.detail)) {
    return data;
  }
  return { title: `HTTP ${response.status} ${response.statusText}`.trim(), detail: data === null ? text.slice(0, 300) : '' };
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = encodeURIComponent;

export const api = {
  me: () => request('GET', '/api/v1/auth/me'),
  signOut: () => request('DELETE', '/api/v1/auth/session'),
  dashboard: () => request('GET', '/api/v1/dashboard'),
  warehouses: () => request('GET', '/api/v1/warehouses'),
  tripBreaker: (warehouseId, reason) => request('POST', `/api/v1/warehouses/${id(warehouseId)}/breaker/trip`, { reason }),
  resetBreaker: (warehouseId) => request('POST', `/api/v1/warehouses/${id(warehouseId)}/breaker/reset`),
  orders: (filters) => request('GET', `/api/v1/orders${query(filters)}`),
  order: (orderId) => request('GET', `/api/v1/orders/${id(orderId)}`),
  releaseHold: (orderId) => request('POST', `/api/v1/orders/${id(orderId)}/release-hold`),
  ship: (orderId, carrier, trackingNo) => request('POST', `/api/v1/orders/${id(orderId)}/ship`, { carrier, trackingNo }),
  cancel: (orderId, reason) => request('POST', `/api/v1/orders/${id(orderId)}/cancel`, { reason }),
  receiver: (orderId, receiver) => request('POST', `/api/v1/orders/${id(orderId)}/receiver`, receiver),
  loadDemo: (orders) => request('POST', '/api/v1/demo', { orders }),
  startReturn: (orderId, body) => request('POST', `/api/v1/orders/${id(orderId)}/returns`, body),
  returns: (filters) => request('GET', `/api/v1/returns${query(filters)}`),
  returnCounts: () => request('GET', '/api/v1/returns/counts'),
  rma: (rmaId) => request('GET', `/api/v1/returns/${id(rmaId)}`),
  approveReturn: (rmaId, note) => request('POST', `/api/v1/returns/${id(rmaId)}/approve`, { note }),
  rejectReturn: (rmaId, note) => request('POST', `/api/v1/returns/${id(rmaId)}/reject`, { note }),
  receiveReturn: (rmaId, body) => request('POST', `/api/v1/returns/${id(rmaId)}/receive`, body),
  refundReturn: (rmaId) => request('POST', `/api/v1/returns/${id(rmaId)}/refund`),
  closeReturn: (rmaId) => request('POST', `/api/v1/returns/${id(rmaId)}/close`),
  correctReason: (rmaId, reasonCode) => request('POST', `/api/v1/returns/${id(rmaId)}/reason`, { reasonCode }),
  notifications: (filters) => request('GET', `/api/v1/notifications${query(filters)}`),
  notificationCounts: () => request('GET', '/api/v1/notifications/counts'),
  retryNotification: (notificationId) => request('POST', `/api/v1/notifications/${id(notificationId)}/retry`),
  notificationChannels: () => request('GET', '/api/v1/notification-channels'),
  putNotificationChannel: (name, channel) => request('PUT', `/api/v1/notification-channels/${id(name)}`, channel),
  deleteNotificationChannel: (name) => request('DELETE', `/api/v1/notification-channels/${id(name)}`),
};

/** The return address as a QR code: an <img> sends no X-Tenant header, so the tenant goes in the query (as for events). */
export const returnAddressQrUrl = (rmaId) => `/api/v1/returns/${id(rmaId)}/return-address.svg${query({ tenant: activeTenant() })}`;
