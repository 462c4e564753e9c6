// The CRM page for admins: every recipient with its state, last error and deliveries, then the
// deliveries themselves (by status and recipient), a failed one sent again with one click.
import {request} from './api.js';
import {h, fill, table} from './dom.js';
import {t, when} from './i18n.js';
import {failure, report, say} from './status.js';

export function outbox(main, signal) {
    const recipients = h('section', {id: 'recipients-result'});
    const out = h('section', {id: 'outbox-result'});
    const status = h('select', {id: 'outbox-status', 'aria-label': t('status')},
        ['FAILED', 'PENDING', 'DELIVERED', 'CANCELLED'].map(s => h('option', {value: s}, s)));
    const recipient = h('select', {id: 'outbox-recipient', 'aria-label': t('recipient')}, h('option', {value: ''}, t('allRecipients')));
    status.addEventListener('change', () => load());
    recipient.addEventListener('change', () => load());
    fill(main, h('h1', {}, t('outbox')), h('h2', {}, t('recipients')), recipients,
        h('h2', {}, t('deliveries')), h('p', {}, status, ' ', recipient), out);

    async function loadRecipients() {
        try {
            const all = await request('GET', 'crm/recipients', undefined, {signal});
            all.forEach(r => recipient.append(h('option', {value: r.id}, r.id)));
            fill(recipients, all.length ? table([t('recipient'), t('connector'), t('where'), t('purpose'), t('state'),
                    t('pendingCount'), t('failedCount'), t('lastError'), t('lastDelivered')],
                all.map(r => [r.id, r.connector, r.where, r.purposes.join(', '), h('span', {class: 'state-' + r.state.toLowerCase()},
                    t('state' + r.state)), r.pending, r.failed, r.lastError ? r.lastError + ' (' + when(r.lastErrorAt) + ')' : '',
                    when(r.lastDeliveredAt)])) : h('p', {}, t('noRecipients')));
        } catch (e) {
            fill(recipients, h('p', {class: 'error'}, failure(e)));
        }
    }

    async function load() {
        try {
            const query = 'crm/outbox?status=' + status.value + (recipient.value ? '&recipient=' + encodeURIComponent(recipient.value) : '');
            const deliveries = await request('GET', query, undefined, {signal});
            fill(out, deliveries.length ? table([t('recipient'), t('kind'), t('status'), t('attempts'), t('requested'), t('lastOutcome'), ''],
                deliveries.map(d => [d.recipient, d.kind, d.status, d.attempts, when(d.createdAt), d.lastOutcome ?? '',
                    d.status === 'FAILED' ? h('button', {type: 'button', class: 'retry', onClick: async () => {
                        try {
                            await request('POST', 'crm/outbox/' + encodeURIComponent(d.id) + '/retry');
                            say(t('retried'));
                            load();
                            loadRecipients();
                        } catch (e) {
                            report(e);
                        }
                    }}, t('retry')) : ''])) : h('p', {}, t('nothing')));
        } catch (e) {
            fill(out, h('p', {class: 'error'}, failure(e)));
        }
    }

    loadRecipients();
    load();
}
