// The admin pages: retention and sweeps, consent lookup, subject rights, audit; the CRM page is crm.js.
import {ApiError, request} from './api.js';
import {h, fill, table} from './dom.js';
import {duration, t, when} from './i18n.js';
import {failure, report, say} from './status.js';
import {outbox} from './crm.js';

export const ADMIN_PAGES = ['retention', 'consents', 'erasures', 'audit', 'outbox'];

export function admin(page, main, signal) {
    ({retention, consents, erasures, audit, outbox})[page](main, signal);
}

/** A small form: labelled inputs and a submit button; calls onSubmit with the values. */
function form(id, fields, button, onSubmit) {
    const inputs = fields.map(f => h('input', {id: id + '-' + f.name, name: f.name, type: f.type ?? 'text',
        required: f.required, pattern: f.pattern, maxlength: f.maxlength, value: f.value}));
    return h('form', {class: 'inline', id, onSubmit: event => {
        event.preventDefault();
        onSubmit(Object.fromEntries(inputs.map(i => [i.name, i.value.trim()])));
    }}, fields.map((f, i) => h('span', {class: 'field'}, h('label', {for: inputs[i].id}, f.label), inputs[i])),
    h('button', {type: 'submit'}, button));
}

const SUBJECT = {name: 'subjectId', required: true, pattern: '[A-Za-z0-9._:@\\-]{1,128}', maxlength: 128};

function retention(main, signal) {
    const rows = h('tbody', {});
    const sweepReport = h('section', {id: 'sweep-report', 'aria-live': 'polite'});
    const progress = h('p', {id: 'sweep-progress', hidden: true}, h('progress', {}), ' ', h('span', {}));
    const sweep = h('button', {type: 'button', id: 'sweep', onClick: () => sweepNow()}, t('sweepNow'));
    fill(main, h('h1', {}, t('retention')),
        h('div', {class: 'table-wrap'}, h('table', {id: 'policies'},
            h('thead', {}, h('tr', {}, [t('category'), t('period'), t('action'), t('starts'), t('inForce'), ''].map(x => h('th', {scope: 'col'}, x)))),
            rows)),
        h('div', {class: 'actions'}, sweep), progress, sweepReport);

    async function load() {
        try {
            const policies = await request('GET', 'retention/policies', undefined, {signal});
            fill(rows, policies.map(row));
        } catch (e) {
            report(e);
        }
    }

    function row(p) {
        const period = h('input', {id: 'period-' + p.category, value: p.period, size: 8, required: true,
            'aria-label': t('period') + ' ' + p.category, 'aria-describedby': 'error-' + p.category});
        const action = h('select', {id: 'action-' + p.category, 'aria-label': t('action') + ' ' + p.category},
            ['DELETE', 'ANONYMIZE'].map(a => h('option', {value: a, selected: a === p.action}, t(a))));
        const error = h('span', {id: 'error-' + p.category, class: 'error', role: 'alert'});
        const save = h('button', {type: 'button', id: 'save-' + p.category, onClick: async () => {
            error.textContent = '';
            try {
                const saved = await request('PUT', 'retention/policies/' + encodeURIComponent(p.category),
                    {period: period.value.trim(), action: action.value});
                say(t('saved'));
                tr.replaceWith(row(saved));
            } catch (e) {
                const fields = e instanceof ApiError ? e.fieldErrors() : {};
                error.textContent = fields.period ?? fields.action ?? failure(e);
            }
        }}, t('save'));
        const tr = h('tr', {'data-category': p.category},
            h('th', {scope: 'row'}, p.category),
            h('td', {}, period, h('div', {class: 'hint'}, t('defaultWas', p.defaults.period, t(p.defaults.action)))),
            h('td', {}, action),
            h('td', {}, t('starts_' + p.starts)),
            h('td', {class: 'in-force'}, p.source === 'admin' ? when(p.updatedAt) + ' (' + p.updatedBy + ')' : t('defaultPolicy')),
            h('td', {}, save, error));
        return tr;
    }

    async function sweepNow() {
        sweep.disabled = true;
        progress.hidden = false;
        fill(sweepReport);
        const timer = setInterval(async () => {
            try {
                const runs = await request('GET', 'retention/sweeps', undefined, {signal});
                const running = runs.find(r => r.status === 'RUNNING');
                if (running) {
                    progress.querySelector('span').textContent = t('sweeping', running.deleted, running.anonymized);
                }
            } catch (ignored) {
                // the report answers in the end
            }
        }, 400);
        try {
            const run = await request('POST', 'retention/sweeps', undefined, {signal});
            fill(sweepReport, h('h2', {}, t('sweepReport', when(run.finishedAt), run.deleted, run.anonymized)),
                table([t('category'), t('deleted'), t('anonymized')],
                    Object.entries(run.byCategory).map(([c, n]) => [c, n.deleted, n.anonymized])));
        } catch (e) {
            say(e instanceof ApiError && e.kind === 'sweep-running' ? t('sweepRunning') : failure(e), true);
        } finally {
            clearInterval(timer);
            progress.hidden = true;
            sweep.disabled = false;
        }
    }

    load();
}

