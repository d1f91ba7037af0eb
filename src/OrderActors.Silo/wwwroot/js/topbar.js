import { h, fill } from './dom.js';
import { roleLabel } from './labels.js';
import { activeTenant, choosesTenant, holdsAnyTenant, namedTenants, rememberTenant } from './session.js';

// What the server takes as a tenant name (Tenancy.IsTenantName); an empty box goes back to the default.
const TENANT_NAME = '[a-z0-9\\-]{1,32}';

/** The operator's name and roles, top right. */
export function showPrincipal(element, me) {
  fill(element,
    h('span', { class: 'principal-user' }, me.user),
    me.roles.map((role) => h('span', { class: 'role', dataset: { role }, title: role }, roleLabel(role))));
}

/**
 * The tenant picker, for a principal holding several tenants (a list) or any (a name to type, with the
 * ones it names offered). A change reloads the page, so nothing of the previous tenant stays on screen.
 */
export function showTenantPicker(label, me) {
  if (!choosesTenant(me)) {
    return;
  }
  const picker = holdsAnyTenant(me)
    ? h('input', { id: 'tenant', type: 'text', size: 14, pattern: TENANT_NAME, list: 'tenants', autocomplete: 'off', value: activeTenant() })
    : h('select', { id: 'tenant' }, me.tenants.map((t) => h('option', { value: t, selected: t === activeTenant() }, t)));
  picker.addEventListener('change', () => {
    if (picker.reportValidity()) {
      rememberTenant(picker.value);
      location.reload();
    }
  });
  fill(label, '租户 ', h('small', {}, 'Tenant '), picker,
    holdsAnyTenant(me) ? h('datalist', { id: 'tenants' }, namedTenants(me).map((t) => h('option', { value: t }))) : null);
  label.hidden = false;
}
