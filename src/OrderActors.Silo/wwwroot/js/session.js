// Who is signed in (GET /api/v1/auth/me) and the tenant this tab works in. Views ask `can(permission)`
// to leave out what the role may not do; the server decides all the same.

const TENANT_KEY = 'orderactors.tenant';
const ANY_TENANT = '*';

let principal = null;
let tenant = null;

/** Starts the page's session with the answer of /auth/me, in the tenant this tab chose before if the principal still holds it. */
export function begin(me) {
  principal = me;
  const chosen = sessionStorage.getItem(TENANT_KEY);
  tenant = chosen && mayUse(me, chosen) ? chosen : me.tenant;
}

export const activeTenant = () => tenant;

export const csrfToken = () => principal?.csrfToken ?? null;

export const can = (permission) => principal !== null && principal.permissions.includes(permission);

export const holdsAnyTenant = (me) => me.tenants.includes(ANY_TENANT);

/** Tenants the principal names (without `*`). */
export const namedTenants = (me) => me.tenants.filter((t) => t !== ANY_TENANT);

/** Whether the principal picks its tenant: it holds several, or any. */
export const choosesTenant = (me) => me.tenants.length > 1 || holdsAnyTenant(me);

/** Remembers this tab's tenant for the next page load; an empty name goes back to the principal's first. */
export function rememberTenant(name) {
  const trimmed = name.trim();
  if (trimmed) {
    sessionStorage.setItem(TENANT_KEY, trimmed);
  } else {
    sessionStorage.removeItem(TENANT_KEY);
  }
}

const mayUse = (me, name) => holdsAnyTenant(me) || me.tenants.includes(name);
