import { api } from '../api.js';
import { h, fill } from '../dom.js';
import { time } from '../format.js';
import { CHANNEL_EVENTS, CHANNEL_KINDS, channelKindLabel, eventLabel, isMasked } from '../notification-labels.js';
import { showInfo } from '../notices.js';
import { can } from '../session.js';
import { empty, runCommand } from '../widgets.js';

// 通知渠道: where the tenant's notifications go. The server never sends a secret back, only whether one is set,
// and masks the URL's token and credential settings; so the form never shows a secret, and editing a channel asks
// for its full URL (and any masked setting) again rather than sending the masked text back as if it were real.
// A secret left empty keeps the one the channel has.

const NAME = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The channel list, and the form to set one for a role that may (notifications.write). `show(items)` redraws the list only. */
export function channelsPanel(reload) {
  const listing = h('div', { class: 'channel-list' });
  const form = can('notifications.write') ? channelForm(reload) : null;
  const element = h('article', { class: 'panel notification-channels' },
    h('h2', {}, '通知渠道 ', h('small', {}, 'Channels')), listing, form?.element);
  return {
    element,
    show: (items) => fill(listing, items.length === 0
      ? empty('尚无通知渠道 No channels yet')
      : channelTable(items, form, reload)),
  };
}

function channelTable(items, form, reload) {
  return h('table', { class: 'channels compact' },
    h('thead', {}, h('tr', {},
      h('th', {}, '名称 Name'), h('th', {}, '类型 Kind'), h('th', {}, '地址 URL'), h('th', {}, '事件 Events'),
      h('th', {}, '密钥 Secret'), h('th', {}, '设置 Settings'), h('th', {}, '更新 Updated'), form ? h('th', {}, '') : null)),
    h('tbody', {}, items.map((c) =>
      h('tr', { dataset: { channel: c.name } },
        h('td', {}, h('code', {}, c.name)),
        h('td', { dataset: { field: 'kind' } }, h('span', { class: 'chip', title: c.kind }, channelKindLabel(c.kind), h('small', {}, c.kind))),
        h('td', { class: 'url', dataset: { field: 'url' } }, h('code', {}, c.url)),
        h('td', { dataset: { field: 'events' } }, c.events.map((e) => h('span', { class: 'chip event', title: e }, eventLabel(e), h('small', {}, e)))),
        h('td', { dataset: { field: 'secret', set: String(c.secretSet) } },
          c.secretSet ? h('span', { class: 'chip secret-set' }, '已设置 set') : h('span', { class: 'muted' }, '未设置 none')),
        h('td', { class: 'settings', dataset: { field: 'settings' } },
          Object.entries(c.settings ?? {}).map(([k, v]) => h('div', {}, h('code', {}, `${k}=${v}`)))),
        h('td', {}, time(c.updatedAt)),
        form ? h('td', { class: 'actions' }, editButton(c, form), deleteButton(c, reload)) : null))));
}

function editButton(channel, form) {
  const button = h('button', { type: 'button', dataset: { action: 'edit' } }, '编辑 Edit');
  button.addEventListener('click', () => form.edit(channel));
  return button;
}

function deleteButton(channel, reload) {
  const button = h('button', { type: 'button', class: 'danger', dataset: { action: 'delete' } }, '删除 Delete');
  button.addEventListener('click', async () => {
    if (!confirm(`删除通知渠道 ${channel.name}？不再经它发送通知。 Delete channel ${channel.name}? Nothing more is sent through it.`)) {
      return;
    }
    const done = await runCommand(button, '删除中… Deleting', () => api.deleteNotificationChannel(channel.name).then(() => true));
    if (done) {
      showInfo(`通知渠道 ${channel.name} 已删除 deleted`);
      reload();
    }
  });
  return button;
}