function consents(main, signal) {
    const out = h('section', {id: 'consent-result'});
    fill(main, h('h1', {}, t('consents')),
        form('consent-lookup', [{...SUBJECT, label: t('subjectId')}], t('lookUp'), async ({subjectId}) => {
            try {
                const view = await request('GET', 'subjects/' + encodeURIComponent(subjectId) + '/consents', undefined, {signal});
                fill(out,
                    table([t('purpose'), t('basis'), t('status'), t('current'), t('noticeVersion'), t('grantedAt'), t('endedAt')],
                        view.purposes.map(p => [p.purpose, p.lawfulBasis, p.status, p.current ? t('yes') : t('no'),
                            p.noticeVersion ?? '', when(p.grantedAt), when(p.withdrawnAt)])),
                    h('h2', {}, t('history')),
                    table([t('purpose'), t('status'), t('noticeVersion'), t('channel'), t('grantedAt'), t('endedAt')],
                        view.history.map(r => [r.purpose, r.status, r.noticeVersion, r.channel, when(r.grantedAt), when(r.endedAt)])));
            } catch (e) {
                fill(out, h('p', {class: 'error'}, failure(e)));
            }
        }), out);
}

function erasures(main, signal) {
    const list = h('section', {id: 'erasure-list'});
    const confirmErase = async subjectId => {
        if (!confirm(t('eraseConfirm', subjectId))) {
            return;
        }
        try {
            await request('DELETE', 'subjects/' + encodeURIComponent(subjectId));
            load();
        } catch (e) {
            report(e);
        }
    };
    const download = async subjectId => {
        try {
            const response = await request('GET', 'subjects/' + encodeURIComponent(subjectId) + '/export', undefined, {raw: true});
            const url = URL.createObjectURL(await response.blob());
            const link = h('a', {href: url, download: 'consentry-export.json', hidden: true});
            document.body.append(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(url), 1000);
        } catch (e) {
            report(e);
        }
    };
    let action = 'export';
    const subjectForm = form('subject-rights', [{...SUBJECT, label: t('subjectId')}], t('export'),
        ({subjectId}) => action === 'erase' ? confirmErase(subjectId) : download(subjectId));
    subjectForm.append(h('button', {type: 'submit', class: 'danger', id: 'erase', onClick: () => { action = 'erase'; }}, t('erase')));
    subjectForm.querySelector('button').addEventListener('click', () => { action = 'export'; });
    fill(main, h('h1', {}, t('erasures')), subjectForm, h('h2', {}, t('requests')), list);

    async function load() {
        try {
            const requests = await request('GET', 'erasures', undefined, {signal});
            fill(list, requests.length ? requests.map(r => h('article', {class: 'card request', 'data-id': r.requestId},
                h('h3', {}, r.status, r.overdue ? h('span', {class: 'badge'}, t('overdue')) : null),
                h('p', {class: 'meta'}, t('requested'), ': ', when(r.requestedAt), ' (', r.requestedBy, ') · ', t('deadline'), ': ',
                    when(r.deadline), ' · ', t('age'), ': ', duration(seconds(r.age)), ' · ', r.subjectRef),
                table([t('steps'), t('status'), t('time'), t('receipt')], r.steps.map(s => [s.name, s.status, when(s.at), s.receipt ?? '']))))
                : h('p', {}, t('noRequests')));
        } catch (e) {
            report(e);
        }
    }

    load();
}

/** Seconds of an ISO-8601 duration such as PT49H3M2S. */
function seconds(iso) {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso ?? '');
    return m ? (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) : 0;
}

function audit(main, signal) {
    const out = h('section', {id: 'audit-result'});
    const verdict = h('p', {id: 'chain', role: 'status'});
    const iso = value => value ? new Date(value).toISOString() : '';
    fill(main, h('h1', {}, t('audit')),
        form('audit-filter', [
            {name: 'subjectId', label: t('subjectId'), pattern: SUBJECT.pattern, maxlength: 128},
            {name: 'from', label: t('from'), type: 'datetime-local'},
            {name: 'to', label: t('to'), type: 'datetime-local'}], t('filter'), async values => {
            const query = new URLSearchParams();
            if (values.subjectId) {
                query.set('subjectId', values.subjectId);
            }
            if (values.from) {
                query.set('from', iso(values.from));
            }
            if (values.to) {
                query.set('to', iso(values.to));
            }
            try {
                const events = await request('GET', 'audit?' + query, undefined, {signal});
                fill(out, events.length ? table([t('time'), t('actor'), t('event'), t('purpose'), t('subject'), t('outcome'), t('detail')],
                    events.map(e => [when(e.occurredAt), e.actor + ' (' + e.role + ')', e.action, e.purpose ?? '',
                        (e.subjectRef ?? '').slice(0, 12), e.outcome, e.detail ?? ''])) : h('p', {}, t('nothing')));
            } catch (e) {
                fill(out, h('p', {class: 'error'}, failure(e)));
            }
        }),
        h('div', {class: 'actions'}, h('button', {type: 'button', id: 'verify', onClick: async () => {
            try {
                const v = await request('GET', 'audit/verification', undefined, {signal});
                verdict.className = v.valid ? 'ok' : 'error';
                verdict.textContent = v.valid ? t('chainValid', v.entries) : t('chainBroken', v.brokenAt, v.problem);
            } catch (e) {
                verdict.textContent = failure(e);
            }
        }}, t('verify'))), verdict, out);
}
