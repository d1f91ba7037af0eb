// The REST facade (docs/API.md). Commands carry the operator's name, for the order timelines, and a
// fresh idempotency key, so that a retried click never runs twice on the server.

const OPERATOR_KEY = 'orderactors.operator';
const DEFAULT_OPERATOR = 'admin-ui';

export function operatorName() {
  return localStorage.getItem(OPERATOR_KEY) || DEFAULT_OPERATOR;
}

export function setOperatorName(name) {
  const trimmed = name.trim();
  if (trimmed) {
    localStorage.setItem(OPERATOR_KEY, trimmed);
  } else {
    localStorage.removeItem(OPERATOR_KEY);
  }
}

/** A failed call, carrying the server's RFC 7807 problem details (title, detail, errors). */
class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.status = status;
    this.problem = problem;
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

async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['X-Operator'] = operatorName();
    headers['Idempotency-Key'] = newIdempotencyKey();
  }
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
    throw new ApiError(response.status, problemOf(response, data, text));
  }
  return data;
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
  dashboard: () => request('GET', '/api/v1/dashboard'),
  warehouses: () => request('GET', '/api/v1/warehouses'),
  tripBreaker: (warehouseId, reason) => request('POST', `/api/v1/warehouses/${id(warehouseId)}/breaker/trip`, { reason }),
  resetBreaker: (warehouseId) => request('POST', `/api/v1/warehouses/${id(warehouseId)}/breaker/reset`),
  orders: (filters) => request('GET', `/api/v1/orders${query(filters)}`),
  order: (orderId) => request('GET', `/api/v1/orders/${id(orderId)}`),
  releaseHold: (orderId) => request('POST', `/api/v1/orders/${id(orderId)}/release-hold`),
  loadDemo: (orders) => request('POST', '/api/v1/demo', { orders }),
};