/** The form to add a channel or replace one; built once, so a refresh of the list never loses what is being typed. */
function channelForm(reload) {
  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: 64, autocomplete: 'off', placeholder: 'ops-wecom' });
  const kind = h('select', { name: 'kind' }, CHANNEL_KINDS.map(([value, zh]) => h('option', { value }, `${zh} ${value}`)));
  const url = h('input', { type: 'url', name: 'url', required: true, maxlength: 1000, size: 52, autocomplete: 'off', placeholder: 'https://…' });
  const secret = h('input', { type: 'password', name: 'secret', maxlength: 500, size: 28, autocomplete: 'new-password' });
  const events = h('fieldset', { class: 'channel-events' });
  const settings = h('textarea', {
    name: 'settings', rows: 3, cols: 52, spellcheck: 'false',
    placeholder: 'msgtype=text\nsignName=某某商城\ntemplate.order.shipped=SMS_123456789',
  });
  const hint = h('p', { class: 'form-hint' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '保存 Save');
  const clear = h('button', { type: 'reset' }, '清空 Clear');
  const element = h('form', { class: 'channel-form', dataset: { action: 'set-channel' }, autocomplete: 'off' },
    h('h3', {}, '添加或更新渠道 ', h('small', {}, 'Add or update a channel')),
    h('div', { class: 'order-form' },
      h('label', {}, '名称 Name', name),
      h('label', {}, '类型 Kind', kind),
      h('label', {}, '地址 URL', url),
      h('label', {}, '密钥 Secret', secret)),
    events,
    h('label', { class: 'settings-field' }, '设置 Settings (每行一个 key=value, one per line; 可选 optional)', settings),
    hint,
    h('div', { class: 'form-buttons' }, submit, clear));

  const showEvents = (checked) => {
    // The form's events, and any other the channel takes (set through the API or CLI), so that saving keeps them.
    const values = [...new Set([...CHANNEL_EVENTS.map(([value]) => value), ...checked])];
    fill(events, h('legend', {}, '事件 Events'),
      values.map((value) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'events', value, checked: checked.includes(value) }),
        ` ${eventLabel(value)} `, h('code', {}, value))));
  };
  const checkboxes = () => [...events.querySelectorAll('input[name="events"]')];
  const reset = () => {
    url.placeholder = 'https://…';
    secret.placeholder = '';
    fill(hint);
    showEvents([]);
  };
  reset();

  element.addEventListener('input', () => {
    [name, settings, ...checkboxes()].forEach((field) => field.setCustomValidity(''));
  });
  element.addEventListener('reset', () => setTimeout(reset));
  element.addEventListener('submit', async (e) => {
    e.preventDefault();
    const parsed = parseSettings(settings.value);
    const chosen = checkboxes().filter((c) => c.checked).map((c) => c.value);
    name.setCustomValidity(NAME.test(name.value.trim()) ? '' : '名称只能含字母、数字和 _ . : -，最多 64 个 Letters, digits, _ . : - only, at most 64');
    settings.setCustomValidity(parsed.error ?? '');
    checkboxes()[0].setCustomValidity(chosen.length > 0 ? '' : '至少选择一个事件 Choose at least one event');
    if (!element.reportValidity()) {
      return;
    }
    const channel = name.value.trim();
    const body = { kind: kind.value, url: url.value.trim(), events: chosen, settings: parsed.settings };
    if (secret.value) {
      body.secret = secret.value;
    }
    const saved = await runCommand(submit, '保存中… Saving', () => api.putNotificationChannel(channel, body));
    if (saved) {
      showInfo(`通知渠道 ${saved.name} 已保存 saved${saved.secretSet ? '（密钥已设置 secret set）' : ''}`);
      element.reset();
      reload();
    }
  });

  /** Fills the form from a listed channel: never its secret, and not its URL or masked settings, which come back masked. */
  const edit = (channel) => {
    element.reset();
    setTimeout(() => {
      name.value = channel.name;
      kind.value = channel.kind;
      url.placeholder = channel.url;
      secret.placeholder = channel.secretSet ? '已设置：留空则保留 Set: empty keeps it' : '';
      showEvents(channel.events);
      const entries = Object.entries(channel.settings ?? {});
      settings.value = entries.filter(([, v]) => !isMasked(v)).map(([k, v]) => `${k}=${v}`).join('\n');
      const masked = entries.filter(([, v]) => isMasked(v)).map(([k]) => k);
      fill(hint,
        `编辑 ${channel.name}：地址中的令牌已隐藏，请重新输入完整地址 Editing ${channel.name}: the URL's token is masked, type the full URL again.`,
        masked.length > 0 ? ` 已隐藏的设置需重新输入 Type the masked settings again: ${masked.join(', ')}.` : '',
        channel.secretSet ? ' 密钥留空则保留原密钥 An empty secret keeps the current one.' : '');
      url.focus();
    });
  };

  return { element, edit };
}

/** `key=value` lines (blank lines skipped, a value may hold '='): `{ settings }`, or `{ error }` naming the line. */
export function parseSettings(text) {
  const settings = new Map();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) {
      continue;
    }
    const equals = line.indexOf('=');
    const key = equals > 0 ? line.slice(0, equals).trim() : '';
    if (!key) {
      return { error: `第 ${i + 1} 行不是 key=value：Line ${i + 1} is not key=value: ${line}` };
    }
    if (settings.has(key)) {
      return { error: `第 ${i + 1} 行：${key} 重复 Line ${i + 1}: ${key} is given twice` };
    }
    settings.set(key, line.slice(equals + 1).trim());
  }
  return { settings: Object.fromEntries(settings) };
}
